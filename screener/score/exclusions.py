"""Text that is never evidence, and where a role's evidence ends.

Who someone is must not move a score. A surname may be a skill word (Helm, Go, Kafka, Scala, Rust, Swift, Ruby),
a profile URL may hold it ("linkedin.com/in/go-eunji"), and a PDF may repeat it in every page footer
("Giulia Scala 2"). Rather than special-casing words, this module computes the character spans of
``Document.text`` that are never evidence:

* the contact block (the parser's ``contact`` section) and a references section;
* the candidate's name where it is written *as a name*: the whole name (or first and last name, an initial and
  the surname, "Surname, Given"), a name word after an honorific, and lines made only of name words, page
  numbers and document labels (page headers and footers);
* e-mail addresses, URLs (with or without a scheme: "github.com/jonashelm") and @handles, anywhere;
* lines repeated at the top or bottom of two or more PDF pages (running headers and footers);
* reference lines ("References available upon request", "Referee: …").

A name word used as a word is left alone: a candidate named "Go" who lists "Go, Python" under Skills keeps Go.

It also says which role a mention belongs to for evidence (:func:`evidence_role`): inside the role's span *and*
in the same section as the role's first line, and only for roles that sit in an experience section.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Profile, Role, Section
from ..parse.contact import EMAIL as _EMAIL
from ..parse.function_words import ARTICLES, CONJUNCTIONS, NAME_PARTICLES
from .negation import IN_PROGRESS, negated_spans

Span = tuple[int, int]

#: Sections whose roles are work history (their mentions are "used in a role").
ROLE_SECTIONS = frozenset({"experience", "volunteering"})
#: Sections whose dated entries are not roles even when the role parser reads one there.
NOT_ROLE_SECTIONS = frozenset({"education", "skills", "certifications", "languages", "awards", "interests",
                               "references", "publications", "projects"})

_TLDS = (r"com|org|net|edu|gov|io|dev|me|co|ai|app|info|biz|tech|page|site|xyz|us|uk|ca|de|fr|es|it|nl|pl|pt|br|"
         r"in|cn|jp|kr|ng|gh|mx|au|nz|za|ie|ch|se|no|dk|fi|be|at|ru|ua|eu|ly|to|sh|gg|tv|cc")
# A URL with a scheme or "www.", or a bare host with a path ("github.com/jonashelm", "linkedin.com/in/go-eunji").
_URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'()\[\]{}|]+"
    rf"|(?<![\w.@/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})(?:/[^\s<>\"'()\[\]{{}}|,;]*)?(?![\w.-])",
    re.IGNORECASE,
)
#: Hosts that are technology names, not web addresses.
_NOT_HOSTS = frozenset({"asp.net", "ado.net", "vb.net", "node.js", "vue.js", "next.js", "nuxt.js", "d3.js",
                        "express.js", "react.js", "ember.js", "backbone.js", "three.js", "chart.js"})
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?\b(?!\.\w)")
_HONORIFIC = r"(?:mr|mrs|ms|miss|mx|dr|prof|herr|frau|mme)\.?"
# Words that may stand beside a name in a page header or footer.
_PAGE_WORDS = frozenset({"page", "pg", "p", "of", "cv", "resume", "résumé", "curriculum", "vitae", "continued",
                         "cont", "seite", "página", "pagina", "von", "de", "sur"})
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_ON_REQUEST = re.compile(r"\b(?:available|furnished|provided|given)\s+(?:up)?on\s+request\b|\bon\s+request\b",
                         re.IGNORECASE)
_NAME_LABEL_LINE = re.compile(r"^\s*(?:(?:full|first|last|family|given|candidate'?s?)\s+)?name\s*[:\-–]",
                              re.IGNORECASE)
_REFERENCE_LINE = re.compile(
    r"^\s*(?:references?|referees?)\b(?:\s*(?:[:\-–—]|available|upon|on\s+request|furnished))"
    r"|\b(?:references?|referees?)\s+(?:are\s+)?(?:available|furnished|provided)\s+(?:up)?on\s+request\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Exclusion:
    """A span of ``Document.text`` that is never evidence, and why (in words a person can read)."""

    start: int
    end: int
    reason: str  # "contact block", "name", "e-mail address", "web address", "page header or footer", "reference",
    # "hidden or injected text", "said not to be had", "wished for, not yet had", "named by a certification not yet
    # earned"


def _lines(text: str) -> Iterable[Span]:
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line.rstrip("\r\n"))
        yield pos, end
        pos += len(line)


def name_tokens(name: str) -> list[str]:
    """The words of a candidate's name, as written ("Go Eun-ji" → ["Go", "Eun-ji"]); brackets dropped."""
    base = re.sub(r"[(（].*?[)）]", " ", name)
    base = base.split(",")[0]
    return [w for w in _WORD.findall(base) if len(w) > 1 or w.isupper()]


