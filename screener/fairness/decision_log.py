"""The decision log: append-only, hash-chained, tamper-evident (table ``decision_log``, migration 0002).

Each entry is ``seq`` (1, 2, 3 … without gaps), ``ts`` (UTC), ``kind`` (decision, reveal, erasure, purge,
retention, demographics) and a ``payload`` (canonical JSON: sorted keys, no spaces, UTF-8). Its hash is

    sha256(canonical JSON of {"seq", "ts", "kind", "payload_sha256", "prev_hash"})

where ``payload_sha256 = sha256(payload)`` and ``prev_hash`` is the previous entry's hash (64 zeros for the first).
Editing any field, deleting an entry or swapping two shows up in :func:`verify_log`; so does deleting the newest
entries, because ``decision_log_anchor`` keeps the last seq and hash.

Erasure keeps the chain verifiable without personal data: it blanks the payload of the candidate's entries (the
stored ``payload_sha256`` stays) and appends an ``erasure`` entry listing the blanked seqs. A blank payload that no
later erasure entry names is reported as tampering. A purge removes the oldest entries past retention, moves the
anchor's start and appends a ``purge`` entry that says where the chain now starts.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
KINDS = ("decision", "reveal", "erasure", "purge", "retention", "demographics")


def canonical(obj: Any) -> str:
    """The one JSON text of ``obj`` that is hashed: sorted keys, no spaces, non-ASCII kept as UTF-8."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def entry_hash(seq: int, ts: str, kind: str, payload_sha256: str, prev_hash: str) -> str:
    return sha256_text(canonical({"seq": seq, "ts": ts, "kind": kind, "payload_sha256": payload_sha256,
                                  "prev_hash": prev_hash}))


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class LogEntry:
    seq: int
    ts: str
    kind: str
    run_id: str | None
    candidate_code: str | None
    payload: dict[str, Any] | None  # None once erased
    payload_sha256: str
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "ts": self.ts, "kind": self.kind, "payload": self.payload,
                "payload_sha256": self.payload_sha256, "prev_hash": self.prev_hash, "hash": self.hash}


def _anchor(conn: sqlite3.Connection) -> tuple[int, str, int, str] | None:
    row = conn.execute("SELECT first_seq, first_prev_hash, last_seq, last_hash FROM decision_log_anchor "
                       "WHERE id = 1").fetchone()
    return (int(row[0]), str(row[1]), int(row[2]), str(row[3])) if row else None


def append(conn: sqlite3.Connection, kind: str, payload: dict[str, Any], *, ts: str | None = None) -> LogEntry:
    """Append one entry. Call inside a write transaction (``Store.transaction()``) so two writers cannot both
    chain to the same previous entry."""
    if kind not in KINDS:
        raise ValueError(f"unknown log entry kind {kind!r}")
    anchor = _anchor(conn)
    if anchor is None:
        seq, prev = 1, GENESIS
    else:
        seq, prev = anchor[2] + 1, anchor[3]
    ts = ts or now_utc()
    text = canonical(payload)
    psha = sha256_text(text)
    h = entry_hash(seq, ts, kind, psha, prev)
    run_id = payload.get("run_id")
    code = payload.get("candidate_code")
    conn.execute("INSERT INTO decision_log (seq, ts, kind, run_id, candidate_code, payload, payload_sha256, "
                 "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (seq, ts, kind, run_id if isinstance(run_id, str) else None,
                  code if isinstance(code, str) else None, text, psha, prev, h))
    if anchor is None:
        conn.execute("INSERT INTO decision_log_anchor (id, first_seq, first_prev_hash, last_seq, last_hash) "
                     "VALUES (1, 1, ?, ?, ?)", (GENESIS, seq, h))
    else:
        conn.execute("UPDATE decision_log_anchor SET last_seq = ?, last_hash = ? WHERE id = 1", (seq, h))
    return LogEntry(seq, ts, kind, run_id if isinstance(run_id, str) else None,
                    code if isinstance(code, str) else None, payload, psha, prev, h)


