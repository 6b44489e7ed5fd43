"""A minimal fallback section-heading detector, for when the caller has no parsed sections (plain text, benchmarks).

It also splits text into "segments": lines, and within a line the fields separated by 2+ spaces or tabs, because
flattened résumé text (one line per document) keeps the original line breaks only as runs of spaces.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from screener.extract.lexicon import DATA_DIR, norm_phrase
from screener.models import Section

_BULLET_RE = re.compile(r"^[\s\-–•*·●▪◦■►✓➢❖♦>]+")

# the C parser when PyYAML has it (the same data, a tenth of the time)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[dict[str, str], frozenset[str]]:
    """(normalised heading -> canonical section name, normalised list labels)."""
    data = yaml.load((DATA_DIR / "headings.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
    headings = {norm_phrase(h): name for name, hs in data["sections"].items() for h in hs}
    return headings, frozenset(norm_phrase(x) for x in data["list_labels"])


_WIDE_GAP_RE = re.compile(r"\s{2,}|\t")
_FIELD_RE = re.compile(r"\S(?:.*?\S)?(?=\s{2,}|\t|\s*$)")


def segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line or 2+-space-separated field, in order."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line_start = m.start()
        line = m.group()
        if _WIDE_GAP_RE.search(line) is None:
            # no field boundary inside: one field, the line without its edge spaces (the pattern below, faster)
            a, b = len(line) - len(line.lstrip()), len(line.rstrip())
            if b > a:
                out.append((line_start + a, line_start + b))
            continue
        # `\s*$`, not `$`: with a single trailing space the old pattern failed at every start (quadratic, and the
        # line was lost).
        for f in _FIELD_RE.finditer(line):
            out.append((line_start + f.start(), line_start + f.end()))
    return out


@lru_cache(maxsize=16384)
def heading_name(segment: str) -> str | None:
    """Canonical section name if ``segment`` looks like a heading ("TECHNICAL SKILLS", "Education:"), else None.

    Cached: a pure function of the segment (the vocabulary is loaded once), asked for every line and item."""
    s = _BULLET_RE.sub("", segment).strip().rstrip(":").strip()
    if not s or len(s) > 45 or len(s.split()) > 5:
        return None
    headings, _ = vocabulary()
    return headings.get(norm_phrase(s))


def detect_sections(text: str) -> list[Section]:
    """Sections from heading-like segments; text before the first heading is not in any section."""
    found = [(s, e, heading_name(text[s:e])) for s, e in segments(text)]
    heads = [(s, e, name) for s, e, name in found if name]
    out = []
    for n, (s, e, name) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(text)
        out.append(Section(name=name or "other", heading=text[s:e], start=s, end=end))
    return out
