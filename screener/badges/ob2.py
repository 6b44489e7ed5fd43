"""Open Badges 2.0 verification: hosted assertions (GET the id) and signed assertions (RS256 JWS).

Hosted: the copy at the assertion ``id`` must equal the presented one and be hosted where the issuer allows
(``verification.allowedOrigins``/``startsWith``, else the issuer's host). Signed: the key at
``verification.creator`` must be a ``CryptographicKey`` on the issuer's host whose ``owner`` is the issuer.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from screener.badges import keys, recipient, status
from screener.badges.model import Alignment, BadgeClaims, BadgeFailure, Run, parse_datetime
from screener.badges.ob3 import as_list, check_alg, types_of

OB2_CONTEXTS = {"https://w3id.org/openbadges/v2", "https://openbadgespec.org/v2/context.json"}
OB1_CONTEXTS = {"https://w3id.org/openbadges/v1"}


def _contexts(doc: dict[str, Any]) -> list[str]:
    return [c for c in as_list(doc.get("@context")) if isinstance(c, str)]


def is_ob2(doc: dict[str, Any]) -> bool:
    return any(c in OB2_CONTEXTS for c in _contexts(doc))


def is_ob1(doc: dict[str, Any]) -> bool:
    """Open Badges 0.5/1.0/1.1 assertions: no v2 context, ``uid``/``verify`` (1.x) or ``badge`` + ``recipient``."""
    if any(c in OB1_CONTEXTS for c in _contexts(doc)):
        return True
    if "@context" in doc:
        return False
    if "verification" in doc and "verify" not in doc:
        return False  # an OB2-shaped assertion that lost its @context: malformed, not a legacy badge
    return ("uid" in doc and "verify" in doc) or ("recipient" in doc and "badge" in doc) or "salt" in doc


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def check_structure(doc: dict[str, Any]) -> None:
    """Required Assertion structure (README "malformed"). Raises ``BadgeFailure("malformed")``."""
    if "Assertion" not in types_of(doc.get("type")):
        raise BadgeFailure("malformed", f"type is {doc.get('type')!r}, not Assertion")
    for name in ("id", "recipient", "badge", "verification", "issuedOn"):
        if name not in doc:
            raise BadgeFailure("malformed", f"the assertion has no {name}")
    if not isinstance(doc["id"], str):
        raise BadgeFailure("malformed", "the assertion id is not a string")
    if not isinstance(doc["badge"], (str, dict)):
        raise BadgeFailure("malformed", "badge is neither a URL nor a BadgeClass")
    if not isinstance(doc["verification"], dict):
        raise BadgeFailure("malformed", "verification is not an object")
    recipient.validate_ob2_recipient(doc["recipient"])
    try:
        issued = parse_datetime(doc["issuedOn"])
        expires = parse_datetime(doc["expires"]) if doc.get("expires") is not None else None
    except ValueError as exc:
        raise BadgeFailure("malformed", "issuedOn or expires is not a date") from exc
    if expires is not None and expires < issued:
        raise BadgeFailure("malformed", "inconsistent dates: expires is before issuedOn")


def verification_kind(doc: dict[str, Any]) -> str:
    vtype = {t.lower() for t in types_of(doc["verification"].get("type"))}
    if vtype & {"hosted", "hostedbadge"}:
        return "hosted"
    if vtype & {"signed", "signedbadge"}:
        return "signed"
    raise BadgeFailure("malformed", f"verification type {doc['verification'].get('type')!r} is not hosted or signed")


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def claims_from(doc: dict[str, Any], badge: dict[str, Any] | None, issuer: dict[str, Any] | None) -> BadgeClaims:
    badge = badge or (doc.get("badge") if isinstance(doc.get("badge"), dict) else {}) or {}
    issuer = issuer or (badge.get("issuer") if isinstance(badge.get("issuer"), dict) else {}) or {}
    criteria = badge.get("criteria")
    criteria_text = _text(criteria.get("narrative")) or _text(criteria.get("id")) if isinstance(criteria, dict) else (
        _text(criteria)
    )
    alignments = tuple(
        Alignment(
            target_name=_text(a.get("targetName")) or "",
            target_url=_text(a.get("targetUrl")) or "",
            target_framework=_text(a.get("targetFramework")) or "",
            target_code=_text(a.get("targetCode")) or "",
        )
        for a in as_list(badge.get("alignment"))
        if isinstance(a, dict)
    )
    issuer_id = issuer.get("id") if isinstance(issuer.get("id"), str) else (
        badge.get("issuer") if isinstance(badge.get("issuer"), str) else None
    )
    return BadgeClaims(
        issuer=_text(issuer.get("name")) or issuer_id,
        issuer_url=_text(issuer.get("url")) or issuer_id,
        issuer_id=issuer_id,
        issued_on=str(doc.get("issuedOn")) if doc.get("issuedOn") is not None else None,
        expires=str(doc.get("expires")) if doc.get("expires") is not None else None,
        achievement_name=_text(badge.get("name")),
        achievement_description=_text(badge.get("description")),
        criteria=criteria_text,
        alignments=alignments,
        tags=tuple(t.strip() for t in as_list(badge.get("tags")) if isinstance(t, str) and t.strip()),
    )


def _fetch_linked(run: Run, ref: Any, *, kind: set[str], what: str) -> dict[str, Any]:
    """A BadgeClass or Issuer, embedded or fetched; a fetched one must live on the host it claims."""
    if isinstance(ref, dict):
        obj = ref
    elif isinstance(ref, str):
        fetched = run.get_json(ref, what=what)
        if fetched is None:
            raise BadgeFailure("invalid-signature", f"the {what} {ref} could not be retrieved, so the issuer is unknown")
        obj = fetched
        claimed = obj.get("id")
        if isinstance(claimed, str) and host_of(claimed) != host_of(ref):
            raise BadgeFailure("invalid-signature", f"the {what} served at {ref} claims to be {claimed}")
    else:
        raise BadgeFailure("malformed", f"the {what} reference is neither a URL nor an object")
    if not types_of(obj.get("type")) & kind:
        raise BadgeFailure("invalid-signature", f"the {what} is of type {obj.get('type')!r}, not {'/'.join(kind)}")
    return obj


def resolve_badge_and_issuer(run: Run, doc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    badge = _fetch_linked(run, doc["badge"], kind={"BadgeClass"}, what="BadgeClass")
    if "issuer" not in badge:
        raise BadgeFailure("malformed", "the BadgeClass has no issuer")
    issuer = _fetch_linked(run, badge["issuer"], kind={"Issuer", "Profile"}, what="issuer profile")
    if not isinstance(issuer.get("id"), str):
        raise BadgeFailure("invalid-signature", "the issuer profile has no id")
    run.claims = claims_from(doc, badge, issuer)
    return badge, issuer


def hosting_policy_source(run: Run, badge: dict[str, Any], issuer: dict[str, Any]) -> dict[str, Any]:
    """The issuer profile whose ``verification`` policy may be trusted for a hosted assertion.

    An issuer embedded in the badge is part of what is being checked: its ``allowedOrigins``/``startsWith`` would
    let any host vouch for itself. Only the profile served at the issuer's own id may widen the hosting rule; when
    that cannot be fetched, the plain same-host rule applies.
    """
    if not isinstance(badge.get("issuer"), dict):
        return issuer  # fetched from its own id by _fetch_linked
    issuer_id = issuer["id"]
    if urlsplit(issuer_id).scheme.lower() not in ("http", "https"):
        return {"id": issuer_id}
    published = run.get_json(issuer_id, what="issuer profile")
    if isinstance(published, dict) and published.get("id", issuer_id) == issuer_id:
        return {"id": issuer_id, "verification": published.get("verification")}
    run.note("the embedded issuer profile's verification policy is not used: the profile at its id is not available")
    return {"id": issuer_id}


def check_hosting_allowed(issuer: dict[str, Any], assertion_id: str) -> None:
    """README "OB2 hosted": allowedOrigins/startsWith when the issuer declares them, else the issuer's host."""
    raw = issuer.get("verification")
    verification: dict[str, Any] = raw if isinstance(raw, dict) else {}
    origins = [o.lower() for o in as_list(verification.get("allowedOrigins")) if isinstance(o, str)]
    prefixes = [p for p in as_list(verification.get("startsWith")) if isinstance(p, str)]
    if origins and host_of(assertion_id) not in origins:
        raise BadgeFailure(
            "invalid-signature", f"the assertion is hosted at {host_of(assertion_id)}, not in the issuer's allowedOrigins"
        )
    if prefixes and not any(assertion_id.startswith(p) for p in prefixes):
        raise BadgeFailure(
            "invalid-signature",
            f"the assertion id {assertion_id} is not under the issuer's verification.startsWith {prefixes[0]!r}",
        )
    if not origins and not prefixes and host_of(assertion_id) != host_of(issuer["id"]):
        raise BadgeFailure(
            "invalid-signature",
            f"the assertion is hosted at {host_of(assertion_id) or '?'}, not on the issuer's host "
            f"{host_of(issuer['id']) or '?'}",
        )


