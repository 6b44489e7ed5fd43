"""The Fairness page (AppTest): report table from stored demographics, log status, retention, erasure."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from screener.fairness.decision_log import verify_log
from screener.fairness.demographics import DemographicRow, store_demographics
from screener.store import open_store
from screener.store.decisions import record_decision

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, run_maker) -> tuple[AppTest, Path, dict]:
    db = tmp_path / "app.db"
    with open_store(db) as store:
        rid, codes = run_maker(store)
        c = list(codes.values())
        record_decision(store, rid, c[0], "advance", reviewer="Rita")
        store_demographics(store, rid, [DemographicRow(c[0], "Female", "Asian"), DemographicRow(c[1], "Male", ""),
                                        DemographicRow(c[2], "Female", "Black")])
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SCREENER_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=240)
    at.session_state["auto_ran"] = True  # do not screen the samples: this page reads the stored run
    at.run()
    at.switch_page("ui/fairness.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at, db, codes


def test_report_log_and_erasure(page) -> None:
    at, db, codes = page
    df = at.dataframe[0].value
    assert set(df["Group"]) >= {"Female", "Male", "Asian", "Black", "Female / Asian"}
    assert "Flags" in df.columns and any("small sample" in f for f in df["Flags"])
    text = " ".join(m.value for m in at.markdown) + " ".join(i.value for i in at.info)
    assert "compliant" not in text.lower() and "independent bias audit" in text
    assert any("Intact: 2 entries" in s.value for s in at.success)  # one decision, one demographics import
    code = codes["chen_li.txt"]
    at.text_input(key="erase_code").input(code).run()
    at.checkbox(key="erase_sure").check().run()
    next(b for b in at.button if b.label == "Erase").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("erased" in s.value and "tombstone" in s.value for s in at.success), [s.value for s in at.success]
    with open_store(db) as store:
        assert verify_log(store.conn).ok
        assert store.conn.execute("SELECT COUNT(*) FROM results WHERE candidate_code = ?", (code,)).fetchone()[0] == 0
