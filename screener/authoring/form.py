"""The rubric editor's form, without a UI: table rows ↔ rubric mapping, validation by place, skill search.

The app's Rubrics page (``ui/rubrics.py``) only draws these; every rule lives here and is tested here.
"""

from __future__ import annotations

import math
from typing import Any

from ..errors import RubricError
from ..extract.lexicon import norm_phrase
from ..rubric import LEVEL_NAMES, Rubric, RubricProblems, rubric_warnings, split_terms, validate_rubric_data

LEVEL_WORDS = [LEVEL_NAMES[i] for i in range(5)]
SUBSTITUTE_KINDS = {"experience_years": "Years of experience", "certification": "Certification",
                    "badge": "Verified badge"}
KIND_OF_WORDS = {v: k for k, v in SUBSTITUTE_KINDS.items()}
COLUMNS = ["Name", "Weight", "Share", "Required level", "Must-have", "Min years", "Skills", "Aliases"]


def blank_rubric(role: str = "New role") -> dict[str, Any]:
    return {"role": role, "description": "", "competencies": [
        {"name": "First competency", "skills": [], "aliases": [], "weight": 100, "required_level": 2}],
        "degree": {"required": False}, "evidence": {"recency_years": 10}, "knockout": False}


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def competency_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One table row per competency; weight also shown as its share of 100%."""
    comps = [c for c in data.get("competencies") or [] if isinstance(c, dict)]
    weights = [_num(c.get("weight")) or 0.0 for c in comps]
    total = sum(weights) or 1.0
    rows = []
    for c, w in zip(comps, weights, strict=True):
        level = c.get("required_level", 2)
        rows.append({
            "Name": c.get("name", ""), "Weight": w, "Share": f"{100 * w / total:.0f}%",
            "Required level": LEVEL_NAMES.get(level, str(level)) if isinstance(level, int) else str(level),
            "Must-have": bool(c.get("must_have", False)),
            "Min years": _num(c.get("min_years")),
            "Skills": ", ".join(c.get("skills") or []), "Aliases": ", ".join(c.get("aliases") or []),
        })
    return rows


def _num(v: Any) -> float | None:
    if _blank(v):
        return None
    try:
        return float(str(v).strip().rstrip("%"))
    except ValueError:
        return None


def rows_to_competencies(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The competencies of edited table rows (empty rows dropped; words and commas read as the loader reads them)."""
    out = []
    for r in rows:
        if all(_blank(r.get(k)) or r.get(k) is False for k in ("Name", "Weight", "Skills", "Aliases")):
            continue
        c: dict[str, Any] = {"name": "" if _blank(r.get("Name")) else str(r["Name"]).strip(),
                             "skills": split_terms(str(r.get("Skills") or "")),
                             "aliases": split_terms(str(r.get("Aliases") or ""))}
        weight = r.get("Weight")
        c["weight"] = 0 if _blank(weight) else weight
        level = r.get("Required level")
        c["required_level"] = 2 if _blank(level) else level
        if bool(r.get("Must-have")) and not _blank(r.get("Must-have")):
            c["must_have"] = True
        if not _blank(r.get("Min years")):
            c["min_years"] = r["Min years"]
        out.append(c)
    return out


