"""OB2 hosted and signed assertions: hosting rule, hosted copy, revocation, key ownership, recipient."""

from __future__ import annotations

import json
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from screener.badges import verify_badge
from screener.badges.fetch import MappingFetcher

from .conftest import NOW, jws

HOST = "https://badges.ob2-test.example"
OB2 = "https://w3id.org/openbadges/v2"
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
IDENTITY = "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"  # nobody@example.org+deadsea


def assertion(**extra: Any) -> dict[str, Any]:
    doc = {"@context": OB2, "type": "Assertion", "id": f"{HOST}/assertions/1",
           "recipient": {"type": "email", "hashed": True, "salt": "deadsea", "identity": IDENTITY},
           "badge": f"{HOST}/badge", "issuedOn": "2020-01-01T00:00:00Z", "verification": {"type": "hosted"}}
    doc.update(extra)
    return doc


def world(presented: dict[str, Any] | None = None, *, issuer: dict[str, Any] | None = None,
          hosted: Any = "same", extra: dict[str, Any] | None = None) -> MappingFetcher:
    issuer = issuer or {"@context": OB2, "type": "Issuer", "id": f"{HOST}/issuer", "name": "OB2 Test Issuer",
                        "url": HOST, "revocationList": f"{HOST}/revoked"}
    mapping: dict[str, Any] = {
        f"{HOST}/badge": json.dumps({"@context": OB2, "type": "BadgeClass", "id": f"{HOST}/badge", "name": "Welding",
                                     "description": "Welds.", "criteria": {"narrative": "Welded."},
                                     "issuer": f"{HOST}/issuer", "tags": ["welding"]}),
        f"{HOST}/issuer": json.dumps(issuer),
        f"{HOST}/revoked": json.dumps({"@context": OB2, "type": "RevocationList", "id": f"{HOST}/revoked",
                                       "revokedAssertions": [{"id": f"{HOST}/assertions/revoked"}]}),
    }
    if presented is not None and hosted == "same":
        mapping[presented["id"]] = json.dumps(presented)
    elif isinstance(hosted, (dict, str)):
        mapping[f"{HOST}/assertions/1"] = hosted if isinstance(hosted, str) else json.dumps(hosted)
    mapping.update(extra or {})
    return MappingFetcher(mapping)


def run(doc: dict[str, Any], fetcher: MappingFetcher, email: str | None = "nobody@example.org") -> Any:
    return verify_badge(json.dumps(doc), fetcher=fetcher, email=email, now=NOW)


def test_hosted_valid_with_badgeclass_claims() -> None:
    v = run(assertion(), world(assertion()))
    assert v.verdict == "valid", v.reasons
    assert (v.issuer, v.achievement_name, v.criteria, v.tags) == ("OB2 Test Issuer", "Welding", "Welded.", ("welding",))


@pytest.mark.parametrize(
    ("doc", "fetcher_kwargs", "verdict"),
    [
        (assertion(), {"hosted": assertion(evidence="x")}, "invalid-signature"),  # differs from hosted copy
        (assertion(), {"hosted": None}, "invalid-signature"),  # hosted copy missing (404)
        (assertion(), {"hosted": None, "extra": {f"{HOST}/assertions/1": {"status": 410}}}, "revoked"),
        (assertion(id=f"{HOST}/assertions/revoked"), {}, "revoked"),
        (assertion(expires="2021-01-01T00:00:00Z"), {}, "expired"),
        (assertion(issuedOn="2045-01-01T00:00:00Z"), {}, "expired"),
        (assertion(expires="2019-01-01T00:00:00Z"), {}, "malformed"),
        (assertion(id="https://elsewhere.example/a/1"), {}, "invalid-signature"),  # not on the issuer host
        (assertion(id="http://127.0.0.1/a/1"), {}, "unsafe-url"),
        (assertion(type="Badge"), {}, "malformed"),
        (assertion(recipient={"type": "email", "hashed": True, "identity": "sha1$abc"}), {}, "malformed"),
    ],
)
def test_hosted_cases(doc: dict[str, Any], fetcher_kwargs: dict[str, Any], verdict: str) -> None:
    v = run(doc, world(doc, **fetcher_kwargs))
    assert v.verdict == verdict, v.reasons


