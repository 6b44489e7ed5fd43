"""Recipient matching: plain, sha256$, md5$ (salted), normalisation, disallowed prefixes."""

from __future__ import annotations

import hashlib

import pytest

from screener.badges.model import BadgeFailure
from screener.badges.recipient import check_recipient_vector, identity_matches, validate_identity


def _h(alg: str, text: str) -> str:
    return f"{alg}$" + hashlib.new(alg, text.encode()).hexdigest()


@pytest.mark.parametrize(
    ("identity", "hashed", "salt", "email", "expected"),
    [
        (_h("sha256", "ann@example.com" + "salt"), True, "salt", "ann@example.com", True),
        (_h("sha256", "ann@example.com" + "salt"), True, "salt", "  ANN@Example.com ", True),
        (_h("sha256", "ann@example.com" + "salt").upper().replace("SHA256$", "sha256$"), True, "salt",
         "ann@example.com", True),
        (_h("sha256", "ann@example.com"), True, None, "ann@example.com", True),
        (_h("md5", "ann@example.com" + "x"), True, "x", "ann@example.com", True),
        (_h("sha256", "ann@example.com" + "salt"), True, "salt", "bob@example.com", False),
        (_h("sha256", "ann@example.com" + "salt"), True, "pepper", "ann@example.com", False),
        ("Ann@Example.com", False, None, "ann@example.com", True),
        ("ann@example.com", False, None, "bob@example.com", False),
        (_h("sha256", "ann@example.com"), None, None, "ann@example.com", True),  # hashed flag absent, prefix says
    ],
)
def test_identity_matches(identity: str, hashed: object, salt: str | None, email: str, expected: bool) -> None:
    validate_identity(identity, hashed, salt)
    assert identity_matches(identity, hashed, salt, email) is expected


@pytest.mark.parametrize(
    "identity",
    [
        _h("sha512", "ann@example.com"),
        _h("sha1", "ann@example.com"),
        hashlib.sha256(b"ann@example.com").hexdigest(),  # hashed without a prefix
        "sha256$nothex",
        "",
    ],
)
def test_disallowed_or_broken_hashes_are_malformed(identity: str) -> None:
    with pytest.raises(BadgeFailure) as info:
        validate_identity(identity, True, None)
    assert info.value.verdict == "malformed"


def test_vector_helper() -> None:
    recipient = {"type": "email", "hashed": True, "salt": "s", "identity": _h("sha256", "a@b.example" + "s")}
    assert check_recipient_vector(recipient, "A@B.example") == "valid"
    assert check_recipient_vector(recipient, "c@b.example") == "recipient-mismatch"
    assert check_recipient_vector({"identity": "sha512$00", "hashed": True}, "a@b.example") == "malformed"