def verify_hosted(run: Run, doc: dict[str, Any]) -> None:
    assertion_id = doc["id"]
    if assertion_id.lower().startswith(("urn:", "_:")):
        raise BadgeFailure("invalid-signature", f"hosted assertion id {assertion_id} is not a web address to check")
    response = run.fetch(assertion_id)
    hosted: dict[str, Any] | None = None
    if response is not None and response.status == 200:
        hosted = run.get_json(assertion_id, what="hosted assertion")
        if hosted is None:
            raise BadgeFailure("invalid-signature", f"the hosted assertion at {assertion_id} is not a JSON object")
        if hosted.get("revoked") is True:
            badge, issuer = resolve_badge_and_issuer(run, doc)
            check_hosting_allowed(hosting_policy_source(run, badge, issuer), assertion_id)
            raise BadgeFailure("revoked", f"the issuer's hosted copy at {assertion_id} says revoked")
        if hosted != doc:
            raise BadgeFailure(
                "invalid-signature",
                f"tampered: the presented assertion differs from the issuer's hosted copy at {assertion_id}",
                tampered=True,
            )
    badge, issuer = resolve_badge_and_issuer(run, doc)
    check_hosting_allowed(hosting_policy_source(run, badge, issuer), assertion_id)
    if response is None:
        raise BadgeFailure("invalid-signature", f"the hosted assertion {assertion_id} could not be fetched")
    if response.status == 410:
        raise BadgeFailure("revoked", f"the issuer answers 410 Gone for {assertion_id}: the badge was revoked")
    if response.status != 200:
        raise BadgeFailure(
            "invalid-signature", f"the hosted assertion {assertion_id} answered HTTP {response.status}: not confirmed"
        )
    run.note(f"hosted copy at {assertion_id} matches; hosted where the issuer allows")
    finish(run, doc, issuer)


