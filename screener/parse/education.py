"""Education entries: institution, credential as written, field, dates and grade, in several languages.

    >>> e = find_education(text, sections)[0]      # "Bacharel em Engenharia Mecânica — Universidade de São Paulo"
    >>> e.credential, e.field, e.institution
    ('Bacharel em Engenharia Mecânica', 'Engenharia Mecânica', 'Universidade de São Paulo')

An entry is kept even when a credential cannot be told apart from the institution (the whole line is then the
credential); only lines with no school, degree or date ("Recommendations are available upon request") are not
entries. ``country`` is set only when the entry names a country outright (tiny list in
``data/entry_words.yaml``); everything else is the credentials stage's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from screener.models import EducationEntry, PartialDate, Section
from screener.parse._data import (
    BULLET_RE,
    alternation,
    body_start,
    clean,
    flat_words,
    fold,
    lines_in,
    load,
    trim_span,
)
from screener.parse.dates import DateMention, DateRange, find_dates
from screener.parse.education_kinds import education_kind, names_qualification
from screener.parse.languages import parse_language_item
from screener.parse.sections import heading_names, is_heading_word

EDUCATION_SECTIONS = ("education",)

_GRADE = re.compile(
    # "with 8.5 CGPA", "secured 68%", "scoring an aggregate of 74%": the verb goes with the grade (Indian usage)
    r"(?:\b(?:with|secured|securing|scored|scoring|obtained|obtaining)\s+(?:an?\s+)?(?:aggregate\s+of\s+)?"
    r"(?=\d|C?GPA|CPI|SGPA|Percentage|Aggregate|Marks|Score))?"
    r"(?P<g>(?:C?GPA|CPI|SGPA|CQPI|Grade|Nota(?: final)?|Note|Media|Média|Promedio|Percentage|Score|Aggregate|"
    r"Marks|Moyenne|Mention|Abschlussnote|Gesamtnote|CRA|IRA)\s*[:=\-]?\s*\d+(?:[.,]\d+)?\s*(?:/\s*\d+(?:[.,]\d+)?|%)?"
    r"|(?<![\d.,])\d+(?:[.,]\d+)?\s*/\s*(?:4|5|10|20|100)(?:[.,]0+)?\s*(?:C?GPA|CPI)"
    r"|(?<![\d.,])\d{1,2}(?:[.,]\d{1,2})?\s*(?:C?GPA|CPI|SGPA)\b"
    r"|(?<![\d.,])\d{2}(?:[.,]\d+)?\s*%"
    r"|First[- ]Class(?: (?:with )?(?:Distinction|Honours|Honors))?|Second[- ]Class(?: (?:Upper|Lower))?(?: Division)?"
    r"|Upper Second|Lower Second|Third Class|\b2[:.][12]\b|Summa Cum Laude|Magna Cum Laude|Cum Laude"
    r"|(?:with )?(?:High )?Distinction|(?:with )?Honou?rs(?!\s+(?:degree|diploma|programme|program|bachelor))|Mention (?:très bien|bien|assez bien)|Sehr gut|Gut)",
    re.IGNORECASE)
_IN_BEFORE_DATE = re.compile(r"\s+(?:in|on)\s*\Z", re.IGNORECASE)
# Without a digit only the worded grades can match; each holds one of these (letters with no non-ASCII case variant,
# so a lower-cased line holds it whenever the case-insensitive pattern matches): a cheap test before the search.
_GRADE_WORDS = ("cla", "econd", "laude", "nct", "hono", "ment", "gut")
_ANY_DIGIT = re.compile(r"\d")
_FIELD_PREP = re.compile(r"\s+(?:in|em|en|in the field of|na área de|mit schwerpunkt|majoring in|major in|"
                         r"with (?:a )?(?:major|specialization|specialisation) in)\s+(?P<f>.+)$", re.IGNORECASE)
_FIELD_OF = re.compile(r"^(?:bachelor|master|doctor|associate)(?:'?s)?\s+of\s+(?P<f>.+)$", re.IGNORECASE)
_PAREN_FIELD = re.compile(r"\((?P<f>[^)]{3,60})\)")
_PAREN_ANY = re.compile(r"\([^()]*\)?")
# bracketed notes that describe the programme, not its subject ("three-year programme", "part-time", "2:1")
_NOT_FIELD = re.compile(r"\d|\b(?:years?|programme|program|part[- ]time|full[- ]time|distance|online|evening|"
                        r"expected|ongoing|pursuing|hons?|honou?rs|formerly)\b", re.IGNORECASE)
# ("da" / "de la" link a degree to its school only before a school's word — "Direito da Universidade de Lisboa";
# "Ciência da Computação" is one field)
_SEP = re.compile(r"\s+[—–|•·]\s+|\s+-+\s+|\s*\|\s*|\t+|\s{2,}|,(?![^()]{0,120}\))\s+|\s+[-–—]+$|^[-–—]+\s+|"
                  r"\s+(?:from|at)\s+(?=[A-Z])|\s+(?:de la|da)\s+(?=(?:Universi|Facul|Escola|Escuela|Institut|Istitut|"
                  r"Pontif|Funda|Centro|Colégio|Colegio|Academia|Accademia|Scuola|Politecnico|Polit[eé]cnica)|[A-Z]{2,}\b)")


class _Cues:
    def __init__(self) -> None:
        words = load("entry_words")
        edge = r"(?<![^\W_])", r"(?![^\W_])"
        self.degree = re.compile(edge[0] + alternation(flat_words(words["degree_words"])) + edge[1], re.IGNORECASE)
        abbrevs = []
        capitals = [str(a) for a in load("education_words")["capital_abbreviations"]]
        for a, upper in [(str(a), False) for a in words["degree_abbreviations"]] + [(a, True) for a in capitals]:
            # "BSc" also as "B.Sc." / "B.Sc" / "B. Sc."; "BTech" as "B.Tech" / "B-Tech"; "BSC", "B.SC." in capitals
            letters = [x.upper() if upper else x for x in re.findall(r"[A-Z][a-z]*", a)]
            dotted = r"\.?\s?".join(re.escape(x) for x in letters) + r"\.?"
            abbrevs.append(dotted)
        self.abbrev = re.compile(r"(?<![\w.])(?:" + "|".join(sorted(abbrevs, key=len, reverse=True)) +
                                 r")(?![\w])(?:\s*\((?:Hons?|Honours|Honors)\.?\))?")
        schools = flat_words(words["institution_words"]) + flat_words(load("education_words")["institution_words"])
        self.institution = re.compile(edge[0] + alternation(schools) + edge[1], re.IGNORECASE)
        self.countries: dict[str, str] = {}
        for code, names in words["countries"].items():
            for n in names:
                self.countries[fold(n)] = str(code)
        self.country = re.compile(edge[0] + alternation(self.countries) + edge[1], re.IGNORECASE)


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    return _Cues()


_CELLS = re.compile(r"\s*\|\s*|\t+|\s{2,}")


@lru_cache(maxsize=1)
def _header_words() -> frozenset[str]:
    return frozenset(fold(str(w)) for w in load("education_words")["table_header_words"])


def _table_header(line: str) -> bool:
    """A table's header row: three or more cells, each one or more column labels ("Board/University")."""
    cells = [c for c in _CELLS.split(line) if c]
    words = _header_words()
    return len(cells) >= 3 and all(all(fold(p).strip() in words for p in c.split("/") if p.strip()) for c in cells)


@lru_cache(maxsize=1)
def _note() -> re.Pattern[str]:
    labels = alternation(str(w) for w in load("education_words")["note_labels"])
    return re.compile(r"\(\s*(?:" + labels + r")\b[^()]*\)?", re.IGNORECASE)


def _grade(text: str) -> re.Match[str] | None:
    """``_GRADE.search(text)``, skipped where it cannot match."""
    if _ANY_DIGIT.search(text) is None:
        low = text.lower()
        if not any(w in low for w in _GRADE_WORDS):
            return None
    return _GRADE.search(text)


def has_degree(text: str) -> bool:
    c = _cues()
    text = _CITY_STATE.sub(" ", text)  # "Cambridge, MA" is a place
    return bool(c.degree.search(text) or c.abbrev.search(text))


