"""Domain types shared by every stage: Document (ingest) → Profile (parse + extract) → evidence → scores.

All are frozen dataclasses: a stage returns new values and never edits the ones it was given.
Character offsets (``start``/``end``) always index ``Document.text``.
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

Severity = Literal["info", "warning", "error"]


@dataclass(frozen=True)
class Link:
    """A URL found in a document: typed in the text or behind a hyperlink annotation."""

    url: str
    text: str = ""  # the anchor text ("My badge"), or the URL itself when typed
    page: int | None = None  # 1-based page for PDFs
    source: Literal["text", "annotation", "docx-hyperlink", "structured"] = "text"


@dataclass(frozen=True)
class HealthFlag:
    """One finding about a document's trustworthiness or readability."""

    code: str  # e.g. "no-text-layer", "multi-column", "hidden-text", "tiny-text", "off-page-text", "prompt-injection"
    message: str  # plain language for a hiring manager
    severity: Severity = "warning"
    excerpt: str = ""  # a short sample of the offending text, when there is one


@dataclass(frozen=True)
class Document:
    """Text of one résumé file, in reading order, with what ingest learned about it.

    ``text`` holds only visible text. Text that ingest found hidden (white, tiny, off-page) is kept out
    of ``text`` and reported in ``health``; ``excluded_spans`` marks ranges of ``text`` that must never
    count as evidence (e.g. instructions aimed at screening software).
    """

    file: str  # base name
    kind: Literal["pdf", "docx", "txt", "jsonresume", "image"]
    text: str
    pages: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    health: tuple[HealthFlag, ...] = ()
    excluded_spans: tuple[tuple[int, int], ...] = ()
    structured: dict[str, Any] | None = None  # the validated JSON Resume object, for kind == "jsonresume"
    sha256: str = ""  # of the file's bytes, for audit trails

    def is_excluded(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.excluded_spans)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as the résumé gives it: a year, or a year and month."""

    year: int
    month: int | None = None

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def months_index(self, *, end: bool = False) -> int:
        """Months since year 0; a bare year is January (start) or December (end)."""
        month = self.month or (12 if end else 1)
        return self.year * 12 + (month - 1)


@dataclass(frozen=True)
class Section:
    """A part of the résumé under one heading. ``name`` is canonical, ``heading`` as written."""

    name: str  # experience, education, skills, certifications, projects, summary, languages, awards, publications, volunteering, contact, other
    heading: str
    start: int
    end: int


@dataclass(frozen=True)
class Role:
    """A dated position. ``end is None and current`` means "present"."""

    title: str
    employer: str = ""
    location: str = ""
    start: PartialDate | None = None
    end: PartialDate | None = None
    current: bool = False
    date_text: str = ""  # the dates as written ("Jan 2019 – Present")
    span: tuple[int, int] = (0, 0)  # the role's whole block in Document.text (heading line + bullets)

    def start_label(self) -> str | None:
        """The start as ``parse --json`` writes it ("YYYY-MM" / "YYYY"), None when undated."""
        return str(self.start) if self.start else None

    def end_label(self) -> str | None:
        if self.current:
            return "present"
        return str(self.end) if self.end else None


#: What an education entry is (closed set; defined with its cue phrases in parse/data/education_kinds.yaml):
#: a higher-education degree, a vocational or trade qualification, a bootcamp, another course or certificate
#: programme, a school-leaving (secondary) qualification, or not known. A kind is never an ISCED level.
EducationKind = Literal["degree", "vocational", "bootcamp", "program", "secondary", "unknown"]


@dataclass(frozen=True)
class EducationEntry:
    institution: str = ""
    credential: str = ""  # as written: "Bacharel em Engenharia Mecânica", "B.Sc. (Hons)"
    field: str = ""
    country: str = ""  # ISO 3166-1 alpha-2 when known
    start: PartialDate | None = None
    end: PartialDate | None = None
    grade: str = ""
    span: tuple[int, int] = (0, 0)
    kind: EducationKind = "unknown"  # stored results written before kinds existed load as "unknown"
    # not awarded yet: "expected May 2027", "(in progress)", "2023 – present", an end date still to come
    in_progress: bool = False


@dataclass(frozen=True)
class Certification:
    """A certification or licence as listed (unverified unless a badge verifies it)."""

    name: str
    issuer: str = ""
    date: PartialDate | None = None
    kind: Literal["certification", "licence"] = "certification"
    url: str = ""
    span: tuple[int, int] = (0, 0)
    # "in progress", "expected 2027", "Preparing for the … exam": listed, not earned — never evidence of the skill
    in_progress: bool = False


@dataclass(frozen=True)
class Language:
    name: str
    level: str = ""


@dataclass(frozen=True)
class Project:
    name: str
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""
    location: str = ""


@dataclass(frozen=True)
class SkillMention:
    """A skill found in the text. ``text`` is the surface form exactly as in ``Document.text[start:end]``."""

    text: str
    id: str  # taxonomy id (ESCO URI or "onet:<name>"), or "custom:<slug>"
    label: str  # the taxonomy's preferred label
    start: int
    end: int
    section: str  # canonical section name where it was found ("other" when unknown)
    source: Literal["text", "structured", "certification", "badge"] = "text"


@dataclass(frozen=True)
class Profile:
    """Everything parse + extract learned about one candidate. Badges are attached later by the pipeline."""

    document: Document
    contact: Contact = Contact()
    sections: tuple[Section, ...] = ()
    roles: tuple[Role, ...] = ()
    education: tuple[EducationEntry, ...] = ()
    certifications: tuple[Certification, ...] = ()
    languages: tuple[Language, ...] = ()
    projects: tuple[Project, ...] = ()
    skills: tuple[SkillMention, ...] = ()

    def section_at(self, offset: int) -> str:
        """Canonical name of the section holding character ``offset`` ("other" when none)."""
        for s in self.sections:
            if s.start <= offset < s.end:
                return s.name
        return "other"

    def role_at(self, offset: int) -> Role | None:
        for r in self.roles:
            if r.span[0] <= offset < r.span[1]:
                return r
        return None


def to_jsonable(value: Any) -> Any:
    """Dataclasses → plain JSON types (PartialDate → "YYYY-MM"/"YYYY")."""
    if isinstance(value, PartialDate):
        return str(value)
    if hasattr(value, "__dataclass_fields__"):
        return {k: to_jsonable(getattr(value, k)) for k in value.__dataclass_fields__}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


T = TypeVar("T")


def from_jsonable(tp: Any, value: Any) -> Any:
    """The inverse of :func:`to_jsonable` for a typed field: plain JSON → dataclasses, tuples, PartialDate.

    ``tp`` is a type annotation (a dataclass, ``tuple[X, ...]``, ``X | None``, ``Literal[...]``, ``dict[str, Any]``,
    a scalar). Keys a dataclass does not declare (derived values such as ``verified_badges``) are ignored."""
    if tp is Any or tp is object:
        return value
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return from_jsonable(args[0], value) if len(args) == 1 else value
    if origin is Literal:
        return value
    if origin is tuple:
        items = typing.get_args(tp)
        if len(items) == 2 and items[1] is Ellipsis:
            return tuple(from_jsonable(items[0], v) for v in value)
        return tuple(from_jsonable(a, v) for a, v in zip(items, value, strict=True))
    if origin is list:
        (arg,) = typing.get_args(tp) or (Any,)
        return [from_jsonable(arg, v) for v in value]
    if origin is dict:
        return dict(value)
    if origin is frozenset:
        (arg,) = typing.get_args(tp)
        return frozenset(from_jsonable(arg, v) for v in value)
    if tp is PartialDate:
        if value is None:
            return None
        year, _, month = str(value).partition("-")
        return PartialDate(int(year), int(month) if month else None)
    if isinstance(tp, type) and hasattr(tp, "__dataclass_fields__"):
        return dataclass_from_json(tp, value)
    return value


@functools.lru_cache(maxsize=256)
def _init_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, resolved annotation) of each field ``__init__`` takes; resolving the annotations (they are strings
    here) cost ~0.2 ms per class and call, about 6 ms per stored result read back."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in fields(cls) if f.init)


def dataclass_from_json(cls: type[T], data: dict[str, Any]) -> T:
    """A frozen dataclass from the dict :func:`to_jsonable` made of it."""
    kwargs = {name: from_jsonable(tp, data[name]) for name, tp in _init_fields(cls) if name in data}  # type: ignore[arg-type]
    return cls(**kwargs)


__all__ = [
    "Certification",
    "Contact",
    "Document",
    "EducationEntry",
    "EducationKind",
    "HealthFlag",
    "Language",
    "Link",
    "PartialDate",
    "Profile",
    "Project",
    "Role",
    "Section",
    "SkillMention",
    "asdict",
    "dataclass_from_json",
    "from_jsonable",
    "to_jsonable",
]
