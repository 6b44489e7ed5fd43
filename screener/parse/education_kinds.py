"""The kind of an education entry — degree, vocational, bootcamp, program, secondary or unknown — from the cue
phrases of ``data/education_kinds.yaml`` (rules tried in order: credential, then institution, then the entry's
other lines).

    >>> education_kind(credential="Certificate III in Carpentry", institution="Northside TAFE")
    'vocational'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, get_args

from screener.models import EducationKind
from screener.parse._data import alternation, flat_words, load

KINDS: tuple[str, ...] = get_args(EducationKind)
#: Each kind in words for a hiring manager ("" for unknown: nothing is shown).
KIND_WORDS: dict[str, str] = {"degree": "degree", "vocational": "vocational qualification", "bootcamp": "bootcamp",
                              "program": "course or certificate programme", "secondary": "secondary school",
                              "unknown": ""}

#: The kind as ``parse --json`` writes it (the vocabulary of the real-layout annotations: degree, program,
#: secondary): a bootcamp or a vocational qualification is a programme there; the fine kind is ``kind_detail``.
CONTRACT_KIND: dict[str, str] = {"degree": "degree", "vocational": "program", "bootcamp": "program",
                                 "program": "program", "secondary": "secondary", "unknown": "unknown"}

_EDGE = r"(?<![^\W_])", r"(?![^\W_])"
# "Cambridge, MA" / "Austin, TX": a city and its state are a place; its two capitals are never a degree's
_CITY_STATE = re.compile(r"[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+){0,2},\s*[A-Z]{2}\b")


@dataclass(frozen=True)
class _Rule:
    kind: EducationKind
    pattern: re.Pattern[str] | None  # phrases, case-insensitive
    abbrevs: re.Pattern[str] | None  # abbreviations, case-sensitive
    weak: bool = False  # a guess tried only after the institution and the other lines

    def matches(self, text: str) -> bool:
        return bool(self.pattern and self.pattern.search(text) or self.abbrevs and self.abbrevs.search(text))


def _dotted(abbrev: str) -> str:
    """"BSc" also as "B.Sc." / "B. Sc." / "B.Sc"."""
    letters = re.findall(r"[A-Z][a-z]*", abbrev) or [abbrev]
    return r"\.?\s?".join(re.escape(x) for x in letters) + r"\.?"


def _rule(spec: dict[str, Any], named_abbrevs: set[str]) -> _Rule:
    kind = spec["kind"]
    if kind not in KINDS:
        raise ValueError(f"education_kinds.yaml: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    phrases = [str(p) for p in spec.get("phrases") or []]
    if spec.get("degree_words"):
        phrases += flat_words(load("entry_words")["degree_words"])
    if spec.get("programme_words"):
        phrases += [str(w) for w in load("education_words")["programme_words"]]
    abbrevs = [str(a) for a in spec.get("abbreviations") or []]
    if spec.get("degree_abbreviations"):
        abbrevs += [str(a) for a in load("entry_words")["degree_abbreviations"] if str(a) not in named_abbrevs]
    pattern = re.compile(_EDGE[0] + alternation(phrases) + _EDGE[1], re.IGNORECASE) if phrases else None
    forms = sorted({_dotted(a) for a in abbrevs}, key=len, reverse=True)
    abbrev_re = re.compile(r"(?<![\w.])(?:" + "|".join(forms) + r")(?!\w)") if forms else None
    return _Rule(kind, pattern, abbrev_re, bool(spec.get("weak")))


@dataclass(frozen=True)
class _Rules:
    credential: tuple[_Rule, ...]
    institution: tuple[_Rule, ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load("education_kinds")
    named = {str(a) for spec in data["rules"] + data["institution_rules"] for a in spec.get("abbreviations") or []}
    return _Rules(tuple(_rule(s, named) for s in data["rules"]),
                  tuple(_rule(s, named) for s in data["institution_rules"]))


def _first(rules: tuple[_Rule, ...], text: str, *, weak: bool = False) -> EducationKind | None:
    if "," in text:
        text = _CITY_STATE.sub(" ", text)
    return next((r.kind for r in rules if r.weak == weak and text.strip() and r.matches(text)), None)


def names_qualification(text: str) -> bool:
    """True when ``text`` names a vocational, bootcamp or school-leaving qualification by its own words
    ("Certificate IV in …", "Ausbildung", "… Bootcamp", "A-levels"): a credential line even with no degree word."""
    if "," in text:
        text = _CITY_STATE.sub(" ", text)
    return _qualification_pattern().search(text) is not None


@lru_cache(maxsize=1)
def _qualification_pattern() -> re.Pattern[str]:
    """The phrases (case-insensitive) and abbreviations (case-sensitive) of the vocational, bootcamp and secondary
    rules as one pattern: one search a line."""
    rules = [r for r in _rules().credential if r.kind in ("vocational", "bootcamp", "secondary") and not r.weak]
    parts = [f"(?i:{r.pattern.pattern})" for r in rules if r.pattern] + [r.abbrevs.pattern for r in rules if r.abbrevs]
    return re.compile("|".join(parts))


def education_kind(*, credential: str = "", field: str = "", institution: str = "",
                   context: str = "") -> EducationKind:
    """The entry's kind: from its credential (and field), else its institution's name, else ``context`` (the
    entry's other lines); "unknown" when none of them tells."""
    rules = _rules()
    named = f"{credential} {field}" if credential else ""
    return (_first(rules.credential, named)
            or _first(rules.institution, institution)
            or _first(rules.credential, context)
            or _first(rules.credential, named, weak=True)
            or "unknown")


__all__ = ["CONTRACT_KIND", "KINDS", "KIND_WORDS", "education_kind", "names_qualification"]