def has_institution(text: str) -> bool:
    return bool(_cues().institution.search(text))


class _Spelling:
    """Credential and school words one slip away ("Mastrer's", "Bachlor", "Unversity") read as the word meant."""

    def __init__(self) -> None:
        words = load("education_words")
        self.targets = tuple(fold(str(w)) for w in words["misspelling_targets"])
        self.real = frozenset(fold(str(w)) for w in words["not_misspellings"]) | frozenset(self.targets)
        self.prefixes = frozenset(t[:2] for t in self.targets)

    @lru_cache(maxsize=8192)  # noqa: B019 - one instance for the process (see _spelling)
    def meant(self, word: str) -> str | None:
        """The target ``word`` misspells, or None."""
        if len(word) < 5:
            return None
        w = fold(word)
        if len(w) < 5 or w[:2] not in self.prefixes or w in self.real:
            return None
        return next((t for t in self.targets if abs(len(t) - len(w)) <= 1 and t[:2] == w[:2] and _one_slip(w, t)),
                    None)


def _one_slip(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one letter added, dropped or changed, or two neighbours swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and \
            a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


@lru_cache(maxsize=1)
def _spelling() -> _Spelling:
    return _Spelling()


_WORD = re.compile(r"[^\W\d_]{5,}")


@lru_cache(maxsize=4096)
def respelled(text: str) -> str:
    """``text`` with misspelt credential and school words written as meant ("Mastrer's degree" → "master's
    degree"), for telling entries apart; entries keep the text as written."""
    sp = _spelling()

    def fix(m: re.Match[str]) -> str:
        return sp.meant(m.group(0)) or m.group(0)

    return _WORD.sub(fix, text)


@dataclass
class _Entry:
    lines: list[tuple[int, int, str, bool]] = field(default_factory=list)  # start, end, text, bullet
    has_degree: bool = False
    has_institution: bool = False
    dated: bool = False
    opens_dated: bool = False  # its first line opens with its dates ("2004-2009, Master, …")
    named_in_caps: bool = False  # opened by a school's name in capitals like the entries before it
    interleaved: bool = False  # read from columns whose lines interleave: a school's name is cut to its own words
    school: str = ""  # the school of the entry above, when this one is a further credential listed under it


def find_education(text: str, sections: list[Section] | tuple[Section, ...], *,
                   today: date | None = None) -> list[EducationEntry]:
    """Education entries of every education section, in document order."""
    out: list[EducationEntry] = []
    for i, section in enumerate(sections):
        if section.name in EDUCATION_SECTIONS:
            found = _section_entries(text, section, today)
            out.extend(found)
            if not found and i + 1 < len(sections) and _empty_body(text, section) and \
                    sections[i + 1].name not in EDUCATION_SECTIONS:
                # "Education and Training" / "LANGUAGES": two columns' headings on consecutive lines, the
                # education column's lines interleaved with the next section's
                out.extend(_section_entries(text, sections[i + 1], today, cued_only=True))
        elif section.heading and any(n in EDUCATION_SECTIONS for n in heading_names(section.heading)):
            # headings of columns printed side by side ("SUMMARY EDUCATION"): the education column's lines are
            # interleaved with the others; only lines naming a school or a degree are read
            found = _section_entries(text, section, today, cued_only=True)
            out.extend(found)
            if found:
                out.extend(_run_on_credentials(text, sections[i + 1:i + 1 + _RUN_ON_SECTIONS], found[-1], today))
    known = {fold(e.institution) for e in out if e.institution}
    for section in sections:
        if section.name == "experience":
            for entry in _studies_among_jobs(text, section, today):
                if fold(entry.institution) not in known:
                    known.add(fold(entry.institution))
                    out.append(entry)
    today = today or date.today()
    return sorted((_with_status(text, e, today) for e in out), key=lambda e: e.span)


_STILL_OPEN = re.compile(r"[-–—]\s*(?:present|now|current|ongoing|to date|today)\b", re.IGNORECASE)
# words that say a degree is not awarded yet (a grade "expected" after a past end date is only a grade)
_NOT_AWARDED = re.compile(r"\b(?:expected|anticipated|in[\s-]progress|pursuing|currently\s+(?:enrolled|studying)|"
                          r"enrolled\s+in|(?:ph\.?\s?d\.?|doctoral)\s+candidate|candidate\s+for|to\s+be\s+completed|"
                          r"not\s+yet\s+(?:completed|awarded|finished))\b", re.IGNORECASE)
_HEAD_CHARS = 200


def _with_status(text: str, entry: EducationEntry, today: date) -> EducationEntry:
    """The entry marked ``in_progress`` when it ends after ``today``, runs to "present", or its header (first two
    lines, at most 200 characters) says it is not awarded yet ("expected May 2027", "(in progress)", "PhD
    candidate") with no end date or one still to come — an "expected" date long past is a résumé written then."""
    head = "\n".join(text[entry.span[0]:entry.span[1]].split("\n")[:2])[:_HEAD_CHARS] if entry.span != (0, 0) \
        else f"{entry.credential} {entry.institution}"
    now = (today.year, today.month)
    end = (entry.end.year, entry.end.month or 1) if entry.end is not None else None
    open_range = entry.start is not None and end is None and bool(_STILL_OPEN.search(head))
    if end is not None and end > now or open_range or _NOT_AWARDED.search(head) and (end is None or end >= now):
        return replace(entry, in_progress=True)
    return entry


#: How many sections after interleaved columns' heading line the education column may run on into.
_RUN_ON_SECTIONS = 2


def _run_on_credentials(text: str, following: list[Section] | tuple[Section, ...], last: EducationEntry,
                        today: date | None) -> list[EducationEntry]:
    """In interleaved columns the education column runs on past the other column's next heading ("EXPERIENCE"):
    a line there that opens with a credential word ("Bachelors degree - Applied Mathematics") is a further
    credential of the school above, up to the next education heading."""
    out: list[EducationEntry] = []
    for section in following:
        if section.name in EDUCATION_SECTIONS:
            break
        for s, e in lines_in(text, _body_start(text, section), section.end):
            line = text[s:e].strip()
            bullet = BULLET_RE.match(line)
            if not line or bullet is not None and bullet.end() > 0:
                continue
            entry = _Entry(lines=[(s, e, line, False)], has_degree=has_degree(respelled(line)))
            if not _further_credential(entry) or _names_school(respelled(line)) or _dates(line, today):
                continue
            entry.school = last.institution
            out.append(_build(text, entry, today))
    return out


# "2016 september - 2017 june: Student in Tel-Ran, Java and Android developer, Rehovot": a course listed as a job
_STUDENT = re.compile(r"(?<![^\W_])Student\s+(?:in|at|of)\s+(?P<org>[A-Z][^,;:()|]{1,60}?)"
                      r"(?:\s*[,;|]\s*(?P<prog>[^,;:()|]{3,80}?))?\s*(?:[,;|(]|$)")


def _studies_among_jobs(text: str, section: Section, today: date | None) -> list[EducationEntry]:
    """Education entries for dated lines of a work history whose title is Student ("…: Student in X, Programme")."""
    out: list[EducationEntry] = []
    for s, e in lines_in(text, section.start, section.end):
        line = text[s:e]
        m = _STUDENT.search(line)
        dates = _dates(line, today) if m else []
        ranges = [d for d in dates if isinstance(d, DateRange)]
        if m is None or not ranges:
            continue
        prog = clean(m["prog"] or "")
        # a programme named by no programme word ("Mobile Apps Track"): three or more capitalised words, no place
        named = len(prog.split()) >= 3 and _name_like(prog) and not _looks_like_place(prog)
        credential = prog if prog and (_programme([prog]) or named) else ""
        institution = clean(m["org"])
        kind = education_kind(credential=credential, institution=institution, context=line)
        out.append(EducationEntry(institution=institution, credential=credential, start=ranges[0].start,
                                  end=ranges[0].end, span=(s, e), kind=kind if kind != "unknown" else "program"))
    return out


#: how many years ahead an education date may lie: a degree's expected end ("2024 – 2028") — a job's may lie one
_YEARS_AHEAD = 8


def _dates(text: str, today: date | None) -> list[DateRange | DateMention]:
    """The dates of an education line, years up to ``_YEARS_AHEAD`` after ``today`` included."""
    now = today or date.today()
    return find_dates(text, today=date(now.year + _YEARS_AHEAD - 1, 1, 1))


def _body_start(text: str, section: Section) -> int:
    """Where a section's content begins: after its heading."""
    return body_start(text, section.start, section.end, section.heading)


def _section_entries(text: str, section: Section, today: date | None, *,
                     cued_only: bool = False) -> list[EducationEntry]:
    body = _body_start(text, section)
    entries: list[_Entry] = []
    cur: _Entry | None = None
    spans = [trim_span(text, s, e) for s, e in lines_in(text, body, section.end)]
    spans = [(s, e) for s, e in spans if text[s:e].strip()]
    last_read = -9  # the line last added to an entry
    for i, (s, e) in enumerate(spans):
        raw = text[s:e]
        if not raw:
            continue
        m = BULLET_RE.match(raw)
        bullet = bool(m and m.end() > 0)
        line = raw[m.end():].strip() if m else raw
        line = _NEXT_COLUMN.split(line, maxsplit=1)[0].rstrip()  # "… (Moscow campus) > Management of video, …"
        if not line or _table_header(line):
            continue  # ("Qualification | Board/University | Year | Percentage": a table's header row)
        probe = respelled(line)
        deg = (has_degree(probe) or _names_qualification(probe) or bool(_qualification_first(line)) or
               bool(_acronym_programme(line))) and not bullet
        inst = (_names_school(probe) or bool(_CAMPUS.search(line)) or bool(_acronym_programme(line))) and \
            not bullet and not (not deg and _described(line))
        if inst and not deg and cur is not None and len(_SEP.split(line)) > 1 and \
                all(len(x.split()) < 2 for x in _SEP.split(line) if has_institution(x)):
            inst = False  # "Bootcamp | Israel …" below the programme's name: a school word with no name is no new school
        if cued_only and not inst and _spoken_language(line):
            continue  # "German – intermediate": the languages column's line, not a degree ("intermediate")
        if cued_only and not (deg or inst) and not (cur is not None and (
                i == last_read + 2 and _dated_continuation(line, today) or
                i in (last_read + 1, last_read + 2) and _dated_programme(line, today))):
            continue  # (a dated line one or two lines below the last one read is the education column's next line)
        named_degree = deg
        if deg and inst and cur is not None and cur.has_degree and not cur.has_institution and \
                _institution_first(line):
            deg = False  # "Universidad …, Facultad de Ingeniería": the degree word is part of the institution
        if deg and inst and cur is not None and cur.has_institution and not cur.has_degree and _faculty_only(probe):
            inst = False  # "Master's degree. Faculty of Physics" below its school's name: the school's faculty
        dates = _dates(line, today)
        if inst and not deg and not dates and cur is not None and cur.has_degree and len(cur.lines) == 1 and \
                _faculty_only(respelled(cur.lines[0][2])):
            inst = False  # the school's name below a degree whose only school word was its faculty: one entry
        starts_new = False
        if deg or inst:
            if cur is None or (deg and cur.has_degree and not inst) or (inst and cur.has_institution and not deg) or \
                    (deg and inst and (cur.has_degree or cur.has_institution)) or cur.dated and (deg and cur.has_degree or inst and cur.has_institution):
                starts_new = True
        elif cur is None and not bullet:
            starts_new = True  # an entry with no known words is still an entry
        elif cur is not None and not bullet and not dates and not _grade(line) and cur.dated and \
                cur.has_degree and cur.has_institution and len(line) <= 100 and not _NOTE.match(line) and \
                not line.endswith(".") and not _named_degree_line(text, spans[i + 1:i + 2]):
            starts_new = True  # (unless the next line names its own school before its degree: then this is a field)
        elif cur is not None and not bullet and cur.dated and (cur.has_degree or cur.has_institution) and \
                (_only_dates(line, dates) or dates and dates[0].span[0] == 0 and not (deg or inst) and
                 cur.has_degree and cur.has_institution or dates and dates[0].span[0] == 0 and
                 not _only_dates(line, dates) and len(entries[-1].lines) > 1):
            starts_new = True  # dates-first layout ("2003-2005  Diploma…  2000-2003  BSc…"): the next entry's dates
        if cur is not None and not bullet and cur.opens_dated and _opens_with_dates(line, dates):
            starts_new = True  # one entry a line, each opening with its dates ("2020-2021, , Online course …")
        if cur is not None and deg and not inst and cur.has_institution and not cur.has_degree and \
                (any(_dated_programme(ln[2], today) for ln in cur.lines[1:]) or
                 cur.dated and _non_degree_so_far(cur) and education_kind(credential=probe) == "degree"):
            starts_new = True  # "Feldspar Academy" / "UX Design (intensive programme), 2022" / "Engineer's degree …"
        if cur is not None and named_degree and inst and dates and dates[0].span[0] > 0 and cur.dated and \
                not cur.has_institution and len(cur.lines) == 1 and _dated_after_words(cur.lines[0][2], today):
            starts_new = True  # "Course …, 2020" with no school word, then "University …, BA, 2016": two entries
        caps = cur is not None and (cur.dated or len(cur.lines) >= 3 or not (cur.has_degree or cur.has_institution)) \
            and not (deg or inst or dates or bullet) and \
            _caps_name(line) and any(en.has_institution and _caps_name(en.lines[0][2]) for en in entries)
        starts_new |= caps  # entries open with the school's name in capitals ("CORNELL UNIVERSITY"): so does this one
        if cur is not None and cur.lines and not (deg or inst) and \
                cur.lines[-1][2].count("(") > cur.lines[-1][2].count(")") and ")" in line:
            starts_new = False  # the line closes a bracket the line above opened ("… Degree (2017" / "2021)")
        if cur is not None and len(cur.lines) == 1 and cur.has_institution and inst and not deg and \
                re.fullmatch(r"\(.*\)", line):
            starts_new = False  # the school's name in full below its short name ("(Moscow Engineering Physics Institute)")
        if starts_new:
            cur = _Entry(opens_dated=_opens_with_dates(line, dates) and not bullet, named_in_caps=caps,
                         interleaved=cued_only)
            entries.append(cur)
        assert cur is not None or bullet
        if cur is None:
            continue
        cur.lines.append((s, e, line, bullet))
        last_read = i
        cur.has_degree |= deg
        cur.has_institution |= inst
        cur.dated |= bool(dates)
    # a lone line with no school, no degree and no date ("Recommendations are available upon request", "Minsk")
    # is not an entry; a dated one is kept as written ("Something Unusual Programme 2014")
    kept = [en for en in _joined_hyphens(text, entries) if en.lines and
            (en.has_degree or en.has_institution or en.dated or len(en.lines) > 1 and not is_heading_word(en.lines[0][2])
             and bool(_programme([ln[2] for ln in en.lines])))  # ("Minsk" / "Recommendations …" is no course)
            and (en.has_institution or not cued_only)]
    out: list[EducationEntry] = []
    for prev, en in zip([None, *kept], kept, strict=False):
        if prev is not None and out and out[-1].institution and _school_headed(prev) and _further_credential(en):
            en.school = out[-1].institution
        out.append(_build(text, en, today))
    return out


# a sentence about the course ("… During the course I created projects that helped me"): first or second person
_PERSON = re.compile(r"(?<![^\W_])(?:I|me|my|we|our|us|you)(?![^\W_])")
_LOWER_WORD = re.compile(r"(?<![^\W_])[a-z][a-z'’-]+(?![^\W_])")


def _described(line: str) -> bool:
    """The line is a sentence written about the entry, not a school's name, though it names the school ("TPB
    BOOTCAMP During the course I created projects that helped me"): five or more lower-case words besides
    connectors, and a first or second person pronoun."""
    lower = [w for w in _LOWER_WORD.findall(line) if w not in _CONNECTORS]
    return len(lower) >= 5 and _PERSON.search(line) is not None


def _names_qualification(line: str) -> bool:
    """A segment of the line names a vocational, bootcamp or school-leaving qualification in words of its own
    ("Certificate IV in …", "Web Development Bootcamp"), not a school's name ("Northwind Coding Academy") nor a lone
    school word ("Bootcamp | Israel")."""
    return names_qualification(line) and any(len(seg.split()) >= 2 and names_qualification(seg) and
                                             not _names_school(seg) for seg in _SEP.split(line))


def _non_degree_so_far(entry: _Entry) -> bool:
    """The entry read so far is a bootcamp, vocational qualification or programme ("2022  QA Automation, Veloria
    Bootcamp"): its school's kind or its programme's words say so."""
    segs = [x for ln in entry.lines for x in _SEP.split(ln[2]) if x.strip()]
    schools = [x for x in segs if _names_school(respelled(x))]
    others = [x for x in segs if x not in schools]
    return education_kind(credential=" | ".join(others), institution=" | ".join(schools)) in \
        ("bootcamp", "vocational", "program")


def _dated_programme(line: str, today: date | None) -> bool:
    """A programme named with its year below its school ("UX Design (intensive programme), 2022"): that entry is
    complete, and a degree line after it opens the next one."""
    return _dated_after_words(line, today) and bool(_programme([line])) and not has_degree(respelled(line))


def _dated_after_words(line: str, today: date | None) -> bool:
    """Words first, then the line's dates ("Software Engineering Immersive (Remote), 2020")."""
    dates = _dates(line, today)
    return bool(dates) and re.search(r"[^\W\d_]{3}", line[:dates[0].span[0]]) is not None


def _dated_continuation(line: str, today: date | None) -> bool:
    """A short line that goes on with a field and its years ("Engineering (2015 – 2017, Graduated with"), or the
    years alone ("2016 – 2020")."""
    dates = _dates(line, today)
    return len(line) <= 60 and (re.match(r"[^\W\d_(]", line) is not None or _only_dates(line, dates)) and \
        any(isinstance(d, DateRange) for d in dates)


def _spoken_language(line: str) -> bool:
    """A spoken language with its level ("German – intermediate", "English (C1)")."""
    lang = parse_language_item(line)
    return lang is not None and bool(lang.level)


def _empty_body(text: str, section: Section) -> bool:
    """Nothing but the heading: the section's content is elsewhere (in the next section's interleaved lines)."""
    return not text[_body_start(text, section):section.end].strip()


def _school_headed(entry: _Entry) -> bool:
    """The entry opens with its school's name on a line of its own ("Kyiv Polytechnic Institute" / "Master's …")."""
    first = respelled(entry.lines[0][2])
    return _names_school(first) and not has_degree(first) and len(entry.lines) > 1


def _further_credential(entry: _Entry) -> bool:
    """The entry is a credential line with no school of its own, opening with its degree ("Bachelor's degree -
    Applied Mathematics (2011 – 2015)"), as a second credential under one school is written."""
    first = respelled(entry.lines[0][2])
    c = _cues()
    m = c.degree.search(first) or c.abbrev.search(first)
    return entry.has_degree and not entry.has_institution and m is not None and \
        re.search(r"[^\W\d_]{2}", first[:m.start()]) is None


def _wrapped_fields(per_line: list[list[str]]) -> list[list[str]]:
    """Each line's segments, with a field wrapped onto the next line joined back: "Bachelor of Science in
    Mechanical" / "Engineering" is one credential. The next line must be a short run of words with no school,
    credential word or place of its own."""
    out: list[list[str]] = []
    for segs in per_line:
        prev = out[-1][-1] if out and out[-1] else ""
        if prev and len(segs) == 1 and _field_opened(prev) and _continues_field(segs[0]):
            out[-1][-1] = f"{prev} {segs[0]}"
            continue
        out.append(list(segs))
    return out


# "TPB BOOTCAMP Data Analytics Programme": a provider's name in capitals, then the programme's name in title case
_CAPS_THEN_TITLE = re.compile(r"(?P<org>[A-Z][A-Z0-9&'’.-]*(?:\s+[A-Z][A-Z0-9&'’.-]*)*)\s+"
                              r"(?P<prog>[A-Z][a-z][\w'’+#-]*(?:\s+[\w'’+#&/-]+)+)")


def _provider_programme(seg: str) -> list[str]:
    """["TANNE-VELIN EDUCATIONAL CENTRE", "Cyber Security Practitioner Programme"] from the two written on one line:
    the school's name set in capitals (with a school word), the programme's in title case with no school or degree
    word; ``[seg]`` when the segment is not so."""
    m = _CAPS_THEN_TITLE.fullmatch(seg)
    if m is None or not m["org"].isupper() or not _names_school(m["org"]) or not _name_like(m["prog"]) or \
            has_institution(m["prog"]) or has_degree(respelled(m["prog"])):
        return [seg]
    org, prog = m["org"], m["prog"]
    last = list(_cues().institution.finditer(org))[-1]
    if org[last.end():].strip():  # "VELLEX SOFTWARE ACADEMY QA Automation Course": the school ends at its word
        org, prog = org[:last.end()], f"{org[last.end():].strip()} {prog}"
    return [org, prog]


# "Mobile Apps" / "Track by Ministry of …", "Mobile Apps Track" / "Cource | Israel": a programme's name wrapped in
# its column, its last word opening the next line
_WRAPPED_HEAD = re.compile(r"(?P<w>[A-Z][\w'’-]*)(?:\s+(?=(?:by|at|from|with|for)\s)|$)")


def _wrapped_programmes(per_line: list[list[str]]) -> list[list[str]]:
    """Each line's segments, with the last word of a programme's name wrapped onto the next line joined back: the
    next line opens with one capitalised word that is a programme word ("Course") or that goes on with "by",
    "at"… ("Track by Ministry of Absorption"); the name above holds no school, degree or place."""
    for above, below in zip(per_line, per_line[1:], strict=False):
        if not above or not below:
            continue
        prev, m = above[-1], _WRAPPED_HEAD.match(below[0])
        if m is None or not _name_like(prev) or has_institution(prev) or has_degree(respelled(prev)) or \
                _looks_like_place(prev) or prev.isupper():
            continue
        head, lone = m["w"], m.end() == len(below[0])
        if has_institution(head) or has_degree(respelled(head)) or _looks_like_place(head) or \
                lone and (not _programme_words().fullmatch(head) or _programme_words().fullmatch(prev.split()[-1])):
            continue  # (a name already ending in its kind word, "QA Automation Course", takes no second one)
        above[-1] = f"{prev} {head}"
        rest = below[0][m.end():].strip()
        below[:1] = [rest] if rest else []
    return per_line


def _school_wrapped_round(credential: str, institution: str,
                          line_of: dict[str, tuple[int, int]]) -> tuple[str, str]:
    """("Mastrer's degree", "National Research Nuclear University") from "National Research Mastrer's degree" and
    the line below, "Nuclear University": a school's name wrapped in its column, with the credential of the next
    column glued after its first part. Unchanged unless the school's last words are alone on the line right
    below the credential's and one to three capitalised words stand before the credential word."""
    (inst_line, inst_n), (cred_line, _) = line_of.get(institution, (-1, 0)), line_of.get(credential, (-9, 0))
    if inst_n != 1 or inst_line != cred_line + 1 or len(institution.split()) > 4 or not _name_like(institution):
        return credential, institution
    probe = respelled(credential)
    c = _cues()
    found = [m for m in (c.degree.search(probe), c.abbrev.search(probe)) if m]
    before = probe[:min(m.start() for m in found)].split() if found else []
    if not 1 <= len(before) <= 3 or not all(w[:1].isupper() for w in before) or has_degree(" ".join(before)) or \
            _qualification_title().match(" ".join(before) + " X"):
        return credential, institution
    head = re.match(rf"\s*(?:\S+\s+){{{len(before)}}}", credential)
    if head is None:
        return credential, institution
    return credential[head.end():].strip(), f"{head.group(0).strip()} {institution}"


def _acronym_before(seg: str, segments: list[str], line_of: dict[str, tuple[int, int]]) -> str:
    """The school's acronym written just before ``seg`` on its line ("MEPhI, National Research …"), or ""."""
    at = segments.index(seg) if seg in segments else 0
    if at == 0:
        return ""
    prev = segments[at - 1]
    same_line = line_of.get(prev, (-1, 0))[0] == line_of.get(seg, (-2, 0))[0]
    acronym = re.fullmatch(r"[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*", prev) is not None and len(prev) <= 8
    return prev if same_line and acronym and not has_degree(prev) else ""


def _field_opened(seg: str) -> bool:
    """A credential whose field has begun ("… in Mechanical", "Bachelor of") or that ends on a joining word."""
    probe = respelled(seg)
    return has_degree(probe) and (bool(_FIELD_PREP.search(probe) or _FIELD_OF.match(probe)) or
                                  re.search(r"\s(?:in|of|and|&|em|en|de)$", seg, re.IGNORECASE) is not None)


def _continues_field(seg: str) -> bool:
    words = seg.split()
    return 1 <= len(words) <= 4 and re.fullmatch(r"[^\W\d_][\w'’&/-]*(?: [\w'’&/-]+)*", seg) is not None and \
        not has_degree(respelled(seg)) \
        and not _names_school(respelled(seg)) and not _looks_like_place(seg) and not _FIELD_MARKER.match(seg) \
        and not _grade(seg)


@lru_cache(maxsize=1)
def _faculty_words() -> frozenset[str]:
    return frozenset(fold(str(w)) for w in load("education_words")["faculty_words"])


def _faculty_only(seg: str) -> bool:
    """Every school word in ``seg`` names a faculty or department ("Faculty of Physics"), none a school."""
    found = list(_cues().institution.finditer(seg))
    return bool(found) and all(fold(m.group(0)) in _faculty_words() for m in found)


@lru_cache(maxsize=1)
def _degree_type_words() -> frozenset[str]:
    return frozenset(fold(str(w)) for w in load("education_words")["degree_type_words"])


_ABBREV_AFTER = re.compile(r"\s*\(|\s+[-–—]\s+")


def _next_subject(credential: str, segments: list[str], consumed: set[str]) -> str:
    """The segment right after the credential when it reads as a subject ("Master of Science, Electrical
    Engineering"), else ""."""
    at = segments.index(credential) + 1 if credential in segments else len(segments)
    if at < len(segments) - 1 and _cues().abbrev.fullmatch(segments[at].strip(" .()")):
        at += 1  # "Bachelor of Engineering - BE, Computer Science": the credential's abbreviation, then its subject
    nxt = segments[at] if at < len(segments) else ""
    if not nxt or nxt in consumed or _looks_like_place(nxt) or has_institution(nxt) or has_degree(nxt) or \
            len(nxt.split()) > 6 or _FIELD_MARKER.match(nxt) or not re.match(r"[^\W\d_]", nxt) or \
            _programme_words().fullmatch(respelled(nxt)):
        return ""  # (a lone programme word below, "Course", is the name's kind wrapped, not a subject)
    return nxt


_CREDENTIAL_AFTER_SCHOOL = re.compile(r"\s+(?:leaving\s+|leavers['’]?\s+)?(?:certificate|diploma|examination|exam)s?\b",
                                      re.IGNORECASE)


def _school_in_credential(seg: str) -> bool:
    """Each school word of ``seg`` is part of a credential's name ("West African Senior School Certificate
    Examination", "School Leaving Certificate", "High School Diploma"): a credential, no school."""
    found = list(_cues().institution.finditer(seg))
    return bool(found) and all(_CREDENTIAL_AFTER_SCHOOL.match(seg, m.end()) for m in found)


def _ends_with_school(seg: str) -> bool:
    """The segment ends with a school word: a school's name ("Lincoln High School"), not a credential."""
    found = list(_cues().institution.finditer(seg))
    return bool(found) and not seg[found[-1].end():].strip(" .,")


def _joined_hyphens(text: str, entries: list[_Entry]) -> list[_Entry]:
    """An institution broken over two lines with a hyphen ("Ryazan State Radio-" / "Engineering University") is
    one line again."""
    for en in entries:
        joined: list[tuple[int, int, str, bool]] = []
        for ln in en.lines:
            if joined and re.search(r"[^\W\d_]-$", joined[-1][2]) and ln[2][:1].isupper() and not ln[3]:
                prev = joined[-1]
                joined[-1] = (prev[0], ln[1], prev[2] + ln[2], prev[3])
            else:
                joined.append(ln)
        en.lines = joined
        if not en.has_institution and any(has_institution(x[2]) for x in joined):
            en.has_institution = True
    return entries


# a described line under an entry ("Thesis: …", "Final project: …", "Major: …"), never an entry of its own
_NOTE = re.compile(r"^[^\W\d_][\w ’'/-]{1,30}:\s")


def _institution_first(line: str) -> bool:
    c = _cues()
    im = c.institution.search(line)
    if im is None:
        return False
    dm = [m for m in (c.degree.search(line), c.abbrev.search(line)) if m]
    return all(im.start() < m.start() for m in dm) and im.start() < 40


def _named_degree_line(text: str, spans: list[tuple[int, int]]) -> bool:
    """True when the (next) line holds a degree with a name written before it on the same line ("MCB  Associate's
    Degree (2012 2017)"): such a line opens its own entry and needs no name from the line above."""
    if not spans:
        return False
    line = text[spans[0][0]:spans[0][1]].strip()
    c = _cues()
    found = [m for m in (c.degree.search(line), c.abbrev.search(line)) if m]
    return bool(found) and re.search(r"[^\W\d_]{2}", line[:min(m.start() for m in found)]) is not None


# a ">" bullet after spaces inside a line: the neighbouring column's bullet point glued on by a converter ("•" and
# "|" separate fields of one entry and are kept)
_NEXT_COLUMN = re.compile(r"\s+>\s+(?=\S)")
# "X (Moscow campus)": a school named with its campus, even when the school's own word was lost in conversion
_CAMPUS = re.compile(r"\(\s*[^()]*\bcampus\s*\)", re.IGNORECASE)


_FIRM_AFTER_NAME = re.compile(r"\s(?:of|de|da|do|di)\s[A-Z][\w'’.-]*(?P<firm>\s+[A-Z][\w'’.-]*\s+&\s+[A-Z][\w'’.-]*|"
                              r"(?:\s+[A-Z][\w'’-]*){1,2}\s+(?:AG|GmbH|Inc\.?|Ltd\.?|LLC|PLC|plc|S\.A\.|Corp\.?)"
                              r"|\s+[A-Z][\w-]*\.(?:io|ai))$")


def _name_run(seg: str) -> str:
    """The school's own words around its institution word: capitalised words before it and "of …" after it
    ("Ural State University" from "automating web and API Ural State University SKB Kontur")."""
    cues = _cues()
    m = cues.institution.search(seg)
    if m is None:
        return seg
    before = seg[:m.start()].split()
    start = len(before)
    while start > 0 and re.fullmatch(r"[A-Z][a-z][\w'’.-]*", before[start - 1]):
        start -= 1
    end = m.end()
    # "Polytechnic University": school words written one after the other are one name
    while (nxt := cues.institution.search(seg, end)) and re.fullmatch(r"\s+", seg[end:nxt.start()]):
        end = nxt.end()
    after = re.match(r"(?:\s+(?:of|de|do|da|del|di|für|and|&)(?:\s+(?:the\s+)?[A-Z][\w'’.-]*)+)*", seg[end:])
    name = clean(" ".join(before[start:] + [seg[m.start():end + (after.end() if after else 0)]]))
    # "National University of Fagorne Linlin & Rolex", "… of Engineering Rodrigor Vakro AG": a partnership's name
    # ("X & Y") or a company's with its legal form (AG, GmbH, Ltd…) after the school's own name is the next
    # column's employer
    firm = _FIRM_AFTER_NAME.search(name)
    return name[:firm.start("firm")] if firm else name


def _caps_name(line: str) -> bool:
    """A name written in capitals on a line of its own ("CORNELL UNIVERSITY", "ST XAVIER'S HIGH SCHOOL")."""
    return line.isupper() and 2 <= len(line.split()) <= 8 and re.fullmatch(r"[^\W\d_][\w&'’. -]*", line) is not None


def _opens_with_dates(line: str, dates: list[DateMention | DateRange]) -> bool:
    """True when a line starts with its dates and goes on with words ("2021, Tel Ran Educational Center, …")."""
    return bool(dates) and dates[0].span[0] == 0 and not _only_dates(line, dates)


def _only_dates(line: str, dates: list[DateMention | DateRange]) -> bool:
    """True when a line holds dates and nothing else but separators ("2003 - 2005", "2005  2007:")."""
    if not dates:
        return False
    rest = line
    for d in sorted(dates, key=lambda d: d.span[0], reverse=True):
        rest = rest[:d.span[0]] + rest[d.span[1]:]
    return not re.search(r"[^\W\d_]{2}", rest)


def _build(text: str, entry: _Entry, today: date | None) -> EducationEntry:
    cues = _cues()
    header = [ln for ln in entry.lines if not ln[3]] or entry.lines[:1]
    start: PartialDate | None = None
    end: PartialDate | None = None
    grade = ""
    date_spans: list[tuple[str, tuple[int, int]]] = []
    ranged = False
    for _s, _e, line, _b in entry.lines:
        for d in _dates(line, today):
            if isinstance(d, DateRange) and not ranged:
                start, end, ranged = d.start, d.end, True
                date_spans.append((line, d.span))
            elif isinstance(d, DateMention) and end is None:
                end = d.date
                date_spans.append((line, d.span))
            elif isinstance(d, DateMention) and not _b:
                date_spans.append((line, d.span))
        g = _grade(line)
        if g and not grade:
            grade = clean(g["g"])
    if not ranged and len(entry.lines) > 1:
        # a range whose two ends the text layer put on separate lines ("2005  2007: MBA" flattened)
        first_end = entry.lines[1][1]
        for d in _dates(text[entry.lines[0][0]:first_end], today):
            if isinstance(d, DateRange):
                start, end, ranged = d.start, d.end, True
                break
    for a, b in zip(entry.lines, entry.lines[1:], strict=False):
        # "… Bachelor's Degree (2017" / "2021)": a range broken over two lines with its dash lost
        if ranged or not (re.search(r"\d{4}\W*$", a[2]) and re.match(r"\W*\d{4}\b", b[2])):
            continue
        joined = a[2].rstrip() + " – " + b[2].lstrip()
        for d in _dates(joined, today):
            if isinstance(d, DateRange) and d.span[0] < len(a[2].rstrip()) < d.span[1]:
                start, end, ranged = d.start, d.end, True
                break
    credential = institution = fld = ""
    per_line: list[list[str]] = []
    for _s, _e, line, _b in header:
        stripped = line
        for dl, span in sorted(date_spans, key=lambda x: x[1][0], reverse=True):
            if dl == line:  # "… from Ashvale University in 2015": the preposition goes with the date
                stripped = _IN_BEFORE_DATE.sub("", stripped[:span[0]]) + "  " + stripped[span[1]:]
        g = _grade(stripped)
        if g:
            stripped = stripped[:g.start()] + "  " + stripped[g.end():]
            stripped = re.sub(r"\(\s*\)", "  ", stripped)  # "B.Sc. Accounting (Second Class Upper)" → no "( )"
        stripped = re.sub(r"\b(?:expected|graduated|graduation|passed|completed|class of|promoção)\b[:\s]*", "  ",
                          stripped, flags=re.IGNORECASE)
        stripped = _note().sub("  ", stripped)  # "(advisor: Prof. Jane Doe)": a note, no field
        # "Masters in Business Administration (Touro College, Germany)": a bracket naming the school is two fields
        stripped = _PAREN_ANY.sub(lambda m: "  " + m.group(0)[1:].rstrip(")") + "  " if (
            has_institution(m.group(0)) and len(m.group(0).split()) >= 2 or
            _cues().country.fullmatch(m.group(0).strip("()").strip())) else m.group(0),
            stripped)
        # "Cambridge, MA": a city and its state are one place, not a Master of Arts
        stripped = _CITY_STATE.sub(lambda m: m.group(0).replace(", ", "\u2063", 1), stripped)
        stripped = _joined_institution_pairs(stripped)
        # "…and Management. Ryazan State…", "… Bachelor's. Faculty of …": a full stop ends a field
        stripped = re.sub(r"(?:(?<=[^\W\d_]{4})|(?<=[^\W\d_]['’]s))\.\s+(?=[A-Z])", "  ", stripped)
        per_line.append([p for p in (clean(x).rstrip(".").strip() if not _cues().abbrev.search(clean(x)[-6:])
                                     else clean(x) for x in _SEP.split(stripped)) if p])
    merged = [[x.replace("\u2063", ", ") for x in segs] for segs in _wrapped_fields(per_line)]
    merged = _wrapped_programmes([[y for x in segs for y in _provider_programme(x)] for segs in merged])
    line_of = {x: (i, len(segs)) for i, segs in enumerate(merged) for x in segs}  # line index, segments on it
    segments = [x for segs in merged for x in segs if re.search(r"[^\W\d_]", x)]
    consumed: set[str] = set()
    named = {x for x in segments if has_degree(respelled(x))}  # segments with a credential word
    degree_named = bool(named)
    # "Lincoln High School — High School Diploma": a school named with a credential word is the school when
    # another segment names the credential
    school_named = {x for x in named if _ends_with_school(x)}
    if not named - school_named:
        school_named = set()
    faculties = {x for x in segments if _faculty_only(respelled(x))}
    real_school = bool(faculties) and any(_names_school(respelled(x)) for x in segments if x not in faculties)
    for seg in segments:
        # "Engineer Ural State University", "MASA Web Development" (not "Teacher Training College, Diploma …")
        qualified = None if degree_named else (_qualification_first(seg) or _acronym_programme(seg))
        if qualified and not credential and not institution:
            credential, institution = qualified  # "Engineer Ural State University of Economics"
            consumed.add(seg)
            continue
        if not credential and seg in named and not _looks_like_place(seg) and seg not in school_named:
            inst_m = cues.institution.search(seg)
            if inst_m and not institution and not _school_in_credential(seg):
                split = _split_credential_institution(seg, inst_m.start())
                if split:
                    credential, institution = split
                    consumed.add(seg)
                    continue
            credential = seg
            consumed.add(seg)
        elif not institution and (_names_school(respelled(seg)) and (seg not in faculties or not real_school)
                                  and not _school_in_credential(seg) or _CAMPUS.search(seg)):
            institution = seg
            consumed.add(seg)
    if credential and institution:
        wrapped = _school_wrapped_round(credential, institution, line_of)
        if wrapped != (credential, institution):
            acronym = _acronym_before(credential, segments, line_of)
            consumed.add(acronym)
            credential, institution = wrapped[0], f"{acronym}, {wrapped[1]}" if acronym else wrapped[1]
    if credential:
        m = _FIELD_PREP.search(credential) or _FIELD_OF.match(credential)
        # ("Bachelor of Engineering (B.E.)", "Bachelor of Engineering - BE": the kind of degree, its abbreviation after)
        if m and m.re is _FIELD_OF and fold(clean(_ABBREV_AFTER.split(m["f"], 1)[0])) in _degree_type_words():
            m = None  # "Master of Science": the kind of degree, not its subject
            fld = _next_subject(credential, segments, consumed)  # "…, Electrical Engineering"
        am = cues.abbrev.match(credential)
        after_abbrev = clean(_PAREN_ANY.sub(" ", credential[am.end():])) if am else ""
        pm = _PAREN_FIELD.search(credential)
        if fld:
            pass
        elif m and not cues.institution.search(m["f"]):
            fld = clean(_PAREN_ANY.sub(" ", m["f"])) or clean(m["f"])
        elif (dm := _AFTER_DEGREE.match(credential)) and not has_degree(dm["f"]) and not has_institution(dm["f"]):
            fld = dm["f"]  # "Engineer's degree Computer Science"
        elif after_abbrev and re.match(r"[^\W\d_]", after_abbrev) and after_abbrev[0].isupper() and \
                len(after_abbrev.split()) <= 6 and not cues.institution.search(after_abbrev):
            fld = after_abbrev  # "BSc Nursing", "B.S. Mechanical Engineering"
        elif pm and has_degree(pm["f"]) and re.match(r"\s*[A-ZÀ-Ý]", credential[pm.end():]) and \
                not has_degree(credential[pm.end():]):  # ("… (NECO) SSCE": a second name of the credential)
            fld = clean(credential[pm.end():])  # "Magister inżynier (MSc Eng.) Computer Science"
        elif pm and not re.fullmatch(r"(?:hons?|honours|honors)\.?", pm["f"], re.IGNORECASE) and \
                not _NOT_FIELD.search(pm["f"]) and not has_degree(pm["f"]):
            fld = clean(pm["f"])
    if not fld:
        # "Melbourne, Australia": a city written before its country is a place too
        cities = {a for a, b in zip(segments, segments[1:], strict=False) if cues.country.fullmatch(b)}
        rest = [s for s in segments if s not in consumed and not _looks_like_place(s) and s not in cities and
                (not has_institution(s) or _faculty_only(s))]
        # (a school-leaving certificate names no subject: "…(WASSCE), Model Secondary School, Maitama" ends with
        # the school's town)
        if credential and institution and rest and len(rest[0].split()) <= 8 and \
                education_kind(credential=respelled(credential)) != "secondary" and \
                not re.search(r"\b(?:is|are|was|were|available|upon|request)\b", rest[0], re.IGNORECASE):
            fld = rest[0]  # (a sentence such as "Recommendations are available upon request" is no subject)
    if institution:
        # "The Moscow School of … Sciences and" / "University of Manchester …": a joint programme's first school,
        # its "and" left at the end of the line
        institution = _TRAILING_AND.sub("", institution)
        institution, tail = _institution_name(institution)
        if tail and not fld:
            fld = tail
    if not credential and not institution:
        programme = _programme(segments[1:])
        provider = segments[segments.index(programme) - 1] if programme in segments else ""
        if programme and _name_like(provider) and not _looks_like_place(provider) and not _programme([provider]):
            credential, institution = programme, provider  # "General Assembly — Software Engineering Immersive"
        else:
            credential = segments[0] if segments else clean(header[0][2])
    elif not credential and institution:
        others = [s for s in segments if s != institution and s not in consumed]
        programme = _programme(others)
        if programme:
            credential = programme  # a vocational programme or bootcamp: "Front-End Developer", "Web Development"
            fld = fld or _next_subject(credential, segments, consumed | {institution})
        elif others and not _looks_like_place(others[0]):
            # a name on a line below the school's ("Citizenship: Mobile Apps Track"), over a one-word fragment of
            # the neighbouring column above it ("anChristina")
            school_line = min((line_of[x][0] for x in consumed if x in line_of), default=len(merged))
            fragment = len(others[0].split()) == 1 and others[0][:1].islower()
            credential = fragment and _named_programme([x for x in others if x not in consumed and
                                                        line_of.get(x, (-1, 0))[0] > school_line]) or others[0]
    elif credential and not institution:
        others = [s for s in segments if s != credential and s != fld and not _looks_like_place(s)]
        if entry.school:
            institution = entry.school  # a second credential under the school named above the first
            if others and not fld:
                fld = others[0]
        elif others and _name_like(others[0]):
            institution = others[0]
            if not fld and len(others) > 1 and not has_institution(others[1]) and not has_degree(others[1]):
                fld = others[1]  # "KPC  Associate's Degree (2010 2014)" / "Software Maintenance"
        elif others and not fld:
            fld = others[0]  # "Master, Computer science and information technology": a subject, not a school
    if entry.interleaved and institution:
        institution = _name_run(institution)  # "automating web and API Ural State University SKB Kontur"
    if entry.named_in_caps and not institution and segments and credential == segments[0]:
        institution, credential = credential, ""  # "LA MARTINIERE FOR BOYS" below "CORNELL UNIVERSITY" entries
    country = ""
    blob = " ".join(ln[2] for ln in header)
    cm = cues.country.search(blob)
    if cm:
        country = cues.countries.get(fold(cm.group(0)), "")
    span = (entry.lines[0][0], entry.lines[-1][1])
    kind = education_kind(credential=respelled(credential), field=fld, institution=respelled(institution),
                          context=" | ".join(ln[2] for ln in entry.lines))
    return EducationEntry(institution=institution, credential=credential, field=fld, country=country,
                          start=start, end=end, grade=grade, span=span, kind=kind)


def _joined_institution_pairs(line: str) -> str:
    """"NRU HSE, School of history", "MEPhI, National Research Nuclear University": a school's acronym and its
    faculty (or its full name) written with a comma are one institution; the comma is protected. A school named
    in full keeps its own name ("University of Ghana, School of Nursing" → "University of Ghana")."""
    pieces = line.split(", ")
    out = pieces[0]
    for before, piece in zip(pieces, pieces[1:], strict=False):
        left, right = _SEP.split(before)[-1].strip(), _SEP.split(piece)[0].strip()
        # "NRU HSE", "MEPhI"; a lone all-capital word ("MFS, Motor Management School") may be the degree
        acronym = 0 < len(left.split()) <= 3 and all(sum(c.isupper() for c in w) >= 2 for w in left.split()) and \
            (len(left.split()) > 1 or not left.isupper())
        if (acronym and not has_institution(left) or _school_part(left) and _name_like(right)) and \
                has_institution(right) and not has_degree(left) and not has_degree(right):
            out += "\u2063" + piece
        else:
            out += ", " + piece
    return out


_TRAILING_AND = re.compile(r"\s+(?:and|&|und|et|y|e|i)$")
# "School of Engineering", "Faculty of Law": a part of a school named before the school it belongs to
_SCHOOL_PART = re.compile(r"(?:the\s+)?(?:school|faculty|department|college|institute|division|academy)\s+of\s+"
                          r"[^\W\d_]", re.IGNORECASE)


def _school_part(seg: str) -> bool:
    """"School of Technology" in "School of Technology, Ronallu University": a part of a school whose school is
    written after it (with a school word of its own, checked by the caller)."""
    return _SCHOOL_PART.match(seg) is not None and len(seg.split()) <= 6


def _split_credential_institution(seg: str, inst_at: int) -> tuple[str, str] | None:
    """("BS", "University of Pennsylvania") from "BS University of Pennsylvania"; None when not one of each.

    Names follow the institution word in "University of X" / "Universidade de X" and precede it in
    "Harvard Business School"; up to three capitalised words before it are taken as its name.
    """
    cues = _cues()
    deg_m = cues.abbrev.match(seg) or cues.degree.match(seg)
    if not deg_m or deg_m.end() > inst_at:
        # "Kazan Polytechnic Institute Honours degree": the school first, its degree after its last school word
        last_inst = list(cues.institution.finditer(seg))[-1].end()
        tail = [m for m in (cues.degree.search(seg, last_inst), cues.abbrev.search(seg, last_inst)) if m]
        if deg_m is None and tail:
            at = min(m.start() for m in tail)
            credential, institution = clean(seg[at:]), clean(seg[:at]).rstrip(" ,")
            if credential and institution and not re.match(r"(?:of|de|do|da|del|di|in)\b", credential):
                return credential, institution
        return None
    after = seg[inst_at:]
    start = inst_at
    words = list(re.finditer(r"\S+", seg[deg_m.end():inst_at]))
    if not re.match(r"\S+\s+(?:of|de|do|da|del|des|du|für|di|degli)\b", after, re.IGNORECASE):
        for taken, w in enumerate(reversed(words)):
            if not w.group(0)[:1].isupper() or taken == 3:
                break
            start = deg_m.end() + w.start()
    elif len(words) == 1 and re.fullmatch(r"[A-Z][a-z][\w'’-]*", words[0].group(0)):
        start = deg_m.end() + words[0].start()  # "Specialist Gorlinne University of Management": a place's name
    credential = clean(seg[:start])
    institution = clean(seg[start:])
    if not credential or not institution:
        return None
    return credential, institution


_CONNECTORS = frozenset(str(w) for w in load("entry_words")["name_connectors"])
_CITY_STATE = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+){0,2}, (?:" +
                         "|".join(str(w) for w in load("entry_words")["us_states"]) +
                         r")(?![^\W\d_]|\.?\s+(?:in|of)\b)")
