"""Retention and erasure.

Retention periods are the employer's to set (``retention`` table): documents, results (a run with its results,
reviewers' working decisions and demographics), and decision records (the decision log). Decision records default
to 3 years, the period Colorado SB 26-189 asks for; documents and results are kept until deleted unless a period is
set. ``purge`` deletes what is past its period; ``erase_candidate`` removes one person's documents, results,
demographics and decisions on request and blanks their log entries, leaving an erasure entry (a tombstone) so the
chain still verifies without their personal data. Deletions run with ``PRAGMA secure_delete = ON`` and end with
``VACUUM`` and a WAL checkpoint, so the bytes do not linger in free pages or the write-ahead log.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from ..errors import UsageError
from ..store import Store
from . import decision_log

DECISION_YEARS = 3
DEFAULT_DAYS: dict[str, int | None] = {"documents": None, "results": None, "decisions": 365 * DECISION_YEARS + 1}
WHAT = ("documents", "results", "decisions")
MAX_DAYS = 365 * 100


@dataclass(frozen=True)
class RetentionSettings:
    documents: int | None
    results: int | None
    decisions: int | None

    def to_json(self) -> dict[str, Any]:
        return {"documents_days": self.documents, "results_days": self.results, "decisions_days": self.decisions}

    def describe(self) -> list[str]:
        def days(d: int | None) -> str:
            return "kept until deleted" if d is None else f"{d} days"

        lines = [f"documents (résumé files and text): {days(self.documents)}",
                 f"results (runs, scores, reviewers' working decisions, demographics): {days(self.results)}",
                 f"decision records (the decision log): {days(self.decisions)}"]
        if self.decisions is not None and self.decisions < 365 * DECISION_YEARS:
            lines.append("note: Colorado SB 26-189 asks employers to keep decision records for 3 years")
        return lines


def get_retention(conn: Any) -> RetentionSettings:
    found = {w: d for w, d in conn.execute("SELECT what, days FROM retention")}
    vals = {w: (found[w] if w in found else DEFAULT_DAYS[w]) for w in WHAT}
    return RetentionSettings(vals["documents"], vals["results"], vals["decisions"])


_UNSET = object()


def set_retention(conn: Any, *, documents: Any = _UNSET, results: Any = _UNSET, decisions: Any = _UNSET,
                  by: str = "") -> RetentionSettings:
    """Set periods in days (None = keep until deleted); the change is logged."""
    changes = {w: v for w, v in (("documents", documents), ("results", results), ("decisions", decisions))
               if v is not _UNSET}
    for w, v in changes.items():
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= MAX_DAYS):
            raise UsageError(f"{w} retention must be a whole number of days from 1 to {MAX_DAYS} (or none), not {v!r}")
    now = decision_log.now_utc()
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        for w, v in changes.items():
            conn.execute("INSERT INTO retention (what, days, updated) VALUES (?, ?, ?) ON CONFLICT (what) DO UPDATE "
                         "SET days = excluded.days, updated = excluded.updated", (w, v, now))
        decision_log.append(conn, "retention", {"set": {f"{w}_days": v for w, v in changes.items()}, "by": by},
                            ts=now)
    except BaseException:
        if own:
            conn.rollback()
        raise
    if own:
        conn.commit()
    return get_retention(conn)


def _cutoff(now: datetime, days: int | None) -> str | None:
    return None if days is None else (now - timedelta(days=days)).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class PurgeSummary:
    runs: int
    documents: int
    decisions: int
    log_entries: int

    def to_json(self) -> dict[str, Any]:
        return {"runs_deleted": self.runs, "documents_deleted": self.documents, "decisions_deleted": self.decisions,
                "log_entries_deleted": self.log_entries}

    def describe(self) -> str:
        return (f"purged: {self.runs} run(s) with their results, {self.documents} document(s), {self.decisions} "
                f"working decision(s), {self.log_entries} decision-log entr{'y' if self.log_entries == 1 else 'ies'}")


def _compact(store: Store) -> None:
    store.conn.execute("VACUUM")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def purge(store: Store, *, now: datetime | None = None) -> PurgeSummary:
    """Delete what is past its retention period."""
    now = now or datetime.now(UTC)
    settings = get_retention(store.conn)
    cut_docs, cut_results, cut_dec = (_cutoff(now, settings.documents), _cutoff(now, settings.results),
                                      _cutoff(now, settings.decisions))
    store.conn.execute("PRAGMA secure_delete = ON")
    runs = docs = decs = logs = 0
    with store.transaction() as conn:
        if cut_results:
            old = [r[0] for r in conn.execute("SELECT id FROM runs WHERE created < ?", (cut_results,))]
            for rid in old:
                conn.execute("DELETE FROM runs WHERE id = ?", (rid,))
            runs = len(old)
        if cut_docs:
            docs = conn.execute("UPDATE documents SET text = NULL, data = NULL, file_name = '' WHERE created < ? AND "
                                "(text IS NOT NULL OR data IS NOT NULL OR file_name != '')", (cut_docs,)).rowcount
        docs += conn.execute(
            "DELETE FROM documents WHERE sha256 NOT IN (SELECT document_sha256 FROM run_files WHERE document_sha256 "
            "IS NOT NULL) AND sha256 NOT IN (SELECT document_sha256 FROM results WHERE document_sha256 IS NOT NULL)"
        ).rowcount if runs else 0
        if cut_dec:
            decs = conn.execute("DELETE FROM decisions WHERE created < ?", (cut_dec,)).rowcount
            dropped = decision_log.drop_before(conn, cut_dec)
            if dropped is not None:
                logs = dropped[1] - dropped[0] + 1
                decision_log.append(conn, "purge", {"removed_from": dropped[0], "removed_through": dropped[1],
                                                    "cutoff": cut_dec, "reason": "past the decision-record "
                                                    "retention period"})
        if runs or docs or decs:
            decision_log.append(conn, "purge", {"runs": runs, "documents": docs, "decisions": decs,
                                                "cutoff_results": cut_results, "cutoff_documents": cut_docs})
    if runs or docs or decs or logs:
        _compact(store)
    return PurgeSummary(runs, docs, decs, logs)


@dataclass(frozen=True)
class ErasureSummary:
    candidate: str
    results: int
    documents: int
    demographics: int
    decisions: int
    log_entries: int
    tombstone_seq: int

    def to_json(self) -> dict[str, Any]:
        return {"candidate": self.candidate, "results_deleted": self.results, "documents_deleted": self.documents,
                "demographics_deleted": self.demographics, "decisions_deleted": self.decisions,
                "log_entries_blanked": self.log_entries, "tombstone": self.tombstone_seq}

    def describe(self) -> str:
        return (f"erased {self.candidate}: {self.results} result(s), {self.documents} document(s), "
                f"{self.demographics} demographics row(s), {self.decisions} decision(s); {self.log_entries} log "
                f"entr{'y' if self.log_entries == 1 else 'ies'} blanked, tombstone is log entry {self.tombstone_seq}")


def _scrub_inputs(inputs: Any, shas: set[str], names: set[str]) -> Any:
    out = []
    for item in inputs if isinstance(inputs, list) else []:
        if isinstance(item, dict) and (item.get("sha256") in shas or str(item.get("upload", "")) in names):
            continue
        if isinstance(item, str) and item.replace("\\", "/").rsplit("/", 1)[-1] in names:
            out.append("[erased]")
            continue
        out.append(item)
    return out


def erase_candidate(store: Store, candidate: str, *, actor: str = "") -> ErasureSummary:
    """Erase one candidate (by code, or by file name within the runs) everywhere in the database."""
    candidate = (candidate or "").strip()
    if not candidate:
        raise UsageError("give the candidate code to erase (e.g. C-1a2b3c4d)")
    conn = store.conn
    rows = conn.execute("SELECT run_id, file_key, candidate_code, document_sha256 FROM results "
                        "WHERE candidate_code = ? OR file_key = ?", (candidate, candidate)).fetchall()
    codes = {r[2] for r in rows} | ({candidate} if candidate.startswith("C-") else set())
    qm = ",".join("?" * len(codes)) or "''"
    log_seqs = [e.seq for code in codes for e in decision_log.entries(conn, candidate_code=code)]
    demo_n = conn.execute(f"SELECT COUNT(*) FROM demographics WHERE candidate_code IN ({qm})", tuple(codes)).fetchone()[0]
    dec_n = conn.execute(f"SELECT COUNT(*) FROM decisions WHERE candidate_code IN ({qm})", tuple(codes)).fetchone()[0]
    if not rows and not log_seqs and not demo_n and not dec_n:
        raise UsageError(f"no candidate {candidate!r} in {store.path} (give the candidate code, e.g. C-1a2b3c4d)")
    shas = {r[3] for r in rows if r[3]}
    names = {r[1].replace("\\", "/").rsplit("/", 1)[-1] for r in rows}
    run_ids = {r[0] for r in rows}
    conn.execute("PRAGMA secure_delete = ON")
    with store.transaction() as c:
        res_n = 0
        for run_id, file_key, _code, _sha in rows:
            res_n += c.execute("DELETE FROM results WHERE run_id = ? AND file_key = ?", (run_id, file_key)).rowcount
            c.execute("DELETE FROM run_files WHERE run_id = ? AND file_key = ?", (run_id, file_key))
        for sha in shas:
            c.execute("DELETE FROM run_files WHERE document_sha256 = ?", (sha,))
        doc_n = 0
        for sha in shas:
            still = c.execute("SELECT 1 FROM results WHERE document_sha256 = ? LIMIT 1", (sha,)).fetchone()
            if still is None:
                doc_n += c.execute("DELETE FROM documents WHERE sha256 = ?", (sha,)).rowcount
        c.execute(f"DELETE FROM demographics WHERE candidate_code IN ({qm})", tuple(codes))
        c.execute(f"DELETE FROM decisions WHERE candidate_code IN ({qm})", tuple(codes))
        c.execute(f"DELETE FROM scorecards WHERE candidate_code IN ({qm})", tuple(codes))  # reviewers' ratings
        for run_id in run_ids:
            (inputs,) = c.execute("SELECT inputs FROM runs WHERE id = ?", (run_id,)).fetchone()
            c.execute("UPDATE runs SET inputs = ? WHERE id = ?",
                      (json.dumps(_scrub_inputs(json.loads(inputs), shas, names), ensure_ascii=False), run_id))
        decision_log.blank_entries(c, sorted(log_seqs))
        tomb = decision_log.append(c, "erasure", {
            "erased_entries": sorted(log_seqs),
            "candidate_code_sha256": sorted(hashlib.sha256(code.encode()).hexdigest() for code in codes),
            "results": res_n, "documents": doc_n, "demographics": demo_n, "decisions": dec_n, "by": actor,
            "reason": "erasure request"})
    _compact(store)
    label = sorted(codes)[0] if codes else candidate
    return ErasureSummary(label, res_n, doc_n, demo_n, dec_n, len(log_seqs), tomb.seq)
