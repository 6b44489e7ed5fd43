"""Red-team cases for OB2 hosted and signed assertions (and OB2 recipients) that the development set does not have.

Verdicts follow the README: hosted copies must match and live where the issuer allows; a signed assertion's key
must be a CryptographicKey on the issuer's host owned by the issuer; then revocation, dates, recipient.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from screener.badges import verify_badge
from screener.badges.fetch import MappingFetcher

from .conftest import FIXTURES, NOW, jws, world_fetcher
from .test_ob2 import HOST, OB2, _pem, _sign, assertion, signed, signed_world, world

EVIL = "https://evil.example"


def _run(doc: Any, fetcher: MappingFetcher, email: str | None = "nobody@example.org") -> Any:
    data = doc if isinstance(doc, str) else json.dumps(doc)
    return verify_badge(data, fetcher=fetcher, email=email, now=NOW)


# --- hosted --------------------------------------------------------------------------------------------------------


def test_embedded_issuer_cannot_grant_itself_allowed_origins() -> None:
    """The hosting rule must come from the issuer, not from a copy of its profile inside the attacker's badge."""
    fake_issuer = {"type": "Issuer", "id": f"{HOST}/issuer", "name": "OB2 Test Issuer",
                   "verification": {"allowedOrigins": ["evil.example"]}}
    badge = {"type": "BadgeClass", "id": f"{EVIL}/badge", "name": "Welding", "issuer": fake_issuer}
    doc = assertion(id=f"{EVIL}/assertions/1", badge=badge)
    v = _run(doc, world(None, extra={doc["id"]: json.dumps(doc)}))
    assert v.verdict == "invalid-signature", v.reasons


def test_embedded_issuer_on_its_own_host_is_fine() -> None:
    issuer = {"type": "Issuer", "id": f"{HOST}/issuer", "name": "OB2 Test Issuer"}
    badge = {"type": "BadgeClass", "id": f"{HOST}/badge", "name": "Welding", "issuer": issuer}
    doc = assertion(badge=badge)
    assert _run(doc, world(doc)).verdict == "valid"


def test_embedded_issuer_listing_evil_origin_but_real_profile_does_not() -> None:
    """Embedded copy says allowedOrigins evil.example; the profile at the issuer's id says nothing: host rule."""
    fake_issuer = {"type": "Issuer", "id": f"{HOST}/issuer", "name": "OB2 Test Issuer",
                   "verification": {"startsWith": [f"{EVIL}/"]}}
    doc = assertion(id=f"{EVIL}/assertions/1", badge={"type": "BadgeClass", "id": f"{HOST}/badge", "name": "W",
                                                      "issuer": fake_issuer})
    v = _run(doc, world(None, extra={doc["id"]: json.dumps(doc)}))
    assert v.verdict == "invalid-signature", v.reasons


@pytest.mark.parametrize(
    ("hosted", "verdict"),
    [
        # the issuer replaced the hosted copy with a revocation notice
        ({"id": f"{HOST}/assertions/1", "revoked": True}, "revoked"),
        ({**assertion(), "revoked": True, "revocationReason": "cheating"}, "revoked"),
        # revoked: false is just a field: the copy differs from the presented one
        ({**assertion(), "revoked": False}, "invalid-signature"),
        # a hosted copy that is not JSON / is an array
        ("<html>moved</html>", "invalid-signature"),
        ("[1, 2]", "invalid-signature"),
    ],
)
def test_hosted_copy_variants(hosted: Any, verdict: str) -> None:
    v = _run(assertion(), world(None, hosted=hosted))
    assert v.verdict == verdict, v.reasons


