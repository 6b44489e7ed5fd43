"""Spoken languages with their level ("Portuguese (native)", "English — C1", "Spanish: fluent", "Inglés avanzado").

Names and level words are data (``data/languages.yaml``); the name is kept as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from screener.models import Language, Section
from screener.parse._data import BULLET_RE, alternation, clean, load

_UNLISTED = re.compile(r"^(?P<name>[A-ZÀ-Ý][^\W\d_]+(?:[ -][A-ZÀ-Ý][^\W\d_]+)?)\s*(?:\(|[-–—:]|,)\s*(?P<level>[^()]{2,40})\)?$")
_ITEM_SEP = re.compile(r"\s*(?:[;|•·\n]|,(?![^()]*\))|\s{2,}|\t)\s*")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("languages")
    names = [n for forms in data["names"].values() for n in forms]
    edge = r"(?<![^\W_])", r"(?![^\W_])"
    name_re = re.compile(edge[0] + alternation(names) + edge[1], re.IGNORECASE)
    level_re = re.compile(edge[0] + alternation(data["levels"]) + edge[1], re.IGNORECASE)
    return name_re, level_re


def parse_language_item(item: str) -> Language | None:
    """One item ("English — C1") as a Language, or None when it names no known language."""
    name_re, level_re = _patterns()
    item = BULLET_RE.sub("", item, count=1).strip()
    m = name_re.search(item)
    if not m or m.start() > 3:
        # a language missing from the list ("Twi (native)", "Ga — fluent"): a capitalised name and a known level
        um = _UNLISTED.match(item)
        if not um or not level_re.search(um["level"]):
            return None
        return Language(name=um["name"], level=clean(um["level"]))
    end = m.end()
    nxt = name_re.match(item, end + 1) if item[end:end + 1] == " " else None
    if nxt:
        end = nxt.end()  # "Mandarin Chinese", "Brazilian Portuguese"
    level = clean(item[end:])
    name = item[m.start():end]
    level = re.sub(r"^(?:[-–—:]|\(|level|nivel|nível|niveau)\s*", "", level, flags=re.IGNORECASE)
    return Language(name=name, level=clean(level))


def find_languages(text: str, sections: list[Section] | tuple[Section, ...]) -> list[Language]:
    """Languages listed in the languages sections."""
    out: list[Language] = []
    seen: set[str] = set()
    for section in sections:
        if section.name != "languages":
            continue
        body = text[section.start:section.end]
        nl = body.find("\n")
        body = body[nl + 1:] if nl != -1 and section.heading else body
        for item in _ITEM_SEP.split(body):
            lang = parse_language_item(item)
            if lang and lang.name.casefold() not in seen:
                seen.add(lang.name.casefold())
                out.append(lang)
    return out


__all__ = ["find_languages", "parse_language_item"]
