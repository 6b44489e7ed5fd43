"""Loads and checks the credential data files (equivalencies, licensing paths, country cues, sources).

The files live in ``data/`` next to this module and are read once per process. A broken file raises
``CredentialError`` naming the file and the row, so a wrong edit is caught by the tests, not by a user.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import CredentialError
from ._text import PhraseIndex, compact, fold, tokens

DATA_DIR = Path(__file__).parent / "data"

CredentialType = Literal[
    "secondary", "short-cycle", "bachelor", "master", "doctorate", "first-professional",
    "professional-qualification", "graduate-study", "licence", "non-academic",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceModel(_Strict):
    name: str
    url: str | None = None


class SourcesFile(_Strict):
    templates: dict[str, str]
    sources: dict[str, SourceModel]


class RowModel(_Strict):
    id: str
    country: str | None = None
    countries: list[str] | None = None
    credential: str
    patterns: list[str] = Field(min_length=1)
    local_patterns: list[str] = Field(default_factory=list)
    requires_any: list[str] = Field(default_factory=list)
    type: CredentialType
    years: float | None
    us: str
    isced: int | None = Field(ge=0, le=8)
    contested: bool = False
    caveat: str | None = None
    regulated: str | None = None
    sources: list[str] = Field(min_length=1)

    @field_validator("country")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        if v is not None and (len(v) != 2 or not v.isupper()):
            raise ValueError("country must be an ISO 3166-1 alpha-2 code such as 'BR'")
        return v


class EquivalenciesFile(_Strict):
    shared_words: list[str] = Field(default_factory=list)
    rows: list[RowModel]


class ProfessionModel(_Strict):
    id: str
    name: str
    titles: list[str]
    exact_titles: list[str] = Field(default_factory=list)
    credential_words: list[str] = Field(default_factory=list)
    exclude_words: list[str] = Field(default_factory=list)
    bodies: list[str] = Field(min_length=1)
    steps: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)


class LicensingFile(_Strict):
    professions: list[ProfessionModel]


class CountryModel(_Strict):
    name: str
    names: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    cities: list[str] = Field(default_factory=list)
    institutions: list[str] = Field(default_factory=list)


class CountriesFile(_Strict):
    countries: dict[str, CountryModel]


@dataclass(frozen=True)
class Row:
    """One reading of a credential in one country's system (an equivalencies.yaml row, expanded per country)."""

    id: str
    country: str
    credential: str
    patterns: tuple[str, ...]
    local_patterns: tuple[str, ...]
    requires_any: tuple[str, ...]
    type: str
    years: float | None
    us: str
    isced: int | None
    contested: bool
    caveat: str | None
    regulated: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Profession:
    id: str
    name: str
    titles: tuple[str, ...]
    exact_titles: tuple[str, ...]
    credential_words: tuple[str, ...]
    exclude_words: tuple[str, ...]
    bodies: tuple[str, ...]
    steps: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class CountryCue:
    """Why a phrase points at a country: its kind sets its weight when cues disagree."""

    country: str
    kind: Literal["name", "demonym", "city", "institution", "credential"]


@dataclass(frozen=True)
class Tables:
    rows: tuple[Row, ...]
    row_index: PhraseIndex[Row]
    local_index: PhraseIndex[Row]  # patterns read only when the country is known ("Diploma" for Kenya)
    shared_words: frozenset[str]  # words of titles many systems use: they never name a country on their own
    professions: dict[str, Profession]
    title_index: PhraseIndex[Profession]
    credential_word_index: PhraseIndex[Profession]
    exclude_index: PhraseIndex[Profession]
    exact_titles: dict[str, Profession]
    countries: dict[str, CountryModel]
    country_names: dict[str, str]  # folded name/demonym/code alias → ISO code
    cue_index: PhraseIndex[CountryCue]
    sources: dict[str, SourceModel]
    templates: dict[str, str]

    def render_source(self, sid: str) -> str:
        """A source id as a reader sees it: "Name — URL", or the name alone when no URL was seen."""
        if ":" in sid:
            kind, cc = sid.split(":", 1)
            country = self.countries[cc].name if cc in self.countries else cc
            return self.templates[kind].format(country=country)
        src = self.sources[sid]
        return f"{src.name} — {src.url}" if src.url else src.name

    def country_name(self, cc: str | None) -> str:
        if not cc:
            return "country not identified"
        return self.countries[cc].name if cc in self.countries else cc


def is_shared_title(phrase: str, shared: frozenset[str]) -> bool:
    """True when every word of the phrase is a word of titles many systems use ("Bachelor of Medicine", "MBBS")."""
    if compact(phrase) in shared:
        return True
    # abbreviations keep their dots inside a chunk ("B.Sc. (Hons)" → "bsc", "hons")
    chunks = [c for c in (compact(x) for x in phrase.split()) if c]
    return bool(chunks) and all(c in shared or all(w in shared for w in tokens(c)) for c in chunks)


def _read(name: str, model: type[BaseModel]) -> Any:
    path = DATA_DIR / name
    try:
        # libyaml's safe loader when PyYAML has it: the same objects, 5-10× faster (cold start of every screen)
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise CredentialError(f"cannot read the credential data file: {exc}", file=name) from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CredentialError(f"{where}: {first['msg']}", file=name) from exc


