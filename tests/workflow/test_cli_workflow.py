"""The workflow's CLI commands on a stored run: shortlist (CSV with BOM, XLSX), duplicates, scorecard, summary;
bad input is one line and exit 2."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import pytest

from screener.cli import main
from screener.store.decisions import record_decision


@pytest.fixture
def db(stored, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, dict[str, str]]:
    store, rid, codes = stored
    record_decision(store, rid, codes["lucia.txt"], "advance", reviewer="Zoë", notes="张伟 agrees", score_shown=45.0)
    return str(store.path), rid, codes


def test_shortlist_csv_and_xlsx(db, tmp_path: Path) -> None:
    path, rid, codes = db
    out = tmp_path / "shortlist.csv"
    assert main(["shortlist", rid, "--out", str(out), "--db", path]) == 0
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and (out.stat().st_mode & 0o777) == 0o600
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["decided_by"] for r in rows if r["decision"]] == ["Zoë"]
    assert "Lucía" not in data.decode("utf-8-sig")  # blind by default
    assert main(["shortlist", rid, "--out", str(out), "--db", path, "--no-blind"]) == 0
    assert "Lucía Hernández" in out.read_text(encoding="utf-8-sig")
    assert main(["shortlist", rid, "--out", str(tmp_path / "s.xlsx"), "--db", path]) == 0
    assert (tmp_path / "s.xlsx").read_bytes()[:2] == b"PK"


def test_duplicates(db, capsys: pytest.CaptureFixture[str]) -> None:
    path, rid, codes = db
    assert main(["duplicates", rid, "--db", path, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[codes["ana_souza_cv.pdf"]] == [{"code": codes["souza_ana_resume.txt"],
                                                 "signals": ["same e-mail", "same name"]}]
    assert main(["duplicates", rid, "--db", path]) == 0
    assert "same e-mail" in capsys.readouterr().out


def test_scorecard_record_and_show(db, capsys: pytest.CaptureFixture[str]) -> None:
    path, rid, codes = db
    code = codes["ben_okafor_cv.docx"]
    assert main(["scorecard", rid, code, "--db", path, "--reviewer", "Ana", "--rate", "Programming=4:strong"]) == 0
    assert main(["scorecard", rid, code, "--db", path, "--json"]) == 0
    out = capsys.readouterr().out
    [row] = json.loads(out[out.index("["):])
    assert row["ratings"] == [{"reviewer": "Ana", "rating": 4, "comment": "strong"}] and row["verdict"] == "differ"


@pytest.mark.parametrize("argv", [
    ["scorecard", "RUN", "CODE", "--reviewer", "Ana", "--rate", "Programming=7"],
    ["scorecard", "RUN", "CODE", "--rate", "Programming=3"],
    ["scorecard", "RUN", "CODE", "--reviewer", "Ana", "--rate", "Cooking=3"],
    ["scorecard", "RUN", "C-00000000"],
    ["summary", "RUN", "CODE", "--out", "x.pdf"],
    ["shortlist", "RUN", "--out", "x.json"],
    ["shortlist", "no-such-run", "--out", "x.csv"],
])
def test_bad_input_is_one_line_and_exit_2(db, argv, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, rid, codes = db
    argv = [a.replace("RUN", rid) if a == "RUN" else a for a in argv]
    argv = [codes["chen_li.txt"] if a == "CODE" else a for a in argv]
    argv = [str(tmp_path / a) if a.startswith("x.") else a for a in argv]
    assert main([*argv, "--db", path]) == 2
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err and "Traceback" not in err


def test_summary(db, tmp_path: Path) -> None:
    path, rid, codes = db
    out = tmp_path / "s.html"
    assert main(["summary", rid, codes["lucia.txt"], "--out", str(out), "--db", path]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Lucía" not in page and codes["lucia.txt"] in page and "张伟 agrees" in page
    assert main(["summary", rid, codes["lucia.txt"], "--out", str(out), "--db", path, "--no-blind"]) == 0
    assert "Lucía Hernández" in out.read_text(encoding="utf-8")
