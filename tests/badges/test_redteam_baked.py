"""Red-team cases for baked badges (PNG iTXt, SVG elements) that the development set does not have."""

from __future__ import annotations

import json
import zlib

import pytest

from screener.badges import verify_badge
from screener.badges.fetch import MappingFetcher

from .conftest import FIXTURES, ISSUER, NOW, ed_key, issuer_doc, issuer_fetcher, multikey, ob3_credential, sign_di
from .conftest import world_fetcher as dev_world
from .test_baked import IDAT, IEND, IHDR, PNG_SIGNATURE, chunk, itxt, png

KEY = ed_key("redteam baked key")
CRED = json.dumps(sign_di(ob3_credential(), KEY, f"{ISSUER}#{multikey(KEY)}")).encode()
OB3_NS = 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"'
OB2_NS = 'xmlns:openbadges="http://openbadges.org"'


def _verify(data: bytes, fetcher: object | None = None) -> object:
    return verify_badge(data, fetcher=fetcher or issuer_fetcher(issuer_doc(KEY)), email="ann@example.com", now=NOW)


@pytest.mark.parametrize(
    ("data", "verdict"),
    [
        (png(IDAT, itxt(CRED)), "valid"),
        (png(IDAT, itxt(CRED, compressed=True)), "valid"),
        # iTXt with a language tag and translated keyword (both allowed by the PNG spec)
        (png(IDAT, chunk(b"iTXt", b"openbadgecredential\x00\x00\x00en\x00Open Badge\x00" + CRED)), "valid"),
        # the only badge chunk sits after IEND: image decoders never see it, so the image carries no badge
        (PNG_SIGNATURE + IHDR + IDAT + IEND + itxt(CRED), "malformed"),
        # one badge inside, another hidden after IEND: ambiguous
        (png(IDAT, itxt(CRED)) + itxt(b'{"other": true}'), "malformed"),
        # two chunks with different badge keywords (OB2 and OB3)
        (png(IDAT, itxt(CRED), itxt(b"https://badges.example/a", b"openbadges")), "malformed"),
        # compression flag set with an unknown method; a compressed chunk that is not zlib
        (png(IDAT, chunk(b"iTXt", b"openbadgecredential\x00\x01\x01\x00\x00" + zlib.compress(CRED))), "malformed"),
        (png(IDAT, chunk(b"iTXt", b"openbadgecredential\x00\x01\x00\x00\x00not zlib at all")), "malformed"),
        # keyword in another letter case is not the badge keyword: no badge
        (png(IDAT, itxt(CRED, b"OpenBadgeCredential")), "malformed"),
        # the payload is a URL on a private address
        (png(IDAT, itxt(b"http://192.168.0.1/badge.json", b"openbadges")), "unsafe-url"),
        # an empty / whitespace payload
        (png(IDAT, itxt(b"  \n ")), "malformed"),
        # BOM inside the chunk before the JSON
        (png(IDAT, itxt(b"\xef\xbb\xbf" + CRED)), "valid"),
    ],
)
def test_baked_png_cases(data: bytes, verdict: str) -> None:
    v = _verify(data)
    assert v.verdict == verdict, v.reasons


def test_baked_ob2_png_whose_assertion_differs_from_the_hosted_copy_is_tampered() -> None:
    """Re-bake the dev OB2 PNG with an edited assertion: the hosted copy at its id no longer matches."""
    from screener.badges.baked import extract_png

    path = "baked/png/ob2-simple-badge.png"
    original = (FIXTURES / path).read_bytes()
    doc = json.loads(extract_png(original).text)
    doc["issuedOn"] = "2012-01-01T00:00:00Z"
    rebaked = png(IDAT, itxt(json.dumps(doc).encode(), b"openbadges"))
    v = verify_badge(rebaked, fetcher=dev_world(path), email="nobody@example.org", now=NOW)
    assert (v.verdict, v.tampered) == ("invalid-signature", True), v.reasons
    assert v.format == "baked-png"


def _svg(inner: str, ns: str = OB3_NS, prolog: str = "") -> bytes:
    return f'{prolog}<svg xmlns="http://www.w3.org/2000/svg" {ns}>{inner}<circle r="1"/></svg>'.encode()


@pytest.mark.parametrize(
    ("data", "verdict"),
    [
        (_svg(f"<openbadges:credential><![CDATA[{CRED.decode()}]]></openbadges:credential>"), "valid"),
        # the public SVG DOCTYPE (as in the dev fixture) is fine: it is never fetched
        (_svg(f"<openbadges:credential><![CDATA[{CRED.decode()}]]></openbadges:credential>", prolog=(
            '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
            '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">')), "valid"),
        # an internal DTD subset whose ATTLIST default injects a verify URL into the badge element
        (_svg("<openbadges:assertion/>", OB2_NS, prolog=(
            '<!DOCTYPE svg [<!ATTLIST openbadges:assertion verify CDATA "http://127.0.0.1/a">]>')), "malformed"),
        (_svg(f"<openbadges:credential><![CDATA[{CRED.decode()}]]></openbadges:credential>",
              prolog="<!DOCTYPE svg [<!ELEMENT svg ANY>]>"), "malformed"),
        # credential referenced by a verify attribute pointing to an unsafe URL
        (_svg('<openbadges:assertion verify="http://169.254.169.254/latest/meta-data/"/>', OB2_NS), "unsafe-url"),
        (_svg('<openbadges:assertion verify="file:///etc/passwd"/>', OB2_NS), "unsafe-url"),
        (_svg('<openbadges:assertion verify="https://[::1]/a"/>', OB2_NS), "unsafe-url"),
        # the right element name in the wrong namespace is no badge
        (_svg(f"<openbadges:credential><![CDATA[{CRED.decode()}]]></openbadges:credential>",
              'xmlns:openbadges="https://example.org/not-openbadges"'), "malformed"),
        # an assertion and a credential in one SVG: ambiguous
        (_svg(f'<a:assertion xmlns:a="http://openbadges.org" verify="https://x.example/a"/>'
              f"<openbadges:credential><![CDATA[{CRED.decode()}]]></openbadges:credential>"), "malformed"),
        # non-UTF-8 bytes inside the SVG
        (b'<svg xmlns="http://www.w3.org/2000/svg">\xff\xfe</svg>', "malformed"),
    ],
)
def test_baked_svg_cases(data: bytes, verdict: str) -> None:
    v = _verify(data)
    assert v.verdict == verdict, v.reasons


def test_svg_verify_attribute_with_a_safe_url_is_followed() -> None:
    url = "https://issuer.test-badges.example/credentials/1"
    fetcher = MappingFetcher({ISSUER: json.dumps(issuer_doc(KEY)), url: CRED})
    v = _verify(_svg(f'<openbadges:credential verify="{url}"/>'), fetcher)
    assert (v.verdict, v.format) == ("valid", "baked-svg"), v.reasons


def test_url_chain_is_bounded() -> None:
    """A baked URL that answers with another URL that answers with another: stop, do not loop."""
    a, b, c = (f"https://chain.example/{n}" for n in "abc")
    fetcher = MappingFetcher({a: b.encode(), b: c.encode(), c: a.encode()})
    v = verify_badge(png(IDAT, itxt(a.encode(), b"openbadges")), fetcher=fetcher, now=NOW)
    assert v.verdict in ("malformed", "invalid-signature"), v.reasons
