"""Retention periods, purge, erasure (tombstones keep the chain verifiable) and stored demographics."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from screener.errors import UsageError
from screener.fairness import decision_log
from screener.fairness.decision_log import verify_log
from screener.fairness.demographics import import_demographics, run_score_rows
from screener.fairness.impact import impact_report
from screener.fairness.retention import erase_candidate, get_retention, purge, set_retention
from screener.store import open_store
from screener.store.decisions import record_decision, record_reveal

ROOT = Path(__file__).resolve().parents[2]


def _db_bytes(db: Path) -> bytes:
    out = b""
    for p in (db, db.with_name(db.name + "-wal")):
        if p.exists():
            out += p.read_bytes()
    return out


def test_default_retention_is_three_years_for_decisions(stored):
    store, _, _ = stored
    s = get_retention(store.conn)
    assert s.decisions == 1096 and s.documents is None and s.results is None
    s = set_retention(store.conn, documents=30, results=None, decisions=400, by="HR")
    assert (s.documents, s.results, s.decisions) == (30, None, 400)
    assert any("3 years" in line for line in s.describe())
    assert decision_log.entries(store.conn)[-1].kind == "retention"
    for bad in (0, -1, 10**9, 2.5, True):
        with pytest.raises(UsageError):
            set_retention(store.conn, documents=bad)
    assert verify_log(store.conn).ok


def test_erase_removes_personal_data_and_keeps_the_chain(stored, db, tmp_path):
    store, rid, codes = stored
    ana = codes["ana_souza_cv.pdf"]
    ben = codes["ben_okafor_cv.docx"]
    record_decision(store, rid, ana, "advance", reviewer="Rita", notes="Ana Souza is strong", score_shown=80.0)
    record_decision(store, rid, ben, "hold", reviewer="Rita")
    record_reveal(store, rid, ana, reviewer="Rita", reason="interview")
    demo = tmp_path / "d.csv"
    demo.write_text(f"candidate_code,sex,race_ethnicity\n{ana},Female,Hispanic or Latino\n{ben},Male,\n",
                    encoding="utf-8")
    import_demographics(store, rid, demo)
    assert b"ana.souza@example.com" in _db_bytes(db)
    summary = erase_candidate(store, ana, actor="DPO")
    assert (summary.results, summary.documents, summary.demographics, summary.decisions) == (1, 1, 1, 1)
    assert summary.log_entries == 2
    v = verify_log(store.conn)
    assert v.ok, v.problem
    raw = _db_bytes(db)
    for secret in (b"ana.souza@example.com", b"Ana Souza", b"ana_souza_cv", b"Hispanic or Latino",
                   ana.encode(), b"201-3344"):
        assert secret not in raw, secret
    # Ben is untouched
    assert store.conn.execute("SELECT COUNT(*) FROM results WHERE candidate_code = ?", (ben,)).fetchone()[0] == 1
    tomb = decision_log.entries(store.conn, kind="erasure")[-1]
    assert tomb.payload["erased_entries"] == [1, 3] and tomb.payload["by"] == "DPO"
    with pytest.raises(UsageError, match="no candidate"):
        erase_candidate(store, ana)
    # un-blanking is not possible, and blanking an entry the tombstone does not name is caught
    store.conn.execute("UPDATE decision_log SET payload = NULL, run_id = NULL, candidate_code = NULL WHERE seq = 2")
    store.conn.commit()
    assert not verify_log(store.conn).ok and verify_log(store.conn).bad_seq == 2


def test_purge_by_retention(stored, db):
    store, rid, codes = stored
    code = codes["chen_li.txt"]
    old = (datetime.now(UTC) - timedelta(days=2000)).isoformat(timespec="microseconds")
    record_decision(store, rid, code, "reject", reviewer="Rita", ts=old)
    record_decision(store, rid, code, "hold", reviewer="Rita")
    set_retention(store.conn, results=30)
    # nothing is past 30 days yet except the old decision record (3-year default)
    s = purge(store)
    assert (s.runs, s.log_entries, s.decisions) == (0, 1, 1)
    assert verify_log(store.conn).ok, verify_log(store.conn).problem
    # the run becomes older than the results period
    store.conn.execute("UPDATE runs SET created = ?", (old,))
    store.conn.commit()
    s = purge(store)
    assert s.runs == 1 and store.list_runs() == []
    assert b"chen.li@example.org" not in _db_bytes(db)
    assert verify_log(store.conn).ok
    # deleting the oldest entries without a purge record is caught
    store.conn.execute("DELETE FROM decision_log WHERE seq = (SELECT MIN(seq) FROM decision_log)")
    store.conn.execute("UPDATE decision_log_anchor SET first_seq = first_seq + 1")
    store.conn.commit()
    assert not verify_log(store.conn).ok


def test_demographics_join_and_report(stored, tmp_path):
    store, rid, codes = stored
    a, b, c = codes["ana_souza_cv.pdf"], codes["ben_okafor_cv.docx"], codes["chen_li.txt"]
    record_decision(store, rid, a, "advance", reviewer="R")
    record_decision(store, rid, b, "advance", reviewer="R")
    record_decision(store, rid, b, "reject", reviewer="R")  # the newest decision counts
    demo = tmp_path / "d.csv"
    demo.write_text(f"candidate_code,sex,race_ethnicity\n{a},Female,Asian\n{b},Male,\n", encoding="utf-8")
    assert import_demographics(store, rid, demo) == 2
    rows = {r.candidate_id: r for r in run_score_rows(store, rid)}
    assert rows[a].advanced and not rows[b].advanced and rows[c].sex is None
    rep = impact_report(rows.values()).to_json()
    assert rep["median"] == 60.0 and rep["sex"]["unknown"] == 1
    assert rep["sex"]["groups"]["Female"]["scoring_rate"] == 1.0
    entry = decision_log.entries(store.conn, kind="demographics")[-1]
    assert entry.payload == {"run_id": rid, "rows": 2}  # the log never holds the values
    demo.write_text("candidate_code,sex,race_ethnicity\nC-deadbeef,F,\n", encoding="utf-8")
    with pytest.raises(UsageError, match="not in run"):
        import_demographics(store, rid, demo)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "screener", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


def test_cli_run_report_erase_purge(tmp_path, run_maker):
    db = tmp_path / "s.db"
    with open_store(db) as store:
        rid, codes = run_maker(store)
        record_decision(store, rid, codes["ana_souza_cv.pdf"], "advance", reviewer="R")
    demo = tmp_path / "d.csv"
    demo.write_text("candidate_code,sex,race_ethnicity\n" + "".join(
        f"{c},{s},\n" for c, s in zip(codes.values(), ["F", "M", "F"], strict=True)), encoding="utf-8")
    p = _cli("fairness", "report", "--run", rid, "--demographics", str(demo), "--db", str(db), "--json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["n"] == 3 and data["sex"]["groups"]["F"]["n"] == 2 and data["race_ethnicity"]["unknown"] == 3
    again = _cli("fairness", "report", "--run", rid, "--db", str(db), "--json")  # the stored demographics
    assert again.returncode == 0 and json.loads(again.stdout) == data
    p = _cli("erase", codes["ben_okafor_cv.docx"], "--db", str(db))
    assert p.returncode == 0 and "erased" in p.stdout, p.stderr
    p = _cli("log", "verify", "--db", str(db))
    assert p.returncode == 0 and p.stdout.startswith("intact ("), p.stderr
    p = _cli("purge", "--db", str(db), "--json")
    assert p.returncode == 0 and json.loads(p.stdout)["runs_deleted"] == 0
    p = _cli("erase", "C-00000000", "--db", str(db))
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1
    p = _cli("retention", "set", "--documents", "90", "--db", str(db), "--json")
    assert p.returncode == 0 and json.loads(p.stdout)["documents_days"] == 90
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM demographics").fetchone()[0] == 2
