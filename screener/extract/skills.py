"""Skill extraction: candidate spans under hard context rules, scored by a learned filter.

1. Candidates (``candidates()``): lexicon (ESCO + O*NET + aliases) matches over normalised tokens, longest match
   first, extended over a following version ("SQL Server 2016"); the items of every line split on commas, pipes,
   bullets, semicolons and "and", cleaned of levels like "(3 years)"; capitalised runs and acronym expansions;
   keyword chunks between function words. Hard rules drop what is never a skill: the stoplist, the ambiguous short
   names (C, R, Go, Excel, React…) outside skill-like contexts (ambiguity.py, data/ambiguity.yaml), headings and
   list labels. A non-lexicon phrase that survives is a skill of its own, id ``custom:<slug>``.
2. Decision: for a résumé-length text the gradient-boosted filter (filter.py, trained by
   scripts/train_skill_filter.py on the dotin résumés) scores each candidate on those features and on the
   annotation priors (priors.py: how often annotators mark the phrase, its words, what comes right before or after
   it, under its heading, on a line with its label); the most probable of overlapping candidates above its
   threshold wins. A short text (badge description, title) is unlike the
   training résumés, so the context rules decide alone there.
3. Sense: a key that names several concepts ("SOAP": the protocol, cleaning products; "Unity": the game engine, a
   design principle) stands for the ICT one when the skills found around it (its section, else the document) are
   mostly ICT concepts (lexicon.ict: ESCO's ICT skill groups and occupations, O*NET tools), unless the lexicon's
   first choice bears the key as its own name. Rubric names are resolved the same way (``resolve``).

Spelling variants of tool names ("RESTful APIs" / "REST APIs", "Node.js" / "Node", "Postgres" / "PostgreSQL",
"MS Excel" / "Excel") meet through the normalisation of lexicon.py, used alike for lexicon keys, text and rubric
terms (``extra_terms``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from screener.extract.ambiguity import Rules
from screener.extract.candidates import (
    CandidateBuilder,
    LineInfo,
    SectionIndex,
    SpanCandidate,
    blocked_tokens,
    capitalised_runs,
    chunks,
    default_sections,
    mark_short_runs,
)
from screener.extract.filter import SkillFilter, select
from screener.extract.headings import heading_name, segments, vocabulary
from screener.extract.lexicon import Concept, Lexicon, js_suffixed, key_variants, norm_phrase, slug, tokenize
from screener.extract.priors import AnnotationPriors
from screener.models import Section, SkillMention

_SEPARATORS = ",;|•·●▪◦■►✓➢❖♦\u2022\uf0b7\uf0a7\uf076\uf0d8"
_ITEM_SPLIT_RE = re.compile(rf"[{re.escape(_SEPARATORS)}]|\s[-–*/]\s|\s+(?:and|&)\s+")
# the same without "and": annotators often keep "Activity and resource planning" or "Test Planning & Execution" whole
_ITEM_SPLIT_KEEP_AND_RE = re.compile(rf"[{re.escape(_SEPARATORS)}]|\s[-–*/]\s")
_AND_RE = re.compile(r"\s(?:and|&)\s")
_LABEL_RE = re.compile(r"^[\s\-–•*·●▪◦■►✓➢❖♦>]*([A-Za-z][A-Za-z0-9 /&().+-]{0,40}?)\s*[:–-]\s+(?=\S)")
# what a bracket after a name may hold to be a part of it: a name of two or more characters, at most four words, no
# year (not a grade "(C)", a mark "(R)", a date)
_BRACKET_PART_RE = re.compile(r"\s*(?!(?:TM|tm|R)\s*$)(?=[^\s]*[A-Za-z])[^\s()]{2,}(?:\s+[^\s()]+){0,3}\s*")
_YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")
_LIST_SEP_RE = re.compile(rf"[{re.escape(_SEPARATORS)}]")
# Levels and durations written after a skill: "(Less than 1 year)", "(3 years)", "- Expert", "(Advanced)".
_LEVEL_RE = re.compile(
    r"\s*[(\[][^)\]]*\b(?:years?|yrs?|months?|less than|expert|advanced|intermediate|beginner|basic|proficient|"
    r"good|excellent|fluent|native|familiar|working knowledge|exposure)\b[^)\]]*[)\]]?\s*$",
    re.IGNORECASE,
)
# Some exported texts carry bullets as literal byte escapes ("\\xe2\\x80\\xa2"): they separate items.
_ESCAPED_BYTES_RE = re.compile(r"(?:\\x[0-9a-fA-F]{2})+")
_LEVEL_ANY_RE = re.compile(
    r"\((?=[^()]{0,40}\))[^()]*?\b(?:years?|yrs?|months?|less than)\b[^()]*\)", re.IGNORECASE
)
_LEVEL_WORDS = ("expert", "advanced", "intermediate", "beginner", "proficient", "fluent", "native")
_LEVEL_WORDS_RE = re.compile(rf"\s*(?:[-–:(]\s*)?\b(?:{'|'.join(_LEVEL_WORDS)})\b\)?\s*$", re.IGNORECASE)
# their last two letters: a cheap test before the search (no letter of these has a non-ASCII case variant)
_LEVEL_WORD_ENDINGS = frozenset(w[-2:] for w in _LEVEL_WORDS)
_LEVEL_WINDOW = 80  # a level or duration written after a skill is never longer
_LEAD_TRIM_RE = re.compile(r"[\s\-–—•*·●▪◦■►✓➢❖♦>:.()\[\]\"'’]+")
# matched on the reversed piece: a search for the trailing run from the front is quadratic in a long run of these
_TRAIL_TRIM_RE = re.compile(r"[\s\-–—•*·●▪◦■►✓➢❖♦>:.,;(\[\"'’]+")
_EDGE_WORDS = ("and", "or", "&", "with", "of", "in", "for", "the", "to")
_EDGE_WORD_RE = re.compile(rf"(?:[\s,;]+(?:{'|'.join(_EDGE_WORDS)}))+[\s,;.]*$", re.IGNORECASE)
# their last characters, both cases (none of them has a non-ASCII case variant)
_EDGE_WORD_ENDS = frozenset(c for w in _EDGE_WORDS for c in (w[-1], w[-1].upper()))
_LEAD_WORD_RE = re.compile(r"(?:(?:and|or|&|with|the)\s+)+", re.IGNORECASE)
# (and "and" / "or" as résumés in Spanish, Portuguese, Italian, French, German and Russian write them: "Go y Python")
_JOINERS = {",", "/", "|", "&", "and", "or", "+", ";", "(", ")", "y", "o", "e", "ou", "et", "und", "oder", "и", "или"}
_NON_SKILL_RE = re.compile(r"@|https?:|www\.|\d{3,}[-\s]?\d{3,}|\b(?:19|20)\d\d\b.*\b(?:19|20)\d\d\b")
_DIGIT_RE = re.compile(r"\d")
_SENTENCE_RE = re.compile(r"[a-z]{2}[.!?](?:\s|$)|\b(?:i|we|was|were|have|has|had|is|are|the|of|to|for|with)\s", re.I)
SKILL_SECTIONS = frozenset({"skills"})
_SKILL_OR_OTHER = SKILL_SECTIONS | {"other"}
# Below this length a text is a snippet (badge text, title), not a résumé: the context rules decide alone.
MIN_LEARNED_CHARS = 400
MAX_RULE_ITEM_WORDS = 3
MAX_AND_ITEM_WORDS = 6
# a word the taxonomies' descriptions write in lower case this often is an everyday word (build_lexicon.common_words)
COMMON_WORD_DF = 5


@dataclass
class _Cand:
    t0: int  # first token
    t1: int  # one past the last token
    start: int
    end: int
    concept: int | None  # lexicon concept index
    extra_id: str | None  # rubric-supplied id (extra_terms)
    key: str


@dataclass
class _Item:
    start: int
    end: int
    t0: int
    t1: int
    custom_ok: bool  # a skills section or a list label with short items
    line: LineInfo


class SkillExtractor:
    """Finds skill mentions in résumé text. Load once (``get_extractor()``); ``extract`` is pure and thread-safe."""

    def __init__(self, lexicon: Lexicon, rules: Rules) -> None:
        self.lexicon = lexicon
        self.rules = rules
        self._model: SkillFilter | None = None
        self._priors: AnnotationPriors | None = None

    @classmethod
    def load(cls) -> SkillExtractor:
        return cls(Lexicon.load(), Rules())

    # ------------------------------------------------------------------ lookup API
    def concept(self, concept_id: str) -> Concept | None:
        idx = self.lexicon.index.get(concept_id)
        return self.lexicon.concepts[idx] if idx is not None else None

    def surface_forms(self, concept_id: str) -> list[str]:
        idx = self.lexicon.index.get(concept_id)
        return list(self.lexicon.surfaces[idx]) if idx is not None else []

    def related(self, concept_id: str) -> list[str]:
        idx = self.lexicon.index.get(concept_id)
        if idx is None:
            return []
        return [self.lexicon.concepts[j].id for j in self.lexicon.related[idx]]

    def resolve(self, name_or_id: str, context: Sequence[str] = ()) -> list[Concept]:
        """Concepts a rubric skill name or id stands for: id passthrough, else label/synonym/alias match (spelling
        variants normalised: "RESTful APIs" = "REST APIs", "Node.js" = "Node", "MS Excel" = "Excel").

        When the name names several concepts, one sense is chosen: the ICT one when the context is technical (the
        other skill names of the rubric, ``context``; without context, when the lexicon's own first choice for the
        name is an ICT concept), else the others; among those, the concepts the name is the name of ("Linux" the
        tool, not "operating systems" which lists it as a synonym) — "SOAP" is the protocol, not cleaning products.
        """
        text = name_or_id.strip()
        direct = self.concept(text)
        if direct is not None:
            return [direct]
        lex = self.lexicon
        for key in [norm_phrase(text), *key_variants(norm_phrase(text))]:
            found = list(lex.senses.get(key, ()))
            idx = lex.forms.get(key)
            if idx is not None and idx not in found:
                found.insert(0, idx)
            for j in lex.label_extra.get(key, ()):
                if j not in found:
                    found.append(j)
            if found:
                return [lex.concepts[j] for j in self._choose_senses(key, found, idx, context)]
        return []

    def _choose_senses(self, key: str, found: list[int], first: int | None, context: Sequence[str]) -> list[int]:
        if len(found) == 1:
            return found
        ict = self.lexicon.ict
        if context:
            known = [self.lexicon.forms.get(norm_phrase(c)) for c in context]
            hits = [k for k in known if k is not None]
            technical = bool(hits) and sum(k in ict for k in hits) / len(hits) >= 0.5
        else:
            technical = (first if first is not None else found[0]) in ict
        domain = [j for j in found if (j in ict) == technical] or found
        named = [j for j in domain if j == first or _label_key(self.lexicon.concepts[j].label) == key]
        return named or domain

    def sense(self, concept: int, key: str, technical: bool) -> int:
        """The concept a lexicon match stands for in its context. The lexicon's first choice stays when the key is
        its name ("team building"); when it merely lists the key as a synonym, a sense of the context's domain
        (ICT in technical context, else non-ICT) that the key names exactly, or else the first of that domain."""
        senses = self.lexicon.senses.get(key)
        ict = self.lexicon.ict
        if not senses or (concept in ict) == technical or _label_key(self.lexicon.concepts[concept].label) == key:
            return concept
        domain = [j for j in senses if (j in ict) == technical]
        named = [j for j in domain if _label_key(self.lexicon.concepts[j].label) == key]
        return (named or domain or [concept])[0]

    # ------------------------------------------------------------------ extraction
    def extract(
        self,
        text: str,
        sections: Sequence[Section] = (),
        *,
        excluded: Sequence[tuple[int, int]] = (),
        extra_terms: Mapping[str, Sequence[str]] | None = None,
    ) -> list[SkillMention]:
        secs = list(sections) if sections else default_sections(text)
        cands = self.candidates(text, secs, extra_terms=extra_terms)
        if len(text.strip()) >= MIN_LEARNED_CHARS:
            mdl, priors = self.model, self.priors
            for c in cands:  # the candidates are this call's own: their feature dicts can take the priors
                priors.add_features(c.feats, c.key, c.prev, c.nxt, c.prev2, c.heading, c.label)
            probs = mdl.probs([c.feats for c in cands])
            threshold = mdl.threshold
        else:
            probs, threshold = [_rule_prob(text, c) for c in cands], 0.5
        probs = [1.0 if c.extra_id is not None else p for c, p in zip(cands, probs, strict=True)]
        taken = select(cands, probs, threshold)
        technical = self._technical_context(taken, secs)
        out = []
        for c in taken:
            if any(c.start < xe and xs < c.end for xs, xe in excluded):
                continue
            cid, label = self._cand_id_label(text, c, technical.get(_section_at(secs, c.start), technical.get("")))
            out.append(SkillMention(text=text[c.start:c.end], id=cid, label=label, start=c.start, end=c.end,
                                    section=_section_at(secs, c.start)))
        return out

    @property
    def model(self) -> SkillFilter:
        if self._model is None:
            self._model = SkillFilter.load()
        return self._model

    @property
    def priors(self) -> AnnotationPriors:
        if self._priors is None:
            self._priors = AnnotationPriors.load()
        return self._priors

    def _technical_context(self, taken: Sequence[SpanCandidate], secs: Sequence[Section]) -> dict[str, bool | None]:
        """Per section (and "" for the whole text): is the context technical? True when at least half of the
        unambiguous lexicon skills found there are ICT concepts, False when at most a fifth are, None when unsure
        or when fewer than two were found."""
        ict, senses = self.lexicon.ict, self.lexicon.senses
        counts: dict[str, list[int]] = {}
        for c in taken:
            if c.concept is not None and c.key not in senses:
                for k in (_section_at(secs, c.start), ""):
                    counts.setdefault(k, []).append(int(c.concept in ict))
        out: dict[str, bool | None] = {}
        for k, v in counts.items():
            share = sum(v) / len(v)
            out[k] = None if len(v) < 2 else True if share >= 0.5 else False if share <= 0.2 else None
        return out

    def _cand_id_label(self, text: str, c: SpanCandidate, technical: bool | None = None) -> tuple[str, str]:
        if c.extra_id is not None:
            known = self.concept(c.extra_id)
            return c.extra_id, known.label if known else norm_phrase(text[c.start:c.end])
        if c.concept is not None:
            idx = c.concept if technical is None else self.sense(c.concept, c.key, technical)
            concept = self.lexicon.concepts[idx]
            return concept.id, concept.label
        label = " ".join(text[c.start:c.end].split())
        return custom_id(label), label

    def candidates(
        self,
        text_in: str,
        secs: Sequence[Section],
        *,
        extra_terms: Mapping[str, Sequence[str]] | None = None,
    ) -> list[SpanCandidate]:
        """Every span that might be a skill, with the features the filter scores. Hard rules (stoplist, the
        ambiguity rules for C / Go / React / Excel ..., headings and list labels) are applied here; everything
        softer is a feature."""
        text = _mask(text_in)
        toks = tokenize(text)
        norms = [t[0] for t in toks]
        starts = [t[1] for t in toks]
        extra = _compile_extra(extra_terms or {})

        items, list_tokens, blocked, line_info = self._list_items(text, starts, secs)
        lex = self._candidates(text, toks, norms, extra)
        blocked_at = _interval_index(blocked)
        lex = [c for c in lex if not _overlaps(blocked_at, c.start, c.end)]
        item_bounds = {(it.t0, it.t1) for it in items}
        gated = self._gate(text, toks, norms, lex, item_bounds, list_tokens, line_info)
        builder = CandidateBuilder(text, toks, secs, self.lexicon, self.rules, line_info)
        for c, ok in gated:
            # a field of study under Education is a degree, not a skill claim: only tools pass the rules there
            if ok and c.concept is not None and _section_at(secs, c.start) == "education":
                ok = self.lexicon.concepts[c.concept].kind == "tool"
            builder.add_lexicon(c.start, c.end, c.t0, c.t1, c.concept, c.extra_id, c.key, ok)
        for it in items:
            if self._custom_ok(text, it, norms):
                builder.add_item(it.start, it.end, it.t0, it.t1, it.line, it.custom_ok)
        blocked_toks = blocked_tokens(toks, blocked)
        for s, e, t0, t1, kind in capitalised_runs(text, toks, blocked_toks):
            builder.add_span(s, e, t0, t1, kind)
        for s, e, t0, t1, kind in chunks(text, toks, self.rules.function_words, blocked_toks):
            builder.add_chunk(s, e, t0, t1, kind)
        return _outside_glued_names(text, builder.finish(self._hard_reject))

    def _hard_reject(self, key: str, surface: str, prev: str, nxt: str, listy: bool) -> bool:
        """Stoplist and ambiguity rules for a span that is not a lexicon match (a list item, a capitalised run)."""
        rules = self.rules
        if key in rules.never or (key in rules.list_only and not listy):
            return True
        rs = rules.rules_for(key)
        if rs:
            rule = next((r for r in rs if r.case_ok(surface)), None)
            if rule is None or prev in rule.reject_prev or nxt in rule.reject_next or not listy:
                return True
        return False

    def _custom_ok(self, text: str, it: _Item, norms: list[str]) -> bool:
        phrase = text[it.start:it.end]
        if _may_be_non_skill(phrase) and _NON_SKILL_RE.search(phrase) or not any(ch.isalpha() for ch in phrase):
            return False
        key = " ".join(norms[it.t0:it.t1])
        if key in self.rules.never or heading_name(phrase) is not None:
            return False
        fw = self.rules.function_words
        return not (norms[it.t0] in fw or norms[it.t1 - 1] in fw)

    def _candidates(self, text: str, toks: list[tuple[str, int, int]], norms: list[str],
                    extra: tuple[dict[str, str], dict[str, int]]) -> list[_Cand]:
        extra_forms, extra_len = extra
        out = []
        version_re = self.rules.version_re
        for i, tok in enumerate(norms):
            best: tuple[int, int | None, str | None] | None = None
            longest = extra_len.get(tok)
            if longest:
                for j in range(min(len(norms), i + longest), i, -1):
                    eid = extra_forms.get(" ".join(norms[i:j]))
                    if eid is not None:
                        best = (j - i, None, eid)
                        break
            hit = self.lexicon.match_at(norms, i)
            if hit is not None and (best is None or hit[0] > best[0]):
                best = (hit[0], hit[1], None)
            if best is None:
                continue
            n, cidx, eid = best
            # "communication skills" -> "communication": the skill is the first part (how annotators span it)
            if n > 1 and norms[i + n - 1] == "skill" and cidx is not None:
                shorter = self.lexicon.forms.get(" ".join(norms[i:i + n - 1]))
                if shorter is not None:
                    n, cidx = n - 1, shorter
            j = i + n
            end = toks[j - 1][2]
            # a version right after a tool name belongs to the mention: "SQL Server 2016", "QTP 8.2", "Oracle 9i"
            if (j < len(toks) and toks[j][1] - end <= 1 and text[end:toks[j][1]] in ("", " ")
                    and version_re.match(text[toks[j][1]:toks[j][2]])
                    and not (j + 1 < len(norms) and norms[j + 1] in ("year", "yr", "month", "+"))):
                j += 1
                end = toks[j - 1][2]
            out.append(_Cand(i, j, toks[i][1], end, cidx, eid, " ".join(norms[i:i + n])))
        return out

    def _gate(self, text: str, toks: list[tuple[str, int, int]], norms: list[str], cands: list[_Cand],
              item_bounds: set[tuple[int, int]], list_tokens: set[int],
              lines: Sequence[LineInfo]) -> list[tuple[_Cand, bool]]:
        """Apply the stoplist and the ambiguity rules. Hard failures drop a candidate; the soft test (an everyday
        word, or a generic competence in running text) is returned as a flag for the filter to weigh."""
        rules = self.rules
        lex = self.lexicon
        plain: list[tuple[_Cand, bool]] = []
        ambiguous = []
        for c in cands:
            whole_item = (c.t0, c.t1) in item_bounds or (c.t0, c.t0 + c.key.count(" ") + 1) in item_bounds
            # (a rubric's term by what the résumé wrote, version aside: "Golang" met through the variant "go" is no
            # verb, "spring 2019" is "spring")
            surface = text[toks[c.t0][1]:toks[c.t0 + c.key.count(" ")][2]]
            rs = rules.rules_for(c.key if c.extra_id is None else surface.casefold())
            if c.extra_id is not None and not rs:
                # a rubric term that is also an everyday word ("Express" of "Express.js") counts in running text
                # only when written as a name; in lower case only as a list item ("express" my ideas)
                if (" " not in c.key and lex.word_df.get(c.key, 0) >= COMMON_WORD_DF and text[c.start:c.end].islower()
                        and not whole_item and c.t0 not in list_tokens):
                    continue
                plain.append((c, True))
                continue
            # (a rubric's own term goes on only when it is an ambiguous name — "Go", "C", "Spring" — and then meets
            # the same context rules as the lexicon's match of that name: the rubric chose the tool, not the verb)
            if c.extra_id is None and (c.key in rules.never or c.key in rules.list_only and not whole_item):
                continue
            if rs:
                rule = next((r for r in rs if r.case_ok(surface)), None)
                if rule is None and whole_item and c.t0 in list_tokens:
                    # a whole item of a list is the tool even in lower case: "Skills: word, excel, access"
                    rule = rs[0]
                if rule is None:
                    continue
                ambiguous.append((c, rule, whole_item))
                continue
            # an everyday word the taxonomy happens to list ("conduct", "site", "activities") is rarely a skill
            # outside a list, unless a hand-written alias says people write it as a skill ("analytical")
            if c.key in lex.common and c.key not in lex.alias_keys and not whole_item:
                plain.append((c, False))
            else:
                plain.append((c, whole_item or c.t0 in list_tokens or self._prose_ok(text, c)))
        plain_edges = {c.t0 for c, _ in plain} | {c.t1 - 1 for c, _ in plain}
        out = list(plain)
        short_item_tokens: set[int] | None = None
        line_starts: list[int] = []
        for c, rule, whole_item in ambiguous:
            prev = norms[c.t0 - 1] if c.t0 > 0 else ""
            nxt = norms[c.t1] if c.t1 < len(norms) else ""
            # a hyphen or apostrophe glued to the term makes it part of a word: "C-level", "Go-live", "R&D"
            glued_after = c.end < len(text) and text[c.end] in "-‐'’&"
            glued_before = c.start > 0 and text[c.start - 1] in "-‐&"
            if prev in rule.reject_prev or nxt in rule.reject_next or glued_after or glued_before:
                continue
            n_key = c.key.count(" ") + 1
            has_version = c.t1 > c.t0 + n_key
            # a short item of a list, or a list of short items, a skills section's line or a labelled list: a
            # clause of a sentence split by semicolons is no list item for a name that is also a word ("Graded C
            # overall in the review; …")
            if short_item_tokens is None:  # (once per document, and only when a name that is a word is found)
                short_item_tokens = {t for t0, t1 in item_bounds if t1 - t0 <= MAX_SHORT_ITEM_TOKENS
                                     for t in range(t0, t1)}
                line_starts = [ln.start for ln in lines]
            in_list = c.t0 in list_tokens and (c.t0 in short_item_tokens or
                                               _short_items_at(lines, line_starts, c.start))
            neighbour = (
                (prev in _JOINERS and c.t0 - 2 in plain_edges)
                or (nxt in _JOINERS and c.t1 + 1 in plain_edges)
            )
            cue = rules.cue_before(norms[max(0, c.t0 - 3):c.t0]) or nxt in rules.cues_after
            # "Node.js", "ReactJS": the suffix the tokens drop names the technology, whatever the sentence
            js_name = n_key == 1 and js_suffixed(text[c.start:c.end])
            if whole_item or in_list or neighbour or has_version or cue or js_name:
                out.append((c, True))
        return out

    def _level_follows(self, text: str, start: int, end: int) -> bool:
        """Is the first item from ``start`` a level or a duration ("Expert", "5 years", "B2")?"""
        first = _open_brackets_split(text, _split_items(text, start, end)[:1])[:1]
        return bool(first) and self.rules.level_at(text[first[0][0]:first[0][1]].strip()) == 0

    def _without_levels(self, text: str, pieces: list[tuple[int, int]],
                        blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The items with the level or duration written after a skill cut off ("Java: 5 years" → "Java") and
        items that are only a level ("Expert" of "Python – Expert") dropped; each level goes to ``blocked``."""
        out = []
        for a, b in _open_brackets_split(text, pieces):
            at = self.rules.level_at(text[a:b])
            if at is None:
                out.append((a, b))
                continue
            if at == 0 and text[a:b].strip().isupper() and norm_phrase(text[a:b]) in self.lexicon.forms:
                out.append((a, b))  # "BASIC" in a list of languages is the language
                continue
            blocked.append((a + at, b))
            if text[a:a + at].strip():
                out.append((a, a + at))
        return out

    def _prose_ok(self, text: str, c: _Cand) -> bool:
        """May a lexicon match count in running text (not a list)? Measured on the dotin development résumés:
        generic ESCO competences ("conduct", "market study", "store wine") are mostly false hits in prose, while
        tools, hand-written aliases and language names hold up."""
        lex = self.lexicon
        assert c.concept is not None
        if not (c.key in lex.alias_keys or c.concept in lex.tech or c.concept in lex.languages):
            return False
        if c.key in lex.derived_keys and " " not in c.key:
            # a form the build derived ("Tracker" from "... Tracker", "ES" from "... ES"): needs a list, or at
            # least the capitals a product name is written with
            surface = text[c.start:c.end]
            if len(c.key) <= 3 or surface.islower():
                return False
        return True

    def _list_items(self, text: str, starts: list[int],
                    secs: Sequence[Section]) -> tuple[list[_Item], set[int], list[tuple[int, int]], list[LineInfo]]:
        """Items of every line (split on list separators), the token indices inside list-like lines, the spans of
        headings and list labels (never skills themselves), and what each line looks like."""
        _, list_labels = vocabulary()
        items: list[_Item] = []
        list_tokens: set[int] = set()
        blocked: list[tuple[int, int]] = []
        infos: list[LineInfo] = []
        lines = _logical_lines(text, secs)
        label_next = False
        for i, (s, e) in enumerate(lines):
            seg = text[s:e]
            by_label, label_next = label_next, False
            if heading_name(seg) is not None:
                blocked.append((s, e))
                continue
            in_skills = _section_at(secs, s) in SKILL_SECTIONS
            body_start = s
            labelled = False
            # a table's first column: a known label word alone in its field, its list in the next field of the
            # line ("Databases      PostgreSQL, MongoDB"; "Networking      Databases" is two items)
            if i + 1 < len(lines) and "\n" not in text[e:lines[i + 1][0]] and norm_phrase(seg) in list_labels \
                    and _LIST_SEP_RE.search(text, *lines[i + 1]):
                blocked.append((s, e))
                label_next = True
                continue
            m = _LABEL_RE.match(seg) or _table_label(seg, list_labels)
            label_key = ""
            if by_label and not m:
                labelled = True
            if m:
                label_key = norm_phrase(m.group(1))
                # "Python – Expert", "Java: 5 years": a skill and its level, not a label and its list
                if (in_skills or label_key in list_labels) and not self._level_follows(text, s + m.end(), e):
                    labelled = True
                    body_start = s + m.end()
                    # a label that is itself a technology heads its own tools: "Java: Spring Boot, Hibernate" is
                    # Java too (a label word such as "Languages" or "Tools" is never a skill)
                    concept = self.lexicon.forms.get(label_key) if label_key not in list_labels else None
                    if concept is None or concept not in self.lexicon.tech:
                        blocked.append((s, s + m.end()))
                    else:  # at the head of a list: a name that is also a word ("Java", "Go") is the tool here
                        list_tokens.update(range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, body_start)))
            pieces = self._without_levels(text, _split_items(text, body_start, e), blocked)
            if not pieces:
                continue
            is_list = in_skills or labelled or len(pieces) >= 3
            n_words = [len(text[a:b].split()) for a, b in pieces]
            # a list has several short items, or is a one-per-line list of short items in a skills section
            listy = (len(pieces) >= 2 and sum(n_words) / len(pieces) <= 3.5) or (
                len(pieces) == 1 and n_words[0] <= 3 and (in_skills or labelled))
            info = LineInfo(start=s, end=e, n_pieces=len(pieces), mean_words=sum(n_words) / len(pieces),
                            in_skills=in_skills, labelled=labelled, is_list=is_list, listy=listy,
                            sentence=bool(_SENTENCE_RE.search(seg)), label=label_key)
            infos.append(info)
            if is_list:
                t_lo = bisect.bisect_left(starts, body_start)
                t_hi = bisect.bisect_left(starts, e)
                list_tokens.update(range(t_lo, t_hi))
            # items kept whole over "and" (a line without one has none)
            whole = [(a, b) for a, b in _split_items(text, body_start, e, _ITEM_SPLIT_KEEP_AND_RE)
                     if _AND_RE.search(text, a, b) and len(text[a:b].split()) <= MAX_AND_ITEM_WORDS
                     ] if _AND_RE.search(text, body_start, e) else []
            for ps, pe in pieces + whole + _slash_parts(text, pieces):
                ps, pe = _clean_item(text, ps, pe)
                if pe <= ps:
                    continue
                t0 = bisect.bisect_left(starts, ps)
                t1 = bisect.bisect_left(starts, pe)
                if t1 > t0:
                    items.append(_Item(ps, pe, t0, t1, custom_ok=(in_skills or labelled) and listy, line=info))
        mark_short_runs(infos, text)
        return items, list_tokens, blocked, infos


