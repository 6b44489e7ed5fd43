"""Role rubrics: the competencies a role needs, their weights and levels, and the degree policy.

Rubrics are YAML files an HR person edits (see ``rubrics/``). Loading is forgiving where the meaning is clear
("30%" weights, level words such as ``proficient``, comma-separated skills, tabs, ``license`` spelt the U.S. way)
and otherwise names each problem in words, one line per problem, e.g.::

    x.yaml: Competency 2 ‘Cloud’: weight must be above 0 (you wrote 0)

YAML is read with bounded anchors/aliases and nesting depth, measured on the node graph before any Python object
is built, so a small file cannot expand into gigabytes.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import RubricError

DegreeLevel = Literal["high school", "associate", "bachelor", "master", "doctorate"]

#: ISCED 2011 level of each degree level a rubric may name (UNESCO, ISCED 2011 §§ 3–8).
ISCED_OF_LEVEL: dict[str, int] = {"high school": 3, "associate": 5, "bachelor": 6, "master": 7, "doctorate": 8}

LEVEL_NAMES: dict[int, str] = {0: "none", 1: "aware", 2: "working", 3: "proficient", 4: "expert"}
LEVEL_OF_WORD: dict[str, int] = {v: k for k, v in LEVEL_NAMES.items()}

#: Largest rubric file read (bytes); a rubric is a page of text.
MAX_FILE_BYTES = 1_000_000
#: YAML aliases (``*name``) allowed in one rubric: enough to reuse a skills list, too few to build a bomb.
MAX_ALIASES = 100
#: Anchors (``&name``) allowed in one rubric.
MAX_ANCHORS = 50
#: Characters of text the YAML may stand for once every alias is expanded.
MAX_EXPANDED_CHARS = 1_000_000
#: Nesting depth of mappings and lists (a rubric needs 5).
MAX_DEPTH = 20
#: Longest skill, alias or name text accepted.
MAX_TERM_CHARS = 200

Term = Annotated[str, Field(min_length=1, max_length=MAX_TERM_CHARS)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Competency(_Strict):
    """One thing the role needs. Any of ``skills`` (taxonomy names or ids) or ``aliases`` counts as evidence."""

    name: Annotated[str, Field(min_length=1, max_length=120)]
    description: Annotated[str, Field(max_length=2000)] = ""
    skills: Annotated[list[Term], Field(max_length=100)] = []
    aliases: Annotated[list[Term], Field(max_length=100)] = []
    weight: Annotated[float, Field(gt=0, le=1000)]
    required_level: Annotated[int, Field(ge=0, le=4)] = 2
    must_have: bool = False
    min_years: Annotated[float, Field(ge=0, le=60)] | None = None

    @model_validator(mode="after")
    def _has_terms(self) -> Competency:
        if not self.skills and not self.aliases:
            raise ValueError("list at least one skill or alias so evidence can be found")
        return self

    def terms(self) -> list[str]:
        return [*self.skills, *self.aliases]


class DegreeSubstitute(_Strict):
    """One way to satisfy a degree requirement without the degree. Exactly one field is set."""

    experience_years: Annotated[float, Field(gt=0, le=60)] | None = None
    certification: Annotated[str, Field(max_length=MAX_TERM_CHARS)] | None = None
    badge: Annotated[str, Field(max_length=MAX_TERM_CHARS)] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> DegreeSubstitute:
        given = [k for k in ("experience_years", "certification", "badge") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("name exactly one of: years of experience, a certification, a badge")
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
    fields: Annotated[list[Term], Field(max_length=50)] = []
    substitutes: Annotated[list[DegreeSubstitute], Field(max_length=20)] = []

    @property
    def isced_level(self) -> int:
        return ISCED_OF_LEVEL[self.level]


class LicencePolicy(_Strict):
    """A licence the role needs. ``required_by_law`` makes it a must-have flag that says so."""

    name: Annotated[str, Field(min_length=1, max_length=MAX_TERM_CHARS)]
    profession: Annotated[str, Field(max_length=MAX_TERM_CHARS)] = ""  # links the flag to the licensing notes
    required_by_law: bool = False
    aliases: Annotated[list[Term], Field(max_length=50)] = []


class EvidencePolicy(_Strict):
    recency_years: Annotated[float, Field(gt=0, le=60)] = 10.0
    # Quantified achievements ("cut downtime by 20%") are shown under the competency they support; only when the
    # rubric asks do they also count, and then only as headroom within the level, never as a level of their own.
    score_achievements: bool = False


def competency_key(name: str) -> str:
    """What makes a competency's name unique in its rubric: the name case-folded, runs of white space as one space
    ("Node.js" and "node.js" are one name; "C", "C++" and "C#" are three)."""
    return " ".join(name.casefold().split())


class Rubric(_Strict):
    role: Annotated[str, Field(min_length=1, max_length=120)]
    description: Annotated[str, Field(max_length=4000)] = ""
    version: Annotated[str, Field(max_length=40)] = "1"
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
            key = competency_key(c.name)
            if key in seen:
                raise ValueError(f"two competencies are named ‘{c.name}’; give each a unique name")
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


# ---------------------------------------------------------------------------------------------- bounded YAML
class _Refused(Exception):
    """The YAML would expand beyond the rubric limits."""


class _BoundedLoader(yaml.SafeLoader):
    """A SafeLoader whose composer counts anchors, aliases and nesting depth as the events arrive."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0
        self._anchors = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D401 — PyYAML hook
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _Refused(f"it uses more than {MAX_ALIASES} YAML aliases (*name); write the entries out")
            return super().compose_node(parent, index)
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:
            self._anchors += 1
            if self._anchors > MAX_ANCHORS:
                raise _Refused(f"it defines more than {MAX_ANCHORS} YAML anchors (&name); write the entries out")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"it is nested more than {MAX_DEPTH} levels deep; a rubric needs about 5")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _expanded_size(root: yaml.Node) -> int:
    """Characters the node graph stands for with every alias expanded (memoised per node; cycles refused)."""
    memo: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in memo:
            return memo[key]
        if key in active:
            raise _Refused("a YAML alias refers to the list or mapping that contains it")
        active.add(key)
        if isinstance(node, yaml.ScalarNode):
            n = len(node.value) + 1
        elif isinstance(node, yaml.SequenceNode):
            n = 1 + sum(size(c) for c in node.value)
        else:
            n = 1 + sum(size(k) + size(v) for k, v in node.value)
        active.discard(key)
        memo[key] = n
        if n > MAX_EXPANDED_CHARS:
            raise _Refused(f"its YAML aliases expand to more than {MAX_EXPANDED_CHARS:,} characters")
        return n

    return size(root)


