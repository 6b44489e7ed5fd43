"""The Streamlit app, driven through AppTest: it opens on the samples, takes uploads and shows the ranking."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
SAMPLES = ROOT / "sample_data"


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["blind"] = False  # these tests read names and file names; blind review: tests/fairness/test_app_blind.py
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _table_files(at: AppTest) -> list[str]:
    df = at.dataframe[0].value
    return list(df["File"])


def test_opens_on_sample_data_ranked(app: AppTest) -> None:
    assert app.title[0].value == "Skills Screener"
    files = _table_files(app)
    assert "priya_raman_software_engineer.pdf" in files and len(files) >= 8
    overall = list(app.dataframe[0].value["Overall"])
    assert overall == sorted(overall, reverse=True)
    counts = next(m.value for m in app.markdown if "screened ·" in m.value)
    assert f"{len(files)} screened · 0 unreadable" in counts  # the counts line (tests/workflow: the ranking)


def test_upload_a_file_and_see_it_ranked(app: AppTest) -> None:
    data = (SAMPLES / "lucia_hernandez_civil_engineer.txt").read_bytes()
    app.file_uploader[0].upload("uploaded_cv.txt", data, "text/plain")
    app.file_uploader[0].upload("broken.pdf", b"%PDF-1.4 not really", "application/pdf")
    app.run()
    app.checkbox[0].uncheck()
    app.run()
    app.button[0].click()
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    assert _table_files(app) == ["uploaded_cv.txt"]
    problems = app.dataframe[1].value
    assert list(problems["File"]) == ["broken.pdf"] and problems["Problem"][0]


def test_candidate_page_shows_evidence(app: AppTest) -> None:
    app.switch_page("ui/candidate.py")
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    assert app.title[0].value == "Candidate"
    assert any("Why not" in m.value or "✔️" in m.value for m in app.markdown)
    assert any("<mark" in m.value for m in app.markdown)


def test_rubrics_and_about_pages(app: AppTest) -> None:
    app.switch_page("ui/rubrics.py")
    app.run()
    assert not app.exception and app.dataframe[0].value.shape[0] >= 1
    app.switch_page("ui/about.py")
    app.run()
    assert not app.exception
    assert any("decision support" in m.value for m in app.markdown)


def test_candidate_badge_panel_shows_verdicts_in_words(app: AppTest) -> None:
    app.session_state["candidate_file"] = "priya_raman_software_engineer.pdf"
    app.switch_page("ui/candidate.py")
    app.run()
    assert not app.exception
    panel = [m.value for m in app.markdown if "counts as:" in m.value]
    assert any("Verified" in p and "Cloud Infrastructure on AWS" in p for p in panel)
    assert any("Verified" in p and "Kubernetes Operations" in p for p in panel)
    app.session_state["candidate_file"] = "emily_carter_mechanical_engineer.docx"
    app.run()
    panel = [m.value for m in app.markdown if "counts as:" in m.value]
    assert any("Failed" in p and "no evidence" in p for p in panel), panel
    assert any("failed verification" in w.value for w in app.warning)
