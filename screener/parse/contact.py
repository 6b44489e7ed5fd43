"""Contact details from the top of a résumé: name, e-mail, phone and location."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from screener.models import Contact, Section
from screener.parse._data import alternation, clean, flat_words, iter_lines, load, strip_accents
from screener.parse.function_words import CONJUNCTIONS, PREPOSITIONS
from screener.parse.sections import heading_names, unspaced

# (the look-behind starts a match only where a run of address characters starts: a long run with no "@" is read
# once, not once per character)
EMAIL = re.compile(r"(?<![\w.+'%-])[\w.+'%-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w/])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w/])")
_LOCATION = re.compile(r"(?:(?:Location|Address|Endereço|Dirección|Adresse|Wohnort)\s*:\s*(?P<l>[^|•\n]{3,60}))|"
                       r"(?P<c>\b[A-ZÀ-Ý][\w'’ .-]{1,30},\s*(?:[A-Z]{2}\b|[A-ZÀ-Ý][\w'’ .-]{2,30}))")
_LOC_STOP = re.compile(r"@|\d{3}|https?:|www\.|linkedin|github", re.IGNORECASE)


_PARTICLES = frozenset(["de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der", "den", "ter", "la", "le", "du", "bin", "binti", "al", "el", "y", "e"])
# Headings that may come before the name (a side column's contact block, a profile above the name)
_TOP_SECTIONS = frozenset(["contact", "summary"])
# English words that are never part of a person's name (particles of names are above)
_FUNCTION_WORDS = PREPOSITIONS | CONJUNCTIONS | {"the"}
# "Name: X", "Resume of X", "CV X", "Curriculum Vitae X": a label before the name on the same line
_NAME_LABEL = re.compile(r"^(?:(?:full\s+)?name|nome(?: completo)?|nombre(?: completo)?|nom|vorname und name)\s*[:\-]\s*"
                         r"|^(?:resume|résumé|curriculum\s+vitae|cv)(?:\s+(?:of|de|von))?\s*[:\-]?\s+(?=[A-ZÀ-Ý])",
                         re.IGNORECASE)
# "Wei Zhang (张伟)", "Ana Souza (Ana Paula)": a name written again in brackets, kept with the name
_BRACKETED = re.compile(r"\s*[(（][^()（）\d@]{1,40}[)）]\s*$")
# post-nominal letters after a comma ("Chinedu Okafor, ACA", "KWAME ASANTE, BSc, RGN", "…, P.H.R.", "…, Ph.D.")
_POSTNOMINAL = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z][A-Za-z.\-]{1,9}$")
# two capitals after a comma are a state ("San Jose, CA") unless they are one of these degree/licence letters
_TWO_LETTER_POSTNOMINALS = frozenset(["MD", "MA", "MS", "PA", "DO", "RN", "NP", "BA", "BS", "JD", "PE", "OD"])
# Separators between the fields of one top line: "Name  |  City  ·  phone", "Name - Email me on Indeed"
_TOP_SEP = re.compile(r"\s{2,}|\t|\s[|•·*∙]\s|\s[-–—]\s|\\x[0-9a-f]{2}(?:\\x[0-9a-f]{2})*")
# pronouns written after a name: "(she/her)", "[they/them]", "(he/him/his)", before letters too ("(she/her), P.H.R.")
_PRONOUNS = re.compile(r"\s*[(\[（]\s*(?:she|he|they|ze|xe|zie|ey)(?:\s*/\s*(?:her|hers|him|his|they|them|theirs|she|he|"
                       r"zir|hir|xem|em)){1,2}\s*[)\]）]", re.IGNORECASE)
# words written with their letters spaced out, two or more spaces between the words
_SPACED_WORDS = re.compile(r"(?<![^\W\d_])[^\W\d_](?: (?:[^\W\d_]|-))+(?: {2,4}[^\W\d_](?: (?:[^\W\d_]|-))+)+"
                           r"(?![^\W\d_])")
_QUOTES = "\"'“”‘’«»"


class _NameCues:
    def __init__(self) -> None:
        words = load("entry_words")
        edge = r"(?<![^\W_])", r"(?![^\W_])"
        self.stop = re.compile(edge[0] + alternation(flat_words(words["not_name_words"])) + edge[1], re.IGNORECASE)
        titles = set(flat_words(words["title_words"])) - set(words["surname_title_words"])
        self.title = re.compile(edge[0] + alternation(titles) + edge[1], re.IGNORECASE)
        self.company = re.compile(edge[0] + alternation(flat_words(words["company_words"])) + r"(?![^\W_]|\.\w)",
                                  re.IGNORECASE)
        self.institution = re.compile(edge[0] + alternation(flat_words(words["institution_words"])) + edge[1],
                                      re.IGNORECASE)
        self.country = re.compile(alternation(flat_words(words["countries"])), re.IGNORECASE)


@lru_cache(maxsize=1)
def _name_cues() -> _NameCues:
    return _NameCues()


def _name_word(w: str) -> bool:
    if w.casefold() in _PARTICLES:
        return True
    core = w[:-1] if w.endswith(".") else w
    if not core or not all(c.isalpha() or c in "'’-" for c in core) or not core[0].isalpha():
        return False
    if len(core) == 1:
        return core.isupper()  # an initial: "Jane Q. Public"
    if core.isupper():
        return True  # "KWAME ASANTE"
    # "Souza", "O'Keefe", "DuBuque", "Jean-Luc": capitalised, the rest mostly lower case
    return core[0].isupper() and any(c.islower() for c in core[1:])


def name_in(segment: str) -> str:
    """The person's name if ``segment`` (one field of a top line) is one, as written; else ""."""
    seg = clean(segment.strip().strip(_QUOTES))
    seg = _NAME_LABEL.sub("", seg).strip(_QUOTES + " ")
    seg = _PRONOUNS.sub("", seg)  # "Ruby Chen (she/her)": the pronouns are no part of the name
    if not seg or any(c.isdigit() for c in seg) or "@" in seg or "/" in seg:
        return ""
    bracket = _BRACKETED.search(seg)
    base = seg[:bracket.start()] if bracket else seg
    if "," in base:
        head, *tail = [p.strip() for p in base.split(",")]
        if not tail or not all(_POSTNOMINAL.match(t) and (len(t) > 2 or t in _TWO_LETTER_POSTNOMINALS) for t in tail):
            return ""  # "San Jose, CA": a place, not a name with letters after it
        base, bracket = head, None
    words = base.split()
    if not 2 <= len(words) <= 5 or not all(_name_word(w) for w in words):
        return ""
    if words[0].casefold() in _PARTICLES or words[-1].casefold() in _PARTICLES:
        return ""
    if heading_names(base) or any(heading_names(f"{a} {b}") for a, b in zip(words, words[1:], strict=False)):
        return ""  # headings, side by side or glued to other words ('Experience Skills', 'DESCRIPTION WORK EXPIRIENCE')
    if any(w.casefold() in _FUNCTION_WORDS for w in words) or not any(len(w.rstrip(".")) > 1 for w in words):
        return ""  # 'IN WEB FRONTEND', 'A T': English function words or initials alone never make a name
    cues = _name_cues()
    for cue in (cues.stop, cues.title, cues.company, cues.institution):
        if cue.search(base):
            return ""
    if cues.country.fullmatch(base) or _is_place(base):
        return ""  # "Kiryat Bialik", "Tel Aviv": a town written at the top, not a name
    return clean(base + (bracket.group(0) if bracket else ""))


