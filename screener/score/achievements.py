"""Quantified achievements inside roles: "Reduced system downtime by 20%, saving $50,000 annually".

A bullet (or a sentence of a role's text) is an achievement when it has an action verb and a measure: a
percentage, an amount of money, a count of things or people, or time saved. They are shown as highlighted evidence
under the competency they support (the same bullet names one of its skills, or else the same role does); they are
not scored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Profile
from .evidence import role_label
from .exclusions import Exclusion, excluded_at, is_work_role
from .model import Achievement, Evidence

_NUM = r"\d{1,3}(?:[,.\s]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:k|m|mm|bn|b|million|billion|thousand|lakh|crore)\b)?"
_DIGIT = re.compile(r"\d")  # the same digits as the measures' \d
_MEASURES = [
    ("percentage", re.compile(rf"(?<![\w.])(?:{_NUM})\s?(?:%|per\s?cent\b|percent\b|pct\b|pp\b|percentage points?\b)",
                              re.IGNORECASE)),
    ("money", re.compile(rf"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|INR|NGN|R\$|US\$))\s?(?:{_NUM}){_SCALE}"
                         rf"|(?<![\w.])(?:{_NUM}){_SCALE}\s?(?:USD|EUR|GBP|dollars|euros|pounds|rupees)\b",
                         re.IGNORECASE)),
    # time saved, not a duration: "saving 12 hours a week", "cut … from 5 days to 2 hours", "3 weeks ahead of …"
    ("time", re.compile(rf"(?:\b(?:sav|cut|reduc|shorten|sped|speed|decreas|lower|from)\w*\b[^.;]{{0,40}}?)"
                        rf"(?<![\w.])(?:{_NUM})\+?\s?(?:hours?|hrs?|days?|weeks?|months?|minutes?|mins?|seconds?|"
                        r"person-days|man-hours|FTEs?)\b"
                        rf"|(?<![\w.])(?:{_NUM})\+?\s?(?:hours?|hrs?|days?|weeks?|months?|minutes?|mins?|seconds?)"
                        r"\s+(?:faster|earlier|ahead|sooner|saved|less)\b", re.IGNORECASE)),
    ("count", re.compile(rf"(?<![\w.$€£])(?:{_NUM})\+?\s?(?:x\b|×|times\b|(?:[a-z-]+\s)?(?:users|customers|clients|"
                         r"employees|people|staff|engineers|students|patients|accounts|projects|sites|servers|"
                         r"stores|branches|countries|markets|products|applications|apps|services|reports|"
                         r"dashboards|transactions|requests|orders|records|tickets|beds|members|"
                         r"direct reports|team members|suppliers|vendors|units|devices|sku?s)\b)",
                         re.IGNORECASE)),
]
_VERB = re.compile(
    r"\b(?:reduc|cut|sav|increas|improv|grew|grow|boost|rais|lower|decreas|accelerat|shorten|doubl|tripl|halv|"
    r"generat|deliver|achiev|exceed|optimi[sz]|automat|streamlin|eliminat|launch|led\b|lead|manag|scal|migrat|"
    r"expand|won|secur|drove|driv|captur|recover|prevent|avoid|minimi[sz]|maximi[sz]|enhanc|speed|sped|"
    r"built|build|implement|deploy|negotiat|closed|exceed|surpass|attain|trained|mentor|onboard|hired|recruit)"
    r"(?!\w*ments?\b)",  # the verb, not its noun ("management", "achievements")
    re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[•●▪◦*·\-–—]|\d+[.)])\s*")


# Inside a line: sentence ends, bullet characters (also as the literal escapes flattened texts carry), runs of spaces.
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\d])|\s*[•●▪◦✓➢§]\s*|(?:\\x[0-9a-f]{2}){2,}\s*|\s{3,}")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Bullets and sentences of a role's text."""
    out: list[tuple[int, int]] = []
    for s, e in _lines_joined(text, start, end):
        pos = s
        for m in _SPLIT.finditer(text, s, e):
            if m.start() > pos:
                out.append((pos, m.start()))
            pos = m.end()
        if e > pos:
            out.append((pos, e))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _lines_joined(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines of a role's text, a line that goes on in lower case joined to the one before."""
    out: list[list[int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos)
        nl = end if nl == -1 or nl > end else nl
        line = text[pos:nl]
        if line.strip():
            cont = out and not _BULLET.match(line) and line.lstrip()[:1].islower() and out[-1][1] == pos - 1
            if cont:
                out[-1][1] = nl
            else:
                out.append([pos, nl])
        pos = nl + 1
    return [(s, e) for s, e in out]


def find_achievements(profile: Profile, exclusions: Sequence[Exclusion] = ()) -> list[Achievement]:
    """Every quantified achievement inside a work role, in text order."""
    text = profile.document.text
    out: list[Achievement] = []
    for role in profile.roles:
        if role.span == (0, 0) or not is_work_role(profile, role):
            continue
        label = role_label(role)
        for s, e in _pieces(text, role.span[0], role.span[1]):
            piece = text[s:e]
            if _DIGIT.search(piece) is None:
                continue  # every measure has a number in it
            measures: list[str] = []
            for kind, rx in _MEASURES:
                for m in rx.finditer(piece):
                    if excluded_at(exclusions, s + m.start(), s + m.end()) is None and kind not in measures:
                        measures.append(kind)
            if not measures or not _VERB.search(piece):
                continue
            lead = len(piece) - len(_BULLET.sub("", piece, count=1))
            out.append(Achievement(text=re.sub(r"\s+", " ", piece[lead:]).strip(), start=s + lead, end=e,
                                   role=label, measures=tuple(measures)))
    return out


def achievements_for(achievements: Sequence[Achievement], evidence: Sequence[Evidence]) -> tuple[Achievement, ...]:
    """The achievements a competency's evidence supports: the same bullet names one of its skills, or else the
    same role does (then marked ``same_role``)."""
    direct = [e for e in evidence if e.start is not None and e.end is not None and e.end > e.start]
    roles = {e.role for e in direct if e.kind == "role" and e.role}
    out: list[Achievement] = []
    for a in achievements:
        if any(a.start <= (e.start or 0) < a.end for e in direct):
            out.append(a)
        elif a.role in roles:
            out.append(Achievement(a.text, a.start, a.end, a.role, a.measures, same_role=True))
    return tuple(out)


__all__ = ["achievements_for", "find_achievements"]
