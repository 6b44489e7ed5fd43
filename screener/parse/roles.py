"""Finds dated positions (roles) in the experience-like sections of a résumé.

    >>> [r.title for r in find_roles("EXPERIENCE\\nData Analyst — Acme Inc., Austin, TX | Jan 2019 – Present\\n",
    ...                                find_sections("EXPERIENCE\\nData Analyst — Acme Inc., ..."))]
    ['Data Analyst']

A role is anchored on its dates: every date range on a header-like line of an experience, volunteering or
unlabelled section starts (or, in layouts that print the dates after the bullets, ends) one role. The header
lines next to the dates are split into title, employer and location using layout and word cues
(``data/entry_words.yaml``), never a list of known employers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from screener.models import Role, Section
from screener.parse._data import (
    BULLET_RE,
    alternation,
    body_start,
    clean,
    flat_words,
    lines_in,
    load,
    trim_span,
)
from screener.parse.dates import (
    DateMention,
    DateRange,
    find_date_ranges,
    find_dates,
    month_names_pattern,
    numeric_order,
)
from screener.parse.education import has_degree, has_institution
from screener.parse.function_words import ARTICLES, CONJUNCTIONS, NAME_PARTICLES, PREPOSITIONS
from screener.parse.languages import parse_language_item
from screener.parse.sections import heading_name, heading_names

ROLE_SECTIONS = ("experience", "volunteering", "other")
# Where roles are looked for when a résumé has no experience-like heading at all.
NOT_ROLE_SECTIONS = ("education", "skills", "certifications", "languages", "awards", "publications", "references",
                     "interests", "projects")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str  # stripped, without the bullet
    bullet: bool
    # the line goes on with a sentence of the line above: a bullet or a paragraph wrapped at the margin
    # ("• Shipped search end-to-end through API design and" / "performance tuning"); never a header
    cont: bool = False


class _DocumentSearches:
    """A pattern whose ``search`` results are kept until ``forget()``, which ``find_roles`` calls at each document:
    the header parts of one résumé are asked for a title word dozens of times (about 46 searches for 9 texts)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._found: dict[str, re.Match[str] | None] = {}

    def search(self, text: str) -> re.Match[str] | None:
        if text in self._found:
            return self._found[text]
        if len(self._found) > 4096:  # (split_header called on its own never reaches forget())
            self._found.clear()
        m = self._found[text] = self.pattern.search(text)
        return m

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.pattern.fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text)

    def forget(self) -> None:
        self._found.clear()


class _Cues:
    def __init__(self) -> None:
        words = load("entry_words")
        edge = r"(?<![^\W_])", r"(?![^\W_])"
        titles = flat_words(words["title_words"]) + flat_words(load("title_heads")["title_heads"])
        self.title = _DocumentSearches(re.compile(edge[0] + alternation(titles) + edge[1], re.IGNORECASE))
        company = [w for w in flat_words(words["company_words"])]
        self.company = re.compile(r"(?<![^\W_])" + alternation(company) + r"(?![^\W_]|\.\w)", re.IGNORECASE)
        self.country = re.compile(edge[0] + alternation(flat_words(words["countries"])) + edge[1], re.IGNORECASE)
        self.detail_label = re.compile(r"^" + alternation(flat_words(words["detail_labels"])) + r"\s*:", re.IGNORECASE)
        # a form's field label, then its value after a table cell's bar, a tab or a colon
        self.field_label = {field: re.compile(r"(?:" + alternation(flat_words(labels)) + r")[ \t]*[|:\t]\s*(?=\S)",
                                              re.IGNORECASE)
                            for field, labels in words["field_labels"].items()}
        worked = words["worked_as"]
        lead = (r"(?:" + alternation(worked["openers"]) + r"\s+)?(?:i\s+(?:am|was|have\s+been|had\s+been)\s+)?"
                r"(?:" + alternation(worked["verbs"]) + r")\s+")
        joins = alternation(worked["joins"])
        # "as <title> at <employer>", "at <employer> as <title>", "as <title>" (then the dates)
        self.worked_as = [re.compile(lead + r"as\s+(?:an?\s+)?(?P<title>.+?)\s+(?:" + joins + r")\s+(?P<employer>.+)",
                                     re.IGNORECASE),
                          re.compile(lead + r"(?:" + joins + r")\s+(?P<employer>.+?)\s+as\s+(?:an?\s+)?(?P<title>.+)",
                                     re.IGNORECASE),
                          re.compile(lead + r"as\s+(?:an?\s+)?(?P<title>.+)", re.IGNORECASE)]
        self.academic_unit = re.compile(r"(?:" + alternation(flat_words(words["academic_units"])) + r")\s+(?:of|for)\s",
                                        re.IGNORECASE)
        street = alternation(flat_words(words["street_words"]))
        # "100 Main St", "1200 N. Lamar Blvd", "Suite 200", "Hauptstraße 5", "Rua Augusta 10"; a postcode and its city
        # ("10115 Berlin", "1100-048 Lisbon")
        self.street = re.compile(r"(?:\d{1,5}[A-Za-z]?\s+(?:[\w.'’-]+\s+){0,4}(?:" + street + r")(?:\s+\d{1,5})?"
                                 r"|(?:" + street + r")\s+\d{1,5}|[\w'’-]*(?:" + street + r")\s+\d{1,5}[a-z]?"
                                 r"|(?:" + street + r")\s+(?:[\w.'’-]+\s+){0,3}\d{1,5}[a-z]?"
                                 r"|\d{4,5}(?:-\d{3})?\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})(?![^\W_])",
                                 re.IGNORECASE)
        self.form_detail = re.compile(alternation(flat_words(words["form_detail_labels"])) + r"\s*:", re.IGNORECASE)
        self.suffix_only = re.compile(
            r"(?:inc|inc\.|ltd\.?|llc|llp|plc|corp\.?|co\.|gmbh|ag|s\.a\.?|ltda\.?|pvt\.? ltd\.?|limited|pty ltd)",
            re.IGNORECASE)


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    return _Cues()


_CITY_STATE = re.compile(r"^[A-ZÀ-Ý][\w.'’ -]*,\s*(?:[A-Z]{2}|[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?)(?:\s+\d{5})?$")
_STATE_CODE = re.compile(r"^[A-Z]{2}(?:\s+\d{5})?$")
# an employer's name, then its web site after a comma, then anything ("Acme Ltd, www.acme.com, a retailer")
_NAME_THEN_SITE = re.compile(r"([^,\d]{2,60}),\s*(?:https?://|www\.)\S+")
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^\S+\.(?:com|org|net|io)/\S*$", re.IGNORECASE)
_STRONG_SEP = re.compile(r"\s+[—–|•·]\s+|\s+-+\s+|\s*\|\s*|\t+|\s{2,}|\s+[-–—]+$|^[-–—]+\s+|\s*[—–]\s*(?=[A-Z])")
_DURATION = re.compile(r"\(?\s*+(?<![\d.,])\d+(?:[.,]\d+)?\+?\s*(?:years?|yrs?|months?|mos?|anos?|años?|meses|mois|ans|jahre|monate)"
                       r"\b[^)]*\)?", re.IGNORECASE)
_TITLE_LABEL = re.compile(r"^(?:role|designation|position|title|job title|cargo|puesto|poste|funktion|stelle|stanowisko|"
                          r"functie)\s*[:\-]\s*",
                          re.IGNORECASE)
_EMPLOYER_LABEL = re.compile(r"^(?:company|employer|organi[sz]ation|empresa|entreprise|firma|unternehmen|client|"
                             r"pracodawca|werkgever|bedrijf)"
                             r"(?:\s+name)?\s*[:\-]\s*", re.IGNORECASE)
# labels in front of a field ("Duration: May 2010 – till date", "Location: Pune")
_LABELS = re.compile(r"^(?:duration|period|dates?|tenure|from|location|place|city)\s*[:\-]\s*", re.IGNORECASE)
_AT = re.compile(r"^(?P<title>.+?)\s+(?:at|@|chez|bei)\s+(?P<company>\S.*)$")
# "Mobile Developer (part time) in project KeepIn Ltd.": "in" joins a title and its employer only right after
# a title word (elsewhere it starts a field of work: "Specialist in data analysis")
_IN = re.compile(r"^(?P<title>.+?)\s+in\s+(?:(?:the\s+)?project\s+)?(?P<company>[A-Z0-9]\S*.*)$")


@lru_cache(maxsize=8192)
def _is_tool(part: str) -> bool:
    """Whether ``part`` is, as a whole, the name of a technology or tool in the skills lexicon ("Java", "Docker",
    "Unity3D"). The lexicon is the extractor's, loaded once per process (workers share it)."""
    if not part or len(part) > 40 or not any(c.isalpha() for c in part) or re.fullmatch(r"[IVX]+|L\d", part):
        return False  # (a level after a title, "Engineer III", is no tool)
    from screener.extract import get_extractor
    from screener.extract.lexicon import norm_phrase

    lexicon = get_extractor().lexicon
    concept = lexicon.forms.get(norm_phrase(part))
    words = part.split()
    if concept is None and len(words) >= 2 and all(len(w) <= 3 for w in words) and any(len(w) == 1 for w in words):
        # a name whose letters a converter spaced out: "M S S QL", "D B2"
        concept = lexicon.forms.get(norm_phrase("".join(words)))
    return concept is not None and concept in lexicon.tech


_LIST_SPLIT = re.compile(r"\s*[,;]\s*")


def _tool_list(text: str) -> bool:
    """A list of technologies ("Java, TypeScript, Spring Boot", "Docker, Jenkins"): two or more short items, no job
    title, organisation word or place, and at least half of them tools (one in three or more)."""
    items = [x for x in _LIST_SPLIT.split(text.strip(" .;,")) if x]
    if len(items) < 2 or any(len(x.split()) > 4 for x in items):
        return False
    tools = sum(_is_tool(x) for x in items)  # (cached look-ups first: the cue patterns are long)
    if not (tools * 2 >= len(items) or (tools >= 1 and len(items) >= 3)):
        return False
    return not (_cues().title.search(text) or _cues().company.search(text) or
                any(_is_location(x) or _STATE_CODE.match(x) for x in items))


# words that join the words of a name ("Hale & Birch", "Banco del Sur")
_CONNECTORS = PREPOSITIONS | NAME_PARTICLES | {"and", "&"}
# function words that carry a sentence on ("… Present and Computer Science", "a wide stack", "as a part of")
_GOES_ON_WORDS = PREPOSITIONS | ARTICLES | CONJUNCTIONS | {"as", "such", "which", "that", "while", "where", "including",
                                                           "into", "over", "under"}
_QUALIFIER = re.compile(r"[^\W\d_][\w-]*")


def _without_prose_after_title(part: str) -> str:
    """"Software Engineer" from "Software Engineer a wide technological stack": after the last title word, two or
    more words opening in lower case (not a joining word such as "of", "in") are the neighbouring column's
    description, glued on by a converter; a title in lower case keeps its words, and so does a title whose
    qualifiers follow it, as French, Spanish, Portuguese and Italian write them (two or three words, none of
    them a function word that carries a sentence on: "Desarrollador web full stack")."""
    if not part[:1].isupper() or not any(w[:1].islower() and w.lower() not in _CONNECTORS for w in part.split()[1:]):
        return part  # (no word in lower case to cut at: the title regex need not run)
    end = _title_end(part)  # (after the area a title heads: "Head of Cloud a wide technological stack")
    if end is None:
        return part
    tail = part[end:].split()
    if len(tail) < 2 or not tail[0][:1].islower() or tail[0].lower() in _CONNECTORS or not tail[0].isalpha():
        return part
    if len(tail) <= 3 and all(_QUALIFIER.fullmatch(w) and w.lower() not in _GOES_ON_WORDS for w in tail):
        return part  # "Développeur backend senior", "Ingénieur études et développement": qualifiers after the noun
    return part[:end]


def _without_side_tail(part: str) -> str:
    """"Developer" from "Developer Unity3D" or "Developer English -B2", "Machine Learning Engineer Intern" from
    "… Intern Prometheus,": after the last title word, a tool name or a language with its level is the neighbouring
    skills column's item glued on by a converter."""
    ends = _title_ends(part) if part[:1].isupper() and " " in part else []
    for end in ends:  # shortest first: "Head of Billing English -B2" (a language can name an occupation's area)
        tail = part[end:].strip(" ,;")
        if not tail or tail.startswith("("):
            return part
        lang = parse_language_item(tail)
        if _is_tool(tail) or _tool_list(tail) or (lang is not None and bool(lang.level) and tail.startswith(lang.name)):
            return part[:end]
    return part


@lru_cache(maxsize=1)
def _occupation_words() -> frozenset[str]:
    return frozenset(load("occupation_words")["occupation_words"])


_OF_AREA = re.compile(r"\s+(?:[Oo][Ff]|[Ff][Oo][Rr])\s+(?=[A-Z])")
_AREA_WORD = re.compile(r"\s*([A-Z][\w&/-]*|&)")
_BRACKETED_LEVEL = re.compile(r"\s*\([^()]{1,25}\)")


def _title_ends(part: str) -> list[int]:
    """Where the job title that opens ``part`` may end, shortest first: after its last title word outside
    brackets, then each word of the area it heads ("Head of Logistics", as far as the words are words occupations
    are named with — never an organisation word), then a bracketed level ("Infrastructure Technician (Lead)").
    Empty when ``part`` holds no title word."""
    cues = _cues()
    found = [m for m in cues.title.finditer(part) if part.count("(", 0, m.start()) <= part.count(")", 0, m.start())]
    if not found:
        return []
    end = found[-1].end()
    ends = [end]
    of = _OF_AREA.match(part, end)
    if of:
        pos, first = of.end(), True
        while (w := _AREA_WORD.match(part, pos)) is not None:
            word = w[1]
            if not first and (word.lower() not in _occupation_words() or cues.company.fullmatch(word)):
                break
            end = pos = w.end()
            ends = ends[1:] if first else ends
            ends.append(end)
            first = False
    level = _BRACKETED_LEVEL.match(part, ends[-1])
    return [*ends[:-1], level.end()] if level else ends