def _is_place(text: str) -> bool:
    from screener.credentials.countries import is_place  # (imported late: the credentials package reads parse)

    return is_place(text)


def is_title_word(word: str) -> bool:
    """A job-title word ("Engineer", "DEVELOPER", "Manager"): a name that stops at one was a title's qualifier
    ("NETWORK ENGINEER")."""
    return bool(_name_cues().title.fullmatch(word.strip(".,;:")))


def looks_like_name(line: str) -> bool:
    """True for "Ana Souza", "JOHN DOE", "María José de la Cruz", "Wei Zhang (张伟)", "Chinedu Okafor, ACA"."""
    return bool(name_in(line))


def find_name(text: str, *, max_lines: int = 12, email: str = "") -> tuple[str, int]:
    """(name, offset of its line) from the first lines of a résumé; ("", -1) when none is found.

    Each top line is read field by field (fields are separated by runs of spaces, "|", "·", " - "), so
    "Ricardo Romaguera - Email me on Indeed" and flattened "Name  123 Main St  City, ST" both give the name;
    a field that is a place, a job title, an employer or a document label is skipped. When several fields could be
    a name, the first one the e-mail address spells (``email``: "john.rust@…" for "John Rust") wins over one above
    it that it does not (a town written above the name: "Kiryat Bialik" / "John Rust").
    """
    first: tuple[str, int] = ("", -1)  # the first name-like field, when the address spells none
    seen = 0
    for s, e in iter_lines(text):
        line = text[s:e].strip()
        if not line:
            continue
        seen += 1
        if seen > max_lines or not _TOP_SECTIONS.issuperset(heading_names(line)):
            break  # the name comes before the work history, skills or education ('Experience Skills' / 'Golang')
        # "J O N A S   H E L M", perhaps with other fields after it (its word gaps read as field gaps: looked for
        # from the line's start in the text)
        spaced = _SPACED_WORDS.search(text, s, s + 120)
        if spaced and any(c.isalpha() for c in text[s:spaced.start()]):
            spaced = None  # only at the line's start
        name = name_in(line) or next((n for n in map(name_in, _TOP_SEP.split(line)) if n), "") or \
            (name_in(unspaced(spaced.group(0)).replace(" - ", "-")) if spaced else "")
        if not name and email:
            name = _corroborated_name(line, text[e:], email)
        if name:
            if not email or _email_spells(name, email):
                return name, s
            if not first[0]:
                first = (name, s)
    return first


