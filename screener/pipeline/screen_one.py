"""One résumé, start to finish: bytes + the screening context → a typed ``CandidateResult``.

Pure (same bytes and context, same result) and picklable: it runs in a sandboxed worker (local pool or a Dask
worker), so everything that reads untrusted bytes — ingest, parse, extract, badge files — happens there.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..errors import ScreenerError
from ..models import Document, EducationEntry, Profile, SkillMention
from ..score.model import BadgeSummary, CandidateResult, EquivalencyNote
from ..store.codes import candidate_code
from .context import ScreeningContext

BadgeFile = tuple[str, bytes]  # (file name, bytes)


# ---------------------------------------------------------------- profile


def enrich_education(entries: Sequence[EducationEntry], text: str) -> tuple[EducationEntry, ...]:
    """Fill each entry's country from its own text (institution, location, credential words)."""
    from ..credentials import infer_country

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
    from ..extract import get_extractor
    from ..parse import parse_document

    prof = parse_document(doc, today=as_of)
    skills = get_extractor().extract(doc.text, prof.sections, excluded=doc.excluded_spans,
                                     extra_terms=extra_terms or {})
    return replace(prof, skills=tuple(skills), education=enrich_education(prof.education, doc.text))


def equivalency_notes(profile: Profile) -> list[EquivalencyNote]:
    from ..credentials import lookup_equivalency

    notes = []
    text = profile.document.text
    for e in profile.education:
        if not (e.credential or e.institution):
            continue
        ctx = text[e.span[0]:e.span[1]] if e.span != (0, 0) else ""
        eq = lookup_equivalency(e.credential or e.institution, country=e.country or None, field=e.field,
                                institution=e.institution, context=ctx, kind=e.kind)
        country = eq.country or e.country or ""
        # a bootcamp or course abroad is no foreign credential to evaluate
        foreign = bool(country) and country != "US" and e.kind not in ("bootcamp", "program")
        notes.append(EquivalencyNote(
            credential=e.credential or e.institution, institution=e.institution, country=country,
            us_equivalent=eq.us_equivalent, isced_level=eq.isced_level, contested=eq.contested,
            regulated_profession=eq.regulated_profession,
            licensing_path=tuple(eq.licensing_path) if eq.licensing_path else None,
            sources=tuple(eq.sources), note=eq.note, foreign=foreign, kind=e.kind, in_progress=e.in_progress,
            field=e.field))
    return notes


# ---------------------------------------------------------------- badges


def verify_badges(profile: Profile, files: Sequence[BadgeFile], ctx: ScreeningContext) -> list[BadgeSummary]:
    """Every badge link and badge file of one candidate, verified where the fetch policy and mode allow.

    A link the URL policy refuses is ``unsafe-url`` even offline; other links are fetched only online or when
    the offline map lists them.
    """
    from ..badges.discover import find_badge_links
    from ..badges.urlpolicy import check_url
    from ..errors import UnsafeURL

    fetcher, local = ctx.fetchers()
    email = ctx.email or profile.contact.email or None
    as_of = ctx.as_of
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
        if fetcher is None or (not ctx.online and not local.covers(link.url)):
            out.append(BadgeSummary(link.url, link.platform, "not verified",
                                    ("offline: the badge was not fetched (use --online or an offline map)",),
                                    name=link.anchor_text, counts_as="unverified certification"))
            continue
        from ..badges import verify_badge  # imported only when there is a badge (pyld, cryptography: ~0.1 s)

        out.append(_summary(verify_badge(link.url, fetcher=fetcher, email=email, source=link.url, now=now),
                            link.platform))
    for name, data in files:
        from ..badges import verify_badge

        v = verify_badge(data, fetcher=fetcher or _null_fetcher(), email=email, source=name, now=now)
        out.append(_summary(v, "badge file"))
    return out


def _null_fetcher() -> Any:
    from ..badges.fetch import OfflineMapFetcher

    return OfflineMapFetcher({}, Path("."))


def _summary(v: Any, platform: str) -> BadgeSummary:
    from ..badges.model import BadgeClaims

    counts = {"valid": "verified evidence", "unsupported": "unverified certification"}.get(v.verdict, "no evidence")
    claims = BadgeClaims(issuer=v.issuer, issuer_url=v.issuer_url, issued_on=v.issued_on, expires=v.expires,
                         achievement_name=v.achievement_name, achievement_description=v.achievement_description,
                         criteria=v.criteria, alignments=tuple(v.alignments), tags=tuple(v.tags))
    return BadgeSummary(v.source, platform, v.verdict, tuple(v.reasons), name=v.achievement_name or "",
                        issuer=v.issuer or "", known_issuer=bool(v.known_issuer), counts_as=counts, claims=claims,
                        format=v.format, recipient_checked=bool(v.recipient_checked), tampered=bool(v.tampered),
                        checks_not_done=tuple(v.checks_not_done))


