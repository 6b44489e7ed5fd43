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


class Rules:
    """Stoplist + ambiguity rules, keyed by normalised form."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        stop = yaml.load((data_dir / "stoplist.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
        self.never: frozenset[str] = frozenset(norm_phrase(w) for w in stop["never"])
        self.list_only: frozenset[str] = frozenset(norm_phrase(w) for w in stop["list_only"])
        self.function_words: frozenset[str] = frozenset(norm_phrase(str(w)) for w in stop["function_words"])
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

    def rules_for(self, key: str) -> list[Rule]:
        return self.terms.get(key, [])

    def cue_before(self, prev_norms: list[str]) -> bool:
        """Does the text just before a term end with a cue such as "programming in"?"""
        return any(tuple(prev_norms[-len(c):]) == c for c in self.cues_before if len(prev_norms) >= len(c))
