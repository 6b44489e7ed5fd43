"""Every unreadable file becomes the right DocumentError, with the base file name and a plain message."""

from __future__ import annotations

from pathlib import Path

import pytest

from screener.errors import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    FileTooLarge,
    InvalidJSONResume,
    NoTextLayer,
    UnsupportedFileType,
)
from screener.ingest import Limits, detect_kind, ingest_bytes, ingest_path, ocr

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@pytest.mark.parametrize(
    ("name", "error", "words"),
    [
        ("encrypted.pdf", EncryptedDocument, "password-protected; ask the applicant"),
        ("truncated.pdf", CorruptDocument, "not a valid PDF"),
        ("garbage.pdf", CorruptDocument, "not a valid PDF"),
        ("image_only.pdf", EmptyDocument, "contains no text") if ocr.available() else
        ("image_only.pdf", NoTextLayer, "no text layer (scanned image); OCR is not available"),
        ("empty.txt", EmptyDocument, "empty"),
        ("whitespace.txt", EmptyDocument, "empty"),
        ("binary.txt", UnsupportedFileType, "binary data"),
        ("legacy.doc", UnsupportedFileType, "legacy Word .doc"),
        ("damaged.docx", CorruptDocument, "not a valid Word document (the file is damaged)"),
        ("zip_bomb.docx", CorruptDocument, "zip bomb"),
        ("not_a_resume.json", InvalidJSONResume, "not a JSON Resume"),
        ("resume_bad_date.json", InvalidJSONResume, "work[0].startDate: '2019-13' is not a valid date"),
    ],
)
def test_bad_files_raise_clear_errors(name: str, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as info:
        ingest_path(FIXTURES / name)
    assert info.value.file == name  # type: ignore[attr-defined]
    assert str(info.value).startswith(f"{name}: ")
    assert words in str(info.value)


def test_oversize_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024))
    with pytest.raises(FileTooLarge) as info:
        ingest_path(big)
    assert str(info.value) == "big.pdf: file is 11.0 MB, over the 10 MB limit"


def test_size_cap_comes_before_type_detection() -> None:
    with pytest.raises(FileTooLarge):
        ingest_bytes(b"MZ" + b"\0" * 100, "tool.exe", limits=Limits(max_bytes=50))


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("cv.pdf", b"%PDF-1.7\n...", "pdf"),
        ("cv.bin", b"%PDF-1.4\n...", "pdf"),  # magic bytes win over the extension
        ("notes", b"plain words", "txt"),
        ("cv.md", b"# Heading", "txt"),
        ("resume.json", b'{"basics": {}}', "jsonresume"),
        ("resume.txt", b'  {"basics": {}}', "jsonresume"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "image"),
        ("scan.PNG", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image"),
        ("scan", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image"),
    ],
)
def test_detect_kind(name: str, data: bytes, kind: str) -> None:
    assert detect_kind(name, data) == kind


@pytest.mark.parametrize(
    ("name", "data", "error", "words"),
    [
        ("setup.exe", b"MZ\x90\x00", UnsupportedFileType, "program"),
        ("photo.gif", b"GIF89a", UnsupportedFileType, "image (GIF); only PNG and JPEG"),
        ("scan.png", b"\x89PNG\r\n", CorruptDocument, "not a valid PNG or JPEG image"),
        ("badge.png", b"\x89PNG\r\n\x1a\n....iTXtopenbadges\x00", UnsupportedFileType, "Open Badge image"),
        ("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", UnsupportedFileType, "legacy Word"),
        ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", EncryptedDocument, "password-protected"),
        ("cv.pdf", b"hello", CorruptDocument, "not a valid PDF"),
        ("cv.rtf", b"{\\rtf1 hi}", UnsupportedFileType, "Rich Text"),
    ],
)
def test_detect_kind_refuses(name: str, data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as info:
        detect_kind(name, data)
    assert words in str(info.value)
