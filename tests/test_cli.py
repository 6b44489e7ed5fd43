"""The CLI contracts (../shared/design/architecture.md): output shapes, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from screener.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
RUBRIC = ROOT / "rubrics" / "software-engineer.yaml"
AS_OF = "2026-12-01"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    path = SAMPLES / "lucia_hernandez_civil_engineer.txt"
    code, out, _ = run(capsys, "parse", str(path), "--json", "--as-of", AS_OF)
    assert code == 0
    data = json.loads(out)
    assert data["file"] == path.name
    for key in ("skills", "roles", "education", "certifications", "badges"):
        assert isinstance(data[key], list), key
    assert isinstance(data["health"], dict)
    text = path.read_text(encoding="utf-8")
    assert data["skills"], "a civil engineer's résumé names skills"
    for s in data["skills"]:
        assert set(s) >= {"text", "id", "label", "start", "end", "section"}
    assert any(s["text"].casefold() in text.casefold() for s in data["skills"])
    assert data["roles"] and all(r["start"] for r in data["roles"])
    assert any(r["end"] == "present" for r in data["roles"])
    edu = data["education"]
    assert edu and any("Ingenier" in e["credential"] for e in edu)
    assert any(e["equivalency"] and e["equivalency"]["isced_level"] == 6 for e in edu)


def test_parse_json_education_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``kind`` in the annotations' words (degree / program / secondary); the finer kind in ``kind_detail``."""
    cv = tmp_path / "cv.txt"
    cv.write_text("Rosa Vidal\nrosa@example.com\n\nEDUCATION\n"
                  "Full-Stack Web Development Bootcamp, Brightline Coding Academy, 2022\n"
                  "Bachelor of Science in Biology, University of Porto, 2015\n"
                  "Certificate III in Carpentry, Northside TAFE, 2010\n", encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(cv), "--json", "--as-of", AS_OF)
    assert code == 0
    kinds = {(e["kind"], e["kind_detail"]) for e in json.loads(out)["education"]}
    assert kinds == {("program", "bootcamp"), ("degree", "degree"), ("program", "vocational")}, kinds


def test_screen_writes_csv_with_contract_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "results.csv"
    code, _, err = run(capsys, "screen", "--rubric", str(RUBRIC), str(SAMPLES), "--out", str(out),
                       "--offline-map", str(SAMPLES / "offline-map.json"), "--as-of", AS_OF)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    resumes = [p for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".docx", ".txt")
               or (p.suffix == ".json" and p.name != "offline-map.json")]
    assert len(rows) == len(resumes)
    for col in ("file", "candidate", "overall", "must_haves_met", "degree", "warnings", "error"):
        assert col in rows[0]
    assert all(r["error"] == "" for r in rows)
    overall = [float(r["overall"]) for r in rows]
    assert overall == sorted(overall, reverse=True)
    assert "scored" in err


def test_screen_json_is_deterministic_and_has_evidence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for out in (a, b):
        code, _, _ = run(capsys, "screen", "--rubric", str(RUBRIC), str(SAMPLES / "priya_raman_software_engineer.pdf"),
                         str(SAMPLES / "jordan_ellis_self_taught_developer.json"), "--out", str(out),
                         "--as-of", AS_OF)
        assert code == 0
    assert a.read_bytes() == b.read_bytes()
    data = json.loads(a.read_text(encoding="utf-8"))
    assert data["as_of"] == AS_OF and len(data["results"]) == 2
    top = data["results"][0]
    quoted = [e for c in top["competencies"] for e in c["evidence"]]
    assert quoted and all(e["quote"] for e in quoted)


def test_bad_file_is_an_error_row_and_the_rest_is_scored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "r.csv"
    code, _, _ = run(capsys, "screen", "--rubric", str(RUBRIC), str(bad), str(empty),
                     str(SAMPLES / "lucia_hernandez_civil_engineer.txt"), "--out", str(out), "--as-of", AS_OF)
    assert code == 0
    rows = {r["file"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))}
    assert rows["broken.pdf"]["error"] and rows["broken.pdf"]["overall"] == ""
    assert rows["empty.txt"]["error"]
    assert rows["lucia_hernandez_civil_engineer.txt"]["error"] == ""
    assert float(rows["lucia_hernandez_civil_engineer.txt"]["overall"]) >= 0


