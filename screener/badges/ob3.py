"""Open Badges 3.0 (W3C Verifiable Credential) verification: VC-JWT and Data Integrity proofs.

Supported proofs: VC-JWT with EdDSA/RS256/ES256; ``DataIntegrityProof`` with cryptosuite ``eddsa-rdfc-2022``;
the legacy ``Ed25519Signature2020``. Both Data Integrity suites sign
``sha256(canonical proof configuration) || sha256(canonical document)`` (RDFC-1.0 N-Quads).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from screener.badges import jsonld, keys, recipient, status
from screener.badges.model import Alignment, BadgeClaims, BadgeFailure, Run, parse_datetime

VC_V1 = "https://www.w3.org/2018/credentials/v1"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB3_TYPES = {"OpenBadgeCredential", "AchievementCredential"}
JWT_ALGS = {"EdDSA", "RS256", "ES256"}
MAX_JWT_CHARS = 512 * 1024
_CLOCK_SKEW = timedelta(days=1)  # a signer's clock is not ours; dev dates are years away from today anyway


def as_list(value: Any) -> list[Any]:
    return status.as_list(value)


def types_of(value: Any) -> set[str]:
    return {t for t in as_list(value) if isinstance(t, str)}


def _contexts(doc: dict[str, Any]) -> list[Any]:
    return as_list(doc.get("@context"))


def _proof_kind(proof: Any) -> str:
    """``"eddsa-rdfc-2022"``, ``"Ed25519Signature2020"`` or a description of an unsupported proof."""
    if not isinstance(proof, dict):
        return "unsupported:not an object"
    ptypes = types_of(proof.get("type"))
    if "DataIntegrityProof" in ptypes:
        suite = proof.get("cryptosuite")
        return "eddsa-rdfc-2022" if suite == "eddsa-rdfc-2022" else f"unsupported:DataIntegrityProof {suite}"
    if "Ed25519Signature2020" in ptypes:
        return "Ed25519Signature2020"
    return f"unsupported:{'/'.join(sorted(ptypes)) or 'untyped proof'}"


def looks_like_vc(doc: dict[str, Any]) -> bool:
    ctx = [c for c in _contexts(doc) if isinstance(c, str)]
    return (
        "VerifiableCredential" in types_of(doc.get("type"))
        or bool(types_of(doc.get("type")) & OB3_TYPES)
        or any(c in (VC_V1, VC_V2) for c in ctx)
    )


def classify(doc: dict[str, Any]) -> None:
    """Decide the declared kind first (README precedence): raise ``unsupported`` for what we do not verify."""
    ctx = [c for c in _contexts(doc) if isinstance(c, str)]
    dtypes = types_of(doc.get("type"))
    proof_types = {t for p in as_list(doc.get("proof")) if isinstance(p, dict) for t in types_of(p.get("type"))}
    if any("blockcerts" in c.lower() for c in ctx) or "BlockcertsCredential" in dtypes or any(
        t.startswith("MerkleProof") for t in proof_types
    ):
        raise BadgeFailure(
            "unsupported", "Blockcerts credential: its blockchain anchor (MerkleProof) cannot be checked offline"
        )
    if dtypes & {"ClrCredential", "ClrCredentialV2"} or any("/clr/" in c.lower() for c in ctx):
        raise BadgeFailure("unsupported", "CLR (Comprehensive Learner Record) wrapper: not verified as a badge")
    issuer_id = _issuer_id(doc)
    if isinstance(issuer_id, str) and issuer_id.startswith("did:velocity"):
        raise BadgeFailure("unsupported", "did:velocity issuer: the Velocity network cannot be resolved offline")
    if not dtypes & OB3_TYPES:
        if "EndorsementCredential" in dtypes:
            raise BadgeFailure("unsupported", "an Open Badges endorsement credential, not a badge award")
        raise BadgeFailure(
            "unsupported",
            f"a W3C verifiable credential of type {sorted(dtypes) or '?'}, not an Open Badge (OpenBadgeCredential)",
        )
    proofs = as_list(doc.get("proof"))
    if proofs and all(_proof_kind(p).startswith("unsupported:") for p in proofs):
        kinds = ", ".join(_proof_kind(p).split(":", 1)[1] for p in proofs)
        raise BadgeFailure("unsupported", f"proof type {kinds} is not supported by this verifier")


def _issuer_id(doc: dict[str, Any]) -> Any:
    issuer = doc.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def check_structure(doc: dict[str, Any]) -> str:
    """Required structure of an OB3 credential; returns the issuer id. Raises ``malformed``."""
    ctx = _contexts(doc)
    if not ctx or ctx[0] not in (VC_V1, VC_V2):
        raise BadgeFailure(
            "malformed", f"the first @context must be the VC base context ({VC_V2} or {VC_V1}); it is missing"
        )
    if "VerifiableCredential" not in types_of(doc.get("type")):
        raise BadgeFailure("malformed", "type does not include VerifiableCredential")
    issuer_id = _issuer_id(doc)
    if not isinstance(issuer_id, str) or not issuer_id:
        raise BadgeFailure("malformed", "the credential has no issuer id")
    subject = doc.get("credentialSubject")
    if not isinstance(subject, (dict, list)) or not subject:
        raise BadgeFailure("malformed", "the credential has no credentialSubject")
    start = _date(doc, "validFrom") or _date(doc, "issuanceDate")
    end = _date(doc, "validUntil") or _date(doc, "expirationDate")
    if start and end and end < start:
        raise BadgeFailure("malformed", "inconsistent dates: the credential ends before it starts")
    return issuer_id


def _date(doc: dict[str, Any], name: str) -> datetime | None:
    value = doc.get(name)
    if value is None:
        return None
    try:
        return parse_datetime(value)
    except ValueError as exc:
        raise BadgeFailure("malformed", f"{name} is not a date: {value!r}") from exc


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):  # language maps / value objects
        for key in ("@value", "en", "en-US"):
            if isinstance(value.get(key), str):
                return value[key]
    return None


def _subject(doc: dict[str, Any]) -> dict[str, Any]:
    subject = doc.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    return subject if isinstance(subject, dict) else {}


def extract_claims(doc: dict[str, Any]) -> BadgeClaims:
    """The claims a hiring manager sees (issuer, achievement, alignments, tags), read defensively."""
    issuer = doc.get("issuer")
    issuer_obj = issuer if isinstance(issuer, dict) else {}
    achievement = _subject(doc).get("achievement")
    achievement = achievement if isinstance(achievement, dict) else {}
    criteria = achievement.get("criteria")
    criteria_text = None
    if isinstance(criteria, dict):
        criteria_text = _text(criteria.get("narrative")) or _text(criteria.get("id"))
    elif isinstance(criteria, str):
        criteria_text = criteria
    alignments = []
    for item in as_list(achievement.get("alignment")):
        if isinstance(item, dict):
            alignments.append(
                Alignment(
                    target_name=_text(item.get("targetName")) or "",
                    target_url=_text(item.get("targetUrl")) or "",
                    target_framework=_text(item.get("targetFramework")) or "",
                    target_code=_text(item.get("targetCode")) or "",
                )
            )
    tags = tuple(t.strip() for t in as_list(achievement.get("tag")) if isinstance(t, str) and t.strip())
    issued = doc.get("validFrom") or doc.get("issuanceDate") or doc.get("awardedDate")
    expires = doc.get("validUntil") or doc.get("expirationDate")
    issuer_id = _issuer_id(doc)
    return BadgeClaims(
        issuer=_text(issuer_obj.get("name")) or (issuer_id if isinstance(issuer_id, str) else None),
        issuer_url=_text(issuer_obj.get("url")) or (issuer_id if isinstance(issuer_id, str) else None),
        issuer_id=issuer_id if isinstance(issuer_id, str) else None,
        issued_on=issued if isinstance(issued, str) else None,
        expires=expires if isinstance(expires, str) else None,
        achievement_name=_text(achievement.get("name")) or _text(doc.get("name")),
        achievement_description=_text(achievement.get("description")) or _text(doc.get("description")),
        criteria=criteria_text,
        alignments=tuple(alignments),
        tags=tags,
    )


# --- Data Integrity ---------------------------------------------------------------------------------------------


def _canonize(value: dict[str, Any], what: str) -> str:
    try:
        return jsonld.canonize(value)
    except jsonld.UnknownContext as exc:
        raise BadgeFailure(
            "malformed", f"{what} uses JSON-LD context {exc.url}, which is not shipped: cannot canonicalise the proof"
        ) from exc
    except jsonld.CanonicalisationError as exc:
        raise BadgeFailure("malformed", f"{what} is not valid JSON-LD: {exc}") from exc


def prepare_data_integrity(doc: dict[str, Any], what: str = "the credential") -> tuple[str, list[dict[str, Any]]]:
    """Canonical document (without proofs) and the supported proofs; structural problems ⇒ malformed."""
    unknown = jsonld.unknown_contexts(doc)
    if unknown:
        raise BadgeFailure(
            "malformed", f"{what} uses JSON-LD context {unknown[0]}, which is not shipped: cannot canonicalise"
        )
    unsecured = {k: v for k, v in doc.items() if k != "proof"}
    canonical = _canonize(unsecured, what)
    proofs = [p for p in as_list(doc.get("proof")) if not _proof_kind(p).startswith("unsupported:")]
    return canonical, proofs


def verify_data_integrity(
    run: Run, doc: dict[str, Any], issuer_id: str, canonical_doc: str, proofs: list[dict[str, Any]]
) -> list[tuple[datetime | None, datetime | None]]:
    """Every supported proof must verify with a key the issuer lists. Raises ``BadgeFailure`` otherwise.

    Returns each proof's own window (``created``, ``expires``), judged with the credential's dates later: a proof
    that expired, or claims to be made in the future, no longer vouches for the badge *now*."""
    windows: list[tuple[datetime | None, datetime | None]] = []
    if not proofs:
        raise BadgeFailure("invalid-signature", "no proof at all: nothing vouches for the content")
    skipped = len(as_list(doc.get("proof"))) - len(proofs)
    if skipped:
        run.skip(f"{skipped} proof(s) of an unsupported type were not checked")
    doc_hash = hashlib.sha256(canonical_doc.encode("utf-8")).digest()
    for proof in proofs:
        kind = _proof_kind(proof)
        if proof.get("proofPurpose") != "assertionMethod":
            raise BadgeFailure("invalid-signature", f"proof purpose {proof.get('proofPurpose')!r} is not assertionMethod")
        value = proof.get("proofValue")
        if not isinstance(value, str) or not value.startswith("z"):
            raise BadgeFailure("invalid-signature", "proofValue is missing or not multibase base58btc")
        try:
            signature = keys.multibase_decode(value)
        except keys.KeyError_ as exc:
            raise BadgeFailure("invalid-signature", f"proofValue is corrupted: {exc}") from exc
        config = {k: v for k, v in proof.items() if k != "proofValue"}
        config["@context"] = doc.get("@context")
        canonical_config = _canonize(config, "the proof")
        key = keys.bound_key(run, issuer_id, str(proof.get("verificationMethod", "")))
        data = hashlib.sha256(canonical_config.encode("utf-8")).digest() + doc_hash
        result = keys.verify_signature(key, "EdDSA", data, signature)
        if result == "mismatch":
            raise BadgeFailure(
                "invalid-signature",
                f"tampered: the {kind} proof by the issuer's key {key.key_id} does not match the content "
                "(a well-formed signature over other content: most likely edited after signing)",
                tampered=True,
            )
        if result != "ok":
            raise BadgeFailure("invalid-signature", f"the {kind} proof value is not a valid signature by {key.key_id}")
        run.note(f"{kind} proof verifies with the issuer's key {key.key_id}")
        windows.append((_proof_date(proof, "created"), _proof_date(proof, "expires")))
    return windows


def _proof_date(proof: dict[str, Any], name: str) -> datetime | None:
    try:
        return parse_datetime(proof[name]) if proof.get(name) is not None else None
    except ValueError:
        return None  # an unreadable proof date is covered by the signature; it just gives no window


# --- VC-JWT -----------------------------------------------------------------------------------------------------


def looks_like_jwt(text: str) -> bool:
    parts = text.split(".")
    return len(parts) == 3 and all(p == "" or set(p) <= keys._B64URL_CHARS for p in parts) and bool(parts[0])


class DuplicateMember(ValueError):
    """A JSON object names one member twice: two parsers could read two different badges from one text."""


def _unique_members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in pairs:
        if name in out:
            raise DuplicateMember(f"the member {name!r} appears twice in one JSON object")
        out[name] = value
    return out


def strict_json(text: str) -> Any:
    """``json.loads`` that refuses duplicate member names (RFC 8259 §4 leaves them undefined; RFC 7515 §5.2 lets a
    JOSE parser reject them) so the signed bytes and the checked object cannot disagree."""
    return json.loads(text, object_pairs_hook=_unique_members)


def parse_jws(token: str) -> tuple[dict[str, Any], Any, bytes, bytes]:
    """Compact JWS → (header, payload JSON, signing input, signature). Raises ``malformed``."""
    token = token.strip()
    if len(token) > MAX_JWT_CHARS:
        raise BadgeFailure("malformed", "the signed badge is larger than 512 KiB")
    parts = token.split(".")
    if len(parts) != 3:
        raise BadgeFailure("malformed", "not a compact JWS (three base64url parts)")
    try:
        header = strict_json(keys.b64url_decode(parts[0]).decode("utf-8"))
        payload = strict_json(keys.b64url_decode(parts[1]).decode("utf-8"))
        signature = keys.b64url_decode(parts[2])
    except DuplicateMember as exc:
        raise BadgeFailure("malformed", f"the signed token's JSON is ambiguous: {exc}") from exc
    except (keys.KeyError_, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BadgeFailure("malformed", "the JWS header, payload or signature is not valid base64url JSON") from exc
    if not isinstance(header, dict):
        raise BadgeFailure("malformed", "the JWS header is not a JSON object")
    return header, payload, f"{parts[0]}.{parts[1]}".encode("ascii"), signature


def check_alg(header: dict[str, Any], allowed: set[str]) -> str:
    alg = header.get("alg")
    if not isinstance(alg, str) or alg.lower() == "none":
        raise BadgeFailure("invalid-signature", f"alg {alg!r}: an unsigned token is never accepted")
    if alg.upper().startswith("HS"):
        raise BadgeFailure("invalid-signature", f"alg {alg}: symmetric (HMAC) signatures prove nothing about the issuer")
    if alg not in allowed:
        raise BadgeFailure("invalid-signature", f"alg {alg} is not accepted (only {', '.join(sorted(allowed))})")
    if header.get("crit"):
        raise BadgeFailure("invalid-signature", "the JWS has critical header parameters this verifier does not know")
    return alg


def credential_from_jwt_payload(payload: Any) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise BadgeFailure("malformed", "the JWT payload is not a JSON object")
    vc = payload.get("vc")
    if isinstance(vc, dict):
        return vc
    if "@context" in payload:
        return payload
    raise BadgeFailure("malformed", "the JWT payload holds no credential (no vc claim, no @context)")


def jwt_signing_key(run: Run, header: dict[str, Any], issuer_id: str) -> keys.PublicKey:
    """The issuer-published key the JWT names by ``kid`` and/or carries as ``jwk``."""
    kid = header.get("kid")
    jwk = header.get("jwk")
    header_key = None
    if jwk is not None:
        try:
            header_key = keys.key_from_jwk(jwk)
        except keys.KeyError_ as exc:
            raise BadgeFailure("invalid-signature", f"the jwk header key is unusable: {exc}") from exc
    if isinstance(kid, str) and kid:
        ref = kid
        if ":" not in kid and not kid.startswith("#"):
            ref = f"#{kid}"  # a plain key name refers to the issuer's own document
        key = keys.bound_key(run, issuer_id, ref)
        if header_key is not None and not header_key.same_material(key):
            raise BadgeFailure("invalid-signature", "the jwk header key differs from the issuer key named by kid")
        return key
    if header_key is None:
        raise BadgeFailure("invalid-signature", "the JWT header has neither kid nor jwk: no key to verify with")
    try:
        doc = keys.load_issuer_document(run, issuer_id)
    except BadgeFailure as failure:
        if failure.verdict == "unsafe-url":
            raise
        raise BadgeFailure(
            "invalid-signature",
            f"signing key not published by the issuer: the jwk header key is not listed by {issuer_id} "
            f"({failure.reason})",
        ) from failure
    for listed in keys.issuer_keys(run, issuer_id, doc):
        if listed.same_material(header_key):
            return listed
    raise BadgeFailure(
        "invalid-signature",
        f"signing key not published by the issuer: {issuer_id} does not list the jwk header key; anyone could have "
        "signed it",
    )


def verify_jwt_signature(
    run: Run, header: dict[str, Any], signing_input: bytes, signature: bytes, issuer_id: str
) -> None:
    alg = check_alg(header, JWT_ALGS)
    key = jwt_signing_key(run, header, issuer_id)
    result = keys.verify_signature(key, alg, signing_input, signature)
    if result == "mismatch":
        raise BadgeFailure(
            "invalid-signature",
            f"tampered: the {alg} signature by the issuer's key does not match the content (edited after signing)",
            tampered=True,
        )
    if result != "ok":
        raise BadgeFailure("invalid-signature", f"the {alg} signature is not valid for the issuer's key {key.key_id}")
    run.note(f"VC-JWT {alg} signature verifies with the issuer's key {key.key_id or '(listed by the issuer)'}")


# --- whole credential -------------------------------------------------------------------------------------------


def verify_credential(run: Run, doc: dict[str, Any], *, jwt: tuple[dict[str, Any], Any, bytes, bytes] | None) -> None:
    """OB3 checks in precedence order after parsing; raises ``BadgeFailure`` or returns when valid."""
    run.claims = extract_claims(doc)
    classify(doc)
    issuer_id = check_structure(doc)
    payload: dict[str, Any] = {}
    proof_windows: list[tuple[datetime | None, datetime | None]] = []
    if jwt is not None:
        header, payload, signing_input, signature = jwt
        iss = payload.get("iss") if isinstance(payload, dict) else None
        if iss is not None and iss != issuer_id:
            raise BadgeFailure("invalid-signature", f"JWT iss {iss!r} is not the credential issuer {issuer_id!r}")
        _check_jwt_times(payload)
        verify_jwt_signature(run, header, signing_input, signature, issuer_id)
    else:
        canonical, proofs = prepare_data_integrity(doc) if as_list(doc.get("proof")) else ("", [])
        try:
            proof_windows = verify_data_integrity(run, doc, issuer_id, canonical, proofs)
        except BadgeFailure as failure:
            if failure.verdict == "invalid-signature":
                _precheck_status_urls(doc)
            raise
    status.check_credential_status(run, doc)
    check_dates(run, doc, payload if isinstance(payload, dict) else {})
    for created, expires in proof_windows:
        if expires is not None and expires < run.now:
            raise BadgeFailure("expired", f"the issuer's proof expired on {expires.date().isoformat()}")
        if created is not None and created > run.now + _CLOCK_SKEW:
            raise BadgeFailure("expired", f"the proof is dated {created.date().isoformat()}, in the future")
    recipient.check_ob3_recipient(run, _subject(doc))


def _check_jwt_times(payload: Any) -> None:
    for claim in ("exp", "nbf", "iat"):
        value = payload.get(claim) if isinstance(payload, dict) else None
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise BadgeFailure("malformed", f"JWT claim {claim} is not a number")


def _precheck_status_urls(doc: dict[str, Any]) -> None:
    """``unsafe-url`` outranks an integrity failure: refuse-by-policy any status URL verification would need."""
    from screener.badges.urlpolicy import check_url
    from screener.errors import UnsafeURL

    for entry in as_list(doc.get("credentialStatus")):
        if isinstance(entry, dict):
            for name in ("statusListCredential", "id"):
                url = entry.get(name)
                if isinstance(url, str) and url:
                    try:
                        check_url(url.split("#")[0])
                    except UnsafeURL as exc:
                        raise BadgeFailure("unsafe-url", f"refused to fetch {url}: {exc.message}") from exc


def check_dates(run: Run, doc: dict[str, Any], payload: dict[str, Any]) -> None:
    now = run.now
    start = _date(doc, "validFrom") or _date(doc, "issuanceDate")
    end = _date(doc, "validUntil") or _date(doc, "expirationDate")
    if isinstance(payload.get("nbf"), (int, float)):
        nbf = datetime.fromtimestamp(payload["nbf"], tz=UTC)
        start = max(start, nbf) if start else nbf
    if isinstance(payload.get("exp"), (int, float)):
        exp = datetime.fromtimestamp(payload["exp"], tz=UTC)
        end = min(end, exp) if end else exp
    if end is not None and end < now:
        raise BadgeFailure("expired", f"expired on {end.date().isoformat()}")
    if start is not None and start > now:
        raise BadgeFailure("expired", f"not valid until {start.date().isoformat()}")


def fetch_credential(run: Run, url: str, *, what: str) -> tuple[dict[str, Any], Any] | None:
    """A credential fetched from ``url`` (JSON-LD or VC-JWT): (credential, jwt parts or None)."""
    response = run.fetch_ok(url, what=what)
    if response is None:
        return None
    try:
        text = response.body.decode("utf-8").strip()
    except UnicodeDecodeError:
        run.note(f"{what}: {url} is not text")
        return None
    if looks_like_jwt(text):
        try:
            parts = parse_jws(text)
            return credential_from_jwt_payload(parts[1]), parts
        except BadgeFailure as failure:
            run.note(f"{what}: {failure.reason}")
            return None
    value = run.get_json(url, what=what)
    return (value, None) if value is not None else None


def verify_status_list_integrity(run: Run, status_list: dict[str, Any], jwt: Any) -> None:
    issuer_id = _issuer_id(status_list)
    if not isinstance(issuer_id, str) or not issuer_id:
        raise BadgeFailure("invalid-signature", "the status list credential names no issuer")
    if jwt is not None:
        header, _payload, signing_input, signature = jwt
        verify_jwt_signature(run, header, signing_input, signature, issuer_id)
        return
    proofs = as_list(status_list.get("proof"))
    if not proofs:
        raise BadgeFailure("invalid-signature", "the status list credential has no proof")
    try:
        canonical, supported = prepare_data_integrity(status_list, "the status list credential")
    except BadgeFailure as failure:
        raise BadgeFailure("invalid-signature", failure.reason) from failure
    if not supported:
        raise BadgeFailure("invalid-signature", "the status list credential's proof type is not supported")
    verify_data_integrity(run, status_list, issuer_id, canonical, supported)