def _compose_and_construct(text: str) -> Any:
    loader = _BoundedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


_LEADING_TABS = re.compile(r"^[ \t]+", re.M)


def _untab(text: str) -> str:
    """Tabs as an HR person types them: indentation tabs become two spaces, other tabs one space."""
    text = _LEADING_TABS.sub(lambda m: m.group().replace("\t", "  "), text)
    return text.replace("\t", " ")


def read_yaml(text: str, *, source: str = "rubric") -> Any:
    """Parse YAML with the rubric limits. Raises :class:`RubricError` with one line."""
    attempts = [text, _untab(text)] if "\t" in text else [text]
    first_error: yaml.YAMLError | None = None
    for attempt in attempts:
        try:
            return _compose_and_construct(attempt)
        except _Refused as exc:
            raise RubricError(f"{source}: refused: {exc}") from None
        except RecursionError:
            raise RubricError(f"{source}: refused: it is nested too deeply") from None
        except yaml.YAMLError as exc:
            first_error = first_error or exc
    mark = getattr(first_error, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    problem = getattr(first_error, "problem", None) or "invalid YAML"
    raise RubricError(f"{source}: not valid YAML{where}: {problem} — check indentation and quotes")


# ---------------------------------------------------------------------------------------------- forgiving input
_KEY_SYNONYMS: dict[str, dict[str, str]] = {
    "top": {"license": "licence", "title": "role", "job_title": "role", "competences": "competencies",
            "recency_years": "recency_years"},
    "competency": {"level": "required_level", "required": "must_have", "mandatory": "must_have",
                   "musthave": "must_have", "must": "must_have", "years": "min_years",
                   "minimum_years": "min_years", "min_years_experience": "min_years", "alias": "aliases",
                   "skill": "skills"},
    "degree": {"field": "fields", "substitute": "substitutes", "equivalents": "substitutes"},
    "substitute": {"years": "experience_years", "experience": "experience_years",
                   "certificate": "certification", "cert": "certification"},
    "licence": {"alias": "aliases", "law": "required_by_law", "required": "required_by_law"},
    "evidence": {"recency": "recency_years", "achievements": "score_achievements"},
}

_DEGREE_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(high[ -]?school|ged|secondary|diploma|hs)\b", re.I), "high school"),
    (re.compile(r"^(associate|aa|as|aas|adn)\b", re.I), "associate"),
    (re.compile(r"^(bachelor|ba|bs|bsc|b\.?s\.?|b\.?a\.?|beng|b\.?tech|bsn|undergraduate)\b", re.I), "bachelor"),
    (re.compile(r"^(master|ma|ms|msc|m\.?s\.?|mba|meng|m\.?tech|graduate)\b", re.I), "master"),
    (re.compile(r"^(doctor|doctorate|doctoral|phd|ph\.?d\.?|dphil)\b", re.I), "doctorate"),
]

