"""The candidate page names each education entry's kind in plain words beside its credential and school."""

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
