"""Equivalency notes for credentials as written on résumés: U.S. equivalent, ISCED 2011 level, caveats, licensing.

    eq = lookup_equivalency("Bacharel em Engenharia Mecânica")
    eq.country, eq.us_equivalent, eq.isced_level      # ('BR', "Bachelor's degree", 6)
    degree_meets(eq, "bachelor")                      # (True, "met by equivalent: ...")

The readings come from data/equivalencies.yaml (a source per row). A credential not in the table gets no
reading and a note saying so: the screener never guesses an equivalence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from ..parse.education import respelled
from ._text import Match, compact, tokens
from .countries import infer_country, resolve_country
from .licensing import credential_profession, licensing_path_for_id
from .tables import Row, Tables, is_shared_title, load_tables

DISCLAIMER = "An evaluation by a NACES or AICE member is authoritative; this note is guidance."

#: ISCED 2011 level names, for notes and for rubric degree levels.
ISCED_NAMES = {
    3: "upper secondary",
    4: "post-secondary non-tertiary",
    5: "short-cycle tertiary",
    6: "bachelor's or equivalent",
    7: "master's or equivalent",
    8: "doctoral or equivalent",
}

#: What a reading means in U.S. terms when several national readings share only a level.
_GENERIC_US = {
    3: "High school diploma",
    4: "Post-secondary certificate",
    5: "Associate degree or equivalent",
    6: "Bachelor's degree",
    7: "Master's degree or equivalent",
    8: "Doctorate",
}

_LEVEL_WORDS = {
    "high school": 3, "highschool": 3, "secondary": 3, "upper secondary": 3, "ged": 3, "diploma": 3,
    "post secondary": 4, "postsecondary": 4, "certificate": 4,
    "associate": 5, "associates": 5, "short cycle": 5, "foundation degree": 5,
    "bachelor": 6, "bachelors": 6, "undergraduate": 6, "degree": 6, "college degree": 6, "university degree": 6,
    "master": 7, "masters": 7, "graduate": 7, "postgraduate": 7, "mba": 7, "professional": 7,
    "doctorate": 8, "doctoral": 8, "doctor": 8, "phd": 8, "ph d": 8,
}

# A reading for a country without a row of its own is given only for titles that mean the same across at
# least this many national systems ("PhD", "MBA", "Master of Science"); otherwise no note.
_SHARED_TITLE_MIN_COUNTRIES = 3


@dataclass(frozen=True)
class Equivalency:
    """An equivalency note for one credential. ``isced_level is None`` with no reading means "no note"."""

    credential: str
    country: str | None
    credential_type: str | None
    nominal_years: float | None
    us_equivalent: str | None
    isced_level: int | None
    contested: bool
    caveat: str | None
    regulated_profession: str | None
    licensing_path: tuple[str, ...] | None
    sources: tuple[str, ...]
    note: str

    @property
    def known(self) -> bool:
        """True when the table had a reading for the credential."""
        return self.us_equivalent is not None

    def to_json(self) -> dict[str, Any]:
        """The CLI contract keys first (credential … note), then credential_type, nominal_years, caveat."""
        return {
            "credential": self.credential,
            "country": self.country,
            "us_equivalent": self.us_equivalent,
            "isced_level": self.isced_level,
            "contested": self.contested,
            "regulated_profession": self.regulated_profession,
            "licensing_path": list(self.licensing_path) if self.licensing_path is not None else None,
            "sources": list(self.sources),
            "note": self.note,
            "credential_type": self.credential_type,
            "nominal_years": self.nominal_years,
            "caveat": self.caveat,
        }


# ---------------------------------------------------------------------------------------------- lookup


def lookup_equivalency(
    credential: str,
    *,
    country: str | None = None,
    field: str = "",
    institution: str = "",
    context: str = "",
    kind: str = "",
) -> Equivalency:
    """The equivalency note for a credential as written ("B.Tech in Computer Science", "Laurea Magistrale").

    ``kind`` is the education entry's kind (parse/data/education_kinds.yaml): a bootcamp or another non-degree
    programme gets a note saying so, with no U.S. equivalent and no ISCED level — never one read from a degree
    word in its name ("Scrum Master course").

    ``country`` (ISO code or name) wins when given; otherwise the country comes from credential words unique to
    one system, then from ``context``/``institution`` cues. A credential shared by several systems with no
    country known gets the reading they agree on, marked "(country unknown)", never a guessed country.
    """
    t = load_tables()
    written = " ".join(credential.split())
    cc = resolve_country(country) if country else None
    if kind in _NOT_DEGREE_KINDS:
        return _not_a_degree(written, cc, _NOT_DEGREE_KINDS[kind])
    # cues in the text itself ("… (India)", "VIT Vellore") come before credential words shared by systems
    inferred = None if cc else infer_country(" ".join([credential, field, context]), institution=institution)
    known_cc = cc or inferred
    condition_text = " ".join([credential, institution, field])
    matches = _applicable(_found(t, credential, known_cc), condition_text)
    meant = respelled(credential)
    # "Mastrer's degree" is looked up as "master's degree" only when as written finds nothing (in the country,
    # when known): "Diplom" or "Doctorat" as written are the real names, never respelled
    if meant != credential and not any(known_cc in (None, m.item.country) for m in matches):
        matches = _applicable(_found(t, meant, known_cc), condition_text) or matches
    profession_text = " ".join([credential, field])
    claim = _equivalence_claim(credential)

    if not matches:
        return _no_note(t, written, cc, country)

    if cc is None:
        if inferred is not None:
            own = [m for m in matches if m.item.country == inferred]
            if own:
                return _claimed(_from_row(t, written, _pick(own).item, profession_text), claim)
        top = _top(matches)
        top_countries = {m.item.country for m in top}
        if len(top_countries) == 1 and _names_country(t, top):
            return _claimed(_from_row(t, written, _pick(top).item, profession_text), claim)
        return _claimed(_generic(t, written, None, top, profession_text), claim)

    own = [m for m in matches if m.item.country == cc]
    if own:
        return _claimed(_from_row(t, written, _pick(own).item, profession_text), claim)
    top = _top(matches)
    if len({m.item.country for m in top}) >= _SHARED_TITLE_MIN_COUNTRIES:
        return _claimed(_generic(t, written, cc, top, profession_text), claim)
    return _no_note(t, written, cc, country)


def _found(t: Tables, credential: str, known_cc: str | None) -> list[Match[Row]]:
    found = t.row_index.find(credential)
    if known_cc:
        found += [m for m in t.local_index.find(credential) if m.item.country == known_cc]
    return found


def _names_country(t: Tables, top: list[Match[Row]]) -> bool:
    """Whether the best match, found in one country's rows only, is evidence of that country.

    A local word ("Bacharel", "Laurea", "KCSE") is; an English title or abbreviation that many systems use
    ("Bachelor of Medicine", "BDS") is not, unless the only system is the U.S. one (a U.S. screener reads an
    unplaced "Associate of Applied Science" as American)."""
    if all(m.item.country == "US" for m in top):
        return True
    return not any(is_shared_title(m.phrase, t.shared_words) for m in top)


# Words saying the candidate claims an equivalence rather than naming the credential itself.
_CLAIM_WORDS = {"equivalent", "equiv", "equivalency", "equivalence", "equivalente", "aquivalent", "equivalant"}


def _equivalence_claim(credential: str) -> bool:
    return any(w in _CLAIM_WORDS for w in tokens(credential))


def _claimed(eq: Equivalency, claim: bool) -> Equivalency:
    """Mark a reading contested when the résumé only claims an equivalent ("Bachelor's degree (equivalent)")."""
    if not claim or eq.us_equivalent is None:
        return eq
    why = ("The résumé claims an equivalent rather than naming the credential; the actual credential, its country "
           "and an evaluation report are needed to confirm it.")
    caveat = f"{why} {eq.caveat}" if eq.caveat else why
    body_end = eq.note.rfind(DISCLAIMER)
    note = eq.note[:body_end] + f"Contested: {why} " + DISCLAIMER
    return replace(eq, contested=True, caveat=caveat, note=note)


def _applicable(matches: list[Match[Row]], condition_text: str) -> list[Match[Row]]:
    """Drop rows whose ``requires_any`` condition is not in the text ("FH" for a Fachhochschule Diplom)."""
    folded = f" {' '.join(tokens(condition_text))} "
    squeezed = compact(condition_text)
    out = []
    for m in matches:
        req = m.item.requires_any
        if not req or any(f" {' '.join(tokens(w))} " in folded or (len(compact(w)) > 4 and compact(w) in squeezed)
                          for w in req):
            out.append(m)
    return out


def _rank(m: Match[Row]) -> tuple[int, int, int]:
    # a satisfied condition beats a plain row; then the longer phrase; then the earlier one
    return (1 if m.item.requires_any else 0, m.length, -m.start)


def _pick(matches: list[Match[Row]]) -> Match[Row]:
    return max(matches, key=_rank)


def _top(matches: list[Match[Row]]) -> list[Match[Row]]:
    """All matches as good as the best one (same phrase length and condition), one per row."""
    best = _rank(_pick(matches))[:2]
    seen: set[tuple[str, str]] = set()
    out = []
    for m in sorted(matches, key=_rank, reverse=True):
        if _rank(m)[:2] != best:
            continue
        key = (m.item.id, m.item.country)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


# --------------------------------------------------------------------------------------------- readings


def _profession_for(row_regulated: str | None, profession_text: str) -> tuple[str | None, tuple[str, ...] | None,
                                                                              tuple[str, ...]]:
    """(profession name, licensing steps, licensing sources) from the row, else from the credential's words."""
    # words of the credential and its field ("Licenciatura em Direito") win over the row's default profession
    p = credential_profession(profession_text)
    pid = p.id if p else row_regulated
    if pid is None:
        return None, None, ()
    lp = licensing_path_for_id(pid)
    if lp is None:
        return None, None, ()
    return lp.profession, lp.steps, lp.sources


