"""Resource limits for reading one untrusted résumé file (size, pages, time, memory, zip shape)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Caps applied to every file before and while it is parsed.

    ``memory_mb`` is the address space a sandbox worker may grow by above its size when it starts
    (a forked worker inherits its parent's mappings, so an absolute cap would break a large parent).
    """

    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 50
    # Characters of text kept for parsing and skill extraction: a long résumé is ≈ 30,000; beyond this a file is
    # not a résumé we can read in bounded time, so the rest is cut and flagged (`truncated`).
    max_chars: int = 150_000
    timeout_s: float = 15.0
    memory_mb: int = 512
    max_docx_entries: int = 2000
    max_docx_uncompressed: int = 100 * 1024 * 1024
    max_compression_ratio: float = 100.0


def human_size(n: int) -> str:
    """Bytes as a hiring manager reads them: "24.1 MB", "812 KB"."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def limit_label(n: int) -> str:
    """A limit in whole units where it is round ("10 MB")."""
    if n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MB"
    return human_size(n)


DEFAULT_LIMITS = Limits()