def _title_end(part: str) -> int | None:
    """Where the job title that opens ``part`` ends (the longest reading of :func:`_title_ends`)."""
    ends = _title_ends(part)
    return ends[-1] if ends else None


def _ends_with_title(part: str) -> bool:
    core = re.sub(r"\s*\([^()]*\)\s*$", "", part.strip())
    ends = [m.end() for m in _cues().title.finditer(core)]
    return bool(ends) and (ends[-1] == len(core) or _title_end(core) == len(core))


_LOWER_WORD = re.compile(r"[a-z]+\b")
_OPEN_SENTENCE_END = re.compile(r"[^.!?:;)]\Z")


# "Sogo Services ( Israel, Tel-Aviv) Im working as a Software Engineer with…": an employer with its place in
# brackets, then the neighbouring column's description glued on the same line
_PLACE_THEN_PROSE = re.compile(r"(?P<head>[^()]{2,60}\(\s*(?P<place>[^()]{2,40})\))\s+(?P<tail>[A-Z][^()]*)")


def _without_glued_prose(body: str) -> str:
    """``body`` without a description glued after an employer's bracketed place (the other column of a page
    converted line by line): the tail must read as prose (five or more words, most in lower case)."""
    if len(body) > 160:
        return body  # a paragraph, not a line of a narrow column with the other column glued on
    words = body.split()
    if len(words) >= 8 and words[0][:1].isupper() and (words[1][:1].isupper() or words[1] in _CONNECTORS):
        # "Software Engineer application as a part of the huge international team", "Head of Security telecom
        # carriers. I was able …": a title in title case, then the other column's sentence in lower case
        opening = " ".join(words[:7])  # the title is within the first words: no need to read the whole line
        title = _without_prose_after_title(opening)
        head = title.split()
        if title != opening and len(head) <= 5 and head[-1] not in _CONNECTORS and \
                all(w[:1].isupper() or not w[:1].isalpha() or w in _CONNECTORS for w in head) and \
                _prose(body[len(title):]):
            return title
    m = _PLACE_THEN_PROSE.fullmatch(body) if "(" in body else None
    if not m or not (_is_location(m["place"].strip()) or _country_and_places(m["place"])):
        return body
    words = m["tail"].split()
    if len(words) < 5 or sum(w[:1].islower() for w in words[1:]) * 3 < (len(words) - 1) * 2:
        return body
    return m["head"].strip()


def _lines(text: str, start: int, end: int) -> list[_Line]:
    out: list[_Line] = []
    prev: _Line | None = None  # the last non-blank line
    for s, e in lines_in(text, start, end):
        s, e = trim_span(text, s, e)
        raw = text[s:e]
        m = BULLET_RE.match(raw)
        bullet = bool(m and m.end() > 0)
        body = raw[m.end():].strip() if m else raw
        body = _without_glued_prose(body)
        cont = not bullet and prev is not None and bool(_LOWER_WORD.match(body)) and (
            prev.bullet or prev.cont or (len(prev.text) >= 60 and bool(_OPEN_SENTENCE_END.search(prev.text))))
        line = _Line(s, e, body, bullet, cont)
        out.append(line)
        if body:
            prev = line
    return out


def _headerish(line: _Line) -> bool:
    s = line.text
    if not s or line.bullet or line.cont or len(s) > 100 or len(s.split()) > 12:
        return False
    if _TITLE_LABEL.match(s) and len(s.split()) <= 8:
        return True  # "Role: Production manager."
    if s.endswith((".", ";", ":")) and not re.search(r"(?:inc|ltd|co|corp|jr|sr|llc)\.$|(?<![^\W\d_])(?:[a-z]\.){2,}$", s,
                                                     re.IGNORECASE) and \
            not (s.endswith(".") and len(s.split()) <= 8 and ". " not in s and s[0].isupper() and "," in s):
        return False  # a sentence; a short capitalised field list may still end with a full stop
    if _URL.match(s) or heading_name(s) or _prose(s):
        return False
    if _cues().detail_label.match(s):
        return False  # "Stack: Java, Swift", "Project: …", "Responsibilities: …": a described detail of the job
    if "," in s and _tool_list(s):
        return False  # "MySQL, Python, PostgreSQL": a skills list
    return not (s.split()[0].islower() and len(s.split()) > 4)  # ("iOS Developer – Zentaro Labs" is a header)




def _prose(s: str) -> bool:
    """A sentence of description ("Created from scratch a highly profitable business for…"), not a header:
    eight or more words, three in five of them in lower case."""
    words = [w for w in s.split() if w[:1].isalpha()]
    if len(words) < 8 or sum(w[0].islower() for w in words) * 5 < len(words) * 3:
        return False
    # a list of short fields ("Traverse avia service, air flights organization, Head engineer") is not prose
    return not all(len(chunk.split()) <= 4 for chunk in re.split(r"[,;|(]|\.\s", s))


def _body_start(text: str, section: Section) -> int:
    """Where a section's content begins: after its heading."""
    return body_start(text, section.start, section.end, section.heading)


def role_sections(sections: list[Section] | tuple[Section, ...]) -> list[Section]:
    """Sections that may hold roles: experience-like ones, or every non-education one when there are none."""
    chosen = [s for s in sections if s.name in ROLE_SECTIONS]
    if not any(s.name == "experience" for s in sections):
        chosen = [s for s in sections if s.name not in NOT_ROLE_SECTIONS]
    return chosen


# Sections a side column's heading opens in a two-column page converted line by line: their heading can fall
# inside the work history, which then goes on below it.
_SIDE_SECTIONS = ("languages", "interests", "summary", "skills", "references")


def _role_headers(text: str, start: int, end: int, today: date | None) -> list[tuple[str, int, str]]:
    """(shape, line start, words) of each role header among the lines of ``text[start:end]``: shape "dates_last"
    for a few words then a range of months ending the line ("Business analyst Oct 2017 - Oct 2018"), "dates_first"
    for a range of months opening the line then a few words ("JAN 2022 - APR 2022 FRONT END DEVELOPER")."""
    found: list[tuple[str, int, str]] = []
    for r in find_date_ranges(text[start:end], today=today):
        if r.start is None or r.start.month is None or not (r.current or (r.end is not None and r.end.month)):
            continue
        s, e = start + r.span[0], start + r.span[1]
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start:s].strip(" \t-–—|,")
        after = text[e:line_end].strip(" \t-–—|,:")
        if after == "" and 1 <= len(before.split()) <= 8 and not re.search(r"\d", before):
            found.append(("dates_last", line_start, before))
        elif before == "" and 1 <= len(after.split()) <= 6 and not re.search(r"[\d.;:!?]", after):
            found.append(("dates_first", line_start, after))
        elif before == "" and (after == "" or _DURATION.fullmatch(after)):
            # "Network Engineer" / "Feb 2017 - Sep 2018", perhaps with a line of the other column between them
            above_end = line_start - 1
            for _ in range(2):
                if above_end <= 0:
                    break
                above_start = text.rfind("\n", 0, above_end) + 1
                above = text[above_start:above_end].strip()
                if 1 <= len(above.split()) <= 6 and _cues().title.search(above) and not re.search(r"[\d.;:!?]", above):
                    found.append(("dates_alone", line_start, above))
                    break
                above_end = above_start - 1
    return found


def _continued_experience(
    text: str, sections: list[Section] | tuple[Section, ...], today: date | None
) -> list[Section]:
    """Each experience section stretched over the side-column sections right after it, up to the last one that
    still holds a role header ("Business analyst Oct 2017 - Oct 2018" below a "Languages" heading of the
    neighbouring column). A header opening with its dates counts when the experience section's own headers are
    written that way. An education section is crossed on the way to a later side section holding a role header
    (the side column's education block landing in the middle of the work history); inside an education section
    right after the work history, a header of the work history's own shape naming a job (a title word, no degree)
    opens a work-history block of its own, up to the next dated line."""
    out = list(sections)
    i = 0
    while i < len(out):
        if out[i].name == "experience":
            shapes = {shape for shape, _, _ in _role_headers(text, out[i].start, out[i].end, today)}
            accepted = {"dates_last", "dates_alone"} | (shapes & {"dates_first"})
            # entries written "Organisation:" / "Title" with no dates, when the work history itself has one
            named = bool(_NAME_COLON_LINE.search(text, out[i].start, out[i].end)) and \
                bool(_colon_named(_lines(text, out[i].start, out[i].end), set()))
            j = k = i + 1
            while k < len(out) and out[k].name in (*_SIDE_SECTIONS, "education"):
                k += 1
                side = out[k - 1]
                if side.name != "education" and (any(
                        shape in accepted for shape, _, _ in _role_headers(text, side.start, side.end, today))
                        or named and _colon_named(_lines(text, side.start, side.end), set())):
                    j = k
            if j > i + 1:
                out[i : j] = [Section("experience", out[i].heading, out[i].start, out[j - 1].end)]
            elif i + 1 < len(out) and out[i + 1].name == "education":
                out[i + 1 : i + 2] = _jobs_among_studies(text, out[i + 1], shapes, today)
        i += 1
    return out


def _jobs_among_studies(text: str, section: Section, shapes: set[str], today: date | None) -> list[Section]:
    """``section`` (education) with each job header of one of ``shapes`` cut out as an experience block of its own."""
    starts = sorted({line for _, line, _ in _role_headers(text, section.start, section.end, today)})
    jobs = [line for shape, line, words in _role_headers(text, section.start, section.end, today)
            if shape in shapes and _cues().title.search(words) and not has_degree(words)]
    if "dates_first" in shapes:
        # a start date alone opening the right-hand column, its title after it ("… | APRIL 2021 SQL FREELANCE")
        for ln in _lines(text, section.start, section.end):
            found = find_dates(ln.text, today=today) if ln.text and not ln.bullet else []
            if len(found) == 1 and isinstance(found[0], DateMention) and \
                    _start_opens_right_column(ln.text, found[0]) and not has_degree(ln.text):
                jobs.append(ln.start)
                starts.append(ln.start)
        jobs.sort()
        starts.sort()
    if not jobs:
        return [section]
    out: list[Section] = []
    at = section.start
    for line in jobs:
        later = [s for s in starts if s > line]
        stop = later[0] if later else section.end
        if line > at:
            out.append(Section("education", section.heading if at == section.start else "", at, line))
        out.append(Section("experience", "", line, stop))
        at = stop
    if at < section.end:
        out.append(Section("education", "", at, section.end))
    return out


def find_roles(text: str, sections: list[Section] | tuple[Section, ...], *, today: date | None = None) -> list[Role]:
    """Roles in ``text`` (whose ``sections`` come from ``find_sections``), in document order."""
    _cues().title.forget()  # what the last document's lines held
    roles: list[Role] = []
    text = _without_side_column(text)
    chosen = role_sections(_jobs_under_other_headings(text, _continued_experience(text, sections, today), today))
    for section in chosen:
        columns = _jobs_column(section)
        found = _column_roles(text, section, *columns, today) if columns else []
        found = found or _section_roles(text, section, today)
        if len(found) >= 2 and all(r.start and not r.title and not r.employer for r in found):
            found = _dates_column_headers(text, sections, section, found) or found
        roles.extend(found)
    return _dates_in_document_order(_fields_in_document_order(roles, text), text, today)


# between a header's two fields written side by side or one under the other: only separators ("X, Y", "X | Y",
# "X" / "Y"); a word there ("X at Y", "Company: Y") says which is which by itself
_HEADER_REACH = 600
_FIELD_GAP = re.compile(r"[\s,|/;()\-–—·•]*")


def _fields_order(text: str, r: Role, a: str, b: str) -> bool | None:
    """Whether ``a`` is written before ``b`` in the role's header with only separators between; None otherwise."""
    stop = min(r.span[1], r.span[0] + _HEADER_REACH)  # (the header opens the role's text: linear on long sections)
    i, j = text.find(a, r.span[0], stop), text.find(b, r.span[0], stop)
    if i < 0 or j < 0 or i == j:
        return None
    if i < j:
        return True if i + len(a) <= j and _FIELD_GAP.fullmatch(text, i + len(a), j) else None
    return False if j + len(b) <= i and _FIELD_GAP.fullmatch(text, j + len(b), i) else None


def _unknown_name(s: str) -> bool:
    """Neither a known title nor an organisation's name: the field could be either."""
    return not _cues().title.search(s) and not _cues().company.search(s)


_JOINERS = frozenset({"of", "and", "&", "the", "de", "du", "da", "von", "van", "for", "in", "on"})
_PLAIN_WORD = re.compile(r"[A-ZÀ-Ý][^\W\d_]*+(?:['’.-][^\W\d_]++)*+\.?")


def _plain_name(s: str) -> bool:
    """Two to five capitalised words ("Dough Whisperer", "Gantry Hill Builders"; a joining word between them in lower
    case), no school or degree: a name that could be a title no list knows or an employer."""
    words = s.split()
    return 2 <= len(words) <= 5 and all(_PLAIN_WORD.fullmatch(w) or 0 < k < len(words) - 1 and w in _JOINERS
                                        for k, w in enumerate(words)) and not has_institution(s) and not has_degree(s)


