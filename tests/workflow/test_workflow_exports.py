"""Ranking with decisions (CSV with a BOM, XLSX), the one-page candidate summary, the roles timeline, staleness."""

from __future__ import annotations

import codecs
import csv
import io
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from screener.fairness.redact import result_code
from screener.store.decisions import latest_decisions, record_decision
from screener.workflow.duplicates import find_duplicates
from screener.workflow.exports import (
    candidate_summary_html,
    ranking_csv_bytes,
    ranking_with_decisions,
    ranking_xlsx_bytes,
    role_timeline,
)
from screener.workflow.scorecards import agreement, latest_ratings, record_scorecard
from screener.workflow.staleness import InputsSignature


def _rows(store, rid, run, *, blind):
    return ranking_with_decisions(run, ["Programming"], decisions=latest_decisions(store, rid),
                                  duplicates=find_duplicates(run.results), blind=blind)


@pytest.mark.parametrize("blind", [True, False])
def test_csv_has_a_bom_decisions_and_escaped_cells(stored, run, blind) -> None:
    store, rid, codes = stored
    record_decision(store, rid, codes["lucia.txt"], "advance", reviewer="Zoë", reasons=[],
                    reason_text="=cmd|' /C calc'!A0", notes="张伟 liked it", score_shown=45.0)
    data = ranking_csv_bytes(_rows(store, rid, run, blind=blind))
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["rank"] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    lucia = next(r for r in rows if r["candidate_code"] == codes["lucia.txt"])
    assert lucia["decision"] == "advance" and lucia["decided_by"] == "Zoë" and lucia["score_at_decision"] == "45.0"
    assert lucia["decision_reasons"] == "'=cmd|' /C calc'!A0"  # a formula written as a reason stays text
    assert lucia["decision_notes"] == "张伟 liked it" and lucia["run_id"] == rid
    ana = next(r for r in rows if r["candidate_code"] == codes["ana_souza_cv.pdf"])
    assert ana["possible_duplicate"].startswith("possible duplicate of " + codes["souza_ana_resume.txt"])
    text = data.decode("utf-8-sig")
    if blind:
        assert "Souza" not in text and "Lucía" not in text and "ana_souza_cv" not in text
    else:
        assert "Lucía Hernández" in text and "张伟" in text
    assert all(not v.startswith(("=", "+", "@")) for r in rows for v in r.values())


def test_xlsx_round_trips_unicode_and_never_holds_a_formula(stored, run) -> None:
    store, rid, codes = stored
    record_decision(store, rid, codes["chen_li.txt"], "reject", reviewer="Ana", reason_text="=1+1")
    rows = _rows(store, rid, run, blind=False)
    wb = load_workbook(io.BytesIO(ranking_xlsx_bytes(rows)))
    ws = wb["Ranking"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["rank", "candidate_code", "file"] and "decision" in header
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert len(values) == 6 and any("Lucía Hernández" in (v or "") for row in values for v in row if isinstance(v, str))
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws.freeze_panes == "A2"


def test_summary_is_self_contained_escaped_and_complete(stored, run) -> None:
    store, rid, codes = stored
    code = codes["lucia.txt"]
    record_decision(store, rid, code, "hold", reviewer="<script>alert(1)</script>", notes="<img src=x>",
                    score_shown=45.0)
    record_scorecard(store, rid, code, reviewer="Bo", ratings={"Programming": (3, "<b>good</b>")})
    result = next(r for r in run.results if result_code(r) == code)
    page = candidate_summary_html(result, rank=6, total=6, role="Engineer <Senior>", as_of="2026-12-01",
                                  run_id=rid, rubric_sha256="ab" * 32,
                                  decisions=[d for d in latest_decisions(store, rid).values() if d.candidate_code == code],
                                  agreement_rows=agreement(latest_ratings(store, rid, code), {"Programming": 2}),
                                  duplicate_words="", blind=False)
    assert page.startswith("<!doctype html>") and "Content-Security-Policy" in page
    for hostile in ("<script>", "<img", "<b>good", "<Senior>"):
        assert hostile not in page
    assert "&lt;script&gt;" in page and "Lucía Hernández" in page and "rank 6 of 6" in page
    assert "Reviewers&#x27; scorecards" in page or "Reviewers' scorecards" in page
    assert "hold" in page and "45.0" in page and "abababababab" in page
    tags = _tags(page)
    assert {t for t, _ in tags} <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table", "tr",
                                    "th", "td", "ul", "li", "span", "br"}
    assert all(name in ("lang", "charset", "http-equiv", "content", "class") for _, attrs in tags for name, _ in attrs)


def _tags(page: str) -> list:
    from html.parser import HTMLParser

    found = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    P().feed(page)
    return found


