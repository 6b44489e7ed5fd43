"""Plain-text résumés: decode (UTF-8, UTF-16 with BOM, cp1252/latin-1), normalise, wrap in a Document."""

from __future__ import annotations

import codecs

from screener.errors import UnsupportedFileType
from screener.ingest.document import make_document
from screener.ingest.limits import DEFAULT_LIMITS, Limits
from screener.ingest.normalize import normalize_text
from screener.models import Document


def looks_binary(data: bytes) -> bool:
    """Not a text file: control bytes (NUL included) in the first 8 KB that are more than stray junk in a text.

    NULs and control characters scattered through a text (or a UTF-16 text without its BOM) do not make it binary:
    once they are dropped the rest is UTF-8 text, and ``normalize_text`` strips them, so it reads like its clean
    twin. Binary formats are told by their signatures before this is asked."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls / len(head) <= 0.05 and b"\x00" not in head:
        return False
    cleaned = bytes(b for b in head if b >= 32 or b in (9, 10, 12, 13))
    try:
        codecs.getincrementaldecoder("utf-8")().decode(cleaned, final=len(data) <= len(head))
    except UnicodeDecodeError:
        return True
    return not cleaned.strip()


def decode_text(data: bytes, file: str) -> str:
    """Bytes → str by the first encoding that fits: UTF-8 (with or without BOM), UTF-16 with BOM, cp1252, latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if looks_binary(data):
        raise UnsupportedFileType(
            "the file is binary data, not text", file=file, hint="send the résumé as PDF, DOCX, TXT or JSON Resume"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return data.decode("latin-1")


def read_txt(data: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    text = normalize_text(decode_text(data, file))
    return make_document(file=file, kind="txt", data=data, pages=[text])