def test_revoked_hosted_copy_but_assertion_off_the_issuers_host_is_not_revoked() -> None:
    """Only the issuer can revoke: a "revoked" copy on a host the issuer does not allow proves nothing."""
    doc = assertion(id=f"{EVIL}/assertions/1")
    v = _run(doc, world(None, extra={doc["id"]: json.dumps({"id": doc["id"], "revoked": True})}))
    assert v.verdict == "invalid-signature", v.reasons


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        ({"status": 410}, "revoked"),
        ({"status": 404}, "invalid-signature"),
        ({"status": 500}, "invalid-signature"),
        ({"status": 301, "redirect": "http://[::ffff:127.0.0.1]/a"}, "unsafe-url"),
        ({"status": 302, "redirect": "http://0x7f000001/a"}, "unsafe-url"),
        ({"status": 302, "redirect": "file:///etc/passwd"}, "unsafe-url"),
        ({"status": 302, "redirect": "https://user:pw@badges.ob2-test.example/a"}, "unsafe-url"),
    ],
)
def test_hosted_fetch_answers(answer: dict[str, Any], verdict: str) -> None:
    v = _run(assertion(), world(None, hosted=None, extra={f"{HOST}/assertions/1": answer}))
    assert v.verdict == verdict, v.reasons


def test_hosted_redirect_to_a_copy_on_the_same_host_is_followed() -> None:
    extra = {f"{HOST}/assertions/1": {"status": 301, "redirect": f"{HOST}/v2/assertions/1"},
             f"{HOST}/v2/assertions/1": json.dumps(assertion())}
    assert _run(assertion(), world(None, hosted=None, extra=extra)).verdict == "valid"


@pytest.mark.parametrize(
    ("badge_ref", "badge_doc", "verdict"),
    [
        # BadgeClass served at one host claiming to be another
        (f"{HOST}/badge2", {"type": "BadgeClass", "id": f"{EVIL}/badge", "name": "W", "issuer": f"{HOST}/issuer"},
         "invalid-signature"),
        # BadgeClass of the wrong type
        (f"{HOST}/badge2", {"type": "Issuer", "id": f"{HOST}/badge2", "name": "W"}, "invalid-signature"),
        # BadgeClass without an issuer
        (f"{HOST}/badge2", {"type": "BadgeClass", "id": f"{HOST}/badge2", "name": "W"}, "malformed"),
        # BadgeClass naming an issuer on an unsafe address
        (f"{HOST}/badge2", {"type": "BadgeClass", "id": f"{HOST}/badge2", "name": "W",
                            "issuer": "http://169.254.169.254/latest/meta-data"}, "unsafe-url"),
    ],
)
def test_badgeclass_variants(badge_ref: str, badge_doc: dict[str, Any], verdict: str) -> None:
    doc = assertion(badge=badge_ref)
    v = _run(doc, world(doc, extra={badge_ref: json.dumps(badge_doc)}))
    assert v.verdict == verdict, v.reasons


def test_badge_url_unsafe() -> None:
    doc = assertion(badge="gopher://badges.ob2-test.example/badge")
    assert _run(doc, world(doc)).verdict == "unsafe-url"


def test_revocation_list_on_unsafe_address() -> None:
    issuer = {"@context": OB2, "type": "Issuer", "id": f"{HOST}/issuer", "name": "I",
              "revocationList": "http://192.168.1.10/revoked"}
    assert _run(assertion(), world(assertion(), issuer=issuer)).verdict == "unsafe-url"


def test_revocation_list_by_uid_and_as_strings() -> None:
    issuer = {"@context": OB2, "type": "Issuer", "id": f"{HOST}/issuer", "name": "I",
              "revocationList": f"{HOST}/revoked2"}
    revoked = {"@context": OB2, "type": "RevocationList", "id": f"{HOST}/revoked2",
               "revokedAssertions": [f"{HOST}/assertions/1"]}
    v = _run(assertion(), world(assertion(), issuer=issuer, extra={f"{HOST}/revoked2": json.dumps(revoked)}))
    assert v.verdict == "revoked"


