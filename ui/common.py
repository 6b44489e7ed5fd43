"""Shared helpers of the app's pages: paths, cached heavy objects, and how results are shown in words."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import streamlit as st

from screener.rubric import Rubric, list_rubrics, load_rubric

ROOT = Path(__file__).resolve().parent.parent
RUBRICS = ROOT / "rubrics"
SAMPLES = ROOT / "sample_data"
SAMPLE_MAP = SAMPLES / "offline-map.json"

VERDICT_WORDS = {
    "valid": "✅ Verified",
    "expired": "⌛ Expired",
    "revoked": "⛔ Revoked",
    "invalid-signature": "❌ Failed: signature does not check out",
    "recipient-mismatch": "❌ Failed: awarded to someone else",
    "malformed": "❌ Failed: unreadable badge",
    "unsupported": "➖ Not checked: format not supported",
    "unsafe-url": "🛑 Refused: unsafe link",
    "not verified": "➖ Not verified: check the link yourself",
}


@st.cache_resource(show_spinner="Loading the skills lexicon…")
def extractor() -> Any:
    """The skill extractor, built once per server process."""
    from screener.extract import get_extractor

    return get_extractor()


@st.cache_data(show_spinner=False)
def rubric_choices() -> list[tuple[str, str]]:
    """(path, role name) for every rubric file that loads; broken ones are reported on the Rubrics page."""
    out = []
    for p in list_rubrics(RUBRICS):
        try:
            out.append((str(p), load_rubric(p).role))
        except Exception:  # noqa: BLE001 — a broken rubric must not stop the app; the Rubrics page names the error
            continue
    return out


def get_rubric(path: str) -> Rubric:
    return load_rubric(path)


def verdict_words(verdict: str) -> str:
    return VERDICT_WORDS.get(verdict, verdict)


def highlight(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Résumé text as safe HTML with evidence spans marked; ``spans`` = (start, end, tooltip)."""
    spans = sorted((s for s in spans if 0 <= s[0] < s[1] <= len(text)), key=lambda s: (s[0], -s[1]))
    out: list[str] = []
    pos = 0
    for start, end, tip in spans:
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark title="{html.escape(tip)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return ('<div style="white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 0.85rem; '
            'max-height: 36rem; overflow-y: auto; border: 1px solid #ddd; padding: 0.75rem; border-radius: 6px">'
            + "".join(out) + "</div>")
