"""The learned skill filter: small gradient-boosted trees over the generic candidate features of ``candidates.py``.

The trees are data (``data/skill_filter.json``), trained by ``scripts/train_skill_filter.py`` on the dotin
train-* résumés only; the file records the training set, the cross-validated figures and the threshold. Inference
is vectorised with numpy over all candidates of a document (a few numpy operations per tree level), about a
millisecond per résumé. Trees rather than a linear model because the evidence interacts: a tool name is a skill in
a sentence, a generic competence usually only in a list.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import Any, Protocol, TypeVar

import numpy as np

from screener.extract.lexicon import DATA_DIR, LexiconError

FILTER_FILE = DATA_DIR / "skill_filter.json"


class _Columns(dict[str, int]):
    """Feature name -> column; -1 for a name the model does not know."""

    def __missing__(self, key: str) -> int:
        return -1


class SkillFilter:
    """Gradient-boosted depth-limited trees over named features, evaluated for all candidates of a document at once.

    Trees are complete binary trees of depth ``depth`` stored level by level: internal node ``k`` sends a row to
    ``2k+1`` when ``x[feature] <= threshold`` and to ``2k+2`` otherwise; a node that did not split has an infinite
    threshold, so every row goes left.
    """

    def __init__(self, names: list[str], depth: int, base: float, feats: np.ndarray, thresholds: np.ndarray,
                 leaves: np.ndarray, threshold: float, meta: dict[str, Any]) -> None:
        self.names = names
        self.col = _Columns((n, i) for i, n in enumerate(names))
        self.depth = depth
        self.base = base
        self.feats = feats  # (trees, 2**depth - 1) int
        self.thresholds = thresholds  # (trees, 2**depth - 1) float
        self.leaves = leaves  # (trees, 2**depth) float
        self.threshold = threshold
        self.meta = meta

    def matrix(self, feats: Sequence[dict[str, float]]) -> np.ndarray:
        x = np.zeros((len(feats), len(self.names)))
        # all candidates' (name, value) pairs in C-level iteration: a Python loop per feature was a sixth of the
        # extraction time (a few hundred candidates × ~45 features per résumé)
        lens = np.fromiter(map(len, feats), dtype=np.int64, count=len(feats))
        total = int(lens.sum())
        if total == 0:
            return x
        rows = np.repeat(np.arange(len(feats)), lens)
        cols = np.fromiter(map(self.col.__getitem__, chain.from_iterable(feats)), dtype=np.int64, count=total)
        vals = np.fromiter(chain.from_iterable(f.values() for f in feats), dtype=float, count=total)
        known = cols >= 0  # a feature the trees never saw plays no part
        x[rows[known], cols[known]] = vals[known]
        return x

    def margins(self, x: np.ndarray) -> np.ndarray:
        n_trees = self.feats.shape[0]
        if len(x) == 0 or n_trees == 0:
            return np.full(len(x), self.base)
        # gathers from the flattened arrays (one index array per level) instead of 2-D fancy indexing: the same
        # values, a third of the time
        n_int = 2 ** self.depth - 1
        feats, thresholds = self.feats.ravel(), self.thresholds.ravel()
        tree_off = np.arange(n_trees) * n_int
        xs = np.ascontiguousarray(x).ravel()
        row_off = (np.arange(len(x)) * x.shape[1])[:, None]
        node = np.zeros((len(x), n_trees), dtype=np.int64)
        if self.depth:
            # the first level by columns (every row is at each tree's root); in C order, so that the sum over the
            # trees below adds in the same order as ever
            node = np.ascontiguousarray(1 + (x[:, self.feats[:, 0]] > self.thresholds[:, 0]), dtype=np.int64)
        for _ in range(1, self.depth):
            at = node + tree_off
            node = 2 * node + 1 + (xs[row_off + feats[at]] > thresholds[at])
        leaf = node - n_int + np.arange(n_trees) * (n_int + 1)
        return np.asarray(self.base + self.leaves.ravel()[leaf].sum(axis=1))

    def probs(self, feats: Sequence[dict[str, float]]) -> list[float]:
        z = np.clip(self.margins(self.matrix(feats)), -30, 30)
        return list((1 / (1 + np.exp(-z))).tolist())

    def to_json(self) -> dict[str, Any]:
        return {"model": "gbdt", "names": self.names, "depth": self.depth, "base": round(self.base, 6),
                "threshold": self.threshold, "meta": self.meta,
                "trees": [{"f": [int(v) for v in f], "t": [_num(v) for v in t], "v": [round(float(v), 6) for v in lv]}
                          for f, t, lv in zip(self.feats, self.thresholds, self.leaves, strict=True)]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SkillFilter:
        trees = data["trees"]
        depth = int(data["depth"])
        n_int = 2 ** depth - 1
        feats = np.array([t["f"] for t in trees], dtype=np.int64).reshape(len(trees), n_int)
        thr = np.array([[np.inf if v is None else v for v in t["t"]] for t in trees], dtype=float)
        leaves = np.array([t["v"] for t in trees], dtype=float).reshape(len(trees), 2 ** depth)
        return cls(list(data["names"]), depth, float(data["base"]), feats, thr.reshape(len(trees), n_int), leaves,
                   float(data["threshold"]), dict(data.get("meta", {})))

    @classmethod
    def load(cls, path: Path = FILTER_FILE) -> SkillFilter:
        try:
            return cls.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise LexiconError(
                f"the skill filter weights {path.name} cannot be read",
                hint="reinstall Skills Screener or run scripts/train_skill_filter.py",
            ) from exc


def _num(v: float) -> float | None:
    return None if not np.isfinite(v) else round(float(v), 6)


class _Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Span)


def select(cands: list[S], probs: list[float], threshold: float) -> list[S]:
    """Candidates at or above ``threshold``, the most probable of overlapping ones (longer on ties); annotated
    skills never overlap, so neither do the chosen spans. Returned in text order."""
    scored = sorted(((p, c) for p, c in zip(probs, cands, strict=True) if p >= threshold),
                    key=lambda pc: (-pc[0], -(pc[1].end - pc[1].start), pc[1].start))
    taken: list[S] = []
    # The chosen spans never overlap, so kept sorted by start their ends are sorted too: a candidate overlaps one
    # of them exactly when it overlaps the last one starting before its end (one bisect, not a scan).
    starts: list[int] = []
    ends: list[int] = []
    for _, c in scored:
        i = bisect.bisect_left(starts, c.end)
        if i and ends[i - 1] > c.start:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        taken.append(c)
    return sorted(taken, key=lambda c: (c.start, c.end))