_NOT_BEFORE_NAME = re.compile(r"[\w@/.-]")
_WORD_CHAR = re.compile(r"\w")
_LETTER = re.compile(r"[^\W\d_]")
_CAPITAL = re.compile(r"[A-ZÀ-Ý]")
# the edges of a name, as expressions (what _NamePattern checks by hand): nothing name-like glued on the left; on
# the right no word character, or a capital glued on by text extraction ("Go Eun-jiPhone: …")
_NAME_LEFT = r"(?<![\w@/.-])"
_NAME_RIGHT = r"(?:(?![\w])|(?<=[^\W\d_])(?-i:(?=[A-ZÀ-Ý])))"


def _name_end_ok(text: str, end: int) -> bool:
    if end >= len(text) or _WORD_CHAR.match(text, end) is None:
        return True
    return end > 0 and _LETTER.match(text, end - 1) is not None and _CAPITAL.match(text, end) is not None


class _NamePattern:
    """One way of writing a name, found as ``finditer`` finds ``_NAME_LEFT (?:core) _NAME_RIGHT`` (the left edge
    optional), at a fraction of the cost: every résumé has a name of its own, and compiling the edges into each
    of its patterns cost about a millisecond per résumé. The core is searched, the edges are checked by hand, and
    only when the right edge fails is the whole expression compiled, to try the core's other lengths there."""

    __slots__ = ("_core", "_source", "_left", "_full")

    def __init__(self, core: str, *, left: bool = True) -> None:
        self._source = core
        self._core = re.compile(core, re.IGNORECASE)
        self._left = left
        self._full: re.Pattern[str] | None = None

    def full(self) -> re.Pattern[str]:
        """The whole expression (edges included)."""
        if self._full is None:
            left = _NAME_LEFT if self._left else ""
            self._full = re.compile(left + "(?:" + self._source + ")" + _NAME_RIGHT, re.IGNORECASE)
        return self._full

    def spans(self, text: str) -> Iterable[Span]:
        pos = 0
        while (m := self._core.search(text, pos)) is not None:
            start, end = m.span()
            if self._left and start and _NOT_BEFORE_NAME.match(text, start - 1) is not None:
                pos = start + 1  # the lookbehind fails here whatever the core's length
                continue
            if not _name_end_ok(text, end):
                whole = self.full().match(text, start)
                if whole is None:
                    pos = start + 1
                    continue
                end = whole.end()
            yield start, end
            pos = end if end > start else end + 1


def _name_patterns(tokens: Sequence[str]) -> list[_NamePattern]:
    """Ways a name is written as a name: whole, first + last, initial + last, "Last, First", an honorific."""
    if not tokens:
        return []
    esc = [re.escape(t) for t in tokens]
    sep = r"[\s.\-–—,]*\s*"
    first, last = esc[0], esc[-1]
    alts = [r"\s+".join(esc)]
    if len(esc) > 1:
        alts += [first + r"\s+(?-i:[A-ZÀ-Ý][^\W\d_]*\.?\s+){0,2}" + last,
                 rf"{first[0]}\.\s*(?:[^\W\d_]\.\s*)?{last}",
                 last + r"\s*,\s*" + first,
                 r"\s+".join(reversed(esc))]
        # any part of a name written in its own order with a hyphen/space swapped ("Eun-ji Go", "Eun ji")
        alts += [t.replace(r"\-", sep) for t in esc if r"\-" in t]
        # a slug or user name: "go-eunji", "jonas_helm", "jonas.helm" (outside a URL too)
        alts += [r"[-_.]?".join(x.replace(r"\-", "-?") for x in order) for order in (esc, esc[::-1])]
    alts.append(rf"{_HONORIFIC}\s+(?:{'|'.join(esc)})")
    out = [_NamePattern(a) for a in alts]
    if len(esc) > 1:
        # the whole name is distinctive enough to mask even when text extraction glued a letter before it
        # ("JJonas Helm    Page 2": a drop capital repeated in a flattened footer)
        out.append(_NamePattern(r"\s+".join(esc), left=False))
    return out


