"""Shared helpers of the layout-kind tests (tests/parse/test_layout_kinds_*.py): a DOCX résumé built from a fill
function, the roles the parser reads from a file as (title, employer, start, end) rows, and a plain text's profile
and roles (with their places)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document

from screener.ingest import ingest_path
from screener.models import Document as TextDocument
from screener.models import Profile
from screener.parse import parse_document

TODAY = date(2026, 1, 15)
Row = tuple[str, str, str | None, str | None]


def parse_text(text: str) -> Profile:
    """The profile of a plain-text résumé (one page), as of TODAY."""
    return parse_document(TextDocument(file="cv.txt", kind="txt", text=text, pages=(text,)), today=TODAY)


def text_roles(text: str) -> list[tuple[str, str, str, str | None, str | None]]:
    """(title, employer, location, start, end) of each role of a plain-text résumé."""
    return [(r.title, r.employer, r.location, str(r.start) if r.start else None, r.end_label())
            for r in parse_text(text).roles]


def roles_of(path: Path) -> list[Row]:
    profile = parse_document(ingest_path(path), today=TODAY)
    return [(r.title, r.employer, str(r.start) if r.start else None, r.end_label()) for r in profile.roles]


def docx_resume(tmp_path: Path, fill: Callable[[Any], None], name: str, contact: str) -> Path:
    doc = Document()
    doc.add_paragraph().add_run(name).bold = True
    doc.add_paragraph(contact)
    fill(doc)
    path = tmp_path / "cv.docx"
    doc.save(str(path))
    return path
