"""Public keys of badge issuers: multibase/did:key decoding, did:web addresses, JWK parsing, issuer key binding.

A signature only counts when the key is published by, or controlled by, the issuer (README "Keys"). This module
finds the issuer's own document (did:key built locally; did:web and http(s) documents through the fetcher) and
returns a key only if that document lists it.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from screener.badges.model import BadgeFailure, Run

_B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(_B58_ALPHABET)}
ED25519_MULTICODEC = b"\xed\x01"
MAX_MULTIBASE_CHARS = 4096


class KeyError_(ValueError):
    """A key or identifier that cannot be decoded."""


def b58decode(text: str) -> bytes:
    """Bitcoin-alphabet base58 (multibase ``z``). Leading '1's are leading zero bytes."""
    if len(text) > MAX_MULTIBASE_CHARS:
        raise KeyError_("base58 value too long")
    number = 0
    for char in text:
        digit = _B58_INDEX.get(char)
        if digit is None:
            raise KeyError_(f"character {char!r} is not base58")
        number = number * 58 + digit
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    zeros = len(text) - len(text.lstrip("1"))
    return b"\x00" * zeros + body


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = []
    while number:
        number, rem = divmod(number, 58)
        out.append(_B58_ALPHABET[rem])
    zeros = len(data) - len(data.lstrip(b"\x00"))
    return "1" * zeros + "".join(reversed(out))


def b64url_decode(text: str) -> bytes:
    """Strict base64url without padding (JOSE); raises ``KeyError_`` on anything else."""
    if not isinstance(text, str) or any(c not in _B64URL_CHARS for c in text) or len(text) % 4 == 1:
        raise KeyError_("not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise KeyError_("not base64url") from exc


_B64URL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def multibase_decode(value: str) -> bytes:
    """Multibase ``z`` (base58btc) and ``u`` (base64url); the two that badge keys and proofs use."""
    if not isinstance(value, str) or not value:
        raise KeyError_("empty multibase value")
    prefix, body = value[0], value[1:]
    if prefix == "z":
        return b58decode(body)
    if prefix == "u":
        return b64url_decode(body)
    raise KeyError_(f"multibase prefix {prefix!r} is not supported")


@dataclass(frozen=True)
class PublicKey:
    """Key material in a comparable form: kty + parameters (JWK names)."""

    kty: str  # "OKP" (Ed25519), "RSA", "EC" (P-256)
    params: tuple[tuple[str, str], ...]  # sorted (name, base64url value)
    key_id: str = ""

    def param(self, name: str) -> str:
        return dict(self.params).get(name, "")

    def same_material(self, other: PublicKey) -> bool:
        return self.kty == other.kty and self.params == other.params

    def crypto_key(self) -> Any:
        if self.kty == "OKP":
            return ed25519.Ed25519PublicKey.from_public_bytes(b64url_decode(self.param("x")))
        if self.kty == "RSA":
            n = int.from_bytes(b64url_decode(self.param("n")), "big")
            e = int.from_bytes(b64url_decode(self.param("e")), "big")
            return rsa.RSAPublicNumbers(e, n).public_key()
        if self.kty == "EC":
            x = int.from_bytes(b64url_decode(self.param("x")), "big")
            y = int.from_bytes(b64url_decode(self.param("y")), "big")
            return ec.EllipticCurvePublicNumbers(x, y, ec.SECP256R1()).public_key()
        raise KeyError_(f"key type {self.kty} is not supported")


def ed25519_key(raw: bytes, key_id: str = "") -> PublicKey:
    if len(raw) != 32:
        raise KeyError_("an Ed25519 public key is 32 bytes")
    return PublicKey("OKP", (("crv", "Ed25519"), ("x", b64url_encode(raw))), key_id)


def key_from_multikey(value: str, key_id: str = "") -> PublicKey:
    """``z6Mk...`` Multikey / Ed25519VerificationKey2020 value: multicodec 0xed01 + 32 bytes."""
    raw = multibase_decode(value)
    if raw[:2] != ED25519_MULTICODEC:
        raise KeyError_("multikey is not an Ed25519 public key (multicodec 0xed01)")
    return ed25519_key(raw[2:], key_id)


def key_from_jwk(jwk: Any, key_id: str = "") -> PublicKey:
    if not isinstance(jwk, dict):
        raise KeyError_("JWK is not an object")
    if any(name in jwk for name in ("d", "p", "q", "k")):
        raise KeyError_("JWK contains private key material")
    kty = jwk.get("kty")
    if kty == "OKP" and jwk.get("crv") == "Ed25519":
        return ed25519_key(b64url_decode(str(jwk.get("x", ""))), key_id)
    if kty == "RSA":
        n, e = str(jwk.get("n", "")), str(jwk.get("e", ""))
        b64url_decode(n), b64url_decode(e)
        return PublicKey("RSA", (("e", _strip_b64_int(e)), ("n", _strip_b64_int(n))), key_id)
    if kty == "EC" and jwk.get("crv") == "P-256":
        x, y = str(jwk.get("x", "")), str(jwk.get("y", ""))
        if len(b64url_decode(x)) != 32 or len(b64url_decode(y)) != 32:
            raise KeyError_("P-256 coordinates are 32 bytes")
        return PublicKey("EC", (("crv", "P-256"), ("x", x), ("y", y)), key_id)
    raise KeyError_(f"JWK kty={kty!r} crv={jwk.get('crv')!r} is not supported")


def _strip_b64_int(value: str) -> str:
    # Leading zero bytes do not change an RSA integer; normalise so equal keys compare equal.
    return b64url_encode(b64url_decode(value).lstrip(b"\x00") or b"\x00")


def key_from_pem(pem: str, key_id: str = "") -> PublicKey:
    try:
        loaded = load_pem_public_key(pem.encode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise KeyError_("publicKeyPem is not a PEM public key") from exc
    if isinstance(loaded, rsa.RSAPublicKey):
        nums = loaded.public_numbers()
        n = nums.n.to_bytes((nums.n.bit_length() + 7) // 8, "big")
        e = nums.e.to_bytes((nums.e.bit_length() + 7) // 8, "big")
        return PublicKey("RSA", (("e", b64url_encode(e)), ("n", b64url_encode(n))), key_id)
    if isinstance(loaded, ed25519.Ed25519PublicKey):
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        return ed25519_key(loaded.public_bytes(Encoding.Raw, PublicFormat.Raw), key_id)
    raise KeyError_("only RSA and Ed25519 PEM keys are supported")


def key_from_method(method: dict[str, Any]) -> PublicKey:
    """Key material of a verification method object (Multikey, Ed25519VerificationKey2018/2020, JsonWebKey...)."""
    key_id = str(method.get("id", ""))
    if "publicKeyMultibase" in method:
        return key_from_multikey(str(method["publicKeyMultibase"]), key_id)
    if "publicKeyJwk" in method:
        return key_from_jwk(method["publicKeyJwk"], key_id)
    if "publicKeyBase58" in method:
        return ed25519_key(b58decode(str(method["publicKeyBase58"])), key_id)
    if "publicKeyPem" in method:
        return key_from_pem(str(method["publicKeyPem"]), key_id)
    raise KeyError_(f"verification method {key_id or '(no id)'} has no public key")


# --- DIDs -------------------------------------------------------------------------------------------------------


def did_key_document(did: str) -> dict[str, Any]:
    """The DID document a did:key (Ed25519) resolves to, built locally as the did:key method defines it."""
    ident = did[len("did:key:"):]
    key = key_from_multikey(ident)  # validates the multicodec
    method_id = f"{did}#{ident}"
    method = {"id": method_id, "type": "Multikey", "controller": did, "publicKeyMultibase": ident}
    del key
    return {"id": did, "verificationMethod": [method], "assertionMethod": [method_id]}


def did_web_url(did: str) -> str:
    """did:web:host[:path...] → https://host/.well-known/did.json or https://host/path/did.json."""
    parts = did[len("did:web:"):].split(":")
    if not parts or not parts[0]:
        raise KeyError_("did:web without a host")
    host = unquote(parts[0])  # a port is percent-encoded as %3A
    if any(c in host for c in "/@?#\\") or any(not p or "/" in unquote(p) for p in parts[1:]):
        raise KeyError_("did:web has an invalid host or path")
    if len(parts) == 1:
        return f"https://{host}/.well-known/did.json"
    return f"https://{host}/" + "/".join(parts[1:]) + "/did.json"


