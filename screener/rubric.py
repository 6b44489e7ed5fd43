"""Role rubrics: the competencies a role needs, their weights and levels, and the degree policy.

Rubrics are YAML files an HR person edits (see ``rubrics/``). Loading validates every field and names the file,
the field path and the fix in one line, e.g.::

    rubrics/x.yaml: competencies[2] ("CAD modelling").weight: must be greater than 0 (you wrote -5)
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import RubricError

DegreeLevel = Literal["high school", "associate", "bachelor", "master", "doctorate"]

#: ISCED 2011 level of each degree level a rubric may name (UNESCO, ISCED 2011 §§ 3–8).
ISCED_OF_LEVEL: dict[str, int] = {"high school": 3, "associate": 5, "bachelor": 6, "master": 7, "doctorate": 8}

LEVEL_NAMES: dict[int, str] = {0: "none", 1: "aware", 2: "working", 3: "proficient", 4: "expert"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Competency(_Strict):
    """One thing the role needs. Any of ``skills`` (taxonomy names or ids) or ``aliases`` counts as evidence."""

    name: Annotated[str, Field(min_length=1, max_length=120)]
    description: str = ""
    skills: list[Annotated[str, Field(min_length=1)]] = []
    aliases: list[Annotated[str, Field(min_length=1)]] = []
    weight: Annotated[float, Field(gt=0, le=1000)]
    required_level: Annotated[int, Field(ge=0, le=4)] = 2
    must_have: bool = False
    min_years: Annotated[float, Field(ge=0, le=60)] | None = None

    @model_validator(mode="after")
    def _has_terms(self) -> Competency:
        if not self.skills and not self.aliases:
            raise ValueError("list at least one entry under 'skills' or 'aliases' so evidence can be found")
        return self

    def terms(self) -> list[str]:
        return [*self.skills, *self.aliases]


class DegreeSubstitute(_Strict):
    """One way to satisfy a degree requirement without the degree. Exactly one field is set."""

    experience_years: Annotated[float, Field(gt=0, le=60)] | None = None
    certification: str | None = None
    badge: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> DegreeSubstitute:
        given = [k for k in ("experience_years", "certification", "badge") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("each substitute names exactly one of: experience_years, certification, badge")
        return self

    def describe(self) -> str:
        if self.experience_years is not None:
            return f"{self.experience_years:g} years of relevant experience"
        if self.certification is not None:
            return f"certification: {self.certification}"
        return f"verified badge: {self.badge}"


class DegreePolicy(_Strict):
    """By default no degree is required. When one is, "or equivalent" always applies."""

    required: bool = False
    level: DegreeLevel = "bachelor"
    fields: list[str] = []
    substitutes: list[DegreeSubstitute] = []

    @property
    def isced_level(self) -> int:
        return ISCED_OF_LEVEL[self.level]


class LicencePolicy(_Strict):
    """A licence the role needs. ``required_by_law`` makes it a must-have flag that says so."""

    name: Annotated[str, Field(min_length=1)]
    profession: str = ""  # e.g. "registered nurse": links the flag to the licensing path notes
    required_by_law: bool = False
    aliases: list[str] = []


class EvidencePolicy(_Strict):
    recency_years: Annotated[float, Field(gt=0, le=60)] = 10.0


class Rubric(_Strict):
    role: Annotated[str, Field(min_length=1, max_length=120)]
    description: str = ""
    version: str = "1"
    competencies: Annotated[list[Competency], Field(min_length=1, max_length=60)]
    degree: DegreePolicy = DegreePolicy()
    licence: LicencePolicy | None = None
    evidence: EvidencePolicy = EvidencePolicy()
    knockout: bool = False  # hide candidates missing a must-have: the user's choice, off by default

    @field_validator("version", mode="before")
    @classmethod
    def _version_str(cls, v: Any) -> Any:
        return str(v) if isinstance(v, (int, float)) else v

    @field_validator("licence", mode="before")
    @classmethod
    def _licence_str(cls, v: Any) -> Any:
        return {"name": v} if isinstance(v, str) else v

    @model_validator(mode="after")
    def _unique_names(self) -> Rubric:
        seen: set[str] = set()
        for c in self.competencies:
            key = c.name.casefold()
            if key in seen:
                raise ValueError(f"two competencies are named {c.name!r}; give each a unique name")
            seen.add(key)
        return self

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.competencies)

    def weight_share(self, competency: Competency) -> float:
        """The competency's share of the overall score, 0–1."""
        return competency.weight / self.total_weight

    def fingerprint(self) -> str:
        """A short hash of the rubric's content, for audit trails (same rubric → same fingerprint)."""
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:12]


