"""ESCO and O*NET occupations and skill groups, compiled into the package (``scripts/build_authoring_data.py``).

``find_occupation("15-2051.00")``, ``find_occupation("data analyst")``; ``skill_group("SQL")`` → the group a draft
puts the skill in. Attribution: ESCO v1.1.1 © European Union 2022 (CC BY 4.0); O*NET 30.2 Database by
USDOL/ETA (CC BY 4.0), modified (examples ranked and grouped under our own names).
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import ScreenerError
from ..extract.lexicon import norm_phrase

DATA_FILE = Path(__file__).parent / "data" / "occupations.json.gz"
ESCO_OCCUPATION_PREFIX = "http://data.europa.eu/esco/occupation/"
ONET_CODE_RE = re.compile(r"^\s*(\d{2}-\d{4})(?:\.(\d{2}))?\s*$")
ATTRIBUTION = ("Occupations and skills from ESCO v1.1.1 (© European Union 2022, CC BY 4.0) and the O*NET 30.2 "
               "Database by USDOL/ETA (CC BY 4.0; modified: examples ranked and grouped). O*NET® is a trademark of "
               "USDOL/ETA.")


class OccupationNotFound(ScreenerError):
    code = "E120"


@dataclass(frozen=True)
class Occupation:
    source: str  # "esco" | "onet"
    code: str  # ESCO code ("2511.3") or O*NET-SOC code ("15-2051.00")
    title: str
    uri: str  # ESCO URI, or the O*NET OnLine address of the occupation
    alt_titles: tuple[str, ...]
    skills: tuple[str, ...]  # ESCO essential skills (preferred labels) or O*NET technologies (hot ones first)


@dataclass(frozen=True)
class _Data:
    skills: list[str]
    group_of: dict[str, str]
    esco: list[list[Any]]
    onet: list[list[Any]]


@cache
def _data() -> _Data:
    try:
        with gzip.open(DATA_FILE, "rt", encoding="utf-8") as fh:
            raw = json.load(fh)
    except (OSError, ValueError) as exc:
        raise ScreenerError(f"the occupation data {DATA_FILE.name} cannot be read",
                            hint="reinstall Skills Screener or run scripts/build_authoring_data.py") from exc
    names: list[str] = raw["skills"]
    groups: list[str] = raw["group_names"]
    group_of = {n.casefold(): groups[g] for n, g in zip(names, raw["skill_group"], strict=True) if g >= 0}
    return _Data(names, group_of, raw["esco"], raw["onet"])


_DATABASE = re.compile(r"\b(?:sql|nosql|t-sql|pl/sql|database|databases|mysql|postgresql|sqlite)\b")
_CLOUD = re.compile(r"\b(?:aws|amazon\s+web\s+services|amazon\s+elastic|azure|google\s+cloud|gcp|ibm\s+cloud|cloud)\b")
# ESCO groups whose names say little to a hiring manager, and the name a draft shows instead
_GROUP_NAMES = {
    "software and applications development and analysis": "Programming and software development",
    "database and network design and administration": "Databases and networks",
    "information and communication technologies (icts)": "Information technology",
    "computer use": "Computer use",
    "managing information": "Information management",
    "working with computers": "Computer use",
    "programming computer systems": "Programming and software development",
    "accessing and analysing digital data": "Data analysis and reporting",
    "analysing and evaluating information and data": "Data analysis and reporting",
    "setting up and protecting computer systems": "Systems and security",
    "designing systems and products": "Systems and product design",
    # transversal skills: one group for how someone works, one for working with others, one for languages
    "thinking creatively and innovatively": "Work style and personal skills",
    "working efficiently": "Work style and personal skills",
    "personal skills and development": "Work style and personal skills",
    "taking a proactive approach": "Work style and personal skills",
    "demonstrating willingness to learn": "Work style and personal skills",
    "dealing with problems": "Work style and personal skills",
    "processing information, ideas and concepts": "Work style and personal skills",
    "maintaining a positive attitude": "Work style and personal skills",
    "planning and organising": "Work style and personal skills",
    "work skills": "Work style and personal skills",
    "collaborating in teams and networks": "Communication and teamwork",
    "working in teams": "Communication and teamwork",
    "leading others": "Communication and teamwork",
    "communicating": "Communication and teamwork",
    "mastering languages": "Languages",
    "language acquisition": "Languages",
    "languages": "Languages",
}
_UNCLASSIFIED = re.compile(r"\s+not\s+(?:elsewhere\s+classified|further\s+defined)$")


def skill_group(label: str) -> str | None:
    """The group a taxonomy skill or technology belongs to (O*NET technology category, else the ESCO skills
    hierarchy), in words a hiring manager reads."""
    key = label.strip().casefold()
    if _DATABASE.search(key):
        return "Databases and SQL"
    if _CLOUD.search(key):
        return "Cloud and infrastructure"
    g = _data().group_of.get(key)
    if g is None:
        return None
    g = _UNCLASSIFIED.sub("", g)
    g = _GROUP_NAMES.get(g.casefold(), g)
    return g[:1].upper() + g[1:]


def _esco(row: list[Any]) -> Occupation:
    d = _data()
    uid, title, code, alts, skills = row
    return Occupation("esco", code, title, ESCO_OCCUPATION_PREFIX + uid, tuple(alts), tuple(d.skills[i] for i in skills))


def _onet(row: list[Any]) -> Occupation:
    d = _data()
    code, title, tools = row
    return Occupation("onet", code, title, f"https://www.onetonline.org/link/summary/{code}", (),
                      tuple(d.skills[i] for i in tools))


def search_occupations(query: str, limit: int = 10) -> list[Occupation]:
    """Occupations whose code, title or alternative title matches ``query`` (exact first, then by words)."""
    q = query.strip()
    if not q:
        return []
    d = _data()
    m = ONET_CODE_RE.match(q)
    if m:
        code = f"{m.group(1)}.{m.group(2) or '00'}"
        return [_onet(r) for r in d.onet if r[0] == code or (m.group(2) is None and r[0].startswith(m.group(1)))][:limit]
    if q.startswith(ESCO_OCCUPATION_PREFIX) or re.fullmatch(r"[0-9a-f-]{36}", q):
        uid = q.rsplit("/", 1)[-1]
        return [_esco(r) for r in d.esco if r[0] == uid][:limit]
    if re.fullmatch(r"\d{4}(?:\.\d+)+", q):
        return [_esco(r) for r in d.esco if r[2] == q][:limit]
    key = norm_phrase(q)
    words = set(key.split())
    scored: list[tuple[int, int, str, Occupation]] = []
    for r in d.esco:
        titles = [r[1], *r[3]]
        scored.extend(_score(key, words, titles, _esco, r))
    for r in d.onet:
        scored.extend(_score(key, words, [r[1]], _onet, r))
    scored.sort(key=lambda t: (t[0], t[1], t[2]))
    out: list[Occupation] = []
    seen: set[tuple[str, str]] = set()
    for *_, occ in scored:
        if (occ.source, occ.code) not in seen:
            seen.add((occ.source, occ.code))
            out.append(occ)
    return out[:limit]


def _score(key: str, words: set[str], titles: list[str], make: Any, row: list[Any]) -> list[tuple[int, int, str, Any]]:
    best: tuple[int, int] | None = None
    for n, t in enumerate(titles):
        tk = norm_phrase(t)
        if tk == key:
            rank = (0, n)
        elif words and words <= set(tk.split()):
            rank = (1, len(tk.split()))
        else:
            continue
        best = rank if best is None or rank < best else best
    if best is None:
        return []
    occ = make(row)
    # an ESCO preferred label that matches exactly comes before O*NET's; O*NET before ESCO alternative labels
    src_rank = 0 if occ.source == "esco" and best == (0, 0) else 1 if occ.source == "onet" else 2
    return [(best[0], src_rank * 100 + best[1], occ.title, occ)]


def find_occupation(query: str) -> Occupation:
    """The one occupation ``query`` names; raises :class:`OccupationNotFound` with suggestions."""
    found = search_occupations(query, limit=5)
    if not found:
        raise OccupationNotFound(f"no ESCO or O*NET occupation matches {query!r}",
                                 hint='try an O*NET-SOC code such as "15-2051.00" or a title such as "data analyst"')
    return found[0]


__all__ = ["ATTRIBUTION", "Occupation", "OccupationNotFound", "find_occupation", "search_occupations", "skill_group"]
