"""Context rules for skill names that are also ordinary words: the stoplist and the ambiguous short names.

Both are data (``data/stoplist.yaml``, ``data/ambiguity.yaml``); this module only reads and applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from screener.extract.lexicon import DATA_DIR, norm_phrase

# the C parser when PyYAML has it (the same data, a tenth of the time)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Rule:
    form: str
    case: str  # exact | upper | capitalised | any
    reject_prev: frozenset[str]
    reject_next: frozenset[str]

    def case_ok(self, surface: str) -> bool:
        if self.case == "exact":
            return surface == self.form
        if self.case == "upper":
            return surface.isupper()
        if self.case == "capitalised":
            return surface[:1].isupper()
        return True


# the marks of a rating drawn in a skills list ("Python ●●●●○", "SQL ★★★☆☆")
RATING_GLYPHS = "●○◉◎◍◌•◦★☆✩✪✭✮⭐■□▪▫▰▱"
_RATING_ENDS = frozenset(RATING_GLYPHS + "%")
_LEVEL_WINDOW = 64


def _level_pattern(levels: list[str], nouns: list[str]) -> tuple[re.Pattern[str], frozenset[str]]:
    """The pattern of a level written at the end of an item, and the last words such a level can end with."""
    from screener.parse._data import load  # the spoken-language levels of the résumé parser

    words = sorted({str(w).casefold() for w in [*levels, *load("languages")["levels"]]}, key=len, reverse=True)
    noun_words = sorted({str(w).casefold() for w in nouns}, key=len, reverse=True)
    word = r"(?:very\s+)?(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"
    word += r"(?:\s+(?:" + "|".join(map(re.escape, noun_words)) + "))?"
    duration = r"\d+(?:[.,]\d+)?\s*\+?\s*(?:years?|yrs?|months?)(?:\s+(?:of\s+)?(?:experience|exp))?"
    score = r"\d(?:[.,]\d)?\s*(?:/|out\s+of)\s*(?:5|10)|\d{1,3}\s*%|[" + RATING_GLYPHS + r"](?:\s?[" + RATING_GLYPHS + "])*"
    level = rf"(?:{word}|{duration}|{score})"
    # a rating or a duration may follow the name after a bare space ("Python 90%", "Docker ★★★★☆"), a word only
    # after a separator ("React Native" is a name)
    bare = r"\s+(?=[\d" + RATING_GLYPHS + "])"
    pattern = re.compile(rf"(?:^\s*|\s*[:–—-]\s*|\s*[(\[]\s*|{bare}){level}[\s)\].]*$", re.IGNORECASE)
    ends = frozenset({w.split()[-1] for w in words} | set(noun_words) | {"year", "years", "yrs", "yr", "months",
                                                                       "month", "experience", "exp", "5", "10"})
    return pattern, ends


class Rules:
    """Stoplist + ambiguity rules, keyed by normalised form."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        stop = yaml.load((data_dir / "stoplist.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
        self.never: frozenset[str] = frozenset(norm_phrase(w) for w in stop["never"])
        self.list_only: frozenset[str] = frozenset(norm_phrase(w) for w in stop["list_only"])
        self.function_words: frozenset[str] = frozenset(norm_phrase(str(w)) for w in stop["function_words"])
        self.level_re, self.level_ends = _level_pattern(stop["levels"], stop["level_nouns"])
        amb = yaml.load((data_dir / "ambiguity.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
        self.cues_before: tuple[tuple[str, ...], ...] = tuple(
            tuple(norm_phrase(c).split()) for c in amb["cues_before"]
        )
        self.cues_after: frozenset[str] = frozenset(norm_phrase(c) for c in amb["cues_after"])
        self.version_re = re.compile(amb["version_re"])
        self.terms: dict[str, list[Rule]] = {}
        for t in amb["terms"]:
            rule = Rule(
                form=str(t["form"]),
                case=t.get("case", "any"),
                reject_prev=frozenset(norm_phrase(str(w)) or str(w) for w in t.get("reject_prev", [])),
                reject_next=frozenset(norm_phrase(str(w)) or str(w) for w in t.get("reject_next", [])),
            )
            self.terms.setdefault(norm_phrase(rule.form), []).append(rule)
        # every key a rule above names: any other key passes them all
        self.named: frozenset[str] = self.never | self.list_only | frozenset(self.terms)

    def level_at(self, piece: str) -> int | None:
        """Where a level or duration written after a skill begins in ``piece`` ("Python – Expert" → 6,
        "Java: 5 years" → 4, "(Advanced)" → 0), with its separator; None when the piece ends in none. A level
        needs a separator (":", a dash, a bracket) or the whole piece: "React Native" keeps its last word."""
        tail = piece.rstrip(" .)]\t")
        last = tail[tail.rfind(" ") + 1:].lstrip("([").casefold()
        if last not in self.level_ends and not (last[-1:].isdigit() or last[-1:] in _RATING_ENDS or "/" in last):
            return None
        # a level is short: only the piece's end is searched (a long run of spaces costs no more than a short one)
        m = self.level_re.search(piece, max(0, len(piece) - _LEVEL_WINDOW))
        return m.start() if m else None

    def rules_for(self, key: str) -> list[Rule]:
        return self.terms.get(key, [])

    def cue_before(self, prev_norms: list[str]) -> bool:
        """Does the text just before a term end with a cue such as "programming in"?"""
        return any(tuple(prev_norms[-len(c):]) == c for c in self.cues_before if len(prev_norms) >= len(c))
