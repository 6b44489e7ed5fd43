"""Badges baked into images: PNG ``iTXt`` chunks (parsed by hand, CRC-checked, bounded) and SVG elements.

PNG: exactly one text chunk with keyword ``openbadges`` (OB2) or ``openbadgecredential`` (OB3). SVG:
``<openbadges:assertion>`` (``http://openbadges.org``) or ``<openbadges:credential>``
(``https://purl.imsglobal.org/ob/v3p0``), parsed by defusedxml with entities and external references refused.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from screener.badges.model import BadgeFailure

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_BYTES = 8 * 1024 * 1024
MAX_CHUNK_BYTES = 4 * 1024 * 1024
MAX_PAYLOAD_BYTES = 1024 * 1024  # a badge payload (JSON or JWS) after decompression
MAX_CHUNKS = 10_000
BADGE_KEYWORDS = {b"openbadges": "OB2", b"openbadgecredential": "OB3"}
OB2_SVG_NS = "http://openbadges.org"
OB3_SVG_NS = "https://purl.imsglobal.org/ob/v3p0"


@dataclass(frozen=True)
class BakedPayload:
    """The badge found in an image: its text (JSON, JWS or URL) and the keyword/element it came from."""

    text: str
    version_hint: str  # "OB2" or "OB3"


def _bounded_inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_PAYLOAD_BYTES)
    except zlib.error as exc:
        raise BadgeFailure("malformed", f"the baked badge chunk does not decompress: {exc}") from exc
    if inflater.unconsumed_tail or len(out) >= MAX_PAYLOAD_BYTES:
        raise BadgeFailure(
            "malformed", f"the baked badge chunk inflates beyond {MAX_PAYLOAD_BYTES // 1024} KiB (decompression bomb)"
        )
    return out


def _decode_text(raw: bytes) -> str:
    if len(raw) > MAX_PAYLOAD_BYTES:
        raise BadgeFailure("malformed", "the baked badge payload is larger than 1 MiB")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadgeFailure("malformed", "the baked badge payload is not UTF-8 text") from exc


def _parse_text_chunk(ctype: bytes, data: bytes) -> tuple[bytes, bytes | None]:
    """(keyword, payload bytes or None when not a badge chunk). Raises ``malformed`` on a broken chunk."""
    keyword, sep, rest = data.partition(b"\x00")
    if not sep:
        raise BadgeFailure("malformed", f"a PNG {ctype.decode()} chunk has no keyword separator")
    if keyword not in BADGE_KEYWORDS:
        return keyword, None
    if ctype == b"tEXt":
        return keyword, rest
    if ctype == b"zTXt":
        if not rest or rest[0] != 0:
            raise BadgeFailure("malformed", "zTXt chunk with an unknown compression method")
        return keyword, _bounded_inflate(rest[1:])
    # iTXt: compression flag, compression method, language tag\0, translated keyword\0, text
    if len(rest) < 2:
        raise BadgeFailure("malformed", "the openbadges iTXt chunk is truncated")
    flag, method, tail = rest[0], rest[1], rest[2:]
    _lang, sep1, tail = tail.partition(b"\x00")
    _translated, sep2, text = tail.partition(b"\x00")
    if not (sep1 and sep2):
        raise BadgeFailure("malformed", "the openbadges iTXt chunk is truncated")
    if flag == 1:
        if method != 0:
            raise BadgeFailure("malformed", "iTXt chunk with an unknown compression method")
        return keyword, _bounded_inflate(text)
    if flag != 0:
        raise BadgeFailure("malformed", "iTXt chunk with an invalid compression flag")
    return keyword, text


def extract_png(data: bytes) -> BakedPayload:
    """The single baked badge in a PNG; ``malformed`` for broken, duplicate, oversized or missing chunks."""
    if len(data) > MAX_IMAGE_BYTES:
        raise BadgeFailure("malformed", f"the image is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MiB")
    if not data.startswith(PNG_SIGNATURE):
        raise BadgeFailure("malformed", "not a PNG file")
    pos = len(PNG_SIGNATURE)
    found: list[BakedPayload] = []
    seen_iend = False
    for count in range(MAX_CHUNKS + 1):
        if count == MAX_CHUNKS:
            raise BadgeFailure("malformed", "the PNG has too many chunks")
        if pos + 8 > len(data):
            raise BadgeFailure("malformed", "the PNG is truncated (no IEND chunk)")
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        if length > MAX_CHUNK_BYTES:
            raise BadgeFailure("malformed", f"a PNG chunk claims {length} bytes (over the {MAX_CHUNK_BYTES} cap)")
        end = pos + 8 + length + 4
        if end > len(data):
            raise BadgeFailure("malformed", "the PNG is truncated inside a chunk")
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : end])
        if zlib.crc32(ctype + body) & 0xFFFFFFFF != crc:
            raise BadgeFailure("malformed", f"the PNG {ctype.decode('latin-1')} chunk has a bad CRC (corrupted)")
        pos = end
        if ctype in (b"iTXt", b"tEXt", b"zTXt"):
            keyword, payload = _parse_text_chunk(ctype, body)
            if payload is not None:
                found.append(BakedPayload(_decode_text(payload), BADGE_KEYWORDS[keyword]))
        if ctype == b"IEND":
            seen_iend = True
            break
    if not seen_iend:
        raise BadgeFailure("malformed", "the PNG is truncated (no IEND chunk)")
    trailing = data[pos:]
    if any(keyword + b"\x00" in trailing for keyword in BADGE_KEYWORDS):
        # Decoders stop at IEND, so a badge chunk there is invisible to image tools but not to a naive extractor:
        # two readers would see two different badges.
        raise BadgeFailure("malformed", "a badge chunk is hidden after the PNG's IEND chunk (ambiguous)")
    if not found:
        raise BadgeFailure("malformed", "the image carries no badge (no openbadges/openbadgecredential chunk)")
    if len(found) > 1:
        raise BadgeFailure("malformed", "the image carries more than one baked badge chunk (ambiguous)")
    text = found[0].text.strip()
    if not text:
        raise BadgeFailure("malformed", "the baked badge chunk is empty")
    return BakedPayload(text, found[0].version_hint)


class _Prolog(Exception):
    """Stops the prolog scan: ``True`` when the document declares an internal DTD subset."""

    def __init__(self, internal_subset: bool) -> None:
        self.internal_subset = internal_subset
        super().__init__()


def _refuse_internal_dtd(data: bytes) -> None:
    """A DOCTYPE that only names the public SVG DTD is harmless (it is never fetched), but an internal subset
    can declare entities or ``<!ATTLIST>`` defaults that inject attributes (a ``verify`` URL) into the badge
    element without them appearing in the element itself: refuse it before parsing (README: DTDs forbidden)."""
    import xml.parsers.expat

    parser = xml.parsers.expat.ParserCreate()

    def on_doctype(_name: str, _sysid: str | None, _pubid: str | None, has_internal_subset: int) -> None:
        raise _Prolog(bool(has_internal_subset))

    def on_element(_name: str, _attrs: dict[str, str]) -> None:
        raise _Prolog(False)  # the root element came first: no DOCTYPE at all

    parser.StartDoctypeDeclHandler = on_doctype
    parser.StartElementHandler = on_element
    try:
        parser.Parse(data, True)
    except _Prolog as stop:
        if stop.internal_subset:
            raise BadgeFailure("malformed", "the SVG declares an internal DTD (entities/attribute defaults)") from None
    except xml.parsers.expat.ExpatError:
        return  # not well-formed: the real parse below says so


def extract_svg(data: bytes) -> BakedPayload:
    """The single baked badge in an SVG; DTD entities and external references are refused (``malformed``)."""
    import xml.etree.ElementTree as ET

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    if len(data) > MAX_IMAGE_BYTES:
        raise BadgeFailure("malformed", f"the image is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MiB")
    _refuse_internal_dtd(data)
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise BadgeFailure("malformed", f"the SVG declares entities or external references ({type(exc).__name__})") from exc
    except (ET.ParseError, ValueError) as exc:
        raise BadgeFailure("malformed", f"the SVG is not well-formed XML: {exc}") from exc
    elements = [(el, "OB2") for el in root.iter(f"{{{OB2_SVG_NS}}}assertion")]
    elements += [(el, "OB3") for el in root.iter(f"{{{OB3_SVG_NS}}}credential")]
    if not elements:
        raise BadgeFailure("malformed", "the SVG carries no badge (no openbadges:assertion/credential element)")
    if len(elements) > 1:
        raise BadgeFailure("malformed", "the SVG carries more than one baked badge (ambiguous)")
    element, hint = elements[0]
    text = "".join(element.itertext()).strip()
    if not text:
        text = (element.get("verify") or "").strip()
    if not text:
        raise BadgeFailure("malformed", "the SVG badge element is empty")
    if len(text.encode("utf-8")) > MAX_PAYLOAD_BYTES:
        raise BadgeFailure("malformed", "the baked badge payload is larger than 1 MiB")
    return BakedPayload(text, hint)
