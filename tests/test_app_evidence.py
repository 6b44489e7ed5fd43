"""The candidate page's evidence: one row per piece in plain words, full context as plain text, achievements, and
the licensing path only for a regulated role and a foreign credential (AppTest on the samples)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


@pytest.fixture(scope="module")
def app() -> AppTest:
    mp = pytest.MonkeyPatch()
    mp.chdir(ROOT)
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["blind"] = False
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    yield at
    mp.undo()


def candidate(app: AppTest, file: str) -> AppTest:
    app.session_state["candidate_file"] = file
    app.switch_page("ui/candidate.py")
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def test_evidence_rows_in_plain_words_one_per_badge(app: AppTest) -> None:
    at = candidate(app, "priya_raman_software_engineer.pdf")
    tables = [d.value for d in at.dataframe if "Found as" in d.value.columns]
    assert tables
    found = [v for t in tables for v in t["Found as"]]
    assert "Used in a dated role — strong" in found
    assert not any("skills-list" in v or "0.3" in v for v in found)
    for t in tables:  # a badge is one row, however many of its fields name the skill
        badges = [w for w, f in zip(t["Where"], t["Found as"], strict=True) if f.startswith("Verified badge")]
        assert len(badges) == len(set(badges))
    assert any("80 = the evidence meets" in c.value for c in at.caption)
    assert at.code  # full context of each piece, shown as plain text


def test_no_licensing_path_on_a_software_role(app: AppTest) -> None:
    at = candidate(app, "wei_zhang_software_engineer.docx")  # a foreign engineering degree, software rubric
    assert not [i for i in at.info if "Licensing" in i.value or "licensing path" in i.value]
    assert not any("Licensing path" in c.value for c in at.caption)
