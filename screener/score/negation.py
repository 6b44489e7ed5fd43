"""Clauses that deny or only wish for a skill: "no experience with Kubernetes", "not familiar with Docker", "willing to
learn Terraform", "currently learning AWS". What such a clause names is never evidence of having the skill.

The cues and the scope rule are data (``data/negation.yaml``): a cue's scope runs to the end of its clause — a
full stop, semicolon, colon, question or exclamation mark, a line break, or a word that turns the sentence ("but",
"however") — and at most a fixed number of words, so "No experience with Kubernetes, Helm or Istio" covers all
three and "Not familiar with Docker, but built services in Go" leaves Go as evidence.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

_DATA = Path(__file__).with_name("data") / "negation.yaml"
_CLAUSE_END = re.compile(r"[.;:!?\n]|\s(?:but|however|although|though|whereas|while|yet)\b", re.IGNORECASE)
_WORD = re.compile(r"\S+")
REASONS = {"negated": "said not to be had", "wished_for": "wished for, not yet had"}
#: the reason given for a skill named by a certification listed as not yet earned ("AWS Certified … (in progress)")
IN_PROGRESS = "named by a certification not yet earned"


@functools.cache
def _cues() -> tuple[re.Pattern[str], int]:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    groups = []
    for kind in REASONS:
        alternatives = "|".join(p.replace(" ", r"\s+") for p in data[kind])
        groups.append(rf"(?P<{kind}>{alternatives})")
    pattern = re.compile(r"(?<![\w'])(?:" + "|".join(groups) + r")(?![\w'])", re.IGNORECASE)
    return pattern, int(data["max_scope_words"])


def negated_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, reason) of every cue's scope in ``text``: the words after the cue to the end of its clause."""
    pattern, max_words = _cues()
    out: list[tuple[int, int, str]] = []
    for m in pattern.finditer(text):
        kind = next(k for k in REASONS if m.group(k) is not None)
        stop = _CLAUSE_END.search(text, m.end())
        end = stop.start() if stop else len(text)
        words = list(_WORD.finditer(text, m.end(), end))
        if len(words) > max_words:
            end = words[max_words - 1].end()
        if end > m.end():
            out.append((m.end(), end, REASONS[kind]))
    return out