def _sources(t: Tables, ids: list[str], isced: int | None, extra: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for sid in ids:
        s = t.render_source(sid)
        if s not in out:
            out.append(s)
    if isced is not None:
        s = t.render_source("isced-2011")
        if s not in out:
            out.append(s)
    for s in extra:
        if s not in out:
            out.append(s)
    return tuple(out)


def _years_text(years: float | None) -> str:
    if years is None:
        return ""
    y = int(years) if float(years).is_integer() else years
    return f", nominally {y} year{'s' if years != 1 else ''}"


_TYPE_LABEL = {
    "secondary": "secondary school credential",
    "short-cycle": "short-cycle tertiary credential",
    "bachelor": "first (bachelor's-level) degree",
    "master": "second-cycle (master's-level) degree",
    "doctorate": "doctoral degree",
    "first-professional": "first professional degree",
    "professional-qualification": "professional body qualification (not an academic degree)",
    "graduate-study": "postgraduate qualification",
    "licence": "professional licence from the home country (not an academic degree)",
    "non-academic": "certificate that is not an academic credential",
}


def _compose(written: str, where: str, body: list[str], profession: str | None, steps: tuple[str, ...] | None) -> str:
    parts = [f"{written} ({where}): " + " ".join(body)]
    if profession and steps:
        parts.append(f"Regulated in the U.S. ({profession}): " + " ".join(steps))
    parts.append(DISCLAIMER)
    return " ".join(parts)


def _from_row(t: Tables, written: str, row: Row, profession_text: str) -> Equivalency:
    profession, steps, lic_sources = _profession_for(row.regulated, profession_text)
    body = [f"{row.credential} — {_TYPE_LABEL[row.type]}{_years_text(row.years)}.",
            f"Likely U.S. equivalent: {row.us}."]
    if row.isced is not None:
        body.append(f"ISCED 2011 level {row.isced} ({ISCED_NAMES.get(row.isced, 'level ' + str(row.isced))}).")
    else:
        body.append("No ISCED level: this is not an academic programme.")
    if row.caveat:
        body.append(("Contested: " if row.contested else "Note: ") + row.caveat)
    return Equivalency(
        credential=written,
        country=row.country,
        credential_type=row.type,
        nominal_years=row.years,
        us_equivalent=row.us,
        isced_level=row.isced,
        contested=row.contested,
        caveat=row.caveat,
        regulated_profession=profession,
        licensing_path=steps,
        sources=_sources(t, list(row.sources), row.isced, lic_sources),
        note=_compose(written, t.country_name(row.country), body, profession, steps),
    )


def _generic(t: Tables, written: str, cc: str | None, top: list[Match[Row]], profession_text: str) -> Equivalency:
    """The reading several national systems agree on, for a credential whose system is not known."""
    rows = [m.item for m in top]
    countries = sorted({r.country for r in rows})
    levels = {r.isced for r in rows}
    us_texts = {r.us for r in rows}
    types = Counter(r.type for r in rows)
    known_levels = sorted(lv for lv in levels if lv is not None)
    level = known_levels[0] if known_levels and None not in levels else None
    agree = len(levels) == 1
    contested = (not agree) or any(r.contested for r in rows)
    suffix = "country unknown" if cc is None else f"no row for {t.country_name(cc)}; reading shared by other systems"
    heads = {r.us.split(" (")[0] for r in rows}
    if len(us_texts) == 1:
        us = f"{rows[0].us} ({suffix})"
    elif len(heads) == 1 and len(levels) == 1:
        # same reading worded with national details ("First professional degree in dentistry (…)")
        us = f"{heads.pop()} ({suffix})"
    elif level is not None:
        us = f"{_GENERIC_US.get(level, ISCED_NAMES.get(level, ''))} ({suffix})"
    else:
        us = f"Professional qualification; depends on the awarding body ({suffix})"
    if not agree and known_levels:
        us = f"{_GENERIC_US.get(known_levels[0], '')} or higher, depending on the country ({suffix})"
    regulated_ids = {r.regulated for r in rows}
    row_reg = regulated_ids.pop() if len(regulated_ids) == 1 else None
    profession, steps, lic_sources = _profession_for(row_reg, profession_text)
    caveat_parts = []
    if contested:
        caveat_parts.append(
            f"The U.S. equivalent depends on the country that awarded it (readings from {', '.join(countries)} differ"
            " in length or evaluation); give the country for a specific note.")
    caveats = sorted({r.caveat for r in rows if r.contested and r.caveat})
    if caveats:
        caveat_parts.append(caveats[0])
    caveat = " ".join(caveat_parts) or None
    systems = (f"in {len(countries)} national systems ({', '.join(countries)})" if len(countries) > 1 else
               f"in the one national system listed with this title ({t.country_name(countries[0])}); the title is used"
               " elsewhere too")
    body = [f"a {_TYPE_LABEL[types.most_common(1)[0][0]]} {systems}.",
            f"Likely U.S. equivalent: {us}."]
    if level is not None:
        body.append(f"ISCED 2011 level {level} ({ISCED_NAMES.get(level, '')})"
                    + (" — the lowest of the national readings." if not agree else "."))
    if caveat:
        body.append(("Contested: " if contested else "Note: ") + caveat)
    ids: list[str] = []
    for r in rows:
        for sid in r.sources:
            if sid not in ids and not sid.startswith(("edge:", "nuffic:")):
                ids.append(sid)
    if not ids:
        ids = ["naces"]
    return Equivalency(
        credential=written,
        country=cc,
        credential_type=types.most_common(1)[0][0] if len(types) == 1 else None,
        nominal_years=None,
        us_equivalent=us,
        isced_level=level,
        contested=contested,
        caveat=caveat,
        regulated_profession=profession,
        licensing_path=steps,
        sources=_sources(t, ids, level, lic_sources),
        note=_compose(written, t.country_name(cc) if cc else "country not identified", body, profession, steps),
    )


#: Education kinds that are never degrees, with the words a note uses for them.
_NOT_DEGREE_KINDS = {"bootcamp": "a bootcamp", "program": "a course or certificate programme"}


def _not_a_degree(written: str, cc: str | None, what: str) -> Equivalency:
    note = (f"\"{written}\" is {what}, not a degree: it has no U.S. degree equivalent and no ISCED level. It is "
            f"evidence of the skills it taught, and meets a degree requirement only where the rubric names it as a "
            f"substitute. {DISCLAIMER}")
    return Equivalency(
        credential=written, country=cc, credential_type=None, nominal_years=None, us_equivalent=None,
        isced_level=None, contested=False, caveat=None, regulated_profession=None, licensing_path=None,
        sources=(), note=note,
    )


def _no_note(t: Tables, written: str, cc: str | None, asked: str | None) -> Equivalency:
    where = ""
    if cc:
        where = f" for {t.country_name(cc)}"
    elif asked:
        where = f" (country '{asked}' not recognised)"
    note = (f"No equivalency note can be given for \"{written}\": it is not in the equivalency table{where}, "
            f"and the screener does not guess. {DISCLAIMER}")
    return Equivalency(
        credential=written, country=cc, credential_type=None, nominal_years=None, us_equivalent=None,
        isced_level=None, contested=False, caveat=None, regulated_profession=None, licensing_path=None,
        sources=(), note=note,
    )


# ------------------------------------------------------------------------------------------ degree policy


def isced_for_level_name(level: str) -> int | None:
    """ISCED 2011 level for a rubric's degree level: "associate"→5, "bachelor"→6, "master"→7, "doctorate"→8,
    "high school"→3; also accepts "bachelor's degree", "BS", "PhD" and digits 0-8. None when not understood."""
    if level is None:
        return None
    raw = str(level).strip()
    if raw.isdigit() and 0 <= int(raw) <= 8:
        return int(raw)
    words = " ".join(w for w in tokens(raw.replace("'s", "s")) if w not in {"degree", "level", "or", "equivalent", "s"})
    if words in _LEVEL_WORDS:
        return _LEVEL_WORDS[words]
    first = words.split(" ")[0] if words else ""
    if first in _LEVEL_WORDS:
        return _LEVEL_WORDS[first]
    # fall back to the U.S. rows of the table ("BS", "MBA", "GED")
    us_rows = [m.item for m in load_tables().row_index.find(raw) if m.item.country == "US" and m.item.isced is not None]
    if us_rows:
        return max(us_rows, key=lambda r: len(compact(r.credential))).isced
    return None


def degree_meets(eq: Equivalency, required_level: str) -> tuple[bool, str]:
    """Whether a credential satisfies a rubric degree level, with the explanation a hiring manager sees.

    A foreign degree counts at its equivalent level; a contested one counts with its caveat shown. A credential
    without a reading is "not established" (an evaluation can settle it), never held against the candidate.
    """
    need = isced_for_level_name(required_level)
    if need is None:
        return False, f"the rubric's degree level '{required_level}' is not understood (use high school, associate, " \
                      "bachelor, master or doctorate)"
    need_name = f"{required_level} (ISCED {need})"
    where = f" from {load_tables().country_name(eq.country)}" if eq.country else ""
    if eq.isced_level is None:
        if eq.known:
            return False, (f"{eq.credential}{where} is a {eq.us_equivalent.lower() if eq.us_equivalent else 'qualification'}"
                           f" without an academic level; it does not by itself show a {need_name} — an evaluation may")
        return False, (f"no equivalency could be established for {eq.credential}{where}; a NACES or AICE evaluation "
                       f"would show whether it meets {need_name}")
    foreign = bool(eq.country) and eq.country != "US"
    reading = f"{eq.credential}{where} → {eq.us_equivalent}, ISCED {eq.isced_level}"
    if eq.isced_level >= need:
        if eq.contested:
            return True, f"met by equivalent (contested): {reading}. {eq.caveat or ''}".strip()
        if foreign or eq.country is None:
            return True, f"met by equivalent: {reading}"
        return True, f"met: {reading}"
    extra = f" Contested: {eq.caveat}" if eq.contested and eq.caveat else ""
    return False, f"below {need_name}: {reading}.{extra}"

