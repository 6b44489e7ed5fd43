"""Hostile inputs: unsigned/symmetric tokens, key swaps, XML bombs, PNG abuse, huge and deep JSON, unsafe URLs.

Every case must end in a verdict (never an exception) and never in ``valid``.
"""

from __future__ import annotations

import base64
import hmac
import json
import struct
import zlib
from hashlib import sha256
from typing import Any

import pytest

from screener.badges import verify_badge
from screener.badges.fetch import MappingFetcher

from .conftest import FIXTURES, ISSUER, NOW, ed_key, issuer_doc, issuer_fetcher, jws, multikey, ob3_credential, sign_di

KEY = ed_key("issuer key")
ATTACKER = ed_key("attacker key")


def _payload() -> dict[str, Any]:
    return {"iss": ISSUER, "nbf": 1704067200, "vc": ob3_credential()}


def _check(data: bytes | str, fetcher: Any | None = None, expected: str = "invalid-signature") -> Any:
    v = verify_badge(data, fetcher=fetcher or issuer_fetcher(issuer_doc(KEY)), email="ann@example.com", now=NOW)
    assert v.verdict == expected, v.reasons
    return v


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE"])
def test_alg_none_in_any_case(alg: str) -> None:
    _check(jws({"alg": alg, "kid": f"{ISSUER}#{multikey(KEY)}"}, _payload()))


def test_hs256_with_the_public_key_as_secret() -> None:
    public = KEY.public_key().public_bytes_raw()
    token = jws({"alg": "HS256", "kid": f"{ISSUER}#{multikey(KEY)}"}, _payload(),
                lambda data: hmac.new(public, data, sha256).digest())
    v = _check(token)
    assert any("HMAC" in r for r in v.reasons)


@pytest.mark.parametrize("alg", ["RS512", "PS256", "ES384", "", "EdDSA "])
def test_unknown_algorithms(alg: str) -> None:
    _check(jws({"alg": alg, "kid": f"{ISSUER}#{multikey(KEY)}"}, _payload(), KEY.sign))


def test_key_swap_in_jwt_header() -> None:
    """A correct signature by the attacker's own key, offered in the header, is not the issuer's."""
    jwk = {"kty": "OKP", "crv": "Ed25519",
           "x": base64.urlsafe_b64encode(ATTACKER.public_key().public_bytes_raw()).decode().rstrip("=")}
    v = _check(jws({"alg": "EdDSA", "jwk": jwk}, _payload(), ATTACKER.sign))
    assert any("signing key not published by the issuer" in r for r in v.reasons)


def test_key_swap_kid_pointing_to_attacker_did_key() -> None:
    kid = f"did:key:{multikey(ATTACKER)}#{multikey(ATTACKER)}"
    _check(jws({"alg": "EdDSA", "kid": kid}, _payload(), ATTACKER.sign))


def test_key_swap_in_data_integrity_proof() -> None:
    doc = sign_di(ob3_credential(), ATTACKER, f"did:key:{multikey(ATTACKER)}#{multikey(ATTACKER)}")
    _check(json.dumps(doc))


def test_self_issued_did_key_badge_claiming_a_known_name_is_not_a_known_issuer() -> None:
    did = f"did:key:{multikey(ATTACKER)}"
    doc = ob3_credential(issuer={"id": did, "type": ["Profile"], "name": "Northwind Skills Academy (demo issuer)",
                                 "url": "https://badges.northwind-skills.example"})
    v = _check(json.dumps(sign_di(doc, ATTACKER, f"{did}#{multikey(ATTACKER)}")), MappingFetcher({}), "valid")
    assert v.known_issuer is False


@pytest.mark.parametrize("name", ["derived/svg-entity-bomb.svg", "derived/svg-xxe-file-entity.svg"])
def test_svg_entities(name: str) -> None:
    _check((FIXTURES / name).read_bytes(), expected="malformed")


def _chunk(ctype: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + ctype + data + struct.pack(">I", zlib.crc32(ctype + data) & 0xFFFFFFFF)


_BASE_PNG = (FIXTURES / "baked/png/unbaked.png").read_bytes()


def _with_chunks(*chunks: bytes) -> bytes:
    iend = _BASE_PNG.rindex(b"IEND") - 4
    return _BASE_PNG[:iend] + b"".join(chunks) + _BASE_PNG[iend:]


@pytest.mark.parametrize(
    "data",
    [
        _with_chunks(_chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00" + b"{" * (5 * 1024 * 1024))),  # huge iTXt
        _with_chunks(_chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00{}"),
                     _chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00{}")),  # two badge chunks
        _BASE_PNG[: len(_BASE_PNG) // 2],  # truncated
        _BASE_PNG[:40] + bytes([_BASE_PNG[40] ^ 0xFF]) + _BASE_PNG[41:],  # bad CRC
        (FIXTURES / "derived/png-itxt-zlib-bomb-64mib.png").read_bytes(),
    ],
    ids=["huge-itxt", "two-chunks", "truncated", "bad-crc", "zlib-bomb"],
)
def test_png_abuse(data: bytes) -> None:
    _check(data, expected="malformed")


@pytest.mark.parametrize(
    "data",
    [
        b'{"@context": "https://w3id.org/openbadges/v2", "pad": "' + b"x" * (5 * 1024 * 1024) + b'"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 200 + b"1" + b"}" * 200,
        b"",
        b"\x00\x01\x02 not a badge",
        "héllo".encode("latin-1"),
        b'{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion"',
        b"eyJhbGciOiJub25lIn0.bm90IGpzb24.",
        b"null",
        b'{"type": ["VerifiableCredential", "OpenBadgeCredential"], "issuer": "x"}',
    ],
    ids=["5MB", "deep-array", "deep-object", "empty", "binary", "latin1", "truncated-json", "jws-bad-payload",
         "null", "no-context"],
)
def test_garbage_is_malformed(data: bytes) -> None:
    _check(data, expected="malformed")


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/badge.json", "data:application/json,{}", "javascript:alert(1)",
     "http://user@example.org@127.0.0.1/", "http://0177.0.0.1/", "http://[::ffff:10.0.0.1]/", "http://100.64.0.1/",
     "http://[fd00:ec2::254]/latest"],
)
def test_unsafe_urls(url: str) -> None:
    _check(url, MappingFetcher({url: "{}"}), expected="unsafe-url")


def test_redirect_to_private_address() -> None:
    fetcher = MappingFetcher({"https://badges.example.net/a": {"status": 302, "redirect": "http://192.168.0.5/a"}})
    _check("https://badges.example.net/a", fetcher, expected="unsafe-url")


def test_status_list_on_private_address_outranks_bad_signature() -> None:
    status = {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "1",
              "statusListCredential": "http://169.254.169.254/latest/meta-data/"}
    doc = sign_di(ob3_credential(credentialStatus=status), ATTACKER, f"{ISSUER}#{multikey(ATTACKER)}")
    _check(json.dumps(doc), expected="unsafe-url")
