"""Candidate skill spans and the generic features the learned filter (``filter.py``) scores them on.

Candidates come from four generators, merged by span: lexicon matches (ESCO + O*NET + aliases, after the hard
context rules), the items of every line split on list separators, capitalised runs in running text
("Order Management System", "Technical Quality Assurance (TQA)", "SSRS"), and keyword chunks between function
words. Features describe the span (source, taxonomy kind, length, capitalisation, how everyday its words are,
whether it is a coordination with "and"), where it is (section, list-likeness of its line, neighbours) and the
document (how often the same phrase occurs, whether it is also a whole list item elsewhere). No feature names a
particular phrase: the filter learns how résumés write skills, not which skills.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from screener.credentials.countries import is_place
from screener.extract.ambiguity import Rules
from screener.extract.headings import detect_sections
from screener.extract.lexicon import Lexicon, norm_phrase
from screener.models import Section
from screener.parse.function_words import ARTICLES, CONJUNCTIONS, PREPOSITIONS

MAX_ITEM_WORDS = 6
MAX_RUN_TOKENS = 5
MIN_HEAD_FORMS = 3
# words allowed inside a capitalised run; "/" is not one: "UNIX/LINUX" names two skills
_CONNECTORS = frozenset({"of", "and", "for", "&"})
_EDGE_FUNCTION = PREPOSITIONS | ARTICLES | CONJUNCTIONS | {"as", "i", "we", "my", "our", "is", "are", "was", "were",
                                                             "be", "this", "that", "it"}
_CAMEL_RE = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_DIGIT_RE = re.compile(r"\d")
_SYMBOL_RE = re.compile(r"[+#./]")
_PREPOSITIONS = frozenset({"in", "at", "of", "with", "using", "on", "including", "like", "via", "through"})
_PRAISE = frozenset({"excellent", "strong", "good", "great", "effective", "solid", "sound", "proven", "advanced"})
_SECTIONS = ("skills", "experience", "summary", "education", "projects", "certifications", "contact", "other")
_SEPARATOR_CHARS = set(",;|•·●▪◦■►✓➢❖♦\u2022\uf0b7\uf0a7\uf076\uf0d8:")


@dataclass
class LineInfo:
    """What a logical line (or 2+-space field) looks like as a whole."""

    start: int
    end: int
    n_pieces: int
    mean_words: float
    in_skills: bool
    labelled: bool
    is_list: bool
    listy: bool
    sentence: bool
    short_run: int = 0  # how many consecutive short non-sentence lines this one is part of
    run_id: int = -1  # which run of short lines (-1: none)
    label: str = ""  # "Environment" of "Environment: Java, Oracle", normalised ("" when the line has none)


@dataclass
class SpanCandidate:
    start: int
    end: int
    t0: int
    t1: int
    concept: int | None
    extra_id: str | None
    feats: dict[str, float] = field(default_factory=dict)
    key: str = ""
    prev: str = ""  # the normalised tokens around the span ("" at either end of the text)
    nxt: str = ""
    prev2: str = ""  # the two tokens before it, joined by a space
    heading: str = ""  # the heading of its section, normalised ("" before the first heading)
    label: str = ""  # the label of its line ("environment", "tools"), normalised


@dataclass
class _Rec:
    t0: int
    t1: int
    concept: int | None = None
    extra_id: str | None = None
    lex: bool = False
    lex_ok: bool = False
    lex_key: str = ""
    item: bool = False
    item_custom: bool = False
    line: LineInfo | None = None
    cap: str = ""
    chunk: str = ""


def default_sections(text: str) -> list[Section]:
    """Sections for callers that pass none: the parser's detector (it handles flattened text), else the small
    fallback vocabulary of ``headings.py``."""
    from screener.parse import find_sections

    # the parser's "contact" block is everything before the first heading: for a short text that is all of it
    secs = [s for s in find_sections(text) if s.name != "contact"]
    return secs or detect_sections(text)


def mark_short_runs(infos: list[LineInfo], text: str) -> None:
    """Kaggle-style flattened lists put one item per 2+-space field: mark runs of consecutive short fields."""
    n = len(infos)
    i = 0
    while i < n:
        if infos[i].sentence or len(text[infos[i].start:infos[i].end].split()) > 5:
            i += 1
            continue
        j = i
        while j + 1 < n and not infos[j + 1].sentence and len(text[infos[j + 1].start:infos[j + 1].end].split()) <= 5:
            j += 1
        for k in range(i, j + 1):
            infos[k].short_run = j - i + 1
            infos[k].run_id = i
        i = j + 1


def capitalised_runs(text: str, toks: list[tuple[str, int, int]],
                     blocked: set[int]) -> list[tuple[int, int, int, int, str]]:
    """Runs of capitalised words (connectors like "of"/"and" allowed inside) on one line, 2-5 tokens, and single
    acronyms or camel-case names; a run followed by "(ACRONYM)" is also offered with it."""
    out: list[tuple[int, int, int, int, str]] = []
    n = len(toks)
    # a capitalised token: a capital first, or after a leading "." or "#" (".NET")
    caps = [text[a].isupper() or (text[a] in ".#" and b - a > 1 and text[a + 1].isupper()) for _, a, b in toks]
    i = 0
    while i < n:
        if not caps[i] or i in blocked:
            i += 1
            continue
        surf = text[toks[i][1]:toks[i][2]]
        j = i + 1
        while j < n:
            gap = text[toks[j - 1][2]:toks[j][1]]
            if "\n" in gap or "  " in gap or gap.strip() not in ("", "-"):
                break
            if caps[j] or (text[toks[j][1]].isdigit() and j > i) or (toks[j][0] in _CONNECTORS and j + 1 < n):
                j += 1
                continue
            break
        while j > i + 1 and toks[j - 1][0] in _CONNECTORS:
            j -= 1
        length = j - i
        first = surf
        single_ok = length == 1 and len(first) >= 2 and (
            first.isupper() or any(c.isupper() for c in first[1:]) or any(c in "+#" for c in first))
        if 2 <= length <= MAX_RUN_TOKENS or single_ok:
            starts = [(i, "run" if length > 1 else "acronym")]
            # a sentence starts with a capital anyway: "Led Technical Quality Assurance" may be "Led" + the skill
            gap_before = text[toks[i - 1][2]:toks[i][1]] if i > 0 else "\n"
            if length >= 2 and (i == 0 or toks[i - 1][0] in (".", "•", "-", ":") or "\n" in gap_before
                                or "  " in gap_before):
                starts.append((i + 1, "run_tail"))
            e0 = toks[j - 1][2]
            for i0, kind in starts:
                out.append((toks[i0][1], e0, i0, j, kind))
                # "Technical Quality Assurance (TQA)": annotators keep the expansion and its acronym together
                if (j - i0 > 1 and j + 2 < n and toks[j][0] == "(" and toks[j + 2][0] == ")"
                        and text[toks[j + 1][1]:toks[j + 1][2]].isupper()):
                    out.append((toks[i0][1], toks[j + 2][2], i0, j + 3, "expansion"))
        i = max(j, i + 1)
    return out


def blocked_tokens(toks: list[tuple[str, int, int]], blocked: Sequence[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that start inside a heading or list label."""
    starts = [t[1] for t in toks]
    out: set[int] = set()
    for b0, b1 in blocked:
        out.update(range(bisect.bisect_left(starts, b0), bisect.bisect_left(starts, b1)))
    return out


