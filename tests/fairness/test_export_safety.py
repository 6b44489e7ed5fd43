"""Fairness exports are spreadsheet-safe and private: a group label that looks like a formula is escaped in the
impact CSV, and every file the fairness commands write is mode 0600 (they are about people)."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest

from screener.cli import main
from screener.fairness.impact import ScoreRow, impact_report, report_csv


def test_impact_csv_escapes_formula_group_labels() -> None:
    rows = [ScoreRow(str(i), float(i), "=HYPERLINK(\"http://203.0.113.9\",\"x\")" if i % 2 else "@F", "+A", i > 3)
            for i in range(8)]
    out = report_csv(impact_report(rows))
    cells = [c for r in csv.reader(io.StringIO(out.lstrip("\ufeff"))) for c in r]
    assert "'=HYPERLINK(\"http://203.0.113.9\",\"x\")" in cells and "'@F" in cells and "'+A" in cells
    assert not any(c.lstrip(" \t\r\n").startswith(("=", "+", "@")) for c in cells)


def test_impact_csv_out_is_private(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = tmp_path / "scores.csv"
    scores.write_text("candidate_id,score,sex,race_ethnicity,advanced\n"
                      + "".join(f"{i},{i},{'F' if i % 2 else 'M'},A,{'yes' if i > 3 else 'no'}\n" for i in range(8)),
                      encoding="utf-8")
    out = tmp_path / "impact.csv"
    old = os.umask(0)
    try:
        code = main(["fairness", "report", str(scores), "--csv-out", str(out)])
    finally:
        os.umask(old)
    err = capsys.readouterr().err
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
