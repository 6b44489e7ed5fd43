"""Evidence: link each rubric competency to quoted spans of the résumé and to verified badges."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..models import Profile, Role, SkillMention
from ..rubric import Competency, Rubric, competency_key
from .exclusions import EMPLOYER_NAME, Exclusion, evidence_role, excluded_at, never_evidence
from .levels import scoring_config
from .model import Evidence, EvidenceKind
from .negation import IN_PROGRESS
from .negation import REASONS as _NEG


class SkillResolver(Protocol):
    """What the evidence stage needs from the skill extractor."""

    def resolve(self, name_or_id: str) -> Sequence[Any]: ...

    def related(self, concept_id: str) -> Sequence[str]: ...


def rubric_term_id(competency: Competency) -> str:
    """The id under which a competency's own surface forms (skills and aliases) are matched: one per competency,
    as its name is unique in the rubric ("C", "C++" and "C#" are three ids; a slug of letters and digits made them
    one, and "C++" evidence counted for "C")."""
    return f"rubric:{competency_key(competency.name)}"


@dataclass(frozen=True)
class CompetencyTerms:
    """Everything that counts as naming a competency: taxonomy ids, its own terms, and related ids."""

    competency: Competency
    ids: frozenset[str]
    forms: frozenset[str]  # case-folded surface forms
    related_ids: frozenset[str]

    def matches(self, m: SkillMention) -> bool:
        return m.id in self.ids or _norm(m.text) in self.forms or _norm(m.label) in self.forms

    def matches_related(self, m: SkillMention) -> bool:
        return m.id in self.related_ids


@functools.lru_cache(maxsize=1 << 14)
def _norm(s: str) -> str:
    """Case-folded, runs of white space as one space, trimmed (called for every mention and competency)."""
    return " ".join(s.casefold().split())


def competency_terms(competency: Competency, resolver: SkillResolver | None) -> CompetencyTerms:
    ids = {rubric_term_id(competency)}
    forms = {_norm(t) for t in competency.terms()}
    related: set[str] = set()
    if resolver is not None:
        for term in competency.skills:
            for concept in resolver.resolve(term):
                cid = getattr(concept, "id", None)
                if isinstance(cid, str):
                    ids.add(cid)
        for cid in sorted(ids):
            related.update(resolver.related(cid))
    return CompetencyTerms(competency, frozenset(ids), frozenset(forms), frozenset(related - ids))


def extra_terms_for(rubric: Rubric) -> dict[str, list[str]]:
    """Surface forms the extractor must match for this rubric, beyond its lexicon (names and aliases)."""
    return {rubric_term_id(c): c.terms() for c in rubric.competencies}


def context_line(text: str, start: int, end: int, width: int = 220) -> str:
    """The line around a span, trimmed to ``width`` characters, for a person to read."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le == -1 else le
    line = text[ls:le]
    if len(line) <= width:
        return line.strip()
    a = max(0, start - ls - width // 2)
    return ("…" if a else "") + line[a : a + width].strip() + "…"


def role_label(role: Role) -> str:
    who = " — ".join(p for p in (role.title, role.employer) if p)
    start = role.start_label() or "?"
    end = role.end_label() or "?"
    return f"{who} ({start} – {end})"


def _kind(profile: Profile, m: SkillMention) -> tuple[EvidenceKind, Role | None]:
    if m.source == "badge":
        return "verified-badge", None
    role = evidence_role(profile, m.start)
    if role is not None:
        return "role", role
    section = m.section
    if section in ("experience", "volunteering") and profile.role_at(m.start) is None:
        return "role", None
    if section in ("projects", "publications"):
        return "project", None
    if section == "certifications" or m.source == "certification" or _in_certification(profile, m.start):
        return "certification", None
    if section == "education":
        return "education", None
    if section == "skills":
        return "skills-list", None
    return "mention", None


def _in_certification(profile: Profile, offset: int) -> bool:
    return any(c.span[0] <= offset < c.span[1] for c in profile.certifications if c.span != (0, 0))


NEGATION_REASONS = frozenset(_NEG.values()) | {IN_PROGRESS, EMPLOYER_NAME}


def denied_mentions(profile: Profile, terms: CompetencyTerms, exclusions: Sequence[Exclusion] | None) -> list[str]:
    """Why-not lines for the competency's mentions in a clause that denies or only wishes for it ("no experience
    with Kubernetes", "willing to learn Terraform"), or that only name the employer ("Account Manager, Oracle"),
    each mention once, in text order."""
    if exclusions is None:
        exclusions = never_evidence(profile)
    out: list[str] = []
    for m in profile.skills:
        if not terms.matches(m):
            continue
        x = excluded_at(exclusions, m.start, m.end)
        if x is not None and x.reason in NEGATION_REASONS:
            line = f"'{m.text}' was not counted: {x.reason} ({context_line(profile.document.text, m.start, m.end, 90)})"
            if line not in out:
                out.append(line)
    return out


def collect_evidence(
    profile: Profile,
    terms: CompetencyTerms,
    *,
    badge_mentions: Iterable[tuple[SkillMention, str, str]] = (),
    role_months_of: Mapping[Role, int] | None = None,
    exclusions: Sequence[Exclusion] | None = None,
) -> list[Evidence]:
    """All evidence for one competency, strongest first. ``badge_mentions`` = (mention, badge source, quote text).

    Mentions inside text that is never evidence (``exclusions``; by default :func:`never_evidence` of the
    profile: contact block, names, e-mail addresses, URLs, page headers and footers, references) are dropped."""
    if exclusions is None:
        exclusions = never_evidence(profile)
    cfg = scoring_config()
    strengths: dict[str, float] = cfg["strengths"]
    related_factor = float(cfg["related_factor"])
    text = profile.document.text
    name = terms.competency.name
    out: list[Evidence] = []
    seen_spans: set[tuple[int, int]] = set()
    role_index: dict[int, int] = {}  # a role's position in profile.roles, by identity (the first, as a scan finds)
    for i, r in enumerate(profile.roles):
        role_index.setdefault(id(r), i)
    for m in profile.skills:
        direct = terms.matches(m)
        if not direct and not terms.matches_related(m):
            continue
        if (profile.document.is_excluded(m.start, m.end) or (m.start, m.end) in seen_spans
                or excluded_at(exclusions, m.start, m.end) is not None):
            continue
        seen_spans.add((m.start, m.end))
        kind, role = _kind(profile, m)
        strength = strengths[kind] * (1.0 if direct else related_factor)
        out.append(
            Evidence(
                competency=name,
                kind=kind,
                quote=m.text,
                context=context_line(text, m.start, m.end),
                skill_id=m.id,
                skill_label=m.label,
                section=m.section,
                strength=round(strength, 3),
                start=m.start,
                end=m.end,
                role=role_label(role) if role else "",
                role_months=(role_months_of or {}).get(role, 0) if role else 0,
                role_index=role_index.get(id(role)) if role else None,
                related=not direct,
                note="" if direct else f"related skill: {m.label}",
            )
        )
    for m, source, quote in badge_mentions:
        direct = terms.matches(m)
        if not direct and not terms.matches_related(m):
            continue
        out.append(
            Evidence(
                competency=name,
                kind="verified-badge",
                quote=m.text,
                context=quote,
                skill_id=m.id,
                skill_label=m.label,
                section="badge",
                strength=round(strengths["verified-badge"] * (1.0 if direct else related_factor), 3),
                source=source,
                related=not direct,
                note="verified badge" if direct else f"verified badge, related skill: {m.label}",
            )
        )
    out.sort(key=lambda e: (-e.strength, e.related, e.start if e.start is not None else -1, e.source, e.quote))
    return dedupe(out)


def dedupe(evidence: Sequence[Evidence]) -> list[Evidence]:
    """One item per piece of evidence, the first kept: a skill listed again (a skills section pasted three times),
    the same line of a role again, the same badge attesting the same skill through several of its fields."""
    seen: set[tuple[str, ...]] = set()
    out: list[Evidence] = []
    for e in evidence:
        skill = (e.skill_id, e.skill_label.casefold())  # a rubric's own terms share one id: the label tells them apart
        if e.kind == "verified-badge":
            key: tuple[str, ...] = (e.kind, e.source, *skill)
        elif e.kind == "role":
            key = (e.kind, e.role, *skill, e.context.casefold())
        else:
            key = (e.kind, *skill, e.section)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
