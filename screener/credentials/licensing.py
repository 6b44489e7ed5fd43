"""U.S. licensing paths for regulated professions, looked up by role title, licence name or credential text.

    lp = licensing_for_profession("Registered Nurse")
    lp.bodies     # ('State board of nursing', 'CGFNS International', 'NCSBN (NCLEX-RN)', ...)
    detect_regulated_profession("MBBS, King Edward Medical University")   # 'physician'
"""

from __future__ import annotations

from dataclasses import dataclass

from ._text import Match, compact
from .tables import Profession, load_tables


@dataclass(frozen=True)
class LicensingPath:
    """How a holder of a foreign credential becomes licensed in a U.S. regulated profession."""

    profession: str
    bodies: tuple[str, ...]
    steps: tuple[str, ...]
    sources: tuple[str, ...]


def _path(p: Profession) -> LicensingPath:
    t = load_tables()
    return LicensingPath(p.name, p.bodies, p.steps, tuple(t.render_source(s) for s in p.sources))


def licensing_path_for_id(profession_id: str) -> LicensingPath | None:
    """The path for a profession id used in the data files ("registered-nurse")."""
    p = load_tables().professions.get(profession_id)
    return _path(p) if p else None


def _best(matches: list[Match[Profession]]) -> Profession | None:
    if not matches:
        return None
    # the longest phrase wins ("dental surgeon" over "surgeon"); ties keep the first in the text
    return max(matches, key=lambda m: (m.length, -m.start)).item


def _title_profession(text: str) -> Profession | None:
    t = load_tables()
    key = compact(text)
    if key in t.exact_titles:
        return t.exact_titles[key]
    return _best(t.title_index.find(text))


def credential_profession(text: str) -> Profession | None:
    """The regulated profession a credential (with its field) leads to, from credential words; None if none."""
    t = load_tables()
    hits = t.credential_word_index.find(text)
    if not hits:
        return None
    excluded = {m.item.id for m in t.exclude_index.find(text)}
    hits = [m for m in hits if m.item.id not in excluded]
    return _best(hits)


def licensing_for_profession(name_or_role_title: str) -> LicensingPath | None:
    """The licensing path for a profession, licence or role title ("RN", "Pharmacist", "PE", "CPA"); None if unregulated."""
    if not name_or_role_title or not name_or_role_title.strip():
        return None
    t = load_tables()
    key = compact(name_or_role_title)
    if key in {compact(p.id) for p in t.professions.values()}:
        return _path(next(p for p in t.professions.values() if compact(p.id) == key))
    p = _title_profession(name_or_role_title) or credential_profession(name_or_role_title)
    return _path(p) if p else None


def detect_regulated_profession(text: str) -> str | None:
    """Name of the U.S.-regulated profession a role title or credential text points to ("registered nurse"), or None."""
    if not text or not text.strip():
        return None
    p = _title_profession(text) or credential_profession(text)
    return p.name if p else None