# words that open a line about the programme, never a school ("Specialization in AI", "Major: Physics")
_FIELD_MARKER = re.compile(r"(?:specialization|specialisation|specialty|speciality|major|minor|concentration|focus|"
                           r"thesis|dissertation|coursework|relevant coursework|courses|gpa|honors|honours|faculty of)\b",
                           re.IGNORECASE)


# "(Toronto)", "(Rio de Janeiro)" closing a school's name: capitalised words in brackets, no acronym ("(SUSU)",
# "(MEPhI)") and no lower-case note ("(Moscow campus)")
_BRACKETED_CITY = re.compile(r"\s*\((?:[A-Z][a-z'’-]+)(?:[ -](?:[A-Z][a-z'’-]+|de|do|da|del|la|am|upon|on))*\)\s*$")


# "Engineer's degree Computer Science", "Bachelor's Degree Information Systems": the subject after the word degree
_AFTER_DEGREE = re.compile(r"(?i:.*?\bdegree)\s+(?P<f>[A-ZÀ-Ý][^\W\d_]*(?:\s+(?:[A-ZÀ-Ý][^\W\d_]*|and|of|&)){0,5})$")


# "of Castis Computer science": the school's name after its "of" in capitals, then a subject in sentence case
_OF_NAME_THEN_FIELD = re.compile(r"(?:of|de|do|da|del|di)\s+(?:[A-Z][\w'’.-]*\s+){1,4}?"
                                 r"(?P<f>[A-Z][a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)+)")


