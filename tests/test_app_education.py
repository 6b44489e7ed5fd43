"""The candidate page: the kind of each education entry beside its credential and school, and the work history
with its dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.session_state["blind"] = False
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_candidate_page_shows_the_kind_of_each_education_entry(app: AppTest) -> None:
    app.session_state["candidate_file"] = "priya_raman_software_engineer.pdf"
    app.switch_page("ui/candidate.py")
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    lines = [m.value for m in app.markdown if "University of Delhi" in m.value]
    assert lines and lines[0].endswith(" · degree"), lines


def test_candidate_page_lists_the_work_history_with_dates(app: AppTest) -> None:
    app.session_state["candidate_file"] = "priya_raman_software_engineer.pdf"
    app.switch_page("ui/candidate.py")
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    assert any(h.value == "Work history" for h in app.subheader)
    tables = [d.value for d in app.dataframe if "Employer" in d.value.columns]
    assert tables, "no work-history table on the candidate page"
    rows = tables[0].to_dict("records")
    assert rows[0]["Title"] == "Senior Software Engineer" and rows[0]["Employer"] == "Cascade Freight Technologies"
    assert rows[0]["Dates"] == "2019-01 – present"
    assert rows[1]["Dates"] == "2016 – 2018"