_FIELD_SEP = re.compile(r"\n|[ \t]{2,}|\s[|•·]\s")


def _first_prose(text: str, start: int, end: int) -> int:
    """Where prose starts in a contact block (a summary the parser left in it, common in text flattened to one
    line): the first field of 8 or more words, mostly lower case, without an e-mail address; ``end`` if none."""
    pos = start
    for m in _FIELD_SEP.finditer(text, start, end):
        if _is_prose(text[pos:m.start()]):
            return pos
        pos = m.end()
    return pos if _is_prose(text[pos:end]) else end


def _is_prose(field: str) -> bool:
    words = field.split()
    if len(words) < 8 or "@" in field or len(field) < 45:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower * 2 >= len(words)


def _page_boundary_lines(pages: Sequence[str]) -> set[str]:
    """Normalised first/last lines that repeat on two or more pages: running headers and footers."""
    seen: dict[str, int] = {}
    for page in pages:
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        edge = {_norm_line(x) for x in lines[:2] + lines[-2:]}
        for k in edge:
            if k:
                seen[k] = seen.get(k, 0) + 1
    return {k for k, n in seen.items() if n >= 2}


def _norm_line(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.casefold())).strip()


def _name_only_line(line: str, tokens: set[str]) -> bool:
    """A header or footer: only name words, page words and numbers ("Giulia Scala 2", "Scala | Page 2 of 3").

    One name word alone needs a page mark beside it: "Go" alone on a line of a skills list stays a skill, and
    "Go 1.21" is a version, not a page number."""
    folded = line.casefold()
    if not any(t in folded for t in tokens):  # case folding goes character by character: a name word is in here
        return False
    words = [w.casefold() for w in _WORD.findall(line)]
    named = {w for w in words if w in tokens}
    if not named or any(w not in tokens and w not in _PAGE_WORDS for w in words):
        return False
    if len(named) >= 2:
        return True
    page_word = any(w in _PAGE_WORDS for w in words)
    page_number = re.search(r"(?<![\d.])\d{1,3}(?:\s*/\s*\d{1,3})?(?![\d.])", line) is not None
    return page_word or page_number