_QUALIFIER_RE = re.compile(r"\s*\([^)]*\)\s*$")


def _outside_glued_names(text: str, cands: list[SpanCandidate]) -> list[SpanCandidate]:
    """The candidates that are not a piece of a name the lexicon knows written as one word of several tokens:
    "PL/SQL", "TCP/IP", "ASP.NET" are one skill, and their "SQL", "PL", "NET" no candidates of their own (the
    filter's favourite "SQL" won the overlap with "PL/SQL")."""
    glued = [(c.start, c.end) for c in cands
             if c.concept is not None and c.t1 - c.t0 > 1 and not any(ch.isspace() for ch in text[c.start:c.end])]
    if not glued:
        return cands
    whole = set(glued)
    index = _interval_index(glued)
    # (a rubric's own term still counts inside one: "SQL" of "PL/SQL" is SQL written, for a rubric asking for SQL)
    return [c for c in cands if (c.start, c.end) in whole or c.extra_id is not None or not _within(index, c.start, c.end)]


@lru_cache(maxsize=4096)
def _label_key(label: str) -> str:
    """A concept's label as a key, without its qualifier: "Java (computer programming)" -> "java"."""
    return norm_phrase(_QUALIFIER_RE.sub("", label))


def _rule_prob(text: str, c: SpanCandidate) -> float:
    """The context rules alone, for short texts (a badge description, a certificate title) that look nothing like
    the résumés the filter was trained on: lexicon matches that passed the rules, and short items of a labelled
    list or skills section ("Skills: Guice, Robot Framework") unless joined by "and"/"/" (then the parts count)."""
    f = c.feats
    if f.get("src_lex_ok"):
        return 0.9
    phrase = text[c.start:c.end]
    if f.get("src_item_custom") and len(phrase.split()) <= MAX_RULE_ITEM_WORDS and not re.search(r"/|&|\band\b",
                                                                                                   phrase):
        return 0.9
    return 0.0


