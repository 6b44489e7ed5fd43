"""The candidate's work history is kept with the result (dates as read, never guessed), round-trips through JSON
(the store keeps results as JSON), is redacted in blind review and is shown in plain words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from screener.fairness.redact import BlindOptions, redact_candidate, redact_result_json
from screener.pipeline import ScreenOptions, screen
from screener.rubric import load_rubric
from screener.score.model import CandidateResult, WorkHistoryEntry
from screener.score.present import dates_words, span_words, work_history_rows

ROOT = Path(__file__).resolve().parents[2]
OPTS = ScreenOptions(as_of=date(2026, 12, 1), sandbox=False)

RESUME = """Dana Quill
dana.quill@example.com

EXPERIENCE
Senior Data Analyst — Northwind Traders
Mar 2021 – Present
• Wrote SQL queries for the sales dashboards in Tableau.

Data Analyst — Contoso Ltd
Jan 2018 – Feb 2021
• Built Excel models for the monthly forecast.

SKILLS
SQL, Excel, Tableau
"""


def _result() -> CandidateResult:
    run = screen(load_rubric(ROOT / "rubrics" / "data-analyst.yaml"), [("dana.txt", RESUME.encode())], options=OPTS)
    return run.results[0]


def test_roles_are_kept_with_their_dates_and_spans() -> None:
    r = _result()
    history = r.work_history
    assert [(w.title, w.employer, w.start, w.end) for w in history] == [
        ("Senior Data Analyst", "Northwind Traders", "2021-03", "present"),
        ("Data Analyst", "Contoso Ltd", "2018-01", "2021-02"),
    ]
    assert history[0].months == 70  # March 2021 to December 2026 (the as-of month), inclusive
    assert history[1].months == 38


def test_work_history_round_trips_through_json() -> None:
    r = _result()
    again = CandidateResult.from_json(r.to_json())
    assert again.work_history == r.work_history
    assert again == replace(r, profile=None)
    old = r.to_json()
    del old["work_history"]  # a result stored before work history was kept
    assert CandidateResult.from_json(old).work_history == ()


def test_blind_review_hides_the_name_and_optionally_the_employer_in_the_work_history() -> None:
    r = _result()
    r = replace(r, work_history=(*r.work_history, WorkHistoryEntry(title="Analyst to Dana Quill", employer="Quill & Co")))
    shown = redact_candidate(r, "C-00000000", options=BlindOptions(schools=True, employers=True, nationality=False))
    assert "Northwind" not in str(shown.work_history) and "Dana" not in str(shown.work_history)
    assert shown.work_history[0].start == "2021-03"  # dates of a job are job evidence, kept
    kept = redact_candidate(r, "C-00000000", options=BlindOptions(schools=True, employers=False, nationality=False))
    assert kept.work_history[0].employer == "Northwind Traders"
    assert "Dana" not in str(kept.work_history)
    stored, _ = redact_result_json(r.to_json(), RESUME, "C-00000000",
                                   options=BlindOptions(schools=True, employers=True, nationality=False))
    assert "Northwind" not in str(stored["work_history"]) and stored["work_history"][1]["end"] == "2021-02"


def test_rows_say_dates_in_plain_words_and_never_invent_them() -> None:
    assert span_words(38) == "3 yr 2 mo" and span_words(11) == "11 mo" and span_words(24) == "2 yr"
    assert span_words(None) == ""
    assert dates_words(WorkHistoryEntry(title="Volunteer")) == "no dates given"
    assert dates_words(WorkHistoryEntry(title="Tutor", start="2019")) == "from 2019 (no end given)"
    rows = work_history_rows(_result())
    assert rows[0] == {"Title": "Senior Data Analyst", "Employer": "Northwind Traders", "Location": "",
                       "Dates": "2021-03 – present", "Length": "5 yr 10 mo"}