def split_did_url(ref: str) -> tuple[str, str]:
    base, _, frag = ref.partition("#")
    return base, frag


def _absolute(ref: str, base_id: str) -> str:
    return base_id + ref if ref.startswith("#") else ref


def load_issuer_document(run: Run, issuer_id: str) -> dict[str, Any]:
    """The issuer's own key document: DID document (did:key, did:web) or controller document / profile (http)."""
    if issuer_id.startswith("did:key:"):
        try:
            return did_key_document(issuer_id)
        except KeyError_ as exc:
            raise BadgeFailure("invalid-signature", f"issuer {issuer_id} is not a valid Ed25519 did:key: {exc}") from exc
    if issuer_id.startswith("did:web:"):
        try:
            url = did_web_url(issuer_id)
        except KeyError_ as exc:
            raise BadgeFailure("invalid-signature", f"issuer {issuer_id}: {exc}") from exc
        doc = run.get_json(url, what=f"DID document of {issuer_id}")
        if doc is None:
            raise BadgeFailure("invalid-signature", f"the DID document of issuer {issuer_id} ({url}) was not found")
        if doc.get("id") != issuer_id:
            raise BadgeFailure("invalid-signature", f"the DID document at {url} is for {doc.get('id')!r}, not the issuer")
        return doc
    if issuer_id.startswith("did:"):
        method = issuer_id.split(":")[1] if issuer_id.count(":") >= 2 else "?"
        raise BadgeFailure("invalid-signature", f"issuer {issuer_id}: DID method did:{method} cannot be resolved")
    scheme = urlsplit(issuer_id).scheme.lower()
    if scheme in ("http", "https"):
        doc = run.get_json(issuer_id, what=f"issuer profile {issuer_id}")
        if doc is None:
            raise BadgeFailure(
                "invalid-signature", f"the issuer's document {issuer_id} was not found, so it lists no signing key"
            )
        doc_id = doc.get("id")
        if doc_id is not None and doc_id != issuer_id:
            raise BadgeFailure("invalid-signature", f"the document at {issuer_id} is for {doc_id!r}, not the issuer")
        return doc
    raise BadgeFailure(
        "invalid-signature",
        f"issuer {issuer_id} is not a DID or web address, so no key can be tied to it: anyone could have signed",
    )