def _institution_name(seg: str) -> tuple[str, str]:
    """("The Ural Federal University", "Computer science") from "The Ural Federal University Computer science";
    a country written after the name ("Tel-Ran Educational Center Ltd. Israel") is dropped, and so is its city in
    brackets ("Stonebridge Tech School (Toronto)"; not an acronym, a campus or a school's other name)."""
    cues = _cues()
    found = list(cues.institution.finditer(seg))
    if not found:
        return seg, ""
    city = _BRACKETED_CITY.search(seg)
    if city and city.start() >= found[-1].end() and not has_institution(city.group(0)):
        seg = seg[:city.start()].rstrip()
    last = found[-1]
    ends = [m for m in cues.country.finditer(seg) if m.start() > last.end() and not seg[m.end():].strip(" ().,")]
    if ends and not re.search(r"\b(?:of|de|do|da|del|di|in)(?:\s+the)?\s*$", seg[:ends[-1].start()], re.IGNORECASE):
        seg = seg[:ends[-1].start()].rstrip(" ,(-–—")  # "… Center Ltd. Israel": the country is not the name
    tail = seg[last.end():].strip()
    cm = cues.country.fullmatch(tail.strip("() ."))
    if tail and cm:
        return seg[:last.end()].rstrip(" ,."), ""
    words = tail.split()
    if 1 <= len(words) <= 5 and words[0][:1].isupper() and words[0].lower() not in _CONNECTORS and \
            any(w[:1].islower() and w.lower() not in _CONNECTORS for w in words[1:]) and "(" not in tail:
        return seg[:last.end()].rstrip(" ,."), tail
    named = _OF_NAME_THEN_FIELD.fullmatch(tail)
    if named and any(w.lower() not in _CONNECTORS for w in named["f"].split()[1:]):
        return seg[:last.end() + named.start("f")].rstrip(" ,."), named["f"]  # "University of Castis Computer science"
    return seg, ""


