"""OB3: Data Integrity (eddsa-rdfc-2022) intermediates against the W3C/1EdTech vectors, key binding, VC-JWT, status."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json

import pytest

from screener.badges import verify_badge
from screener.badges.jsonld import canonize
from screener.badges.keys import b58decode, b58encode, did_web_url, key_from_multikey, multibase_decode
from screener.badges.status import decode_bitstring, read_status

from .conftest import (
    FIXTURES,
    ISSUER,
    NOW,
    ed_key,
    issuer_doc,
    issuer_fetcher,
    jws,
    multikey,
    ob3_credential,
    sign_di,
)

W3C = FIXTURES / "vectors" / "w3c-eddsa-rdfc-2022"
KEY = ed_key("issuer key")


def _read(name: str) -> str:
    return (W3C / name).read_text(encoding="utf-8")


def test_w3c_vector_canonical_document_and_hashes() -> None:
    signed = json.loads(_read("signedDataInt.json"))
    proof = signed.pop("proof")
    canonical_doc = canonize(signed)
    assert canonical_doc == _read("canonDocDataInt.txt")
    assert hashlib.sha256(canonical_doc.encode()).hexdigest() == _read("docHashDataInt.txt").strip()
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    config["@context"] = signed["@context"]
    canonical_proof = canonize(config)
    assert canonical_proof == _read("proofCanonDataInt.txt")
    assert hashlib.sha256(canonical_proof.encode()).hexdigest() == _read("proofHashDataInt.txt").strip()
    combined = hashlib.sha256(canonical_proof.encode()).digest() + hashlib.sha256(canonical_doc.encode()).digest()
    assert combined.hex() == _read("combinedHashDataInt.txt").strip()
    assert multibase_decode(proof["proofValue"]).hex() == _read("sigHexDataInt.txt").strip()
    public = key_from_multikey(json.loads(_read("keyPair.json"))["publicKeyMultibase"]).crypto_key()
    public.verify(multibase_decode(proof["proofValue"]), combined)


@pytest.mark.parametrize("name", ["document-canon.txt", "proof-canon.txt"])
def test_ob3_implementation_guide_canonical_forms(name: str) -> None:
    signed = json.loads((FIXTURES / "ob3/eddsa/ob3-impl-guide-signed-credential.json").read_text(encoding="utf-8"))
    proof = signed.pop("proof")
    if name == "proof-canon.txt":
        signed = {k: v for k, v in proof.items() if k != "proofValue"} | {"@context": signed["@context"]}
    assert canonize(signed) == (FIXTURES / "vectors/ob3-impl-guide" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("data", [b"", b"\x00", b"\x00\x00\x01", bytes(range(40)), b"\xff" * 32])
def test_base58_round_trip(data: bytes) -> None:
    assert b58decode(b58encode(data)) == data


def test_did_key_multikey_decodes_to_published_test_key() -> None:
    key = key_from_multikey("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi")
    raw = base64.urlsafe_b64decode(key.param("x") + "=")
    assert raw.hex() == "4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5"


@pytest.mark.parametrize(
    ("did", "url"),
    [
        ("did:web:example.com", "https://example.com/.well-known/did.json"),
        ("did:web:example.com:issuers:42", "https://example.com/issuers/42/did.json"),
        ("did:web:example.com%3A8443", "https://example.com:8443/.well-known/did.json"),
    ],
)
def test_did_web_to_url(did: str, url: str) -> None:
    assert did_web_url(did) == url


def _verify(doc: object, fetcher: object, email: str | None = "ann@example.com") -> object:
    data = doc if isinstance(doc, str) else json.dumps(doc)
    return verify_badge(data, fetcher=fetcher, email=email, now=NOW)


def test_self_made_issuer_valid_with_claims() -> None:
    doc = sign_di(ob3_credential(), KEY, f"{ISSUER}#{multikey(KEY)}")
    v = _verify(doc, issuer_fetcher(issuer_doc(KEY)))
    assert v.verdict == "valid", v.reasons
    assert v.recipient_checked and v.achievement_name == "Testing" and v.tags == ("testing",)
    assert v.alignments[0].target_name == "SQL"


def test_edited_after_signing_is_tampered() -> None:
    doc = sign_di(ob3_credential(), KEY, f"{ISSUER}#{multikey(KEY)}")
    doc["credentialSubject"]["achievement"]["name"] = "Expert"
    v = _verify(doc, issuer_fetcher(issuer_doc(KEY)))
    assert (v.verdict, v.tampered) == ("invalid-signature", True)


def test_key_not_listed_by_issuer_is_refused() -> None:
    other = ed_key("someone else")
    doc = sign_di(ob3_credential(), other, f"{ISSUER}#{multikey(other)}")
    v = _verify(doc, issuer_fetcher(issuer_doc(KEY)))
    assert v.verdict == "invalid-signature" and not v.tampered
    assert any("not published by the issuer" in r for r in v.reasons)


def test_unknown_context_with_data_integrity_is_malformed() -> None:
    doc = ob3_credential()
    doc["@context"] = [*doc["@context"], "https://example.org/my-context.jsonld"]
    doc = sign_di(ob3_credential(), KEY, f"{ISSUER}#{multikey(KEY)}") | {"@context": doc["@context"]}
    assert _verify(doc, issuer_fetcher(issuer_doc(KEY))).verdict == "malformed"


@pytest.mark.parametrize(
    ("extra", "verdict"),
    [
        ({"validUntil": "2020-01-01T00:00:00Z", "validFrom": "2019-01-01T00:00:00Z"}, "expired"),
        ({"validFrom": "2041-01-01T00:00:00Z"}, "expired"),
        ({"validFrom": "2024-01-01T00:00:00Z", "validUntil": "2023-01-01T00:00:00Z"}, "malformed"),
        ({"validFrom": "yesterday"}, "malformed"),
    ],
)
def test_validity_window(extra: dict[str, str], verdict: str) -> None:
    doc = sign_di(ob3_credential(**extra), KEY, f"{ISSUER}#{multikey(KEY)}")
    assert _verify(doc, issuer_fetcher(issuer_doc(KEY))).verdict == verdict


def test_wrong_recipient_and_no_email() -> None:
    doc = sign_di(ob3_credential(), KEY, f"{ISSUER}#{multikey(KEY)}")
    assert _verify(doc, issuer_fetcher(issuer_doc(KEY)), email="bob@example.com").verdict == "recipient-mismatch"
    v = _verify(doc, issuer_fetcher(issuer_doc(KEY)), email=None)
    assert v.verdict == "valid" and not v.recipient_checked
    assert any("no applicant email" in c for c in v.checks_not_done)


def _status_list(bits_set: set[int], key: object, tamper: bool = False) -> dict[str, object]:
    raw = bytearray(16 * 1024)
    for i in bits_set:
        raw[i // 8] |= 0x80 >> (i % 8)
    encoded = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(raw))).decode().rstrip("=")
    doc = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "https://issuer.test-badges.example/status/1",
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": ISSUER,
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {"id": "https://issuer.test-badges.example/status/1#list", "type": "BitstringStatusList",
                              "statusPurpose": "revocation", "encodedList": encoded},
    }
    signed = sign_di(doc, key, f"{ISSUER}#{multikey(key)}")
    if tamper:
        signed["credentialSubject"]["encodedList"] = "u" + base64.urlsafe_b64encode(
            gzip.compress(bytes(16 * 1024))).decode().rstrip("=")
    return signed


@pytest.mark.parametrize(("index", "tamper", "verdict"), [(5, False, "revoked"), (6, False, "valid"),
                                                          (5, True, "invalid-signature")])
def test_bitstring_status(index: int, tamper: bool, verdict: str) -> None:
    status = {"id": f"https://issuer.test-badges.example/status/1#{index}", "type": "BitstringStatusListEntry",
              "statusPurpose": "revocation", "statusListIndex": str(index),
              "statusListCredential": "https://issuer.test-badges.example/status/1"}
    doc = sign_di(ob3_credential(credentialStatus=status), KEY, f"{ISSUER}#{multikey(KEY)}")
    status_list = _status_list({5}, KEY, tamper)
    v = _verify(doc, issuer_fetcher(issuer_doc(KEY), status_list))
    assert v.verdict == verdict, v.reasons
    assert v.tampered == tamper


def test_bitstring_decoding_msb_first() -> None:
    raw = bytes([0b0100_0000, 0b0000_0001])
    encoded = "u" + base64.urlsafe_b64encode(gzip.compress(raw)).decode().rstrip("=")
    bits = decode_bitstring(encoded)
    assert [read_status(bits, i) for i in range(16)] == [0, 1] + [0] * 13 + [1]


def test_status_list_bomb_is_capped() -> None:
    encoded = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(20 * 1024 * 1024))).decode().rstrip("=")
    with pytest.raises(ValueError, match="inflates beyond"):
        decode_bitstring(encoded)


# --- VC-JWT -------------------------------------------------------------------------------------------------


def _jwt(alg: str = "EdDSA", key: object = KEY, **header: object) -> str:
    cred = ob3_credential()
    payload = {"iss": ISSUER, "jti": cred["id"], "nbf": 1704067200, "vc": cred}
    return jws({"alg": alg, "typ": "JWT", **header}, payload, key.sign if key is not None else None)


def test_jwt_with_kid_listed_by_issuer_is_valid() -> None:
    v = _verify(_jwt(kid=f"{ISSUER}#{multikey(KEY)}"), issuer_fetcher(issuer_doc(KEY)))
    assert (v.verdict, v.format) == ("valid", "OB3-jwt"), v.reasons


def test_jwt_bare_jwk_not_listed_is_refused() -> None:
    other = ed_key("attacker")
    raw = other.public_key().public_bytes_raw()
    jwk = {"kty": "OKP", "crv": "Ed25519", "x": base64.urlsafe_b64encode(raw).decode().rstrip("=")}
    v = _verify(_jwt(key=other, jwk=jwk), issuer_fetcher(issuer_doc(KEY)))
    assert v.verdict == "invalid-signature"
    assert any("signing key not published by the issuer" in r for r in v.reasons)


def test_jwt_edited_payload_is_tampered() -> None:
    token = _jwt(kid=f"{ISSUER}#{multikey(KEY)}")
    head, payload, sig = token.split(".")
    body = json.loads(base64.urlsafe_b64decode(payload + "=="))
    body["vc"]["credentialSubject"]["achievement"]["name"] = "Expert"
    edited = base64.urlsafe_b64encode(json.dumps(body).encode()).decode().rstrip("=")
    v = _verify(f"{head}.{edited}.{sig}", issuer_fetcher(issuer_doc(KEY)))
    assert (v.verdict, v.tampered) == ("invalid-signature", True)


def test_jwt_expired_by_exp_claim() -> None:
    cred = ob3_credential()
    payload = {"iss": ISSUER, "nbf": 1577836800, "exp": 1609459200, "vc": cred}
    token = jws({"alg": "EdDSA", "kid": f"{ISSUER}#{multikey(KEY)}"}, payload, KEY.sign)
    assert _verify(token, issuer_fetcher(issuer_doc(KEY))).verdict == "expired"


def test_jwt_iss_must_be_the_issuer() -> None:
    cred = ob3_credential()
    token = jws({"alg": "EdDSA", "kid": f"{ISSUER}#{multikey(KEY)}"}, {"iss": "https://other.example", "vc": cred},
                KEY.sign)
    assert _verify(token, issuer_fetcher(issuer_doc(KEY))).verdict == "invalid-signature"


@pytest.mark.parametrize(
    ("doc", "verdict"),
    [
        ({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "ClrCredential"],
          "issuer": "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", "credentialSubject": {}},
         "unsupported"),
        (ob3_credential(proof={"type": "DataIntegrityProof", "cryptosuite": "ecdsa-rdfc-2019",
                               "proofValue": "z1"}), "unsupported"),
        (ob3_credential(issuer={"id": "did:velocity:0x123", "name": "V"}), "unsupported"),
        (ob3_credential(issuer=None), "malformed"),
    ],
)
def test_kind_and_structure(doc: dict[str, object], verdict: str) -> None:
    assert _verify(doc, issuer_fetcher()).verdict == verdict


def test_jwt_vc_claim_takes_issuer_and_id_from_iss_and_jti() -> None:
    cred = ob3_credential()
    del cred["issuer"], cred["id"]
    payload = {"iss": ISSUER, "jti": "urn:uuid:1", "nbf": 1704067200, "vc": cred}
    token = jws({"alg": "EdDSA", "kid": f"{ISSUER}#{multikey(KEY)}"}, payload, KEY.sign)
    assert _verify(token, issuer_fetcher(issuer_doc(KEY))).verdict == "valid"
