"""The workflow pages through AppTest: counts line and filters on the ranking, a decision recorded on the candidate
page (stored with the score shown, never without a choice and a name), the compare page, and the stale banner."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from screener.store import open_store
from screener.store.decisions import latest_decisions

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SCREENER_DB", str(tmp_path / "screener.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=240)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_ranking_counts_filters_and_guide(app: AppTest) -> None:
    counts = next(m.value for m in app.markdown if "screened ·" in m.value)
    table = app.dataframe[0].value
    assert counts.startswith(f"**{len(table)} screened · 0 unreadable · 0 possible duplicates")
    assert list(table["Candidate"]) == list(table["_code"])  # blind by default: codes, not names
    assert any(e.label.startswith("First time here?") for e in app.expander)
    assert app.checkbox(key="f_foreign").disabled  # blind review hides nationality markers, so no such filter
    app.checkbox(key="f_badge").check().run()
    _ok(app)
    shown = app.dataframe[0].value
    assert 0 < len(shown) < len(table) and all(b.startswith("✔") for b in shown["Badges"])
    app.checkbox(key="f_badge").uncheck().run()
    app.slider(key="f_score").set_value((80, 100)).run()
    assert all(v >= 80 for v in app.dataframe[0].value["Overall"])


def test_a_decision_needs_a_choice_and_a_name_then_is_stored_with_the_score(app: AppTest) -> None:
    app.switch_page("ui/candidate.py").run()
    _ok(app)
    record = next(b for b in app.button if b.label == "Record decision")
    assert record.disabled  # no name, no choice: nothing can be recorded
    app.text_input(key="reviewer_input").input("Ana Reviewer").run()
    next(r for r in app.radio if r.label == "Decision").set_value("hold").run()
    next(t for t in app.text_area if t.label == "Notes").input("call about the AWS badge").run()
    record = next(b for b in app.button if b.label == "Record decision")
    assert not record.disabled
    record.click().run()
    _ok(app)
    assert any("Current decision:" in m.value and "Ana Reviewer" in m.value for m in app.markdown)
    run = app.session_state["run"]
    with open_store() as store:
        [d] = latest_decisions(store, run.run_id).values()
    top = run.results[0]
    assert (d.decision, d.reviewer, d.notes, d.score_shown) == ("hold", "Ana Reviewer", "call about the AWS badge",
                                                                top.overall)
    app.switch_page("ui/screen.py").run()
    _ok(app)
    assert "1 decided" in next(m.value for m in app.markdown if "screened ·" in m.value)
    assert "‖ Hold (Ana Reviewer)" in list(app.dataframe[0].value["Decision"])


def test_compare_page(app: AppTest) -> None:
    app.switch_page("ui/compare.py").run()
    _ok(app)
    assert [s.value for s in app.subheader] == ["Per competency", "The evidence behind each score"]
    grid = app.dataframe[1].value
    assert len(grid.columns) == 3 and grid.columns[0] == "Competency"
    assert app.get("vega_lite_chart")
    # blind review (on by default) hides the foreign-credential marker: no row that would read a redacted "no"
    assert "Foreign credential" not in list(app.dataframe[0].value[""])


def test_new_uploads_make_the_ranking_stale_and_unexportable(app: AppTest) -> None:
    data = (ROOT / "sample_data" / "lucia_hernandez_civil_engineer.txt").read_bytes()
    app.file_uploader[0].upload("new_cv.txt", data, "text/plain")
    app.run()
    _ok(app)
    assert any("out of date" in w.value and "uploaded" in w.value for w in app.warning)
    assert any(s.value.startswith("Previous ranking") for s in app.subheader)
    downloads = [d for d in app.get("download_button")]
    assert downloads and all(d.proto.disabled for d in downloads)
    next(b for b in app.button if b.label == "Screen").click().run()
    _ok(app)
    assert not any("out of date" in w.value for w in app.warning)
    assert all(not d.proto.disabled for d in app.get("download_button"))
