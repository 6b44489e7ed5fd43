"""Rewrite the words of a DOCX résumé and keep its layout: the mutation behind ``benchmarks/roles_mutated.py``.

    plan = Plan(); plan.add("Web Developer", "Data Analyst")
    counts = mutate_docx(src, dst, plan, year_shift=-3, rng=random.Random(0))

Only the text of ``w:t`` nodes changes (paragraphs, tables, breaks, tabs, text boxes, headers and footers keep
their XML); a replaced string that runs over several runs is written into the first run and cut from the others.
Years (four digits, "20212021" with a lost dash, and "Sep 15" two-digit years after a month name) are shifted by
``year_shift``; e-mail addresses and phone numbers are rewritten.
"""

from __future__ import annotations

import random
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# the parts a résumé's text lives in; text boxes (w:txbxContent) sit inside these parts
TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
# a year, also letter-spaced as PDF conversions leave it ("2 019"), or two glued by a lost dash ("20212021")
YEARS = re.compile(r"(?<!\d)([12] ?[09] ?\d ?\d(?:[12][09]\d\d)?)(?!\d)")
FIRST_YEAR, LAST_YEAR = 1950, 2039
MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
SHORT_YEAR = re.compile(rf"(?i)\b(?:{MONTHS})\.?\s?['’]?(\d{{2}})(?!\d)(?!,?\s*\d{{4}})")
BREAK = re.compile(r"[ \u00a0]*[\n\t]\s*")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\+?\(?\d[\d ()\-.]{7,}\d")
Edit = tuple[int, int, str]


def pattern_for(text: str) -> re.Pattern[str]:
    """A gold string as it may appear in running text: any whitespace between words, either apostrophe, whole
    words only; case-insensitive unless the string is a short acronym ("MA", "BN")."""
    # either apostrophe; a hyphenated word may be wrapped after its hyphen ("Radio-" / "Engineering")
    words = [re.sub(r"['’]", "['’]", re.escape(w)).replace(r"\-", r"-\s*") for w in text.split()]
    flags = re.IGNORECASE if len(text) > 3 else 0
    # whole words, or glued to a neighbour at a case change as converted columns leave them ("MoscowDeveloper")
    left = r"(?:(?<![\w])|(?-i:(?<=[a-z])(?=[A-Z])))"
    right = r"(?:(?![\w])|(?-i:(?<=[a-z])(?=[A-Z])))"
    return re.compile(left + r"[\s\u00a0]+".join(words) + right, flags)


def fold(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def same_case(found: str, replacement: str) -> str:
    return replacement.upper() if found.isupper() and len(found) > 1 else replacement


@dataclass
class Plan:
    """Original string -> replacement for one document, applied longest first, never to its own output."""

    mapping: dict[str, tuple[str, str]] = field(default_factory=dict)  # fold(original) -> (original, new)
    hits: dict[str, int] = field(default_factory=dict)  # fold(original) -> occurrences replaced

    def add(self, original: str, new: str) -> str:
        """Register a replacement; an original already planned keeps its first replacement (returned)."""
        key = fold(original)
        if key not in self.mapping:
            self.mapping[key] = (original, new)
        return self.mapping[key][1]

    def replacement(self, original: str) -> str | None:
        item = self.mapping.get(fold(original))
        return item[1] if item else None

    def patterns(self) -> list[tuple[str, re.Pattern[str], str]]:
        items = sorted(self.mapping.items(), key=lambda kv: -len(kv[0]))
        return [(key, pattern_for(orig), new) for key, (orig, new) in items]

    def edits(self, text: str, count: bool = True) -> list[Edit]:
        """Non-overlapping replacements in ``text``, longest original first."""
        taken: list[Edit] = []
        for key, pat, new in self.patterns():
            for m in pat.finditer(text):
                if any(m.start() < e and s < m.end() for s, e, _ in taken):
                    continue
                taken.append((m.start(), m.end(), same_case(m.group(), new)))
                if count:
                    self.hits[key] = self.hits.get(key, 0) + 1
        return taken

    def apply(self, text: str) -> str:
        """The string with the plan applied (for gold alternatives such as 'Naya Technologies, migVisor')."""
        return splice(text, self.edits(text, count=False))


def splice(text: str, edits: list[Edit]) -> str:
    for s, e, new in sorted(edits, reverse=True):
        text = text[:s] + new + text[e:]
    return text


def years_in(run: str) -> list[int]:
    """The years of a YEARS match (one, or two glued), or none when a number is out of range."""
    digits = run.replace(" ", "")
    years = [int(digits[i:i + 4]) for i in range(0, len(digits), 4)]
    return years if all(FIRST_YEAR <= y <= LAST_YEAR for y in years) else []


def _respell(run: str, digits: str) -> str:
    """New digits in the old run's places, so a letter-spaced year stays letter-spaced."""
    it = iter(digits)
    return "".join(next(it) if c.isdigit() else c for c in run)


def shift_year_edits(text: str, shift: int, taken: list[Edit]) -> list[Edit]:
    """Year edits that do not overlap ``taken``: 4-digit years (also glued pairs) and two-digit month years."""
    out: list[Edit] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te, _ in taken + out)

    for m in YEARS.finditer(text):
        years = years_in(m.group(1))
        if years and free(m.start(1), m.end(1)):
            out.append((m.start(1), m.end(1), _respell(m.group(1), "".join(str(y + shift) for y in years))))
    for m in SHORT_YEAR.finditer(text):
        if free(m.start(1), m.end(1)):
            out.append((m.start(1), m.end(1), f"{(int(m.group(1)) + shift) % 100:02d}"))
    return out


def contact_edits(text: str, rng: random.Random, email_user: str) -> list[Edit]:
    out: list[Edit] = [(m.start(), m.end(), f"{email_user}@{m.group().split('@', 1)[1]}")
                       for m in EMAIL.finditer(text)]
    for m in PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        groups = re.findall(r"\d+", m.group())
        if len(digits) < 9 or all(len(g) == 4 and years_in(g) for g in groups):
            continue  # year ranges such as "2019 - 2020 2021" are not phone numbers
        if any(m.start() < e and s < m.end() for s, e, _ in out):
            continue
        out.append((m.start(), m.end(), re.sub(r"\d", lambda _: str(rng.randrange(10)), m.group())))
    return out


@dataclass
class Counts:
    paragraphs: int = 0
    tables: int = 0
    edits: int = 0
    skipped: int = 0  # edits that would have crossed a tab or line break


def _own_nodes(p: etree._Element) -> list[etree._Element]:
    """The w:t, w:tab, w:br and w:cr of a paragraph, not of paragraphs nested in its text boxes."""
    return [n for n in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr")
            if next(n.iterancestors(f"{W}p"), None) is p]


def _segments(p: etree._Element) -> list[tuple[etree._Element | None, int, str]]:
    """(node or None for a tab/break, offset, text) for the paragraph's text in reading order."""
    out: list[tuple[etree._Element | None, int, str]] = []
    pos = 0
    for n in _own_nodes(p):
        if n.tag == f"{W}t":
            t = n.text or ""
            out.append((n, pos, t))
        else:
            t = "\t" if n.tag == f"{W}tab" else "\n"
            out.append((None, pos, t))
        pos += len(t)
    return out


def _write_edit(segs: list[tuple[etree._Element | None, int, str]], edit: Edit) -> bool:
    s, e, new = edit
    hit = [(n, off, t) for n, off, t in segs if off < e and s < off + len(t)]
    if not hit or any(n is None for n, _, _ in hit):
        return False
    for i, (n, off, _) in enumerate(hit):
        assert n is not None
        cur = n.text or ""
        # the first run takes the replacement; the others keep only what follows the replaced string
        n.text = (cur[: max(s - off, 0)] + new if i == 0 else "") + cur[e - off:]
        n.set(XML_SPACE, "preserve")
    return True


def mutate_part(xml: bytes, edit_text: TextEditor, counts: Counts) -> bytes:
    root = etree.fromstring(xml)
    for p in root.iter(f"{W}p"):
        segs = _segments(p)
        text = "".join(t for _, _, t in segs)
        if not text.strip():
            continue
        for edit in sorted(edit_text(text), reverse=True):
            if _write_edit(segs, edit):
                counts.edits += 1
            else:
                counts.skipped += 1
    counts.paragraphs += sum(1 for _ in root.iter(f"{W}p"))
    counts.tables += sum(1 for _ in root.iter(f"{W}tbl"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class TextEditor:
    """The edits for one paragraph's text: contact details, planned strings, then years."""

    def __init__(self, plan: Plan, year_shift: int, rng: random.Random, email_user: str) -> None:
        self.plan, self.year_shift, self.rng, self.email_user = plan, year_shift, rng, email_user

    def __call__(self, text: str) -> list[Edit]:
        # contact details first: a name inside an e-mail address goes with the address
        taken = contact_edits(text, self.rng, self.email_user)
        taken += [p for p in self.plan.edits(text) if not any(p[0] < e and s < p[1] for s, e, _ in taken)]
        edits = taken + shift_year_edits(text, self.year_shift, taken)
        return [piece for edit in edits for piece in split_at_breaks(text, edit)]


def split_at_breaks(text: str, edit: Edit) -> list[Edit]:
    """A replacement of a string wrapped over a line break or tab, as one edit per line: the last lines get one
    word of the replacement each, the first line the rest, so the document keeps its lines."""
    s, e, new = edit
    gaps = list(BREAK.finditer(text, s, e))
    if not gaps:
        return [edit]
    spans = [(a, b) for a, b in zip([s] + [g.end() for g in gaps], [g.start() for g in gaps] + [e], strict=True)]
    words = new.split()
    # a name wrapped after its own hyphen ("Radio-" / "Engineering University") has no word boundary to keep:
    # the replacement stays whole on the first line
    if len(words) < len(spans) or any(text[g.start() - 1] == "-" for g in gaps if g.start() > 0):
        pieces = [new] + [""] * (len(spans) - 1)
    else:
        cut = len(words) - len(spans) + 1
        pieces = [" ".join(words[:cut])] + words[cut:]
    return [(a, b, piece) for (a, b), piece in zip(spans, pieces, strict=True)]


def docx_years(path: Path) -> list[int]:
    """Every year the document's text parts mention (to keep a shift within range)."""
    years: list[int] = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if TEXT_PARTS.match(name):
                text = "".join(etree.fromstring(z.read(name)).itertext())
                for m in YEARS.finditer(text):
                    years += years_in(m.group(1))
    return years


def docx_text(path: Path) -> str:
    """The paragraphs' text of every text part, one paragraph a line (for checks and tests)."""
    lines: list[str] = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if TEXT_PARTS.match(name):
                for p in etree.fromstring(z.read(name)).iter(f"{W}p"):
                    lines.append("".join(t for _, _, t in _segments(p)))
    return "\n".join(lines)


def mutate_docx(src: Path, dst: Path, plan: Plan, year_shift: int, rng: random.Random,
                email_user: str = "applicant") -> Counts:
    """Write ``src`` to ``dst`` with the plan, the year shift and new contact details applied to its text."""
    counts = Counts()
    editor = TextEditor(plan, year_shift, rng, email_user)
    dst.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if TEXT_PARTS.match(info.filename):
                data = mutate_part(data, editor, counts)
            elif info.filename == "docProps/core.xml":
                data = _mutate_core(data, plan)
            zout.writestr(info, data)
    return counts


def _mutate_core(xml: bytes, plan: Plan) -> bytes:
    """Author and title in the document properties get the same replacements (a name must not survive there)."""
    root = etree.fromstring(xml)
    for el in root.iter():
        if isinstance(el.tag, str) and el.text and el.text.strip():
            el.text = plan.apply(el.text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
