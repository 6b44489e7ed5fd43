"""Blind review: one redaction stage over results. Identity proxies go; skills and evidence stay.

    view = redact_result_json(result_json, document_text, code="C-1a2b3c4d")          # store / JSON form
    blind = redact_candidate(candidate_result, code="C-1a2b3c4d")                      # in-memory form

Both give the same kind of object back (a result dict plus the redacted text, or a ``CandidateResult`` whose
profile holds the redacted document), so every page and export that shows a result can show a blind one. Hidden
in the résumé text (in place, spans remapped so evidence highlighting still lines up) and in every string of the
result (evidence quotes and contexts, roles, reasons, warnings, notes): the name, e-mail addresses, phone numbers,
links, street addresses and zip/postal codes, graduation and birth years and ages, pronouns, honorifics and stated
gender or marital status; the file name becomes the candidate code. As options (``BlindOptions``): school names,
employer names, and country/nationality markers (with the foreign-credential marker). The categories and why each
is hidden are data: ``data/redaction.yaml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..credentials.tables import load_countries
from ..parse.contact import EMAIL as _EMAIL
from ..parse.contact import is_title_word

_DATA = Path(__file__).resolve().parent / "data" / "redaction.yaml"
_COUNTRY_NAMES = Path(__file__).resolve().parent / "data" / "country_names.txt"


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    always: bool
    default: bool
    purpose: str


@cache
def categories() -> tuple[Category, ...]:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return tuple(Category(c["id"], c["label"], bool(c.get("always", False)), bool(c.get("default", True)),
                          " ".join(str(c["purpose"]).split())) for c in data["categories"])


@cache
def not_name_words() -> frozenset[str]:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return frozenset(str(w).casefold() for w in data.get("not_name_words") or [])


def _label(cat: str) -> str:
    return "[" + next(c.label for c in categories() if c.id == cat) + "]"


@dataclass(frozen=True)
class BlindOptions:
    """The optional categories; the rest are always hidden in blind review."""

    schools: bool = True
    employers: bool = False
    nationality: bool = True

    @classmethod
    def defaults(cls) -> BlindOptions:
        d = {c.id: c.default for c in categories() if not c.always}
        return cls(schools=d.get("schools", True), employers=d.get("employers", False),
                   nationality=d.get("nationality", True))


# ---- patterns -----------------------------------------------------------------------------------------------------

_W = r"[^\W\d_]"  # a letter, any script
# (each host and file-name pattern starts only where its run of characters starts: a long run of "1.2.1.2…" or
# dashes is read once, not once per character)
_URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>()\"']+"
                  r"|(?<![\w.-])(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|me|co|ai|app|info|edu|uk|de|in|br|ca|page|site)"
                  r"/[^\s<>()\"']*"
                  r"|\b(?:linkedin|github|gitlab|twitter|behance|dribbble|medium|stackoverflow|xing)\.com\b[^\s<>()\"']*",
                  re.IGNORECASE)
_DOMAIN = re.compile(r"(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:com|me|dev|io|net|org|info|site|page|xyz|co)(?![\w.]|\.\w)")
_HANDLE = re.compile(
    r"(?im)\b(?:github|gitlab|bitbucket|linkedin|twitter|x|youtube|facebook|fb|instagram|medium|stackoverflow|behance|"
    r"dribbble|kaggle|leetcode|hackerrank|mastodon|telegram|skype|whatsapp)[ \t]*(?::[ \t]*/*|/+)[ \t]*"
    r"(?P<handle>@?[\w.-]{2,})(?=[ \t]*(?:$|[|,·•;\n]))"
    r"|(?<![\w.@])@(?P<at>[A-Za-z_][\w.]{2,}\w)")
_PHONE = re.compile(r"(?<![\w+/.-])(?:\+|00)?\(?\d(?:[\d().\-/]|[ \t](?=[(+]?\d)){5,}\d(?![\w/])")
_PHONE_STRICT = re.compile(r"(?<!\d)(?:\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?!\d)")
_ZIP = re.compile(r"(?<![\w$€£#.,-])(?:\d{5}(?:-\d{4})?|[1-9]\d{5})(?![\w%,]|\.\d)")  # U.S. ZIP, Indian PIN
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{4,5}-\d{3}|\d{2}-\d{3})\b")
_STREET = re.compile(
    r"\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w'.-]*\s+){0,4}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|"
    r"Lane|Ln\.?|Drive|Dr\.?|Way|Court|Ct\.?|Place|Pl\.?|Terrace|Parkway|Pkwy\.?|Highway|Hwy\.?|Square|Sq\.?|"
    r"Circle|Cir\.?|Plaza|Crescent|Close|Trail|Alley|Row|Walk|Gardens|Heights|Nagar|Marg|Colony|Sector)(?![\w])(?:[ \t]*(?:#|No\.?|Apt\.?|Suite|Unit)[ \t]*\w+)?(?:,[ \t]*[^\s,|·•;.]+(?:[ ][^\s,|·•;.]+){0,4}){0,3}"
    r"|\b(?:Rua|Avenida|Calle|Carrera|Via|Strasse|Straße|Ulica|ul\.)\s+[^\n]{2,60}"
    r"|\b(?:Apt|Apartment|Suite|Flat|Unit)\.?[ \t]*#?[ \t]*\d\w*", re.UNICODE)
_FIELD = re.compile(  # "Date of birth: …", "Gender: …" — the label stays, the value goes (to the end of the line)
    r"(?im)\b(?P<label>date\s+of\s+birth|birth\s*date|birthday|d\.?o\.?b\.?|born|age|gender|sex|marital\s+status|"
    r"nationality|citizenship|place\s+of\s+birth|religion|pronouns|address|home\s+address)[ \t]*[:\-–][ \t]*(?P<value>[^\n|;•·]+)")
_FIELD_MAX = 100
_AGE = re.compile(r"(?i)\b(?:born\s+(?:in\s+|on\s+)?[\w ,./-]{0,20}?(?:19|20)\d\d|aged?\s+\d{2}|\d{2}\s+years?\s+old"
                  r"|\d{2}[ -]?years?[ -]old|\d{2}\s?y\s?[./]\s?o\b\.?|\d{2}\s?yo\b|\d{2}\s+(?:лет|года|год)\b)")
# a year, but not the one in the name of a classification ("ISCED 2011 level 7" in an equivalency note)
_YEAR = re.compile(r"(?<!\d)(?<!ISCED )(?:19[4-9]\d|20[0-4]\d)(?!\d)")
_EDU_LINE = re.compile(
    r"(?i)\b(?:b\.?\s?sc|b\.?\s?a|b\.?\s?s|m\.?\s?sc|m\.?\s?s|m\.?\s?a|mba|ph\.?\s?d|bachelor|master|doctor|diploma|degree|"
    r"graduat\w*|class\s+of|high\s+school|secondary|ged|university|universidad\w*|universit\w*|college|institute|school|"
    r"licenciatura|bacharel|b\.?\s?tech|m\.?\s?tech|b\.?\s?e|b\.?\s?eng|m\.?\s?eng|hnd|a-levels?|baccalaur\w*)\b")
_PRONOUN = re.compile(r"(?i)(?<![\w'])(?:he|him|his|himself|she|her|hers|herself)(?![\w'])"
                      r"|(?i:\b(?:they|ze|xe)\s*/\s*(?:them|hir|xem|their)s?\b)")
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Sr|Sra|Herr|Frau|Mme|Mlle)\b\.?(?=\s+[A-Z])")
_FILE_NAME = re.compile(r"(?<![\w/.-])[\w-][\w.-]*\.(?:pdf|docx?|txt|rtf|odt|json|png|jpe?g|svg|jwt|gif|webp)\b",
                        re.IGNORECASE)
_LANGUAGE_LINE = re.compile(
    r"(?i)^\W*languages?\b|\b(?:native|fluent|bilingual|mother\s+tongue|conversational|professional\s+working|"
    r"proficien\w*|(?:basic|intermediate|advanced)\s+(?:level|knowledge)|[ABC][12])\b")
_INSTITUTION = re.compile(
    r"(?:\b[A-Z][\w'&-]*(?:\.[A-Z][\w'&-]*)* (?:(?:of|de|do|da|del|di|für|and|&) )?){0,5}"
    r"(?:University|Universidade|Universidad|Université|Universität|Università|Universiteit|Uniwersytet|"
    r"College|Institute|Institut|Instituto|Polytechnic|Politécnico|Politecnico|Academy|Hochschule|School|"
    r"Conservatory|Seminary|Escola|Escuela|École|Gymnasium|Lyceum)"
    r"(?: (?:of|de|do|da|del|di|for|in|at|für)(?: (?:the|la|el|[A-Z][\w'&-]*))+)?", re.UNICODE)


@cache
def _country_cues() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """(country names, demonyms and cities; well-known institutions; demonyms folded) from the credentials'
    country table."""
    countries = load_countries().values()  # (the credentials' table, read and checked once for the process)
    places: set[str] = set()
    schools: set[str] = set()
    for entry in countries:
        places.update(x for x in [entry.name, *entry.names] if x)
        places.update(entry.demonyms)
        places.update(entry.cities)
        # Short capitalised cues (ACCA, ICAN, MIT) are often professional bodies, i.e. credentials: left to the
        # general institution pattern and the résumé's own education entries.
        schools.update(x for x in entry.institutions if not (x.isupper() and len(x) <= 6))
    # every other country and territory by its English name(s): the credentials' table knows only the systems it
    # has equivalency rows for, and "Israel, Tel-Aviv" stayed visible in blind review
    for line in _COUNTRY_NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            places.update(n.strip() for n in line.split("\t", 1)[1].split("|") if n.strip())
    demonyms = frozenset(d.casefold() for e in countries for d in e.demonyms)
    return tuple(sorted(places, key=len, reverse=True)), tuple(sorted(schools, key=len, reverse=True)), demonyms


def _literal_pattern(terms: Iterable[str], *, fold: bool) -> re.Pattern[str] | None:
    """One alternation of ``terms`` on word boundaries; all-capital short terms (MIT, UK) match their case only."""
    exact: list[str] = []
    folded: list[str] = []
    for t in {" ".join(t.split()) for t in terms if t and len(t.strip()) >= 2}:
        body = r"[^\S\n]+".join(re.escape(p) for p in t.split())
        (exact if (t.isupper() and len(t) <= 5) or not fold else folded).append(body)
    parts = []
    if folded:
        parts.append("(?i:" + "|".join(sorted(folded, key=len, reverse=True)) + ")")
    if exact:
        parts.append("(?:" + "|".join(sorted(exact, key=len, reverse=True)) + ")")
    if not parts:
        return None
    return re.compile(r"(?<![\w@.])(?:" + "|".join(parts) + r")(?![\w])", re.UNICODE)


_TOKEN = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


@dataclass(frozen=True)
class _Found:
    s: int
    e: int

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


class _Phrases:
    """Many literal phrases found by word look-up (a regex alternation of a thousand names is 20× slower).
    Matching is case-insensitive, except for short all-capital terms (UK, MIT), on whole words; the words of a
    phrase are separated by spaces or tabs (never a line break)."""

    def __init__(self, terms: Iterable[str]) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for t in {" ".join(t.split()) for t in terms if t and len(t.strip()) >= 2}:
            words = _TOKEN.findall(t)
            if not words:
                continue
            exact = t.isupper() and len(t) <= 5
            key = tuple(words) if exact else tuple(w.casefold() for w in words)
            self._index.setdefault(key[0], []).append((key, exact))
            if len(key) > 1:  # the words joined by hyphens, one token: "Tel-Aviv", "Petah-Tikva"
                joined = ("-".join(key),)
                self._index.setdefault(joined[0], []).append((joined, exact))
        for cands in self._index.values():
            cands.sort(key=lambda c: -len(c[0]))

    def finditer(self, text: str) -> Iterator[_Found]:
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        i = 0
        while i < len(toks):
            s0, e0, w0 = toks[i]
            hit = None
            if s0 == 0 or text[s0 - 1] not in "@.":
                for key in (w0, w0.casefold()):
                    for words, exact in self._index.get(key, ()):
                        n = len(words)
                        if i + n > len(toks):
                            continue
                        ok = True
                        for k in range(n):
                            w = toks[i + k][2]
                            if (w if exact else w.casefold()) != words[k] or (
                                    k and not _GAP.fullmatch(text[toks[i + k - 1][1]:toks[i + k][0]])):
                                ok = False
                                break
                        if ok:
                            hit = n
                            break
                    if hit:
                        break
            if hit:
                yield _Found(s0, toks[i + hit - 1][1])
                i += hit
            else:
                i += 1


_GAP = re.compile(r"[^\S\n]+")


@cache
def _places_pattern() -> _Phrases:
    """Country names, demonyms and cities (about a thousand), built once."""
    return _Phrases(_country_cues()[0])


@cache
def _known_schools_pattern() -> _Phrases:
    return _Phrases(_country_cues()[1])


def _name_tokens(names: Iterable[str], *, lower: bool = True) -> set[str]:
    """Each word of each name (two letters or more), in the forms a résumé writes it: as given, Title, UPPER, and
    lower case for longer words (user names: "nissim"). Résumé and job words are never name words."""
    out: set[str] = set()
    stop = not_name_words()
    for n in names:
        n = (n or "").split(",", 1)[0]  # "Grace Mensah, ACCA": post-nominals are credentials, not the name
        for tok in re.findall(r"[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*", n or ""):
            if tok.casefold() in stop:
                continue
            if len(tok) >= 2 and not tok.isupper() or len(tok) >= 3:
                out.update({tok, tok[:1].upper() + tok[1:], tok.title(), tok.upper()})
                if lower and len(tok) >= 6:
                    out.add(tok.lower())
    return out


_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_NAME_CUES = re.compile(
    r"(?:\b(?:[Rr]esume|[Rr]ésumé|CV|[Cc]urriculum [Vv]itae)\s+of\s+|\b(?:Name|NAME|Full [Nn]ame)\s*[:\-–]\s*|"
    r"\b(?:Referees?|References?|REFEREES?|REFERENCES?)\s*:?\s+)"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})")


_NAME_BEFORE_HEADING = re.compile(
    rf"(?:^|\n|(?<![ \t])[ \t]{{2,}})(?P<name>{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{1,2}})(?:[ \t]{{2,}}|[ \t]*\n[ \t]*)"
    r"(?i:objective|career\s+objective|summary|professional\s+summary|profile|professional\s+experience|"
    r"experience|work\s+experience|work\s+history|employment|education|skills|key\s+skills)\b")


def guess_names(text: str, *, skill_words: Iterable[str] = ()) -> list[str]:
    """Names a résumé states without a parser finding them: after "Resume of", "Name:", "References", and the
    first words of the document when they look like a name (1–4 capitalised words before the first break)."""
    out = []
    stop = not_name_words() | {w.casefold() for w in skill_words}  # a line of skills is not a name
    for m in _NAME_CUES.finditer(text or ""):
        words = [w for w in m.group("name").split() if w.casefold() not in stop]
        if words:
            out.append(" ".join(words[:3]))
    # A name standing alone right before a section heading: the header of a page ("Vern Becker  PROFESSIONAL
    # EXPERIENCE (Cont.)") or a name placed under the contact lines ("Marty Ondricka  Objective").
    for m in _NAME_BEFORE_HEADING.finditer(text or ""):
        words = m.group("name").split()
        if not any(w.casefold() in stop for w in words):
            out.append(m.group("name"))
    # A line of its own near the top that reads like a name ("Debarghya Das" under a "Last updated" line).
    for line in [x.strip() for x in (text or "").splitlines()[:8] if x.strip()][:6]:
        words = line.split()
        if (2 <= len(words) <= 4 and all(re.fullmatch(_NAME_WORD, w) and not any(c.isdigit() for c in w)
                                          for w in words)
                and not any(w.casefold() in stop for w in words)):
            out.append(line)
            break
    head = (text or "").lstrip(" \t\n\"'")
    first = re.split(r"\n|[ \t]{2,}|[|,•·:;(]", head, maxsplit=1)[0].strip()
    words = first.split()
    lead: list[str] = []
    for w in words[:4]:
        if w.casefold() in stop or not re.fullmatch(_NAME_WORD, w) or any(ch.isdigit() for ch in w):
            break
        lead.append(w)
    # (a word right before a job title is the title's: "NETWORK ENGINEER" names no one — its first word was masked
    # everywhere, "Network Engineer" read "[name] Engineer" — and "Bernier Network Engineer" names Bernier)
    if lead and len(words) > len(lead) and is_title_word(words[len(lead)]):
        lead.pop()
    if lead:
        out.append(" ".join(lead))
    return out


def _email_names(emails: Iterable[str]) -> list[str]:
    """"vern.becker@…" → "vern becker": the name parts of an e-mail's local part (letters only, 3 or more)."""
    out = []
    for e in emails:
        local = (e or "").split("@", 1)[0]
        parts = [p for p in re.split(r"[._\-+]", local) if len(p) >= 3 and p.isalpha()]
        if len(parts) >= 2:
            out.append(" ".join(parts))
    return out


