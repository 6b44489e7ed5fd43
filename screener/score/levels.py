"""Years of experience and recency: the union of role periods (overlaps counted once), weighted by age."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..models import Profile, Role

_DATA = Path(__file__).with_name("data") / "scoring.yaml"


@lru_cache(maxsize=1)
def scoring_config() -> dict[str, Any]:
    """The scoring model's numbers (strengths, level thresholds, recency), read from data."""
    with _DATA.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def role_months(role: Role, *, as_of: date) -> set[int]:
    """Month indices a role covers: bare years run January–December; "present" runs to ``as_of``."""
    if role.start is None:
        return set()
    start = role.start.months_index()
    now = month_index(as_of)
    # An undated end without "present" is a single-month mention, never open-ended.
    end = role.end.months_index(end=True) if role.end is not None else (now if role.current else start)
    if role.current:
        end = now
    end = min(end, now)
    if end < start:
        return set()
    return set(range(start, end + 1))


def implausible_roles(roles: Iterable[Role], *, as_of: date) -> list[str]:
    """Warnings for roles whose dates a reviewer should check before trusting their years: longer than a working
    life (``max_role_years``) or starting before one could have begun (``max_career_years`` before ``as_of``). The
    years still count as written — the warning is shown, nothing is hidden."""
    cfg = scoring_config()["implausible"]
    out: list[str] = []
    for r in roles:
        months = len(role_months(r, as_of=as_of))
        too_long = months > 12 * cfg["max_role_years"]
        too_early = r.start is not None and r.start.year < as_of.year - cfg["max_career_years"]
        if too_long or too_early:
            what = f"{r.title or 'a role'}" + (f" at {r.employer}" if r.employer else "")
            dates = r.date_text or f"{r.start_label()} – {r.end_label() or 'present'}"
            out.append(f"check the dates of {what} ({dates}): {months / 12:.0f} years"
                       + (", longer than a working life" if too_long else ", starting over "
                          f"{cfg['max_career_years']} years ago") + "; its years count as written")
    return out


@dataclass(frozen=True)
class Experience:
    months: int
    weighted_months: float
    last_used_months: int | None  # months from the latest month used to as_of
    level_months: float = 0.0  # months weighted for the level: beyond the recency horizon they weigh less again


def recency_weight(age_months: int, *, horizon_years: float) -> float:
    cfg = scoring_config()["recency"]
    full = float(cfg["full_within_years"]) * 12
    floor = float(cfg["floor"])
    horizon = max(horizon_years * 12, full + 1)
    if age_months <= full:
        return 1.0
    if age_months >= horizon:
        return floor
    return 1.0 - (1.0 - floor) * (age_months - full) / (horizon - full)


def level_weight(age_months: int, *, horizon_years: float) -> float:
    """How much one month of role experience weighs in a *level*: as :func:`recency_weight` within the rubric's
    recency horizon; beyond it the weight keeps halving every ``beyond_horizon_halving_years`` (never zero), so
    SQL used in 1999–2002 does not make someone proficient today."""
    base = recency_weight(age_months, horizon_years=horizon_years)
    horizon = max(horizon_years * 12, float(scoring_config()["recency"]["full_within_years"]) * 12 + 1)
    if age_months <= horizon:
        return base
    halving = float(scoring_config()["recency"]["beyond_horizon_halving_years"]) * 12
    return base * 0.5 ** ((age_months - horizon) / halving)


def experience(roles: Iterable[Role], *, as_of: date, horizon_years: float) -> Experience:
    """Union of the roles' months: plain, recency-weighted (for years) and level-weighted (for levels)."""
    covered: set[int] = set()
    for r in roles:
        covered |= role_months(r, as_of=as_of)
    if not covered:
        return Experience(0, 0.0, None)
    now = month_index(as_of)
    weighted = sum(recency_weight(now - m, horizon_years=horizon_years) for m in covered)
    level = sum(level_weight(now - m, horizon_years=horizon_years) for m in covered)
    return Experience(len(covered), weighted, now - max(covered), level)


@dataclass(frozen=True)
class SkillExperience:
    """Years of experience with one skill: the union of the periods of the roles whose text uses it."""

    id: str
    label: str
    years: float
    last_used_months: int | None  # months since the latest role that used it (0 = in a current role)
    roles: int


def skill_experience(profile: Profile, *, as_of: date, horizon_years: float = 10.0) -> list[SkillExperience]:
    """Per skill found in dated roles: years (overlapping roles counted once) and recency, most years first."""
    from .exclusions import evidence_role, excluded_at, never_evidence

    masked = never_evidence(profile)
    by_id: dict[str, tuple[str, set[Role]]] = {}
    for m in profile.skills:
        role = evidence_role(profile, m.start)
        if role is None or role.start is None or m.source != "text" or excluded_at(masked, m.start, m.end):
            continue
        label, roles = by_id.setdefault(m.id, (m.label, set()))
        roles.add(role)
    out = []
    for sid, (label, roles) in by_id.items():
        exp = experience(sorted(roles, key=lambda r: (str(r.start), r.span)), as_of=as_of, horizon_years=horizon_years)
        if exp.months:
            out.append(SkillExperience(sid, label, round(exp.months / 12.0, 1), exp.last_used_months, len(roles)))
    return sorted(out, key=lambda s: (-s.years, s.label.casefold(), s.id))
