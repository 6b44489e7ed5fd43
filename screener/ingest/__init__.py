"""Ingest: résumé file bytes → ``screener.models.Document`` (visible text in reading order, links, health).

    from screener.ingest import ingest_path, IngestPool
    doc = ingest_path(Path("cv.pdf"))                       # in-process
    with IngestPool(workers=2) as pool:                      # untrusted files: sandboxed workers
        for index, result in pool.ingest_many([("cv.pdf", data)]): ...

Every failure is a ``screener.errors.DocumentError`` subclass whose message names the file.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Literal

from screener.errors import (
    CorruptDocument,
    DocumentError,
    EmptyDocument,
    EncryptedDocument,
    FileTooLarge,
    UnsupportedFileType,
)
from screener.ingest.limits import DEFAULT_LIMITS, Limits, human_size, limit_label
from screener.models import Document, HealthFlag

Kind = Literal["pdf", "docx", "txt", "jsonresume", "image"]

_SEND = "send the résumé as PDF, DOCX, TXT, JSON Resume, or a PNG/JPEG scan"
_IMAGE_ONLY = "only PNG and JPEG images are read (by OCR)"
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"GIF8", f"is an image (GIF); {_IMAGE_ONLY}"),
    (b"II*\x00", f"is an image (TIFF); {_IMAGE_ONLY}"),
    (b"MM\x00*", f"is an image (TIFF); {_IMAGE_ONLY}"),
    (b"BM", f"is an image (BMP); {_IMAGE_ONLY}"),
    (b"MZ", "is a program (Windows executable), not a résumé"),
    (b"\x7fELF", "is a program (executable), not a résumé"),
    (b"\xcf\xfa\xed\xfe", "is a program (executable), not a résumé"),
    (b"\xca\xfe\xba\xbe", "is a program or Java class file, not a résumé"),
    (b"{\\rtf", "is in Rich Text Format, which is not supported"),
    (b"\x1f\x8b", "is a compressed archive (gzip), not a résumé"),
    (b"Rar!", "is a compressed archive (RAR), not a résumé"),
    (b"7z\xbc\xaf", "is a compressed archive (7-Zip), not a résumé"),
)
_TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".rst", ""}
_REFUSED_EXTENSIONS = {
    ".exe": "is a program, not a résumé",
    ".dll": "is a program, not a résumé",
    ".bat": "is a script, not a résumé",
    ".sh": "is a script, not a résumé",
    ".gif": f"is an image; {_IMAGE_ONLY}",
    ".tif": f"is an image; {_IMAGE_ONLY}",
    ".tiff": f"is an image; {_IMAGE_ONLY}",
    ".webp": f"is an image; {_IMAGE_ONLY}",
    ".heic": f"is an image; {_IMAGE_ONLY}",
    ".odt": "is an OpenDocument file, which is not supported",
    ".pages": "is an Apple Pages file, which is not supported",
    ".html": "is a web page, which is not supported",
    ".htm": "is a web page, which is not supported",
    ".xlsx": "is a spreadsheet, not a résumé",
    ".pptx": "is a presentation, not a résumé",
    ".zip": "is a zip archive; send each résumé as its own file",
}


def _base(filename: str) -> str:
    return PurePath(filename.replace("\\", "/")).name or filename


def detect_kind(filename: str, data: bytes) -> Kind:
    """The file's format by its first bytes, then by its extension; UnsupportedFileType for anything else."""
    file = _base(filename)
    ext = PurePath(file).suffix.lower()
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            if ext == ".docx":
                return "docx"  # the DOCX reader reports the damage
            raise UnsupportedFileType(
                "the file is a damaged zip archive, not a résumé", file=file, hint=_SEND
            ) from None
        if "word/document.xml" in names or ext == ".docx":
            return "docx"
        if "xl/workbook.xml" in names:
            raise UnsupportedFileType("the file is a spreadsheet, not a résumé", file=file, hint=_SEND)
        if "ppt/presentation.xml" in names:
            raise UnsupportedFileType("the file is a presentation, not a résumé", file=file, hint=_SEND)
        if "content.xml" in names:
            raise UnsupportedFileType("OpenDocument files are not supported", file=file, hint=_SEND)
        raise UnsupportedFileType("the file is a zip archive; send each résumé as its own file", file=file)
    if head.startswith(_OLE):
        if ext == ".docx" and "WordDocument".encode("utf-16-le") in data \
                and "EncryptedPackage".encode("utf-16-le") not in data:
            raise UnsupportedFileType(
                "the file is a Word 97–2003 .doc renamed .docx; the legacy .doc format is not supported",
                file=file, hint="ask for the résumé saved as .docx or PDF")
        if ext == ".docx":
            # Word stores a password-protected .docx inside an OLE container.
            raise EncryptedDocument(
                "the Word document is password-protected; ask the applicant for an unlocked copy", file=file
            )
        raise UnsupportedFileType(
            "the legacy Word .doc format (Word 97–2003) is not supported",
            file=file,
            hint="ask for the résumé as .docx or PDF",
        )
    if head[:12].startswith(b"RIFF") and head[8:12] == b"WEBP":
        raise UnsupportedFileType(f"the file is an image (WebP); {_IMAGE_ONLY}", file=file, hint=_SEND)
    if head.startswith(_IMAGE_SIGNATURES):
        if is_badge_png(data):
            raise UnsupportedFileType("the file is an Open Badge image, not a résumé", file=file,
                                      hint="check it with `badge verify`, or upload it beside the résumé")
        return "image"
    for signature, what in _BINARY_SIGNATURES:
        if head.startswith(signature):
            raise UnsupportedFileType(f"the file {what}", file=file, hint=_SEND)
    if ext == ".pdf":
        raise CorruptDocument("not a valid PDF (the file is damaged)", file=file)
    if ext == ".docx":
        raise CorruptDocument("not a valid Word document (the file is damaged)", file=file)
    if ext in (".png", ".jpg", ".jpeg"):
        raise CorruptDocument("not a valid PNG or JPEG image (the file is damaged)", file=file)
    if ext == ".doc":
        raise UnsupportedFileType(
            "the legacy Word .doc format is not supported", file=file, hint="ask for the résumé as .docx or PDF"
        )
    if ext in _REFUSED_EXTENSIONS:
        raise UnsupportedFileType(f"the file {_REFUSED_EXTENSIONS[ext]}", file=file, hint=_SEND)
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if ext == ".json" or stripped[:1] == b"{":
        return "jsonresume"
    from screener.ingest.text import looks_binary

    if looks_binary(data):
        raise UnsupportedFileType("the file is binary data, not text", file=file, hint=_SEND)
    return "txt"


