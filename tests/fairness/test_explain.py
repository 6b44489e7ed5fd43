"""Candidate explanations: self-contained HTML, applicant text escaped, the duties it must cover."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from screener.fairness.explain import explanation_html, explanation_html_from_store
from screener.store.decisions import record_decision

ROOT = Path(__file__).resolve().parents[2]


def test_explanation_covers_the_duties_and_escapes_applicant_text(stored):
    store, rid, codes = stored
    code = codes["ana_souza_cv.pdf"]
    record_decision(store, rid, code, "reject", reviewer="Rita", reasons=["Must-have not met"],
                    reason_text="<script>alert(1)</script>", score_shown=80.0)
    page = explanation_html_from_store(store, rid, code, contact="jobs@example.com")
    for words in ("A person makes the decision", "never uses in a score", "human review", "Correct the record",
                  "SB 26-189", "AI Act", "not moved forward", "Must-have not met", "The tool's role in this decision",
                  "jobs@example.com", code, "Python", "3 years"):
        assert words in page, words
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # no external resources
    assert "<script" not in page.lower() and "<link" not in page.lower()
    assert explanation_html_from_store(store, rid, "ana_souza_cv.pdf").count(code) >= 1


def test_hostile_result_text_is_escaped():
    result = {"candidate": "<img src=x onerror=alert(1)>", "overall": 50.0, "competencies": [
        {"name": "Ops", "weight_share": 1.0, "required_level": 2, "level": 1, "score": 50.0, "must_have": False,
         "evidence": [{"quote": "**bold** <b>x</b>", "context": "<iframe src='http://evil'>", "kind": "role",
                       "section": "experience", "role": "", "source": "résumé"}], "why_not": ["<u>no</u>"]}],
        "badges": [{"name": "<svg onload=1>", "verdict": "valid", "reasons": ["ok"]}], "equivalencies": [],
        "warnings": ["<marquee>"]}
    page = explanation_html(result, candidate_code="C-1", run_id="r", role="<Role>", as_of="2026-12-01")
    for bad in ("<img", "<iframe", "<svg", "<marquee", "<u>", "<b>x", "<Role>"):
        assert bad not in page, bad
    assert "No decision has been recorded yet" in page


def test_unreadable_file_explains_itself():
    page = explanation_html({"candidate": "", "overall": None, "error": "scanned image"}, candidate_code="C-2",
                            run_id="r", role="Nurse", as_of="2026-12-01")
    assert "could not be read" in page and "scanned image" in page


def test_cli_explain(tmp_path, run_maker):
    from screener.store import open_store

    db = tmp_path / "s.db"
    with open_store(db) as store:
        rid, codes = run_maker(store)
    out = tmp_path / "e.html"
    code = codes["ben_okafor_cv.docx"]
    p = subprocess.run([sys.executable, "-m", "screener", "explain", rid, code, "--out", str(out), "--db", str(db)],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    assert code in out.read_text(encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "screener", "explain", rid, "C-nope", "--out", str(out), "--db",
                        str(db)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1