def test_summary_without_decisions_says_so(run) -> None:
    page = candidate_summary_html(run.results[0], rank=1, total=6, role="Engineer", as_of="2026-12-01")
    assert "No decision recorded yet" in page


def _ev(comp_role: str, label: str):
    return SimpleNamespace(kind="role", role=comp_role, skill_label=label, quote=label)


@pytest.mark.parametrize(("role", "want"), [
    ("Engineer — Acme (2019-01 – present)", ("Engineer — Acme", "2019-01", "2026-12", True)),
    ("Analyst — Bank (2015 – 2018)", ("Analyst — Bank", "2015-01", "2018-12", False)),
    ("Lead — X (2020-03 - 2021-07)", ("Lead — X", "2020-03", "2021-07", False)),
    ("Undated role — Somewhere", None),
    ("Backwards — Y (2020 – 2018)", None),
])
def test_role_timeline(role, want) -> None:
    result = SimpleNamespace(competencies=[SimpleNamespace(name="Python", evidence=[_ev(role, "Python")]),
                                           SimpleNamespace(name="SQL", evidence=[_ev(role, "SQL"), _ev(role, "PostgreSQL")])])
    spans = role_timeline(result, as_of="2026-12-01")
    if want is None:
        assert spans == []
    else:
        [s] = spans
        assert (s.role, s.start, s.end, s.open_ended) == want
        assert s.competencies == ("Python", "SQL") and s.skills == ("PostgreSQL", "Python", "SQL")


@pytest.mark.parametrize(("after", "changes"), [
    (("rubric: a", [("a.pdf", b"1")], True), []),
    (("rubric: b", [("a.pdf", b"1")], True), ["the rubric changed since the last screening"]),
    (("rubric: a", [("a.pdf", b"1"), ("b.pdf", b"2")], True), ["the uploaded files changed (1 added)"]),
    (("rubric: a", [("a.pdf", b"changed")], True), ["the uploaded files changed (1 added, 1 removed)"]),
    (("rubric: a", [("a.pdf", b"1")], False), ["the sample résumés were left out since"]),
])
def test_staleness(after, changes) -> None:
    before = InputsSignature.of("rubric: a", [("a.pdf", b"1")], samples=True)
    now = InputsSignature.of(after[0], after[1], samples=after[2])
    assert now.changes(before) == changes
    assert now.changes(None) == []


def test_role_timeline_joins_evidence_to_the_work_history_by_index() -> None:
    """The typed dates of the work history, not the label: a title holding its own years in brackets, a role with
    a start only (its first month), a current role (to the as-of month)."""
    history = (SimpleNamespace(title="Engineer (2010 – 2012 programme)", employer="Acme", start="2019-03", end="present"),
               SimpleNamespace(title="Analyst", employer="Bank", start="2015", end="2018"),
               SimpleNamespace(title="Intern", employer="Lab", start="2014-06", end=None))
    ev = [SimpleNamespace(kind="role", role=f"label {i}", role_index=i, skill_label="SQL", quote="SQL") for i in range(3)]
    result = SimpleNamespace(work_history=history, competencies=[SimpleNamespace(name="SQL", evidence=ev)])
    spans = [(s.role, s.start, s.end, s.open_ended) for s in role_timeline(result, as_of="2026-12-01")]
    assert spans == [("Intern — Lab", "2014-06", "2014-06", False), ("Analyst — Bank", "2015-01", "2018-12", False),
                     ("Engineer (2010 – 2012 programme) — Acme", "2019-03", "2026-12", True)]


def test_screened_evidence_carries_its_roles_index() -> None:
    from datetime import date
    from pathlib import Path

    from screener.pipeline.context import ScreenOptions, build_context
    from screener.pipeline.screen_one import screen_one
    from screener.rubric import load_rubric

    root = Path(__file__).resolve().parents[2]
    ctx = build_context(load_rubric(root / "rubrics" / "software-engineer.yaml"), ScreenOptions(as_of=date(2026, 12, 1)))
    cv = ("Mira Dahl\nmira@example.com\n\nEXPERIENCE\nDeveloper  2021 - 2024\nOrvel Works\nBuilt services in Python.\n\n"
          "Analyst  2016 - 2020\nHalvard Ltd\nWrote SQL reports.\n")
    result = screen_one("cv.txt", cv.encode(), (), ctx)
    spans = [(s.role, s.start, s.end) for s in role_timeline(result, as_of="2026-12-01")]
    assert spans == [("Analyst — Halvard Ltd", "2016-01", "2020-12"), ("Developer — Orvel Works", "2021-01", "2024-12")]
    assert all(e.role_index is not None for c in result.competencies for e in c.evidence if e.kind == "role")