def _fields_in_document_order(roles: list[Role], text: str) -> list[Role]:
    """A title no list knows beside an employer with no organisation word ("Ostrander Mills" / "Dough Whisperer") is
    read in the order the document's other roles settle: employer first when its roles whose fields are clear (a known
    title, an organisation word) write the employer first, else the title first as the header reads."""
    ambiguous: list[tuple[int, bool]] = []
    untitled: list[int] = []  # "Gantry Hill Builders, Concrete Wrangler, 2014 - 2016": no title, an unknown name after
    first = {True: 0, False: 0}  # title first / employer first, among the clear roles
    for i, r in enumerate(roles):
        if not r.title and r.employer and r.location and _plain_name(r.location) and _unknown_name(r.location) and \
                not _is_location(r.location) and _fields_order(text, r, r.employer, r.location):
            untitled.append(i)
        if not r.title or not r.employer:
            continue
        order = _fields_order(text, r, r.title, r.employer)
        if order is None:
            continue
        if _unknown_name(r.title) and _unknown_name(r.employer) and _plain_name(r.title) and _plain_name(r.employer):
            ambiguous.append((i, order))
        elif _cues().title.search(r.title) and not _cues().company.search(r.title) or \
                _cues().company.search(r.employer) and not _cues().title.search(r.employer):
            first[order] += 1
    if not (ambiguous or untitled) or first[True] == first[False]:
        return roles
    title_first = first[True] > first[False]
    out = list(roles)
    if not title_first:
        for i in untitled:
            out[i] = replace(roles[i], title=roles[i].location, location="")
    for i, order in ambiguous:
        if order != title_first:
            out[i] = replace(roles[i], title=roles[i].employer, employer=roles[i].title)
    return out


_FULL_NUMERIC = re.compile(r"(?<!\d)\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d{2}(?!\d)")


def _dates_in_document_order(roles: list[Role], text: str, today: date | None) -> list[Role]:
    """A role whose numeric dates read either way ("01/03/2019 – Current") takes the order the document's other dates
    settle ("01/06/2016 – 28/02/2019": day first), not month first by default."""
    if not any(_FULL_NUMERIC.search(r.date_text) for r in roles):
        return roles  # (no day-precision numeric date: nothing to settle, the document is not scanned again)
    order = numeric_order(text, today=today)
    if order != "dmy":
        return roles
    out = []
    for r in roles:
        plain = find_date_ranges(r.date_text, today=today)
        ordered = find_date_ranges(r.date_text, today=today, order=order)
        if len(plain) == len(ordered) == 1 and (plain[0].start, plain[0].end) == (r.start, r.end):
            r = replace(r, start=ordered[0].start, end=ordered[0].end)
        out.append(r)
    return out


def _dates_column_headers(text: str, sections: list[Section] | tuple[Section, ...], dates_section: Section,
                          dated: list[Role]) -> list[Role] | None:
    """A PDF whose left column (headings and dates) was read before its main column: the work history's section
    holds only its ranges, and the roles' headers come later, each above its bullets, under the last heading of the
    left column. When the headers found there are exactly as many as the ranges, they are paired in order."""
    later = [s for s in sections if s.start >= dates_section.end and s.name not in ("education", "experience")]
    headers: list[Role] = []
    for sec in later:
        lines = _lines(text, _body_start(text, sec), sec.end)
        headers.extend(r for r in _undated_roles(lines, set(), []) if r.title and r.employer)
    if len(headers) != len(dated):
        return None
    return [Role(h.title, h.employer, h.location, d.start, d.end, d.current, d.date_text, h.span)
            for h, d in zip(headers, dated, strict=True)]


# Sections whose heading a work history can hide under when its own heading was not read ("My journey so far"
# after a skills list): they are searched for dated job headers.
_HOST_SECTIONS = ("skills", "summary", "languages")


def _jobs_under_other_headings(text: str, sections: list[Section], today: date | None) -> list[Section]:
    """``sections`` with the dated job headers found inside a skills, summary or other side section cut out as an
    experience section, from the first such header (or the unknown heading line right above it) to the section's
    end. A job header is a range of dates on a short line naming a job title, or alone beside such a line."""
    out: list[Section] = []
    for sec in sections:
        found = _first_job_header(text, sec, today) if sec.name in _HOST_SECTIONS else None
        if found is None:
            out.append(sec)
            continue
        cut, heading = found
        if cut > sec.start:
            out.append(Section(sec.name, sec.heading, sec.start, cut))
        out.append(Section("experience", heading, cut, sec.end))
    return out


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _first_job_header(text: str, sec: Section, today: date | None) -> tuple[int, str] | None:
    """Where the first dated job header of ``sec`` begins (see ``_jobs_under_other_headings``), with the unknown
    heading line it starts at (or ""), else None."""
    body = _body_start(text, sec)
    if body >= sec.end or not _YEAR.search(text, body, sec.end):
        return None
    ranges = find_date_ranges(text[body:sec.end], today=today)
    if not ranges:
        return None
    lines = _lines(text, body, sec.end)
    starts = [ln.start for ln in lines]
    cues = _cues()
    work_summary = sec.name == "summary" and _WORK_SUMMARY.search(sec.heading) is not None
    first_dated: int | None = None  # under a work summary: the first dated line that is no sentence
    for r in ranges:
        idx = bisect_right(starts, body + r.span[0]) - 1
        if idx < 0 or lines[idx].bullet:
            continue
        if work_summary and first_dated is None and len(lines[idx].text) <= _MAX_HEADER and \
                not _prose(lines[idx].text):
            first_dated = idx
        rest = _rest_of_line(text, lines[idx], (body + r.span[0], body + r.span[1]))
        above = next((ln.text for ln in reversed(lines[:idx]) if ln.text), "")
        below = next((ln.text for ln in lines[idx + 1:] if ln.text and ln.start >= body + r.span[1]), "")
        near = [rest] if rest else [above, below]
        header = next((h for h in near if h and len(h.split()) <= 14 and not _prose(h) and cues.title.search(h)
                       and not (has_degree(h) and not cues.company.search(h)) and not _tool_list(h)), None)
        if header is None:
            continue
        first = idx
        if not rest and header == above:
            first = max(i for i in range(idx) if lines[i].text)
        if work_summary:
            # its dated jobs are the work history: the first one begins at its dates, or its header lines above
            first = _header_block_top(lines, min(first, first_dated if first_dated is not None else first))
        above_at = first - 1
        while above_at >= 0 and not lines[above_at].text:
            above_at -= 1
        if above_at >= 0 and _unknown_heading(lines[above_at].text):
            return lines[above_at].start, lines[above_at].text
        return lines[first].start, ""
    return None


# "Experience Summary", "Career Summary", "Employment Summary": a summary heading naming work, whose dated jobs are
# the whole work history, their employer lines above the first title included
_WORK_SUMMARY = re.compile(r"\b(?:experience|employment|career|work|jobs?)\b", re.IGNORECASE)


def _header_block_top(lines: list[_Line], first: int) -> int:
    """The first line of the entry header that ends at ``lines[first]``: up to two short lines right above it (no
    blank line between) that are neither bullets, sentences nor tool lists ("Gantry Hill Builders, Boise, ID" over
    "Project Manager, Apr 2020 – Present")."""
    top = first
    while top > 0 and first - top < 2:
        line = lines[top - 1]
        words = line.text.split()
        if not line.text or line.bullet or len(words) > 8 or line.text.rstrip().endswith(".") or \
                _prose(line.text) or _tool_list(line.text):
            break
        top -= 1
    return top


def _unknown_heading(line: str) -> bool:
    """A short line that reads as a heading nobody listed ("My journey so far", "Career Path"): two to six words,
    capitalised first word, no digits, comma, job title or organisation word."""
    words = line.split()
    return 1 <= len(words) <= 6 and line[:1].isupper() and not re.search(r"[\d,;:|•]", line) and \
        not _cues().title.search(line) and not _cues().company.search(line) and not _is_location(line)


def _anchors(text: str, lines: list[_Line], start: int, end: int,
             today: date | None) -> list[tuple[int, DateRange, bool]]:
    """(line index, date range, whether the dates are on that line) for each dated entry header.

    Dates printed at the right margin can be merged by the text layer onto the first bullet under the
    header ("• Reduced render time by 75%…  June 2005 – Aug 2007"); they then belong to the header above.
    """
    found: list[tuple[int, DateRange, bool]] = []
    used: set[int] = set()
    ranges = find_date_ranges(text[start:end], today=today)
    line_starts = [ln.start for ln in lines]
    for r in ranges:
        s, e = start + r.span[0], start + r.span[1]
        idx = bisect_right(line_starts, s) - 1
        if idx < 0 or not lines[idx].start <= s < lines[idx].end + 1 or idx in used:
            continue
        line = lines[idx]
        dr = DateRange(r.start, r.end, r.current, r.text, (s, e))
        # a line this long is prose with dates in it, never an entry header (and is not re-read per date)
        if line.end - line.start <= _MAX_HEADER:
            rest = _rest_of_line(text, line, (s, e))
        elif s - line.start <= 150:
            # a header at the start of a long flattened line, its description after it: read a window of it
            rest = _rest_of_line(text, _Line(line.start, min(line.end, e + 200), line.text, line.bullet), (s, e))
        else:
            rest = "x" * _MAX_HEADER
        rest = _first_sentence(rest)
        if len(rest) > 110 and s == line.start + (len(text[line.start:line.end]) - len(line.text)):
            # "2020 – Present AviaBit Performed a developer role…": dates, a name, then the description at once
            rest = _name_before_sentence(rest)
        opens = s == line.start + (len(text[line.start:line.end]) - len(line.text))
        # "• 2021 – 2022: Software Engineer, Northern Meadow Media (Toronto)": a bulleted header opened by its dates
        dated_bullet = line.bullet and opens and (_cues().title.search(rest) or _cues().company.search(rest)) or \
            _worked_as(BULLET_RE.sub("", text[line.start:s], count=1).rstrip(_DATE_EDGE)) is not None
        if ((line.bullet or line.cont) and len(rest) > 40 and not dated_bullet) or len(rest) > 110 or \
                len(rest.split()) > 14 or \
                _prose(rest.split("  ")[0]):
            if text[e:line.end].strip(" \t)|") == "":
                above = next((j for j in range(idx - 1, -1, -1) if lines[j].text), None)
                if above is not None and above not in used and _headerish(lines[above]) and \
                        not find_date_ranges(lines[above].text, today=today):
                    used.add(above)
                    found.append((above, dr, False))
            continue
        used.add(idx)
        found.append((idx, dr, True))
    # a line holding any part of a range (its end wrapped onto the next line) is never a date alone
    in_ranges = {i for r in ranges for i in range(bisect_right(line_starts, start + r.span[0]) - 1,
                                                   bisect_right(line_starts, start + r.span[1] - 1))}
    found.extend(_start_only(text, lines, used | in_ranges, today))
    found.sort(key=lambda x: x[0])
    return found


_OPEN_DASH = re.compile(r"[ \t]*[-–—][ \t]")


@lru_cache(maxsize=1)
def _bare_month() -> re.Pattern[str]:
    """A month name with no year right after a date, followed by a gap: an end date whose year was lost."""
    return re.compile(r"[ \t]*[-–—]?[ \t]*" + month_names_pattern() + r"\.?(?=[ \t]{2,}|[ \t]*$)", re.IGNORECASE)


def _start_only(text: str, lines: list[_Line], used: set[int],
                today: date | None) -> list[tuple[int, DateRange, bool]]:
    """Entries dated by their start alone ("2018  Flexitech AVIA Israel", "2022 - EPAM Systems. Engineer."):
    a single date that opens a short header line. The end stays unknown, never invented. A single date
    followed by a dash and a sentence ("2018 -  Designed and deployed…") is an entry whose title was lost."""
    out: list[tuple[int, DateRange, bool]] = []
    for idx, line in enumerate(lines):
        if idx in used or line.bullet or line.cont or not line.text[:1].isalnum() or line.end - line.start > _MAX_HEADER:
            continue
        offset = line.start + (len(text[line.start:line.end]) - len(line.text))
        found = find_dates(line.text, today=today)
        if len(found) != 1 or not isinstance(found[0], DateMention):
            continue
        d = found[0]
        if d.span[0] != 0:
            if _start_ends_header(line.text, d):
                out.append((idx, DateRange(d.date, None, False, d.text, (offset + d.span[0], offset + d.span[1])),
                            True))
            elif _start_opens_right_column(line.text, d):
                # (what stands before the date is the other column's: the span opens the line so it is no header)
                out.append((idx, DateRange(d.date, None, False, d.text, (line.start, offset + d.span[1])), True))
            continue
        after = line.text[d.span[1]:]
        lost_end = _bare_month().match(after)
        if lost_end:  # "Jun 2019Oct  Front-end Developer": the end lost its year; it stays unknown
            after = after[lost_end.end():]
            d = DateMention(d.date, line.text[d.span[0]:d.span[1] + lost_end.end()],
                            (d.span[0], d.span[1] + lost_end.end()))
        if not after.strip(" .,;:)"):
            # a date alone on its line ("2021" under "Web Developer – Tessaly Systems"): the header is around it,
            # a line next to it naming a job title or an organisation (a year over a list of names is no role)
            if _header_next_to(lines, idx):
                out.append((idx, DateRange(d.date, None, False, d.text, (offset + d.span[0], offset + d.span[1])),
                            True))
            continue
        if after[:1].isalnum():
            continue
        dashed = bool(_OPEN_DASH.match(after))
        dr = DateRange(d.date, None, False, d.text, (offset + d.span[0], offset + d.span[1]))
        rest = _rest_of_line(text, line, dr.span)
        if not rest and dashed:
            out.append((idx, dr, True))  # the description follows at once: no title or employer survived
            continue
        if not rest or len(rest) > 110 or len(rest.split()) > 14 or not re.match(r"[A-Z0-9]", rest):
            continue
        out.append((idx, dr, True))
    return out


_MAX_HEADER = 400


def _header_next_to(lines: list[_Line], idx: int) -> bool:
    """Whether the nearest non-blank line above or below line ``idx`` is a short header naming a job title or an
    organisation."""
    cues = _cues()
    for step in (-1, 1):
        j = idx + step
        while 0 <= j < len(lines) and not lines[j].text:
            j += step
        if 0 <= j < len(lines) and _headerish(lines[j]) and (
                cues.title.search(lines[j].text) or cues.company.search(lines[j].text)):
            return True
    return False
_SINCE = re.compile(r"(?:since|from|starting|started|seit|desde|depuis|dal|od)\s*:?\s*\Z", re.IGNORECASE)
_BEFORE_LAST_DATE = re.compile(r"(?:\t|\s{2,}|\s*[,|–—-]\s*)\Z")