_NUMBER = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*(%|\+|\s*years?|\s*yrs?)?\s*\+?\s*$", re.I)
_TRUE_WORDS = {"yes", "y", "true", "required", "must", "must have", "must-have", "x", "✓", "✔"}
_FALSE_WORDS = {"no", "n", "false", "optional", "nice to have", "nice-to-have", "", "-"}


def _norm_key(key: Any, table: str) -> Any:
    if not isinstance(key, str):
        return key
    k = re.sub(r"[\s\-]+", "_", key.strip().casefold())
    return _KEY_SYNONYMS.get(table, {}).get(k, k)


def _number(v: Any) -> Any:
    """``"30%"`` → 30, ``"5+ years"`` → 5, ``"2,5"`` → 2.5; anything else unchanged."""
    if isinstance(v, str):
        m = _NUMBER.match(v)
        if m:
            return float(m.group(1).replace(",", "."))
    return v


def _level(v: Any) -> Any:
    if isinstance(v, str):
        word = v.strip().casefold()
        if word in LEVEL_OF_WORD:
            return LEVEL_OF_WORD[word]
        m = re.match(r"^\s*([0-4])\b", word)  # "3 (proficient)", "3 - proficient"
        if m:
            return int(m.group(1))
        for name, n in LEVEL_OF_WORD.items():  # "Proficient (3)"
            if word.startswith(name):
                return n
    return v


def _bool(v: Any) -> Any:
    if isinstance(v, str):
        w = v.strip().casefold()
        if w in _TRUE_WORDS:
            return True
        if w in _FALSE_WORDS:
            return False
    return v


def split_terms(v: Any) -> Any:
    """``"SQL, Python; Excel"`` → ``["SQL", "Python", "Excel"]``; a list keeps its entries (each split too)."""
    if isinstance(v, str):
        return [t.strip() for t in re.split(r"[,;\n]", v) if t.strip()]
    if isinstance(v, list):
        out: list[Any] = []
        for item in v:
            out.extend(split_terms(item) if isinstance(item, str) else [item])
        return out
    return v


def _degree_level(v: Any) -> Any:
    if isinstance(v, str):
        w = v.strip().replace("’", "'")
        if w.casefold() in ISCED_OF_LEVEL:
            return w.casefold()
        for pattern, level in _DEGREE_WORDS:
            if pattern.match(w):
                return level
    return v


def _substitute(v: Any) -> Any:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return {"experience_years": v}
    if isinstance(v, str):
        m = re.match(r"^\s*(\d+(?:\.\d+)?)\s*\+?\s*(?:years?|yrs?)\b", v, re.I)
        if m:
            return {"experience_years": float(m.group(1))}
        m = re.match(r"^\s*(certification|certificate|badge)\s*[:\-]\s*(.+)$", v, re.I)
        if m:
            kind = "badge" if m.group(1).casefold() == "badge" else "certification"
            return {kind: m.group(2).strip()}
        return {"certification": v.strip()}
    return _mapping(v, "substitute", {"experience_years": _number})


