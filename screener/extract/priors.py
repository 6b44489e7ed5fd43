"""Annotation priors: how often people who label résumés mark a phrase, a word, or what follows a word, as a skill.

The generic features of ``candidates.py`` say how a span is written and where it sits; they cannot know that
annotators mark "Java" or "client handling" as skills but not "Computer Science" (a field of study), or that what
follows "using" or "knowledge of" is usually a skill. These priors are counts taken from annotated résumés (the
dotin corpus, CC0-1.0; see ATTRIBUTION.txt) by ``scripts/train_skill_filter.py``, in four tables:

* ``phrase``: per candidate phrase (normalised tokens), in how many documents it was a candidate, and in how many
  of those an annotator marked exactly that phrase;
* ``word``: per word, how often it occurs in the annotated part of a résumé, and how often inside a marked skill;
* ``prev`` / ``next``: per word, how often a marked skill starts right after it / ends right before it;
  ``prev2`` the same for the two words before ("knowledge of", "experience in");
* ``heading`` / ``label``: per section heading as written ("technical skills", "personal details") and per line
  label ("environment" in "Environment: Java, Oracle"), how often a candidate under it was marked.

They become smoothed rates (``features``), so a phrase never seen weighs nothing and one seen once weighs little.
The filter learns how much to trust them; in training, a document's own counts are left out of the rates its
candidates see (``features(..., minus=...)``), so the trees cannot learn to trust a rate that already knows the
answer.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from screener.extract.lexicon import DATA_DIR, LexiconError

PRIORS_FILE = DATA_DIR / "annotation_priors.json.gz"
TABLES = ("phrase", "word", "prev", "next", "prev2", "heading", "label")
# pseudo-counts of the smoothing: a rate moves away from the corpus average only with evidence
ALPHA = {"phrase": 2.0, "word": 4.0, "prev": 4.0, "next": 4.0, "prev2": 4.0, "heading": 8.0, "label": 8.0}
# rare entries carry little and cost memory: kept when seen this many times, and in two documents at least (so
# no word of a single résumé, such as a name, is kept)
MIN_COUNT = {"phrase": 2, "word": 3, "prev": 3, "next": 3, "prev2": 3, "heading": 3, "label": 3}
MIN_DOCS = 2
MEMO_SIZE = 200_000
# the phrase memo holds a small dict per phrase (about 0.5 KB): fewer of them
PHRASE_MEMO_SIZE = 40_000


@dataclass
class PriorCounts:
    """Counts from a set of annotated documents: per table, key -> [marked, seen, documents seen in]."""

    tables: dict[str, dict[str, list[int]]] = field(default_factory=lambda: {t: {} for t in TABLES})
    docs: int = 0

    def add(self, other: PriorCounts, sign: int = 1) -> None:
        for name, src in other.tables.items():
            dst = self.tables[name]
            for k, (a, b, c) in src.items():
                cur = dst.setdefault(k, [0, 0, 0])
                cur[0] += sign * a
                cur[1] += sign * b
                cur[2] += sign * c
        self.docs += sign * other.docs

    @classmethod
    def of_document(cls, phrase_marks: Mapping[str, bool], tokens: Sequence[str],
                    spans: Iterable[tuple[int, int]], headings: Iterable[tuple[str, bool]] = (),
                    labels: Iterable[tuple[str, bool]] = ()) -> PriorCounts:
        """One document: each candidate phrase once (marked or not), its annotated tokens with the marked skills
        as token ranges [t0, t1), and the section heading and line label of each candidate (marked or not)."""
        out = cls(docs=1)
        for table, pairs in (("heading", headings), ("label", labels)):
            for h, marked in pairs:
                if h:
                    _bump(out.tables[table], h, marked)
        out.tables["phrase"] = {k: [int(m), 1, 1] for k, m in phrase_marks.items()}
        inside = [False] * len(tokens)
        starts: set[int] = set()
        ends: set[int] = set()
        for t0, t1 in spans:
            starts.add(t0)
            ends.add(t1 - 1)
            for k in range(t0, t1):
                inside[k] = True
        word, prev, nxt, prev2 = out.tables["word"], out.tables["prev"], out.tables["next"], out.tables["prev2"]
        for i, w in enumerate(tokens):
            _bump(word, w, inside[i])
            _bump(prev, w, i + 1 in starts)
            _bump(nxt, w, i - 1 in ends)
            if i:
                _bump(prev2, tokens[i - 1] + " " + w, i + 1 in starts)
        return out


def _bump(table: dict[str, list[int]], key: str, marked: bool) -> None:
    cur = table.setdefault(key, [0, 0, 1])
    cur[0] += int(marked)
    cur[1] += 1


class AnnotationPriors:
    """Smoothed rates from ``PriorCounts``."""

    def __init__(self, counts: PriorCounts, bases: Mapping[str, float] | None = None) -> None:
        self.counts = counts
        if bases is None:
            bases = {}
            for name, table in counts.tables.items():
                seen = sum(v[1] for v in table.values())
                bases[name] = sum(v[0] for v in table.values()) / seen if seen else 0.0
        # the corpus averages over all counts (the stored table keeps them: it drops the rare entries)
        self.bases = {t: float(bases.get(t, 0.0)) for t in TABLES}
        # rates without ``minus``, per table: the same words recur in every résumé
        self._memo: dict[str, dict[str, float]] = {t: {} for t in TABLES}
        self._phrase_memo: dict[str, dict[str, float]] = {}  # phrase -> its phrase and word features

    def _cached(self, table: str, key: str) -> float:
        memo = self._memo[table]
        v = memo.get(key)
        if v is None:
            if len(memo) > MEMO_SIZE:
                memo.clear()
            v = memo[key] = self.rate(table, key)[0]
        return v

    def rate(self, table: str, key: str, minus: PriorCounts | None = None) -> tuple[float, int]:
        m, n, d = self.counts.tables[table].get(key, (0, 0, 0))
        if minus is not None:
            own = minus.tables[table].get(key)
            if own is not None:
                m, n, d = m - own[0], n - own[1], d - own[2]
        if n < MIN_COUNT[table] or d < MIN_DOCS:  # as if pruned from the stored table (see to_json): trained and used alike
            m = n = 0
        a = ALPHA[table]
        return (m + a * self.bases[table]) / (n + a), n

    def features(self, key: str, prev: str, nxt: str, prev2: str = "", heading: str = "", label: str = "",
                 minus: PriorCounts | None = None) -> dict[str, float]:
        """Feature values for a candidate phrase (its normalised tokens joined by spaces) between the tokens
        ``prev`` and ``nxt`` ("" at either end of the text), after the two tokens ``prev2``, under ``heading``, on
        a line labelled ``label``."""
        if minus is None:
            return self._features(key, prev, nxt, prev2, heading, label)
        rate, n = self.rate("phrase", key, minus)
        def r(table: str, k: str) -> float:
            return self._cached(table, k) if minus is None else self.rate(table, k, minus)[0]
        rates = [r("word", w) for w in key.split()] or [self.bases["word"]]
        f = {"pr_phrase": rate, "pr_phrase_n": math.log1p(n) / 3, "pr_word_mean": sum(rates) / len(rates),
             "pr_word_min": min(rates), "pr_word_max": max(rates), "pr_head": rates[-1],
             "pr_prev": r("prev", prev) if prev else 0.0,
             "pr_next": r("next", nxt) if nxt else 0.0,
             "pr_prev2": r("prev2", prev2) if prev2 else 0.0,
             "pr_heading": r("heading", heading) if heading else 0.0,
             "pr_label": r("label", label) if label else 0.0}
        return {k: v for k, v in f.items() if v}

    def _features(self, key: str, prev: str, nxt: str, prev2: str, heading: str, label: str) -> dict[str, float]:
        """``features`` against the stored counts."""
        f: dict[str, float] = {}
        self.add_features(f, key, prev, nxt, prev2, heading, label)
        return f

    def add_features(self, feats: dict[str, float], key: str, prev: str, nxt: str, prev2: str = "",
                     heading: str = "", label: str = "") -> None:
        """``features`` (against the stored counts) written into ``feats``: the extraction hot path, hundreds of
        candidates per résumé, every rate memoised; the same values, in the same order."""
        words = self._phrase_memo.get(key)
        if words is None:
            if len(self._phrase_memo) > PHRASE_MEMO_SIZE:
                self._phrase_memo.clear()
            words = self._phrase_memo[key] = self._phrase_features(key)
        feats.update(words)
        memo = self._memo
        for name, table, k in (("pr_prev", "prev", prev), ("pr_next", "next", nxt), ("pr_prev2", "prev2", prev2),
                               ("pr_heading", "heading", heading), ("pr_label", "label", label)):
            if k:
                v = memo[table].get(k)
                if v is None:
                    v = self._cached(table, k)
                if v:
                    feats[name] = v

    def _phrase_features(self, key: str) -> dict[str, float]:
        """The features of the phrase itself (its own rate and its words'), without ``minus``: the same phrases
        recur in every résumé, so they are memoised whole."""
        rate, n = self.rate("phrase", key)
        rates = [self._cached("word", w) for w in key.split()] or [self.bases["word"]]
        f: dict[str, float] = {}
        for name, v in (("pr_phrase", rate), ("pr_phrase_n", math.log1p(n) / 3),
                        ("pr_word_mean", sum(rates) / len(rates)), ("pr_word_min", min(rates)),
                        ("pr_word_max", max(rates)), ("pr_head", rates[-1])):
            if v:
                f[name] = v
        return f

    # ------------------------------------------------------------------ storage
    def to_json(self, meta: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "meta": dict(meta),
            "docs": self.counts.docs,
            "bases": {t: round(v, 6) for t, v in self.bases.items()},
            "tables": {t: {k: v for k, v in sorted(self.counts.tables[t].items())
                           if v[1] >= MIN_COUNT[t] and v[2] >= MIN_DOCS} for t in TABLES},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AnnotationPriors:
        tables = {t: {k: [int(a), int(b), int(c)] for k, (a, b, c) in data["tables"].get(t, {}).items()}
                  for t in TABLES}
        return cls(PriorCounts(tables, int(data["docs"])), data["bases"])

    def save(self, path: Path, meta: Mapping[str, Any]) -> None:
        raw = json.dumps(self.to_json(meta), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        # mtime=0: the same counts give the same bytes
        path.write_bytes(gzip.compress(raw.encode("utf-8"), mtime=0))

    @classmethod
    def load(cls, path: Path = PRIORS_FILE) -> AnnotationPriors:
        try:
            return cls.from_json(json.loads(gzip.decompress(path.read_bytes()).decode("utf-8")))
        except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
            raise LexiconError(
                f"the annotation priors {path.name} cannot be read",
                hint="reinstall Skills Screener or run scripts/train_skill_filter.py",
            ) from exc
