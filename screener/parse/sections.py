"""Splits résumé text into sections from its headings, in several languages.

    >>> [s.name for s in find_sections("Ana Souza\\nana@x.com\\n\\nEXPERIÊNCIA PROFISSIONAL\\n...\\nIdiomas\\n...")]
    ['contact', 'experience', 'languages']

A heading is a line on its own ("Skills", "SKILLS:", "— SKILLS —", "Skills & Tools") that names a section in
``data/headings.yaml``. Text before the first heading is the contact block (and a summary, when it holds prose).
"""

from __future__ import annotations

import re
from functools import lru_cache

from screener.models import Section
from screener.parse._data import fold, iter_lines, load, trim_span
from screener.parse.function_words import ARTICLES, PREPOSITIONS

CANONICAL = (
    "experience", "education", "skills", "certifications", "projects", "summary", "languages", "awards",
    "publications", "volunteering", "interests", "references", "contact", "other",
)

_DECOR = "—–-=*#_~:|•·►▪■❖✦★☆◆◇→»«<>[](){}.\u200b\ufeff "
_JOINERS = re.compile(r"\s*(?:&|/|,|\+|\band\b|\by\b|\be\b|\bet\b|\bund\b|\bi\b)\s*")
_DIGIT = re.compile(r"\d")
_TWO_DIGITS = re.compile(r"\d{2}")
_EMAIL_OR_PHONE = re.compile(r"@|\+?\d[\d ().\-]{7,}\d|https?://|www\.|linkedin", re.IGNORECASE)
# the same on a line without digits (no phone number there): literal openings, so the engine skips along quickly
_EMAIL_OR_WEB = re.compile(r"@|https?://|www\.|linkedin", re.IGNORECASE)


@lru_cache(maxsize=1)
def _heading_table() -> tuple[dict[str, str], frozenset[str]]:
    table: dict[str, str] = {}
    raw = load("headings")
    for name, langs in raw.items():
        if name.startswith("_"):
            continue
        for words in langs.values():
            for w in words:
                table.setdefault(fold(w), name)
    weak = frozenset(fold(w) for w in raw.get("_weak", []))
    return table, weak


def unspaced(core: str) -> str:
    """Letter-spaced text written as words: "S K I L L S" → "SKILLS", "C O N T A C T  M E  A T" → "CONTACT ME AT",
    "T O O L S  &  T E C H" → "TOOLS & TECH" (a run of two spaces or a lone '&', '/', '+' parts the words);
    any other line is returned as it is."""
    tokens = core.split(" ")
    letters = [x for x in tokens if x]
    if len(letters) < 3 or any(len(x) != 1 for x in letters) or sum(x.isalnum() for x in letters) < 3:
        return core
    words: list[str] = []
    run = ""
    for x in tokens:
        if x and x.isalnum():
            run += x
            continue
        if run:
            words.append(run)
            run = ""
        if x:  # a joiner of its own ("&")
            words.append(x)
    if run:
        words.append(run)
    return " ".join(words)


@lru_cache(maxsize=1)
def _squashed_table() -> dict[str, str]:
    """Headings with their spaces taken out, for letter-spaced headings whose word breaks were lost."""
    table = _heading_table()[0]
    return {k.replace(" ", ""): v for k, v in table.items() if " " in k}


def _normalise(line: str) -> tuple[str, bool]:
    """The heading key of a line, and whether it was written emphatically (upper-case, colon, decorated)."""
    stripped = line.strip()
    emphatic = stripped.endswith(":")
    core = stripped.strip(_DECOR)
    if core != stripped.rstrip(":").strip():
        emphatic = True
    # "S K I L L S" → "SKILLS"; "W O R K  E X P E R I E N C E" → "WORK EXPERIENCE"; "E D U C A T I O N & C O U R S E S"
    core = unspaced(core)
    if not emphatic and _is_upper(core):
        emphatic = True
    key = " ".join(fold(core).split())  # (str.split's whitespace is the regex's \s)
    return key, emphatic