def substitute_rows(degree: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for s in degree.get("substitutes") or []:
        if isinstance(s, dict) and len(s) == 1:
            [(k, v)] = s.items()
            rows.append({"Kind": SUBSTITUTE_KINDS.get(k, k), "Value": v if k != "experience_years" else f"{v:g}"})
    return rows


def rows_to_substitutes(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        if _blank(r.get("Value")):
            continue
        kind = KIND_OF_WORDS.get(str(r.get("Kind") or ""), "certification")
        value: Any = str(r["Value"]).strip()
        if kind == "experience_years":
            value = _num(value.lower().replace("years", "").replace("+", "")) or value
        out.append({kind: value})
    return out


def degree_words(degree: dict[str, Any]) -> str:
    """The degree policy in plain words."""
    if not degree.get("required"):
        return "No degree is required: skills and evidence decide."
    level = degree.get("level", "bachelor")
    article = "an" if str(level)[:1] in "aeiou" else "a"
    noun = "diploma" if level == "high school" else "degree"
    fields = degree.get("fields") or []
    text = f"{article.capitalize()} {level}'s {noun}".replace("high school's", "high school")
    text = text.replace("doctorate's", "doctoral")
    if fields:
        text += " in " + ", ".join(fields[:-1]) + (" or " if len(fields) > 1 else "") + fields[-1]
    subs = degree.get("substitutes") or []
    described = []
    for s in subs:
        if isinstance(s, dict) and len(s) == 1:
            [(k, v)] = s.items()
            described.append(f"{v:g} years of relevant experience" if k == "experience_years" and
                             isinstance(v, (int, float)) else f"{SUBSTITUTE_KINDS.get(str(k), str(k)).lower()}: {v}")
    tail = "; ".join(described) if described else "equivalent experience (4 years for a bachelor's)"
    return (f"{text} is asked for, or an equivalent: {tail}. A degree is a flag beside the score, never part of "
            "it; foreign degrees count at their equivalent level.")


def check(data: dict[str, Any]) -> tuple[Rubric | None, dict[str, list[str]], list[str]]:
    """(rubric or None, problems by place, warnings). Places: "role", "competencies", "degree", "licence",
    "evidence", "other" — so the page can show each problem beside its field."""
    places: dict[str, list[str]] = {}
    try:
        rubric = validate_rubric_data(data, source="rubric")
    except RubricProblems as exc:
        for p in exc.problems:
            places.setdefault(_place(p), []).append(p)
        return None, places, []
    except RubricError as exc:
        places["other"] = [exc.user_message().removeprefix("rubric: ")]
        return None, places, []
    return rubric, {}, rubric_warnings(rubric)


def _place(problem: str) -> str:
    head = problem.split(":", 1)[0].casefold()
    for key in ("competenc", "degree", "licence", "evidence", "role", "description", "knockout"):
        if head.startswith(key) or problem.casefold().startswith(key):
            return {"competenc": "competencies", "description": "role", "knockout": "evidence"}.get(key, key)
    return "other"


_INDEX: dict[int, list[tuple[str, str, int]]] = {}


def _surface_index(extractor: Any) -> list[tuple[str, str, int]]:
    """(normalised form, form, concept index) of every label and synonym, built once per extractor."""
    key = id(extractor.lexicon)
    if key not in _INDEX:
        _INDEX.clear()
        _INDEX[key] = [(norm_phrase(f), f, n) for n, forms in enumerate(extractor.lexicon.surfaces) for f in forms]
    return _INDEX[key]


def search_skills(query: str, limit: int = 25, extractor: Any = None) -> list[dict[str, str]]:
    """Taxonomy labels and synonyms containing ``query``: the term, the concept it resolves to, its kind and id."""
    if extractor is None:
        from ..extract import get_extractor

        extractor = get_extractor()
    key = norm_phrase(query)
    if len(key) < 2:
        return []
    lex = extractor.lexicon
    hits: list[tuple[int, int, str, int]] = []
    for nf, f, n in _surface_index(extractor):
        if key in nf:
            rank = 0 if nf == key else 1 if nf.startswith(key) else 2
            hits.append((rank, len(f), f, n))
    hits.sort()
    out: list[dict[str, str]] = []
    seen: set[tuple[str, int]] = set()
    for _, _, f, n in hits:
        if (f.casefold(), n) in seen:
            continue
        seen.add((f.casefold(), n))
        c = lex.concepts[n]
        out.append({"Term": f, "Resolves to": c.label, "Kind": c.kind, "Id": c.id})
        if len(out) >= limit:
            break
    return out


def resolve_terms(terms: list[str], extractor: Any = None) -> list[dict[str, str]]:
    """What each term of a competency resolves to ("SOAP" → every concept it may mean), or that it is unknown."""
    if extractor is None:
        from ..extract import get_extractor

        extractor = get_extractor()
    rows = []
    for t in terms:
        found = extractor.resolve(t)
        if not found:
            rows.append({"Term": t, "Resolves to": "— not in the taxonomy: matched only as written", "Kind": "",
                         "Id": ""})
        for c in found:
            rows.append({"Term": t, "Resolves to": c.label, "Kind": c.kind, "Id": c.id})
    return rows


__all__ = ["COLUMNS", "LEVEL_WORDS", "SUBSTITUTE_KINDS", "blank_rubric", "check", "competency_rows",
           "degree_words", "resolve_terms", "rows_to_competencies", "rows_to_substitutes", "search_skills",
           "substitute_rows"]