def never_evidence(profile: Profile) -> tuple[Exclusion, ...]:
    """Every span of the profile's text that is never evidence, in text order."""
    doc = profile.document
    text = doc.text
    out: list[Exclusion] = []
    for sec in profile.sections:
        if sec.name == "contact":
            # a dated role inside it means the parser missed a heading, and prose is a summary: the contact block
            # ends at the first of them
            end = min([r.span[0] for r in profile.roles if r.start is not None and sec.start < r.span[0] < sec.end]
                      + [_first_prose(text, sec.start, sec.end)])
            out.append(Exclusion(sec.start, end, "contact block"))
        elif sec.name == "references":
            # "References available upon request" names no referee: only that statement is masked, not the text
            # after it (often a section whose own heading the parser missed)
            head = text[sec.start:sec.end]
            m = _ON_REQUEST.search(head[:200])
            end = sec.start + head.find("\n", m.end()) if m and head.find("\n", m.end()) != -1 else (
                sec.start + m.end() if m else sec.end)
            out.append(Exclusion(sec.start, end, "reference"))
    for m in _EMAIL.finditer(text):
        out.append(Exclusion(m.start(), m.end(), "e-mail address"))
    # a bare host name the extractor read as a skill is a technology's name ("Acme.Net" named by the rubric,
    # "ASP.NET"), not a web address; one with a scheme, "www." or a path is always an address
    skill_spans = {(m.start, m.end) for m in profile.skills}
    for m in _URL.finditer(text):
        host = m.group(0)
        if host.casefold().rstrip("/.,;:") in _NOT_HOSTS or (m.start(), m.end()) in skill_spans and \
                "/" not in host and not host.casefold().startswith("www."):
            continue
        out.append(Exclusion(m.start(), m.end(), "web address"))
    for m in _HANDLE.finditer(text):
        out.append(Exclusion(m.start(), m.end(), "web address"))
    tokens = name_tokens(profile.contact.name)
    folded = {t.casefold() for t in tokens}
    for pat in _name_patterns(tokens):
        for start, end in pat.spans(text):
            out.append(Exclusion(start, end, "name"))
    boundary = _page_boundary_lines(doc.pages) if len(doc.pages) >= 2 else set()
    for s, e in _lines(text):
        line = text[s:e]
        if not line.strip():
            continue
        header = bool(folded) and _name_only_line(line, folded)
        if header or (boundary and _norm_line(line) in boundary and len(line.strip()) <= 120):
            out.append(Exclusion(s, e, "page header or footer"))
        elif m := (_REFERENCE_LINE.search(line) or _NAME_LABEL_LINE.search(line)):
            # the whole line when it is a line; in a text flattened to one long line, only the field (up to a run
            # of spaces) — "REFERENCES  Available on request.    Copyright …" must not swallow the résumé
            reason = "name" if _NAME_LABEL_LINE.search(line) and not _REFERENCE_LINE.search(line) else "reference"
            if len(line) <= 160:
                out.append(Exclusion(s, e, reason))
            else:
                gap = re.compile(r"\s{3,}").search(line, m.end() + 1)
                out.append(Exclusion(s + m.start(), s + (gap.start() if gap else min(len(line), m.end() + 80)),
                                     reason))
    out.extend(_employer_names(profile))
    for xs, xe in doc.excluded_spans:
        out.append(Exclusion(xs, xe, "hidden or injected text"))
    # "no experience with Kubernetes", "willing to learn Terraform", "AWS Certified … (in progress)": named, not had
    out.extend(Exclusion(ns, ne, reason) for ns, ne, reason in negated_spans(text))
    out.extend(Exclusion(c.span[0], c.span[1], IN_PROGRESS) for c in profile.certifications
               if c.in_progress and c.span != (0, 0))
    return tuple(sorted(set(out), key=lambda x: (x.start, x.end, x.reason)))


#: the reason a role's employer named in its header is not evidence (the explanation names it)
EMPLOYER_NAME = "the employer's name, not a skill used"
#: how far into a role's block its header runs (title, employer, place and dates on one to a few lines)
_HEADER_REACH = 300


def _employer_names(profile: Profile) -> list[Exclusion]:
    """Each role's employer where its header names it: working *at* Oracle, SAP or Salesforce is no evidence of
    using their products ("Senior Account Manager, Oracle, 2016 - 2024" scored an account manager an Oracle
    Database expert with nine years)."""
    text = profile.document.text
    out = []
    for r in profile.roles:
        name = r.employer.strip()
        if len(name) < 2 or r.span == (0, 0) or not _organisation_like(name):
            continue
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?!\w)"
        # the name standing alone as a field of the header: "Google" of "Google Cloud Platform Engineer, Google" is
        # the title's, "Studio" of "Visual Studio" and "English" of "Teacher in English" are no employer's
        for m in re.compile(pattern, re.IGNORECASE).finditer(text, r.span[0], min(r.span[1], r.span[0] + _HEADER_REACH)):
            nxt = _NEXT_WORD.match(text, m.end())
            before = text[text.rfind("\n", 0, m.start()) + 1:m.start()].rstrip()
            if not (nxt and nxt.group(1).isupper()) and (
                    not before or before[-1] in _FIELD_ENDS or before.rsplit(None, 1)[-1].casefold() in _AT_WORDS):
                out.append(Exclusion(m.start(), m.end(), EMPLOYER_NAME))
                break
    return out