def chunks(text: str, toks: list[tuple[str, int, int]], breaks: frozenset[str],
           blocked: set[int]) -> list[tuple[int, int, int, int, str]]:
    """Keyword chunks: maximal token runs on one line between function words and punctuation ("expertise in
    [system analysis] and requirements"), up to 5 tokens. (Their endings, where an English noun phrase has its head,
    were tried as well: 11.6k more candidates on the train résumés for 33 more chosen, so they are not offered.)"""
    out: list[tuple[int, int, int, int, str]] = []
    n = len(toks)
    words = [t not in breaks and _chunk_word(t) for t, _, _ in toks]
    i = 0
    while i < n:
        if not words[i] or i in blocked:
            i += 1
            continue
        j = i + 1
        while j < n:
            gap = text[toks[j - 1][2]:toks[j][1]]
            if "\n" in gap or "  " in gap or gap.strip() or not words[j]:
                break
            j += 1
        length = j - i
        if length <= 5:
            out.append((toks[i][1], toks[j - 1][2], i, j, "chunk"))
        i = j
    return out


def _chunk_word(tok: str) -> bool:
    """A word of a keyword chunk: alphanumeric, or a name glued to a dot or hash (".NET"); a full stop is not."""
    return tok[:1].isalnum() or (tok[:1] in ".#" and len(tok) > 1)