def _field_path(loc: tuple[Any, ...], data: Any) -> str:
    """``("competencies", 2, "weight")`` → ``competencies[2] ("CAD modelling").weight``."""
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            try:
                node = node[part]
            except (IndexError, KeyError, TypeError):
                node = None
            if isinstance(node, dict) and isinstance(node.get("name"), str):
                out += f' ("{node["name"]}")'
        else:
            out += ("." if out else "") + str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out or "(top level)"


_FIXES = {
    "extra_forbidden": "remove it or check its spelling; allowed fields are listed in rubrics/README.md",
    "missing": "add this field",
    "greater_than": "use a positive number",
    "literal_error": "use one of the allowed values",
    "bool_type": "use true or false",
    "bool_parsing": "use true or false",
    "int_parsing": "use a whole number",
    "float_parsing": "use a number",
    "greater_than_equal": "use a larger number",
    "less_than_equal": "use a smaller number",
    "string_type": "use text",
    "dict_type": "use a mapping of field: value",
    "model_type": "use a mapping of field: value",
    "int_type": "use a whole number",
    "float_type": "use a number",
    "list_type": "use a list, e.g. [a, b]",
    "too_short": "add at least one entry",
}


def format_validation_error(err: ValidationError, data: Any, source: str) -> str:
    lines = []
    for e in err.errors():
        path = _field_path(tuple(e["loc"]), data)
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "extra_forbidden":
            msg = "unknown field"
        got = e.get("input")
        got_text = ""
        if e["type"] not in ("missing", "extra_forbidden") and not isinstance(got, (dict, list)):
            got_text = f" (you wrote {got!r})"
        fix = _FIXES.get(e["type"], "")
        lines.append(f"{source}: {path}: {msg}{got_text}" + (f" — {fix}" if fix else ""))
    return "; ".join(lines)


def parse_rubric(text: str, *, source: str = "rubric") -> Rubric:
    """Parse rubric YAML text. Raises :class:`RubricError` naming the source, field path and fix."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise RubricError(f"{source}: not valid YAML{where}: {problem} — check indentation and quotes") from None
    if not isinstance(data, dict):
        raise RubricError(f"{source}: a rubric must be a YAML mapping with at least 'role' and 'competencies'")
    try:
        return Rubric.model_validate(data)
    except ValidationError as exc:
        raise RubricError(format_validation_error(exc, data, source)) from None


def load_rubric(path: str | Path) -> Rubric:
    """Load and validate a rubric YAML file."""
    p = Path(path)
    try:
        if p.stat().st_size > 1_000_000:
            raise RubricError(f"{p}: rubric file is larger than 1 MB; is this the right file?")
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RubricError(f"{p}: rubric file not found") from None
    except UnicodeDecodeError:
        raise RubricError(f"{p}: rubric file is not UTF-8 text") from None
    except IsADirectoryError:
        raise RubricError(f"{p}: is a folder, not a rubric file") from None
    return parse_rubric(text, source=str(p))


def list_rubrics(folder: str | Path) -> list[Path]:
    """Rubric files in a folder, sorted by name."""
    return sorted(q for q in Path(folder).glob("*.y*ml") if q.is_file())


__all__ = [
    "Competency",
    "DegreePolicy",
    "DegreeSubstitute",
    "EvidencePolicy",
    "ISCED_OF_LEVEL",
    "LEVEL_NAMES",
    "LicencePolicy",
    "Rubric",
    "format_validation_error",
    "list_rubrics",
    "load_rubric",
    "parse_rubric",
]
