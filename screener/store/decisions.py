"""Reviewers' decisions (advance, hold, reject) and reveals, stored with the run and chained into the decision log.

    record_decision(store, run_id, "C-1a2b3c4d", "advance", reviewer="Ana", reasons=["Meets the must-haves"],
                    reason_text="", notes="strong Kubernetes evidence", score_shown=82.5)
    latest_decisions(store, run_id)          # {candidate_code: Decision} — the newest per candidate
    record_reveal(store, run_id, "C-1a2b3c4d", reviewer="Ana", reason="second interview")

A decision is always a person's act: nothing here is called by the screening pipeline.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import UsageError
from ..fairness import decision_log
from .store import Store

DecisionKind = Literal["advance", "hold", "reject"]
DECISIONS: tuple[DecisionKind, ...] = ("advance", "hold", "reject")

#: Reasons a reviewer picks from (free text is always allowed beside them). None names a protected trait or a proxy.
REASONS: dict[str, tuple[str, ...]] = {
    "advance": ("Meets the must-haves", "Strong evidence for key competencies", "Verified badges or certificates",
                "Relevant experience", "Equivalent experience in place of a degree"),
    "hold": ("Needs more information", "Evidence to check (badge, certificate, licence)",
             "Credential equivalency to confirm", "Compare with other candidates first"),
    "reject": ("Must-have not met", "Required licence missing", "Less evidence than shortlisted candidates",
               "Withdrew", "Duplicate application"),
}
MAX_TEXT = 4000


@dataclass(frozen=True)
class Decision:
    id: int
    run_id: str
    candidate_code: str
    decision: DecisionKind
    reasons: tuple[str, ...]
    reason_text: str
    notes: str
    reviewer: str
    rubric_sha256: str
    score_shown: float | None
    created: str
    log_seq: int

    def to_json(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "candidate_code": self.candidate_code, "decision": self.decision,
                "reasons": list(self.reasons), "reason_text": self.reason_text, "notes": self.notes,
                "reviewer": self.reviewer, "rubric_sha256": self.rubric_sha256, "score_shown": self.score_shown,
                "created": self.created, "log_seq": self.log_seq}


def _clean(text: str, what: str, *, required: bool = False) -> str:
    t = (text or "").strip()
    if required and not t:
        raise UsageError(f"{what} is required")
    if len(t) > MAX_TEXT:
        raise UsageError(f"{what} is too long ({len(t)} characters; at most {MAX_TEXT})")
    if any(ord(c) < 32 and c not in "\n\t" for c in t):
        raise UsageError(f"{what} contains control characters")
    return t


def _check_candidate(store: Store, run_id: str, candidate_code: str) -> None:
    store.run_record(run_id)  # a clear error for an unknown run
    row = store.conn.execute("SELECT 1 FROM results WHERE run_id = ? AND candidate_code = ?",
                             (run_id, candidate_code)).fetchone()
    if row is None:
        raise UsageError(f"run {run_id} has no candidate {candidate_code!r}")


def record_decision(store: Store, run_id: str, candidate_code: str, decision: str, *, reviewer: str,
                    reasons: Sequence[str] = (), reason_text: str = "", notes: str = "",
                    score_shown: float | None = None, ts: str | None = None) -> Decision:
    """Store one decision and append it to the decision log, in one transaction."""
    if decision not in DECISIONS:
        raise UsageError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    reviewer = _clean(reviewer, "the reviewer's name", required=True)
    reason_text = _clean(reason_text, "the reason")
    notes = _clean(notes, "the notes")
    reasons = tuple(_clean(r, "a reason") for r in reasons if r and r.strip())
    _check_candidate(store, run_id, candidate_code)
    rubric_sha = store.run_record(run_id).rubric_sha256
    payload = {"run_id": run_id, "candidate_code": candidate_code, "decision": decision, "reasons": list(reasons),
               "reason_text": reason_text, "notes": notes, "reviewer": reviewer, "rubric_sha256": rubric_sha,
               "score_shown": score_shown}
    with store.transaction() as conn:
        entry = decision_log.append(conn, "decision", payload, ts=ts)
        cur = conn.execute(
            "INSERT INTO decisions (run_id, candidate_code, decision, reasons, reason_text, notes, reviewer, "
            "rubric_sha256, score_shown, created, log_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (run_id, candidate_code, decision, json.dumps(list(reasons), ensure_ascii=False), reason_text, notes,
             reviewer, rubric_sha, score_shown, entry.ts, entry.seq))
        new_id = int(cur.lastrowid or 0)
    return Decision(new_id, run_id, candidate_code, decision, reasons, reason_text, notes,  # type: ignore[arg-type]
                    reviewer, rubric_sha, score_shown, entry.ts, entry.seq)


def record_reveal(store: Store, run_id: str, candidate_code: str, *, reviewer: str, reason: str = "",
                  ts: str | None = None) -> decision_log.LogEntry:
    """Log that a reviewer lifted blind review for one candidate (an explicit act, always recorded)."""
    reviewer = _clean(reviewer, "the reviewer's name", required=True)
    reason = _clean(reason, "the reason")
    _check_candidate(store, run_id, candidate_code)
    with store.transaction() as conn:
        return decision_log.append(conn, "reveal", {"run_id": run_id, "candidate_code": candidate_code,
                                                    "reviewer": reviewer, "reason": reason}, ts=ts)


def _decision(row: tuple[Any, ...]) -> Decision:
    (i, run_id, code, dec, reasons, reason_text, notes, reviewer, rsha, score, created, seq) = row
    return Decision(i, run_id, code, dec, tuple(json.loads(reasons)), reason_text, notes, reviewer, rsha, score,
                    created, seq)


_COLS = ("id, run_id, candidate_code, decision, reasons, reason_text, notes, reviewer, rubric_sha256, score_shown, "
         "created, log_seq")


def decisions(store: Store, run_id: str, candidate_code: str | None = None) -> list[Decision]:
    """A run's decisions, oldest first (one candidate's when ``candidate_code`` is given)."""
    if candidate_code is None:
        rows = store.conn.execute(f"SELECT {_COLS} FROM decisions WHERE run_id = ? ORDER BY id", (run_id,))
    else:
        rows = store.conn.execute(f"SELECT {_COLS} FROM decisions WHERE run_id = ? AND candidate_code = ? "
                                  "ORDER BY id", (run_id, candidate_code))
    return [_decision(r) for r in rows.fetchall()]


def latest_decisions(store: Store, run_id: str) -> dict[str, Decision]:
    """The newest decision per candidate of a run."""
    out: dict[str, Decision] = {}
    for d in decisions(store, run_id):
        out[d.candidate_code] = d
    return out


def revealed_codes(store: Store, run_id: str) -> set[str]:
    """Candidates of a run whose identity a reviewer revealed (from the log)."""
    return {e.candidate_code for e in decision_log.entries(store.conn, run_id=run_id, kind="reveal")
            if e.candidate_code}