_COLUMN_SEP = re.compile(r"(?:\s+\|\s*|\t+|\s{2,})\Z")


def _start_opens_right_column(line: str, d: DateMention) -> bool:
    """"Saratov State Law Academy | APRIL 2021 SQL FREELANCE": a start date with a month opening the right-hand
    column (after a bar, tab or layout gap) and followed to the line's end by a short job title."""
    if d.date.month is None or not _COLUMN_SEP.search(line[:d.span[0]]):
        return False
    after = line[d.span[1]:].strip(" -–—:,")
    words = after.split()
    return 1 <= len(words) <= 6 and not re.search(r"[\d.;:!?]", after) and \
        all(w[:1].isupper() or not w[:1].isalpha() for w in words) and bool(_cues().title.search(after))


def _start_ends_header(line: str, d: DateMention) -> bool:
    """A single date alone on its line after "since"/"from" ("Since May 2019"), or ending a short header after a
    separator ("Scrum Master, VLGG Group, Toronto, Canada<TAB>May 2019"): the start of one role."""
    if line[d.span[1]:].strip(" .,;:)"):
        return False
    before = line[:d.span[0]]
    label = _SINCE.search(before)
    if label and not before[:label.start()].strip(" (,-–—"):
        return True
    if not _BEFORE_LAST_DATE.search(before):
        return False
    head = clean(before)
    return 1 <= len(head.split()) <= 14 and not _prose(head) and any(c.isupper() for c in head.split()[0]) and \
        bool(_cues().title.search(head) or _cues().company.search(head)) and \
        not (has_degree(head) and not _cues().title.search(head))
_DATE_EDGE = " \t\n([|,:–—-"
# a function word in lower case opens no header: the text after the dates carries on a sentence of the next column
_SENTENCE_GOES_ON = re.compile("(?:" + "|".join(sorted(_GOES_ON_WORDS, key=lambda w: (-len(w), w))) + r")\s")
_FROM_TAIL = re.compile(r"(?<![^\W_])(?:from|de|dal|du|von)\Z", re.IGNORECASE)
_LABEL_TAIL = re.compile(r"(?<!\S)(?:duration|period|dates?|tenure|worked|since|employment dates?|zeitraum|fechas|datas|"
                         r"p[ée]riode|periodo|start(?:ing)? date|date from|from date|fecha de inicio|data de in[íi]cio|"
                         r"date de d[ée]but|startdatum|beginn|per[íi]odo|dura[cç][ãa]o|duraci[óo]n|dur[ée]e|okres|"
                         r"periode)\Z", re.IGNORECASE)
_GAP = re.compile(r"\t+ *|   +")
_TWO_SPACES = re.compile(r"(?<=\S)  (?=\S)")


def _keep_gaps(part: str) -> str:
    """``clean`` each piece between tabs and runs of spaces, joined by two spaces, so layout gaps still split.

    Two spaces split only between pieces of two or more words each: inside a title they are a typing slip
    ("Fullstack  Java/JS Developer"), between columns a gap ("Samson Logic, Tel-Aviv  Full stack Developer")."""
    out: list[str] = []
    for piece in _GAP.split(part.replace(" ,", ",")):
        bits = _TWO_SPACES.split(piece)
        merged: list[str] = []
        for b in bits:
            if merged and (len(merged[-1].split()) < 2 or len(b.split()) < 2 or merged[-1].split()[-1][:1].islower()) \
                    and _cues().title.search(f"{merged[-1]} {b}") and not _cues().title.search(merged[-1]):
                merged[-1] = f"{merged[-1]} {b}"
            else:
                merged.append(b)
        out.extend(clean(x) for x in merged)
    return "  ".join(p for p in out if p)


def _first_sentence(rest: str) -> str:
    """"2012 - 2021, Network Engineer, , Moscow, Russia. Full cycle of SWAP projects…": a long header ends at its
    first full stop when what comes before it reads as a header."""
    if len(rest) <= 110:
        return rest
    head = re.split(r"(?<=[^\W\d_]{3})\.\s+(?=[A-Z])", rest, maxsplit=1)[0]
    return head if head != rest and len(head.split()) <= 12 and not _prose(head) else rest


def _name_before_sentence(rest: str) -> str:
    """"AviaBit" from "AviaBit Performed a developer role while…": the capitalised words before the first word that
    opens a run of lower-case words (the description); the whole text when there is no such name."""
    words = rest.split()
    if ":" in " ".join(words[:2]):
        return rest  # "Description: Publicis is…", "Role: …": a label opens the text, not a name
    for i in range(1, min(len(words) - 2, 7)):
        # the sentence opens with a capital and goes on in lower case, perhaps into a list ("Developed
        # applications: «Electronic Flight Bag»…"); a connector may join the name's words ("Hale & Birch",
        # "Bank of Lisbon") but neither opens nor ends it
        if words[i][:1].isupper() and words[i + 1][:1].islower() and \
                (words[i + 2][:1].islower() or words[i + 1].endswith(":")) and \
                _name_words(words[:i]) and ":" not in " ".join(words[:i]):
            return " ".join(words[:i])
    return rest


def _name_words(words: list[str]) -> bool:
    """Whether ``words`` can be a name: each capitalised or a number, a connector ("&", "of") only between two."""
    return all(w[:1].isupper() or w[:1].isdigit() or (0 < k < len(words) - 1 and w.lower() in _CONNECTORS)
               for k, w in enumerate(words))


_FIRST_TOKEN = re.compile(r"(\S+)\s+")
_HOST_PATH = re.compile(r"(?<=\S)\.(?:com|org|net|io)/")
_LAST_DOT_WORD = re.compile(r"\.\w+$")


def _is_side_token(tok: str) -> bool:
    """A web address or an e-mail address: "https://…", "www.…", "jane@mail.com", "linkedin.com/in/jane" (by
    string look-ups: a pattern over a long token of "@" and "." backtracked once per character)."""
    for scheme in ("http://", "https://", "www."):
        if tok.startswith(scheme) and len(tok) > len(scheme):
            return True
    dot = _LAST_DOT_WORD.search(tok)
    if dot is not None and tok.find("@", 1, dot.start() - 1) >= 0:
        return True
    return _HOST_PATH.search(tok) is not None


def _without_side_prefix(s: str) -> str:
    """A line of the work history without what the neighbouring column glued before it: a web address or e-mail
    ("www.linkedin.com/jane- ACME During…"), or a heading of that column in capitals ("LANGUAGES ACME Acme is…")."""
    first = _FIRST_TOKEN.match(s)
    if first is not None and _is_side_token(first.group(1)):
        s = s[first.end():]
    words = s.split()
    for n in (2, 1):
        head = " ".join(words[:n])
        if len(words) > n + 1 and all(w.isupper() and w.isalpha() for w in words[:n]) and \
                (heading_name(head) or heading_name(head[:-1]) if head.endswith("S") else heading_name(head)) in \
                _SIDE_SECTIONS + ("education", "contact"):
            return " ".join(words[n:])  # (a heading's plural too: "CONTACTS")
    return s


def _caps_name(s: str) -> str:
    """"NORNICKEL" from "NORNICKEL Norilsk Nikel is the world's…": a run of at most four words in capitals that
    opens a line in mixed case; empty when there is none."""
    words = s.split()
    n = 0
    while n < min(len(words), 5) and any(c.isalpha() for c in words[n]) and words[n].isupper():
        n += 1
    if 1 <= n <= 4 and len(words) > n + 2 and any(c.islower() for c in words[n]):
        return " ".join(words[:n])
    return ""


def _caps_then_sentence(line: str, caps: str) -> bool:
    """Whether a sentence follows the name in capitals: five or more words, most of them in lower case."""
    words = line[len(caps):].split()
    return len(words) >= 5 and sum(w[:1].islower() for w in words[1:]) * 2 >= len(words) - 1


def _worked_as(sentence: str) -> str | None:
    """A role written as a sentence up to its dates ("Working as Software Engineer at Acme Ltd, Pune", "Currently
    working with Acme Ltd as Team Lead") as a header ("Software Engineer at Acme Ltd, Pune"), else None."""
    for pattern in _cues().worked_as:
        m = pattern.fullmatch(sentence.strip())
        if m:
            employer = m.groupdict().get("employer")
            return f"{m['title']} at {employer}" if employer else m["title"]
    return None


def _rest_of_line(text: str, line: _Line, span: tuple[int, int]) -> str:
    """The header text on a dated line without its dates (string methods and anchored patterns: linear time)."""
    raw = text[line.start:line.end]
    a, b = span[0] - line.start, span[1] - line.start
    before, after = raw[:max(a, 0)], raw[max(b, 0):]
    before = BULLET_RE.sub("", before, count=1).rstrip(_DATE_EDGE)
    m = _FROM_TAIL.search(before)
    if m:
        before = before[:m.start()].rstrip(_DATE_EDGE)
    m = _LABEL_TAIL.search(before)
    if m:
        before = before[:m.start()].rstrip()
    before = _worked_as(before) or before
    after = after.lstrip(" \t\n)]|,:–—-")  # "[ 01/03/2019 – Current ] Title": Europass brackets its dates
    if after.startswith("("):
        close = after.find(")")
        if close != -1 and "(" not in after[1:close]:
            after = after[close + 1:]  # "(on leave since 2026)", "(contract)": a remark on the dates
    if _tool_list(after):
        after = ""  # "June 2019 - Dec 2019 - Java, Apache Camel, Hibernate": the stack used, not the header
    elif after[:1].isalnum() and any(r.span[0] == 0 for r in find_date_ranges(after)):
        after = ""  # "2013 - 2017 January 2022 - present": the dates of the column beside, no part of the header
    parts = [_keep_gaps(_DURATION.sub(" ", p)) for p in (before, after)]
    if parts[1] and _SENTENCE_GOES_ON.match(parts[1]):
        # "… Oct 2018 - Present and Computer Science (2011 2015)", "Feb 2015 - Dec 2015 as proper configuration
        # management": the next column's line goes on
        parts[1] = ""
    opening = _name_before_sentence(parts[1]) if parts[1] else ""
    if parts[1] and _first_sentence(parts[1]) != parts[1] and not (opening != parts[1] and len(opening.split()) <= 5):
        parts[1] = _first_sentence(parts[1])
    elif parts[1] and _prose(parts[1].split("  ")[0]):
        # "Oct 2018 - Mar 2022  Created from scratch a business…": the description starts after the dates, perhaps
        # after a name ("2020 – Present AviaBit Performed a developer role…")
        name = _name_before_sentence(parts[1])
        parts[1] = name if name != parts[1] and len(name.split()) <= 5 else ""
    return "  ".join(p for p in parts if p)


def _side_item(line: _Line) -> bool:
    """A line that is one item of a neighbouring skills or languages column: a tool name ("Kubernetes", "Spring
    Boot,"), a list of tools, or a language with its level ("Spanish – native")."""
    s = line.text.rstrip(",;")
    if not s or line.bullet or len(s.split()) > 4:
        return False
    if _is_tool(s) or _tool_list(s):
        return True
    lang = parse_language_item(s)
    return lang is not None and bool(lang.level) and lang.name == s[:len(lang.name)]


def _without_side_column(text: str) -> str:
    """``text`` with the items of a side column blanked out (same length, so every offset still holds) when a
    converter interleaved that column line by line with the work history: three or more such items each two lines
    from another one ("Kubernetes" / "Apr 2023 –" / "Django" / "Current" / "SOFTWARE ENGINEER …"). An item's line
    break goes too, so a range it cut in two reads whole again. A tool name on a line of its own elsewhere stays."""
    if text.count("\n") < 8:
        return text
    lines = [ln for ln in _lines(text, 0, len(text)) if ln.text]
    side = [_side_item(ln) for ln in lines]
    drop = [ln for i, ln in enumerate(lines) if side[i] and (
        (i >= 2 and side[i - 2] and not side[i - 1]) or (i + 2 < len(side) and side[i + 2] and not side[i + 1]))]
    if len(drop) < 3:
        return text
    out = list(text)
    for ln in drop:
        end = ln.end + 1 if text[ln.end:ln.end + 1] == "\n" else ln.end
        out[ln.start:end] = " " * (end - ln.start)
    return "".join(out)


# Columns printed side by side and converted line by line, every line joining one piece of each column with single
# spaces ("PROFESSIONAL SUMMARY EDUCATION WORK HISTORY" / "… prose … degree words … Acme Ltd"): the heading line
# names three sections or more, in column order, and the work history's column is the one its heading stands in.
_MIN_COLUMNS = 3
_MAX_PIECE_WORDS = 7


def _jobs_column(section: Section) -> tuple[int, int] | None:
    """(position, count) of the work history's column when ``section`` opens under a heading line naming three
    sections or more side by side, one of them the work history; None otherwise."""
    if not section.heading or len(section.heading) > 120:
        return None
    names = heading_names(section.heading)
    if len(names) < _MIN_COLUMNS or names.count("experience") != 1:
        return None
    return names.index("experience"), len(names)


def _name_word(w: str) -> bool:
    return w[:1].isupper() or w == "&" or bool(_cues().suffix_only.fullmatch(w.lower()))


def _clear_edge(w: str | None) -> bool:
    """Whether a word next to a run of capitalised words ends another column's piece for sure: no word (the line's
    edge), a word with a digit (a year), a word closing a sentence or a clause, or a word in lower case that does not
    carry a phrase on into the run ("and", "of", "in" do: "Master degree of Computer Acme Ltd"). A comma does not
    end a piece for sure: another column's list may go on ("Figma, Sketch Lead Designer")."""
    if w is None:
        return True
    if any(c.isdigit() for c in w) or w[-1:] in ".;:!?)":
        return True
    return w[:1].islower() and w.lower() not in _GOES_ON_WORDS


