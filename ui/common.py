"""Shared helpers of the app's pages: paths, cached heavy objects, and how results are shown in words."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import streamlit as st

from screener.rubric import Rubric, load_rubric

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
def _rubric_choices(signature: tuple[tuple[str, int, int], ...]) -> list[tuple[str, str]]:
    from screener.authoring.library import list_library

    return [(str(e.path), e.role + (" (yours)" if e.editable else "")) for e in list_library() if e.role]


def rubric_choices() -> list[tuple[str, str]]:
    """(path, role name) for every rubric that loads, the user's and the templates; broken ones are reported on
    the Rubrics page. Cached per state of the files, so a saved, renamed or deleted rubric shows at once."""
    from screener.authoring.library import library_signature

    return _rubric_choices(library_signature())


def clear_rubric_choices() -> None:
    """Forget the cached rubric list (after a save, rename or delete on the Rubrics page)."""
    _rubric_choices.clear()


def get_rubric(path: str) -> Rubric:
    return load_rubric(path)


def verdict_words(verdict: str, reasons: tuple[str, ...] | list[str] = ()) -> str:
    """The verdict in words; a badge whose own copy, issuer or key could not be fetched failed because nothing
    could be checked, not because a signature was seen to be wrong — say so."""
    if verdict == "invalid-signature" and any("could not be retrieved" in r for r in reasons):
        return "❌ Failed: could not be checked (the issuer's copy could not be retrieved)"
    return VERDICT_WORDS.get(verdict, verdict)


# Every ASCII punctuation character can start Markdown syntax (links, images, emphasis, directives such as
# :red[...], $math$, autolinked http:// and www. addresses), so all of them are neutralised in applicant text.
_MD_ESCAPES = str.maketrans({c: "\\" + c for c in string.punctuation})
_HTML_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in string.punctuation})


# GitHub-flavoured Markdown turns addresses in the *text* into links after escapes are resolved (http://…,
# www.…, name@host.tld, mailto:/xmpp:): a WORD JOINER (U+2060, invisible) after ':' and '@' and between 'www' and
# '.' keeps them from being recognised.
WORD_JOINER = "\u2060"
_AUTOLINK_TRIGGERS = re.compile(r"(?<=[:@])|(?<=www)(?=\.)", re.IGNORECASE)


def md_text(text: object) -> str:
    """Applicant (or any untrusted) text made safe to splice into a Streamlit Markdown string.

    Every ASCII punctuation character is backslash-escaped, so no link, image, emphasis, HTML, directive or math
    can form; addresses are kept from being autolinked (see WORD_JOINER); line breaks become spaces (a label or a
    one-line message stays one line). Use it for st.markdown / st.caption / st.warning / st.error / st.info,
    expander and metric labels and progress texts that carry applicant text. Text meant to be copied exactly
    (a badge's URL) goes to st.code instead.
    """
    flat = " ".join(str(text).split())
    return _AUTOLINK_TRIGGERS.sub(WORD_JOINER, flat).translate(_MD_ESCAPES)


def html_text(text: object) -> str:
    """Untrusted text for a product-made HTML block shown with ``unsafe_allow_html``: HTML-escaped, every ASCII
    punctuation character written as a numeric character reference (so the Markdown pass sees no syntax either),
    line breaks as ``<br>`` (a blank line would end the HTML block and let Markdown parsing resume)."""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(line.translate(_HTML_ESCAPES) for line in lines)


def plain(text: object) -> None:
    """Show untrusted text exactly as written: no Markdown, no HTML, no links."""
    st.text(str(text))


def highlight(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Résumé text as safe HTML with evidence spans marked; ``spans`` = (start, end, tooltip).

    The text never reaches the Markdown parser as syntax: see :func:`html_text`."""
    spans = sorted((s for s in spans if 0 <= s[0] < s[1] <= len(text)), key=lambda s: (s[0], -s[1]))
    out: list[str] = []
    pos = 0
    for start, end, tip in spans:
        if start < pos:
            continue
        out.append(html_text(text[pos:start]))
        out.append(f'<mark title="{tip.translate(_HTML_ESCAPES)}">{html_text(text[start:end])}</mark>')
        pos = end
    out.append(html_text(text[pos:]))
    return ('<div style="white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 0.85rem; '
            'max-height: 36rem; overflow-y: auto; border: 1px solid #ddd; padding: 0.75rem; border-radius: 6px">'
            + "".join(out) + "</div>")
