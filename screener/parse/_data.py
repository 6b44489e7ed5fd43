"""Loads the parse stage's rule files (``screener/parse/data/*.yaml``) once, and small text helpers they share.

The rules (month names, range words, headings, title and degree words) are data so they can be extended
without touching code; this module is the only place that reads them.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

_DATA_DIR = Path(__file__).parent / "data"


@cache
def load(name: str) -> Any:
    """The parsed YAML file ``data/<name>.yaml``."""
    with (_DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # the C parser: same data, faster


def strip_accents(text: str) -> str:
    """"Formação" → "Formacao": résumés drop accents as often as they keep them."""
    if text.isascii():  # no ASCII character decomposes or combines: most words, at no cost
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Case- and accent-insensitive key, with curly apostrophes made straight."""
    return strip_accents(text).casefold().replace("’", "'")


def flat_words(table: Any) -> list[str]:
    """All strings in a {language: [words]} mapping (or a plain list)."""
    if isinstance(table, dict):
        out: list[str] = []
        for value in table.values():
            out.extend(flat_words(value))
        return out
    if isinstance(table, list):
        return [str(w) for w in table]
    return [str(table)]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that matches each word (and its accent-free form), longest first.

    Spaces inside a phrase match any run of whitespace, so "to date" also matches "to  date" and "to\\ndate".

    The alternatives are grouped by their first letter behind a look-ahead for it, ``(?:(?=a)(?:a…|a…)|(?=b)…)``:
    the regex engine tries every alternative in turn at every position, and a search over a list of hundreds of
    titles spent most of the parse stage there. The groups keep the alternatives' order, and a character starts
    alternatives of one group only (first letters that case-fold alike, "i" and "ı", share one), so every match
    is the one the plain alternation finds.
    """
    forms: set[str] = set()
    for w in words:
        w = w.strip().replace("’", "'")
        if not w:
            continue
        forms.add(w.casefold())
        forms.add(strip_accents(w).casefold())
    ordered = sorted(forms, key=lambda s: (-len(s), s))
    parts = [_alternative(f) for f in ordered]
    if not all(f.split() for f in ordered):
        return "(?:" + "|".join(parts) + ")"
    # first letter -> the group's letters and alternatives (shared by letters that case-fold alike)
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for f, part in zip(ordered, parts, strict=True):
        first = f.split()[0][0]
        if first not in groups:
            alike = next((k for k in groups if re.fullmatch(re.escape(k), first, re.IGNORECASE)), None)
            groups[first] = groups[alike] if alike is not None else ([], [])
            groups[first][0].append(first)
        groups[first][1].append(part)
    unique = list({id(g): g for g in groups.values()}.values())
    return "(?:" + "|".join(f"(?={'|'.join(map(_alternative, letters))})(?:{'|'.join(alts)})"
                            for letters, alts in unique) + ")"


def _alternative(form: str) -> str:
    escaped = r"\s+".join(re.escape(p) for p in form.split())
    return escaped.replace("'", "['’]")


# Bullets and decorations that open a line ("• ", "- ", "◦ ", "✓ ", "❖ ", "> ", "* "); a run of asterisks is a
# redacted word, not a bullet.
BULLET_RE = re.compile(r"^\s*(?:[•●○◦▪▫■□►▸‣⁃∙·✓✔❖➢➤»>~\ue000-\uf8ff]|\*(?!\*\*)|-(?=\s)|–(?=\s)|\\xe2\\x80\\xa2|\d{1,2}[.)](?=\s))\s*")


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each logical line of ``text``, ends exclusive and without the newline.

    Some text layers flatten a résumé into very long lines whose fields are separated by runs of spaces
    (the Kaggle résumé dumps do); a line longer than 200 characters that has such runs is split at each
    run of two or more spaces so headings and dated lines become lines of their own.
    """
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        if end - pos > 200 and re.search(r"\S(?: {2,}|\t)\S", text[pos:end]):
            seg_start = pos
            for m in re.finditer(r"(?: {2,}|\t+ *)", text[pos:end]):
                s, e = pos + m.start(), pos + m.end()
                if s > seg_start:
                    yield seg_start, s
                seg_start = e
            if seg_start < end:
                yield seg_start, end
        else:
            yield pos, end
        if nl == -1:
            break
        pos = nl + 1


def lines_in(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Absolute (start, end) of the logical lines of ``text[start:end]``, split as ``iter_lines`` splits the
    whole text (a section that begins inside a long flattened line is split the same way as that line)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le == -1 else le
    fields = _fields(text, ls, le)
    # from the first field that reaches ``start``: many sections and entries inside one long flattened line split
    # it once, not once each
    for s, e in itertools.islice(fields, bisect.bisect_left(fields, start, key=lambda f: f[1]), None):
        if s >= end:
            break
        if e < start or (e == start and s < e):
            continue
        yield max(s, start), min(e, end)


@lru_cache(maxsize=64)
def _fields(text: str, ls: int, le: int) -> tuple[tuple[int, int], ...]:
    """Absolute (start, end) of the logical lines of the text's lines from ``ls`` to ``le``."""
    return tuple((ls + s, ls + e) for s, e in iter_lines(text[ls:le]))


def body_start(text: str, start: int, end: int, heading: str) -> int:
    """Where a section's content begins: after its heading (which may share a flattened line with content)."""
    if not heading:
        return start
    for s, e in lines_in(text, start, end):
        line = text[s:e]
        lead = len(line) - len(line.lstrip())
        if line.strip() != heading and line[lead:].startswith(heading) and line[lead + len(heading):][:1].isspace():
            return s + lead + len(heading)  # "EDUCATION 2017 – 2019 | …": the content goes on after the heading
        return e
    return end


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading/trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def clean(text: str) -> str:
    """Collapse whitespace and strip decoration that surrounds a field ("- Microsoft India -" → "Microsoft India")."""
    text = " ".join(text.split()).strip(" \t-–—|,;:·•")  # (str.split's whitespace is the regex's \s)
    # drop a bracket only when it has no partner, so "B.Sc. (Hons)" keeps its parentheses
    while text and text[0] in "([" and (")" if text[0] == "(" else "]") not in text:
        text = text[1:].strip(" \t-–—|,;:·•")
    while text and text[-1] in ")]" and ("(" if text[-1] == ")" else "[") not in text:
        text = text[:-1].strip(" \t-–—|,;:·•")
    while text and text[-1] in "([" and text.count(text[-1]) > text.count(")" if text[-1] == "(" else "]"):
        text = text[:-1].strip(" \t-–—|,;:·•")  # "Bachelor's Degree (" once its dates are taken out
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text
