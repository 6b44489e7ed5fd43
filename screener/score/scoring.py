"""From evidence to levels and 0–100 scores; the degree and licence flags; one candidate's result.

Deterministic: the same profile, rubric, badges and ``as_of`` date give the same result.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from datetime import date

from ..credentials.fields import field_matches
from ..models import Profile, Role
from ..parse.certifications import not_yet_held
from ..parse.education import has_degree, respelled
from ..rubric import ISCED_OF_LEVEL, LEVEL_NAMES, Competency, DegreePolicy, LicencePolicy, Rubric
from .achievements import achievements_for, find_achievements
from .evidence import CompetencyTerms, collect_evidence, denied_mentions
from .exclusions import Exclusion, never_evidence
from .levels import experience, month_index, role_months, scoring_config
from .model import (
    KIND_WORDS,
    Achievement,
    BadgeSummary,
    CandidateResult,
    CompetencyScore,
    DegreeStatus,
    EquivalencyNote,
    Evidence,
    LicenceStatus,
    WorkHistoryEntry,
)


def evidence_depth(evidence: Sequence[Evidence]) -> float:
    """Breadth of distinct evidence, 0–1: 1 − e^(−Σ strength ÷ depth_scale) over distinct pieces.

    A piece is one skill in one role, one skill in the skills list (pasted three times, it is still one), one
    badge; a related skill counts at its reduced strength."""
    cfg = scoring_config()["score"]
    best: dict[tuple[str, str, str], float] = {}
    for e in evidence:
        key = (e.kind, e.source if e.kind == "verified-badge" else e.role, e.skill_label.casefold())
        best[key] = max(best.get(key, 0.0), e.strength)
    return 1.0 - math.exp(-sum(best.values()) / float(cfg["depth_scale"]))


def _level_from(evidence: Sequence[Evidence], level_years: float, *, recent_role: bool) -> tuple[int, float]:
    """(level, progress towards the next level in [0, max_progress]).

    ``level_years`` are role years weighted for the level (old months weigh less); ``recent_role`` says whether a
    role using the skill ended within the rubric's recency horizon (only then does role + certification make 3).
    """
    cfg = scoring_config()["levels"]
    sc = scoring_config()["score"]
    direct = [e for e in evidence if not e.related]
    if not evidence:
        return 0, 0.0
    depth = evidence_depth(evidence)
    if not direct:
        return 1, float(sc["depth_share"]) * depth
    kinds = {e.kind for e in direct}
    level = 1
    if kinds & {"role", "project", "certification"}:
        level = 2
    badge = "verified-badge" in kinds
    prof_years, expert_years = float(cfg["proficient_role_years"]), float(cfg["expert_role_years"])
    if level_years >= prof_years or ({"role", "certification"} <= kinds and recent_role) or badge:
        level = 3
    advanced = any(
        e.kind == "verified-badge" and any(w in e.context.casefold() for w in cfg["advanced_badge_words"])
        for e in direct
    )
    if level_years >= expert_years or (advanced and level_years >= cfg["expert_badge_years"]):
        level = 4
    years_progress = 0.0
    if level == 2:
        years_progress = level_years / prof_years
    elif level == 3:
        years_progress = max(level_years - prof_years, 0.0) / (expert_years - prof_years)
    elif level == 4:
        years_progress = max(level_years - expert_years, 0.0) / expert_years
    progress = float(sc["years_share"]) * min(years_progress, 1.0) + float(sc["depth_share"]) * depth
    return level, min(progress, float(sc["max_progress"]))


def competency_points(achieved: float, required: int) -> float:
    """0–100 before any ``min_years`` factor: ``meets`` at the requirement, headroom above it."""
    sc = scoring_config()["score"]
    meets = float(sc["meets"])
    req = max(required, 1)
    if achieved <= 0:
        return 0.0
    if achieved < req:
        return meets * achieved / req
    top = 4.0 + float(sc["max_progress"])  # expert with the most evidence the scale counts
    return meets + (100.0 - meets) * min((achieved - req) / (top - req), 1.0)


def score_competency(
    competency: Competency,
    terms: CompetencyTerms,
    profile: Profile,
    *,
    rubric: Rubric,
    as_of: date,
    badge_mentions: Sequence[tuple] = (),
    failed_badges: Sequence[BadgeSummary] = (),
    exclusions: Sequence[Exclusion] | None = None,
    achievements: Sequence[Achievement] = (),
) -> CompetencyScore:
    roles = [r for r in profile.roles if r.start is not None]
    months_of = {r: len(role_months(r, as_of=as_of)) for r in roles}
    evidence = collect_evidence(profile, terms, badge_mentions=badge_mentions, role_months_of=months_of,
                                exclusions=exclusions)
    # (each evidence item carries the index of its role, found once by collect_evidence)
    used_in = {r for e in evidence if not e.related and e.kind == "role" and e.role_index is not None
               and (r := profile.roles[e.role_index]) in months_of}
    horizon = rubric.evidence.recency_years
    exp = experience(sorted(used_in, key=_role_key), as_of=as_of, horizon_years=horizon)
    years = exp.months / 12.0
    weighted = exp.weighted_months / 12.0
    level_years = exp.level_months / 12.0
    old = exp.last_used_months is not None and exp.last_used_months > horizon * 12
    level, progress = _level_from(evidence, level_years, recent_role=bool(used_in) and not old)
    supported = achievements_for(achievements, [e for e in evidence if not e.related])
    counted = _counted_achievements(supported) if rubric.evidence.score_achievements and level else 0
    if counted:
        sc = scoring_config()["score"]
        progress = min(progress + counted * float(sc["achievement_progress"]), float(sc["max_progress"]))
    achieved = level + progress
    required = competency.required_level
    score = competency_points(achieved, required) if evidence else 0.0
    why: list[str] = []
    why_not: list[str] = []
    met = level >= required
    if competency.min_years is not None and years + 1e-9 < competency.min_years:
        factor = 0.5 + 0.5 * (years / competency.min_years)
        score = min(score, float(scoring_config()["score"]["meets"])) * factor
        met = False
        why_not.append(
            f"{years:.1f} years found in dated roles, {competency.min_years:g} required "
            f"(score × {factor:.2f})"
        )
    headroom = round(max(achieved - max(required, 1), 0.0), 2) if met else 0.0
    score = round(score, 1)
    direct = [e for e in evidence if not e.related]
    if direct:
        kinds = sorted({e.kind for e in direct}, key=lambda k: (-scoring_config()["strengths"][k], k))
        why.append(
            f"Level {level} ({LEVEL_NAMES[level]}) of {required} required; evidence: "
            + ", ".join(KIND_WORDS.get(k, k) for k in kinds)
        )
        if used_in:
            why.append(
                f"{years:.1f} years in {len(used_in)} role(s) using it (overlaps counted once; "
                f"{weighted:.1f} recency-weighted); last used "
                + ("now" if exp.last_used_months == 0 else f"{exp.last_used_months} months ago")
            )
        if old and exp.last_used_months is not None:
            last_year = (month_index(as_of) - exp.last_used_months) // 12
            why.append(f"{competency.name} last used {last_year}: counts as older evidence (more than the rubric's "
                       f"{horizon:g}-year recency horizon ago), so it weighs less in the level")
        if counted:
            why.append(f"{counted} quantified achievement(s) naming it count towards the level's progress "
                       "(the rubric counts achievements; never a level of their own)")
        if headroom > 0:
            why.append(f"Exceeds the requirement by {headroom:.2f} level(s): score above "
                       f"{scoring_config()['score']['meets']:g} is headroom")
    denied = denied_mentions(profile, terms, exclusions)
    if not evidence:
        looked = ", ".join(competency.terms()[:8])
        why_not.append(f"No evidence of {competency.name} {'counted' if denied else 'found'} (looked for: {looked})")
    elif not direct:
        rel = sorted({e.skill_label for e in evidence})
        why_not.append(f"Only related skills found ({', '.join(rel[:5])}), counted at half strength, level 1")
    elif level < required:
        if {e.kind for e in direct} <= {"skills-list", "mention", "education"}:
            why_not.append("Only listed (skills section, summary or education), not shown in a role, project "
                           "or certification")
        else:
            why_not.append(f"Level {level} ({LEVEL_NAMES[level]}) found, {required} ({LEVEL_NAMES[required]}) "
                           f"required; {weighted:.1f} recency-weighted years in roles")
    why_not.extend(denied)
    for b in failed_badges:
        if terms.forms and any(f in (b.name or "").casefold() for f in terms.forms):
            why_not.append(f"Badge '{b.name}' was not counted: {b.verdict}" + (f" ({b.reasons[0]})" if b.reasons
                                                                              else ""))
    return CompetencyScore(
        name=competency.name,
        weight=competency.weight,
        weight_share=round(rubric.weight_share(competency), 4),
        required_level=required,
        level=level,
        achieved=round(achieved, 2),
        score=score,
        years=round(years, 1),
        weighted_years=round(weighted, 1),
        last_used_months=exp.last_used_months,
        min_years=competency.min_years,
        must_have=competency.must_have,
        met=met,
        evidence=tuple(evidence),
        why=tuple(why),
        why_not=tuple(why_not),
        headroom=headroom,
        achievements=supported,
    )


def _counted_achievements(supported: Sequence[Achievement]) -> int:
    """How many achievements count when a rubric scores them: those whose own bullet names the skill (not merely
    the same role), at most ``achievement_max``."""
    return min(sum(1 for a in supported if not a.same_role), int(scoring_config()["score"]["achievement_max"]))


def _role_key(r: Role) -> tuple:
    return (str(r.start), r.title, r.employer, r.span)


def total_experience_years(roles: Sequence[Role], *, as_of: date) -> float:
    """Years covered by the roles (overlaps counted once)."""
    exp = experience([r for r in roles if r.start], as_of=as_of, horizon_years=60)
    return exp.months / 12.0


def work_history(roles: Sequence[Role], *, as_of: date) -> tuple[WorkHistoryEntry, ...]:
    """The roles as the candidate page shows them: dates as ``parse --json`` writes them, and the months a dated
    role spans (to ``as_of`` for a current one); a start-only or undated role gets no span."""
    out = []
    for r in roles:
        months = len(role_months(r, as_of=as_of)) if r.start is not None and (r.end is not None or r.current) \
            else None
        out.append(WorkHistoryEntry(title=r.title, employer=r.employer, location=r.location,
                                    start=r.start_label(), end=r.end_label(), months=months,
                                    date_text=r.date_text))
    return tuple(out)


def relevant_roles(profile: Profile, scores: Sequence[CompetencyScore]) -> list[Role]:
    """Roles whose text gives direct evidence for at least one competency of the rubric."""
    starts = sorted(e.start for c in scores for e in c.evidence
                    if e.kind == "role" and not e.related and e.start is not None)
    out: list[Role] = []
    seen: set[Role] = set()
    for r in profile.roles:
        i = bisect.bisect_left(starts, r.span[0])  # the first evidence at or after the role's start
        if i < len(starts) and starts[i] < r.span[1] and r not in seen:
            seen.add(r)
            out.append(r)
    return out


def _contains(hay: str, needle: str) -> bool:
    words = [w for w in re.findall(r"[\w+#]+", needle.casefold()) if len(w) > 1]
    hay_cf = hay.casefold()
    return bool(words) and all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", hay_cf) for w in words)


def degree_status(
    policy: DegreePolicy,
    notes: Sequence[EquivalencyNote],
    profile: Profile,
    *,
    as_of: date,
    badges: Sequence[BadgeSummary] = (),
    relevant: Sequence[Role] | None = None,
) -> DegreeStatus:
    """Apply the rubric's degree policy as data. Never lowers a score: this is a flag.

    Experience substitutes count the years of ``relevant`` roles (those that show the rubric's skills);
    all dated roles when ``relevant`` is None.
    """
    # a degree not awarded yet ("expected May 2027") meets no requirement; it is named in the flag
    pending = [n for n in notes if n.in_progress]
    notes = [n for n in notes if not n.in_progress]
    ranked = sorted((n for n in notes if n.isced_level is not None), key=lambda n: -(n.isced_level or 0))
    highest = ranked[0].credential if ranked else _highest_named(notes)
    if not policy.required:
        return DegreeStatus("not required", "the rubric does not require a degree", highest)
    need = ISCED_OF_LEVEL[policy.level]
    for n in ranked:
        if (n.isced_level or 0) < need:
            continue
        if policy.fields:
            # the field in any language it was written in: "Ciência da Computação" is computer science
            entry_text = f"{n.credential} {n.field} {n.institution}"
            if not any(field_matches(entry_text, f) for f in policy.fields):
                continue
        if n.foreign or n.contested:
            detail = f"{n.credential}: {n.us_equivalent or 'equivalent level'}"
            if n.contested:
                detail += "; evaluators differ on this credential — see the equivalency note"
            return DegreeStatus("met by equivalent", detail, highest)
        return DegreeStatus("met", n.credential, highest)
    subs = list(policy.substitutes)
    implied = not subs
    if implied:
        years = float(scoring_config()["implied_experience_years"][policy.level])
        from ..rubric import DegreeSubstitute

        subs = [DegreeSubstitute(experience_years=years)]
    total = total_experience_years(profile.roles if relevant is None else relevant, as_of=as_of)
    for s in subs:
        if s.experience_years is not None and total + 1e-9 >= s.experience_years:
            tag = " (implied 'or equivalent')" if implied else ""
            return DegreeStatus("met by equivalent", f"{total:.1f} years of relevant experience ≥ "
                                f"{s.experience_years:g}{tag}", highest)
        if s.certification is not None:
            for c in profile.certifications:
                if c.in_progress:
                    continue  # "in progress", "expected 2027": not held, no substitute for a degree
                if _contains(c.name, s.certification) or _contains(s.certification, c.name):
                    return DegreeStatus("met by equivalent", f"certification: {c.name} (listed, unverified)",
                                        highest)
            for n in notes:  # a bootcamp, vocational qualification or programme the rubric names as a substitute
                if n.kind in _PROGRAMME_KINDS and (_contains(n.credential, s.certification) or
                                                   _contains(s.certification, n.credential)):
                    at = f", {n.institution}" if n.institution and n.institution != n.credential else ""
                    return DegreeStatus("met by equivalent", f"{n.kind}: {n.credential}{at} (listed, unverified)",
                                        highest)
        if s.badge is not None:
            for b in badges:
                if b.verdict == "valid" and (_contains(b.name, s.badge) or _contains(s.badge, b.name)):
                    return DegreeStatus("met by equivalent", f"verified badge: {b.name}", highest)
    accepted = "; ".join(s.describe() for s in subs)
    found = f"highest found: {highest}" if highest else "no degree found"
    wanted: str = policy.level
    if policy.fields:
        wanted += " in " + (", ".join(policy.fields[:-1]) + " or " if len(policy.fields) > 1 else "") + policy.fields[-1]
        if any((n.isced_level or 0) >= need for n in ranked):
            found += ", in another field"  # the level is there: the field is why it does not count
    others = [f"{n.credential} ({n.kind})" for n in notes if n.kind in _PROGRAMME_KINDS and n.isced_level is None]
    also = f"; not degrees: {', '.join(others)}" if others else ""
    if pending:
        also += f"; not yet awarded: {', '.join(n.credential for n in pending)}"
    # (what would also meet it, none found: "accepted instead" read as if the candidate held them)
    return DegreeStatus("not met", f"{wanted} required ({found}{also}); also accepted, none found: {accepted}",
                        highest)


#: Education kinds that are not degrees but may stand for one where the rubric names them as a substitute.
_PROGRAMME_KINDS = ("bootcamp", "vocational", "program")
#: Which kind of entry is shown as "highest" when no entry has an ISCED level: a degree before other kinds.
_KIND_ORDER = {"degree": 0, "vocational": 1, "bootcamp": 2, "program": 3, "secondary": 4}


def _highest_named(notes: Sequence[EquivalencyNote]) -> str:
    """The credential shown as "highest" when none has a level: an entry of a known kind that names a
    credential (not only its school); never a stray line ("Recommendations …", "Minsk") of unknown kind."""
    named = [n for n in notes if n.kind in _KIND_ORDER and n.credential and n.credential != n.institution]
    if not named:
        return ""
    best = min(named, key=lambda n: _KIND_ORDER[n.kind])
    if best.kind == "degree" and not has_degree(respelled(best.credential)):
        # a degree known by its school alone, beside a stray line of the next column ("Birthday:")
        return f"a degree from {best.institution} (credential not named)" if best.institution else ""
    return best.credential


def _line_at(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:] if end == -1 else text[start:end]


def licence_status(policy: LicencePolicy, profile: Profile, *, licensing_path: Sequence[str] = ()) -> LicenceStatus:
    """Is the licence named on the résumé as held? A mention "in progress" or "not yet taken" is not a licence."""
    names = [policy.name, *policy.aliases]
    text = profile.document.text
    in_progress = ""
    for n in names:
        for m in _phrase_re(n).finditer(text):
            line = _line_at(text, m.start())
            if profile.document.is_excluded(m.start(), m.end()):
                continue
            if not_yet_held(line):
                in_progress = in_progress or line.strip()
                continue
            return LicenceStatus(policy.name, policy.required_by_law, True,
                                 f"named in the résumé: “{line.strip()[:120]}” (check it with the issuing board)",
                                 tuple(licensing_path))
    why = "not found on the résumé"
    if in_progress:
        why = f"mentioned as not yet held: “{in_progress[:120]}”"
    if policy.required_by_law:
        why += "; the law requires it for this role"
    return LicenceStatus(policy.name, policy.required_by_law, False, why, tuple(licensing_path))


def _phrase_re(phrase: str) -> re.Pattern[str]:
    """A whole-word pattern; short upper-case names (PE, RN, CPA) match only in capitals."""
    words = [re.escape(w) for w in phrase.split()]
    flags = 0 if (len(phrase) <= 4 and phrase.isupper()) else re.IGNORECASE
    return re.compile(r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])", flags)


def score_candidate(
    profile: Profile,
    rubric: Rubric,
    terms: Sequence[CompetencyTerms],
    *,
    as_of: date,
    candidate: str,
    badge_mentions: Sequence[tuple] = (),
    badges: Sequence[BadgeSummary] = (),
    equivalencies: Sequence[EquivalencyNote] = (),
    licensing_path: Sequence[str] = (),
    warnings: Sequence[str] = (),
) -> CandidateResult:
    failed = [b for b in badges if b.failed_verification]
    masked = never_evidence(profile)
    wins = find_achievements(profile, masked)
    scores = tuple(
        score_competency(c, t, profile, rubric=rubric, as_of=as_of, badge_mentions=badge_mentions,
                         failed_badges=failed, exclusions=masked, achievements=wins)
        for c, t in zip(rubric.competencies, terms, strict=True)
    )
    overall = round(sum(s.score * s.weight for s in scores) / rubric.total_weight, 1)
    depth = round(sum(s.weight * s.achieved / max(s.required_level, 1) for s in scores) / rubric.total_weight, 3)
    missing = [s.name for s in scores if s.must_have and not s.met]
    lic = licence_status(rubric.licence, profile, licensing_path=licensing_path) if rubric.licence else None
    if lic is not None and lic.required_by_law and not lic.found:
        missing.append(f"licence: {lic.name} (required by law)")
    degree = degree_status(rubric.degree, equivalencies, profile, as_of=as_of, badges=badges,
                           relevant=relevant_roles(profile, scores))
    return CandidateResult(
        file=profile.document.file,
        candidate=candidate,
        overall=overall,
        competencies=scores,
        must_haves_met=not missing,
        missing_must_haves=tuple(missing),
        degree=degree,
        licence=lic,
        badges=tuple(badges),
        equivalencies=tuple(equivalencies),
        warnings=tuple(warnings),
        profile=profile,
        depth=depth,
        work_history=work_history(profile.roles, as_of=as_of),
    )