@pytest.mark.parametrize(
    ("argv", "piece"),
    [
        (["screen", "--rubric", "tests/fixtures/rubrics/unknown_field.yaml", "sample_data"], "colour"),
        (["screen", "--rubric", "rubrics/nope.yaml", "sample_data"], "not found"),
        (["screen", "--rubric", str(RUBRIC), "no/such/dir"], "no such file"),
        (["screen", "--rubric", str(RUBRIC), "sample_data", "--out", "x.doc"], ".csv, .json or .xlsx"),
        (["parse", "no/such/file.pdf", "--json"], "not found"),
        (["parse", "sample_data/badges/priya_raman_kubernetes.png", "--json"], "priya_raman_kubernetes.png"),
        (["badge", "verify", "no/such/badge.json", "--json"], "no such file"),
        (["equivalency", "  ", "--json"], "credential"),
        (["screen"], "--rubric"),
        (["frobnicate"], "invalid choice"),
        (["parse", "x", "--as-of", "yesterday"], "--as-of"),
    ],
)
def test_bad_input_exits_2_with_one_line(argv: list[str], piece: str, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, *argv)
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and piece in lines[0], err
    assert "Traceback" not in err


def test_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("role: [\n")
    p = subprocess.run([sys.executable, "-m", "screener", "screen", "--rubric", str(bad), str(SAMPLES)],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 2 and "Traceback" not in p.stderr and "not valid YAML" in p.stderr


def test_equivalency_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "equivalency", "Bacharel em Engenharia Mecânica", "--country", "BR", "--json")
    assert code == 0
    data = json.loads(out)
    for key in ("credential", "country", "us_equivalent", "isced_level", "contested", "regulated_profession",
                "licensing_path", "sources", "note"):
        assert key in data
    assert data["isced_level"] == 6 and "NACES or AICE" in data["note"]
    code, out, _ = run(capsys, "equivalency", "Grand Wizard of Nowhere", "--json")
    assert code == 0 and json.loads(out)["isced_level"] is None


def test_badge_verify_contract(capsys: pytest.CaptureFixture[str]) -> None:
    badges = sorted((SAMPLES / "badges").glob("*"))
    assert badges
    code, out, _ = run(capsys, "badge", "verify", "https://badges.northwind-skills.example/credentials/"
                       "3f1c9a2e-cloud-infrastructure", "--offline-map", str(SAMPLES / "offline-map.json"),
                       "--email", "priya.raman@example.com", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["verdict"] == "valid" and isinstance(data["reasons"], list) and "issuer" in data
    code, out, _ = run(capsys, "badge", "verify", "http://169.254.169.254/latest/meta-data/", "--json")
    assert code == 0 and json.loads(out)["verdict"] == "unsafe-url"


def test_rubric_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rubric", "check", str(RUBRIC))
    assert code == 0 and "OK" in out


def test_same_output_across_processes_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Byte-identical results from two fresh interpreters with different string-hash seeds (set order)."""
    outs = []
    for seed in ("0", "1", "3"):
        out = tmp_path / f"r{seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        p = subprocess.run([sys.executable, "-m", "screener", "screen", "--rubric", str(RUBRIC), str(SAMPLES),
                            "--offline-map", str(SAMPLES / "offline-map.json"), "--as-of", AS_OF, "--out", str(out)],
                           capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
        assert p.returncode == 0, p.stderr
        parse = subprocess.run([sys.executable, "-m", "screener", "parse", str(SAMPLES / "tomasz_nowak_data_engineer_"
                                "two_column.pdf"), "--json", "--as-of", AS_OF],
                               capture_output=True, cwd=ROOT, env=env, timeout=300)
        outs.append((out.read_bytes(), parse.stdout))
    assert outs[0][0] == outs[1][0] == outs[2][0]
    assert outs[0][1] == outs[1][1] == outs[2][1]
