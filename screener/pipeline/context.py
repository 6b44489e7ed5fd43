"""The screening context: everything a worker needs besides the file, built once per run, frozen and picklable
(sent once to each Dask worker; inherited by forked local workers)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..ingest.limits import Limits
from ..rubric import Rubric
from ..score.evidence import CompetencyTerms


@dataclass(frozen=True)
class ScreenOptions:
    as_of: date | None = None  # "today" for years and badge dates; fixed in tests for byte-identical output
    offline_map: Path | None = None  # URL → file map for badge verification without network
    online: bool = False  # fetch badge URLs from the network (SSRF-safe fetcher)
    sandbox: bool = True  # screen each file in a worker process with time and memory limits
    workers: int | None = None
    max_bytes: int = 10 * 1024 * 1024
    email: str | None = None  # applicant e-mail for badge recipient checks (else the résumé's)
    timeout_s: float | None = None  # per-file time limit in the sandbox (default: Limits().timeout_s)
    memory_mb: int | None = None  # per-worker memory allowance (default: Limits().memory_mb)

    def limits(self) -> Limits:
        base = Limits(max_bytes=self.max_bytes)
        return Limits(max_bytes=self.max_bytes,
                      timeout_s=self.timeout_s if self.timeout_s is not None else base.timeout_s,
                      memory_mb=self.memory_mb if self.memory_mb is not None else base.memory_mb)

    def to_json(self) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat() if self.as_of else None,
                "offline_map": str(self.offline_map) if self.offline_map else None, "online": self.online,
                "sandbox": self.sandbox, "workers": self.workers, "max_bytes": self.max_bytes, "email": self.email,
                "timeout_s": self.timeout_s, "memory_mb": self.memory_mb}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScreenOptions:
        return cls(as_of=date.fromisoformat(data["as_of"]) if data.get("as_of") else None,
                   offline_map=Path(data["offline_map"]) if data.get("offline_map") else None,
                   online=bool(data.get("online")), sandbox=bool(data.get("sandbox", True)),
                   workers=data.get("workers"), max_bytes=int(data.get("max_bytes") or 10 * 1024 * 1024),
                   email=data.get("email"), timeout_s=data.get("timeout_s"), memory_mb=data.get("memory_mb"))


@dataclass(frozen=True)
class ScreeningContext:
    """Rubric, its compiled competency terms, the as-of date and the badge settings: the same for every file."""

    rubric: Rubric
    terms: tuple[CompetencyTerms, ...]
    extra_terms: dict[str, list[str]]
    as_of: date
    limits: Limits
    licensing_path: tuple[str, ...] = ()
    online: bool = False
    email: str | None = None
    offline_map: dict[str, Any] | None = None  # the map's JSON object (URL → file or status)
    offline_base: str = ""  # folder the map's file paths are relative to
    fingerprint: str = field(default="", compare=False)

    def fetchers(self) -> tuple[Any, Any]:
        """(the fetcher badges are verified with or None, the offline map's own fetcher or None), made once per
        process (each worker caches its own)."""
        key = self.fingerprint or id(self)
        cached = _FETCHERS.get(key)
        if cached is None:
            cached = _make_fetchers(self)
            _FETCHERS.clear()
            _FETCHERS[key] = cached
        return cached


_FETCHERS: dict[Any, tuple[Any, Any]] = {}


def _make_fetchers(ctx: ScreeningContext) -> tuple[Any, Any]:
    from ..badges.fetch import CachingFetcher, HttpFetcher, LayeredFetcher, OfflineMapFetcher

    local = OfflineMapFetcher(ctx.offline_map, Path(ctx.offline_base)) if ctx.offline_map is not None else None
    if ctx.online:
        return CachingFetcher(LayeredFetcher(local, HttpFetcher()) if local else HttpFetcher()), local
    return (CachingFetcher(local) if local else None), local


def build_context(rubric: Rubric, options: ScreenOptions) -> ScreeningContext:
    """Load what every file shares (the extractor too, so forked workers share its memory)."""
    from ..credentials import licensing_for_profession
    from ..extract import get_extractor
    from ..score.evidence import competency_terms, extra_terms_for

    as_of = options.as_of or date.today()
    extractor = get_extractor()
    terms = tuple(competency_terms(c, extractor) for c in rubric.competencies)
    lic_path: tuple[str, ...] = ()
    if rubric.licence is not None:
        lp = licensing_for_profession(rubric.licence.profession or rubric.licence.name)
        lic_path = tuple(lp.steps) if lp else ()
    offline_map: dict[str, Any] | None = None
    base = ""
    if options.offline_map is not None:
        offline_map = _read_map(options.offline_map)
        base = str(Path(options.offline_map).resolve().parent)
    key = hashlib.sha256(json.dumps([rubric.fingerprint(), as_of.isoformat(), options.to_json(), offline_map],
                                    sort_keys=True, default=str).encode()).hexdigest()[:16]
    return ScreeningContext(rubric=rubric, terms=terms, extra_terms=extra_terms_for(rubric), as_of=as_of,
                            limits=options.limits(), licensing_path=lic_path, online=options.online,
                            email=options.email, offline_map=offline_map, offline_base=base, fingerprint=key)


def _read_map(path: Path) -> dict[str, Any]:
    from ..badges.fetch import OfflineMapFetcher

    OfflineMapFetcher.from_file(path)  # one clear error when the map cannot be used
    return dict(json.loads(Path(path).read_text(encoding="utf-8")))
