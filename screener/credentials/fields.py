"""Fields of study in any language: does an education entry name the field a rubric asks for?

    field_matches("Licenciatura en Ciencias de la Computación, UBA", "computer science")   # True
    field_matches("Diplom-Informatiker (Dipl.-Inf.)", "computer science")                   # True
    field_matches("B.A. History", "computer science")                                       # False

The names are data (``data/fields.yaml``, grouped by ISCED-F 2013 field). A rubric field that names no group is
matched as written: each of its words in the entry.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from ._text import fold

_DATA = Path(__file__).resolve().parent / "data" / "fields.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _name_pattern(name: str) -> str:
    stem = name.endswith("*")
    body = re.escape(fold(name.rstrip("*")).strip()).replace(r"\ ", r"[\s\-]+")
    if any("\u3000" <= ch <= "\u9fff" for ch in name):  # CJK: no spaces between words
        return body
    return rf"(?<!\w){body}" + (r"\w*" if stem else r"(?!\w)")


@cache
def _groups() -> tuple[tuple[frozenset[str], re.Pattern[str]], ...]:
    """(the group's English names folded, one pattern for every name of the group)."""
    data = yaml.load(_DATA.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    out = []
    for g in data.get("groups") or []:
        en = [str(x) for x in g.get("en") or []]
        names = en + [str(x) for x in g.get("names") or []]
        out.append((frozenset(fold(x) for x in en),
                    re.compile("|".join(_name_pattern(n) for n in sorted(set(names), key=len, reverse=True)))))
    return tuple(out)


def field_matches(text: str, field: str) -> bool:
    """Does ``text`` (an entry's credential, field and institution) name ``field`` (a rubric's, in English) in any
    of the ways ``fields.yaml`` knows, or, for a field it does not know, each of its words?"""
    wanted = fold(" ".join(field.split()))
    folded = fold(text)
    known = [pat for en, pat in _groups() if wanted in en]
    if known:
        return any(p.search(folded) for p in known)
    words = [w for w in re.findall(r"[\w+#]+", wanted) if len(w) > 1]
    return bool(words) and all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", folded) for w in words)