class SectionIndex:
    """Which of ``secs`` holds an offset: the first one in their order whose span holds it, as a scan would find,
    by bisection over the boundaries of all sections (a scan per look-up ran hundreds of times per résumé)."""

    def __init__(self, secs: Sequence[Section]) -> None:
        self._points = sorted({p for s in secs for p in (s.start, s.end)})
        # between two consecutive boundaries no section starts or ends: the answer at the first holds for all.
        # Each section in order claims the intervals it spans that no earlier one claimed; ``nxt`` skips past
        # claimed ones (a résumé of thousands of sections is not scanned once per boundary).
        n = max(len(self._points) - 1, 0)
        self._first = [-1] * n
        nxt = list(range(n + 1))

        def free(i: int) -> int:
            while nxt[i] != i:
                nxt[i] = nxt[nxt[i]]
                i = nxt[i]
            return i

        for k, sec in enumerate(secs):
            i = free(bisect.bisect_left(self._points, sec.start))
            stop = bisect.bisect_left(self._points, sec.end)
            while i < stop:
                self._first[i] = k
                nxt[i] = i + 1
                i = free(i + 1)

    def index_at(self, offset: int) -> int:
        """Index in ``secs`` of the first section holding ``offset``, -1 when none does."""
        k = bisect.bisect_right(self._points, offset) - 1
        return self._first[k] if 0 <= k < len(self._first) else -1