def _mask(text: str) -> str:
    """Blank out levels and durations ("(Less than 1 year)", "(3 years)") with a comma and spaces, keeping every
    offset, so that they separate items even when they wrap over a line break."""
    text = _ESCAPED_BYTES_RE.sub(lambda m: "," + " " * (len(m.group()) - 1), text)
    return _LEVEL_ANY_RE.sub(lambda m: "," + " " * (len(m.group()) - 1), text)


def _logical_lines(text: str, secs: Sequence[Section]) -> list[tuple[int, int]]:
    """Segments, with a line that wraps onto the next joined back: a comma-separated list in a skills section, and
    any line not ended by punctuation whose next line goes on in lower case ("... and Configuration" +
    "management.")."""
    segs = segments(text)
    out: list[tuple[int, int]] = []
    for s, e in segs:
        if out:
            ps, pe = out[-1]
            prev = text[ps:pe]
            gap = text[pe:s]
            one_break = gap.count("\n") == 1 and "  " not in gap.replace("\n", "")
            open_end = prev.rstrip()[-1:] not in _SEPARATORS + ":.;!?)"
            nxt = text[s:e]
            table_rows = " | " in prev and " | " in nxt  # rows of a table are lines of their own
            if (one_break and open_end and not table_rows and heading_name(nxt) is None and not _LABEL_RE.match(nxt)
                    and (("," in prev and _section_at(secs, s) in _SKILL_OR_OTHER)
                         or (nxt[:1].islower() and prev[-1:].isalpha()))):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _split_items(text: str, start: int, end: int, split_re: re.Pattern[str] = _ITEM_SPLIT_RE) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in split_re.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