def _closes_run(w: str) -> bool:
    """A word that ends a clause ("Swift;", "shops,", "quality.") closes a run; a legal form's full stop does not."""
    return w[-1:] in ",;:!?" or w.endswith(".") and not _cues().suffix_only.fullmatch(w.lower())


def _name_runs(words: list[str]) -> list[tuple[int, int]]:
    """Maximal runs ``[a, b)`` of a line's words that can be a name or a job title: capitalised words, legal forms,
    "&", a joining word between two of them ("Head of Sales") and a title's head word in lower case closing it
    ("QA Automation engineer")."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        if not _name_word(words[i]) or any(c.isdigit() for c in words[i]):
            i += 1
            continue
        j = i + 1
        while j < n and not _closes_run(words[j - 1]):
            w = words[j]
            if any(c.isdigit() for c in w):
                break
            # ("and" is no joining word here: "… and Information Systems" goes on another column's phrase)
            if _name_word(w) or w.lower() in _CONNECTORS and w.lower() != "and" and j + 1 < n and \
                    _name_word(words[j + 1]):
                j += 1
            elif _cues().title.fullmatch(w.rstrip(",;")) is not None:
                j += 1
                break
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _column_piece(line: str, pos: int, count: int, known: set[str]) -> tuple[str, bool] | None:
    """The work-history column's piece of a header line (a title or an employer) and whether its edges are sure,
    or None. The piece ends the line when the column is the rightmost, opens it when the leftmost, and is the one
    run between clear edges otherwise (cut after its last title or organisation word when the next column's words
    may be glued on); a school's name before it ("… Ural State University Acme Ltd") is the education column's.
    When another column's phrase may run into it ("… degree of Computer Acme Ltd"), the piece is the longest tail
    of the run read elsewhere with sure edges (``known``), else nothing: the field is left empty, never guessed."""
    words = line.split()
    if not words or len(words) > 40:
        return None
    runs = _name_runs(words)
    if pos == count - 1:
        runs = [r for r in runs if r[1] == len(words)]
    elif pos == 0:
        runs = [r for r in runs if r[0] == 0]
    else:
        cut: list[tuple[int, int]] = []
        for a, b in runs:
            if a == 0 or b - a < 2 and len(words[a]) < 3:
                continue  # (the left column's piece opens the line)
            if not _clear_edge(words[b] if b < len(words) else None):
                ends = [k + 1 for k in range(a, b) if _cues().title.fullmatch(words[k].rstrip(",;")) or
                        _cues().company.fullmatch(words[k].rstrip(",;"))]
                if not ends:
                    continue
                b = ends[-1]
            cut.append((a, b))
        runs = cut
    if len(runs) != 1:
        return None
    a, b = runs[0]
    schools = [k for k in range(a, b) if has_institution(words[k])]
    if schools:
        a = schools[-1] + 1  # the education column's school ends where the piece begins
        if a >= b or words[a].lower() in _CONNECTORS:
            return None
    elif b - a > _MAX_PIECE_WORDS:
        a = b - _MAX_PIECE_WORDS
    sure = bool(schools) or _clear_edge(words[a - 1] if a > 0 else None)
    if not sure:
        tails = [" ".join(words[k:b]) for k in range(a, b)]
        tail = next((t for t in tails if clean(t).casefold() in known), None)
        return (clean(tail), True) if tail is not None else None
    piece = clean(" ".join(words[a:b]))
    if len(piece) < 2 or _is_tool(piece) or _tool_list(piece) or has_degree(piece) and not _ends_with_title(piece):
        return None
    return piece, True


def _column_range(line: str, pos: int, count: int, today: date | None) -> DateRange | None:
    """The work-history column's dates on ``line``: a range of months (or one running to now) that ends the line
    when the column is the rightmost, opens it when the leftmost; the only such range on the line otherwise."""
    ranges = [r for r in find_date_ranges(line, today=today)
              if r.start is not None and (r.start.month is not None or r.current)]
    if not ranges:
        return None
    if pos == count - 1:
        r = ranges[-1]
        return r if not line[r.span[1]:].strip(" .,;|") else None
    if pos == 0:
        r = ranges[0]
        return r if not line[:r.span[0]].strip(" |") else None
    return ranges[0] if len(ranges) == 1 else None


def _column_roles(text: str, section: Section, pos: int, count: int, today: date | None) -> list[Role]:
    """Roles of a work history printed as one of three columns or more whose lines a converter joined: each role's
    dates are a range in the column's place on a line, its title and employer the column's pieces of the two lines
    above (a title word tells the title); a title alone right under the last role's dates is the next position at
    the same employer. A line whose piece cannot be told apart from its neighbours' gives no field."""
    body = _body_start(text, section)
    lines = [ln for ln in _lines(text, body, section.end) if ln.text]
    # the words of the document's headline and of the pieces with sure edges: a title read there settles a piece
    # another column's phrase may run into
    known: set[str] = set()
    for ln in _lines(text, 0, min(section.start, 400))[:3]:
        if ln.text and len(ln.text.split()) <= 6:
            known.add(clean(ln.text).casefold())
    for ln in lines:
        got = _column_piece(ln.text, pos, count, set())
        if got is not None and got[1]:
            known.add(got[0].casefold())
    roles: list[Role] = []
    prev = -1
    for idx, ln in enumerate(lines):
        dr = _column_range(ln.text, pos, count, today)
        if dr is None:
            continue
        pieces: list[str] = []
        top = idx
        for j in range(idx - 1, prev, -1):
            if len(pieces) == 2:
                break
            got = _column_piece(lines[j].text, pos, count, known)
            if got is not None:
                pieces.insert(0, got[0])
                top = j
        title = employer = ""
        for piece in reversed(pieces):  # the piece nearer the dates takes the title when both read as one
            if not title and _cues().title.search(piece) and not _cues().suffix_only.search(piece):
                title = piece
            elif not employer:
                employer = piece
        if not title and not employer:
            prev = idx
            continue
        if not employer and title and roles and prev >= 0 and idx - prev == 2 and len(pieces) == 1:
            employer = roles[-1].employer  # a further position under the employer of the role above
        roles.append(Role(title=title, employer=employer, location="", start=dr.start, end=dr.end,
                          current=dr.current, date_text=re.sub(r"\s+", " ", dr.text).strip(),
                          span=(lines[top].start, ln.end)))
        prev = idx
    return _with_following_spans(text, section, roles) if roles else []


def _section_roles(text: str, section: Section, today: date | None) -> list[Role]:
    body = _body_start(text, section)
    lines = _lines(text, body, section.end)
    anchors = _anchors(text, lines, body, section.end, today)
    if not anchors:
        if section.name != "experience":
            return []
        return _with_following_spans(text, section, _undated_roles(lines, set(), []))
    first_idx = anchors[0][0]
    before = [ln for ln in lines[:first_idx] if ln.text]
    trailing_dates = bool(before) and _headerish(before[0]) and any(
        ln.bullet or len(ln.text) > 100 for ln in before[1:])
    # the first entry opens the section with its dates on their own line ("seit 03/2020" / "Developer, Acme GmbH"):
    # the work history is written dates first, so the lines right above a later entry's dates are the description
    # of the entry before it (a line without bullet or full stop, "Betreuung der Kunden", reads like a header)
    dates_first = not before and anchors[0][2] and not _rest_of_line(text, lines[first_idx], anchors[0][1].span)
    roles: list[Role] = []
    used: set[int] = set()
    named: dict[int, str] = {}  # header lines of which only the opening name is a field
    group = ""  # the employer whose positions follow under its name and total time (LinkedIn's export)
    for k, (idx, dr, on_line) in enumerate(anchors):
        prev_idx = anchors[k - 1][0] if k else -1
        line = lines[idx]
        # the last line the dates reach ("Dec 2021 –" / "Current": a range wrapped onto the next line)
        last = idx
        while on_line and last + 1 < len(lines) and lines[last + 1].start < dr.span[1]:
            last += 1
        rest = _first_sentence(_rest_of_line(text, line, dr.span)) if on_line else clean(line.text)
        units: list[str] = []
        header_lines: list[int] = []
        grouped = False  # a time at the employer (not at the position) stands among the header's lines
        if trailing_dates:
            block = [i for i in range(prev_idx + 1, idx) if lines[i].text]
            if block and _headerish(lines[block[0]]):
                header_lines.append(block[0])
            if len(block) > 1 and _headerish(lines[block[-1]]) and block[-1] != block[0]:
                header_lines.append(block[-1])
            span_start = lines[block[0]].start if block else line.start
            span_end = line.end
            if k + 1 == len(anchors):
                span_end = section.end
        elif not rest and (labelled := _labelled_fields_above(lines, idx, prev_idx)):
            named.update(labelled)  # "Organisation: …" / "Designation: …" / "Duration: …": the form's fields above
            header_lines = sorted(labelled)
            span_start, span_end = lines[header_lines[0]].start, section.end
        elif not rest and (labelled := _labelled_fields(lines, last, anchors[k + 1][0] if k + 1 < len(anchors)
                                                         else len(lines))):
            named.update(labelled)  # a form: the labelled title and employer below the dates are the header
            header_lines = sorted(labelled)
            span_start, span_end = line.start, section.end
        else:
            rest_units = _split_units(rest)
            nxt_anchor = anchors[k + 1][0] if k + 1 < len(anchors) else len(lines)
            max_above = 0 if len(rest_units) >= 2 or dates_first and not rest_units and \
                _header_below(lines, last, nxt_anchor) else (1 if rest_units else 2)
            j = idx - 1
            above: list[int] = []
            counted = 0
            while j > prev_idx and counted < max_above:
                if not lines[j].text or (j == idx - 1 and heading_name(lines[j].text) in _SIDE_SECTIONS):
                    # (a side column's heading right above the dates: two columns interleaved)
                    j -= 1
                    continue
                if _DURATION_LINE.fullmatch(lines[j].text):
                    # "Acme Ltd" / "5 years 9 months" / "Lead Engineer": the time at an employer over its positions
                    grouped = True
                    j -= 1
                    continue
                if _headerish(lines[j]) and not (has_degree(lines[j].text) and not _cues().company.search(lines[j].text)
                                                 and rest_units and _cues().title.search(rest)):
                    # (a degree line above a titled, dated line is the education column beside it)
                    above.insert(0, j)
                    # a line that is only a place ("Kathmandu, Nepal") does not use up the title/employer budget
                    counted += not _is_location(_LABELS.sub("", lines[j].text))
                    kept = [u for u in _split_units(lines[j].text) if not _tool_list(u)]
                    if len(above) == 1 and (len(kept) >= 2 or "," in " ".join(kept)) and \
                            _cues().title.search(lines[j].text):
                        break  # "Advalange,Moscow Developer" right above the dates is the whole header: the line
                        # above it belongs to the other column ("Shaders/ URP /HDRP")
                    j -= 1
                    continue
                break
            if group and len(above) == 2 and _sentence_line(lines[above[0]].text):
                above = above[1:]  # (in a group, a sentence above a position's title describes the position before)
            header_lines.extend(above)
            only_title = len(above) == 1 and not rest_units and bool(_cues().title.search(lines[above[0]].text)) and \
                (not _cues().company.search(lines[above[0]].text) or _ends_with_title(lines[above[0]].text)) and \
                "," not in lines[above[0]].text  # ("Logistics Scientist (Staff)": a company word, a title last)
            if len(rest_units) < 2 and (not above or only_title) and not (group and only_title):
                # dates first (or title and dates on one line), then the rest of the header below (not for the next
                # position of a group: the line under its dates is its place, its employer the group's)
                j = last + 1
                nxt = anchors[k + 1][0] if k + 1 < len(anchors) else len(lines)
                whole = False  # a line below already named both the title and the employer
                while j < nxt and len(header_lines) < 2 - len(rest_units):
                    if not lines[j].text or heading_name(lines[j].text):
                        # (a side column's heading between the dates and the employer: two columns interleaved)
                        j += 1
                        continue
                    site = _NAME_THEN_SITE.match(lines[j].text)
                    if site and not lines[j].bullet:
                        named[j] = site.group(1).strip()  # "Mvideo-Eldorado,www.mvideo.ru, one of the biggest…"
                        header_lines.append(j)
                        break
                    own = _without_side_prefix(lines[j].text)
                    caps = _caps_name(own) if rest.isupper() and not lines[j].bullet else ""
                    if caps and _caps_then_sentence(own, caps):
                        # "LANGUAGES ACME LTD Acme is the largest…": the employer in capitals (an organisation
                        # word in it or not), then the other column's sentence, under a header in capitals
                        named[j] = caps
                        header_lines.append(j)
                        break
                    if not _headerish(lines[j]):
                        name = caps or (_name_before_sentence(own) if not lines[j].bullet else lines[j].text)
                        if name != lines[j].text and len(name.split()) <= 5:
                            named[j] = name  # "Aviabit Developed applications: …": the employer opens the text
                            header_lines.append(j)
                        break
                    if whole and not _is_location(_LABELS.sub("", lines[j].text)):
                        break  # ("Team Lead, Wexley Analytics, Gdansk" / a description line with neither bullet nor stop)
                    header_lines.append(j)
                    whole = _whole_header(lines[j].text)
                    j += 1
            nxt = anchors[k + 1][0] if k + 1 < len(anchors) else len(lines)
            if header_lines and not any(_cues().title.search(lines[i].text) for i in header_lines) and \
                    not _cues().title.search(rest):
                # "Company / dates / Title": the title is the first line under the dates
                below = _title_below(lines, last, nxt, max_words=8, first_only=True)
                if below is not None:
                    header_lines.append(below)
                else:
                    # two columns interleaved by a converter: the title sits a line or two higher, with a line
                    # of the other column ("Python") between it and the dates
                    below_dates = min(header_lines) > idx  # the employer's line under the dates stays
                    higher = _title_above(lines, idx if below_dates else min(header_lines), prev_idx)
                    if higher is not None:
                        header_lines = [higher, *header_lines] if below_dates else [higher]
            elif not header_lines and len(rest_units) >= 2 and not _cues().title.search(rest):
                # "Bright Grain Health — Tallinn  09.2021 - 10.2025" / "Scrum Master": employer and place beside
                # the dates, the title on the line below
                below = _title_below(lines, last, nxt, max_words=8, first_only=True)
                if below is not None:
                    header_lines.append(below)
            span_start = min([lines[i].start for i in header_lines] + [line.start])
            span_end = section.end
        units = [named.get(i, lines[i].text) for i in header_lines if i < idx]
        if rest:
            units.append(rest)
        units.extend(named.get(i, lines[i].text) for i in header_lines if i > idx)
        title, employer, location = split_header(units)
        if not title:
            below = _title_below(lines, last, anchors[k + 1][0] if k + 1 < len(anchors) else len(lines))
            title = clean(_TITLE_LABEL.sub("", lines[below].text)) if below is not None else ""
        if title and not employer and k + 1 < len(anchors) and not _cues().title.search(title) and \
                _within(anchors[k + 1][1], dr) and _cues().title.search(lines[anchors[k + 1][0]].text):
            # "Calvera Payments  Jun 2015 – Dec 2016" / "Junior Developer (Jun 2015 – Dec 2016)": a name that is no
            # job title, dated over the titled entry after it, is the employer the positions are written under
            title, employer = "", title
        if not trailing_dates:
            if grouped and employer:
                group = employer
            elif employer:
                group = ""
            elif title and group and len([u for u in units if not _is_location(u)]) <= 1:
                employer = group  # the next position of the employer whose total time was written under its name
        if not employer and title and roles and len(units) <= 1:
            # a position written under an employer whose dates cover it ("2008 – 2022 Gorbank" … "2010 – 2015. Developer")
            outer = next((r for r in reversed(roles) if r.employer and _covers(r, dr)), None) or (
                roles[-1] if roles[-1].employer and _promoted_from(roles[-1], dr) else None)
            if outer is not None:
                employer = outer.employer
        used.update(header_lines)
        used.add(idx)
        roles.append(Role(title=title, employer=employer, location=location, start=dr.start, end=dr.end,
                          current=dr.current, date_text=re.sub(r"\s+", " ", dr.text).strip(),
                          span=(span_start, span_end)))
    roles = _without_employer_lines(_places_out_of_titles(roles))
    # in dates-first / header-above layouts each role runs until the next one begins
    if not trailing_dates:
        if section.name == "experience":
            # Indeed-style "Title / Company - City -" entries written without dates are roles too
            roles = _undated_roles(lines, used, roles)
        roles = _with_following_spans(text, section, roles)
    else:
        roles = [_with_span(r, trim_span(text, *r.span)) for r in roles]
    return roles


