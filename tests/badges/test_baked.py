"""Baked badges: PNG chunk parsing (CRC, caps, bounded inflate, duplicates) and SVG extraction."""

from __future__ import annotations

import struct
import zlib

import pytest

from screener.badges.baked import PNG_SIGNATURE, extract_png, extract_svg
from screener.badges.model import BadgeFailure

from .conftest import FIXTURES


def chunk(ctype: bytes, data: bytes, crc: int | None = None) -> bytes:
    crc = zlib.crc32(ctype + data) & 0xFFFFFFFF if crc is None else crc
    return struct.pack(">I", len(data)) + ctype + data + struct.pack(">I", crc)


IHDR = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
IDAT = chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
IEND = chunk(b"IEND", b"")


def itxt(text: bytes, keyword: bytes = b"openbadgecredential", compressed: bool = False) -> bytes:
    body = zlib.compress(text) if compressed else text
    return chunk(b"iTXt", keyword + b"\x00" + bytes([int(compressed), 0]) + b"\x00\x00" + body)


def png(*chunks: bytes) -> bytes:
    return PNG_SIGNATURE + IHDR + b"".join(chunks) + IEND


@pytest.mark.parametrize(
    ("data", "text", "hint"),
    [
        (png(IDAT, itxt(b'{"a": 1}')), '{"a": 1}', "OB3"),
        (png(itxt(b"https://example.org/a", b"openbadges"), IDAT), "https://example.org/a", "OB2"),  # before IDAT
        (png(IDAT, itxt(b'{"z": 2}', compressed=True)), '{"z": 2}', "OB3"),
        (png(IDAT, chunk(b"tEXt", b"openbadges\x00{\"b\": 3}")), '{"b": 3}', "OB2"),
    ],
)
def test_png_payload_found(data: bytes, text: str, hint: str) -> None:
    payload = extract_png(data)
    assert (payload.text, payload.version_hint) == (text, hint)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (png(IDAT), "no badge"),
        (png(IDAT, itxt(b"{}"), itxt(b"{}", b"openbadges")), "more than one"),
        (png(IDAT, chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00{}", crc=1)), "bad CRC"),
        (png(IDAT, itxt(b"{}"))[:-20], "truncated"),
        (PNG_SIGNATURE + IHDR + struct.pack(">I", 0x7FFFFFFF) + b"iTXt", "cap"),
        (png(IDAT, itxt(b"\x00" * (8 * 1024 * 1024), compressed=True)), "inflates beyond"),
        (png(IDAT, itxt(b"\xff\xfe\xfa")), "not UTF-8"),
        (png(IDAT, chunk(b"iTXt", b"openbadges\x00\x01")), "truncated"),
        (PNG_SIGNATURE + IHDR + IDAT, "truncated"),
        (b"GIF89a....", "not a PNG"),
    ],
)
def test_png_refused(data: bytes, message: str) -> None:
    with pytest.raises(BadgeFailure) as info:
        extract_png(data)
    assert info.value.verdict == "malformed"
    assert message in info.value.reason


def svg(inner: str, ns: str = 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"') -> bytes:
    return f'<svg xmlns="http://www.w3.org/2000/svg" {ns}>{inner}<circle r="1"/></svg>'.encode()


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (svg("<openbadges:credential><![CDATA[ {\"x\": 1} ]]></openbadges:credential>"), '{"x": 1}'),
        (svg('<openbadges:assertion verify="https://example.org/a"/>', 'xmlns:openbadges="http://openbadges.org"'),
         "https://example.org/a"),
        ((FIXTURES / "baked/svg/ob3-simple-json.svg").read_bytes(), None),  # has a DOCTYPE, no entities
    ],
)
def test_svg_payload_found(data: bytes, text: str | None) -> None:
    payload = extract_svg(data)
    assert payload.text.startswith("{") if text is None else payload.text == text


@pytest.mark.parametrize(
    "data",
    [
        (FIXTURES / "derived/svg-entity-bomb.svg").read_bytes(),
        (FIXTURES / "derived/svg-xxe-file-entity.svg").read_bytes(),
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "http://127.0.0.1/">]><svg>&x;</svg>',
        svg("<openbadges:credential>{}</openbadges:credential>" * 2),
        svg("<circle/>"),
        b"<svg><unclosed></svg>",
    ],
)
def test_svg_refused(data: bytes) -> None:
    with pytest.raises(BadgeFailure) as info:
        extract_svg(data)
    assert info.value.verdict == "malformed"