@lru_cache(maxsize=8192)
def heading_name(line: str) -> str | None:
    """The canonical section name if ``line`` is a section heading, else None."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60 or stripped.endswith((".", ";", ",")) and not stripped.endswith("..."):
        return None
    if _DIGIT.search(stripped):
        if _TWO_DIGITS.search(stripped) or _EMAIL_OR_PHONE.search(stripped):
            return None
    elif _EMAIL_OR_WEB.search(stripped):  # (without a digit, no phone number)
        return None
    key, emphatic = _normalise(stripped)
    if not key or len(key.split()) > 6:
        return None
    table, weak = _heading_table()
    name = table.get(key)
    if name is None and " " not in key and key != fold(stripped.strip(_DECOR)):  # "T E C H N I C A L C O M P …"
        name = _squashed_table().get(key)
    if name is None and (emphatic or all(w[:1].isupper() for w in stripped.split())):
        key = _spelled(key)
        name = table.get(key)
    if name is not None:
        if key in weak and not emphatic:
            return None
        return name
    parts = [p for p in _JOINERS.split(key) if p]
    if len(parts) >= 2 and parts[0] in table and all(p in table or len(p.split()) <= 2 for p in parts):
        if parts[0] in weak and not emphatic:
            return None
        return table[parts[0]]
    return _qualified_heading(stripped, key, table)


@lru_cache(maxsize=1)
def _not_slips() -> frozenset[str]:
    """Real words one slip away from a heading word (data/headings.yaml ``_not_slips``)."""
    return frozenset(fold(str(w)) for w in load("headings").get("_not_slips", []))


@lru_cache(maxsize=1)
def _heading_vocabulary() -> frozenset[str]:
    return frozenset(w for key in _heading_table()[0] for w in key.split() if len(w) >= 7 and w.isalpha())


@lru_cache(maxsize=1)
def _vocabulary_index() -> dict[tuple[int, str], tuple[str, ...]]:
    """The heading words by (length, last letter): a slip keeps the last letter and moves the length by at
    most one, so a word is compared only with the few words it could be a slip of."""
    index: dict[tuple[int, str], list[str]] = {}
    for v in _heading_vocabulary():
        index.setdefault((len(v), v[-1]), []).append(v)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def _near_words(w: str) -> list[str]:
    """The heading words one slip away from ``w`` with the same last letter, sorted."""
    return list(_near_words_of(w))


@lru_cache(maxsize=4096)
def _near_words_of(w: str) -> tuple[str, ...]:
    """``_near_words``, cached per word: every long word of every line that might be a heading is looked up."""
    index = _vocabulary_index()
    candidates = (v for n in (len(w) - 1, len(w), len(w) + 1) for v in index.get((n, w[-1]), ()))
    return tuple(sorted(v for v in candidates if _one_edit(w, v) and not (w.startswith(v) or v.startswith(w))))


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one substitution, insertion, deletion or swap of neighbouring letters."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def _spelled(key: str) -> str:
    """``key`` with each long word that is one slip away from exactly one heading word put right ("work
    expirience" -> "work experience"); short words are left alone (too many near neighbours)."""
    vocabulary = _heading_vocabulary()
    table = _heading_table()[0]
    words = key.split()
    for i, w in enumerate(words):
        if len(w) >= 8 and w.isalpha() and w not in vocabulary and w not in _not_slips():
            # (never a change of ending: "experienced" is a word of its own, not a slip for "experiences")
            near = _near_words(w)
            if len(near) > 1:  # "experiencie": "experience" or "experiencia", the same section either way
                named = {table.get(" ".join(words[:i] + [v] + words[i + 1:])) for v in near}
                near = near[:1] if len(named) == 1 and None not in named else []
            if len(near) == 1:
                words[i] = near[0]
    return " ".join(words)


_FUNCTION_WORDS = PREPOSITIONS | ARTICLES | {"as"}


def _qualified_heading(line: str, key: str, table: dict[str, str]) -> str | None:
    """A heading noun after the field it is about, on a title-case line ("Web Dev Internships and Courses")."""
    words = key.split()
    if len(words) < 2 or not all(w[:1].isupper() or not w[:1].isalpha() or _JOINERS.fullmatch(w) for w in line.split()):
        return None
    for k in range(1, min(3, len(words) - 1) + 1):
        prefix = words[:k]
        if any(w in table or w in _FUNCTION_WORDS or _JOINERS.fullmatch(w) for w in prefix):
            return None
        parts = [p for p in _JOINERS.split(" ".join(words[k:])) if p]
        if parts and parts[0] in _qualified() and all(p in table or len(p.split()) <= 2 for p in parts):
            return table[parts[0]]
    return None


@lru_cache(maxsize=1)
def _qualified() -> frozenset[str]:
    return frozenset(fold(w) for w in load("headings").get("_qualified", []))


def heading_names(line: str) -> list[str]:
    """Every section a line names: one for a heading, several for headings of columns printed side by side
    ("SUMMARY EDUCATION", "Experience Skills" from a two-column page), none otherwise."""
    one = heading_name(line)
    if one is not None:
        return [one]
    stripped = line.strip()
    if not stripped or len(stripped) > 80 or _DIGIT.search(stripped) or _EMAIL_OR_WEB.search(stripped):
        return []
    key, emphatic = _normalise(stripped)
    words = key.split()
    if not 2 <= len(words) <= 8 or not (emphatic or all(w[:1].isupper() for w in stripped.split())):
        return []
    table, weak = _heading_table()
    words = _spelled(key).split()
    # split the words into known headings, longest first, left to right; in capitals, one word opening the line
    # may be the neighbouring column's heading that is not a known one ("DESCRIPTION WORK EXPERIENCE": the work
    # history's heading of two words or more glued after it)
    names: list[str] = []
    i = 0
    if _is_upper(stripped) and len(words) >= 3 and words[0] not in table and words[0].isalpha() and \
            len(words[0]) >= 4 and table.get(" ".join(words[1:])) == "experience":
        return [table[" ".join(words[1:])]]
    while i < len(words):
        for j in range(min(len(words), i + 4), i, -1):
            part = " ".join(words[i:j])
            if part in table and (part not in weak or emphatic):
                names.append(table[part])
                i = j
                break
        else:
            return []
    return names if len(names) >= 2 else []


def _lead_heading(line: str) -> str | None:
    """"EDUCATION" in "EDUCATION 2017 – 2019 | Saint Petersburg University": a heading in capitals that opens a
    line whose content follows on the same line (PDF-to-Word conversions lose the line break)."""
    m = re.match(r"\s*((?:[A-Z][A-Z&]+ ){0,2}[A-Z][A-Z]+)\s+(?=\S)", line)
    if not m:
        return None
    rest = line[m.end():]
    first = rest.split()[0]
    if first.isupper() and len(first) > 1 or heading_name(line) is not None:
        return None
    return m.group(1) if heading_name(m.group(1)) else None


# a field that opens with a date: "2014 – Present …", "06/2019 …", "June 2019 …"
_DATE_FIELD = re.compile(r"\s*(?:(?:\d{1,2}[./])?\d{4}\b|[A-Z][a-z]{2,8}\.?,?\s+\d{4}\b)")


def _lead_heading_in_flat_text(line: str, following: str = "") -> str | None:
    """"Experience" in "Experience Front End Team lead / Senior Developer" when the text lost its line breaks
    (a piece of a flattened line): a known heading of one or two words, then a capitalised entry. ``following`` is
    the text after the piece."""
    words = line.split()
    for k in (2, 1):
        # the entry may be a single word when its dates open the next field ("Experience Architect      2014 –
        # Present"): "Education Administrator  St. Patrick School" is a title, "Experience Summary" a heading
        if len(words) > k and words[k][:1].isupper() and (len(words) > k + 1 or (
                not is_heading_word(words[k]) and _DATE_FIELD.match(following) is not None)):
            head = " ".join(words[:k])
            key, _emphatic = _normalise(head)
            table, weak = _heading_table()
            if key in table and key not in weak and table[key] in ("experience", "education") and \
                    line.lstrip().startswith(head):
                return head
    return None


def is_heading_word(line: str) -> bool:
    """True when ``line`` is a known heading however it is written ("Badges" in plain case included)."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return False
    key, _emphatic = _normalise(stripped)
    return key in _heading_table()[0]


def find_sections(text: str) -> list[Section]:
    """Sections of ``text`` in order, covering it from the first non-blank character to the end.

    Canonical names: experience, education, skills, certifications, projects, summary, languages, awards,
    publications, volunteering, interests, references, contact, other.
    """
    headings: list[tuple[int, int, str]] = []
    for start, end in iter_lines(text):
        line = text[start:end]
        names = heading_names(line)
        if names:
            s, e = trim_span(text, start, end)
            headings.append((s, e, "experience" if "experience" in names else names[0]))
            continue
        flattened = start > 0 and text[start - 1] != "\n" or end < len(text) and text[end] != "\n"
        lead = _lead_heading(line) or (_lead_heading_in_flat_text(line, text[end:end + 40]) if flattened else None)
        if lead is not None:
            s = start + line.index(lead)
            headings.append((s, s + len(lead), heading_name(lead) or "other"))
    headings = _side_column_labels_dropped(text, _drop_subheadings(text, headings))
    sections: list[Section] = []
    first = headings[0][0] if headings else len(text)
    sections.extend(_top_sections(text, 0, first, has_headings=bool(headings)))
    for i, (s, e, name) in enumerate(headings):
        end = headings[i + 1][0] if i + 1 < len(headings) else len(text)
        heading = " ".join(text[s:e].split())
        sections.append(Section(name=name, heading=heading, start=s, end=end))
    return sections


def _is_upper(line: str) -> bool:
    """Two letters or more, all of them capitals."""
    if line.isascii():  # (the ASCII cased characters are its letters: the same test, without a list)
        return line.isupper() and sum(map(str.isalpha, line)) > 1
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


#: what a side column beside the work history holds, its labels written "Languages:", "Technologies:", "Other:"
_SIDE_LABEL_SECTIONS = frozenset({"skills", "languages", "certifications", "interests", "other"})


def _side_column_labels_dropped(text: str, headings: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two columns converted line by line ("Experience Skills" on one line, the lines below joining both): the
    side column's own labels ("Languages:", "Technologies:", "Other:", each a line ending in a colon) are no
    sections of the résumé — taken for headings, they cut the work history into skills sections, and a developer's
    role bullets counted only as a listed skill. Labels are dropped after such a heading line until a heading
    written otherwise."""
    out: list[tuple[int, int, str]] = []
    side = False
    for h in headings:
        line = text[h[0]:h[1]].strip()
        if side and line.endswith(":") and h[2] in _SIDE_LABEL_SECTIONS:
            continue
        names = heading_names(line)
        side = len(names) >= 2 and "experience" in names and any(n in _SIDE_LABEL_SECTIONS for n in names) or \
            (side and line.endswith(":"))
        out.append(h)
    return out


def _drop_subheadings(text: str, headings: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep only top-level headings when the résumé writes them in capitals.

    Indeed exports put "WORK EXPERIENCE" in capitals and "Key Skills" inside each job in title case; such
    a title-case line is a sub-heading of the job, not a new section.
    """
    upper = [h for h in headings if _is_upper(text[h[0]:h[1]])]
    if not (len(upper) >= 2 and len(upper) * 3 >= len(headings) * 2):
        return headings
    kept: list[tuple[int, int, str]] = []
    for h in headings:
        inside_role = bool(kept) and kept[-1][2] in ("experience", "volunteering", "projects")
        if _is_upper(text[h[0]:h[1]]) or not inside_role or h[2] in ("experience", "education"):
            kept.append(h)
    return kept


def _top_sections(text: str, start: int, end: int, *, has_headings: bool) -> list[Section]:
    """The part before the first heading: the contact block, then a summary when prose follows it."""
    s, e = trim_span(text, start, end)
    if s >= e:
        return []
    summary_at: int | None = None
    for ls, le in iter_lines(text[:e]):
        if ls < s:
            continue
        line = text[ls:le].strip()
        # prose: a long line that is not contact details starts the summary
        if len(line) > 90 and not _EMAIL_OR_PHONE.search(line) and len(line.split()) > 12:
            summary_at = ls
            break
    if not has_headings:
        # no headings at all: the contact block is the top lines; the rest is unlabelled
        cut = summary_at if summary_at is not None else min(e, _nth_line_end(text, s, 6))
        out = [Section("contact", "", s, cut)] if cut > s else []
        if cut < len(text):
            out.append(Section("other", "", cut, len(text)))
        return out
    if summary_at is None or summary_at <= s:
        if summary_at == s:
            return [Section("summary", "", s, end)]
        return [Section("contact", "", s, end)]
    return [Section("contact", "", s, summary_at), Section("summary", "", summary_at, end)]


def _nth_line_end(text: str, start: int, n: int) -> int:
    pos = start
    for _ in range(n):
        nl = text.find("\n", pos)
        if nl == -1:
            return len(text)
        pos = nl + 1
    return pos


__all__ = ["CANONICAL", "find_sections", "heading_name", "heading_names", "is_heading_word"]
