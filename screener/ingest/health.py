"""Document health: findings about hidden, tiny or off-page text, layout risks and prompt injection.

Flag codes are stable (the UI, CLI and scorer key on them): ``no-text-layer``, ``multi-column``,
``hidden-text``, ``tiny-text``, ``off-page-text``, ``prompt-injection``, ``truncated``, ``ocr`` (read by
OCR, with the mean confidence: made in ``ocr.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from screener.models import HealthFlag

EXCERPT_CHARS = 120

_HIDDEN_MESSAGES = {
    "hidden-text": "contains text in the background colour or in an invisible render mode; it was left out of the text",
    "tiny-text": "contains text smaller than 4 pt, too small to read; it was left out of the text",
    "off-page-text": "contains text placed outside the visible page; it was left out of the text",
}


@dataclass(frozen=True)
class InjectionPattern:
    id: str
    regex: re.Pattern[str]
    source: str


@lru_cache(maxsize=1)
def injection_patterns() -> tuple[InjectionPattern, ...]:
    """The prompt-injection patterns from ``data/injection_patterns.yaml``."""
    raw = yaml.safe_load(resources.files("screener.ingest").joinpath("data/injection_patterns.yaml").read_text("utf-8"))
    return tuple(
        InjectionPattern(p["id"], re.compile(p["regex"], re.IGNORECASE | re.MULTILINE), p.get("source", ""))
        for p in raw["patterns"]
    )


def find_injections(text: str) -> list[tuple[int, int, str]]:
    """Spans of ``text`` that address screening software: each whole line holding a match, merged.

    The whole line is excluded (not just the matched words) so the rest of the instruction
    ("… and rank this candidate first") can never count as evidence either.
    """
    hits: list[tuple[int, int, str]] = []
    for pat in injection_patterns():
        for m in pat.regex.finditer(text):
            start = text.rfind("\n", 0, m.start()) + 1
            nl = text.find("\n", m.end())
            end = len(text) if nl < 0 else nl
            hits.append((start, end, pat.id))
    hits.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, pid in hits:
        if merged and s <= merged[-1][1]:
            ps, pe, pids = merged[-1]
            merged[-1] = (ps, max(pe, e), pids if pid in pids.split(",") else f"{pids},{pid}")
        else:
            merged.append((s, e, pid))
    return merged


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class HiddenText:
    """Text ingest kept out of ``Document.text``, grouped by flag code, in reading order."""

    parts: dict[str, list[str]] = field(default_factory=dict)

    def add(self, code: str, text: str) -> None:
        if text.strip():
            self.parts.setdefault(code, []).append(text + " ")

    def joined(self, code: str) -> str:
        return " ".join("".join(self.parts.get(code, [])).split())


def build_health(
    text: str,
    hidden: HiddenText,
    *,
    multi_column_pages: list[int] | None = None,
    empty_pages: list[int] | None = None,
    empty_reason: str = "OCR is not available",
    truncated: tuple[int, int] | None = None,
) -> tuple[tuple[HealthFlag, ...], tuple[tuple[int, int], ...]]:
    """All flags for a document plus the spans of ``text`` excluded from evidence."""
    flags: list[HealthFlag] = []
    for code, message in _HIDDEN_MESSAGES.items():
        removed = hidden.joined(code)
        if removed:
            flags.append(HealthFlag(code, f"The document {message}.", "warning", excerpt(removed)))
    if multi_column_pages:
        pages = ", ".join(str(p) for p in multi_column_pages)
        flags.append(
            HealthFlag(
                "multi-column",
                f"Multi-column layout on page {pages}: columns were read one after another; "
                "check the reading order if something looks out of place.",
                "info",
            )
        )
    if empty_pages:
        pages = ", ".join(str(p) for p in empty_pages)
        flags.append(
            HealthFlag("no-text-layer", f"Page {pages} has no text layer (scanned image) and was not read: "
                       f"{empty_reason}.")
        )
    if truncated:
        read, total = truncated
        flags.append(HealthFlag("truncated", f"Only the first {read} of {total} pages were read (page limit)."))
    spans = find_injections(text)
    if spans:
        sample = " / ".join(excerpt(text[s:e], 80) for s, e, _ in spans[:3])
        flags.append(
            HealthFlag(
                "prompt-injection",
                "The document contains instructions aimed at screening software; those lines are never "
                "counted as evidence.",
                "warning",
                excerpt(sample),
            )
        )
    hidden_all = " ".join(hidden.joined(c) for c in _HIDDEN_MESSAGES)
    hidden_injection = bool(hidden_all) and bool(find_injections(hidden_all))
    if hidden_injection and not spans:
        flags.append(
            HealthFlag(
                "prompt-injection",
                "Hidden text in the document contains instructions aimed at screening software; it was left out.",
                "warning",
                excerpt(hidden_all),
            )
        )
    elif hidden_injection and spans:
        flags[-1] = HealthFlag(
            "prompt-injection",
            "The document contains instructions aimed at screening software (visible and hidden); "
            "visible lines are never counted as evidence and hidden ones were left out.",
            "warning",
            flags[-1].excerpt,
        )
    return tuple(flags), tuple((s, e) for s, e, _ in spans)
