"""Which country an education entry comes from: ISO codes from names, demonyms, cities, institutions and
credential words that only one national system uses.

    infer_country("B.Tech, IIT Bombay, Mumbai")            # 'IN'
    infer_country("Bacharel em Engenharia Mecânica")        # 'BR' (the word "Bacharel")
    resolve_country("Brazil"), resolve_country("br")        # ('BR', 'BR')
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from ._text import compact, outermost
from .tables import CountryCue, load_countries, load_tables

# How much one cue counts. An institution named in its own field is the strongest evidence; a credential word is
# the weakest, because many résumés use a home-country word for a degree earned elsewhere.
_WEIGHT_TEXT = {"institution": 3, "name": 3, "city": 2, "demonym": 2, "credential": 1}
_WEIGHT_INSTITUTION_FIELD = 2  # multiplier for cues found in the institution field itself


def resolve_country(value: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 code from a code or a name ("BR", "br", "Brazil", "UK", "Deutschland"); None if unknown."""
    if not value or not value.strip():
        return None
    t = load_tables()
    raw = value.strip()
    if len(raw) == 2 and raw.isalpha():
        code = raw.upper()
        return "GB" if code == "UK" else code
    key = compact(raw)
    if key == "us":  # "U.S." — not a cue in running text ("contact us"), but unambiguous as an argument
        return "US"
    return t.country_names.get(key)


@cache
def _place_keys() -> frozenset[str]:
    return frozenset(compact(x) for c in load_countries().values() for x in (c.name, *c.names, *c.cities) if x)


def is_place(phrase: str) -> bool:
    """Is the whole phrase a country's name or one of its major cities ("Chelyabinsk", "Russia", "Tel Aviv")?
    Demonyms are not places: "Russian" is also a language."""
    return bool(phrase.strip()) and compact(phrase) in _place_keys()


def _scores(text: str, weight: int) -> dict[str, int]:
    t = load_tables()
    # one vote per place in the text and country: patterns that fold to the same words ("BSc (Eng)", "B.Sc. Eng.")
    # are one cue, at the weight of its strongest kind
    best: dict[tuple[int, int, str], int] = {}
    for m in outermost(t.cue_index.find(text)):
        cue: CountryCue = m.item
        key = (m.start, m.end, cue.country)
        best[key] = max(best.get(key, 0), _WEIGHT_TEXT[cue.kind] * weight)
    scores: dict[str, int] = defaultdict(int)
    for (_s, _e, country), w in best.items():
        scores[country] += w
    return scores


def infer_country(text: str, *, institution: str = "") -> str | None:
    """The ISO alpha-2 code an education entry points to, or None when cues are absent or disagree evenly."""
    total: dict[str, int] = defaultdict(int)
    for cc, s in _scores(text or "", 1).items():
        total[cc] += s
    if institution:
        for cc, s in _scores(institution, _WEIGHT_INSTITUTION_FIELD).items():
            total[cc] += s
    if not total:
        return None
    ranked = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None  # a tie is a guess; no country is better than a wrong one
    return ranked[0][0]