def _norm_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def drop_failed_credentials(profile: Profile, badges: Sequence[BadgeSummary]) -> Profile:
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


def badge_mentions(badges: Sequence[BadgeSummary],
                   extra_terms: dict[str, list[str]]) -> list[tuple[SkillMention, str, str]]:
    """Skills a verified badge attests: its achievement text and its alignments to ESCO/O*NET."""
    from ..extract import get_extractor

    out: list[tuple[SkillMention, str, str]] = []
    for b in badges:
        if b.verdict != "valid":
            continue
        c = b.claims
        quote = f"{b.name} — {b.issuer} (verified badge)"
        text = ". ".join(x for x in (c.achievement_name, c.achievement_description, c.criteria,
                                     ", ".join(c.tags)) if x)
        for m in get_extractor().extract(text, (), extra_terms=extra_terms):
            out.append((replace(m, source="badge", section="badge"), b.source, quote))
        for a in c.alignments:
            name = a.target_name or ""
            url = a.target_url or ""
            if name:
                out.append((SkillMention(name, url or f"alignment:{name}", name, 0, 0, "badge", "badge"),
                            b.source, quote))
                for m in get_extractor().extract(name, (), extra_terms=extra_terms):
                    out.append((replace(m, source="badge", section="badge", start=0, end=0), b.source, quote))
    return out


# ---------------------------------------------------------------- one résumé


def _health_warnings(doc: Document) -> list[str]:
    return [f.message.rstrip(". ") + (f": “{f.excerpt[:80]}”" if f.excerpt else "")
            for f in doc.health if f.severity in ("warning", "error")]


def error_result(key: str, exc: ScreenerError, sha256: str | None) -> CandidateResult:
    """The row of a file that could not be scored."""
    return CandidateResult(file=key, candidate="", overall=None, error=exc.user_message(), error_code=exc.code,
                           candidate_code=candidate_code(sha256, key), document_sha256=sha256 or "")


def score_document(doc: Document, key: str, badge_files: Sequence[BadgeFile], ctx: ScreeningContext) -> \
        CandidateResult:
    from ..score.levels import implausible_roles
    from ..score.scoring import score_candidate

    profile = build_profile(doc, as_of=ctx.as_of, extra_terms=ctx.extra_terms)
    badges = verify_badges(profile, badge_files, ctx)
    profile = drop_failed_credentials(profile, badges)
    warnings = _health_warnings(doc)
    for b in badges:
        if b.failed_verification:
            warnings.append(f"badge {b.name or b.source} failed verification: {b.verdict}"
                            + (f" ({b.reasons[0]})" if b.reasons else ""))
    warnings.extend(implausible_roles(profile.roles, as_of=ctx.as_of))
    name = profile.contact.name or Path(doc.file).stem.replace("_", " ")
    if name.isupper():
        name = name.title()
    result = score_candidate(profile, ctx.rubric, list(ctx.terms), as_of=ctx.as_of, candidate=name,
                             badge_mentions=badge_mentions(badges, ctx.extra_terms), badges=badges,
                             equivalencies=equivalency_notes(profile), licensing_path=ctx.licensing_path,
                             warnings=warnings)
    return replace(result, file=key)


def screen_one(name: str, data: bytes, badge_files: Sequence[BadgeFile], ctx: ScreeningContext,
               key: str = "") -> CandidateResult:
    """Ingest, parse, extract, verify badges and score one file; a file that cannot be read is an error row.
    ``name`` is the file's base name (its suffix tells the format), ``key`` its display name in the batch."""
    from ..ingest import ingest_bytes

    key = key or name
    try:
        doc = ingest_bytes(data, name, limits=ctx.limits)
        result = score_document(doc, key, badge_files, ctx)
    except ScreenerError as exc:
        return error_result(key, exc, hashlib.sha256(data).hexdigest())
    # the document carries the sha256 of these bytes (make_document): hashing them again cost ~0.1 ms a résumé
    return replace(result, candidate_code=candidate_code(doc.sha256, key), document_sha256=doc.sha256)


# ---------------------------------------------------------------- JSON files: résumé or badge?

_BADGE_MARKERS = {"Assertion", "VerifiableCredential", "OpenBadgeCredential", "AchievementCredential",
                  "BlockcertsCredential"}


def classify_json(data: bytes) -> str:
    """"badge" (an Open Badges assertion or credential), "support" (an issuer profile, DID document, key or status
    list: served to the verifier, never a résumé) or "resume". Runs in a worker: the bytes are untrusted."""
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return "resume"
    if not isinstance(obj, dict):
        return "resume"
    kinds = obj.get("type", obj.get("@type", ""))
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "@context" in obj and any(isinstance(k, str) and k in _BADGE_MARKERS for k in kinds):
        return "badge"
    if "@context" in obj or str(obj.get("id", "")).startswith("did:"):
        return "support"
    return "resume"