def test_hosted_copy_edited_is_tampered() -> None:
    v = run(assertion(), world(assertion(), hosted=assertion(badge=f"{HOST}/other")))
    assert v.tampered and any("tampered" in r for r in v.reasons)


def test_allowed_origins_lets_another_host_serve_assertions() -> None:
    issuer = {"@context": OB2, "type": "Issuer", "id": f"{HOST}/issuer", "name": "I",
              "verification": {"allowedOrigins": ["cdn.ob2-test.example"]}}
    doc = assertion(id="https://cdn.ob2-test.example/a/1")
    assert run(doc, world(doc, issuer=issuer)).verdict == "valid"


def test_recipient_mismatch() -> None:
    assert run(assertion(), world(assertion()), email="jane@example.com").verdict == "recipient-mismatch"


def _pem() -> str:
    return RSA_KEY.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()


def _sign(data: bytes) -> bytes:
    return RSA_KEY.sign(data, padding.PKCS1v15(), hashes.SHA256())


def signed_world(owner: str = f"{HOST}/issuer", key_url: str = f"{HOST}/key") -> MappingFetcher:
    key = json.dumps({"@context": OB2, "type": "CryptographicKey", "id": key_url, "owner": owner,
                      "publicKeyPem": _pem()})
    return world(None, extra={key_url: key})


def signed(**verification: Any) -> dict[str, Any]:
    return assertion(verification={"type": "signed", "creator": f"{HOST}/key", **verification})


@pytest.mark.parametrize(
    ("header", "fetcher", "verdict"),
    [
        ({"alg": "RS256"}, signed_world(), "valid"),
        ({"alg": "RS256"}, signed_world(owner="https://evil.example/issuer"), "invalid-signature"),
        ({"alg": "RS256"}, world(None), "invalid-signature"),  # key not found
        ({"alg": "none"}, signed_world(), "invalid-signature"),
        ({"alg": "HS256"}, signed_world(), "invalid-signature"),
    ],
)
def test_signed_cases(header: dict[str, Any], fetcher: MappingFetcher, verdict: str) -> None:
    token = jws(header, signed(), _sign if header["alg"] == "RS256" else None)
    assert verify_badge(token, fetcher=fetcher, email="nobody@example.org", now=NOW).verdict == verdict


def test_signed_key_on_another_host_is_refused() -> None:
    token = jws({"alg": "RS256"}, signed(creator="https://keys.elsewhere.example/key"), _sign)
    v = verify_badge(token, fetcher=signed_world(key_url="https://keys.elsewhere.example/key"), now=NOW)
    assert v.verdict == "invalid-signature" and any("issuer's host" in r for r in v.reasons)


def test_signed_payload_edited_is_tampered() -> None:
    token = jws({"alg": "RS256"}, signed(), _sign)
    head, _, sig = token.split(".")
    other = jws({"alg": "RS256"}, signed() | {"evidence": "added later"}).split(".")[1]
    v = verify_badge(f"{head}.{other}.{sig}", fetcher=signed_world(), now=NOW)
    assert (v.verdict, v.tampered) == ("invalid-signature", True)


def test_ob2_revocation_list_for_signed() -> None:
    doc = signed() | {"id": f"{HOST}/assertions/revoked"}
    v = verify_badge(jws({"alg": "RS256"}, doc, _sign), fetcher=signed_world(), now=NOW)
    assert v.verdict == "revoked"


def test_signed_key_on_private_address_is_unsafe_even_off_host() -> None:
    token = jws({"alg": "RS256"}, signed(creator="http://10.0.0.1/key"), _sign)
    assert verify_badge(token, fetcher=signed_world(), now=NOW).verdict == "unsafe-url"