def _rows(conn: sqlite3.Connection, where: str = "", params: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield from conn.execute("SELECT seq, ts, kind, run_id, candidate_code, payload, payload_sha256, prev_hash, hash "
                            f"FROM decision_log {where} ORDER BY seq", params)


def _entry(row: tuple[Any, ...]) -> LogEntry:
    seq, ts, kind, run_id, code, payload, psha, prev, h = row
    data = None
    if payload is not None:
        try:
            data = json.loads(payload)
        except ValueError:
            data = {"unreadable": str(payload)}
    return LogEntry(seq, ts, kind, run_id, code, data, psha, prev, h)


def entries(conn: sqlite3.Connection, *, run_id: str | None = None, candidate_code: str | None = None,
            kind: str | None = None) -> list[LogEntry]:
    """Log entries in order, optionally only one run's, one candidate's or one kind's."""
    clauses, params = [], []
    for col, val in (("run_id", run_id), ("candidate_code", candidate_code), ("kind", kind)):
        if val is not None:
            clauses.append(f"{col} = ?")
            params.append(val)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return [_entry(r) for r in _rows(conn, where, tuple(params))]


@dataclass(frozen=True)
class Verification:
    ok: bool
    entries: int
    problem: str = ""
    bad_seq: int | None = None  # the first entry found wrong (or missing)


def verify_log(conn: sqlite3.Connection) -> Verification:
    """Walk the chain from the anchor's start: every hash recomputed, every link and the anchor's end checked."""
    anchor = _anchor(conn)
    rows = list(_rows(conn))
    if anchor is None:
        if rows:
            return Verification(False, len(rows), f"entry {rows[0][0]}: the log's anchor row is missing "
                                "(entries exist but the record of where the chain starts and ends was deleted)",
                                rows[0][0])
        return Verification(True, 0)
    first_seq, first_prev, last_seq, last_hash = anchor
    expected, prev = first_seq, first_prev
    blanked: list[int] = []
    erased_named: dict[int, int] = {}  # blanked seq → seq of the erasure entry naming it
    purge_start: int | None = None
    for row in rows:
        seq, ts, kind, run_id, code, payload, psha, prev_hash, h = row
        if seq < expected:
            return Verification(False, len(rows), f"entry {seq}: comes before the start of the chain "
                                f"(entry {first_seq}); it was inserted", seq)
        if seq > expected:
            return Verification(False, len(rows), f"entry {expected}: missing (deleted); the log jumps from "
                                f"entry {expected - 1} to entry {seq}", expected)
        if prev_hash != prev:
            return Verification(False, len(rows), f"entry {seq}: does not follow entry {seq - 1} (entries were "
                                "reordered, or one before it was replaced)", seq)
        if entry_hash(seq, ts, kind, psha, prev_hash) != h:
            return Verification(False, len(rows), f"entry {seq}: edited (its time, kind or contents no longer "
                                "match its hash)", seq)
        if payload is None:
            if run_id is not None or code is not None:
                return Verification(False, len(rows), f"entry {seq}: edited (an erased entry names a candidate)",
                                    seq)
            blanked.append(seq)
        else:
            if sha256_text(payload) != psha:
                return Verification(False, len(rows), f"entry {seq}: edited (its contents no longer match their "
                                    "hash)", seq)
            try:
                data = json.loads(payload)
            except ValueError:
                data = None
            if not isinstance(data, dict):
                return Verification(False, len(rows), f"entry {seq}: edited (unreadable contents)", seq)
            for col, key in ((run_id, "run_id"), (code, "candidate_code")):
                want = data.get(key)
                if col != (want if isinstance(want, str) else None):
                    return Verification(False, len(rows), f"entry {seq}: edited (its {key} column does not match "
                                        "its recorded contents)", seq)
            if kind == "erasure":
                for s in data.get("erased_entries", []):
                    if isinstance(s, int):
                        erased_named.setdefault(s, seq)
            if kind == "purge" and isinstance(data.get("removed_through"), int):
                purge_start = data["removed_through"] + 1
        prev = h
        expected = seq + 1
    for seq in blanked:
        by = erased_named.get(seq)
        if by is None or by < seq:
            return Verification(False, len(rows), f"entry {seq}: contents deleted without an erasure entry that "
                                "names it", seq)
    if first_seq > 1 and purge_start != first_seq:
        return Verification(False, len(rows), f"entry {first_seq}: the chain starts here but no purge entry "
                            f"records removing entries 1–{first_seq - 1}", first_seq)
    if expected - 1 < last_seq:
        return Verification(False, len(rows), f"entry {expected}: missing (deleted); the log should run to entry "
                            f"{last_seq}", expected)
    if expected - 1 > last_seq:
        return Verification(False, len(rows), f"entry {last_seq + 1}: added outside the log (the chain's recorded "
                            f"end is entry {last_seq})", last_seq + 1)
    if rows and prev != last_hash:
        return Verification(False, len(rows), f"entry {last_seq}: replaced (its hash is not the chain's recorded "
                            "end)", last_seq)
    if not rows and last_seq >= first_seq:
        return Verification(False, 0, f"entry {first_seq}: missing (deleted); the log is empty but should hold "
                            f"entries {first_seq}–{last_seq}", first_seq)
    return Verification(True, len(rows))


def blank_entries(conn: sqlite3.Connection, seqs: list[int]) -> None:
    """Remove the payload (and its copies) of ``seqs``; the caller appends the erasure entry that names them."""
    conn.executemany("UPDATE decision_log SET payload = NULL, run_id = NULL, candidate_code = NULL WHERE seq = ?",
                     [(s,) for s in seqs])


def drop_before(conn: sqlite3.Connection, cutoff_ts: str) -> tuple[int, int] | None:
    """Delete the oldest entries whose time is before ``cutoff_ts`` (a contiguous prefix) and move the anchor's
    start; returns (first removed, last removed) or None. The caller appends the purge entry."""
    anchor = _anchor(conn)
    if anchor is None:
        return None
    first = anchor[0]
    last_removed = None
    prev_of_next = anchor[1]
    for seq, ts, h in conn.execute("SELECT seq, ts, hash FROM decision_log ORDER BY seq"):
        if ts >= cutoff_ts:
            break
        last_removed, prev_of_next = seq, h
    if last_removed is None:
        return None
    conn.execute("DELETE FROM decision_log WHERE seq <= ?", (last_removed,))
    conn.execute("UPDATE decision_log_anchor SET first_seq = ?, first_prev_hash = ? WHERE id = 1",
                 (last_removed + 1, prev_of_next))
    return first, last_removed


def export_jsonl(conn: sqlite3.Connection) -> str:
    """The whole log as JSON lines (one entry a line), for an auditor or an archive."""
    return "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in entries(conn))