class CandidateBuilder:
    """Collects candidate spans from the generators and computes their features."""

    def __init__(self, text: str, toks: list[tuple[str, int, int]], secs: Sequence[Section], lexicon: Lexicon,
                 rules: Rules, lines: list[LineInfo]) -> None:
        self.text = text
        self.toks = toks
        self.norms = [t[0] for t in toks]
        self.secs = sorted(secs, key=lambda s: s.start)
        self.lex = lexicon
        self.rules = rules
        self.lines = lines
        self._line_starts = [ln.start for ln in lines]
        self.recs: dict[tuple[int, int], _Rec] = {}
        self._where = SectionIndex(self.secs)
        self._places: dict[int, tuple[str, str]] = {}

    def _rec(self, start: int, end: int, t0: int, t1: int) -> _Rec:
        r = self.recs.get((start, end))
        if r is None:
            r = self.recs[(start, end)] = _Rec(t0, t1)
        return r

    def add_lexicon(self, start: int, end: int, t0: int, t1: int, concept: int | None, extra_id: str | None,
                    key: str, ok: bool) -> None:
        r = self._rec(start, end, t0, t1)
        r.lex, r.lex_ok, r.lex_key = True, r.lex_ok or ok, key
        r.concept = concept if r.concept is None else r.concept
        r.extra_id = extra_id if r.extra_id is None else r.extra_id

    def add_item(self, start: int, end: int, t0: int, t1: int, line: LineInfo, custom_ok: bool) -> None:
        words = self.text[start:end].split()
        if not 1 <= len(words) <= MAX_ITEM_WORDS:
            return
        r = self._rec(start, end, t0, t1)
        r.item, r.item_custom, r.line = True, r.item_custom or custom_ok, line
        if r.concept is None:
            r.concept = self.lex.forms.get(" ".join(self.norms[t0:t1]))

    def add_span(self, start: int, end: int, t0: int, t1: int, kind: str) -> None:
        r = self._rec(start, end, t0, t1)
        r.cap = kind
        if r.concept is None:
            r.concept = self.lex.forms.get(" ".join(self.norms[t0:t1]))

    def add_chunk(self, start: int, end: int, t0: int, t1: int, kind: str) -> None:
        r = self.recs.get((start, end))
        # a chunk is worth scoring only if its last word heads some skill phrase of the lexicon ("... analysis")
        if r is None and self.lex.token_heads.get(self.norms[t1 - 1], 0) < MIN_HEAD_FORMS:
            return
        r = self._rec(start, end, t0, t1)
        r.chunk = r.chunk or kind
        if r.concept is None:
            r.concept = self.lex.forms.get(" ".join(self.norms[t0:t1]))

    def _place_at(self, offset: int) -> tuple[str, str]:
        """(section feature name, normalised heading) of the first section holding ``offset``: ("none", "")
        outside every section."""
        k = self._where.index_at(offset)
        if k < 0:
            return "none", ""
        place = self._places.get(k)
        if place is None:
            s = self.secs[k]
            place = self._places[k] = (s.name if s.name in _SECTIONS else "other"), norm_phrase(s.heading)
        return place

    def finish(self, hard_reject: Callable[[str, str, str, str, bool], bool]) -> list[SpanCandidate]:
        """The candidates with their features; ``hard_reject(key, surface, prev, next, listy)`` applies the stoplist
        and ambiguity rules to a span the lexicon did not offer (it is asked only about keys those rules name)."""
        text, toks, lex = self.text, self.toks, self.lex
        out: list[SpanCandidate] = []
        lex_spans = sorted((r.t0, r.t1) for r in self.recs.values() if r.lex and r.lex_ok)
        lex_rec_spans = {k for k, r in self.recs.items() if r.lex and r.lex_ok}
        by_key: dict[str, list[tuple[_Rec, SpanCandidate]]] = {}
        # how many of a line's items the lexicon knows: unknown items among known tools are likely tools too
        line_items: dict[int, list[int]] = {}
        run_items: dict[int, list[int]] = {}
        sec_items: dict[str, list[int]] = {}
        for (a, b), r in self.recs.items():
            if r.item and r.line is not None:
                known = int(r.concept is not None or (a, b) in lex_rec_spans)
                line_items.setdefault(id(r.line), []).append(known)
                if r.line.run_id >= 0:
                    run_items.setdefault(r.line.run_id, []).append(known)
                sec_items.setdefault(self._place_at(a)[0], []).append(known)
        # (share known, count) per line / run / section, once: per candidate it was a sum over the whole list
        line_stats = {k: (sum(v) / len(v), len(v)) for k, v in line_items.items()}
        run_stats = {k: sum(v) / len(v) for k, v in run_items.items()}
        sec_stats = {k: sum(v) / len(v) for k, v in sec_items.items()}
        # the features of a line, of a section and of a concept are the same for every candidate there: built once
        line_feats: dict[int, dict[str, float]] = {}
        sec_feats: dict[str, dict[str, float]] = {}
        concept_feats: dict[tuple[int, bool], dict[str, float]] = {}
        # per token, once: how everyday (taxonomy descriptions) and how skill-like (lexicon forms) the word is
        norms_all = self.norms
        tok_df, tok_forms, tok_skilly, tok_df_alpha, tok_function = (
            zip(*[_token_stats(lex, t) for t in norms_all], strict=True) if toks else ((), (), (), (), ()))
        # hoisted lookups: this loop runs for every candidate (hundreds per résumé)
        alias_keys, common, derived_keys, token_heads = lex.alias_keys, lex.common, lex.derived_keys, lex.token_heads
        ambiguous_terms = self.rules.terms
        function_words = self.rules.function_words
        ruled = self.rules.named  # the only keys ``hard_reject`` (the stoplist and ambiguity rules) can reject
        n_toks = len(toks)
        lines, line_starts = self.lines, self._line_starts
        for (start, end), r in self.recs.items():
            surface = text[start:end]
            t0, t1 = r.t0, r.t1
            norms = norms_all[t0:t1]
            key = " ".join(norms)
            prev = norms_all[t0 - 1] if t0 > 0 else ""
            nxt = norms_all[t1] if t1 < n_toks else ""
            line = r.line
            if line is None:  # the line holding the span, if any
                k = bisect.bisect_right(line_starts, start) - 1
                line = lines[k] if k >= 0 and lines[k].start <= start < lines[k].end else None
            if not r.lex and r.extra_id is None and (
                    key in ruled and hard_reject(key, surface, prev, nxt, bool(line and line.is_list))
                    # a town or a country is no skill ("South Ural State University, Chelyabinsk, Russia")
                    or surface[:1].isupper() and is_place(surface)):
                continue
            # Only non-zero features are stored (the filter reads a missing feature as 0).
            f = dict(_source_features(r.lex, r.lex_ok, r.item, r.item_custom, r.cap, r.chunk))
            lex_ok = r.lex and r.lex_ok
            lex_soft = r.lex and not r.lex_ok
            only_cap = bool(r.cap) and not r.lex and not r.item
            if r.concept is not None:
                cf = concept_feats.get((r.concept, r.item))
                if cf is None:
                    cf = concept_feats[(r.concept, r.item)] = self._concept_features(r.concept, r.item)
                f.update(cf)
            lk = r.lex_key or key
            if lk in alias_keys:
                f["alias"] = 1.0
            if lk in common:
                f["common"] = 1.0
            if lk in derived_keys:
                f["derived"] = 1.0
            if ambiguous_terms.get(lk):
                f["ambiguous"] = 1.0
            n_words = t1 - t0
            ntok = min(n_words, 5)
            f[_NTOK_FEATURES[ntok]] = 1.0
            words = surface.split()
            all_upper = surface.isupper()
            if all_upper:
                f["all_upper"] = 1.0
            if all(w[:1].isupper() or w[:1].isdigit() or w in _CONNECTORS for w in words):
                f["title"] = 1.0
            if surface[:1].isupper():
                f["first_cap"] = 1.0
            lower = surface.islower()
            if lower:
                f["lower"] = 1.0
            # (a camel-case pair needs a lower-case and an upper-case letter)
            if not lower and not all_upper and _CAMEL_RE.search(surface) is not None:
                f["camel"] = 1.0
            if _DIGIT_RE.search(surface) is not None:
                f["digit"] = 1.0
            if _SYMBOL_RE.search(surface) is not None:
                f["symbol"] = 1.0
            if "(" in surface:
                f["paren"] = 1.0
            last_norm = norms[-1]
            if tok_function[t0] or tok_function[t1 - 1]:
                f["edge_function"] = 1.0
            n_function = sum(tok_function[t0:t1])
            if n_function:
                f["function_ratio"] = n_function / n_words
            if last_norm in ("skill", "ability", "abilities"):
                f["ends_skill"] = 1.0
            last_word = words[-1].lower()
            if last_word.endswith("ing"):
                f["ends_ing"] = 1.0
            if last_word.endswith("ed"):
                f["ends_ed"] = 1.0
            if words[0].lower().endswith(("ed", "ing")):
                f["starts_verbish"] = 1.0
            logs = [x for x in tok_df_alpha[t0:t1] if x is not None]
            if logs:
                v = sum(logs) / len(logs)
                if v:
                    f["df_mean"] = v
                v = min(logs)
                if v:
                    f["df_min"] = v
                v = max(logs)
                if v:
                    f["df_max"] = v
                v = logs.count(0) / len(logs)
                if v:
                    f["df_zero"] = v
            tf = tok_forms[t0:t1]
            v = sum(tf) / n_words
            if v:
                f["form_mean"] = v
            v = min(tf)
            if v:
                f["form_min"] = v
            v = math.log1p(token_heads.get(last_norm, 0)) / 10
            if v:
                f["head_forms"] = v
            v = sum(tok_skilly[t0:t1]) / n_words * 2
            if v:
                f["skilly"] = v
            sec, heading = self._place_at(start)
            sf = sec_feats.get(sec)
            if sf is None:
                sf = sec_feats[sec] = _section_features(sec, sec_stats)
            f.update(sf)
            line_list = line_listy = line_sentence = False
            if line is not None:
                line_list, line_listy, line_sentence = line.is_list, line.listy, line.sentence
                lf = line_feats.get(id(line))
                if lf is None:
                    lf = line_feats[id(line)] = _line_features(line, line_stats, run_stats)
                f.update(lf)
                if line.start == start and line.end == end:
                    f["whole_line"] = 1.0
            # a separator, a line break or a 2+-space field boundary right before / after the span
            before = text[max(0, start - 3):start]
            after = text[end:end + 3]
            if (start < 3 or "\n" in before or before.endswith("  ")
                    or (before.strip()[-1:] or "\n") in _SEPARATOR_CHARS):
                f["sep_before"] = 1.0
            after_first = after.strip()[:1]
            if ("\n" in after or after.startswith("  ") or (after_first or "\n") in _SEPARATOR_CHARS
                    or after_first in (".", ")", "")):
                f["sep_after"] = 1.0
            if prev in (".", ""):
                f["sentence_start"] = 1.0
            if prev in function_words:
                f["prev_function"] = 1.0
            if prev in _PREPOSITIONS:
                f["prev_prep"] = 1.0
            if nxt in function_words:
                f["next_function"] = 1.0
            if nxt in ("skill", "ability", "knowledge", "experience"):
                f["next_skill"] = 1.0
            if prev in _PRAISE:
                f["prev_adj"] = 1.0
            if r.item and not r.lex:
                inner = []
                for q in range(bisect.bisect_left(lex_spans, (t0, -1)), len(lex_spans)):
                    a, b = lex_spans[q]
                    if a >= t1:
                        break
                    if b <= t1:
                        inner.append((a, b))
                cov = {k for a, b in inner for k in range(a, b)}
                v = len(cov) / n_words
                if v:
                    f["item_cover"] = v
                v = math.log1p(len(inner))
                if v:
                    f["item_inner"] = v
            # a few interactions the trees would otherwise have to find themselves
            if r.item and sec == "skills":
                f["x_item_skills"] = 1.0
            if r.item and line_listy:
                f["x_item_listy"] = 1.0
            if lex_soft and line_list:
                f["x_soft_list"] = 1.0
            if only_cap and line_sentence:
                f["x_cap_sentence"] = 1.0
            if lex_ok and line_sentence:
                f["x_lex_sentence"] = 1.0
            if all_upper and ntok == 1:
                f["x_upper_single"] = 1.0
            if "and" in norms[1:-1]:
                self._coordination_features(norms, f)
            prev2 = norms_all[t0 - 2] + " " + norms_all[t0 - 1] if t0 >= 2 else ""
            cand = SpanCandidate(start, end, t0, t1, r.concept, r.extra_id, f, key, prev, nxt, prev2,
                                 heading, line.label if line is not None else "")
            out.append(cand)
            by_key.setdefault(key, []).append((r, cand))
        single = math.log1p(1) / 2
        for group in by_key.values():
            if len(group) == 1:  # most phrases occur once
                r, cand = group[0]
                f = cand.feats
                f["doc_count"] = single
                f["doc_any_item"] = float(r.item)
                f["doc_any_custom"] = float(r.item_custom)
                f["doc_any_lex_ok"] = float(r.lex and r.lex_ok)
                continue
            doc = {"doc_count": math.log1p(len(group)) / 2,
                   "doc_any_item": float(any(r.item for r, _ in group)),
                   "doc_any_custom": float(any(r.item_custom for r, _ in group)),
                   "doc_any_lex_ok": float(any(r.lex and r.lex_ok for r, _ in group))}
            for _, cand in group:
                cand.feats.update(doc)
        out.sort(key=lambda c: (c.start, c.end))
        return out

    def _concept_features(self, concept: int, item: bool) -> dict[str, float]:
        lex = self.lex
        f = {"kind_" + lex.concepts[concept].kind: 1.0}
        if concept in lex.tech:
            f["tech"] = 1.0
        if concept in lex.languages:
            f["language"] = 1.0
        f["in_lexicon"] = 1.0
        if item:
            f["item_is_lexicon"] = 1.0
        return f

    def _coordination_features(self, norms: list[str], f: dict[str, float]) -> None:
        """A coordination (a list item kept whole, a capitalised run): elliptic ("oral and written communication")
        when the words before "and" name no skill of their own and end in no head word of a skill phrase
        ("management and ...")."""
        k = norms.index("and")
        f["has_and"] = 1.0
        if k == 1:
            f["and_left_one"] = 1.0
        if " ".join(norms[:k]) in self.lex.forms:
            f["and_left_lex"] = 1.0
        if " ".join(norms[k + 1:]) in self.lex.forms:
            f["and_right_lex"] = 1.0
        v = math.log1p(self.lex.token_heads.get(norms[k - 1], 0)) / 10
        if v:
            f["and_left_head"] = v