def _mapping(v: Any, table: str, fixes: dict[str, Callable[[Any], Any]]) -> Any:
    if not isinstance(v, dict):
        return v
    out: dict[Any, Any] = {}
    for k, val in v.items():
        key = _norm_key(k, table)
        if key in out and key != k:  # a synonym next to the real field: keep both so the error names it
            out[k] = val
            continue
        out[key] = fixes[key](val) if key in fixes else val
    return out


def normalise(data: Any) -> Any:
    """The rubric mapping with clear-meaning variants rewritten to the canonical form (pure; input untouched)."""
    if not isinstance(data, dict):
        return data
    comp_fixes: dict[str, Callable[[Any], Any]] = {
        "weight": _number, "required_level": _level, "must_have": _bool, "min_years": _number,
        "skills": split_terms, "aliases": split_terms,
    }

    def competencies(v: Any) -> Any:
        if isinstance(v, list):
            return [_mapping(c, "competency", comp_fixes) for c in v]
        return v

    def degree(v: Any) -> Any:
        if isinstance(v, bool):
            return {"required": v}
        if isinstance(v, str):
            lvl = _degree_level(v)
            return {"required": True, "level": lvl} if lvl in ISCED_OF_LEVEL else v
        return _mapping(v, "degree", {
            "required": _bool, "level": _degree_level, "fields": split_terms,
            "substitutes": lambda s: [_substitute(x) for x in s] if isinstance(s, list) else s,
        })

    def licence(v: Any) -> Any:
        return _mapping(v, "licence", {"aliases": split_terms, "required_by_law": _bool})

    def evidence(v: Any) -> Any:
        if isinstance(v, (int, float, str)) and not isinstance(v, bool):
            return {"recency_years": _number(v)}
        return _mapping(v, "evidence", {"recency_years": _number, "score_achievements": _bool})

    top = _mapping(data, "top", {"competencies": competencies, "degree": degree, "licence": licence,
                                 "evidence": evidence, "knockout": _bool})
    if "recency_years" in top and "evidence" not in top:
        top["evidence"] = {"recency_years": _number(top.pop("recency_years"))}
    return top


# ---------------------------------------------------------------------------------------------- messages in words
_FIELD_WORDS = {
    "required_level": "required level", "must_have": "must-have", "min_years": "minimum years",
    "recency_years": "recency (years)", "experience_years": "years of experience",
    "required_by_law": "required by law", "knockout": "knockout",
}
_ALLOWED = {
    "top": ["role", "description", "version", "competencies", "degree", "licence", "evidence", "knockout"],
    "competency": ["name", "description", "skills", "aliases", "weight", "required_level", "must_have",
                   "min_years"],
    "degree": ["required", "level", "fields", "substitutes"],
    "substitute": ["experience_years", "certification", "badge"],
    "licence": ["name", "profession", "required_by_law", "aliases"],
    "evidence": ["recency_years"],
}


def _words(field: str) -> str:
    return _FIELD_WORDS.get(field, field.replace("_", " "))


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return f"‘{text[:limit]}…’" if len(text) > limit else f"‘{text}’"


def _where(loc: tuple[Any, ...], data: Any) -> tuple[str, str, list[str]]:
    """(place in words, field in words, the allowed field names there) for a pydantic error location."""
    place, field, table = "", "", "top"
    items = list(loc)
    if items and items[0] == "competencies" and len(items) >= 2 and isinstance(items[1], int):
        i = items[1]
        comps = data.get("competencies") if isinstance(data, dict) else None
        name = ""
        if isinstance(comps, list) and i < len(comps) and isinstance(comps[i], dict):
            raw = comps[i].get("name")
            name = f" {_quote(raw)}" if isinstance(raw, str) and raw.strip() else ""
        place, table, items = f"Competency {i + 1}{name}", "competency", items[2:]
    elif items and items[0] == "degree":
        place, table, items = "Degree", "degree", items[1:]
        if len(items) >= 2 and items[0] == "substitutes" and isinstance(items[1], int):
            place, table, items = f"Degree substitute {items[1] + 1}", "substitute", items[2:]
    elif items and items[0] == "licence":
        place, table, items = "Licence", "licence", items[1:]
        if items and items[0] in ("function-after[_licence_str()]", "LicencePolicy"):
            items = items[1:]
    elif items and items[0] == "evidence":
        place, table, items = "Evidence", "evidence", items[1:]
    items = [p for p in items if not (isinstance(p, str) and ("[" in p or p[:1].isupper()))]
    if items:
        head = items[0]
        field = _words(str(head)) if isinstance(head, str) else f"entry {head + 1}"
        if len(items) >= 2 and isinstance(items[1], int):
            field += f" (entry {items[1] + 1})"
    return place, field, _ALLOWED[table]