_FIELD_ENDS = frozenset(",;:|–—-(@/•·")  # what ends the field before an employer on its line
_AT_WORDS = frozenset({"at", "@", "for", "with", "bei", "chez", "en"})  # "Engineer at Google"
_NEXT_WORD = re.compile(r"[ \t]*(?:[-&][ \t]*)?(\w)")  # the first letter of the next word on the same line
_ORG_SMALL_WORDS = ARTICLES | CONJUNCTIONS | NAME_PARTICLES | {"of", "for", "&", "und", "für"}


def _organisation_like(name: str) -> bool:
    """Written as an organisation's name ("Oracle", "Xihu Cloud Technology Co., Ltd.", "Bank of America"), not text
    the parser took for one ("frameworks using C#.", "Compilation of SQL queries"): its words are capitalised
    (or small linking words)."""
    return ":" not in name and all(w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha()
                                   or w.casefold() in _ORG_SMALL_WORDS for w in name.split())


def excluded_at(exclusions: Sequence[Exclusion], start: int, end: int) -> Exclusion | None:
    """The first exclusion overlapping [start, end), or None."""
    for x in exclusions:
        if x.start < end and start < x.end:
            return x
        if x.start >= end:
            break
    return None


def _section_of(sections: Sequence[Section], offset: int) -> Section | None:
    for s in sections:
        if s.start <= offset < s.end:
            return s
    return None


def is_work_role(profile: Profile, role: Role) -> bool:
    """A role the evidence stage treats as work history: its first line is in an experience section or at the top
    (where a missed experience heading leaves it), or — in a résumé without an experience section — in any section
    that is not education, skills, certifications, … ("Additional information" holds courses and dates, not jobs,
    once the résumé has an experience section)."""
    sec = _section_of(profile.sections, role.span[0])
    name = sec.name if sec else "other"
    if name in ROLE_SECTIONS or name in ("contact", "summary"):
        # a dated role at the top means the parser missed the experience heading ("P ROFESSIONAL E XPERIENCE")
        return True
    if name in NOT_ROLE_SECTIONS:
        return False
    return not any(s.name in ROLE_SECTIONS for s in profile.sections)


#: A line that starts a list of the candidate's skills in general, not of one job: "Computer proficiencies include:",
#: "Technical skills: …", "TECHNICAL SKILL SET". (A job's own "Key skills - …" line stays the job's.)
_SKILLS_LIST_LABEL = re.compile(
    r"^[ \t]*(?:[•●▪◦*·➢\-–—][ \t]*)?(?:(?:computer|technical|technology|software|it|ict|digital|office)[ \t]+"
    r"(?:skills?(?:[ \t]+set)?|proficienc(?:y|ies)|competenc(?:y|ies)|knowledge)|proficienc(?:y|ies))\b[ \t]*"
    r"(?:include[sd]?\b|[:\-–—]|$)",
    re.IGNORECASE | re.MULTILINE)


def evidence_role(profile: Profile, offset: int) -> Role | None:
    """The role whose evidence the text at ``offset`` is: inside the role's span, in the same section as the
    role's first line, and the role is work history. A skills list after a role is not that role's evidence, even
    when no heading separates them ("Computer proficiencies include: MS Word, Excel" under a 1991–95 job)."""
    role = profile.role_at(offset)
    if role is None or not is_work_role(profile, role):
        return None
    if _section_of(profile.sections, offset) != _section_of(profile.sections, role.span[0]):
        return None
    text = profile.document.text
    line_end = text.find("\n", offset)
    labels = _skills_list_labels(text, role.span[0] + 1, role.span[1])
    if labels and labels[0] < (len(text) if line_end == -1 else line_end):
        return None
    return role


@functools.lru_cache(maxsize=64)
def _skills_list_labels(text: str, start: int, end: int) -> tuple[int, ...]:
    """Where skills-list labels start on the lines from ``start`` to the line holding ``end`` (a label stays on
    its line): found once per role, not once per mention in it."""
    stop = text.find("\n", end)
    return tuple(m.start() for m in _SKILLS_LIST_LABEL.finditer(text[:len(text) if stop == -1 else stop], start))


__all__ = ["Exclusion", "evidence_role", "excluded_at", "is_work_role", "name_tokens", "never_evidence"]