def verify_signed(run: Run, parts: tuple[dict[str, Any], Any, bytes, bytes]) -> None:
    header, payload, signing_input, signature = parts
    check_alg(header, {"RS256"})
    doc = payload
    _, issuer = resolve_badge_and_issuer(run, doc)
    creators = [doc["verification"].get("creator")] if doc["verification"].get("creator") else as_list(
        issuer.get("publicKey")
    )
    creators = [c for c in creators if isinstance(c, str)]
    if not creators:
        raise BadgeFailure("invalid-signature", "the signed assertion names no key (verification.creator)")
    failure: BadgeFailure | None = None
    for creator in creators:
        try:
            key = _issuer_key(run, creator, issuer)
        except BadgeFailure as exc:
            if exc.verdict == "unsafe-url":
                raise
            failure = failure or exc
            continue
        result = keys.verify_signature(key, "RS256", signing_input, signature)
        if result == "ok":
            run.note(f"RS256 signature verifies with the issuer's key {creator}")
            finish(run, doc, issuer)
            return
        failure = BadgeFailure(
            "invalid-signature",
            f"tampered: the RS256 signature by the issuer's key {creator} does not match the content",
            tampered=True,
        ) if result == "mismatch" else BadgeFailure(
            "invalid-signature", f"the RS256 signature is not valid for the issuer's key {creator}"
        )
    assert failure is not None
    raise failure


def _issuer_key(run: Run, creator: str, issuer: dict[str, Any]) -> keys.PublicKey:
    from screener.badges.urlpolicy import check_url
    from screener.errors import UnsafeURL

    try:
        check_url(creator)  # unsafe-url outranks the host rule (README precedence)
    except UnsafeURL as exc:
        raise BadgeFailure("unsafe-url", f"refused to fetch the signing key {creator}: {exc.message}") from exc
    if host_of(creator) != host_of(issuer["id"]):
        raise BadgeFailure(
            "invalid-signature", f"the signing key {creator} is not on the issuer's host {host_of(issuer['id'])}"
        )
    key_doc = run.get_json(creator, what="signing key")
    if key_doc is None:
        raise BadgeFailure("invalid-signature", f"the signing key {creator} could not be retrieved")
    if "CryptographicKey" not in types_of(key_doc.get("type")):
        raise BadgeFailure("invalid-signature", f"{creator} is not a CryptographicKey")
    if key_doc.get("owner") != issuer["id"]:
        raise BadgeFailure(
            "invalid-signature", f"the signing key {creator} is owned by {key_doc.get('owner')!r}, not the issuer"
        )
    try:
        return keys.key_from_pem(str(key_doc.get("publicKeyPem", "")), creator)
    except keys.KeyError_ as exc:
        raise BadgeFailure("invalid-signature", f"the signing key {creator}: {exc}") from exc


def finish(run: Run, doc: dict[str, Any], issuer: dict[str, Any]) -> None:
    """After authenticity: revocation list, validity window, recipient (precedence order)."""
    status.check_ob2_revocation_list(run, issuer, doc)
    issued = parse_datetime(doc["issuedOn"])
    if doc.get("expires") is not None:
        expires = parse_datetime(doc["expires"])
        if expires < run.now:
            raise BadgeFailure("expired", f"expired on {expires.date().isoformat()}")
    if issued > run.now:
        raise BadgeFailure("expired", f"not valid until {issued.date().isoformat()}")
    recipient.check_ob2_recipient(run, doc["recipient"])


def verify_assertion_json(run: Run, doc: dict[str, Any]) -> None:
    run.format = "OB2-hosted"
    run.claims = claims_from(doc, None, None)
    check_structure(doc)
    if verification_kind(doc) == "signed":
        run.format = "OB2-signed"
        raise BadgeFailure(
            "invalid-signature", "a signed assertion presented without its signature (JWS): nothing vouches for it"
        )
    verify_hosted(run, doc)


def verify_assertion_jws(run: Run, parts: tuple[dict[str, Any], Any, bytes, bytes]) -> None:
    run.format = "OB2-signed"
    doc = parts[1]
    run.claims = claims_from(doc, None, None)
    check_structure(doc)
    if verification_kind(doc) != "signed":
        raise BadgeFailure("malformed", "a JWS-signed assertion must declare verification type signed")
    verify_signed(run, parts)