#: the sections of a side column that a PDF's text may give before the name (a LinkedIn export: Contact, Top Skills,
#: Languages, Certifications, Honors-Awards, then the name, the headline and the place)
_SIDE_SECTIONS = frozenset(["contact", "skills", "languages", "certifications", "awards", "interests", "publications"])
_SIDE_LINES = 40
_SIDE_CHARS = 4000


def _name_after_side_column(text: str, email: str) -> tuple[str, int]:
    """The name after a side column read first: a name-like line inside the side column's sections (contact, skills,
    languages …) that a headline follows ("Staff Software Engineer at Northwind Cloud"), before the work history,
    education or summary begins."""
    lines = list(itertools.islice(((s, e) for s, e in iter_lines(text) if text[s:e].strip()), _SIDE_LINES))
    cues = _name_cues()
    for i, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        names = heading_names(line)
        if names and not _SIDE_SECTIONS.issuperset(names):
            break
        name = name_in(line)
        if not name or i + 1 >= len(lines):
            continue
        headline = text[lines[i + 1][0]:lines[i + 1][1]].strip()
        if (cues.title.search(headline) or " at " in headline) and not heading_names(headline) and \
                (not email or _email_spells(name, email) or not _email_spells_any(email)):
            return name, s
    return "", -1


def _email_spells_any(email: str) -> bool:
    """Does the address hold letters that could spell a name at all ("jr.1984@…" yes, "hr@…" barely)?"""
    return len(re.sub(r"[^a-z]", "", email.split("@")[0].casefold())) >= 3


def _corroborated_name(line: str, rest: str, email: str) -> str:
    """A name the usual reading rejects but the e-mail address spells in full: "Helm, Jonas" (surname first,
    given as "Jonas Helm") or a first name and a surname on lines of their own ("JONAS" / "HELM")."""
    for field in (line, *_TOP_SEP.split(line)):
        head, comma, tail = field.strip().strip(_QUOTES).partition(",")
        given = tail.split(",")[0].strip()  # "Helm, Jonas, P.H.R.": letters after the name are left out
        if comma and given:
            name = name_in(f"{given} {head.strip()}")
            if name and _email_spells(name, email, every=True):
                return name
    nxt = next((x.strip() for x in rest.splitlines() if x.strip()), "")
    nxt = _TOP_SEP.split(nxt)[0]  # the next line's first field ("HELM  Car Sales Manager" in flattened text)
    if " " not in line.strip() and " " not in nxt.split(",")[0]:
        name = name_in(f"{line.strip()} {nxt}")
        if name and _email_spells(name, email, every=True):
            return name
    return ""


def _email_spells(name: str, email: str, *, every: bool = False) -> bool:
    """Whether the local part of ``email`` holds a word of ``name`` of three letters or more, or (``every``) every
    word of it but an initial."""
    local = strip_accents(email.partition("@")[0]).casefold()
    words = [strip_accents(x).casefold() for x in re.findall(r"[^\W\d_]+", name)]
    if not local:
        return False
    if every:
        return all(w in local for w in words if len(w) > 1) and any(len(w) > 1 for w in words)
    return any(len(w) >= 3 and w in local for w in words)


def _phone(text: str) -> str:
    for m in PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if 8 <= len(digits) <= 15 and not re.fullmatch(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}", m.group(0).strip()):
            return m.group(0).strip()
    return ""


def find_contact(text: str, sections: list[Section] | tuple[Section, ...]) -> Contact:
    """Name, e-mail, phone and location; the name comes from the first lines, the rest from anywhere near the top."""
    top_end = next((s.end for s in sections if s.name == "contact"), min(len(text), 600))
    top_end = max(top_end, min(len(text), 400))
    top = text[:top_end]
    em = EMAIL.search(top) or EMAIL.search(text)
    name, name_line = find_name(top, email=em.group(0) if em else "")
    if not name:  # a side column read before the name (a LinkedIn export)
        name, name_line = _name_after_side_column(text[:_SIDE_CHARS], em.group(0) if em else "")
    phone = _phone(top) or ""
    location = ""
    contact_end = next((s.end for s in sections if s.name == "contact"), min(len(text), 400))
    lines = list(iter_lines(text[:contact_end]))
    if name_line >= contact_end:  # the name below a side column: its headline and place follow it
        after = itertools.islice(iter_lines(text[name_line:name_line + 400]), 1, 4)
        lines += [(s + name_line, e + name_line) for s, e in after]
    for s, e in lines:
        line = text[s:e].strip()
        if not line or len(line) > 120 or s == name_line:
            continue
        for part in re.split(r"\s[|•·]\s|\s{2,}|\t|\s-\s", line):
            m = _LOCATION.search(part)
            if m and not _LOC_STOP.search(m.group(0)):
                location = clean(m["l"] or m["c"])
                break
        if location:
            break
    return Contact(name=name, email=em.group(0) if em else "", phone=phone, location=location)


__all__ = ["EMAIL", "PHONE", "find_contact", "find_name", "looks_like_name", "name_in"]