def _problem(e: Any, data: Any) -> str:
    loc = tuple(e["loc"])
    typ, ctx = e["type"], e.get("ctx") or {}
    place, field, allowed = _where(loc, data)
    got = e.get("input")
    show_got = typ not in ("missing", "extra_forbidden") and isinstance(got, (str, int, float, bool))
    raw_field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if typ == "extra_forbidden":
        unknown = str(loc[-1])
        close = difflib.get_close_matches(unknown, allowed, n=1, cutoff=0.6)
        hint = f"did you mean {_words(close[0])}?" if close else "allowed: " + ", ".join(_words(a) for a in allowed)
        sentence = f"{_quote(unknown)} is not a field here ({hint})"
        return f"{place}: {sentence}" if place else sentence[0].upper() + sentence[1:]
    if raw_field == "required_level" and typ not in ("missing",):
        msg = "must be one of none, aware, working, proficient, expert (or 0–4)"
    elif typ == "greater_than":
        msg = f"must be above {ctx.get('gt', 0):g}"
    elif typ == "greater_than_equal":
        msg = f"must be {ctx.get('ge', 0):g} or more"
    elif typ in ("less_than_equal", "less_than"):
        msg = f"must be {ctx.get('le', ctx.get('lt', 0)):g} or less"
    elif typ == "literal_error":
        msg = "must be one of: " + str(ctx.get("expected", "")).replace("'", "")
    elif typ.startswith("bool"):
        msg = "must be yes or no"
    elif typ.startswith(("float", "int")):
        msg = "must be a number (30 or 30% both work)" if raw_field == "weight" else "must be a number"
    elif typ.startswith("string_type"):
        msg = "must be text"
    elif typ == "string_too_short":
        msg = "must not be empty"
    elif typ == "string_too_long":
        msg = f"is too long (at most {ctx.get('max_length')} characters)"
    elif typ == "too_short":
        msg = "needs at least one entry"
    elif typ == "too_long":
        msg = f"has too many entries (at most {ctx.get('max_length')})"
    elif typ == "list_type":
        msg = "must be a list (a comma-separated line works too)"
    elif typ in ("dict_type", "model_type", "model_attributes_type"):
        msg = "must be a set of fields (field: value)"
    elif typ == "missing":
        msg = "is missing"
    else:
        msg = str(e.get("msg", "is not valid")).removeprefix("Value error, ")
    if show_got and typ != "value_error":
        shown = _quote(got) if isinstance(got, str) else str(got).lower() if isinstance(got, bool) else f"{got:g}"
        msg += f" (you wrote {shown})"
    sentence = f"{field} {msg}" if field else msg
    if typ == "too_short" and raw_field == "competencies":
        sentence = "add at least one competency"
    if not place:
        return sentence[0].upper() + sentence[1:]
    return f"{place}: {sentence}"


def rubric_problems(err: ValidationError, data: Any) -> list[str]:
    """One plain sentence per validation problem, naming the field in words (no pydantic paths)."""
    seen: list[str] = []
    for e in err.errors():
        line = _problem(e, data)
        if line not in seen:
            seen.append(line)
    return seen


def format_validation_error(err: ValidationError, data: Any, source: str) -> str:
    return "; ".join(f"{source}: {p}" for p in rubric_problems(err, data))


class RubricProblems(RubricError):
    """A rubric that breaks the format; ``problems`` holds one plain line per problem (without the source)."""

    def __init__(self, problems: list[str], *, source: str) -> None:
        self.problems = problems
        self.source = source
        super().__init__("; ".join(f"{source}: {p}" for p in problems))


