"""Decisions and the hash-chained log: every edit, deletion, insertion or reordering by raw SQL is detected."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from screener.errors import UsageError
from screener.fairness import decision_log
from screener.fairness.decision_log import GENESIS, canonical, entry_hash, sha256_text, verify_log
from screener.store import open_store
from screener.store.decisions import (
    decisions,
    latest_decisions,
    record_decision,
    record_reveal,
    revealed_codes,
)

ROOT = Path(__file__).resolve().parents[2]


def _fill(store, rid, codes, n=5):
    c = list(codes.values())
    out = []
    for i in range(n):
        out.append(record_decision(store, rid, c[i % len(c)], ("advance", "hold", "reject")[i % 3],
                                   reviewer=f"Reviewer {i}", reasons=["Relevant experience"], reason_text="ok",
                                   notes=f"note {i} — Lucía", score_shown=50.0 + i))
    return out


def test_decisions_are_stored_and_chained(stored):
    store, rid, codes = stored
    ds = _fill(store, rid, codes, 4)
    assert [d.log_seq for d in ds] == [1, 2, 3, 4]
    log = decision_log.entries(store.conn)
    assert log[0].prev_hash == GENESIS
    for a, b in zip(log, log[1:], strict=False):
        assert b.prev_hash == a.hash
    # the hash is reproducible from the documented formula
    e = log[1]
    assert e.payload_sha256 == sha256_text(canonical(e.payload))
    assert e.hash == entry_hash(e.seq, e.ts, e.kind, e.payload_sha256, e.prev_hash)
    assert e.payload["rubric_sha256"] == store.run_record(rid).rubric_sha256
    assert e.payload["score_shown"] == 51.0 and e.payload["reviewer"] == "Reviewer 1"
    first = list(codes.values())[0]
    assert latest_decisions(store, rid)[first].decision == "advance"  # 0 → advance, 3 → advance
    assert len(decisions(store, rid, first)) == 2
    assert verify_log(store.conn).ok and verify_log(store.conn).entries == 4


def test_log_survives_restart(stored, db):
    store, rid, codes = stored
    _fill(store, rid, codes, 3)
    store.close()
    with open_store(db) as again:
        assert verify_log(again.conn).entries == 3
        record_reveal(again, rid, list(codes.values())[1], reviewer="Ana", reason="interview")
        assert verify_log(again.conn).ok
        assert revealed_codes(again, rid) == {list(codes.values())[1]}


@pytest.mark.parametrize(("sql", "bad"), [
    ("UPDATE decision_log SET payload = replace(payload, 'hold', 'advance') WHERE seq = 2", 2),
    ("UPDATE decision_log SET ts = '2020-01-01T00:00:00+00:00' WHERE seq = 3", 3),
    ("UPDATE decision_log SET kind = 'reveal' WHERE seq = 1", 1),
    ("UPDATE decision_log SET candidate_code = 'C-00000000' WHERE seq = 4", 4),
    ("DELETE FROM decision_log WHERE seq = 3", 3),
    ("DELETE FROM decision_log WHERE seq = 1", 1),
    ("DELETE FROM decision_log WHERE seq = 5", 5),          # the newest: the anchor still says 5
    ("DELETE FROM decision_log WHERE seq >= 4", 4),
    ("UPDATE decision_log SET payload = NULL, run_id = NULL, candidate_code = NULL WHERE seq = 2", 2),
    ("DELETE FROM decision_log_anchor", 1),
])
def test_tampering_is_detected(stored, sql, bad):
    store, rid, codes = stored
    _fill(store, rid, codes, 5)
    store.conn.execute(sql)
    store.conn.commit()
    v = verify_log(store.conn)
    assert not v.ok and v.bad_seq == bad, v.problem
    assert f"entry {bad}" in v.problem


def test_reordering_is_detected(stored):
    store, rid, codes = stored
    _fill(store, rid, codes, 5)
    c = store.conn
    c.execute("UPDATE decision_log SET seq = -2 WHERE seq = 2")
    c.execute("UPDATE decision_log SET seq = 2 WHERE seq = 3")
    c.execute("UPDATE decision_log SET seq = 3 WHERE seq = -2")
    c.commit()
    v = verify_log(c)
    assert not v.ok and v.bad_seq == 2


def test_rewriting_an_entry_with_a_fresh_hash_breaks_the_next_link(stored):
    store, rid, codes = stored
    _fill(store, rid, codes, 4)
    c = store.conn
    seq, ts, kind, payload, prev = c.execute("SELECT seq, ts, kind, payload, prev_hash FROM decision_log "
                                             "WHERE seq = 2").fetchone()
    forged = payload.replace("hold", "reject")
    psha = sha256_text(forged)
    c.execute("UPDATE decision_log SET payload = ?, payload_sha256 = ?, hash = ? WHERE seq = 2",
              (forged, psha, entry_hash(seq, ts, kind, psha, prev)))
    c.commit()
    v = verify_log(c)
    assert not v.ok and v.bad_seq == 3


def test_bad_decisions_are_refused(stored):
    store, rid, codes = stored
    code = list(codes.values())[0]
    for kwargs, message in [
        ({"decision": "maybe", "reviewer": "A"}, "decision must be one of"),
        ({"decision": "advance", "reviewer": "  "}, "reviewer's name is required"),
        ({"decision": "advance", "reviewer": "A", "notes": "x" * 5000}, "too long"),
    ]:
        dec = kwargs.pop("decision")
        with pytest.raises(UsageError, match=message):
            record_decision(store, rid, code, dec, **kwargs)
    with pytest.raises(UsageError, match="no candidate"):
        record_decision(store, rid, "C-ffffffff", "hold", reviewer="A")
    with pytest.raises(UsageError, match="no run"):
        record_decision(store, "nope", code, "hold", reviewer="A")
    assert verify_log(store.conn).entries == 0


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "screener", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


def test_cli_log_verify(stored, db):
    store, rid, codes = stored
    _fill(store, rid, codes, 3)
    p = _cli("log", "verify", "--db", str(db))
    assert p.returncode == 0 and p.stdout.strip() == "intact (3 entries)"
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM decision_log WHERE seq = 2")
    conn.commit()
    conn.close()
    p = _cli("log", "verify", "--db", str(db))
    assert p.returncode == 1 and "entry 2" in p.stderr and len(p.stderr.strip().splitlines()) == 1
    p = _cli("log", "verify", "--db", str(db.parent / "missing.db"))
    assert p.returncode == 2 and "no screening database" in p.stderr


def test_cli_decide_and_list(stored, db):
    import json

    store, rid, codes = stored
    code = codes["ana_souza_cv.pdf"]
    p = _cli("decide", rid, code, "advance", "--reviewer", "Rita", "--reason", "Relevant experience", "--text",
             "strong Python", "--db", str(db))
    assert p.returncode == 0 and "entry 1" in p.stdout, p.stderr
    p = _cli("decisions", rid, "--db", str(db), "--json")
    [d] = json.loads(p.stdout)
    assert (d["decision"], d["reviewer"], d["score_shown"], d["reasons"]) == ("advance", "Rita", 80.0,
                                                                            ["Relevant experience"])
    p = _cli("decide", rid, code, "maybe", "--reviewer", "Rita", "--db", str(db))
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1
    p = _cli("decide", rid, code, "hold", "--db", str(db))
    assert p.returncode == 2