def _header_below(lines: list[_Line], last: int, stop: int) -> bool:
    """Whether the first line under the dates (past blank lines and headings of a side column, before ``stop``)
    reads as a header: a dates-first entry's title or employer."""
    below = next((ln for ln in lines[last + 1:stop] if ln.text and not heading_name(ln.text)), None)
    return below is not None and _headerish(below)


_CANONICAL_LABEL = {"title": "Title: ", "employer": "Employer: "}


def _labelled_fields(lines: list[_Line], last: int, stop: int) -> dict[int, str]:
    """The header of a form-like entry whose fields follow its dates in a label column (the Europass CV: "Dates |
    01/2019 – present" / "Occupation or position held | Developer" / "Main activities … | …" / "Name and address of
    employer | Acme Ltd, 1 Main St, Leeds"): {line: the value under the label ``split_header`` reads ("Title: Developer",
    "Employer: Acme Ltd, …")} for the first title and employer labels among the eight lines below the dates, before
    the next entry; empty unless a title label is among them."""
    found: dict[int, str] = {}
    fields: set[str] = set()
    for j in range(last + 1, min(stop, last + 9)):
        ln = lines[j]
        if not ln.text or ln.bullet:
            continue
        label = _field_label(ln.text, skip=fields)
        if label is not None:
            fields.add(label[0])
            found[j] = label[1]
    return found if "title" in fields else {}


def _labelled_fields_above(lines: list[_Line], idx: int, prev_idx: int) -> dict[int, str]:
    """The header of a form-like entry whose labelled fields come before its labelled dates ("Organisation: Acme Ltd"
    / "Designation: Developer" / "Duration: May 2019 – till date", as Indian résumés write them): {line: the value
    under the label ``split_header`` reads} for the labelled lines right above the dates, back to a line without a
    label; empty unless a title label is among them."""
    found: dict[int, str] = {}
    fields: set[str] = set()
    j = idx - 1
    while j > prev_idx and (not lines[j].text or not lines[j].bullet):
        ln = lines[j]
        j -= 1
        if not ln.text:
            continue
        label = _field_label(ln.text)
        if label is None:
            if _LABELS.match(ln.text):
                continue  # ("Location: Pune" among the fields)
            break
        if label[0] not in fields:
            fields.add(label[0])
            found[j + 1] = label[1]
    return found if "title" in fields else {}


def _field_label(text: str, skip: set[str] | frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """The form field a line fills ("title" or "employer"; none of ``skip``) and its value under the label
    ``split_header`` reads ("Designation: Developer" → ("title", "Title: Developer")); None when the line starts with
    no such field's label."""
    for field, pattern in _cues().field_label.items():
        if field in skip:
            continue
        m = pattern.match(text)
        if m:
            return field, _CANONICAL_LABEL[field] + text[m.end():]
    return None


# a time written alone on its line: "5 years 9 months", "1 yr 3 mos", "(2 years)"
_DURATION_LINE = re.compile(r"\(?\d{1,2}\+?\s*(?:years?|yrs?)(?:\s+\d{1,2}\s*(?:months?|mos?))?\)?|"
                            r"\(?\d{1,2}\s*(?:months?|mos?)\)?", re.IGNORECASE)


def _whole_header(text: str) -> bool:
    """"Team Lead, Wexley Analytics, Gdansk": a line naming a job title and, in another part, a name that is neither a
    title nor a place."""
    cues = _cues()
    parts = [p for unit in _split_units(text) for p in _comma_parts(unit)]
    return len(parts) >= 2 and any(cues.title.search(p) for p in parts) and \
        any(not cues.title.search(p) and not _is_location(p) for p in parts)


def _sentence_line(text: str) -> bool:
    """"Tested REST APIs for partners with Redis, Selenium.": four or more words ending with a full stop that closes
    no abbreviation or legal suffix ("Acme Holdings Inc.")."""
    return text.endswith(".") and len(text.split()) >= 4 and not _ABBREV_END.search(text[:-1]) and \
        not _cues().suffix_only.fullmatch(text.split()[-1])


def _within(inner: DateRange, outer: DateRange) -> bool:
    """Whether ``inner`` lies within ``outer`` (both started)."""
    return _covers(Role("", start=outer.start, end=outer.end, current=outer.current), inner)


def _without_employer_lines(roles: list[Role]) -> list[Role]:
    """``roles`` without the dated line of an employer over its positions ("Zentaro Labs  Jan 2017 – Present" above
    "Lead Engineer (May 2022 – Present)", …): a role with no title, followed by a titled role of the same employer
    within its dates. The positions carry the employer."""
    out = []
    for k, r in enumerate(roles):
        nxt = roles[k + 1] if k + 1 < len(roles) else None
        if not r.title and r.employer and nxt is not None and nxt.title and nxt.employer == r.employer and \
                nxt.start is not None and _covers(r, DateRange(nxt.start, nxt.end, nxt.current, "", nxt.span)):
            continue
        out.append(r)
    return out


def _places_out_of_titles(roles: list[Role]) -> list[Role]:
    """A place the section names as a role's location opening another role's title is that role's location
    ("Advalange,Moscow Developer" beside "Artteam,Moscow / Developer": title Developer, location Moscow)."""
    places = {p.strip() for r in roles for p in r.location.split(",") if p.strip()}
    if not places:
        return roles
    out = []
    for r in roles:
        first = r.title.split(" ", 1)
        if len(first) == 2 and first[0] in places and _cues().title.search(first[1]) and not r.location:
            r = Role(first[1], r.employer, first[0], r.start, r.end, r.current, r.date_text, r.span)
        out.append(r)
    return out


def _covers(outer: Role, dr: DateRange) -> bool:
    """True when ``outer``'s dates include the range ``dr`` (month precision when both give months)."""
    if outer.start is None or dr.start is None:
        return False
    if dr.start.months_index() < outer.start.months_index():
        return False
    if outer.current or outer.end is None and outer.start is not None and outer.current:
        return True
    if outer.end is None:
        return False
    end = dr.end or dr.start
    return dr.current is False and end.months_index(end=True) <= outer.end.months_index(end=True)


def _promoted_from(later: Role, dr: DateRange) -> bool:
    """True when ``dr`` ends where ``later`` starts (the position before a promotion at the same employer)."""
    if later.start is None or dr.end is None or dr.current:
        return False
    if later.start.month is None or dr.end.month is None:
        return later.start.year == dr.end.year
    return 0 <= later.start.months_index() - dr.end.months_index() <= 1


def _with_following_spans(text: str, section: Section, roles: list[Role]) -> list[Role]:
    fixed = []
    for k, role in enumerate(roles):
        end = roles[k + 1].span[0] if k + 1 < len(roles) else section.end
        s, e = trim_span(text, role.span[0], max(end, role.span[0]))
        fixed.append(_with_span(role, (s, e)))
    return fixed


def _undated_roles(lines: list[_Line], used: set[int], roles: list[Role]) -> list[Role]:
    """``roles`` (the dated ones) with the entries of the section written without dates, in document order."""
    found = list(roles)
    used = set(used)
    pairs = _undated_headers(lines, used)
    for i, j in pairs:
        role = _undated_role(lines, i, j)
        below = next((ln for ln in lines[j + 1:] if ln.text), None)
        if below is not None and _DATE_LABEL.match(below.text) and _OPEN_END.search(below.text):
            role = Role(role.title, role.employer, role.location, current=True, span=role.span)
        found.append(role)
    used.update(x for pair in pairs for x in pair)
    for i, j, employer, title in _colon_named(lines, used):
        found.append(Role(title=title, employer=employer, span=(lines[i].start, lines[j].end)))
        used.update((i, j))
    found.extend(_undated_lines(lines, used, [r.span[0] for r in found]))
    found.sort(key=lambda r: r.span[0])
    return found


# a line of dates the date grammar cannot read ("Date: Month 20XX – Ongoing  Location: Location")
_DATE_LABEL = re.compile(r"(?:dates?|period|duration|tenure)\s*:", re.IGNORECASE)
_OPEN_END = re.compile(r"[-–—]\s*(?:ongoing|present|now|current|today)\b", re.IGNORECASE)
_NAME_COLON_LINE = re.compile(r":[ \t\xa0-]*$", re.MULTILINE)  # a line ending with a colon (perhaps a dash after)
_LAYOUT_GAP = re.compile(r"[ \xa0]{2,}|\t+")
_NAME_COLON = re.compile(r"(?P<name>[A-Z0-9][^:]{0,60}?)\s*:\s*[-–—]?\s*")


def _right_piece(text: str) -> str:
    """What a line holds after its last layout gap (the right-hand column of a line a converter glued together:
    "Make  NT Progress:"), without a lone dash left where dates were."""
    pieces = [p.strip() for p in _LAYOUT_GAP.split(text) if p.strip(" -–—")]
    return pieces[-1] if pieces else ""


def _colon_named(lines: list[_Line], used: set[int]) -> list[tuple[int, int, str, str]]:
    """(employer line, title line, employer, title) of entries written without dates as "Organisation:" then the
    job title on the next line ("NT Progress:" / "Junior C++ developer"); a side column's heading or word may
    sit between them or before them across a layout gap."""
    cues = _cues()
    out: list[tuple[int, int, str, str]] = []
    for i, ln in enumerate(lines):
        if i in used or ln.bullet or ":" not in ln.text:
            continue
        m = _NAME_COLON.fullmatch(_right_piece(ln.text))
        if not m:
            continue
        name = m["name"].strip()
        words = name.split()
        if len(words) > 5 or not all(w[:1].isupper() or w[:1].isdigit() or w in ("&", "of", "and", "de")
                                     for w in words) or cues.title.search(name) or heading_name(name) or \
                cues.detail_label.match(name + ":") or re.search(r"\d{4}", name):
            continue
        j = i + 1
        while j < len(lines) and (not lines[j].text or heading_name(lines[j].text)) and j - i <= 3:
            j += 1
        if j >= len(lines) or j in used or lines[j].bullet:
            continue
        title = _right_piece(lines[j].text)
        # (an organisation word inside a title is fine when a title word ends it: "Logistics manager")
        if not title or len(title.split()) > 6 or ":" in title or not cues.title.search(title) or \
                cues.company.search(title) and not _ends_with_title(title) or heading_name(title) or \
                re.search(r"\d{4}", title):
            continue
        out.append((i, j, name, clean(title)))
    return out


def _undated_headers(lines: list[_Line], used: set[int]) -> list[tuple[int, int]]:
    """(title line, employer line) pairs of entries written without dates, as job boards export them.

    A pair is a short job-title line after a blank line, then (after blanks) a short line naming an
    organisation (an organisation word, or the board's "Company -  City, State -" form), then no dates; or the
    organisation's line first, then the title's.
    """
    cues = _cues()
    out: list[tuple[int, int]] = []
    nonblank = [i for i, ln in enumerate(lines) if ln.text]
    for n, i in enumerate(nonblank[:-1]):
        j = nonblank[n + 1]
        if i in used or j in used or (n + 2 < len(nonblank) and nonblank[n + 2] in used):
            continue
        a, b = lines[i], lines[j]
        if i > 0 and lines[i - 1].text and not lines[i - 1].bullet and n > 0:
            continue  # the title line opens a block (after a blank line or the bullets of the entry before)
        if not (_headerish(a) and _headerish(b)) or len(a.text.split()) > 8 or len(b.text.split()) > 10:
            continue
        first, second = _without_side_prefix(a.text), _without_side_prefix(b.text)
        after = nonblank[n + 2] if n + 2 < len(nonblank) else None
        if after is not None and _DATE_LABEL.match(lines[after].text) and first[:1].isupper() and \
                second[:1].isupper() and not first.endswith(":") and not second.endswith(":") and \
                not heading_name(first) and not heading_name(second):
            pass  # "Job Title" / "Company" / "Date: Month 20XX – Ongoing": a dates line the reader cannot date
        elif (cues.company.search(first) or _name_then_place(first)) and not cues.title.search(first) and \
                cues.title.search(second) and not cues.company.search(second) and len(second.split()) <= 6 and \
                not second.endswith(":"):
            pass  # "Elpisor Ltd, Rehovot, Israel" / "Front End Developer": the employer first
        elif not cues.title.search(first) or cues.company.search(first) and not _ends_with_title(first) or \
                first.endswith(":"):
            continue
        else:
            board_form = bool(re.search(r"\s-\s*$", second))
            # (or a name of its own line opening a list of bullets: "Network Engineer" / "Orbelle Digital" / "• …")
            described = _bullets_follow(lines, j) and second[:1].isupper() and 2 <= len(second.split()) <= 8 and \
                not re.search(r"\d", second) and not _is_tool(first) and not heading_name(second)
            if not (board_form or cues.company.search(second) or described) or \
                    cues.title.search(second) and not board_form:
                continue
        if out and out[-1][1] >= i:
            continue
        out.append((i, j))
    return out


def _name_then_place(line: str) -> bool:
    """"Dorquapra & Naldri, Rehovot, Israel": a capitalised name of one to four words, then its place after a
    comma (an organisation known by its shape, with no organisation word)."""
    name, _, place = line.partition(",")
    words = name.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or w in ("&", "+") for w in words) and \
        not _cues().title.search(name) and (_is_location(place.strip()) or _country_and_places(place))


