"""Reviewers' scorecards: each reviewer rates each competency of a candidate 1–4 with a comment, independently,
next to the screener's level (table ``scorecards``, migration 0003).

    record_scorecard(store, run_id, "C-1a2b3c4d", reviewer="Ana",
                     ratings={"Kubernetes": (3, "ran the cluster upgrade")}, screener_levels={"Kubernetes": 3})
    latest_ratings(store, run_id, "C-1a2b3c4d")     # the newest rating per (competency, reviewer)
    agreement(latest_ratings(...), {"Kubernetes": 3})  # where reviewers and the screener agree and differ

A rating is always a person's act: nothing here is called by the screening pipeline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from ..errors import UsageError
from ..rubric import LEVEL_NAMES
from ..store.decisions import _check_candidate, _clean
from ..store.store import Store

RATINGS: dict[int, str] = {1: "aware", 2: "working", 3: "proficient", 4: "expert"}
MAX_COMMENT = 2000

Verdict = Literal["agree", "close", "differ", "not rated"]


@dataclass(frozen=True)
class Rating:
    run_id: str
    candidate_code: str
    competency: str
    reviewer: str
    rating: int
    comment: str
    screener_level: int | None
    created: str

    def to_json(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "candidate_code": self.candidate_code, "competency": self.competency,
                "reviewer": self.reviewer, "rating": self.rating, "comment": self.comment,
                "screener_level": self.screener_level, "created": self.created}


def level_words(level: int | None) -> str:
    """A level (0–4) in plain words: "3 — proficient"."""
    if level is None:
        return "—"
    return f"{level} — {LEVEL_NAMES.get(level, '?')}"


def record_scorecard(store: Store, run_id: str, candidate_code: str, *, reviewer: str,
                     ratings: Mapping[str, tuple[int, str]], screener_levels: Mapping[str, int] | None = None,
                     competencies: Sequence[str] | None = None, ts: str | None = None) -> list[Rating]:
    """Store one reviewer's ratings of one candidate (competency → (rating 1–4, comment)), in one transaction.

    ``competencies`` (the run's rubric competencies), when given, limits which names may be rated."""
    reviewer = _clean(reviewer, "the reviewer's name", required=True)
    if not ratings:
        raise UsageError("rate at least one competency (1–4)")
    clean: list[tuple[str, int, str]] = []
    for name, (value, comment) in ratings.items():
        name = _clean(name, "the competency", required=True)
        if competencies is not None and name not in competencies:
            raise UsageError(f"{name!r} is not a competency of this run's rubric")
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
            raise UsageError(f"{name}: a rating is 1, 2, 3 or 4, not {value!r}")
        comment = _clean(comment, f"the comment on {name}")
        if len(comment) > MAX_COMMENT:
            raise UsageError(f"the comment on {name} is too long ({len(comment)} characters; at most {MAX_COMMENT})")
        clean.append((name, value, comment))
    _check_candidate(store, run_id, candidate_code)
    created = ts or datetime.now(UTC).isoformat(timespec="microseconds")
    levels = dict(screener_levels or {})
    out = []
    with store.transaction() as conn:
        for name, value, comment in clean:
            level = levels.get(name)
            conn.execute("INSERT INTO scorecards (run_id, candidate_code, competency, reviewer, rating, comment, "
                         "screener_level, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (run_id, candidate_code, name, reviewer, value, comment, level, created))
            out.append(Rating(run_id, candidate_code, name, reviewer, value, comment, level, created))
    return out


_COLS = "run_id, candidate_code, competency, reviewer, rating, comment, screener_level, created"


def ratings(store: Store, run_id: str, candidate_code: str | None = None) -> list[Rating]:
    """Every rating of a run (one candidate's when given), oldest first."""
    if candidate_code is None:
        rows = store.conn.execute(f"SELECT {_COLS} FROM scorecards WHERE run_id = ? ORDER BY id", (run_id,))
    else:
        rows = store.conn.execute(f"SELECT {_COLS} FROM scorecards WHERE run_id = ? AND candidate_code = ? "
                                  "ORDER BY id", (run_id, candidate_code))
    return [Rating(*r) for r in rows.fetchall()]


def latest_ratings(store: Store, run_id: str, candidate_code: str | None = None) -> list[Rating]:
    """The newest rating per (candidate, competency, reviewer), in the order they were first given."""
    out: dict[tuple[str, str, str], Rating] = {}
    for r in ratings(store, run_id, candidate_code):
        out[(r.candidate_code, r.competency, r.reviewer.casefold())] = r
    return list(out.values())


@dataclass(frozen=True)
class AgreementRow:
    """One competency: the screener's level, each reviewer's rating, and how far apart they are."""

    competency: str
    screener_level: int | None
    ratings: tuple[tuple[str, int, str], ...]  # (reviewer, rating, comment)
    verdict: Verdict
    spread: int  # highest minus lowest reviewer rating (0 with fewer than two)
    words: str

    def to_json(self) -> dict[str, Any]:
        return {"competency": self.competency, "screener_level": self.screener_level,
                "ratings": [{"reviewer": n, "rating": v, "comment": c} for n, v, c in self.ratings],
                "verdict": self.verdict, "spread": self.spread, "words": self.words}


def _verdict(level: int | None, values: Sequence[int]) -> Verdict:
    if not values:
        return "not rated"
    target = max(level or 0, 1)  # the screener's "none" (0) sits with the lowest rating a reviewer can give
    gap = max(abs(v - target) for v in values)
    return "agree" if gap == 0 else ("close" if gap == 1 else "differ")


def agreement(latest: Sequence[Rating], screener_levels: Mapping[str, int],
              competencies: Sequence[str] | None = None) -> list[AgreementRow]:
    """Per competency (the rubric's order): do the reviewers agree with the screener's level and with each other?

    "agree" = every reviewer gave the screener's level; "close" = at most one level off; "differ" = two or more
    levels apart. The screener's level 0 ("none") counts as rating 1."""
    names = list(competencies or screener_levels)
    for r in latest:
        if r.competency not in names:
            names.append(r.competency)
    rows = []
    for name in names:
        given = tuple((r.reviewer, r.rating, r.comment) for r in latest if r.competency == name)
        level = screener_levels.get(name)
        values = [v for _, v, _ in given]
        verdict = _verdict(level, values)
        spread = (max(values) - min(values)) if len(values) > 1 else 0
        if verdict == "not rated":
            words = "no reviewer has rated this yet"
        else:
            target = max(level or 0, 1)
            parts = []
            for reviewer, v, _ in given:
                diff = v - target
                parts.append(f"{reviewer}: {v} ({RATINGS[v]})" + ("" if diff == 0 else
                                                                  f", {abs(diff)} {'above' if diff > 0 else 'below'}"))
            head = {"agree": "Reviewers agree with the screener", "close": "Within one level of the screener",
                    "differ": "Reviewers and screener differ"}[verdict]
            words = f"{head} — " + "; ".join(parts)
            if spread >= 2:
                words += f" · reviewers differ among themselves by {spread} levels"
        rows.append(AgreementRow(name, level, given, verdict, spread, words))
    return rows