@lru_cache(maxsize=65536)
def _token_stats(lex: Lexicon, tok: str) -> tuple[float, float, float, float | None, bool]:
    """Per token (a pure function of it, cached: the same words recur in every résumé): how everyday it is
    (taxonomy descriptions), how skill-like (lexicon forms), the difference, the first again for a word of letters
    only (else None), and whether it is a function word."""
    df = math.log1p(lex.word_df.get(tok, 0)) / 10
    forms = math.log1p(lex.token_forms.get(tok, 0)) / 10
    return df, forms, forms - df, df if tok.isalpha() else None, tok in _EDGE_FUNCTION


_NTOK_FEATURES = ("", "ntok_1", "ntok_2", "ntok_3", "ntok_4", "ntok_5")


@lru_cache(maxsize=256)
def _source_features(lex: bool, lex_ok: bool, item: bool, item_custom: bool, cap: str,
                     chunk: str) -> dict[str, float]:
    """Which generators offered a span (a pure function of a few flags: cached; callers copy it)."""
    f: dict[str, float] = {}
    if lex:
        f["src_lex"] = 1.0
    if lex and lex_ok:
        f["src_lex_ok"] = 1.0
    if lex and not lex_ok:
        f["src_lex_soft"] = 1.0
    if item:
        f["src_item"] = 1.0
    if item_custom:
        f["src_item_custom"] = 1.0
    f["src_cap_" + (cap or "none")] = 1.0
    f["src_" + (chunk or "nochunk")] = 1.0
    if cap and not lex and not item:
        f["only_cap"] = 1.0
    return f


