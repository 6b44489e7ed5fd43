"""Red-team input shapes: BOM, duplicate keys, huge numbers, deep nesting, oversized and non-UTF-8 inputs.

None of these may raise or come out ``valid`` by accident; each gets the verdict the README rules give it.
"""

from __future__ import annotations

import json

import pytest

from screener.badges import verify_badge
from screener.badges.fetch import MappingFetcher

from .conftest import FIXTURES, ISSUER, NOW, ed_key, issuer_doc, issuer_fetcher, jws, multikey, ob3_credential, sign_di
from .conftest import world_fetcher as dev_world

KEY = ed_key("redteam inputs key")
SIGNED = sign_di(ob3_credential(), KEY, f"{ISSUER}#{multikey(KEY)}")


def _verify(data: bytes | str, fetcher: object | None = None) -> object:
    return verify_badge(data, fetcher=fetcher or issuer_fetcher(issuer_doc(KEY)), email="ann@example.com", now=NOW)


@pytest.mark.parametrize(
    ("data", "verdict"),
    [
        (b"\xef\xbb\xbf" + json.dumps(SIGNED).encode(), "valid"),  # BOM before a JSON file
        (json.dumps(SIGNED).encode("utf-16"), "malformed"),  # not UTF-8
        (b"\xff\xfe\xfd not text", "malformed"),
        (json.dumps(SIGNED).encode()[:-1] + b"\xff}", "malformed"),
        (b"[" * 200_000 + b"]" * 200_000, "malformed"),  # deep nesting (and over the size cap)
        (b'{"a":' * 80 + b"1" + b"}" * 80, "malformed"),  # deeper than the depth cap
        (b'{"@context": "https://w3id.org/openbadges/v2", "n": 1' + b"0" * 5000 + b"}", "malformed"),  # huge int
        (b'{"x": 1e999999}', "malformed"),  # a float that is infinite; not a badge either
        (json.dumps({**SIGNED, "description": "x" * (1024 * 1024)}).encode(), "malformed"),  # over 1 MiB of JSON
        (b" " * (2 * 1024 * 1024) + json.dumps(SIGNED).encode(), "valid"),  # padding is not content
        (b"", "malformed"),
        (b"null", "malformed"),
        (b'"just a string"', "malformed"),
    ],
)
def test_hostile_input_shapes(data: bytes, verdict: str) -> None:
    v = _verify(data)
    assert v.verdict == verdict, v.reasons


def test_duplicate_keys_cannot_smuggle_a_second_value() -> None:
    """Two parsers of one JSON text must not see two badges: duplicate member names are malformed (RFC 8259 says
    names SHOULD be unique; JOSE says a header with duplicates must be rejected or read last-wins)."""
    text = json.dumps(SIGNED)
    smuggled = text[:-1] + ', "issuer": {"id": "https://someone-else.example", "name": "Famous University"}}'
    assert _verify(smuggled).verdict == "malformed"


def test_duplicate_keys_in_a_jwt_header_or_payload() -> None:
    cred = ob3_credential()
    header = '{"alg": "EdDSA", "kid": "' + f"{ISSUER}#{multikey(KEY)}" + '", "alg": "none"}'
    from screener.badges.keys import b64url_encode

    signing_input = f"{b64url_encode(header.encode())}.{b64url_encode(json.dumps({'iss': ISSUER, 'vc': cred}).encode())}"
    token = f"{signing_input}.{b64url_encode(KEY.sign(signing_input.encode()))}"
    assert _verify(token).verdict == "malformed"


def test_jwt_with_huge_parts_is_malformed() -> None:
    token = jws({"alg": "EdDSA"}, {"vc": ob3_credential(description="x" * 600_000)}, KEY.sign)
    assert _verify(token).verdict == "malformed"


def test_url_input_with_spaces_or_newlines_is_not_fetched() -> None:
    class NoNetwork:
        def get(self, url: str, *, accept: str = "") -> None:
            raise AssertionError(url)

    for text in ("https://a.example/x\nhttps://b.example/y", "https://a.example/ x"):
        assert verify_badge(text, fetcher=NoNetwork(), now=NOW).verdict == "malformed"


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/badge",  # decimal 127.0.0.1
        "http://0177.0.0.1/badge",  # octal
        "http://[::ffff:7f00:1]/badge",  # IPv4-mapped
        "http://[64:ff9b::a9fe:a9fe]/badge",  # NAT64 of 169.254.169.254
        "http://[2002:c0a8:0101::1]/badge",  # 6to4 of 192.168.1.1
        "http://100.64.0.1/badge",  # CGNAT
        "http://badge.localhost/badge",
        "https://issuer.example@127.0.0.1/badge",
        "HTTPS://LOCALHOST./badge",
        "javascript:alert(1)",
        "data:application/json,{}",
    ],
)
def test_hostile_badge_urls(url: str) -> None:
    assert verify_badge(url, fetcher=MappingFetcher({}), now=NOW).verdict == "unsafe-url"


def test_ob1_and_dev_fixture_with_bom_keep_their_verdicts() -> None:
    path = "ob2/legacy/ob1.0-basic-assertion.json"
    data = b"\xef\xbb\xbf" + (FIXTURES / path).read_bytes()
    assert verify_badge(data, fetcher=dev_world(path), now=NOW).verdict == "unsupported"