def _methods(doc: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    for prop in ("verificationMethod", "assertionMethod", "publicKey"):
        value = doc.get(prop)
        if isinstance(value, list):
            out.extend(value)
        elif value is not None:
            out.append(value)
    return out


def _assertion_refs(doc: dict[str, Any]) -> list[str] | None:
    value = doc.get("assertionMethod")
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    doc_id = str(doc.get("id", ""))
    refs: list[str] = []
    for item in items:
        if isinstance(item, str):
            refs.append(_absolute(item, doc_id))
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            refs.append(_absolute(item["id"], doc_id))
    return refs


def issuer_keys(run: Run, issuer_id: str, doc: dict[str, Any]) -> list[PublicKey]:
    """Every key the issuer document lists for making assertions (embedded or dereferenced)."""
    doc_id = str(doc.get("id", issuer_id))
    # Only the assertionMethod relationship authorises a key to sign credentials (DID Core §5.3.2, Controlled
    # Identifiers): a key listed only under verificationMethod/authentication may log in, not issue badges.
    allowed = _assertion_refs(doc) or []
    keys: list[PublicKey] = []
    seen: set[str] = set()
    for item in _methods(doc):
        if isinstance(item, dict):
            method_id = _absolute(str(item.get("id", "")), doc_id)
            if method_id in seen or method_id not in allowed:
                continue
            controller = item.get("controller")
            if controller is not None and controller != issuer_id and controller != doc_id:
                continue
            try:
                key = key_from_method(item)
            except KeyError_:
                continue
            seen.add(method_id)
            keys.append(PublicKey(key.kty, key.params, method_id))
    return keys


def bound_key(run: Run, issuer_id: str, method_ref: str) -> PublicKey:
    """The key ``method_ref`` names, provided the issuer's own document lists it; else ``BadgeFailure``."""
    if not isinstance(method_ref, str) or not method_ref:
        raise BadgeFailure("invalid-signature", "the proof names no verification method")
    method_ref = _absolute(method_ref, issuer_id)
    base, frag = split_did_url(method_ref)
    scheme = method_ref.split(":", 1)[0].lower() if ":" in method_ref else ""
    if scheme not in ("did", "http", "https"):
        raise BadgeFailure("invalid-signature", f"verification method {method_ref!r} has an unknown scheme")
    if not frag and scheme == "did":
        raise BadgeFailure(
            "invalid-signature",
            f"verification method {method_ref} is a bare DID, not a key listed in the issuer's DID document",
        )
    if base.startswith("did:") and not (base.startswith("did:key:") or base.startswith("did:web:")):
        raise BadgeFailure("invalid-signature", f"verification method {method_ref}: DID method cannot be resolved")
    doc = load_issuer_document(run, issuer_id)
    for key in issuer_keys(run, issuer_id, doc):
        if key.key_id == method_ref:
            return key
    # Listed by reference only (assertionMethod: ["https://issuer/keys/1"]): dereference it, and require that its
    # controller is the issuer.
    refs = _assertion_refs(doc) or []
    if method_ref in refs and scheme in ("http", "https"):
        method = run.get_json(base if not frag else method_ref.split("#")[0], what=f"key {method_ref}")
        if isinstance(method, dict):
            candidates = [method, *[m for m in _methods(method) if isinstance(m, dict)]]
            for cand in candidates:
                cand_id = _absolute(str(cand.get("id", "")), base)
                if cand_id == method_ref and cand.get("controller") == issuer_id:
                    try:
                        return key_from_method(cand)
                    except KeyError_ as exc:
                        raise BadgeFailure("invalid-signature", f"key {method_ref}: {exc}") from exc
    raise BadgeFailure(
        "invalid-signature",
        f"signing key {method_ref} is not published by the issuer {issuer_id}: anyone could have signed it",
    )


# --- signatures -------------------------------------------------------------------------------------------------

_ED25519_P = 2**255 - 19
_ED25519_L = 2**252 + 27742317777372353535851937790883648493
_ED25519_D = (-121665 * pow(121666, _ED25519_P - 2, _ED25519_P)) % _ED25519_P
_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")
_P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def _ed25519_point_ok(encoded: bytes) -> bool:
    """Whether 32 bytes decode to a curve point (RFC 8032 §5.1.3), without decoding fully."""
    y = int.from_bytes(encoded, "little") & ((1 << 255) - 1)
    if y >= _ED25519_P:
        return False
    u = (y * y - 1) % _ED25519_P
    v = (_ED25519_D * y * y + 1) % _ED25519_P
    x2 = u * pow(v, _ED25519_P - 2, _ED25519_P) % _ED25519_P
    return x2 == 0 or pow(x2, (_ED25519_P - 1) // 2, _ED25519_P) == 1


def verify_signature(key: PublicKey, alg: str, message: bytes, signature: bytes) -> str:
    """``"ok"``, ``"mismatch"`` (well-formed signature by this kind of key, but not over this content: the content
    was edited) or ``"malformed"`` (the signature value itself is broken or was made with another key)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    try:
        crypto = key.crypto_key()
    except (KeyError_, ValueError) as exc:
        raise BadgeFailure("invalid-signature", f"the signing key cannot be used: {exc}") from exc
    if alg == "EdDSA":
        if key.kty != "OKP":
            return "malformed"
        if len(signature) != 64:
            return "malformed"
        try:
            crypto.verify(signature, message)
            return "ok"
        except InvalidSignature:
            # A random or corrupted value is rarely a canonical signature (S < L, R on the curve).
            s_value = int.from_bytes(signature[32:], "little")
            return "mismatch" if s_value < _ED25519_L and _ed25519_point_ok(signature[:32]) else "malformed"
    if alg == "RS256":
        if key.kty != "RSA":
            return "malformed"
        numbers = crypto.public_numbers()
        size = (numbers.n.bit_length() + 7) // 8
        if len(signature) != size or numbers.n.bit_length() < 2048:
            return "malformed"
        try:
            crypto.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
            return "ok"
        except InvalidSignature:
            # Open the signature with the public key: intact PKCS#1 v1.5 padding around a SHA-256 DigestInfo
            # means the issuer's key signed *some* content, just not this one.
            opened = pow(int.from_bytes(signature, "big"), numbers.e, numbers.n).to_bytes(size, "big")
            pad_len = size - 3 - len(_SHA256_DIGEST_INFO) - 32
            intact = opened[:2] == b"\x00\x01" and opened[2 : 2 + pad_len] == b"\xff" * pad_len
            intact = intact and opened[2 + pad_len : 3 + pad_len + len(_SHA256_DIGEST_INFO)] == (
                b"\x00" + _SHA256_DIGEST_INFO
            )
            return "mismatch" if intact else "malformed"
    if alg == "ES256":
        if key.kty != "EC" or len(signature) != 64:
            return "malformed"
        r, s_value = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
        if not (0 < r < _P256_N and 0 < s_value < _P256_N):
            return "malformed"
        try:
            crypto.verify(encode_dss_signature(r, s_value), message, ec.ECDSA(hashes.SHA256()))
            return "ok"
        except InvalidSignature:
            return "mismatch"
    return "malformed"