def _section_features(sec: str, sec_stats: dict[str, float]) -> dict[str, float]:
    f = {"sec_" + sec: 1.0}
    v = sec_stats.get(sec, 0.0)
    if v:
        f["sec_known_items"] = v
    return f


def _line_features(line: LineInfo, line_stats: dict[int, tuple[float, int]],
                   run_stats: dict[int, float]) -> dict[str, float]:
    """What the line a candidate is on looks like, the same for every candidate on it."""
    f: dict[str, float] = {}
    if line.is_list:
        f["line_list"] = 1.0
    if line.listy:
        f["line_listy"] = 1.0
    if line.labelled:
        f["line_labelled"] = 1.0
    if line.sentence:
        f["line_sentence"] = 1.0
    v = math.log1p(line.n_pieces) / 3
    if v:
        f["line_pieces"] = v
    v = min(line.mean_words, 20) / 10
    if v:
        f["line_mean_words"] = v
    v = math.log1p(line.short_run) / 3
    if v:
        f["short_run"] = v
    known_share, n_items = line_stats.get(id(line), (0.0, 0))
    if n_items:
        if known_share:
            f["line_known_items"] = known_share
        v = math.log1p(n_items) / 3
        if v:
            f["line_items"] = v
    if line.run_id >= 0 and line.run_id in run_stats:
        v = run_stats[line.run_id]
        if v:
            f["run_known_items"] = v
    return f


__all__ = ["CandidateBuilder", "LineInfo", "SectionIndex", "SpanCandidate", "capitalised_runs", "blocked_tokens", "chunks",
           "default_sections", "mark_short_runs", "norm_phrase"]
