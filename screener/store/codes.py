"""Stable candidate codes: the pseudonym a candidate keeps across runs, exports, blind review and joins."""

from __future__ import annotations

import hashlib


def candidate_code(document_sha256: str | None, file_key: str = "") -> str:
    """``"C-"`` + the first 8 hex digits of the document's sha256; for a file that could not be read (no bytes),
    a hash of its file key instead, so every row still has a code."""
    if document_sha256:
        return "C-" + document_sha256[:8].lower()
    return "C-" + hashlib.sha256(("file:" + file_key).encode("utf-8")).hexdigest()[:8]
