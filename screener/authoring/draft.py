"""A first rubric from a job posting or from an ESCO / O*NET occupation, for a person to edit before use.

From a posting (``draft_from_text``):

* skills: the posting skill extractor's mentions (``screener.extract.postings``) plus posting-specific candidates — every lexicon match on a line, and the items of requirement
  phrases ("experience with X, Y and Z", "knowledge of X");
* competencies: the skills grouped by taxonomy group (ESCO skills hierarchy, O*NET technology category); a phrase
  the taxonomy lacks joins the group of a skill it contains, else a soft-skill or "other" group. The posting's
  own wording is kept as the skill (taxonomy synonyms still count when screening) or, off-taxonomy, as an alias;
* required vs nice-to-have from the clause or the heading it sits under ("must", "required", "minimum" …
  against "preferred", "a plus", "nice to have", "bonus" …); weights from emphasis (required counts 3, plain 2,
  preferred 1; repeats and years add); must-have and minimum years from "5+ years of C#";
* degree: level and fields from "Bachelor's degree in …"; "or equivalent" always applies, so substitutes are
  written, and a note says so when the posting asks for a degree with no equivalent;
* licence: a block when the role is regulated (registered nurse, pharmacist, teacher, electrician …).

From an occupation (``draft_from_occupation``): its ESCO essential skills (or O*NET technologies) become
competencies, grouped the same way.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import RubricError, ScreenerError, UsageError
from ..extract.lexicon import norm_phrase, tokenize
from ..extract.postings import extract_posting_skills
from ..rubric import ISCED_OF_LEVEL, Rubric, validate_rubric_data
from .occupations import (
    ATTRIBUTION,
    Occupation,
    OccupationNotFound,
    find_occupation,
    search_occupations,
    skill_group,
)
from .yamlio import rubric_yaml

MAX_COMPETENCIES = 10
MAX_MUST_HAVES = 4
PLAIN_MIN = 3  # lowest clause strength (3 = required) whose plain 2–3 word list items are taken as skills
MAX_POSTING_CHARS = 100_000  # a long posting is ~15,000; the rest would be a whole site pasted in
MAX_SKIPPED_LINES = 12  # lines of an "About us" / "Benefits" block skipped when no heading ends it
OTHER = "Other skills named in the posting"
OTHER_NICE = "Other nice-to-have skills"
SOFT = "Communication and teamwork"

# --------------------------------------------------------------------------------------------------- wording cues
_PREFERRED = re.compile(
    r"\b(?:preferred|preferably|a\s+plus|plus\b|nice[\s-]to[\s-]have|bonus|desirable|desired|advantage(?:ous)?|"
    r"ideally|beneficial|welcome|good\s+to\s+have|would\s+be\s+great|optional|not\s+required|an?\s+asset)\b",
    re.IGNORECASE)
_REQUIRED = re.compile(
    r"\b(?:must|required|requirements?|mandatory|essential|minimum|at\s+least|need\s+to\s+have|you\s+have|"
    r"you\s+bring|necessary|expected|demonstrated|proven)\b", re.IGNORECASE)
_STRONG = re.compile(r"\b(?:expert|expertise|deep|extensive|advanced|strong|solid|mastery|in-depth|senior)\b",
                     re.IGNORECASE)
_HEADINGS: list[tuple[str, re.Pattern[str]]] = [
    ("skip", re.compile(r"\b(?:benefits?|we\s+offer|perks|about\s+(?:us|the\s+company|the\s+team)|compensation|"
                        r"salary|equal\s+(?:opportunity|employment)|why\s+(?:join|work)|how\s+to\s+apply|"
                        r"what\s+we\s+offer|our\s+offer)\b", re.I)),
    ("preferred", re.compile(r"\b(?:nice[\s-]to[\s-]have|preferred|bonus|desired|desirable|pluses|plus|"
                             r"good\s+to\s+have|optional|extra\s+credit)\b", re.I)),
    ("required", re.compile(r"\b(?:requirements?|qualifications?|must[\s-]haves?|required|what\s+you\s+(?:need|bring|"
                            r"have|will\s+need)|who\s+you\s+are|you\s+have|skills|minimum|essential|profile|"
                            r"experience|about\s+you|we(?:'re|\s+are)\s+looking\s+for)\b", re.I)),
    ("duties", re.compile(r"\b(?:responsibilities|what\s+you(?:'ll|\s+will)\s+do|duties|the\s+role|your\s+role|"
                          r"tasks|day[\s-]to[\s-]day|accountabilities|job\s+description|you\s+will)\b", re.I)),
]
_YEARS = re.compile(r"\b(\d{1,2})\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*(?:years?|yrs?)\b", re.I)
_CUE = re.compile(
    r"\b(?:experience|knowledge|expertise|proficiency|familiarity|understanding|background|skills?|competence|"
    r"fluency)\s+(?:with|in|of|using)\s+|\b(?:proficient|skilled|experienced|fluent)\s+(?:with|in)\s+|"
    r"\bfamiliar\s+with\s+|\bworking\s+with\s+|\busing\s+|\bsuch\s+as\s+|\bincluding\s+|\be\.g\.,?\s+",
    re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:!?()](?:\s|$)|\s(?:is|are|would\s+be|will\s+be)\s+(?:a\s+)?(?:plus|required|"
                         r"preferred|desired|an?\s+advantage)\b|\s(?:to|in\s+order\s+to|that|which|where|while)\s",
                         re.IGNORECASE)
_CUE_REACH = 160  # how far after "experience with" its items may run
_CLAUSE_END_CHARS = 64  # how far past a position _CLAUSE_END may read to match there
# (leading spaces only from where their run starts, else none: a long run of spaces is read once, not once per space)
_ITEM_SPLIT = re.compile(r"(?:(?<!\s)\s+)?(?:,|;|(?<=\w{4})/|/(?=\w{4})|\s/\s|\band/or\b|\band\b|\bor\b|\s&\s)\s*",
                         re.IGNORECASE)
_SOFT = re.compile(r"\b(?:communicat\w*|team\w*|collaborat\w*|stakeholder\w*|interpersonal|presentation|"
                   r"leadership|mentor\w*|problem[\s-]solving|analytical|self[\s-]motivated|organi[sz]ational|"
                   r"written|verbal|english|customer\s+service|attention\s+to\s+detail|time\s+management)\b", re.I)
_PLACEHOLDER = re.compile(r"<[A-Z_]+>")
# not a skill: gender markers of German-style titles, a phrase that starts with a pronoun or a symbol
_GENDER = re.compile(r"\(?\s*\b[mfwdx]\s*/\s*[mfwdx](?:\s*/\s*[mfwdx])?\b\s*\)?", re.I)
_JUNK = re.compile(r"^(?:we|you|our|your|us|it|this|that|they|role|position|job|company|team)\b|^[^\w.]|"
                   + _GENDER.pattern, re.I)
# equal-opportunity statements list protected characteristics "such as" … : not skills
_EEO = re.compile(r"\b(?:equal\s+(?:opportunity|employment)|without\s+regard|protected\s+(?:veteran|status|"
                  r"characteristic)|race,?\s+colou?r|sexual\s+orientation|gender\s+identity|national\s+origin)\b",
                  re.I)
_BULLET = re.compile(r"^\s*(?:[-*•·●▪◦■►✓➢❖♦>]|\d{1,2}[.)])\s*")
_STOP_ITEMS = {"etc", "other", "others", "similar", "related", "relevant", "the", "a", "an", "more", "tools",
               "technologies", "experience", "knowledge", "skills", "ability", "understanding", "plus", "years",
               "field", "fields", "degree", "equivalent", "discipline"}

_DEGREE_LEVELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:ph\.?\s?d|doctorate|doctoral)\b", re.I), "doctorate"),
    (re.compile(r"\bmsn\b|\b(?:master'?s?|m\.?sc?\.?|m\.?s\.|ms|mba|m\.?eng)\b(?=[^.;\n]{0,40}\b(?:degree|in|of)\b)|"
                r"\bmaster'?s\s+degree\b", re.I), "master"),
    (re.compile(r"\b(?:bachelor'?s?|b\.?sc?\.?|b\.?s\.|b\.?a\.?|bs/ba|ba/bs|b\.?eng|b\.?tech|undergraduate|bsn|"
                r"four[\s-]year|bs|ba)\b(?=[^.;\n]{0,40}\b(?:degree|in|of)\b)|\bbachelor'?s?\b|\bbs/ba\b|\bbsn\b", re.I),
     "bachelor"),
    (re.compile(r"\bassociate'?s?\s+degree\b|\badn\b", re.I), "associate"),
    (re.compile(r"\b(?:high\s+school\s+diploma|ged)\b", re.I), "high school"),
    (re.compile(r"\b(?:university|college)\s+degree\b|\bdegree\s+in\b", re.I), "bachelor"),
]
_DEGREE_FIELDS = re.compile(
    r"\b(?:degree|diploma|bachelor'?s?|master'?s?|b\.?sc?|m\.?sc?|bs|ba|ms|phd|ph\.d\.?)\b[^.;\n]{0,25}?\b(?:in|of)\s+"
    r"([^.;:\n()]{3,120})", re.I)
_EQUIVALENT = re.compile(r"\bor\s+(?:an?\s+)?equivalent\b|\bequivalent\s+(?:practical\s+|work\s+|professional\s+)?"
                         r"experience\b|\bin\s+lieu\s+of\b|\bor\s+(?:related|relevant|comparable)\s+(?:work\s+)?"
                         r"experience\b|\bequivalent\s+combination\b", re.I)
_EQUIV_YEARS = re.compile(r"\bor\s+(\d{1,2})\s*\+?\s*years?\b", re.I)
IMPLIED_YEARS = {"high school": 2, "associate": 2, "bachelor": 4, "master": 6, "doctorate": 8}

# regulated roles: (words in the title or text, licence name, profession for the licensing notes, required by law,
# licence aliases)
_LICENCES: list[tuple[re.Pattern[str], str, str, bool, list[str]]] = [
    (re.compile(r"\bregistered\s+nurse|\bRN\b|\bnurses?\b", re.I), "Registered Nurse (RN) licence", "registered nurse",
     True, ["Registered Nurse", "RN license", "RN licence", "Multistate RN license"]),
    (re.compile(r"\bpharmacists?\b", re.I), "State pharmacist licence (RPh)", "pharmacist", True,
     ["RPh", "registered pharmacist", "licensed pharmacist", "pharmacist license", "pharmacist licence"]),
    (re.compile(r"\bphysical\s+therapists?\b|\bphysiotherapists?\b", re.I), "State physical therapist licence (PT)",
     "physical therapist", True, ["licensed physical therapist", "PT license", "PT licence"]),
    (re.compile(r"\bphysicians?\b|\bmedical\s+doctors?\b", re.I), "State medical licence", "physician", True,
     ["medical license", "medical licence", "board certified"]),
    (re.compile(r"\bdentists?\b", re.I), "State dental licence", "dentist", True, ["dental license", "DDS", "DMD"]),
    (re.compile(r"\battorneys?\b|\blawyers?\b", re.I), "State bar admission", "lawyer", True,
     ["bar admission", "admitted to the bar", "licensed attorney"]),
    (re.compile(r"\bteachers?\b", re.I), "State teaching certificate", "K-12 teacher", True,
     ["teaching certificate", "teaching license", "teaching licence", "teacher certification"]),
    (re.compile(r"\belectricians?\b", re.I), "Journeyman or Master Electrician licence", "electrician", True,
     ["journeyman electrician", "master electrician", "journeyman license", "electrical license",
      "licensed electrician"]),
    (re.compile(r"\bplumbers?\b|\bpipefitters?\b", re.I), "Journeyman or Master Plumber licence", "plumber", True,
     ["journeyman plumber", "master plumber", "plumbing license", "licensed plumber"]),
    (re.compile(r"\bhvac\b", re.I), "HVAC technician licence (state) and EPA Section 608 certification",
     "HVAC technician", True, ["EPA 608", "EPA Section 608", "HVAC license", "HVAC licence"]),
    (re.compile(r"\bcpa\b|\bcertified\s+public\s+accountant\b", re.I), "Certified Public Accountant (CPA)",
     "certified public accountant", False, ["CPA", "Certified Public Accountant"]),
    (re.compile(r"\bprofessional\s+engineer\b|\bP\.?E\.?\s+licen[cs]e", re.I), "Professional Engineer (PE)",
     "professional engineer", False, ["Professional Engineer", "P.E.", "PE license", "PE licence"]),
]
_LICENCE_REQUIRED = re.compile(r"\blicen[cs](?:e|ed|ure)\b[^.;\n]{0,60}\b(?:required|must|mandatory)\b|"
                               r"\b(?:must|required\s+to)\s+(?:be|hold|have|possess)\b[^.;\n]{0,40}\blicen[cs]", re.I)


@dataclass
class RubricDraft:
    """A drafted rubric mapping, the notes a person should read before saving it, and where it came from."""

    data: dict[str, Any]
    notes: list[str]
    source: str

    def rubric(self) -> Rubric:
        return validate_rubric_data(self.data, source=self.source)

    def to_yaml(self) -> str:
        header = [f"Drafted by Skills Screener from {self.source}. Read it and edit before you screen with it."]
        header += [f"Note: {n}" for n in self.notes]
        return rubric_yaml(self.data, header=header)


@dataclass
class _Item:
    key: str
    label: str  # taxonomy label, or the phrase
    known: bool  # a taxonomy concept
    surfaces: list[str] = field(default_factory=list)
    strength: int = 0  # 1 preferred · 2 plain · 3 required
    explicit: bool = False  # a "must / required / minimum" clause
    strong: bool = False  # "expert", "deep", "strong" …
    count: int = 0
    years: float = 0.0
    first: int = 0
    clauses: set[int] = field(default_factory=set)  # start offsets of the clauses that name it


@dataclass
class _Clause:
    start: int
    end: int
    strength: int
    explicit: bool
    strong: bool
    years: list[tuple[int, float]]  # (offset, years)


# --------------------------------------------------------------------------------------------------- the posting
_HEADING_TEXT = (
    "requirements requirement qualifications qualification responsibilities responsibility nice to have preferred "
    "required skills skill experience benefits about us duties what you will do you'll need bring must the role "
    "your our we offer perks bonus minimum basic key and & job description desired who are profile tasks plus "
    "additional education technical company why join compensation salary optional essential main day in life a "
    "is looking for we're it would be great if have: extra credit pluses desirable competencies knowledge "
    "expectations mission")
_HEADING_WORDS = frozenset(_HEADING_TEXT.split(" "))


def _heading_kind(line: str) -> str | None:
    if _BULLET.match(line):
        return None  # a list item, not a heading
    s = line.strip()
    words = s.rstrip(":").split()
    if not s or len(words) > 7 or (s.endswith(".") and not s.endswith(":")):
        return None
    if not s.endswith(":") and not (len(words) <= 5 and all(w.casefold().strip("&,()!") in _HEADING_WORDS
                                                            for w in words)):
        return None
    for kind, pattern in _HEADINGS:
        if pattern.search(s):
            return kind
    return "neutral"  # a heading of another kind ("Description", "Company size:") ends the block before it


def _clauses(text: str) -> list[_Clause]:
    """Clauses (sentences, list lines, ';' parts) with the strength of their wording and heading."""
    out: list[_Clause] = []
    block, skipped = "neutral", 0
    pos = 0
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        kind = _heading_kind(line)
        if kind is not None:
            block, skipped = kind, 0
            rest = line.split(":", 1)[1] if ":" in line else ""
            if not rest.strip():
                continue
        if block == "skip":
            skipped += 1
            if skipped <= MAX_SKIPPED_LINES:
                continue
            block = "neutral"  # a long "about us" block with no heading after it: the posting goes on
        for m in re.finditer(r"(?:[^.;!?]|[.;!?](?!\s|$))+(?:[.;!?]|$)", text[start:end]):
            s, e = start + m.start(), start + m.end()
            seg = text[s:e]
            if not seg.strip():
                continue
            pref, req = bool(_PREFERRED.search(seg)), bool(_REQUIRED.search(seg))
            if pref:
                strength = 1
            elif req or block == "required":
                strength = 3
            elif block == "preferred":
                strength = 1
            else:
                strength = 2
            years = [(s + y.start(), float(y.group(1))) for y in _YEARS.finditer(seg) if 0 < int(y.group(1)) <= 40]
            out.append(_Clause(s, e, strength, (req and not pref) or (bool(years) and not pref),
                               bool(_STRONG.search(seg)), years))
    return out


def _mentions(text: str, extractor: Any) -> list[tuple[int, int, str, str | None]]:
    """(start, end, surface, concept label or None) for every skill the posting names."""
    found: list[tuple[int, int, str, str | None]] = []
    for m in extract_posting_skills(text, extractor=extractor):
        label = None if m.id.startswith("custom:") else m.label
        found.append((m.start, m.end, m.text, label))
    found.extend(_lexicon_matches(text, extractor))
    found.extend(_cue_items(text, extractor))
    found.extend(_list_items(text, _clauses(text), extractor))
    found.extend(_phrase_items(text, extractor))
    return found


def _lexicon_matches(text: str, extractor: Any) -> list[tuple[int, int, str, str | None]]:
    """Every taxonomy technology, and every multi-word taxonomy skill, the posting names (longest match)."""
    lex = extractor.lexicon
    toks = tokenize(_PLACEHOLDER.sub(lambda m: " " * len(m.group()), text))
    norms = [t[0] for t in toks]
    out: list[tuple[int, int, str, str | None]] = []
    i = 0
    while i < len(toks):
        hit = lex.match_at(norms, i)
        if hit is None:
            i += 1
            continue
        n, cidx = hit
        concept = lex.concepts[cidx]
        key = " ".join(norms[i:i + n])
        s, e = toks[i][1], toks[i + n - 1][2]
        surface = text[s:e]
        single = n == 1
        # an everyday word ("React", "Go", "Swift") counts as a technology only capitalised inside a sentence
        capitalised = surface[:1].isupper() and not _sentence_start(text, s)
        language = cidx in lex.languages and capitalised  # "fluent English"
        ambiguous = single and not language and (
            key in extractor.rules.never or len(key) <= 1
            or ((key in lex.common or key in lex.derived_keys) and not capitalised)
            or (surface.islower() and cidx not in lex.tech))
        # a technology by any of its names; a skill only by its own label (alternative labels of ESCO skills
        # match everyday phrases: "stay focused" is an alternative label of "stay alert")
        if not ambiguous and (cidx in lex.tech or language or (not single and (key == norm_phrase(concept.label)
                                                                  or concept.kind == "knowledge"))):
            out.append((s, e, surface, concept.label))
        i += n
    return out


_LIST_SPLIT = re.compile(r"(?:(?<!\s)\s+)?(?:[,;()\[\]]|(?<=\w{4})/|/(?=\w{4})|\s/\s|\band/or\b|\band\b|\bor\b|\s&\s|"
                         r"\s[*•]\s)\s*", re.IGNORECASE)
_LEAD_WORDS = re.compile(r"^(?:(?:experience|knowledge|expertise|proficiency|familiarity|understanding|skills?|"
                         r"with|in|of|using|the|a|an|any|other|strong|solid|good|excellent|proven|hands-on|"
                         r"working|basic|advanced|deep|e\.g\.?|eg|such|as|like|including|etc\.?)\s+)+", re.I)
_VERBISH = re.compile(r"^(?:be|is|are|work|working|build|building|develop|developing|design|ensure|help|join|"
                      r"make|take|drive|deliver|support|create|maintain|manage|lead|own|write|use|apply|stay|"
                      r"achieve|solve|partner|collaborate|learn|grow|have|get|bring|do|will|can|must|should|"
                      r"you|we|our|your|their|this|that|these|those)\b", re.I)


def _list_items(text: str, clauses: list[_Clause], extractor: Any) -> list[tuple[int, int, str, str | None]]:
    """Items of lists in the posting ("Java, Spring, Kafka and Cassandra"): names of tools (capitalised, or with
    digits, '+', '#', '.') anywhere, and short noun phrases in requirement clauses."""
    lex = extractor.lexicon
    out: list[tuple[int, int, str, str | None]] = []
    for cl in clauses:
        seg = text[cl.start:cl.end]
        parts = [(m.start(), m.end()) for m in re.finditer(r"[^,;()\[\]]+", seg)]
        pieces: list[tuple[int, str]] = []
        pos = 0
        for part in _LIST_SPLIT.split(seg):
            at = seg.find(part, pos) if part else -1
            if at < 0:
                continue
            pos = at + len(part)
            pieces.append((at, part))
        if len(pieces) < 3 or not parts:
            continue
        for at, part in pieces:
            lead = _LEAD_WORDS.match(part)
            if lead:
                at, part = at + lead.end(), part[lead.end():]
            item = part.strip(" -–—\"'*.:!?")
            if not item:
                continue
            at = cl.start + seg.find(item, at)
            words = item.split()
            if not 1 <= len(words) <= 3 or _PLACEHOLDER.search(item) or re.fullmatch(r"[\d\W]+", item):
                continue
            if words[-1].casefold() in _STOP_ITEMS or _VERBISH.match(item):
                continue
            named = any(re.search(r"[A-Z].*|[\d+#]|\.\w", w) for w in words) and not _sentence_start(text, at)
            known = extractor.resolve(item)
            plain = cl.strength >= PLAIN_MIN and 2 <= len(words) <= 3 and all(w.isalpha() for w in words)
            common = len(words) == 1 and norm_phrase(item) in lex.common and not known
            if (named or known or plain) and not common:
                out.append((at, at + len(item), item, known[0].label if known else None))
    return out


PHRASES_FILE = Path(__file__).parent / "data" / "posting_phrases.txt"


@functools.cache
def _phrase_re() -> re.Pattern[str]:
    lines = PHRASES_FILE.read_text(encoding="utf-8").splitlines()
    phrases = sorted({ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}, key=len, reverse=True)
    # short all-capital forms (UI, AI, REST) match only as written; the rest in any case
    upper = [re.escape(p) for p in phrases if p.isupper() and len(p) <= 4]
    other = [re.escape(p).replace(r"\ ", r"[\s-]+") for p in phrases if not (p.isupper() and len(p) <= 4)]
    return re.compile(r"(?<![\w/-])(?:(?:" + "|".join(upper) + r")|(?i:" + "|".join(other) + r"))(?![\w/-])")


def _phrase_items(text: str, extractor: Any) -> list[tuple[int, int, str, str | None]]:
    """Skills postings name that the taxonomy lacks ("code review", "CI/CD", "month-end close")."""
    out: list[tuple[int, int, str, str | None]] = []
    for m in _phrase_re().finditer(text):
        known = extractor.resolve(m.group())
        out.append((m.start(), m.end(), m.group(), known[0].label if known else None))
    return out


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 4):at].rstrip(" \t*-•(\"'")
    return not before or before[-1] in ".!?:\n"


def _cue_items(text: str, extractor: Any) -> list[tuple[int, int, str, str | None]]:
    """The items of "experience with X, Y and Z", "knowledge of X", "such as X or Y" (1–4 words each)."""
    out: list[tuple[int, int, str, str | None]] = []
    for m in _CUE.finditer(text):
        s = m.end()
        # (the clause end and the line end only looked for where they can cut the item list: a line of thousands
        # of cues is read once per cue over a few hundred characters, not to its end)
        limit = min(len(text), s + _CUE_REACH)
        stop = _CLAUSE_END.search(text, s, min(len(text), limit + _CLAUSE_END_CHARS))
        nl = text.find("\n", s, limit)
        e = min(stop.start() if stop else limit, limit, nl if nl >= 0 else limit)
        pos = s
        for part in _ITEM_SPLIT.split(text[s:e]):
            at = text.find(part, pos, e) if part else -1
            if at < 0:
                continue
            pos = at + len(part)
            item = part.strip(" -–—\"'*")
            words = item.split()
            if not item or _PLACEHOLDER.search(item) or not 1 <= len(words) <= 4:
                continue
            words = [w for w in words if w.casefold() not in ("the", "a", "an", "any", "modern", "various")]
            if not words or words[-1].casefold() in _STOP_ITEMS or words[0].casefold() in _STOP_ITEMS:
                continue
            item = " ".join(words)
            at = text.find(item, at)
            if at < 0 or re.fullmatch(r"[\d\W]+", item):
                continue
            concepts = extractor.resolve(item)
            out.append((at, at + len(item), item, concepts[0].label if concepts else None))
    return out


def _title(text: str, given: str | None) -> str:
    if given and given.strip():
        return given.strip()[:120]
    for line in text.splitlines()[:40]:
        m = re.match(r"^\s*(?:job\s+title|position|title|role)\s*[:\-]\s*(.+)$", line, re.I)
        if m and not _PLACEHOLDER.search(m.group(1)):
            return _clean_title(m.group(1))
    for line in text.splitlines()[:8]:
        s = _BULLET.sub("", line).strip().strip(":")
        if (s and 1 <= len(s.split()) <= 8 and not s.endswith(".") and not _PLACEHOLDER.search(s)
                and _heading_kind(s + ":") in (None, "neutral") and _heading_kind(s) is None
                and not re.search(r"\d{3}|@|https?:", s)):
            return _clean_title(s)
    m = re.search(r"\b(?:hiring|looking\s+for|seeking|seek|recruiting|offering)\s+(?:an?\s+|our\s+next\s+)?"
                  r"((?:[A-Za-z+#./-]+\s){0,5}?(?:engineer|developer|analyst|scientist|nurse|manager|designer|"
                  r"architect|administrator|technician|consultant|specialist|accountant|teacher|electrician|"
                  r"pharmacist|therapist|postdoc|researcher|lead|intern)s?)\b", text, re.I)
    if m:
        return _clean_title(m.group(1))
    return "Drafted role"


def _clean_title(s: str) -> str:
    s = re.sub(r"\s+", " ", _GENDER.sub("", _PLACEHOLDER.sub("", s))).strip(" -–—:|,")
    if s.isupper() and len(s) > 4:
        s = " ".join(w.lower() if w in ("AND", "OF", "THE", "FOR", "IN", "TO") else
                     w if len(w) <= 4 and w.isalpha() and w not in ("FULL", "LEAD", "DATA", "WEB") else w.title()
                     for w in s.split())
    s = re.sub(r"^(?:job\s+(?:description|title|posting|opening|ad)|position|vacancy|role)\s*[:\-–—]\s*", "", s,
               flags=re.I)
    s = re.sub(r"\s*\([^)]*\b(?:years?|yrs)\b[^)]*\)\s*$", "", s, flags=re.I).strip(" -–—:|,")
    s = s[:1].upper() + s[1:] if s else "Drafted role"
    return s[:120]


def _degree(text: str, clauses: list[_Clause]) -> tuple[dict[str, Any], list[str]]:
    notes: list[str] = []
    for cl in clauses:
        seg = _MS_PRODUCT.sub(" ", text[cl.start:cl.end])
        level = _degree_level(seg)
        if level is None:
            continue
        fields: list[str] = []
        fm = _DEGREE_FIELDS.search(seg)
        if fm:
            for f in re.split(r",|\bor\b|\band\b|/", fm.group(1)):
                f = re.sub(r"\b(?:a|an|the|related|relevant|similar|equivalent|field|fields|discipline|area|"
                           r"technical|quantitative|degree|etc)\b", " ", f, flags=re.I)
                f = " ".join(f.split()).strip(" -")
                if f and len(f.split()) <= 5 and not re.search(r"\d|experience|years?", f, re.I):
                    fields.append(f.lower() if not f.isupper() else f)
        equivalent = bool(_EQUIVALENT.search(seg))
        years_m = _EQUIV_YEARS.search(seg)
        years = float(years_m.group(1)) if years_m else float(IMPLIED_YEARS[level])
        required = cl.strength >= 2 and not _PREFERRED.search(seg)
        policy: dict[str, Any] = {"required": required, "level": level}
        if fields:
            policy["fields"] = list(dict.fromkeys(fields))[:6]
        policy["substitutes"] = [{"experience_years": years}]
        if required and not equivalent:
            notes.append(f"the posting asks for a {level}'s degree with no equivalent"
                         .replace("high school's degree", "high school diploma")
                         .replace("doctorate's", "doctoral") + f"; this draft lets {years:g} years of relevant "
                         "experience stand in (a degree is a flag here, never part of the score) — remove the "
                         "substitute only if the law requires the degree itself")
        elif required:
            notes.append(f"degree: the posting accepts an equivalent; {years:g} years of experience stand in")
        else:
            notes.append(f"degree: the posting prefers a {level} degree; not required in this draft")
        return policy, notes
    return {"required": False}, notes


_MS_PRODUCT = re.compile(r"\bMS\s+(?:Excel|Office|Word|Access|Project|SQL|Teams|Visio|Dynamics|PowerPoint|Outlook|"
                         r"Azure|Windows)\b", re.I)
_DEGREE_WORD = re.compile(r"\bdegree|diploma|bachelor|master|ph\.?d|b\.?sc?\b|m\.?sc?\b|bs/ba|bsn|adn|msn|"
                          r"graduate\b|doctorate", re.I)


def _degree_level(seg: str) -> str | None:
    """The degree level a clause asks for (the lowest one it names: "BS/MS" asks for a bachelor's), or None."""
    seg = _MS_PRODUCT.sub(" ", seg)
    levels = [lv for pattern, lv in _DEGREE_LEVELS if pattern.search(seg)]
    if not levels or not _DEGREE_WORD.search(seg):
        return None
    if "doctorate" in levels and len(set(levels)) > 1 and re.search(r"\bph\.?\s?d\.?\s+(?:preferred|a\s+plus)",
                                                                     seg, re.I):
        levels = [lv for lv in levels if lv != "doctorate"]
    return min(levels, key=lambda lv: ISCED_OF_LEVEL[lv])


def _licence(title: str, text: str) -> tuple[dict[str, Any] | None, list[str]]:
    for pattern, name, profession, by_law, aliases in _LICENCES:
        in_title = bool(pattern.search(title))
        if not in_title and not (pattern.search(text) and re.search(r"\blicen[cs]", text, re.I)):
            continue
        if not in_title and profession in ("K-12 teacher", "registered nurse"):
            continue  # "teacher" or "nurse" named in passing in another role's posting
        required = by_law or bool(_LICENCE_REQUIRED.search(text))
        note = (f"licence: {profession} is a regulated role in the U.S.; the licence block is a must-have "
                "that says so" if required else
                f"licence: {name} is shown for information; set required_by_law if this role must hold it")
        return ({"name": name, "profession": profession, "required_by_law": required, "aliases": aliases}, [note])
    return None, []


def _add(items: dict[str, _Item], key: str, label: str, known: bool, surface: str, cl: _Clause | None,
         at: int) -> None:
    it = items.get(key)
    if it is None:
        it = items[key] = _Item(key, label, known, first=at)
    if surface not in it.surfaces:
        it.surfaces.append(surface)
    it.count += 1
    if cl is not None:
        it.clauses.add(cl.start)
        it.strength = max(it.strength, cl.strength)
        it.explicit = it.explicit or cl.explicit
        it.strong = it.strong or cl.strong
        before = [y for off, y in cl.years if off <= at]
        if before:
            it.years = max(it.years, before[-1])
    else:
        it.strength = max(it.strength, 2)


def _concept_group(label: str, surfaces: list[str], resolver: Any) -> str | None:
    """The group of a taxonomy concept: by its label, else by any concept its words resolve to, else by a
    related concept (a hand-written alias such as "software testing" has no group of its own)."""
    g = skill_group(label)
    if g:
        return g
    seen = set()
    for text in [label, *surfaces]:
        for c in resolver.resolve(text):
            if c.id in seen:
                continue
            seen.add(c.id)
            g = skill_group(c.label)
            if g:
                return g
            for rid in resolver.related(c.id)[:5]:
                rc = resolver.concept(rid)
                g = skill_group(rc.label) if rc is not None else None
                if g:
                    return g
    return None


def _group_of(it: _Item, known: list[_Item], resolver: Any) -> str:
    if _SOFT.search(it.label):
        return SOFT
    if it.known:
        g = _concept_group(it.label, it.surfaces, resolver)
        if g:
            return g
    # a phrase the taxonomy lacks goes with a skill of its own clause ("Excel (pivot tables, VLOOKUP)") …
    for k in known:
        if k.clauses & it.clauses:
            g = skill_group(k.label)
            if g:
                return g
    # … or with a skill it contains ("cloud deployment tools" with "cloud")
    phrase = f" {norm_phrase(it.surfaces[0])} "
    for k in known:
        for s in k.surfaces:
            ns = norm_phrase(s)
            if len(ns) > 2 and f" {ns} " in phrase:
                g = skill_group(k.label)
                if g:
                    return g
    return OTHER


def _weights(scores: list[float]) -> list[int]:
    """Integer weights summing to 100 in proportion to ``scores`` (largest remainder; each at least 1)."""
    total = sum(scores) or 1.0
    raw = [100 * s / total for s in scores]
    out = [max(1, int(r)) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: (-(raw[i] - int(raw[i])), i)):
        if sum(out) >= 100:
            break
        out[i] += 1
    while sum(out) > 100:
        i = max(range(len(out)), key=lambda i: out[i])
        out[i] -= 1
    return out


def _competencies(items: list[_Item], resolver: Any) -> tuple[list[dict[str, Any]], list[str]]:
    known = [i for i in items if i.known]
    groups: dict[str, list[_Item]] = {}
    for it in sorted(items, key=lambda i: i.first):
        name = _group_of(it, known, resolver)
        # what the posting only prefers is its own competency, so its level and weight stay low
        if it.strength <= 1:
            name = OTHER_NICE if name == OTHER else f"{name} (nice to have)"
        groups.setdefault(name, []).append(it)
    for name in [n for n in groups if n.endswith(" (nice to have)")]:
        if name.removesuffix(" (nice to have)") not in groups:  # nothing required in that group: no suffix needed
            groups[name.removesuffix(" (nice to have)")] = groups.pop(name)

    def score(its: list[_Item]) -> float:
        return sum({1: 1.0, 2: 2.0, 3: 3.0}.get(i.strength, 2.0) * (1 + 0.5 * min(i.count - 1, 3))
                   + (2.0 if i.years else 0.0) + (1.0 if i.strong else 0.0) for i in its)

    ranked = sorted(groups.items(), key=lambda kv: (-score(kv[1]), kv[1][0].first))
    if len(ranked) > MAX_COMPETENCIES:
        # the smaller groups join "Other …": what the posting requires and what it only prefers apart
        named = [kv for kv in ranked if kv[0] not in (OTHER, OTHER_NICE)]
        keep, rest = named[:MAX_COMPETENCIES - 2], named[MAX_COMPETENCIES - 2:]
        leftovers = [i for name, its in ranked if name in (OTHER, OTHER_NICE) for i in its]
        leftovers += [i for _, its in rest for i in its]
        required = [i for i in leftovers if i.strength >= 2]
        preferred = [i for i in leftovers if i.strength <= 1]
        ranked = [*keep, *([(OTHER, required)] if required else []), *([(OTHER_NICE, preferred)] if preferred else [])]
    notes: list[str] = []
    comps: list[dict[str, Any]] = []
    weights = _weights([score(its) for _, its in ranked])
    musts = 0
    for (name, its), weight in zip(ranked, weights, strict=True):
        its = sorted(its, key=lambda i: (-i.strength, -i.count, i.first))
        skills: list[str] = []
        aliases: list[str] = []
        for i in its:
            for s in i.surfaces:
                s = " ".join(s.split())
                target = skills if i.known and resolver.resolve(s) else aliases
                if s.casefold() not in {t.casefold() for t in skills + aliases}:
                    target.append(s[:200])
        best = max(i.strength for i in its)
        years = max((i.years for i in its), default=0.0)
        strong = any(i.strong and i.strength >= 2 for i in its)
        explicit = any(i.explicit for i in its)
        level = 1 if best <= 1 else 3 if (years >= 3 or strong) and best >= 3 else 2
        comp: dict[str, Any] = {"name": name[:120], "skills": skills[:100], "aliases": aliases[:100],
                                "weight": weight, "required_level": level}
        if explicit and best >= 3 and musts < MAX_MUST_HAVES and name not in (OTHER, OTHER_NICE):
            comp["must_have"] = True
            musts += 1
        if years and best >= 2:
            comp["min_years"] = min(years, 60.0)
            shown = ", ".join(i.surfaces[0] for i in its if i.years == years)[:80]
            notes.append(f"{name}: {years:g}+ years asked for ({shown})")
        comps.append(comp)
    return comps, notes


_LOOSE_SUFFIX = re.compile(r"(?:ing|ed|ly|able|ible|ive|ent|ant|ous|al|ful)$", re.I)


def _loose_word(surface: str, label: str | None, text: str, at: int, extractor: Any) -> bool:
    """A single everyday word that is no skill on its own: "Designing", "scalable", "efficient", "Management"."""
    if " " in surface or not surface.isalpha():
        return False
    plain = surface.islower() or _sentence_start(text, at)
    if label is None:
        return plain and bool(_LOOSE_SUFFIX.search(surface))
    lex = extractor.lexicon
    cidx = lex.forms.get(norm_phrase(surface))
    return plain and (cidx is None or (cidx not in lex.tech and cidx not in lex.languages))


def draft_from_text(text: str, *, title: str | None = None, source: str = "a job posting",
                    extractor: Any = None) -> RubricDraft:
    """Draft a rubric from the text of a job posting."""
    if extractor is None:
        from ..extract import get_extractor

        extractor = get_extractor()
    if not text.strip():
        raise RubricError("the posting is empty: paste its text or give a TXT, PDF or DOCX file")
    if len(text) > MAX_POSTING_CHARS:
        raise RubricError(f"the posting is longer than {MAX_POSTING_CHARS:,} characters; give the job's own text")
    clauses = _clauses(text)
    starts = [c.start for c in clauses]
    # the fields of a degree ("Bachelor's in Statistics or Economics") are not skills the role asks for
    field_spans = [m.span(1) for c in clauses if _degree_level(text[c.start:c.end])
                   for m in [_DEGREE_FIELDS.search(text, c.start, c.end)] if m]
    mentions = sorted(_mentions(text, extractor), key=lambda m: (m[0], -m[1]))
    items: dict[str, _Item] = {}
    # a short posting may name its skills only as everyday words ("housekeeping"): the second pass keeps those
    for strict in (True, False):
        for s, _e, surface, label in mentions:
            surface = " ".join(surface.split()).strip(" ,;:-()[]*").rstrip(".")
            if surface.startswith(".") and not surface[1:2].isalpha():  # ".NET" keeps its dot, ". x" does not
                surface = surface.lstrip(". ")
            if not surface or len(surface) > 80 or _PLACEHOLDER.search(surface) or len(surface.split()) > 5:
                continue
            if label is None and (surface.casefold() in _STOP_ITEMS or (len(surface) <= 3 and surface.islower())
                                  or "," in surface or _JUNK.search(surface)
                                  or _EEO.search(text, max(0, s - 200), s + 50)):
                continue
            if strict and _loose_word(surface, label, text, s, extractor):
                continue
            k = bisect.bisect_right(starts, s) - 1
            cl = clauses[k] if k >= 0 and clauses[k].start <= s < clauses[k].end else None
            if cl is None or any(fs <= s < fe for fs, fe in field_spans):  # a heading, a skipped block, a field
                continue
            key = "c:" + label.casefold() if label else "p:" + norm_phrase(surface)
            _add(items, key, label or surface, label is not None, surface, cl, s)
        if items:
            break
    if not items:
        raise RubricError("no skills found in the posting: is it the whole posting, in English?")
    role = _title(text, title)
    comps, notes = _competencies(list(items.values()), extractor)
    degree, degree_notes = _degree(text, clauses)
    licence, licence_notes = _licence(role, text)
    data: dict[str, Any] = {"role": role, "description": f"Drafted from {source}.", "version": "draft-1",
                            "competencies": comps, "degree": degree}
    if licence:
        data["licence"] = licence
    data["evidence"] = {"recency_years": 10}
    data["knockout"] = False
    draft = RubricDraft(data, [*notes, *degree_notes, *licence_notes], source)
    draft.rubric()  # a draft always validates; a failure here is a bug, not bad input
    return draft


# --------------------------------------------------------------------------------------------------- occupations
def draft_from_occupation(query: str, *, extractor: Any = None) -> RubricDraft:
    """Draft a rubric from an ESCO occupation (essential skills) or an O*NET-SOC occupation (technologies)."""
    if extractor is None:
        from ..extract import get_extractor

        extractor = get_extractor()
    occ = find_occupation(query)
    # an O*NET occupation lists technologies only: the ESCO occupation of the same title adds its essential skills
    twin = None
    if occ.source == "onet":
        twin = next((o for o in search_occupations(occ.title, limit=5)
                     if o.source == "esco" and norm_phrase(o.title) == norm_phrase(occ.title)), None)
    # with both, the occupation's essential skills lead and its technologies are nice to have
    names = [(s, 2) for s in (twin.skills if twin else ())] + [(s, 1 if twin else 2) for s in occ.skills]
    items: dict[str, _Item] = {}
    for n, (s, strength) in enumerate(names):
        it = items.setdefault(s.casefold(), _Item(s.casefold(), s, True, first=n))
        if s not in it.surfaces:
            it.surfaces.append(s)
        it.count, it.strength = 1, max(it.strength, strength)
    if not items:
        raise OccupationNotFound(f"{occ.title} ({occ.code}) lists no skills to draft from; try another occupation")
    comps, _ = _competencies(list(items.values()), extractor)
    for c in comps:
        c["name"] = c["name"].replace(OTHER, "Other essential skills" if occ.source == "esco" or twin else "Other tools")
    role = occ.title[:1].upper() + occ.title[1:]
    licence, notes = _licence(role, "")
    data: dict[str, Any] = {"role": role[:120], "description": f"Drafted from {_occ_name(occ)}.",
                            "version": "draft-1", "competencies": comps, "degree": {"required": False}}
    if licence:
        data["licence"] = licence
    kind = "essential skills" if occ.source == "esco" else "technologies (hot technologies first)"
    also = f", with the essential skills of {_occ_name(twin)}" if twin else ""
    notes = [f"competencies are {_occ_name(occ)}'s {kind}{also}, grouped; weights are equal shares per skill — "
             "set them to what this job emphasises", *notes, ATTRIBUTION]
    draft = RubricDraft(data, notes, _occ_name(occ))
    draft.rubric()
    return draft


def _occ_name(occ: Occupation) -> str:
    return (f"ESCO occupation ‘{occ.title}’ ({occ.code})" if occ.source == "esco"
            else f"O*NET occupation ‘{occ.title}’ ({occ.code})")


# --------------------------------------------------------------------------------------------------- reading files
def posting_text(name: str, data: bytes) -> str:
    """The text of a TXT, PDF or DOCX posting, read with the résumé ingester (same limits and sandbox)."""
    from ..ingest import ingest_batch

    [doc] = ingest_batch([(name, data)], sandbox=True, workers=1)
    if isinstance(doc, ScreenerError):
        raise doc
    return str(doc.text)


def draft_cli(*, from_job: str | None, from_occupation: str | None, out: str, stdin: TextIO = sys.stdin,
              echo: Callable[[str], None] | None = None) -> int:
    """``rubric draft``: write the draft to ``out`` (validated first) and say what to review."""
    say = echo or (lambda s: print(s, file=sys.stderr))
    target = Path(out)
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(f"--out {out}: use a .yaml file name")
    if not target.parent.is_dir():
        raise UsageError(f"--out {out}: folder {target.parent.name or target.parent} does not exist")
    if from_occupation is not None:
        draft = draft_from_occupation(from_occupation)
    else:
        assert from_job is not None
        if from_job == "-":
            text, name = stdin.read(), "pasted text"
        else:
            p = Path(from_job)
            if not p.is_file():
                raise UsageError(f"{p.name}: no such file (give a TXT, PDF or DOCX posting, or - for stdin)")
            if p.stat().st_size > 10 * 1024 * 1024:
                raise UsageError(f"{p.name}: larger than 10 MB; is this a job posting?")
            text, name = posting_text(p.name, p.read_bytes()), p.name
        draft = draft_from_text(text, source=name)
    rubric = draft.rubric()
    target.write_text(draft.to_yaml(), encoding="utf-8")
    say(f"{target.name}: drafted ‘{rubric.role}’ with {len(rubric.competencies)} competencies; "
        f"edit it, then run: python -m screener rubric check {out}")
    for n in draft.notes:
        say(f"note: {n}")
    return 0


__all__ = ["RubricDraft", "draft_cli", "draft_from_occupation", "draft_from_text", "posting_text"]