_LOST_DATES = re.compile(r"\(\s*(?P<now>now|present|current)?\s*\)\s*$", re.IGNORECASE)
# what stayed of the "2006 – 2007. " before a header whose years were lost: ". RBC, Media company, Web-master"
_LOST_LEAD = re.compile(r"[.,;:]\s+(?=[A-Z0-9])")


def _undated_lines(lines: list[_Line], used: set[int], taken: list[int]) -> list[Role]:
    """Entries whose dates were lost or never written, title and employer on one line: "Full Stack Java
    Developer Inetex Ltd., Rehovot, Israel", "BOOKIE iGaming  Full-Stack Developer (  )". The line must name both
    a job title and an organisation (a company word, a layout gap, emptied date brackets or the full stop that
    followed the lost years), and open a block."""
    cues = _cues()
    out: list[Role] = []
    for i, ln in enumerate(lines):
        if i in used or ln.start in taken or not _headerish(ln) or len(ln.text.split()) > 10:
            continue
        if i > 0 and lines[i - 1].text and _headerish(lines[i - 1]) and not lines[i - 1].bullet:
            continue  # inside a header block that was read already (or a list of names)
        lost = _LOST_DATES.search(ln.text)
        body = ln.text[:lost.start()] if lost else ln.text
        lead = _LOST_LEAD.match(body)
        body = body[lead.end():] if lead else body
        if not cues.title.search(body) or _cues().detail_label.match(body):
            continue
        gap = bool(re.search(r"\S(?:  |\t)\S", body))
        title, employer, location = split_header([body])
        if not title or not employer or title == employer or not cues.title.search(title):
            continue
        if not (cues.company.search(employer) or _WEB_NAME.fullmatch(employer) or gap or lost or lead or
                _bullets_follow(lines, i) or _opens_block(lines, i) and _name_then_place(f"{employer}, {location}")):
            continue  # ("Scientist Nerenbel-Nevak, Rehovot, Israel" after a blank line: a name known by its place)
        out.append(Role(title=title, employer=employer, location=location, current=bool(lost and lost["now"]),
                        span=(ln.start, ln.end)))
    return out


def _opens_block(lines: list[_Line], i: int) -> bool:
    """Whether line ``i`` follows a blank line (or opens the section)."""
    return i == 0 or not lines[i - 1].text


def _bullets_follow(lines: list[_Line], i: int) -> bool:
    """Whether the first non-blank line after line ``i`` is a bullet: ``i`` opens a described entry."""
    nxt = next((ln for ln in lines[i + 1:] if ln.text), None)
    return nxt is not None and nxt.bullet


def _undated_role(lines: list[_Line], i: int, j: int) -> Role:
    title, employer, location = split_header([_without_side_prefix(lines[i].text),
                                              _without_side_prefix(lines[j].text)])
    return Role(title=title, employer=employer, location=location, span=(lines[i].start, lines[j].end))


def _with_span(role: Role, span: tuple[int, int]) -> Role:
    return Role(role.title, role.employer, role.location, role.start, role.end, role.current, role.date_text, span)


def _title_below(lines: list[_Line], idx: int, stop: int, *, max_words: int = 6,
                 first_only: bool = False) -> int | None:
    """Index of the first job-title line under the dates (within four lines), or None."""
    cues = _cues()
    skipped = 0
    for j in range(idx + 1, min(stop, idx + 5)):
        ln = lines[j]
        if not ln.text or (skipped < 3 and _form_or_place(ln.text)):
            skipped += bool(ln.text)  # ("Salary: 95,000 USD Per Year" / "Hours per week: 40" / the title)
            continue
        label = _TITLE_LABEL.sub("", ln.text)
        if _headerish(ln) and len(label.split()) <= max_words and cues.title.search(label) and \
                (not cues.company.search(label) or _ends_with_title(label)):
            return j  # ("Senior Software Engineer": a company word inside, the title word last)
        if first_only:
            return None
    return None


# "EPAM Systems. Junior Developer. Five projects…": sentences used as fields. A full stop after an abbreviation
# ("Inc.", "St.", "B.Sc.") does not split.
# (after a legal suffix too: "Castan AG. Payments Architect", "Acme Inc.. Senior Architect")
_SENTENCE_BREAK = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=[)\d])|(?<=\.io)|(?<=\.ai)|(?<=\b[A-Z]{2})|"
                             r"(?<=\bInc\.)|(?<=\bLtd\.)|(?<=\bCo\.))\.\s+(?=[A-Z0-9])")
_LEGAL_END = re.compile(r"\s(?:inc|ltd|corp|co)\Z", re.IGNORECASE)
_ABBREV_END = re.compile(r"(?:^|\s)(?:inc|ltd|corp|co|st|jr|sr|dr|mr|ms|mrs|no|vs|dept|univ|intl|bros|ave|pvt)\Z",
                         re.IGNORECASE)


def _title_above(lines: list[_Line], first: int, stop: int) -> int | None:
    """Index of a job-title line within two lines above ``first`` (and below ``stop``), else None."""
    cues = _cues()
    for j in range(first - 1, max(stop, first - 3), -1):
        ln = lines[j]
        if ln.text and _headerish(ln) and len(ln.text.split()) <= 8 and cues.title.search(ln.text) and \
                not cues.company.search(ln.text):
            return j
    return None


def _strong_pieces(unit: str) -> list[str]:
    """``unit`` split at its strong separators (dashes, bars, tabs, layout gaps), but never inside brackets:
    "Translator (German–English) — Self-employed" keeps its language pair."""
    if "(" not in unit:
        return _STRONG_SEP.split(unit)
    pieces: list[str] = []
    last = 0
    for m in _STRONG_SEP.finditer(unit):
        if unit.count("(", 0, m.start()) > unit.count(")", 0, m.start()):
            continue
        pieces.append(unit[last:m.start()])
        last = m.end()
    pieces.append(unit[last:])
    return pieces


# a hyphen glued between a name and a capital ("Acme Corp-Austin, TX"), the place after it
_GLUED_HYPHEN = re.compile(r"(?<=[^\W\d_]|[.)])-(?=[A-Z])")


def _unglued_place(piece: str) -> list[str]:
    """("Acme Corp", "Austin, TX") from "Acme Corp-Austin, TX": a name and its place joined by a hyphen with no
    spaces, the place a town and its state's code or its country. The name before the hyphen is two words or more or has an
    organisation word ("Winston-Salem, NC" and "Wilkes-Barre, PA" are places of their own). Only the hyphens within
    the 40 characters before the place's comma are tried."""
    comma = piece.rfind(",")
    if comma <= 0 or "-" not in piece[max(0, comma - 40):comma]:
        return [piece]
    for m in _GLUED_HYPHEN.finditer(piece, max(0, comma - 40), comma):
        name, place = piece[:m.start()].rstrip(), piece[m.end():].strip()
        field = name.rsplit(",", 1)[-1].strip()
        if not field or not _glued_place(place):
            continue
        if len(field.split()) >= 2 or _cues().company.search(field):
            return [name, place]
    return [piece]


_REGION_CODE = re.compile(r"[A-Z]{2,3}(?:\s+\d{4,5})?")


def _glued_place(place: str) -> bool:
    """"Austin, TX", "Lagos, Nigeria": a town of one to three capitalised words, then a state's code or a country
    (a capitalised word alone after the comma is as likely the rest of a name: "Morvane-Tellis, Ashdod")."""
    town, _, region = place.partition(",")
    region = region.strip()
    return "," not in region and _place_name(town.strip()) and \
        bool(_REGION_CODE.fullmatch(region) or _cues().country.fullmatch(region))


def _split_units(unit: str) -> list[str]:
    out: list[str] = []
    for whole in _strong_pieces(unit):
        for piece in _unglued_place(whole):
            out.extend(_sentence_units(piece))
    return out


def _sentence_units(piece: str) -> list[str]:
    """``piece`` split at the full stops that part its fields ("EPAM Systems. Junior Developer.")."""
    sentences: list[str] = []
    last = 0
    for m in _SENTENCE_BREAK.finditer(piece):
        if not _ABBREV_END.search(piece, last, m.start()) or _LEGAL_END.search(piece, last, m.start()) and \
                _cues().title.search(" ".join(piece[m.end():].split()[:4])):
            # ("Castan Ltd. Senior Payments Programmer": a legal suffix's full stop, then a title)
            sentences.append(piece[last:m.start()])
            last = m.end()
    sentences.append(piece[last:])
    return [p for p in (clean(x.strip().lstrip(". ").rstrip(".") if len(sentences) > 1 else x.strip().lstrip(". "))
                        for x in sentences) if p]


# "financial company", "air flights organization", "Media company": what the employer does, not its name
_DESCRIPTOR = re.compile(r"[A-Za-z][a-z]*(?:[ -][a-z]+)*\s+(?:company|organi[sz]ation|firm|provider|portal|agency|group)",
                         re.IGNORECASE)


def _letter_spaced(part: str) -> bool:
    """"M S S QL", "P L S QL": words whose letters a converter spaced out (a side column's tools), never a name."""
    words = part.split()
    return len(words) >= 3 and sum(len(w) == 1 and w.isalpha() for w in words) >= 2 and all(len(w) <= 3 for w in words)


def _is_descriptor(part: str) -> bool:
    return bool(_DESCRIPTOR.fullmatch(part)) and part.split()[-1].islower() and \
        all(w.islower() for w in part.split()[1:])


def _glued_title(part: str) -> tuple[str, str] | None:
    """("Web Developer", "Naya Technologies") from "Web Developer Naya Technologies": a title and a name with no
    separator. The title ends at its last title word; what follows is a capitalised name of one to six words."""
    cues = _cues()
    title_end = _title_end(part)  # ("Head of Compliance Vesa Group": the area belongs to the title)
    if title_end is None:
        return None
    tail = part[title_end:].strip()
    if not tail or not (tail[0].isupper() or tail[0].isdigit()) or len(tail.split()) > 6 or tail.startswith("("):
        return None
    head = part[:title_end].strip()
    words = tail.split()
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,4}", head) and cues.company.fullmatch(tail):
        return None  # "HR Solutions", "QA Systems": an acronym before an organisation noun is the name's, no title
    if cues.title.search(tail) or not all(w[:1].isupper() or w[:1].isdigit() or w.islower() and len(w) <= 3
                                          or w in ("&", "+") for w in words):
        return None
    # all capitals: the name and the title cannot be told apart by case, only by the title's last word; the
    # name must then be two or more words or carry an organisation word ("INETEX LTD", "DTS DIGITAL")
    if (part.isupper() or not any(c.islower() for c in tail)) and (
            not (len(words) >= 2 or cues.company.search(tail) or _acronym_name(tail, part)) or _is_location(tail) or
            not re.search(r"[A-Za-z]{2}", tail) or re.fullmatch(r"[IVX]+", words[0])):
        return None
    return head, tail


def _acronym_name(tail: str, part: str) -> bool:
    """"TBST" after "Principal Technician" in a header written in mixed case: an organisation's initials (three or
    more capitals, not a level such as "III", not a tool such as "SQL"), or initials of two or more then one or two
    capitalised words ("Support Engineer MPN Brika")."""
    initials = tail.split()[0]
    return not part.isupper() and bool(re.fullmatch(r"[A-Z]{3,6}|[A-Z]{2,6}(?:\s+[A-Z][a-z][\w&-]*){1,2}", tail)) \
        and not re.fullmatch(r"[IVX]+", initials) and not _is_tool(initials)