@lru_cache(maxsize=1)
def _programme_words() -> re.Pattern[str]:
    words = load("education_words")["programme_words"]
    return re.compile(r"(?<![^\W_])" + alternation(words) + r"(?![^\W_])", re.IGNORECASE)


# "Citizenship: Front-End Developer": a label from the neighbouring column glued before the programme's name
_LABEL = re.compile(r"^[^\W\d_][\w ’'-]{1,25}:\s+")


@lru_cache(maxsize=1)
def _qualification_title() -> re.Pattern[str]:
    words = load("education_words")["qualification_titles"]
    return re.compile(r"(?P<q>" + alternation(words) + r")\s+(?=[A-Z])", re.IGNORECASE)


_ACRONYM_PROGRAMME = re.compile(r"(?P<org>[A-Z]{3,6})\s+(?P<prog>[A-Z][\w+#-]*(?:\s+[\w+#-]+){0,5})")


def _acronym_programme(seg: str) -> tuple[str, str] | None:
    """("Web Development", "MASA") from "MASA Web Development": a training provider's acronym followed by the
    programme it taught, on a line of their own; None when the line is not so."""
    m = _ACRONYM_PROGRAMME.fullmatch(seg.strip())
    if m is None or has_degree(seg) or has_institution(seg) or not _programme([m["prog"]]) or \
            _programme_words().fullmatch(m["org"]):  # "QA Automation Engineer" is a programme, not a provider
        return None
    return m["prog"], m["org"]