_BADGE_PNG_KEYWORDS = (b"openbadges\x00", b"openbadgecredential\x00")


def is_badge_png(data: bytes) -> bool:
    """Whether a PNG carries (or claims to carry) a baked Open Badge: a text chunk keyed ``openbadges`` or
    ``openbadgecredential``. Such a PNG is a badge file; any other PNG is a picture of a résumé (read by OCR).
    Damaged or ambiguous badge chunks still count, so the badge verifier can say what is wrong with them."""
    return data.startswith(b"\x89PNG") and any(k in data for k in _BADGE_PNG_KEYWORDS)


def check_size(data: bytes, file: str, limits: Limits) -> None:
    if len(data) > limits.max_bytes:
        raise FileTooLarge(
            f"file is {human_size(len(data))}, over the {limit_label(limits.max_bytes)} limit", file=file
        )
    if not data.strip():
        raise EmptyDocument("the file is empty", file=file)


def ingest_bytes(data: bytes, filename: str, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read one résumé in this process. Raises a DocumentError subclass when it cannot be read."""
    return cap_text(_read(data, filename, limits), limits)


def cap_text(doc: Document, limits: Limits) -> Document:
    """Keep at most ``limits.max_chars`` characters of text (cut at a line end), with a `truncated` flag."""
    if len(doc.text) <= limits.max_chars:
        return doc
    cut = doc.text.rfind("\n", 0, limits.max_chars)
    cut = cut if cut > limits.max_chars // 2 else limits.max_chars
    flag = HealthFlag("truncated", f"only the first {cut:,} of {len(doc.text):,} characters were read; the rest "
                      "of this very long file was left out", "warning")
    return replace(doc, text=doc.text[:cut], health=(*doc.health, flag),
                   excluded_spans=tuple((s, min(e, cut)) for s, e in doc.excluded_spans if s < cut))


def _read(data: bytes, filename: str, limits: Limits) -> Document:
    file = _base(filename)
    check_size(data, file, limits)
    kind = detect_kind(file, data)
    if kind == "pdf":
        from screener.ingest.pdf import read_pdf

        return read_pdf(data, file, limits)
    if kind == "docx":
        from screener.ingest.docx import read_docx

        return read_docx(data, file, limits)
    if kind == "jsonresume":
        from screener.ingest.jsonresume import read_jsonresume

        return read_jsonresume(data, file, limits)
    if kind == "image":
        from screener.ingest.ocr import read_image

        return read_image(data, file, limits)
    from screener.ingest.text import read_txt

    return read_txt(data, file, limits)


def ingest_path(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read one résumé file from disk (size checked before the file is read)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CorruptDocument(f"the file cannot be opened ({exc.strerror or exc})", file=path.name) from None
    if size > limits.max_bytes:
        raise FileTooLarge(
            f"file is {human_size(size)}, over the {limit_label(limits.max_bytes)} limit", file=path.name
        )
    return ingest_bytes(path.read_bytes(), path.name, limits=limits)


def ingest_batch(
    items: Sequence[tuple[str, bytes]],
    *,
    limits: Limits = DEFAULT_LIMITS,
    workers: int | None = None,
    sandbox: bool = True,
) -> list[Document | DocumentError]:
    """Read many files; one result per item in input order, errors as values."""
    if not sandbox:
        results: list[Document | DocumentError] = []
        for name, data in items:
            try:
                results.append(ingest_bytes(data, name, limits=limits))
            except DocumentError as exc:
                results.append(exc)
        return results
    from screener.ingest.sandbox import IngestPool

    out: list[Document | DocumentError | None] = [None] * len(items)
    with IngestPool(workers, limits=limits) as pool:
        for index, result in pool.ingest_many(items):
            out[index] = result
    return [
        r if r is not None else CorruptDocument("the file could not be read", file=_base(items[i][0]))
        for i, r in enumerate(out)
    ]


def __getattr__(name: str) -> object:
    # IngestPool lives in sandbox.py; imported lazily so a plain ingest_bytes() does not load multiprocessing.
    if name == "IngestPool":
        from screener.ingest.sandbox import IngestPool

        return IngestPool
    raise AttributeError(name)


__all__ = ["IngestPool", "Kind", "Limits", "detect_kind", "ingest_batch", "ingest_bytes", "ingest_path", "is_badge_png"]
