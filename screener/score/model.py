"""Result types of the evidence and score stages: every number carries the evidence behind it.

All are frozen dataclasses that round-trip through JSON: ``CandidateResult.from_json(r.to_json())`` equals ``r``
without its profile (the profile's document text is kept in the store by sha256)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from ..badges.model import Alignment, BadgeClaims
from ..models import Profile, dataclass_from_json, to_jsonable

EvidenceKind = Literal[
    "verified-badge", "role", "certification", "project", "education", "skills-list", "mention"
]

#: Evidence kinds in plain words, for explanations and tables.
KIND_WORDS: dict[str, str] = {
    "verified-badge": "verified badge",
    "role": "used in a dated role",
    "certification": "certification listed (not verified)",
    "project": "project or publication",
    "education": "education",
    "skills-list": "listed in a skills section",
    "mention": "mentioned elsewhere",
}


@dataclass(frozen=True)
class Evidence:
    """One reason a competency is credited: a quote from the résumé or a verified badge."""

    competency: str
    kind: EvidenceKind
    quote: str  # the surface text as written
    context: str  # the line around the quote, for a person to read
    skill_id: str
    skill_label: str
    section: str
    strength: float
    start: int | None = None  # span in Document.text (None for badges)
    end: int | None = None
    role: str = ""  # "Title — Employer (2019-01 – present)" when the quote is inside a role
    role_months: int = 0  # length of that role, months
    # that role's place in the result's work_history (None outside a role, and in results stored before this key)
    role_index: int | None = None
    source: str = "résumé"  # "résumé", or the badge's URL / file name
    related: bool = False  # a taxonomy neighbour of a rubric skill, at reduced strength
    note: str = ""


@dataclass(frozen=True)
class Achievement:
    """A quantified achievement inside a role ("Reduced downtime by 20%, saving $50,000 a year"): shown, not scored."""

    text: str  # the bullet, whitespace tidied
    start: int  # span in Document.text
    end: int
    role: str  # "Title — Employer (2019-01 – present)"
    measures: tuple[str, ...]  # "percentage", "money", "time", "count"
    same_role: bool = False  # True when only the role (not the bullet itself) names the competency's skill


@dataclass(frozen=True)
class CompetencyScore:
    name: str
    weight: float
    weight_share: float  # 0–1
    required_level: int
    level: int  # 0–4
    achieved: float  # level plus progress towards the next one
    score: float  # 0–100
    years: float  # union of role periods whose text uses the skill (overlaps once), in years
    weighted_years: float  # the same, each month weighted by recency
    last_used_months: int | None  # months since the most recent role that used it (0 = current)
    min_years: float | None
    must_have: bool
    met: bool  # level ≥ required (and years ≥ min_years when set)
    evidence: tuple[Evidence, ...]
    why: tuple[str, ...]
    why_not: tuple[str, ...]
    headroom: float = 0.0  # levels by which the evidence exceeds the requirement (0 when not met)
    achievements: tuple[Achievement, ...] = ()  # quantified achievements this evidence supports (shown, not scored)


@dataclass(frozen=True)
class DegreeStatus:
    """Never part of the score: a flag that reads "met", "met by equivalent (…)", "not met" or "not required"."""

    status: Literal["not required", "met", "met by equivalent", "not met"]
    detail: str
    highest: str = ""  # the highest credential found, as written

    def label(self) -> str:
        if self.status == "met by equivalent":
            return f"met by equivalent ({self.detail})"
        return self.status


@dataclass(frozen=True)
class LicenceStatus:
    name: str
    required_by_law: bool
    found: bool
    detail: str
    licensing_path: tuple[str, ...] = ()


#: Verdicts that mean the credential was checked and failed.
FAILED_VERDICTS = frozenset({"expired", "revoked", "invalid-signature", "recipient-mismatch", "malformed", "unsafe-url"})


@dataclass(frozen=True)
class BadgeSummary:
    """A badge or certificate link found for a candidate, with its verdict in words."""

    source: str  # URL or file name
    platform: str
    verdict: str  # one of the verifier's verdicts, or "not verified" (certificate pages, offline)
    reasons: tuple[str, ...]
    name: str = ""
    issuer: str = ""
    known_issuer: bool = False
    counts_as: str = ""  # "verified evidence", "unverified certification", "no evidence"
    claims: BadgeClaims = BadgeClaims()  # what the badge says (issuer, achievement, alignments, tags, dates)
    format: str = ""  # the verifier's format label ("" when not fetched)
    recipient_checked: bool = False
    tampered: bool = False
    checks_not_done: tuple[str, ...] = ()

    @property
    def failed_verification(self) -> bool:
        """Checked and failed (expired, revoked, forged, not the applicant's, unreadable, unsafe link): its claim
        counts for nothing. "unsupported" (a format we cannot check) and "not verified" are unchecked claims."""
        return self.verdict in FAILED_VERDICTS


@dataclass(frozen=True)
class EquivalencyNote:
    credential: str
    institution: str
    country: str
    us_equivalent: str | None
    isced_level: int | None
    contested: bool
    regulated_profession: str | None
    licensing_path: tuple[str, ...] | None
    sources: tuple[str, ...]
    note: str
    foreign: bool
    kind: str = "unknown"  # the education entry's kind (models.EducationKind); results stored before kinds: "unknown"
    in_progress: bool = False  # not awarded yet (models.EducationEntry.in_progress)
    field: str = ""  # the field of study as written ("Ciencias de la Computación"; models.EducationEntry.field)


@dataclass(frozen=True)
class WorkHistoryEntry:
    """One role of the candidate's work history as read from the résumé, for the candidate page and exports.

    ``start``/``end`` as in ``parse --json`` ("YYYY-MM" or "YYYY"; ``end`` "present" for a current role); both
    None for an undated role (its dates are never invented). ``months`` is the span the dates give, inclusive
    (None when the role is undated or has a start only)."""

    title: str
    employer: str = ""
    location: str = ""
    start: str | None = None
    end: str | None = None
    months: int | None = None
    date_text: str = ""  # the dates as written


@dataclass(frozen=True)
class CandidateResult:
    file: str
    candidate: str
    overall: float | None  # None when the file could not be scored
    competencies: tuple[CompetencyScore, ...] = ()
    must_haves_met: bool | None = None
    missing_must_haves: tuple[str, ...] = ()
    degree: DegreeStatus | None = None
    licence: LicenceStatus | None = None
    badges: tuple[BadgeSummary, ...] = ()
    equivalencies: tuple[EquivalencyNote, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str = ""
    error_code: str = ""
    profile: Profile | None = None
    depth: float = 0.0  # weighted mean of achieved ÷ required level, uncapped: breaks ties between equal scores
    candidate_code: str = ""  # stable pseudonym ("C-" + 8 hex of the document's sha256), for blind review and joins
    document_sha256: str = ""  # of the file's bytes ("" when it could not be read)
    work_history: tuple[WorkHistoryEntry, ...] = ()  # the roles read, in document order (results stored before: ())

    @property
    def verified_badges(self) -> int:
        return sum(1 for b in self.badges if b.verdict == "valid")

    @property
    def has_foreign_credential(self) -> bool:
        return any(e.foreign for e in self.equivalencies)

    def competency(self, name: str) -> CompetencyScore | None:
        return next((c for c in self.competencies if c.name == name), None)

    def to_json(self, *, with_profile: bool = False) -> dict[str, Any]:
        data = {k: to_jsonable(getattr(self, k)) for k in self.__dataclass_fields__ if k != "profile"}
        data["verified_badges"] = self.verified_badges
        if with_profile and self.profile is not None:
            data["profile"] = to_jsonable(self.profile)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any] | str, *, profile: Profile | None = None) -> CandidateResult:
        """The result :meth:`to_json` wrote (a dict or its JSON text); ``profile`` is not in the JSON, pass it when
        known. ``CandidateResult.from_json(r.to_json()) == replace(r, profile=None)``."""
        obj = json.loads(data) if isinstance(data, str) else dict(data)
        obj.pop("profile", None)
        result = dataclass_from_json(cls, obj)
        if profile is not None:
            from dataclasses import replace

            result = replace(result, profile=profile)
        return result


__all__ = [
    "FAILED_VERDICTS",
    "Alignment",
    "BadgeClaims",
    "BadgeSummary",
    "CandidateResult",
    "CompetencyScore",
    "DegreeStatus",
    "EquivalencyNote",
    "Evidence",
    "EvidenceKind",
    "LicenceStatus",
    "WorkHistoryEntry",
]