def _plausible_name(line: str) -> bool:
    words = line.split()
    return (2 <= len(words) <= 4 and len(line) <= 50 and not re.search(r"[\d@/|:•]", line)
            and all(w[:1].isupper() for w in words))


def _is_phone(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if not 7 <= len(digits) <= 15:
        return False
    groups = re.findall(r"\d+", text)
    if text.lstrip().startswith(("+", "(", "00")):
        return True
    if any(len(g) == 4 and 1940 <= int(g) <= 2049 for g in groups) and not re.fullmatch(r"\d{3}[\s.-]\d{3}[\s.-]\d{4}", text.strip()):
        return False  # date ranges: "2019 - 2021", "03/2018 – 05/2020"
    return not all(len(g) <= 2 for g in groups)  # "1. 2. 3." lists, version numbers


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    label: str


class Redactor:
    """The redaction of one candidate: built from what is known about them (names, schools, employers…)."""

    def __init__(self, *, names: Sequence[str] = (), guessed_names: Sequence[str] = (), emails: Sequence[str] = (),
                 phones: Sequence[str] = (),
                 locations: Sequence[str] = (), schools: Sequence[str] = (), employers: Sequence[str] = (),
                 file_stems: Sequence[str] = (), options: BlindOptions | None = None) -> None:
        self.options = options or BlindOptions.defaults()
        self._memo: dict[str, str] = {}
        opts = self.options
        tokens = _name_tokens(list(names) + _email_names(emails)) | _name_tokens(guessed_names, lower=False)
        names = list(names) + list(guessed_names)
        self._patterns: list[tuple[Any, str]] = []  # compiled patterns or _Phrases: both have finditer()

        def add(p: Any, cat: str) -> None:
            if p is not None:
                self._patterns.append((p, _label(cat)))

        add(_EMAIL, "contact")
        add(_URL, "contact")
        add(_literal_pattern(list(emails) + list(phones), fold=True), "contact")
        add(_literal_pattern(file_stems, fold=True), "file_name")
        stop = not_name_words()  # "MEng In Computer Science" is a parser's mistake, not a name to hide whole
        add(_literal_pattern([n for n in names if n and not any(w.casefold() in stop for w in n.split(",")[0].split())],
                             fold=True), "name")
        add(_literal_pattern(tokens, fold=False), "name")
        joined = sorted({t.casefold() for t in tokens if len(t) >= 3}, key=len, reverse=True)
        if joined:  # "priya_raman_kubernetes.png", "ana-souza": a name part joined to other words
            alt = "|".join(re.escape(t) for t in joined)
            add(re.compile(rf"(?i)(?<![^\W_])(?:{alt})(?=[_.@-])|(?<=[_.@-])(?:{alt})(?![^\W_])"), "name")
        add(_FILE_NAME, "file_name")
        add(_literal_pattern(locations, fold=True), "address")
        add(_STREET, "address")
        if opts.schools:
            add(_literal_pattern(schools, fold=True), "schools")
            add(_known_schools_pattern(), "schools")
            add(_INSTITUTION, "schools")
        if opts.employers:
            add(_literal_pattern(employers, fold=True), "employers")
        if opts.nationality:
            add(_places_pattern(), "nationality")
        add(_HONORIFIC, "pronouns")
        add(_PRONOUN, "pronouns")
        add(_AGE, "age")

    def replacements(self, text: str, *, education_spans: Sequence[tuple[int, int]] = (),
                     skill_spans: Sequence[tuple[int, int]] = ()) -> list[Replacement]:
        """Non-overlapping spans of ``text`` to hide, in order (an earlier, longer span wins an overlap). A
        school, employer or place inside a skill the extractor found ("Java") stays; a name never does."""
        found: list[Replacement] = []
        for pat, label in self._patterns:
            found.extend(Replacement(m.start(), m.end(), label) for m in pat.finditer(text) if m.end() > m.start())
        for m in _PHONE.finditer(text):
            if _is_phone(m.group()):
                found.append(Replacement(m.start(), m.end(), _label("contact")))
            else:  # "55812-3095 123-345-7890": a zip code run into a phone number
                found.extend(Replacement(m.start() + x.start(), m.start() + x.end(), _label("contact"))
                             for x in _PHONE_STRICT.finditer(m.group()))
        domains = [Replacement(m.start(), m.end(), _label("contact")) for m in _DOMAIN.finditer(text)]
        found.extend(domains)
        for m in _HANDLE.finditer(text):
            g = "handle" if m.group("handle") else "at"
            found.append(Replacement(m.start(g), m.end(g), _label("contact")))
        for pat in (_ZIP, _POSTCODE):
            found.extend(Replacement(m.start(), m.end(), _label("address")) for m in pat.finditer(text))
        for m in _FIELD.finditer(text):
            lab = m.group("label").lower()
            cat = ("age" if any(w in lab for w in ("birth", "born", "age", "d.o")) else
                   "nationality" if any(w in lab for w in ("national", "citizen")) else
                   "address" if "address" in lab else "pronouns")
            if cat == "nationality" and not self.options.nationality:
                continue
            value = m.group("value")[:_FIELD_MAX]  # a flattened résumé has no line ends: a value is short
            stop = value.find(". ")  # "Pronouns: she/her. He led…": the value ends with its sentence
            end = m.start("value") + (stop if stop > 0 else len(value.rstrip()))
            found.append(Replacement(m.start("value"), end, _label(cat)))
        # Years on education lines (and anywhere inside the education section): graduation years reveal age.
        pos = 0
        for line in text.splitlines(keepends=True):
            if _EDU_LINE.search(line):
                found.extend(Replacement(pos + m.start(), pos + m.end(), _label("age")) for m in _YEAR.finditer(line))
            pos += len(line)
        for s, e in education_spans:
            s, e = max(0, s), min(len(text), e)
            found.extend(Replacement(s + m.start(), s + m.end(), _label("age")) for m in _YEAR.finditer(text[s:e]))
        # Languages are skills: a language name on a line about language ability stays ("Portuguese (native)").
        country = _label("nationality")
        lang_lines: list[tuple[int, int]] = []
        pos = 0
        for line in text.splitlines(keepends=True):
            if _LANGUAGE_LINE.search(line):
                lang_lines.append((pos, pos + len(line)))
            pos += len(line)
        if lang_lines:
            langs = _country_cues()[2]
            found = [r for r in found if r.label != country or text[r.start:r.end].casefold() not in langs
                     or not any(s <= r.start < e for s, e in lang_lines)]
        if skill_spans:
            soft = {_label(c) for c in ("schools", "employers", "nationality")}
            soft_domains = {(r.start, r.end) for r in domains}  # "socket.io" as a skill stays
            found = [r for r in found if (r.label not in soft and (r.start, r.end) not in soft_domains)
                     or not any(s <= r.start and r.end <= e for s, e in skill_spans)]
        found.sort(key=lambda r: (r.start, -(r.end - r.start)))
        out: list[Replacement] = []
        for r in found:
            if out and r.start < out[-1].end:
                if r.end > out[-1].end:  # overlapping: extend the earlier one
                    out[-1] = Replacement(out[-1].start, r.end, out[-1].label)
                continue
            out.append(r)
        return out

    def redact(self, text: str, *, education_spans: Sequence[tuple[int, int]] = ()) -> str:
        return self.redact_with_map(text, education_spans=education_spans)[0]

    def redact_with_map(self, text: str, *, education_spans: Sequence[tuple[int, int]] = (),
                        skill_spans: Sequence[tuple[int, int]] = ()) -> tuple[str, Callable[[int, bool], int]]:
        """The redacted text and a map of old offsets to new ones (``end=True`` for span ends)."""
        reps = self.replacements(text, education_spans=education_spans, skill_spans=skill_spans)
        parts: list[str] = []
        pos = 0
        table: list[tuple[int, int, int, int]] = []  # old start, old end, new start, new end
        new_len = 0
        for r in reps:
            parts.append(text[pos:r.start])
            new_len += r.start - pos
            table.append((r.start, r.end, new_len, new_len + len(r.label)))
            parts.append(r.label)
            new_len += len(r.label)
            pos = r.end
        parts.append(text[pos:])

        starts = [t[0] for t in table]  # the replacements are ordered and never overlap

        def mapper(offset: int, end: bool = False) -> int:
            # (found by bisection, not by walking the table: a long education section has thousands of years
            # hidden and as many offsets to map)
            i = bisect.bisect_left(starts, offset)  # replacements before i start before the offset
            shift = 0
            if i > 0:
                os_, oe, ns, ne = table[i - 1]
                if offset < oe:
                    return ne if end else ns
                shift = ne - oe
            if not end and i < len(table) and starts[i] == offset:
                return table[i][2]
            return offset + shift

        return "".join(parts), mapper

    def __call__(self, text: str) -> str:
        """``text`` redacted (remembered: evidence contexts and reasons repeat within a result)."""
        if not text:
            return text
        done = self._memo.get(text)
        if done is None:
            done = self._memo[text] = self.redact(text)
        return done


# ---- building a redactor from what a result knows -----------------------------------------------------------------

def _employer_of_role(role: str) -> str:
    """"Title — Employer (2019-01 – present)" → "Employer"."""
    body = re.sub(r"\s*\([^)]*\)\s*$", "", role or "")
    return body.split(" — ", 1)[1].strip() if " — " in body else ""


def _stem(file: str) -> list[str]:
    base = Path(str(file).replace("\\", "/")).name
    stem = base.rsplit(".", 1)[0] if "." in base else base
    out = [base, stem] if stem else [base]
    return [x for x in out if len(x) >= 3]


def redactor_for_json(result: dict[str, Any], text: str | None, *, options: BlindOptions | None = None,
                      extra_names: Sequence[str] = ()) -> Redactor:
    names = [str(result.get("candidate") or "")] + list(extra_names)
    contact = ((result.get("profile") or {}).get("contact") or {}) if isinstance(result.get("profile"), dict) else {}
    names.append(str(contact.get("name") or ""))
    schools = [str(e.get("institution") or "") for e in result.get("equivalencies") or []]
    employers = [_employer_of_role(str(ev.get("role") or "")) for c in result.get("competencies") or []
                 for ev in c.get("evidence") or []]
    employers += [str(w.get("employer") or "") for w in result.get("work_history") or [] if isinstance(w, dict)]
    return Redactor(names=[n for n in names if n], guessed_names=guess_names(text or ""), emails=[str(contact.get("email") or "")] + _EMAIL.findall(text or ""),
                    phones=[str(contact.get("phone") or "")], locations=[str(contact.get("location") or "")],
                    schools=[s for s in schools if s], employers=[e for e in employers if e],
                    file_stems=_stem(str(result.get("file") or "")), options=options)


#: Fields that hold the rubric's or the verifier's own words, never the applicant's: left as they are.
_KEEP_FIELDS = frozenset({"competency", "missing_must_haves", "skill_id", "skill_label", "kind", "section",
                          "verdict", "status", "counts_as", "platform", "format", "error_code", "start", "end"})


def _redact_strings(value: Any, red: Redactor, key: str = "") -> Any:
    if key in _KEEP_FIELDS:
        return value
    if isinstance(value, str):
        return red(value)
    if isinstance(value, list):
        return [_redact_strings(v, red) for v in value]
    if isinstance(value, dict):
        return {k: _redact_strings(v, red, k) for k, v in value.items()}
    return value


def redact_result_json(result: dict[str, Any], text: str | None, code: str, *,
                       options: BlindOptions | None = None) -> tuple[dict[str, Any], str | None]:
    """The blind view of a stored result (its JSON) and of its document text."""
    opts = options or BlindOptions.defaults()
    red = redactor_for_json(result, text, options=opts)
    new_text, mapper = red.redact_with_map(text) if text else (text, None)
    out = dict(result)
    out.pop("profile", None)
    out["file"] = code
    out["candidate"] = code
    if "candidate_code" in out:
        out["candidate_code"] = code
    out.pop("document_sha256", None)
    comps = []
    for c in result.get("competencies") or []:
        c2 = dict(c)
        evs = []
        for ev in c.get("evidence") or []:
            e2 = dict(ev)
            s, e = ev.get("start"), ev.get("end")
            if mapper is not None and new_text is not None and isinstance(s, int) and isinstance(e, int) and s < e:
                ns, ne = mapper(s, False), mapper(e, True)
                e2["start"], e2["end"] = ns, ne
                e2["quote"] = new_text[ns:ne]
            else:
                e2["quote"] = red(str(ev.get("quote") or ""))
            e2 = {k: (v if k == "quote" else _redact_strings(v, red, k)) for k, v in e2.items()}
            evs.append(e2)
        c2 = {k: (v if k in ("evidence", "name") else _redact_strings(v, red, k)) for k, v in c2.items()}
        c2["evidence"] = evs
        comps.append(c2)
    out["competencies"] = comps
    out["badges"] = [_redact_strings(b, red) for b in result.get("badges") or []]
    eqs = []
    for n in result.get("equivalencies") or []:
        n2 = _redact_strings(n, red)
        if opts.schools:
            n2["institution"] = _label("schools") if n.get("institution") else ""
        if opts.nationality:
            n2["country"] = ""
            n2["foreign"] = False
        eqs.append(n2)
    out["equivalencies"] = eqs
    for key in ("degree", "licence"):
        if isinstance(result.get(key), dict):
            out[key] = _redact_strings(result[key], red)
    handled = {"file", "candidate", "candidate_code", "competencies", "badges", "equivalencies"}
    for k, v in result.items():
        if k not in handled and k in out:
            out[k] = _redact_strings(v, red, k)
    out["blind"] = True
    return out, new_text


def _redact_dataclass(obj: Any, red: Redactor) -> Any:
    """Every string inside a (frozen) dataclass value, redacted; numbers, flags and None unchanged."""
    if isinstance(obj, str):
        return red(obj)
    if isinstance(obj, tuple):
        return tuple(_redact_dataclass(v, red) for v in obj)
    if isinstance(obj, list):
        return [_redact_dataclass(v, red) for v in obj]
    if isinstance(obj, dict):
        return {k: _redact_dataclass(v, red) for k, v in obj.items()}
    if hasattr(obj, "__dataclass_fields__"):
        return replace(obj, **{k: _redact_dataclass(getattr(obj, k), red) for k in obj.__dataclass_fields__
                               if getattr(obj.__dataclass_fields__[k], "init", True) and k not in _KEEP_FIELDS
                               and k not in ("profile", "evidence")})
    return obj


# ---- the in-memory form (CandidateResult with its Profile) ---------------------------------------------------------

def redact_candidate(result: Any, code: str, *, options: BlindOptions | None = None) -> Any:
    """The blind view of a ``CandidateResult``: same type, identity hidden, profile text redacted in place."""
    from ..models import Contact

    opts = options or BlindOptions.defaults()
    prof = result.profile
    doc = prof.document if prof is not None else None
    text = doc.text if doc is not None else ""
    skill_words = {w for m in prof.skills for w in m.text.split()} if prof is not None else set()
    names = [result.candidate]
    guessed = guess_names(text, skill_words=skill_words)
    schools: list[str] = [n.institution for n in result.equivalencies if n.institution]
    employers: list[str] = []
    emails: list[str] = _EMAIL.findall(text)
    phones: list[str] = []
    locations: list[str] = []
    edu_spans: list[tuple[int, int]] = []
    if prof is not None:
        names.append(prof.contact.name)
        emails.append(prof.contact.email)
        phones.append(prof.contact.phone)
        locations.append(prof.contact.location)
        schools.extend(e.institution for e in prof.education if e.institution)
        employers.extend(r.employer for r in prof.roles if r.employer)
        edu_spans = [(s.start, s.end) for s in prof.sections if s.name == "education"]
        edu_spans += [e.span for e in prof.education if e.span[1] > e.span[0]]
        # a year in the contact block is a birth year ("| 9 march 1984 |", "Name | 1987"): its years go as the
        # education section's do
        edu_spans += [(s.start, s.end) for s in prof.sections if s.name == "contact"]
    employers.extend(_employer_of_role(e.role) for c in result.competencies for e in c.evidence if e.role)
    employers.extend(w.employer for w in getattr(result, "work_history", ()) if w.employer)
    red = Redactor(names=[n for n in names if n], guessed_names=guessed, emails=[e for e in emails if e], phones=[p for p in phones if p],
                   locations=[x for x in locations if x], schools=schools, employers=[e for e in employers if e],
                   file_stems=_stem(result.file), options=opts)
    skill_spans = [(m.start, m.end) for m in prof.skills] if prof is not None else []
    new_text, mapper = (red.redact_with_map(text, education_spans=edu_spans, skill_spans=skill_spans) if text
                        else (text, None))

    def span(s: int | None, e: int | None) -> tuple[int | None, int | None]:
        if mapper is None or s is None or e is None:
            return s, e
        return mapper(s, False), mapper(e, True)

    comps = []
    for c in result.competencies:
        evs = []
        for ev in c.evidence:
            ns, ne = span(ev.start, ev.end)
            quote = new_text[ns:ne] if (ns is not None and ne is not None and ev.start is not None
                                         and ev.end is not None and ev.end > ev.start) else red(ev.quote)
            evs.append(replace(_redact_dataclass(ev, red), quote=quote, start=ns, end=ne))
        comps.append(replace(_redact_dataclass(c, red), name=c.name, evidence=tuple(evs)))
    badges = tuple(_redact_dataclass(b, red) for b in result.badges)
    # every string of a note (a field added later included), as the stored results' dicts are redacted
    eqs = tuple(replace(_redact_dataclass(n, red),
                        institution=(_label("schools") if opts.schools and n.institution else red(n.institution)),
                        country="" if opts.nationality else n.country,
                        foreign=False if opts.nationality else n.foreign)
                for n in result.equivalencies)
    degree = replace(result.degree, detail=red(result.degree.detail), highest=red(result.degree.highest)) \
        if result.degree else None
    licence = replace(result.licence, detail=red(result.licence.detail)) if result.licence else None
    new_prof = None
    if prof is not None and doc is not None and mapper is not None:
        m = mapper
        new_doc = replace(doc, file=code, text=new_text, pages=(), links=(), metadata={}, structured=None,
                          health=tuple(replace(h, message=red(h.message), excerpt=red(h.excerpt)) for h in doc.health),
                          excluded_spans=tuple((m(s, False), m(e, True)) for s, e in doc.excluded_spans))
        new_prof = replace(
            prof, document=new_doc, contact=Contact(),
            sections=tuple(replace(s, start=m(s.start, False), end=m(s.end, True)) for s in prof.sections),
            roles=tuple(replace(r, employer=_label("employers") if opts.employers and r.employer else red(r.employer),
                                location=red(r.location), title=red(r.title),
                                span=(m(r.span[0], False), m(r.span[1], True))) for r in prof.roles),
            education=tuple(replace(e, institution=_label("schools") if opts.schools and e.institution
                                    else red(e.institution), country="" if opts.nationality else e.country,
                                    start=None, end=None, span=(m(e.span[0], False), m(e.span[1], True)))
                            for e in prof.education),
            certifications=tuple(replace(c, url=red(c.url), span=(m(c.span[0], False), m(c.span[1], True)))
                                 for c in prof.certifications),
            projects=tuple(replace(p, name=red(p.name), span=(m(p.span[0], False), m(p.span[1], True)))
                           for p in prof.projects),
            skills=tuple(replace(s, start=m(s.start, False), end=m(s.end, True),
                                 text=new_text[m(s.start, False):m(s.end, True)]) for s in prof.skills))
    extra = {k: v for k, v in (("candidate_code", code), ("document_sha256", "")) if hasattr(result, k)}
    rest = _redact_dataclass(replace(result, competencies=(), badges=(), equivalencies=(), profile=None), red)
    return replace(rest, **extra, file=code, candidate=code, competencies=tuple(comps), badges=badges,
                   equivalencies=eqs, degree=degree, licence=licence, profile=new_prof)


def result_code(result: Any) -> str:
    """A result's stable candidate code (stored with it, or from its document's hash or file key)."""
    from ..store.codes import candidate_code

    code = getattr(result, "candidate_code", "")
    if code:
        return str(code)
    sha = getattr(result, "document_sha256", "") or (result.profile.document.sha256 if result.profile else "")
    return candidate_code(sha or None, result.file)


def blind_run(run: Any, *, options: BlindOptions | None = None) -> Any:
    """A screening run with every result redacted (results already blind — file name = code — stay as they are):
    the one stage exports and pages go through when blind review is on."""
    out = []
    for r in run.results:
        code = result_code(r)
        out.append(r if r.file == code else redact_candidate(r, code, options=options))
    return replace(run, results=out)
