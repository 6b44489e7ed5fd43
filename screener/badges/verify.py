"""Entry point of badge verification: sniff the input (JSON, JWT, PNG, SVG, URL), route it, apply precedence.

Usage::

    from screener.badges import verify_file_or_url
    v = verify_file_or_url("badge.png", offline_map=Path("offline-map.json"), email="a@example.com")
    print(v.verdict, v.reasons)

Any readable input gets a verdict; bad badge content never raises. Checks run in the README's precedence order
(malformed → unsupported → unsafe-url → integrity → revoked → expired → recipient-mismatch → valid) and the first
failing one decides.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from screener.badges import baked, ob2, ob3
from screener.badges.issuers import KnownIssuers
from screener.badges.model import BadgeFailure, BadgeVerdict, Run

MAX_INPUT_BYTES = baked.MAX_IMAGE_BYTES
MAX_JSON_BYTES = 1024 * 1024
MAX_JSON_DEPTH = 64
_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S*$")
_AUTHENTIC = {"valid", "expired", "revoked", "recipient-mismatch"}
@functools.cache
def _known_issuers() -> KnownIssuers:
    """The shipped known-issuer list, read once per process."""
    return KnownIssuers.load()


def _is_url(text: str) -> bool:
    return "\n" not in text and len(text) < 8192 and bool(_URL_RE.match(text)) and not text.startswith("{")


def _depth_ok(value: Any) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return True


def parse_json(text: str) -> Any:
    if len(text.encode("utf-8")) > MAX_JSON_BYTES:
        raise BadgeFailure("malformed", f"the badge JSON is larger than {MAX_JSON_BYTES // 1024} KiB")
    try:
        value = ob3.strict_json(text)
    except ob3.DuplicateMember as exc:
        raise BadgeFailure("malformed", f"the badge JSON is ambiguous: {exc}") from exc
    except RecursionError as exc:
        raise BadgeFailure("malformed", "the badge JSON is nested too deeply") from exc
    except ValueError as exc:
        raise BadgeFailure("malformed", f"the badge is not valid JSON: {exc}") from exc
    if not _depth_ok(value):
        raise BadgeFailure("malformed", f"the badge JSON is nested more than {MAX_JSON_DEPTH} levels deep")
    return value


class _Router:
    def __init__(self, run: Run) -> None:
        self.run = run
        self.url_hops = 0

    def from_bytes(self, data: bytes, *, container: str | None = None) -> None:
        if len(data) > MAX_INPUT_BYTES:
            raise BadgeFailure("malformed", f"the file is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB")
        if data.startswith(baked.PNG_SIGNATURE):
            self.run.format = "baked-png"
            payload = baked.extract_png(data)
            self.run.note(f"baked {payload.version_hint} badge found in the PNG")
            return self.from_text(payload.text, baked_in=True)
        head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"<"):
            self.run.format = "baked-svg"
            payload = baked.extract_svg(data)
            self.run.note(f"baked {payload.version_hint} badge found in the SVG")
            return self.from_text(payload.text, baked_in=True)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise BadgeFailure("malformed", "not a badge file (not JSON, JWT, PNG or SVG)") from exc
        return self.from_text(text)

    def from_text(self, text: str, *, baked_in: bool = False) -> None:
        text = text.strip().lstrip("\ufeff").strip()  # a byte-order mark is an encoding artefact, not content
        if text.startswith(("{", "[")):
            doc = parse_json(text)
            return self.from_json(doc, baked_in=baked_in)
        if ob3.looks_like_jwt(text):
            return self.from_jws(text, baked_in=baked_in)
        if _is_url(text):
            return self.from_url(text)
        raise BadgeFailure("malformed", "not a badge: neither JSON, a signed token (JWS/JWT) nor a URL")

    def _set_format(self, fmt: str, baked_in: bool) -> None:
        if baked_in and self.run.format in ("baked-png", "baked-svg"):
            self.run.note(f"the baked badge is {fmt}")
        else:
            self.run.format = fmt

    def from_json(self, doc: Any, *, baked_in: bool = False) -> None:
        if not isinstance(doc, dict):
            raise BadgeFailure("malformed", "the badge JSON is not an object")
        if "EnvelopedVerifiableCredential" in ob3.types_of(doc.get("type")) and isinstance(doc.get("id"), str):
            envelope = doc["id"]
            if envelope.startswith("data:application/vc+jwt,"):
                return self.from_jws(envelope.split(",", 1)[1], baked_in=baked_in)
            raise BadgeFailure("unsupported", "an enveloped credential in a format other than VC-JWT")
        if _is_blockcerts(doc):
            self._set_format("blockcerts", baked_in)
            self.run.claims = ob3.extract_claims(doc) if ob3.looks_like_vc(doc) else ob2.claims_from(doc, None, None)
            raise BadgeFailure(
                "unsupported", "Blockcerts certificate: its blockchain anchor cannot be checked offline (claims unverified)"
            )
        if ob3.looks_like_vc(doc):
            self._set_format("OB3-eddsa", baked_in)
            return ob3.verify_credential(self.run, doc, jwt=None)
        if ob2.is_ob2(doc):
            fmt_before = self.run.format
            try:
                ob2.verify_assertion_json(self.run, doc)
            finally:
                if baked_in and fmt_before in ("baked-png", "baked-svg"):
                    self.run.note(f"the baked badge is {self.run.format}")
                    self.run.format = fmt_before
            return
        if ob2.is_ob1(doc):
            self._set_format("OB1", baked_in)
            self.run.claims = ob2.claims_from(doc, None, None)
            raise BadgeFailure("unsupported", "Open Badges 0.5/1.x assertion: out of scope for an OB2/OB3 verifier")
        if "Assertion" in ob3.types_of(doc.get("type")):
            self._set_format("OB2-hosted", baked_in)
            raise BadgeFailure("malformed", "an Assertion without the Open Badges 2.0 @context")
        raise BadgeFailure("malformed", "not an Open Badge: no Open Badges or Verifiable Credential @context/type")

    def from_jws(self, token: str, *, baked_in: bool = False) -> None:
        parts = ob3.parse_jws(token)
        payload = parts[1]
        if not isinstance(payload, dict):
            raise BadgeFailure("malformed", "the signed token's payload is not a JSON object")
        if isinstance(payload.get("vc"), dict) or ob3.looks_like_vc(payload):
            self._set_format("OB3-jwt", baked_in)
            credential = _credential_with_jwt_claims(ob3.credential_from_jwt_payload(payload), payload)
            if _is_blockcerts(credential):
                raise BadgeFailure("unsupported", "Blockcerts certificate in a JWT: not verifiable offline")
            return ob3.verify_credential(self.run, credential, jwt=parts)
        if ob2.is_ob2(payload):
            fmt_before = self.run.format
            try:
                ob2.verify_assertion_jws(self.run, parts)
            finally:
                if baked_in and fmt_before in ("baked-png", "baked-svg"):
                    self.run.format = fmt_before
            return
        if ob2.is_ob1(payload):
            self._set_format("OB1", baked_in)
            raise BadgeFailure("unsupported", "a signed Open Badges 1.x assertion: out of scope")
        raise BadgeFailure("malformed", "the signed token holds neither an Open Badge nor a verifiable credential")

    def from_url(self, url: str) -> None:
        self.url_hops += 1
        if self.url_hops > 2:
            raise BadgeFailure("malformed", "the badge points to another URL more than twice")
        if self.run.format == "unknown":
            self.run.format = "url"
        response = self.run.fetch(url)  # URL policy first: unsafe-url before anything is sent
        if response is None:  # the fetch failed; its reason (e.g. "timed out: …") is the last note about this URL
            prefix = f"could not fetch {url}: "
            why = next((n[len(prefix):] for n in reversed(self.run.not_done) if n.startswith(prefix)), "")
            raise BadgeFailure("invalid-signature", f"the badge at {url} could not be retrieved"
                               + (f" ({why})" if why else ""))
        if response.status == 410:
            raise BadgeFailure("revoked", f"{url} answers 410 Gone: the badge was revoked")
        if response.status != 200:
            raise BadgeFailure("invalid-signature", f"the badge at {url} answered HTTP {response.status}")
        fmt = self.run.format
        self.run.format = "unknown"
        try:
            self.from_bytes(response.body)
        finally:
            if fmt not in ("url", "unknown"):
                self.run.format = fmt


def _credential_with_jwt_claims(credential: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    """VC-JWT 1.1 decoding: a ``vc`` claim may leave issuer/id to ``iss``/``jti`` (the signed claims)."""
    if credential is payload:
        return credential
    filled = dict(credential)
    if "issuer" not in filled and isinstance(payload.get("iss"), str):
        filled["issuer"] = payload["iss"]
    if "id" not in filled and isinstance(payload.get("jti"), str):
        filled["id"] = payload["jti"]
    return filled


def _is_blockcerts(doc: dict[str, Any]) -> bool:
    ctx = [c for c in ob3.as_list(doc.get("@context")) if isinstance(c, str)]
    if any("blockcerts" in c.lower() for c in ctx) or "BlockcertsCredential" in ob3.types_of(doc.get("type")):
        return True
    for proof in ob3.as_list(doc.get("proof")) + ob3.as_list(doc.get("signature")):
        if isinstance(proof, dict) and any(t.startswith("MerkleProof") for t in ob3.types_of(proof.get("type"))):
            return True
    return False


def verify_badge(
    data: bytes | str,
    *,
    fetcher: Any,
    email: str | None = None,
    source: str = "",
    now: datetime | None = None,
    known_issuers: KnownIssuers | None = None,
) -> BadgeVerdict:
    """Verify one badge: file bytes (JSON, JWT, PNG, SVG) or a URL string. Never raises for bad content."""
    moment = now or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    run = Run(fetcher=fetcher, now=moment, email=email.strip() if email and email.strip() else None)
    router = _Router(run)
    tampered = False
    try:
        if isinstance(data, str):
            text = data.strip()
            if _is_url(text):
                router.from_url(text)
            else:
                router.from_text(text)
        else:
            router.from_bytes(bytes(data))
        verdict = "valid"
    except BadgeFailure as failure:
        verdict = failure.verdict
        tampered = failure.tampered
        run.reasons.insert(0, failure.reason)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError, OverflowError) as exc:
        # A badge shaped in a way no check anticipated is still bad content, not a crash of the screener.
        verdict = "malformed"
        run.reasons.insert(0, f"the badge could not be processed safely ({type(exc).__name__})")
    if not run.email:
        run.skip("recipient not checked: no applicant email was given")
    claims = run.claims
    registry = known_issuers if known_issuers is not None else _known_issuers()
    match = registry.match(claims.issuer_id)
    known = False
    if match is not None:
        if verdict in _AUTHENTIC and match.kind == "organisation":
            known = True
            run.note(f"known issuer: {match.name}")
        elif verdict in _AUTHENTIC:
            run.note(f"issued through {match.name} (a badge platform; the issuing organisation is not vetted)")
        else:
            run.note(f"claims to come from {match.name}, but that is not verified")
    return BadgeVerdict(
        verdict=verdict,  # type: ignore[arg-type]
        reasons=tuple(run.reasons),
        format=run.format,
        issuer=claims.issuer,
        issuer_url=claims.issuer_url,
        known_issuer=known,
        issued_on=claims.issued_on,
        expires=claims.expires,
        achievement_name=claims.achievement_name,
        achievement_description=claims.achievement_description,
        criteria=claims.criteria,
        alignments=claims.alignments,
        tags=claims.tags,
        recipient_checked=run.recipient_checked and verdict in ("valid", "recipient-mismatch"),
        source=source,
        tampered=tampered,
        checks_not_done=tuple(run.not_done),
    )


def verify_file_or_url(
    target: str,
    *,
    offline_map: Path | None = None,
    email: str | None = None,
    fetcher: Any | None = None,
    now: datetime | None = None,
) -> BadgeVerdict:
    """Used by ``python -m screener badge verify``: a file path or a URL; offline map ⇒ no network at all."""
    from screener.badges.fetch import CachingFetcher, HttpFetcher, OfflineMapFetcher

    if fetcher is None:
        if offline_map is not None:
            fetcher = CachingFetcher(OfflineMapFetcher.from_file(Path(offline_map)))
        else:
            fetcher = CachingFetcher(HttpFetcher())
    path = Path(target)
    if "://" not in target and path.is_file():
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)  # an oversized file is judged on its first bytes + size
        return verify_badge(data, fetcher=fetcher, email=email, source=path.name, now=now)
    return verify_badge(target, fetcher=fetcher, email=email, source=target, now=now)
