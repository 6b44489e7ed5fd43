"""Shared helpers of the layout-kind tests (tests/parse/test_layout_kinds_*.py): a DOCX résumé built from a fill
function, and the roles the parser reads from a file as (title, employer, start, end) rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document

from screener.ingest import ingest_path
from screener.parse import parse_document

TODAY = date(2026, 1, 15)
Row = tuple[str, str, str | None, str | None]


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