def _check_source(sid: str, known: dict[str, SourceModel], templates: dict[str, str], where: str) -> None:
    if ":" in sid:
        kind = sid.split(":", 1)[0]
        if kind not in templates:
            raise CredentialError(f"{where}: unknown source template '{kind}'", file="equivalencies.yaml")
    elif sid not in known:
        raise CredentialError(f"{where}: source '{sid}' is not in sources.yaml", file="equivalencies.yaml")


@lru_cache(maxsize=1)
def load_countries() -> dict[str, CountryModel]:
    """The country table alone (read in milliseconds, where the skills stage needs only its place names)."""
    ctf: CountriesFile = _read("countries.yaml", CountriesFile)
    return ctf.countries


@lru_cache(maxsize=1)
def load_tables() -> Tables:
    """Read, check and index every credential data file (cached for the process)."""
    src: SourcesFile = _read("sources.yaml", SourcesFile)
    eqf: EquivalenciesFile = _read("equivalencies.yaml", EquivalenciesFile)
    lic: LicensingFile = _read("licensing.yaml", LicensingFile)
    countries = load_countries()

    professions = {p.id: Profession(p.id, p.name, tuple(p.titles), tuple(p.exact_titles), tuple(p.credential_words),
                                    tuple(p.exclude_words), tuple(p.bodies), tuple(p.steps), tuple(p.sources))
                   for p in lic.professions}
    for prof in professions.values():
        for sid in prof.sources:
            _check_source(sid, src.sources, src.templates, f"licensing {prof.id}")

    rows: list[Row] = []
    seen: set[str] = set()
    for r in eqf.rows:
        if r.id in seen:
            raise CredentialError(f"row id '{r.id}' appears twice", file="equivalencies.yaml")
        seen.add(r.id)
        codes = [r.country] if r.country else list(r.countries or [])
        if not codes or (r.country and r.countries):
            raise CredentialError(f"row {r.id}: give either country or countries", file="equivalencies.yaml")
        if r.regulated and r.regulated not in professions:
            raise CredentialError(f"row {r.id}: regulated '{r.regulated}' is not in licensing.yaml",
                                  file="equivalencies.yaml")
        if r.contested and not r.caveat:
            raise CredentialError(f"row {r.id}: a contested row needs a caveat", file="equivalencies.yaml")
        for sid in r.sources:
            _check_source(sid, src.sources, src.templates, f"row {r.id}")
        for cc in codes:
            if cc not in countries:
                raise CredentialError(f"row {r.id}: country {cc} is not in countries.yaml", file="equivalencies.yaml")
            rows.append(Row(r.id, cc, r.credential, tuple(r.patterns) + (r.credential,), tuple(r.local_patterns),
                            tuple(r.requires_any), r.type,
                            r.years, r.us, r.isced, r.contested, r.caveat, r.regulated, tuple(r.sources)))

    row_index: PhraseIndex[Row] = PhraseIndex((p, row) for row in rows for p in row.patterns)
    local_index: PhraseIndex[Row] = PhraseIndex((p, row) for row in rows for p in row.local_patterns)

    # credential words that belong to one country only are country cues too ("Bacharel" → BR)
    owners: dict[str, set[str]] = {}
    for row in rows:
        for pat in row.patterns:
            owners.setdefault(compact(pat), set()).add(row.country)
    cues: list[tuple[str, CountryCue]] = []
    names: dict[str, str] = {}
    for cc, c in countries.items():
        names[fold(cc)] = cc
        for n in [c.name, *c.names]:
            cues.append((n, CountryCue(cc, "name")))
            names[compact(n)] = cc
        for d in c.demonyms:
            cues.append((d, CountryCue(cc, "demonym")))
            names.setdefault(compact(d), cc)
        cues.extend((x, CountryCue(cc, "city")) for x in c.cities)
        cues.extend((x, CountryCue(cc, "institution")) for x in c.institutions)
    shared = frozenset(compact(w) for w in eqf.shared_words)
    for row in rows:
        for pat in row.patterns:
            # short abbreviations ("BA", "Lic.") and English titles many systems use ("Bachelor of Medicine")
            # are too weak to name a country by themselves
            if owners[compact(pat)] == {row.country} and len(compact(pat)) >= 5 and not is_shared_title(pat, shared):
                cues.append((pat, CountryCue(row.country, "credential")))

    title_entries = [(t, p) for p in professions.values() for t in (*p.titles, p.name)]
    exact = {compact(t): p for p in professions.values() for t in (*p.exact_titles, *p.titles, p.name)}
    return Tables(
        rows=tuple(rows),
        row_index=row_index,
        local_index=local_index,
        shared_words=shared,
        professions=professions,
        title_index=PhraseIndex(title_entries),
        credential_word_index=PhraseIndex((w, p) for p in professions.values() for w in p.credential_words),
        exclude_index=PhraseIndex((w, p) for p in professions.values() for w in p.exclude_words),
        exact_titles=exact,
        countries=countries,
        country_names=names,
        cue_index=PhraseIndex(cues),
        sources=src.sources,
        templates=src.templates,
    )