def _qualification_first(seg: str) -> tuple[str, str] | None:
    """("Engineer", "Ural State University of Economics") from "Engineer Ural State University of Economics": a
    professional qualification written before the school that awarded it; None when the line is not so."""
    m = _qualification_title().match(seg)
    if m is None or not seg[:1].isupper():
        return None
    rest = seg[m.end():]
    im = _cues().institution.search(rest)
    if im is None or has_degree(rest) or not _name_like(rest[:im.end()]):
        return None
    return m["q"], rest.strip()


def _named_programme(segments: list[str]) -> str:
    """The first segment written as a name (capitalised words, no label glued before it, not a place): a
    programme named by no programme word ("Citizenship: Mobile Apps Track" → "Mobile Apps Track"), over a stray
    fragment of the neighbouring column ("anChristina"); "" when none is."""
    for seg in segments:
        body = _LABEL.sub("", seg)
        if body[:1].isupper() and _name_like(body) and not _looks_like_place(body) and re.search(r"[a-z]", body):
            return body
    return ""


def _programme(segments: list[str]) -> str:
    """The first segment naming a vocational programme or course ("Front-End Developer", "Java and Android
    developer", "Web Development"), without a label glued before it; "" when none does."""
    for seg in segments:
        body = _LABEL.sub("", seg)
        if _programme_words().search(body) and not _looks_like_place(body) and body[:1].isupper() and \
                not _names_school(body):
            return body
    return ""


