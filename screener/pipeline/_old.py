"""Wires the stages: files → ingest → parse → extract → badges/credentials → evidence → score → ranked results.

Usage::

    from screener import load_rubric, screen
    run = screen(load_rubric("rubrics/software-engineer.yaml"), ["sample_data/"])
    for r in run.results: print(r.overall, r.candidate)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from .errors import DocumentError, FileTooLarge, ScreenerError
from .models import Document, EducationEntry, Profile, SkillMention

#: Résumé formats the screener reads.
RESUME_SUFFIXES = {".pdf", ".docx", ".doc", ".txt", ".json"}
#: Files that may carry a badge (baked images, JWTs, JSON assertions/credentials).
BADGE_SUFFIXES = {".png", ".svg", ".jwt", ".jws", ".json"}
#: Names in a folder that are never résumés.
_SKIP_NAMES = re.compile(r"^(readme|licen[cs]e|changelog|offline-map|.*\.map)(\..*)?$", re.IGNORECASE)

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class InputFile:
    """One file handed to the screener: its bytes, or the error that stopped us reading it."""

    name: str
    data: bytes | None
    path: str = ""
    error: DocumentError | None = None


@dataclass(frozen=True)
class ScreenOptions:
    as_of: date | None = None  # "today" for years and badge dates; fixed in tests for byte-identical output
    offline_map: Path | None = None  # URL → file map for badge verification without network
    online: bool = False  # fetch badge URLs from the network (SSRF-safe fetcher)
    sandbox: bool = True  # parse each file in a worker process with time and memory limits
    workers: int | None = None
    max_bytes: int = 10 * 1024 * 1024
    email: str | None = None  # applicant e-mail for badge recipient checks (else the résumé's)


@dataclass
class ScreeningRun:
    rubric_role: str
    rubric_fingerprint: str
    as_of: date
    results: list[Any]  # CandidateResult, ranked: best first, ties by file name, unreadable files last
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- inputs


def _is_badge_json(data: bytes) -> bool:
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    if not isinstance(obj, dict):
        return False
    kinds = obj.get("type", obj.get("@type", ""))
    kinds = kinds if isinstance(kinds, list) else [kinds]
    markers = {"Assertion", "VerifiableCredential", "OpenBadgeCredential", "AchievementCredential", "BlockcertsCredential"}
    return "@context" in obj and any(isinstance(k, str) and k in markers for k in kinds)


def _is_linked_data_support(data: bytes) -> bool:
    """An issuer profile, DID document, key or status list: served to the verifier, never a résumé."""
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(obj, dict) and ("@context" in obj or str(obj.get("id", "")).startswith("did:")) \
        and not _is_badge_json(data)


def read_inputs(paths: Iterable[str | Path | tuple[str, bytes]], *, max_bytes: int) -> list[InputFile]:
    """Expand folders (their supported files, recursively) and read files; a file we cannot read is an error row."""
    out: list[InputFile] = []
    for p in paths:
        if isinstance(p, tuple):
            name, data = p
            if len(data) > max_bytes:
                out.append(InputFile(name, None, error=_too_large(name, len(data), max_bytes)))
            else:
                out.append(InputFile(name, data))
            continue
        path = Path(p)
        if path.is_dir():
            for q in sorted(path.rglob("*")):
                if q.is_file() and not q.name.startswith(".") and not _SKIP_NAMES.match(q.name) \
                        and q.suffix.lower() in RESUME_SUFFIXES | BADGE_SUFFIXES:
                    f = _read_one(q, max_bytes)
                    if q.suffix.lower() == ".json" and f.data is not None and _is_linked_data_support(f.data):
                        continue
                    out.append(f)
        elif path.exists():
            out.append(_read_one(path, max_bytes))
        else:
            out.append(InputFile(path.name, None, str(path), DocumentError("file not found", file=path.name)))
    return out


def _too_large(name: str, size: int, cap: int) -> FileTooLarge:
    return FileTooLarge(f"file is {size / 1048576:.1f} MB, over the {cap / 1048576:.0f} MB limit", file=name)


def _read_one(path: Path, max_bytes: int) -> InputFile:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputFile(path.name, None, str(path), _too_large(path.name, size, max_bytes))
        return InputFile(path.name, path.read_bytes(), str(path))
    except OSError as exc:
        return InputFile(path.name, None, str(path), DocumentError(f"cannot read the file ({exc.strerror})",
                                                                    file=path.name))


def split_badge_files(files: Sequence[InputFile]) -> tuple[list[InputFile], list[InputFile]]:
    """Separate résumés from badge files (images, JWTs, badge JSON) uploaded beside them."""
    resumes: list[InputFile] = []
    badges: list[InputFile] = []
    for f in files:
        suffix = Path(f.name).suffix.lower()
        if f.data is not None and (suffix in {".png", ".svg", ".jwt", ".jws"}
                                   or (suffix == ".json" and _is_badge_json(f.data))):
            badges.append(f)
        else:
            resumes.append(f)
    return resumes, badges


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\W_]+", Path(name).stem.casefold()) if t]


def attach_badge_files(resumes: Sequence[InputFile], badges: Sequence[InputFile]) -> dict[str, list[InputFile]]:
    """A badge file belongs to the résumé whose file name shares the longest leading words with it (≥ 2 words,
    or the résumé's whole name). ``"priya_raman_kubernetes.png"`` → ``"priya_raman_software_engineer.pdf"``."""
    out: dict[str, list[InputFile]] = {}
    for b in badges:
        bt = _tokens(b.name)
        best: tuple[int, str] | None = None
        tie = False
        for r in resumes:
            rt = _tokens(r.name)
            n = 0
            while n < min(len(bt), len(rt)) and bt[n] == rt[n]:
                n += 1
            if n >= 2 or (n and n == len(rt)):
                if best is None or n > best[0]:
                    best, tie = (n, r.name), False
                elif n == best[0]:
                    tie = True
        if best is not None and not tie:
            out.setdefault(best[1], []).append(b)
        elif len(resumes) == 1:
            # One résumé in the batch: every badge uploaded beside it is its candidate's.
            out.setdefault(resumes[0].name, []).append(b)
        else:
            out.setdefault("", []).append(b)
    return out


# ---------------------------------------------------------------- profile


def enrich_education(entries: Sequence[EducationEntry], text: str) -> tuple[EducationEntry, ...]:
    """Fill each entry's country from its own text (institution, location, credential words)."""
    from .credentials import infer_country

    out = []
    for e in entries:
        if not e.country:
            entry_text = text[e.span[0]:e.span[1]] if e.span != (0, 0) else f"{e.credential} {e.institution}"
            cc = infer_country(entry_text, institution=e.institution)
            if cc:
                e = replace(e, country=cc)
        out.append(e)
    return tuple(out)


def build_profile(doc: Document, *, as_of: date, extra_terms: dict[str, list[str]] | None = None) -> Profile:
    """Parse a document and extract its skills (with a rubric's extra terms, when given)."""
    from .extract import get_extractor
    from .parse import parse_document

    prof = parse_document(doc, today=as_of)
    skills = get_extractor().extract(doc.text, prof.sections, excluded=doc.excluded_spans,
                                     extra_terms=extra_terms or {})
    return replace(prof, skills=tuple(skills), education=enrich_education(prof.education, doc.text))


# ---------------------------------------------------------------- credentials


def equivalency_notes(profile: Profile) -> list[Any]:
    from .credentials import lookup_equivalency
    from .score.model import EquivalencyNote

    notes = []
    text = profile.document.text
    for e in profile.education:
        if not (e.credential or e.institution):
            continue
        ctx = text[e.span[0]:e.span[1]] if e.span != (0, 0) else ""
        eq = lookup_equivalency(e.credential or e.institution, country=e.country or None, field=e.field,
                                institution=e.institution, context=ctx)
        country = eq.country or e.country or ""
        notes.append(EquivalencyNote(
            credential=e.credential or e.institution, institution=e.institution, country=country,
            us_equivalent=eq.us_equivalent, isced_level=eq.isced_level, contested=eq.contested,
            regulated_profession=eq.regulated_profession,
            licensing_path=tuple(eq.licensing_path) if eq.licensing_path else None,
            sources=tuple(eq.sources), note=eq.note, foreign=bool(country) and country != "US"))
    return notes


# ---------------------------------------------------------------- badges


def _fetchers(options: ScreenOptions) -> tuple[Any, Any]:
    """(the fetcher badges are verified with or None, the offline map's own fetcher or None)."""
    from .badges.fetch import CachingFetcher, HttpFetcher, LayeredFetcher, OfflineMapFetcher

    local = OfflineMapFetcher.from_file(options.offline_map) if options.offline_map is not None else None
    if options.online:
        return CachingFetcher(LayeredFetcher(local, HttpFetcher()) if local else HttpFetcher()), local
    return (CachingFetcher(local) if local else None), local


def verify_badges(profile: Profile, files: Sequence[InputFile], *, options: ScreenOptions, as_of: date,
                  fetcher: Any, local: Any) -> list[Any]:
    """Every badge link and badge file of one candidate, verified where the fetch policy and mode allow.

    A link the URL policy refuses is ``unsafe-url`` even offline; other links are fetched only online or when
    the offline map lists them.
    """
    from .badges import verify_badge
    from .badges.discover import find_badge_links
    from .badges.urlpolicy import check_url
    from .errors import UnsafeURL
    from .score.model import BadgeSummary

    email = options.email or profile.contact.email or None
    now = datetime(as_of.year, as_of.month, as_of.day, 12, tzinfo=UTC)
    out: list[BadgeSummary] = []
    for link in find_badge_links(profile.document.text, profile.document.links):
        try:
            check_url(link.url)
        except UnsafeURL as exc:
            out.append(BadgeSummary(link.url, link.platform, "unsafe-url", (exc.message,), name=link.anchor_text,
                                    counts_as="no evidence"))
            continue
        if not link.machine_verifiable:
            out.append(BadgeSummary(link.url, link.platform, "not verified",
                                    (f"{link.platform} certificate pages cannot be checked by machine; open the "
                                     "link to check it",), name=link.anchor_text, counts_as="unverified certification"))
            continue
        if fetcher is None or (not options.online and not local.covers(link.url)):
            out.append(BadgeSummary(link.url, link.platform, "not verified",
                                    ("offline: the badge was not fetched (use --online or an offline map)",),
                                    name=link.anchor_text, counts_as="unverified certification"))
            continue
        out.append(_summary(verify_badge(link.url, fetcher=fetcher, email=email, source=link.url, now=now),
                            link.platform))
    for f in files:
        assert f.data is not None
        v = verify_badge(f.data, fetcher=fetcher or _null_fetcher(), email=email, source=f.name, now=now)
        out.append(_summary(v, "badge file"))
    return out


def _null_fetcher() -> Any:
    from .badges.fetch import OfflineMapFetcher

    return OfflineMapFetcher({}, Path("."))


def _summary(v: Any, platform: str) -> Any:
    from .score.model import BadgeSummary

    counts = {"valid": "verified evidence", "unsupported": "unverified certification"}.get(v.verdict, "no evidence")
    return BadgeSummary(v.source, platform, v.verdict, tuple(v.reasons), name=v.achievement_name or "",
                        issuer=v.issuer or "", known_issuer=bool(v.known_issuer), counts_as=counts,
                        details=v.to_json())


def _norm_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def drop_failed_credentials(profile: Profile, badges: Sequence[Any]) -> Profile:
    """Skills quoted from a certification entry whose badge failed verification are not evidence.

    An entry is the failed badge's when it links to the badge's URL or names its achievement.
    """
    failed = [b for b in badges if b.failed_verification]
    if not failed:
        return profile
    spans = []
    for c in profile.certifications:
        if c.span == (0, 0):
            continue
        for b in failed:
            same_url = bool(c.url) and c.url.rstrip("/") == b.source.rstrip("/")
            same_name = bool(b.name) and _norm_words(b.name) in _norm_words(c.name) if c.name else False
            in_span = b.source in profile.document.text[c.span[0]:c.span[1]]
            if same_url or same_name or in_span:
                spans.append(c.span)
                break
    if not spans:
        return profile
    kept = tuple(m for m in profile.skills if not any(s <= m.start < e for s, e in spans))
    return replace(profile, skills=kept)


def badge_mentions(badges: Sequence[Any], extra_terms: dict[str, list[str]]) -> list[tuple[SkillMention, str, str]]:
    """Skills a verified badge attests: its achievement text and its alignments to ESCO/O*NET."""
    from .extract import get_extractor

    out: list[tuple[SkillMention, str, str]] = []
    for b in badges:
        if b.verdict != "valid":
            continue
        d = b.details
        quote = f"{b.name} — {b.issuer} (verified badge)"
        text = ". ".join(x for x in (d.get("achievement_name"), d.get("achievement_description"), d.get("criteria"),
                                     ", ".join(d.get("tags") or [])) if x)
        for m in get_extractor().extract(text, (), extra_terms=extra_terms):
            out.append((replace(m, source="badge", section="badge"), b.source, quote))
        for a in d.get("alignments") or []:
            name = a.get("target_name") or ""
            url = a.get("target_url") or ""
            if name:
                out.append((SkillMention(name, url or f"alignment:{name}", name, 0, 0, "badge", "badge"),
                            b.source, quote))
                for m in get_extractor().extract(name, (), extra_terms=extra_terms):
                    out.append((replace(m, source="badge", section="badge", start=0, end=0), b.source, quote))
    return out


# ---------------------------------------------------------------- screen


def _health_warnings(doc: Document) -> list[str]:
    return [f.message.rstrip(". ") + (f": “{f.excerpt[:80]}”" if f.excerpt else "")
            for f in doc.health if f.severity in ("warning", "error")]


def ingest_stream(files: Sequence[InputFile], *, options: ScreenOptions) -> Iterator[tuple[int, Document | DocumentError]]:
    """(index, Document or error) for every file, as soon as each is read: the caller scores one résumé while the
    sandbox workers read the next ones. Files that could not even be read come first."""
    from .ingest import Limits, ingest_bytes

    limits = Limits(max_bytes=options.max_bytes)
    todo = [(i, f) for i, f in enumerate(files) if f.data is not None]
    for i, f in enumerate(files):
        if f.data is None:
            yield i, f.error or DocumentError("not read", file=f.name)
    if not todo:
        return
    if not options.sandbox:
        for i, f in todo:
            try:
                yield i, ingest_bytes(f.data or b"", f.name, limits=limits)
            except DocumentError as exc:
                yield i, exc
        return
    from .ingest.sandbox import IngestPool

    with IngestPool(options.workers, limits=limits) as pool:
        for k, result in pool.ingest_many([(f.name, f.data or b"") for _, f in todo]):
            yield todo[k][0], result


def screen(
    rubric: Any,
    inputs: Iterable[str | Path | tuple[str, bytes]],
    *,
    options: ScreenOptions | None = None,
    progress: Progress | None = None,
) -> ScreeningRun:
    """Screen every input against the rubric. Unreadable files become error rows; the rest are scored."""
    from .credentials import licensing_for_profession
    from .extract import get_extractor
    from .score.evidence import competency_terms, extra_terms_for
    from .score.model import CandidateResult

    options = options or ScreenOptions()
    as_of = options.as_of or date.today()
    files = read_inputs(inputs, max_bytes=options.max_bytes)
    resumes, badge_files = split_badge_files(files)
    attached = attach_badge_files(resumes, badge_files)
    total = len(resumes)
    if progress:
        progress(0, total, "reading files")
    extractor = get_extractor()
    extra = extra_terms_for(rubric)
    terms = [competency_terms(c, extractor) for c in rubric.competencies]
    fetcher, local = _fetchers(options)
    lic_path: tuple[str, ...] = ()
    if rubric.licence is not None:
        lp = licensing_for_profession(rubric.licence.profession or rubric.licence.name)
        lic_path = tuple(lp.steps) if lp else ()
    results: list[CandidateResult] = []
    for n, (i, doc) in enumerate(ingest_stream(resumes, options=options), start=1):
        f = resumes[i]
        if isinstance(doc, ScreenerError):
            results.append(CandidateResult(file=f.name, candidate="", overall=None, error=doc.user_message(),
                                           error_code=doc.code))
        else:
            try:
                results.append(_score_one(doc, f, rubric, terms, extra, attached.get(f.name, []), options, as_of,
                                          fetcher, local, lic_path))
            except ScreenerError as exc:
                results.append(CandidateResult(file=f.name, candidate="", overall=None, error=exc.user_message(),
                                               error_code=exc.code))
        if progress:
            progress(n, total, f.name)
    notes = [f"badge file {b.name} was not matched to a résumé by its name; name it after the résumé"
             for b in attached.get("", [])]
    if rubric.licence is None:
        from .credentials import detect_regulated_profession

        profession = detect_regulated_profession(f"{rubric.role} {rubric.description}")
        path = licensing_for_profession(profession) if profession else None
        if path is not None:
            notes.append(f"{rubric.role}: {path.profession} is a regulated profession in the U.S.; the rubric "
                         f"marks no licence. Licensing path: " + " → ".join(path.steps))
    return ScreeningRun(rubric.role, rubric.fingerprint(), as_of, rank(results), notes)


def _score_one(doc: Document, f: InputFile, rubric: Any, terms: list[Any], extra: dict[str, list[str]],
               badge_files: list[InputFile], options: ScreenOptions, as_of: date, fetcher: Any,
               local: Any, lic_path: tuple[str, ...]) -> Any:
    from .score.scoring import score_candidate

    profile = build_profile(doc, as_of=as_of, extra_terms=extra)
    badges = verify_badges(profile, badge_files, options=options, as_of=as_of, fetcher=fetcher, local=local)
    profile = drop_failed_credentials(profile, badges)
    warnings = _health_warnings(doc)
    for b in badges:
        if b.failed_verification:
            warnings.append(f"badge {b.name or b.source} failed verification: {b.verdict}"
                            + (f" ({b.reasons[0]})" if b.reasons else ""))
    name = profile.contact.name or Path(f.name).stem.replace("_", " ")
    if name.isupper():
        name = name.title()
    return score_candidate(profile, rubric, terms, as_of=as_of, candidate=name,
                           badge_mentions=badge_mentions(badges, extra), badges=badges,
                           equivalencies=equivalency_notes(profile), licensing_path=lic_path,
                           warnings=warnings)


def rank(results: Sequence[Any]) -> list[Any]:
    """Best first; equal scores by depth of evidence beyond the requirement, then by file name (never at random);
    unreadable files last, by name."""
    scored = sorted((r for r in results if r.overall is not None), key=lambda r: (-r.overall, -r.depth, r.file))
    failed = sorted((r for r in results if r.overall is None), key=lambda r: r.file)
    return [*scored, *failed]
