"""Skills named in a job posting: recall-oriented, short phrases, for drafting a rubric from a posting.

A posting states what it wants in requirement lists ("Experience with Docker, Kubernetes and AWS", "Knowledge of
REST", "* Ability to work in large teams") and task lists ("Design and develop APIs"), where a résumé lists skills
it has. ``extract_posting_skills`` therefore takes, beside what the résumé extractor would choose:

* the résumé extractor's candidates at a lower threshold of its learned filter (``POSTING_THRESHOLD``): the tools
  and competences it knows, wherever the posting names them;
* the object of a requirement cue ("experience with X", "knowledge of X", "proficiency in X", "familiarity with X",
  "ability to X"), cut where the clause ends ("... is a plus", "to achieve ...", a full stop), kept whole when short
  and otherwise split into its coordinated parts ("X, Y and Z", "X or Y");
* the short lines of a bulleted task or requirement list, whole ("Write well-designed testable code"), with the cue
  taken off.

A requirement that names a skill the lexicon knows is split into its coordinated parts; one that names none is kept
whole when short ("best practices in DevOps"). Of overlapping spans the most probable wins: a phrase weighs
``PHRASE_PROB``, a candidate its filter probability. Blocks introduced by "We offer:", "Benefits" ... are skipped.

API (used by rubric drafting, ``screener/authoring``): ``extract_posting_skills(text, *, extra_terms=None,
extractor=None) -> list[SkillMention]`` in text order, possibly with repeats of a phrase at different places.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from screener.extract.candidates import default_sections
from screener.extract.filter import select
from screener.extract.headings import heading_name
from screener.extract.lexicon import norm_phrase, slug
from screener.extract.skills import MIN_LEARNED_CHARS, SkillExtractor, _rule_prob, _section_at, get_extractor
from screener.models import SkillMention

# the learned filter's probability above which a candidate counts in a posting (the résumé threshold is higher:
# a posting names far more skills per line than a résumé, and missing one costs the rubric a competency)
POSTING_THRESHOLD = 0.06
# the weight of a requirement phrase, list line or tag against the filter's probabilities when spans overlap
PHRASE_PROB = 0.5
TAG_PROB = 0.6
MAX_PHRASE_WORDS = 6
MAX_LINE_WORDS = 10
# a candidate this probable (or a lexicon match above POSTING_THRESHOLD) is a skill on its own: a requirement
# naming one is split into its coordinated parts
STRONG_PROB = 0.5

_CUE_RE = re.compile(
    r"\b(?:(?:hands-on\s+|working\s+|practical\s+|solid\s+|strong\s+|good\s+|deep\s+|proven\s+|professional\s+)?"
    r"(?:experience|knowledge|expertise|proficiency|familiarity|understanding|background|skills?|competence|"
    r"fluency|know-?how)\s+(?:with|in|of|on|using|developing|building)|proficient\s+(?:with|in)|"
    r"familiar\s+with|skilled\s+in|experienced\s+(?:with|in)|ability\s+to|able\s+to|knowledge\s+about|"
    r"passionate\s+about|interest\s+in|comfortable\s+(?:with|in)|you\s+will|required\s+to|how\s+to|"
    r"capable\s+of|responsib(?:le|ility)\s+for|focus(?:ed)?\s+on|willing(?:ness)?\s+to|desire\s+to|"
    r"record\s+of|degree\s+in|(?:you\s+)?hold\s+an?|such\s+as|e\.g\.?|including|tools\s+like)\s+",
    re.IGNORECASE)
# where a requirement's object ends
_STOP_RE = re.compile(
    r"\s(?:is|are|would\s+be|will\s+be|as)\s+(?:a\s+)?(?:plus|bonus|advantage|beneficial|preferred|desired|required|"
    r"nice)\b|\s(?:is|are)\s+(?:highly\s+)?(?:desirable|preferred|required|beneficial|welcome)\b|"
    r"\s(?:preferred|required|desired|a\s+plus|an\s+advantage|environments?|principles)\b|"
    r"[.;:!?](?:\s|$)|\s\(|\s-\s|\s(?:to|in\s+order\s+to|that|which|where|while|including|such\s+as|like|e\.?g\.?)\s",
    re.IGNORECASE)
# (leading spaces only from where their run starts, else none: a long run of spaces is read once, not once per space)
_SPLIT_RE = re.compile(r"(?:(?<!\s)\s+)?(?:,|;|/(?=\s)|\s&\s|\band/or\b|\band\b|\bor\b)\s*", re.IGNORECASE)
_BULLET_RE = re.compile(r"^\s*(?:[-*•·●▪◦■►✓➢❖♦>]|\d{1,2}[.)])\s*")
_LEAD_RE = re.compile(r"^(?:(?:the|a|an|any|some|one\s+or\s+more|several|various|other|your|similar|related|"
                      r"relevant|equivalent|at\s+least|one|two|three|more|excellent|strong|good|solid|great|outstanding|proven|"
                      r"very)\s+)+", re.IGNORECASE)
_TAIL_CHARS = frozenset(",;:.()-")
# what is not a requirement: placeholders of de-identified text, "Label: value" metadata, dates, numbers only
_JUNK_RE = re.compile(r"<[A-Z]+>|^\s*[\w ]{1,30}:\s*\d|\b(?:19|20)\d\d-\d\d|^\W*\d[\d\W]*$")
# a block of benefits or an offer is not a requirement list
_BENEFITS_RE = re.compile(r"benefit|perks|we offer|offer you|you get|what we|why (?:join|us|work)|about us|company",
                          re.IGNORECASE)
# a heading followed by a line of tags ("Technologies" / "cloud java amazon-web-services")
_TAGS_HEADING_RE = re.compile(r"^(?:technologies|tech(?:nology)?\s+stack|tags|stack|keywords)\s*:?$", re.IGNORECASE)
# words a requirement cue leaves behind on its own ("... and ability to adapt" -> "ability")
_NOT_A_SKILL = frozenset({"ability", "abilitie", "skill", "experience", "why", "how", "what", "benefit", "requirement"})
_SKILLS_AFTER_RE = re.compile(r"[ \t]+skills?\b", re.IGNORECASE)
# the posting's metadata fields ("Role:" / "Full Stack Developer", "Job type:" / "Full-time"): their value is no skill
_META_RE = re.compile(r"^(?:role|job\s+type|experience\s+level|company\s+(?:size|type)|location|salary|compensation|"
                      r"date\s+posted|contract|employment\s+type|job\s+title|title|seniority|visa|relocation|"
                      r"remote|start\s+date|reports?\s+to)\s*:", re.IGNORECASE)
_END_FUNCTION_RE = re.compile(r"\b(?:with|of|in|on|for|to|and|or|the|a|an|following|like|as|using)$", re.IGNORECASE)
_INLINE_TAGS_RE = re.compile(r"\b(?:Technologies|Tech stack|Tags)\s+((?:[a-z0-9.#+][a-z0-9.#+-]*)(?:\s+[a-z0-9.#+][a-z0-9.#+-]*)*)"
                             r"(?=\s+[A-Z])")
_MAX_OBJECT_CHARS = 600
_TAG_RE = re.compile(r"^[a-z0-9.#+][a-z0-9.#+-]*$")


@dataclass
class _Span:
    start: int
    end: int
    prob: float
    kind: str


def extract_posting_skills(
    text: str,
    *,
    extra_terms: Mapping[str, Sequence[str]] | None = None,
    extractor: SkillExtractor | None = None,
) -> list[SkillMention]:
    """Skills a job posting asks for, in text order, as ``SkillMention`` (taxonomy id and label when the lexicon
    knows the phrase, else ``custom:<slug>``; ``section`` as found by the section detector).

    Recall-oriented: meant for drafting a rubric, where a person reviews the list. ``extra_terms`` (id -> surface
    forms) are matched as for ``SkillExtractor.extract``. Pure and thread-safe, like the résumé extractor.
    """
    ex = extractor or get_extractor()
    secs = default_sections(text)
    cands = ex.candidates(text, secs, extra_terms=extra_terms)
    if len(text.strip()) >= MIN_LEARNED_CHARS:
        for c in cands:
            c.feats.update(ex.priors.features(c.key, c.prev, c.nxt, c.prev2, c.heading, c.label))
        probs = ex.model.probs([c.feats for c in cands])
    else:
        probs = [_rule_prob(text, c) for c in cands]
    spans = [_Span(c.start, c.end, 1.0 if c.extra_id is not None else p, "cand")
             for c, p in zip(cands, probs, strict=True)]
    strong = sorted((c.start, c.end) for c, p in zip(cands, probs, strict=True)
                    if p >= STRONG_PROB or (c.concept is not None and p >= POSTING_THRESHOLD))
    spans_extra, skipped = _requirement_spans(text, strong)
    known = [s for s in spans if s.prob >= POSTING_THRESHOLD
             and not any(a <= s.start < b for a, b in skipped)]
    # non-overlapping, the most probable first: a confident candidate (p > PHRASE_PROB) beats a phrase around it
    chosen = select(known + spans_extra, [sp.prob for sp in known + spans_extra], 0.0)
    out = []
    by_span = {(c.start, c.end): c for c in cands}
    # the sense of an ambiguous name from the skills around it, as in a résumé ("SOAP" among web services)
    technical = ex._technical_context([by_span[k] for k in ((s.start, s.end) for s in chosen) if k in by_span], secs)
    for s in chosen:
        cand = by_span.get((s.start, s.end))
        s.start, s.end = _trim(text, s.start, s.end)
        if s.end <= s.start:
            continue
        nxt = _SKILLS_AFTER_RE.match(text, s.end)
        if nxt:  # a posting asks for "communication skills": the word belongs to the requirement
            s.end = nxt.end()
            cand = None
        surface = text[s.start:s.end]
        key = norm_phrase(surface)
        if key in ex.rules.never or key in _NOT_A_SKILL or not any(ch.isalpha() for ch in surface):
            continue
        if cand is not None:
            cid, label = ex._cand_id_label(text, cand, technical.get(_section_at(secs, s.start), technical.get("")))
        else:
            concept = ex.lexicon.forms.get(key)
            if concept is not None:
                cid, label = ex.lexicon.concepts[concept].id, ex.lexicon.concepts[concept].label
            else:
                label = " ".join(surface.split())
                cid = "custom:" + slug(label)
        out.append(SkillMention(text=surface, id=cid, label=label, start=s.start, end=s.end,
                                section=_section_at(secs, s.start)))
    return out


def _requirement_spans(text: str, strong: list[tuple[int, int]]) -> tuple[list[_Span], list[tuple[int, int]]]:
    """Spans of requirement objects, list lines and tags; and the ranges of benefit/offer blocks (no skills)."""
    out: list[_Span] = []
    skipped: list[tuple[int, int]] = []
    intro = ""  # the line that introduced the current block of short lines ("You need:", "Technologies")
    benefits = False  # inside a block of benefits / what the employer offers
    meta_value = False
    prev_short = False
    for ls, le in _lines(text):
        body = text[ls:le]
        if not body.strip():
            continue
        b = _BULLET_RE.match(body)
        bstart = ls + (b.end() if b else 0)
        words = text[bstart:le].split()
        if meta_value:  # the value of a metadata field on its own line
            meta_value = False
            skipped.append((ls, le))
            continue
        if _META_RE.match(body.strip()):
            skipped.append((ls, le))
            meta_value = body.rstrip().endswith(":")
            continue
        if _is_intro(body):
            intro, prev_short = body, False
            benefits = _BENEFITS_RE.search(body) is not None
            if benefits:
                skipped.append((ls, le))
            if _TAGS_HEADING_RE.match(body.strip()):
                intro = "tags"
            continue
        if benefits:
            skipped.append((ls, le))
            continue
        if intro == "tags" and words and all(_TAG_RE.match(w) for w in words):
            pos = bstart
            for w in words:
                a = text.index(w, pos)
                pos = a + len(w)
                out.append(_Span(a, pos, TAG_PROB, "tag"))
            intro = ""
            continue
        for m in _INLINE_TAGS_RE.finditer(body):  # a flattened posting: "... Technologies reactjs go docker Job ..."
            for tag in re.finditer(r"\S+", m.group(1)):
                out.append(_Span(ls + m.start(1) + tag.start(), ls + m.start(1) + tag.end(), TAG_PROB, "tag"))
        if _JUNK_RE.search(body):
            prev_short = False
            continue
        cued = False
        stop: re.Match[str] | None = None
        for m in _CUE_RE.finditer(text, bstart, le):
            s = m.end()
            # the first stop after the cue: the last one found while it still lies ahead (a line of many cues is
            # searched once between stops, not once per cue to its end)
            if not cued or (stop is not None and stop.start() < s):
                stop = _STOP_RE.search(text, s, le)
            cued = True
            e = stop.start() if stop else le
            out.extend(_phrase_spans(text, s, _object_end(text, s, e), "cue", strong=strong))
        short = 1 <= len(words) <= MAX_LINE_WORDS and not body.rstrip().endswith((".", "!", "?"))
        in_list = bool(b) or bool(intro) or prev_short
        if not cued and short and in_list and len(words) >= 2:
            out.extend(_phrase_spans(text, bstart, le, "line", whole_only=True, strong=strong))
        prev_short = short and in_list
        if not short:
            intro = ""
    return out, skipped


def _object_end(text: str, s: int, e: int) -> int:
    """The end of a cue's object, at most _MAX_OBJECT_CHARS after it (the longest in 240 postings is 337), cut at a
    space: past that a run-on line is no requirement object."""
    if e - s <= _MAX_OBJECT_CHARS:
        return e
    cut = text.rfind(" ", s, s + _MAX_OBJECT_CHARS)
    return cut if cut > s else s + _MAX_OBJECT_CHARS


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        out.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    return out


def _is_intro(line: str) -> bool:
    """A line that opens a list: ends with a colon ("You need:", "Requirements:") or is a short heading."""
    t = line.strip().rstrip(" -–")
    if t.endswith(":") and len(t.split()) <= 8:
        return True
    return _TAGS_HEADING_RE.match(t) is not None or (heading_name(t) is not None and len(t.split()) <= 4)


def _phrase_spans(text: str, s: int, e: int, kind: str, whole_only: bool = False,
                  strong: Sequence[tuple[int, int]] = ()) -> list[_Span]:
    return [sp for sp in _phrase_parts(text, s, e, kind, whole_only, strong)
            if not _END_FUNCTION_RE.search(text, sp.start, sp.end) and not _CUE_RE.fullmatch(text[sp.start:sp.end] + " ")]


def _phrase_parts(text: str, s: int, e: int, kind: str, whole_only: bool,
                  strong: Sequence[tuple[int, int]]) -> list[_Span]:
    """A cue's object is split into its coordinated parts ("Docker or similar container technologies" -> "Docker",
    "container technologies"); a list line only when every part is short (a list of tools), else kept whole (a
    task: "troubleshoot, debug and upgrade existing systems")."""
    s, e = _trim(text, s, e)
    if e <= s:
        return []
    parts = []
    pos = s
    for m in _SPLIT_RE.finditer(text, s, e):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, e))
    parts = [p for p in (_trim(text, a, b) for a, b in parts) if p[1] > p[0]]
    if not parts:  # only separators ("-  -  and"): nothing to offer
        return []
    sizes = [len(text[a:b].split()) for a, b in parts]
    n = len(text[s:e].split())
    names_known = any(s <= a and b <= e for a, b in _within(strong, s, e))
    if len(parts) == 1 or (whole_only and not (max(sizes) <= 3 or names_known)) or (
            not whole_only and not names_known and n <= MAX_PHRASE_WORDS):
        return [_Span(s, e, PHRASE_PROB, kind)] if n <= (MAX_LINE_WORDS if whole_only else MAX_PHRASE_WORDS) else []
    return [_Span(a, b, PHRASE_PROB, kind + "_part") for (a, b), k in zip(parts, sizes, strict=True) if k <= MAX_PHRASE_WORDS]


def _within(spans: Sequence[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    i = bisect.bisect_left(spans, (s, -1))
    out = []
    while i < len(spans) and spans[i][0] < e:
        if spans[i][1] <= e:
            out.append(spans[i])
        i += 1
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    seg = text[s:e]
    m = _LEAD_RE.match(seg)
    a = m.end() if m else 0
    b = len(seg)  # trailing spaces and punctuation off (from the end: a long run costs its length, not its square)
    while b > a and (seg[b - 1].isspace() or seg[b - 1] in _TAIL_CHARS):
        b -= 1
    while a < b and seg[a] in " \t-*•(\"'":
        a += 1
    return s + a, s + b