# the parts of "React.js/Redux", "HTML/CSS", "Node/Express": each a name (at least three characters, one of four),
# so that "TCP/IP", "CI/CD", "PL/SQL", "UI/UX" stay whole
_SLASH_PART_RE = re.compile(r"(?<![\w/])[A-Za-z][\w.+#-]{2,}(?:/[A-Za-z][\w.+#-]{2,})+(?![\w/])")


def _slash_parts(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each name of an item written as names joined by slashes, beside the whole item (the filter chooses): a
    name the lexicon does not know ("Redux" of "React.js/Redux") was no candidate at all."""
    out = []
    for a, b in pieces:
        if text.find("/", a, b) < 0:
            continue
        for m in _SLASH_PART_RE.finditer(text, a, b):
            names = m.group().split("/")
            if max(map(len, names)) < 4 or "://" in text[max(a, m.start() - 3):m.end()]:
                continue
            at = m.start()
            for name in names:
                out.append((at, at + len(name)))
                at += len(name) + 1
    return out


_TABLE_LABEL_RE = re.compile(r"^\s*([A-Za-z][A-Za-z /&+.-]{0,40}?)\s*\|\s*(?=\S)")


def _table_label(seg: str, list_labels: frozenset[str]) -> re.Match[str] | None:
    """A table row's label cell: "Databases | PostgreSQL, Redis" (a DOCX table read as cells joined by " | "),
    only for a known label word — "Python | Expert | 7" is a skill's row."""
    if "|" not in seg:
        return None
    m = _TABLE_LABEL_RE.match(seg)
    return m if m and norm_phrase(m.group(1)) in list_labels else None


def _open_brackets_split(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name whose bracket opens a list of its parts is two items: "MS Office (Word, Excel)" split at the commas
    gives "MS Office (Word" → "MS Office", "Word" (the closing bracket of "Excel)" is trimmed with the item), and
    "GCP (BigQuery)" → "GCP", "BigQuery"."""
    out = []
    for a, b in pieces:
        at = text.rfind("(", a, b)
        if at > a and text[a:at].strip() and text[at + 1:b].strip():
            close = text.find(")", at, b)
            if close < 0:
                out += [(a, at), (at + 1, b)]
                continue
            if (not text[close + 1:b].strip() and _BRACKET_PART_RE.fullmatch(text, at + 1, close)
                    and not _YEAR_RE.search(text, at + 1, close)):
                # "GCP (BigQuery)": the name and its part ("Science (C)" is a grade, "Finland (from 17–21 August
                # 2009)" a date: kept whole)
                out += [(a, at), (at + 1, close)]
                continue
        out.append((a, b))
    return out


def _clean_item(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim bullets, punctuation, levels and durations from an item; returns the trimmed (start, end)."""
    piece = text[start:end]
    # each pattern only where it can match (most items are a plain name): a bracket opens _LEVEL_RE's match, and
    # _LEVEL_WORDS_RE's ends with a level word
    # (both only over the piece's end, where a level is written: a hostile run of brackets or spaces stays linear)
    if "(" in piece or "[" in piece:
        m = _LEVEL_RE.search(piece, max(0, len(piece) - _LEVEL_WINDOW))
        if m:
            piece = piece[:m.start()]
    if _may_end_in_level_word(piece):
        m = _LEVEL_WORDS_RE.search(piece, max(0, len(piece) - _LEVEL_WINDOW))
        if m:
            piece = piece[:m.start()]
    lead = _LEAD_TRIM_RE.match(piece)
    a = lead.end() if lead else 0
    trail = _TRAIL_TRIM_RE.match(piece[:a - 1 if a else None:-1])
    b = len(piece) - trail.end() if trail else len(piece)
    # a list item wrapped over "and" or cut at a field boundary: "classroom management and" -> the phrase
    # (the trimmed item ends in no space or punctuation: the word must be its last)
    m = _EDGE_WORD_RE.search(piece, a, b) if b > a and piece[b - 1] in _EDGE_WORD_ENDS else None
    if m:
        b = m.start()
    m = _LEAD_WORD_RE.match(piece, a, b)
    if m:
        a = m.end()
    # a closing parenthesis whose opening one is in the previous item: "jQuery (Mobile & UI)" -> "UI", not "UI)"
    while b > a and piece[b - 1] == ")" and piece.count("(", a, b) < piece.count(")", a, b):
        b -= 1
        while b > a and piece[b - 1].isspace():
            b -= 1
    return start + a, start + b


def _may_be_non_skill(phrase: str) -> bool:
    """Could ``_NON_SKILL_RE`` match: each of its alternatives needs an "@", "http", "www." or a digit."""
    return "@" in phrase or "http" in phrase or "www." in phrase or _DIGIT_RE.search(phrase) is not None


def _may_end_in_level_word(piece: str) -> bool:
    """Could ``_LEVEL_WORDS_RE`` match: does ``piece`` end (before an optional ")" and spaces) in the last two
    letters of a level word? (Only ASCII letters case-fold to these, so ``lower`` agrees with IGNORECASE.)"""
    tail = piece.rstrip()
    if tail.endswith(")"):
        tail = tail[:-1]
    return tail[-2:].lower() in _LEVEL_WORD_ENDINGS


def _interval_index(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The spans' starts in order and the largest end among the spans up to each: whether any span overlaps
    [s, e) is then one bisection (a line of thousands of labels is not compared with every candidate)."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach = list(itertools.accumulate((b for _, b in ordered), max))
    return starts, reach


def _overlaps(index: tuple[list[int], list[int]], s: int, e: int) -> bool:
    starts, reach = index
    k = bisect.bisect_left(starts, e)  # spans 0..k-1 start before e
    return k > 0 and reach[k - 1] > s


def _within(index: tuple[list[int], list[int]], s: int, e: int) -> bool:
    """Does one of the spans hold all of [s, e)?"""
    starts, reach = index
    k = bisect.bisect_right(starts, s)  # spans 0..k-1 start at or before s
    return k > 0 and reach[k - 1] >= e


def _section_at(secs: Sequence[Section], offset: int) -> str:
    """The name of the first section holding ``offset`` ("other" when none does)."""
    if len(secs) > _SCAN_SECTIONS:  # a résumé of thousands of sections: by bisection, the index built once
        global _SECTION_INDEX
        cached = _SECTION_INDEX
        if cached is None or cached[0] is not secs:
            cached = _SECTION_INDEX = (secs, SectionIndex(secs))
        k = cached[1].index_at(offset)
        return secs[k].name if k >= 0 else "other"
    for s in secs:
        if s.start <= offset < s.end:
            return s.name
    return "other"


_SCAN_SECTIONS = 24  # up to this many sections a scan is as fast as a look-up
# the index of the last long list of sections asked about (the list itself is kept, so ``is`` cannot be fooled
# by a reused id)
_SECTION_INDEX: tuple[Sequence[Section], SectionIndex] | None = None


# the longest list item (in tokens) in which a name that is also a word counts as listed ("experience in Core Java")
MAX_SHORT_ITEM_TOKENS = 5


def _short_items_at(lines: Sequence[LineInfo], starts: Sequence[int], offset: int) -> bool:
    """Whether the list line holding ``offset`` is a list of short items, a skills-section line or a labelled list
    (``lines`` in text order, as ``_list_items`` makes them; ``starts`` their start offsets)."""
    k = bisect.bisect_right(starts, offset) - 1
    if k < 0 or offset >= lines[k].end:
        return False
    ln = lines[k]
    return ln.listy or ln.in_skills or ln.labelled


@lru_cache(maxsize=64)
def _compile_extra_cached(items: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[dict[str, str], dict[str, int]]:
    forms: dict[str, str] = {}
    max_len: dict[str, int] = {}
    for cid, surfaces in items:
        for s in surfaces:
            base = norm_phrase(s)
            for key in [base, *key_variants(base)] if base else []:
                forms.setdefault(key, cid)
                first = key.split(" ", 1)[0]
                max_len[first] = max(max_len.get(first, 0), key.count(" ") + 1)
    return forms, max_len


def _compile_extra(extra: Mapping[str, Sequence[str]]) -> tuple[dict[str, str], dict[str, int]]:
    return _compile_extra_cached(tuple(sorted((k, tuple(v)) for k, v in extra.items())))


@functools.cache
def get_extractor() -> SkillExtractor:
    """The process-wide extractor (the lexicon is loaded once per process)."""
    return SkillExtractor.load()


def custom_id(label: str) -> str:
    """The id of a skill the lexicon does not know, from its normalised key, so that spelling variants of one tool
    share it: "Express.js", "ExpressJS" and "Express JS" are all ``custom:express``; "Test Cases" and "test case"
    are ``custom:test-case``."""
    return "custom:" + (slug(norm_phrase(label)) or slug(label))


def skills_from_title(title: str) -> list[SkillMention]:
    """Skills named by a certification or badge title ("Certified SolidWorks Professional" -> SolidWorks).

    Only taxonomy concepts are returned: a title is not a skills list, so no custom phrases.
    """
    return [m for m in get_extractor().extract(title) if not m.id.startswith("custom:")]


def to_json(m: SkillMention) -> dict[str, Any]:
    """The JSON shape the CLI contract uses for a skill."""
    return {"text": m.text, "id": m.id, "label": m.label, "start": m.start, "end": m.end, "section": m.section}