@lru_cache(maxsize=1)
def _programme_school_words() -> frozenset[str]:
    return frozenset(fold(str(w)) for w in load("education_words")["programme_school_words"])


def _names_school(seg: str) -> bool:
    """A school's name is in ``seg``: a school word, unless each one ends a programme's name ("Full Stack Web
    Development Bootcamp" names a programme; "Northwind Bootcamp" a school)."""
    found = list(_cues().institution.finditer(seg))
    words = _programme_school_words()
    return any(fold(" ".join(m.group(0).split())) not in words or
               not _programme_words().search(_SEP.split(seg[:m.start()] + "\u2063")[-1])  # its own segment's words
               for m in found)


def _name_like(s: str) -> bool:
    """A school's name is written in capitals ("Tver State Technical University", "MCB"); a subject is not
    ("Computer science and information technology"), nor a place or a field marker."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", s)]
    if not words or _FIELD_MARKER.match(s):
        return False
    content = [w for w in words if w.lower() not in _CONNECTORS]
    return bool(content) and all(w[0].isupper() for w in content)


def _looks_like_place(s: str) -> bool:
    """"Boston, MA", "India": a location written next to an institution, not a field of study."""
    if _cues().country.fullmatch(s):
        return True
    return bool(re.fullmatch(r"[A-ZÀ-Ý][\w.'’ -]*,\s*[A-Z]{2}", s))


__all__ = ["find_education", "has_degree", "has_institution"]