@pytest.mark.parametrize(
    ("doc", "verdict"),
    [
        (assertion(verification={"type": "HostedBadge"}), "valid"),
        (assertion(verification={"type": "Mystery"}), "malformed"),
        (assertion(issuedOn="not a date"), "malformed"),
        (assertion(issuedOn=True), "malformed"),
        ({k: v for k, v in assertion().items() if k != "recipient"}, "malformed"),
        ({k: v for k, v in assertion().items() if k != "@context"}, "malformed"),
        (assertion(**{"@context": "https://w3id.org/openbadges/v1"}), "unsupported"),
        (assertion(id="urn:uuid:2f3c"), "invalid-signature"),
    ],
)
def test_hosted_structure(doc: dict[str, Any], verdict: str) -> None:
    assert _run(doc, world(doc)).verdict == verdict


# --- signed --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("alg", ["RS512", "PS256", "ES256", "rs256", "EdDSA", "none", "HS256"])
def test_signed_with_wrong_alg(alg: str) -> None:
    token = jws({"alg": alg}, signed(), _sign)
    assert _run(token, signed_world()).verdict == "invalid-signature"


def test_signed_header_jwk_and_jku_are_ignored() -> None:
    """An attacker's key offered in the JWS header does not replace verification.creator."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    attacker = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    nums = attacker.public_key().public_numbers()
    from screener.badges.keys import b64url_encode

    jwk = {"kty": "RSA", "n": b64url_encode(nums.n.to_bytes(256, "big")), "e": "AQAB"}
    header = {"alg": "RS256", "jwk": jwk, "jku": f"{EVIL}/jwks", "kid": f"{EVIL}/key"}
    token = jws(header, signed(), lambda d: attacker.sign(d, padding.PKCS1v15(), hashes.SHA256()))
    assert _run(token, signed_world()).verdict == "invalid-signature"
    # the genuine signature with the same header noise still verifies
    assert _run(jws(header, signed(), _sign), signed_world()).verdict == "valid"


@pytest.mark.parametrize(
    ("key_doc", "verdict"),
    [
        ({"type": "CryptographicKey", "id": f"{HOST}/key", "owner": f"{HOST}/issuer"}, "invalid-signature"),  # no pem
        ({"type": "CryptographicKey", "id": f"{HOST}/key"}, "invalid-signature"),  # no owner
        ({"type": "Key", "id": f"{HOST}/key", "owner": f"{HOST}/issuer"}, "invalid-signature"),  # wrong type
        ({"type": "CryptographicKey", "id": f"{HOST}/key", "owner": f"{EVIL}/issuer"}, "invalid-signature"),
    ],
)
def test_signed_key_documents(key_doc: dict[str, Any], verdict: str) -> None:
    if "owner" in key_doc and key_doc["owner"].startswith(EVIL) or key_doc["type"] == "Key":
        key_doc = {**key_doc, "publicKeyPem": _pem()}
    v = _run(jws({"alg": "RS256"}, signed(), _sign), world(None, extra={f"{HOST}/key": json.dumps(key_doc)}))
    assert v.verdict == verdict, v.reasons


def test_signed_key_on_same_host_other_scheme_is_the_issuers() -> None:
    """Like the dev fixture (key http://example.org/key1.json, issuer https://example.org/...)."""
    key_url = "http://badges.ob2-test.example/key"
    token = jws({"alg": "RS256"}, signed(creator=key_url), _sign)
    assert _run(token, signed_world(key_url=key_url)).verdict == "valid"


def test_signed_badgeclass_from_another_host_naming_the_real_issuer_cannot_borrow_its_key() -> None:
    """The BadgeClass lives on evil.example but names the real issuer; the key still has to be the issuer's."""
    badge = {"type": "BadgeClass", "id": f"{EVIL}/badge", "name": "W", "issuer": f"{HOST}/issuer"}
    doc = signed(creator=f"{EVIL}/key") | {"badge": f"{EVIL}/badge"}
    key = {"type": "CryptographicKey", "id": f"{EVIL}/key", "owner": f"{HOST}/issuer", "publicKeyPem": _pem()}
    fetcher = world(None, extra={f"{EVIL}/badge": json.dumps(badge), f"{EVIL}/key": json.dumps(key)})
    assert _run(jws({"alg": "RS256"}, doc, _sign), fetcher).verdict == "invalid-signature"


def test_signed_issuer_profile_served_under_another_id() -> None:
    issuer = {"type": "Issuer", "id": f"{EVIL}/issuer", "name": "I"}
    v = _run(jws({"alg": "RS256"}, signed(), _sign), signed_world() if False else world(
        None, issuer=issuer, extra={f"{HOST}/key": json.dumps({"type": "CryptographicKey", "id": f"{HOST}/key",
                                                               "owner": f"{EVIL}/issuer", "publicKeyPem": _pem()})}))
    assert v.verdict == "invalid-signature", v.reasons


def test_signed_expired_revoked_precedence() -> None:
    doc = signed() | {"id": f"{HOST}/assertions/revoked", "expires": "2021-01-01T00:00:00Z"}
    assert _run(jws({"alg": "RS256"}, doc, _sign), signed_world(), email="x@y.example").verdict == "revoked"
    doc = signed() | {"expires": "2021-01-01T00:00:00Z"}
    assert _run(jws({"alg": "RS256"}, doc, _sign), signed_world(), email="x@y.example").verdict == "expired"


def test_signed_assertion_presented_as_plain_json() -> None:
    assert _run(signed(), signed_world()).verdict == "invalid-signature"


def test_dev_signed_fixture_with_an_edited_payload() -> None:
    path = "ob2/signed/simple.jwt"
    head, payload, sig = (FIXTURES / path).read_text(encoding="utf-8").strip().split(".")
    import base64

    body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    body["issuedOn"] = "2016-12-31T23:59:59Z"
    edited = base64.urlsafe_b64encode(json.dumps(body).encode()).decode().rstrip("=")
    v = verify_badge(f"{head}.{edited}.{sig}", fetcher=world_fetcher(path), now=NOW)
    assert (v.verdict, v.tampered) == ("invalid-signature", True)


# --- OB2 recipient identities ------------------------------------------------------------------------------------


def _recipient(email: str = "nobody@example.org", salt: str | None = "pepper", algo: str = "sha256",
               upper: bool = False, **extra: Any) -> dict[str, Any]:
    digest = hashlib.new(algo, (email + (salt or "")).encode()).hexdigest()
    out: dict[str, Any] = {"type": "email", "hashed": True, "identity": f"{algo}${digest.upper() if upper else digest}"}
    if salt is not None:
        out["salt"] = salt
    out.update(extra)
    return out


@pytest.mark.parametrize(
    ("recipient", "email", "verdict"),
    [
        (_recipient(upper=True), "nobody@example.org", "valid"),
        (_recipient(salt=None), "nobody@example.org", "valid"),
        (_recipient(salt=None), "someone@example.org", "recipient-mismatch"),
        (_recipient(algo="md5"), "  NoBody@Example.ORG ", "valid"),
        # hashed: false means the identity is the address itself, even when it looks like a hash
        ({"type": "email", "hashed": False, "identity": _recipient()["identity"]}, "nobody@example.org",
         "recipient-mismatch"),
        ({"type": "email", "hashed": False, "identity": "Nobody@Example.org"}, "nobody@example.org", "valid"),
        # hashed identity without a prefix, or with a disallowed algorithm
        ({"type": "email", "hashed": True, "salt": "pepper",
          "identity": hashlib.sha256(b"nobody@example.orgpepper").hexdigest()}, "nobody@example.org", "malformed"),
        (_recipient(algo="sha1"), "nobody@example.org", "malformed"),
        (_recipient(algo="sha512"), "nobody@example.org", "malformed"),
        # salt of the wrong type
        (_recipient(salt=None, salt_=None) | {"salt": 42}, "nobody@example.org", "malformed"),
        # a recipient identified by URL is not compared with an email
        ({"type": "url", "hashed": False, "identity": "https://ann.example"}, "nobody@example.org", "valid"),
    ],
)
def test_ob2_recipients(recipient: dict[str, Any], email: str, verdict: str) -> None:
    doc = assertion(recipient={k: v for k, v in recipient.items() if k != "salt_"})
    v = _run(doc, world(doc), email=email)
    assert v.verdict == verdict, v.reasons