# ---------------------------------------------------------------------------------------------- loading
def rubric_data(text: str, *, source: str = "rubric") -> dict[str, Any]:
    """The normalised mapping of a rubric's YAML text (forgiving rewrites applied), not yet validated."""
    if len(text) > MAX_FILE_BYTES:
        raise RubricError(f"{source}: rubric is larger than 1 MB; is this the right file?")
    data = read_yaml(text, source=source)
    if not isinstance(data, dict):
        raise RubricError(f"{source}: a rubric must be a YAML mapping with at least 'role' and 'competencies'")
    return normalise(data)


def validate_rubric_data(data: Any, *, source: str = "rubric") -> Rubric:
    """Validate an already-parsed mapping (the editor's draft). Raises :class:`RubricProblems`."""
    if not isinstance(data, dict):
        raise RubricError(f"{source}: a rubric must be a YAML mapping with at least 'role' and 'competencies'")
    data = normalise(data)
    try:
        return Rubric.model_validate(data)
    except ValidationError as exc:
        raise RubricProblems(rubric_problems(exc, data), source=source) from None


def parse_rubric(text: str, *, source: str = "rubric") -> Rubric:
    """Parse rubric YAML text. Raises :class:`RubricError`: one line, naming the source and the field in words."""
    return validate_rubric_data(rubric_data(text, source=source), source=source)


def load_rubric(path: str | Path) -> Rubric:
    """Load and validate a rubric YAML file. Errors name the file by its name only, not the server's path."""
    p = Path(path)
    name = p.name or str(p)
    try:
        if p.is_dir():
            raise RubricError(f"{name}: is a folder, not a rubric file")
        if p.stat().st_size > MAX_FILE_BYTES:
            raise RubricError(f"{name}: rubric file is larger than 1 MB; is this the right file?")
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RubricError(f"{name}: rubric file not found") from None
    except UnicodeDecodeError:
        raise RubricError(f"{name}: rubric file is not UTF-8 text") from None
    except PermissionError:
        raise RubricError(f"{name}: rubric file cannot be read (permission denied)") from None
    return parse_rubric(text, source=name)


def list_rubrics(folder: str | Path) -> list[Path]:
    """Rubric files in a folder, sorted by name."""
    return sorted(q for q in Path(folder).glob("*.y*ml") if q.is_file())


# ---------------------------------------------------------------------------------------------- warnings
def rubric_warnings(rubric: Rubric, resolver: Any = None) -> list[str]:
    """Things that load but may not do what the author means, one line each (shown by ``rubric check`` and the
    editor): skills the taxonomy does not know, the same term in two competencies, a must-have at level 0."""
    if resolver is None:
        from .extract import get_extractor

        resolver = get_extractor()
    out: list[str] = []
    owner: dict[str, str] = {}
    for n, c in enumerate(rubric.competencies, 1):
        where = f"Competency {n} {_quote(c.name)}"
        for s in c.skills:
            if not resolver.resolve(s):
                out.append(f"{where}: {_quote(s)} is not in the taxonomy; will match only as written")
        for t in c.terms():
            key = " ".join(t.casefold().split())
            if key in owner and owner[key] != c.name:
                out.append(f"{where}: {_quote(t)} is also in {_quote(owner[key])}; one mention will count for both")
            owner.setdefault(key, c.name)
        if c.must_have and c.required_level == 0:
            out.append(f"{where}: a must-have at level none is always met; raise the level or untick must-have")
    return out


__all__ = [
    "Competency",
    "DegreePolicy",
    "DegreeSubstitute",
    "EvidencePolicy",
    "ISCED_OF_LEVEL",
    "LEVEL_NAMES",
    "LEVEL_OF_WORD",
    "LicencePolicy",
    "Rubric",
    "RubricProblems",
    "format_validation_error",
    "list_rubrics",
    "load_rubric",
    "normalise",
    "parse_rubric",
    "read_yaml",
    "rubric_data",
    "rubric_problems",
    "rubric_warnings",
    "split_terms",
    "validate_rubric_data",
]