def _comma_parts(segment: str) -> list[str]:
    cues = _cues()
    raw = [p.strip() for p in re.split(r",(?![^()]{0,120}\))\s*|\s+,\s*", segment) if p.strip()]
    split_raw: list[str] = []
    for p in raw:
        if p.startswith("(") and p.endswith(")") and p.count("(") == 1:
            inner = [x.strip() for x in re.split(r"\s*,\s*", p[1:-1]) if x.strip()]
            if inner and all(_is_location(x) or _place_name(x) for x in inner):
                split_raw.append(", ".join(inner))  # "(Israel, Rehovot)": one place
                continue
        pm = re.fullmatch(r"(?P<a>.+?)\s*\((?P<b>[^()]+)\)", p)
        if pm and (_is_location(pm["b"].strip()) or _country_and_places(pm["b"]) or _bracketed_city(pm["a"], pm["b"])):
            split_raw.extend([pm["a"].strip(), pm["b"].strip()])  # "ABC CONSULTING (Sometown, NY)"
        else:
            split_raw.append(p)
    raw = [p[:-1].rstrip() if p.endswith(".") and not _ABBREV_END.search(p[:-1]) and
           re.search(r"[^\W\d_]{3}\.$", p) and not cues.suffix_only.fullmatch(p.split()[-1]) else p for p in split_raw]
    parts: list[str] = []
    for i, p in enumerate(raw):
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        tm = list(cues.title.finditer(p))
        if tm and (_STATE_CODE.match(nxt) or cues.country.fullmatch(nxt)) and p[tm[-1].end():].strip():
            # "Software Engineer Cupertino, CA": the city after the title goes with the state
            cut = tm[-1].end()
            parts.append(p[:cut].strip())
            parts.append(p[cut:].strip())
            continue
        if parts and cues.country.fullmatch(parts[-1]) and _place_name(p) and not cues.country.fullmatch(p):
            parts[-1] = f"{parts[-1]}, {p}"  # "Israel, Tel-Aviv": a country and its city are one place
            continue
        if parts and cues.country.fullmatch(p) and _place_name(parts[-1]) and \
                (i < 2 or not cues.country.fullmatch(raw[i - 1])) and not _STATE_CODE.match(parts[-1]):
            parts[-1] = f"{parts[-1]}, {p}"  # "Lagos, Nigeria": a city and its country are one place
            continue
        if parts and (cues.suffix_only.fullmatch(p.rstrip(".") + ("." if p.endswith(".") else "")) or
                      cues.suffix_only.fullmatch(p)) or parts and _STATE_CODE.match(p) and not cues.title.search(parts[-1]):
            parts[-1] = f"{parts[-1]}, {p}"
        else:
            parts.append(p)
    return parts


# what a capitalised word in brackets after a name says besides a place: the kind of work or the name's history
# how one worked, not what: a part of a header that is only this is no job title when another part is one
_ARRANGEMENTS = frozenset({"freelance", "freelancer", "self-employed", "self employed", "contract", "contractor",
                           "independent contractor", "part-time", "full-time", "temporary", "temp", "seasonal"})
_NOT_PLACES = frozenset({"contract", "contractor", "freelance", "freelancer", "internship", "intern", "part-time",
                         "full-time", "temporary", "temp", "volunteer", "volunteering", "self-employed", "consulting",
                         "formerly", "acquired", "now", "startup", "start-up", "subsidiary", "client", "project",
                         "hybrid", "onsite", "on-site", "seasonal", "pro", "bono", "nasdaq", "nyse"})


def _bracketed_city(name: str, inner: str) -> bool:
    """"Amdocs (Raanana)", "Lumeo B.V. (Sofia)": one to three capitalised words in brackets after an organisation's
    name (no job title in it) are its place; never a tool ("Developer (Java)"), a kind of work ("(Contract)") or a
    listing ("(NASDAQ: X)")."""
    inner = inner.strip()
    return bool(name.strip()) and not _cues().title.search(name) and _place_name(inner) and \
        not any(w.lower().strip(".") in _NOT_PLACES for w in inner.split()) and not _is_tool(inner)


def _place_name(part: str) -> bool:
    """"Lagos", "Mexico City", "São Paulo": one to three capitalised words with no title or organisation word."""
    cues = _cues()
    words = part.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and "," not in part and \
        not cues.title.search(part) and not cues.company.search(part) and not any(c.isdigit() for c in part)


def _country_and_places(part: str) -> bool:
    """"Israel, Tel-Aviv", "Russia, Saint Petersburg": a place list naming a country (a city alone is too weak)."""
    inner = [x.strip() for x in part.split(",") if x.strip()]
    return len(inner) >= 2 and any(bool(_cues().country.fullmatch(x)) for x in inner) and \
        all(_is_location(x) or _place_name(x) for x in inner)


_US = re.compile(r"(?<= )(?:US|USA|U\.S\.(?:A\.)?)\Z")


def _form_or_place(text: str) -> bool:
    """A line of a federal résumé's form fields or its place ("Hours per week: 40", "Raleigh, NC US  Grade Level:
    GS-7"), between a job's dates and its title."""
    return all(_cues().form_detail.match(p) or _is_location(p) for p in _LAYOUT_GAP.split(text.strip()) if p)


def _is_location(part: str) -> bool:
    cues = _cues()
    if cues.street.fullmatch(part.replace("ß", "ss")) and not cues.company.search(part):
        # (the street words are case-folded: "straße" as "strasse")
        return True  # a street address in the employer's line ("Norvale Systems, 100 Main St, Austin, TX 78701")
    if cues.title.search(part) or cues.company.search(part):
        return False
    if _CITY_STATE.match(part) and part.count(",") == 1 and len(part.split()) <= 5:
        return True
    country = cues.country.search(part) or _US.search(part)
    if country and country.end() == len(part) and country.start() > 0:
        # "Baltimore, MD United States", "Austin, TX US": a city and its state, then the country
        head = part[:country.start()].rstrip(" ,")
        if _CITY_STATE.match(head) and head.count(",") == 1 and len(head.split()) <= 5:
            return True
    if re.fullmatch(r"(?:remote|remoto|hybrid|híbrido)", part, re.IGNORECASE):
        return True
    return bool(cues.country.fullmatch(part))


# an organisation named by its web address ("Luvelqua.io", "Brightdesk.ai")
_WEB_NAME = re.compile(r"[A-Z][\w-]*\.(?:io|ai|com|co|net|org|dev|app|tech)", re.IGNORECASE)
_UNIT = re.compile(r"(?<![^\W_])(?:department|dept\.?|team|division|unit|section|group|desk|office|lab)\s*$")
_CAMEL_GLUE = re.compile(r"(?<=[a-z])(?P<word>[A-Z][a-z]+)\b")
# "Labs,MoscowData Specialist": the last item of a list written without spaces, glued to a title that begins with a
# capital
_LIST_GLUE = re.compile(r"(?<=,)(?P<left>[A-Z][a-z]{2,})(?P<word>[A-Z][a-z][\w-]*)")


def _unglued_list(unit: str) -> str:
    """``unit`` with a gap between a list's last item and a title glued to it: a title word within the four words
    from the glue (to the next comma), and the glued word not a tool's own capital ("JavaScript")."""
    def gap(m: re.Match[str]) -> str:
        following = " ".join(unit[m.start("word"):].split(",")[0].split()[:4])
        if _cues().title.search(following) and not _is_tool(m["left"] + m["word"]):
            return f"{m['left']}\t{m['word']}"
        return m.group(0)
    return _LIST_GLUE.sub(gap, unit) if "," in unit else unit


_ROW_NUMBER = re.compile(r"\(?\d{1,3}[.)]?")


def split_header(units: list[str]) -> tuple[str, str, str]:
    """(title, employer, location) from the header lines of one entry, written in any common order."""
    cues = _cues()
    # (text, unit index, part index within unit)
    parts: list[tuple[str, int]] = []
    explicit: tuple[str, str] | None = None
    sentence_units: set[int] = set()  # units written as sentences ("EPAM Systems. Junior Developer. Five …")
    for ui, unit in enumerate(units):
        # "Artteam,MoscowDeveloper": a converter glued the title to the word before it; the glue is a gap
        unit = _unglued_list(unit)
        unit = _CAMEL_GLUE.sub(lambda m: m.group(0) if not cues.title.fullmatch(m["word"]) else f"\t{m['word']}",
                               unit)
        segments = _split_units(unit)
        if len(segments) > len(_strong_pieces(unit)):
            sentence_units.add(ui)
        for seg in segments:
            if _tool_list(seg):
                continue  # "Java Developer - Java, Spring, Jenkins": the stack beside the title
            m = _AT.match(seg) or _IN.match(seg)
            if m and m.re is _IN and _UNIT.search(m["company"].split(",")[0]):
                m = None  # "Intern in VAS department": a unit of the employer, part of the title
            if m and explicit is None and cues.title.search(m["title"]) and \
                    (m.re is _AT or _ends_with_title(m["title"])):
                company_parts = _comma_parts(m["company"])
                explicit = (clean(m["title"]), clean(company_parts[0]) if company_parts else clean(m["company"]))
                for p in company_parts[1:]:
                    parts.append((clean(p), ui))
                continue
            for p in _comma_parts(seg):
                if clean(p) and not _ROW_NUMBER.fullmatch(clean(p)):  # ("1 | Acme Ltd | Developer": a table's S.No)
                    parts.append((clean(_without_side_tail(_without_prose_after_title(p))), ui))
    labelled_title = next((_TITLE_LABEL.sub("", p) for p, _ in parts if _TITLE_LABEL.match(p)), "")
    labelled_employer = next((_EMPLOYER_LABEL.sub("", p) for p, _ in parts if _EMPLOYER_LABEL.match(p)), "")
    if labelled_title or labelled_employer:
        parts = [(p, ui) for p, ui in parts if not (_TITLE_LABEL.match(p) or _EMPLOYER_LABEL.match(p))]
        if labelled_title and labelled_employer:
            explicit = (labelled_title, labelled_employer)
        elif labelled_title:
            title, employer, location = split_header([p for p, _ in parts]) if parts else ("", "", "")
            return labelled_title, employer or title, location
        else:
            title, employer, location = split_header([p for p, _ in parts]) if parts else ("", "", "")
            return title if title != labelled_employer else "", labelled_employer, location
    parts = [(p, ui) for p, ui in parts if not _is_descriptor(p) and not _letter_spaced(p)]
    named = [p for p, _ in parts if not _is_location(p)]
    if sum(bool(cues.title.search(p)) for p, _ in parts) == 1 and \
            not any(cues.company.search(p) and not cues.title.search(p) for p in named):
        split_parts: list[tuple[str, int]] = []
        for p, ui in parts:
            glued = _glued_title(p) if cues.title.search(p) else None
            if glued and len(named) > 1 and not cues.company.search(glued[1]) and not (
                    p.isupper() and all(len(x.split()) <= 2 for x in named if x != p)) and \
                    not _acronym_name(glued[1], p):
                glued = None  # another part can be the employer: the words after the title are part of it
                # (in capitals, a short line of its own is the city below: "…DEVELOPER INETEX LTD" / "REHOVOT")
            split_parts.extend([(glued[0], ui), (glued[1], ui)] if glued else [(p, ui)])
        parts = split_parts
    locations = [p for p, _ in parts if _is_location(p)]
    others = [(p, ui) for p, ui in parts if p not in locations]
    if explicit:
        rest_loc = ", ".join(locations or [p for p, _ in others])
        return explicit[0], explicit[1], rest_loc
    if not others:
        return "", "", ", ".join(locations)
    titled = [(p, ui) for p, ui in others if cues.title.search(p)]
    plain_titled = [x for x in titled if not cues.company.search(x[0])]
    if not titled and all(cues.company.search(p) for p, _ in others[:1]):
        # only an employer in the header ("HUMAN SERVICES, INC.  Tampa, FL"): the title is looked for below
        employer = others[0][0]
        same_line = [p for p, ui in others[1:] if ui == others[0][1]]
        # "Gantry Hill Builders" / "Dough Whisperer": a name on a line of its own under the employer, with no
        # organisation word, is the title no list knows
        own_line = [p for p, ui in others[1:] if ui != others[0][1] and not cues.company.search(p) and _plain_name(p)]
        return own_line[0] if own_line else "", employer, ", ".join(locations + same_line)
    # a word saying how one worked ("Freelance", "Contract") names no job when another part does: it is the
    # employer's place ("Freelance" / "Web Developer" / dates)
    what = [x for x in plain_titled if x[0].casefold() not in _ARRANGEMENTS]
    title_pick = (what or plain_titled or titled or [others[0]])[0]
    remaining = [x for x in others if x != title_pick]
    companyish = [x for x in remaining if (cues.company.search(x[0]) or _WEB_NAME.fullmatch(x[0])) and
                  not cues.title.search(x[0])]
    employer_pick = (companyish or remaining or [("", -1)])[0]
    if cues.academic_unit.match(employer_pick[0]):
        # "Postdoctoral Fellow, Department of Physics, University of Tessaly": the unit's institution employs
        school = [x for x in remaining if has_institution(x[0]) and not cues.academic_unit.match(x[0])]
        employer_pick = school[0] if school else employer_pick
    at = others.index(title_pick)
    if title_pick[1] in sentence_units and at > 0 and others[at - 1][1] == title_pick[1] and \
            not cues.title.search(others[at - 1][0]) and others.index(employer_pick) > at:
        # "LN Mostilu. Junior Scientist. DuPage Medical Clinic project.": written as sentences, the employer is the
        # one before the title; what follows it describes the work, whatever organisation words it has
        employer_pick = others[at - 1]
    extra: list[str] = []
    if employer_pick[0]:
        after = False
        for p, ui in others:
            if (p, ui) == employer_pick:
                after = True
                continue
            if after and ui == employer_pick[1] and (p, ui) != title_pick:
                extra.append(p)
    if locations and extra and not any(_is_location(x) for x in extra):
        # the place is written elsewhere: words after the employer on its line are part of its name
        # ("Adeyemi & Partners, Chartered Accountants")
        employer_pick = (", ".join([employer_pick[0], *extra]), employer_pick[1])
        extra = []
    wanted = set(locations) | set(extra)
    location = ", ".join(dict.fromkeys(p for p, _ in parts if p in wanted))  # document order, no repeats
    title, employer = title_pick[0], employer_pick[0]
    if not employer or employer == title:
        glued = _glued_title(title)
        if glued:
            title, employer = glued
    return title, employer, location


__all__ = ["find_roles", "role_sections", "split_header"]
