"""The app keeps runs across sessions: a new browser session opens on the most recent stored run (uploads
included), and past runs are listed and reopened."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
SAMPLES = ROOT / "sample_data"


def _session(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["blind"] = False  # these tests read file names; blind review: tests/fairness/test_app_blind.py
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _files(at: AppTest) -> list[str]:
    return list(at.dataframe[0].value["File"])


def test_new_session_opens_on_the_last_run_with_its_uploads(monkeypatch: pytest.MonkeyPatch) -> None:
    first = _session(monkeypatch)  # the samples, screened and stored
    assert "priya_raman_software_engineer.pdf" in _files(first)
    first.file_uploader[0].upload("uploaded_cv.txt", (SAMPLES / "lucia_hernandez_civil_engineer.txt").read_bytes(),
                                  "text/plain")
    first.run()
    first.checkbox[0].uncheck()
    first.run()
    first.button[0].click()
    first.run()
    assert _files(first) == ["uploaded_cv.txt"]

    second = _session(monkeypatch)  # a reload / another browser: no uploads in this session, yet the run is here
    assert _files(second) == ["uploaded_cv.txt"]
    assert second.checkbox[0].label == "Include the sample résumés" and not second.checkbox[0].value  # as screened
    second.switch_page("ui/candidate.py")
    second.run()
    assert not second.exception, [e.message for e in second.exception]
    shown = " ".join(m.value for m in second.markdown)
    assert "twelve years of experience" in shown  # the résumé text, kept in the store by sha256

    third = _session(monkeypatch)
    picker = next(s for s in third.selectbox if s.label == "Run")
    assert len(picker.options) == 2
    picker.select_index(1)
    third.run()
    next(b for b in third.button if b.label == "Open this run").click()
    third.run()
    assert not third.exception, [e.message for e in third.exception]
    assert "priya_raman_software_engineer.pdf" in _files(third)
    assert third.checkbox[0].value  # the samples run opens with its samples box ticked


def test_a_run_screened_from_the_command_line_opens_on_its_own_rubric(monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    """A run made with `screener screen --rubric rubrics/data-analyst.yaml` opened in the app as 'out of date: the
    rubric chosen (Software Engineer) is not the one it was screened with'."""
    import os
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "screener", "screen", str(SAMPLES / "grace_mensah_financial_analyst.txt"),
                          "--rubric", str(ROOT / "rubrics" / "data-analyst.yaml"), "--db", os.environ["SCREENER_DB"],
                          "--out", str(tmp_path / "results.csv")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    at = _session(monkeypatch)
    picker = next(s for s in at.selectbox if s.label == "Role rubric")
    assert picker.value.endswith("data-analyst.yaml"), picker.value
    assert not any("out of date" in w.value for w in at.warning), [w.value for w in at.warning]
    assert _files(at) == ["grace_mensah_financial_analyst.txt"]
