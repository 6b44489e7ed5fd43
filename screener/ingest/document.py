"""Assemble the ``Document`` every format reader returns: join pages, collect typed links, add health."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Literal

from screener.errors import EmptyDocument
from screener.ingest.health import HiddenText, build_health
from screener.ingest.normalize import find_text_links
from screener.models import Document, HealthFlag, Link

Kind = Literal["pdf", "docx", "txt", "jsonresume", "image"]

# Pages are joined with a blank line (not a form feed) so downstream regexes see ordinary paragraphs.
PAGE_SEPARATOR = "\n\n"


def make_document(
    *,
    file: str,
    kind: Kind,
    data: bytes,
    pages: list[str],
    links: Iterable[Link] = (),
    metadata: dict[str, str] | None = None,
    hidden: HiddenText | None = None,
    multi_column_pages: list[int] | None = None,
    empty_pages: list[int] | None = None,
    empty_reason: str = "OCR is not available",
    truncated: tuple[int, int] | None = None,
    structured: dict[str, object] | None = None,
    extra_flags: Iterable[HealthFlag] = (),
) -> Document:
    hidden = hidden or HiddenText()
    kept = [p for p in pages if p.strip()]
    text = PAGE_SEPARATOR.join(kept)
    if not text.strip():
        if hidden.parts:
            raise EmptyDocument("the file has no visible text (only hidden text)", file=file)
        raise EmptyDocument("the file contains no text", file=file)
    all_links = list(links)
    seen = {link.url.rstrip("/").lower() for link in all_links}
    for page_no, page in enumerate(pages, start=1):
        for link in find_text_links(page, page_no if kind == "pdf" else None):
            key = link.url.rstrip("/").lower()
            if key not in seen:
                seen.add(key)
                all_links.append(link)
    flags, spans = build_health(
        text, hidden, multi_column_pages=multi_column_pages, empty_pages=empty_pages, empty_reason=empty_reason,
        truncated=truncated
    )
    return Document(
        file=file,
        kind=kind,
        text=text,
        pages=tuple(pages),
        links=tuple(all_links),
        metadata=dict(metadata or {}),
        health=tuple(extra_flags) + flags,
        excluded_spans=spans,
        structured=structured,  # type: ignore[arg-type]
        sha256=hashlib.sha256(data).hexdigest(),
    )
