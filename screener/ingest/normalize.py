"""Text clean-up shared by every format: odd Unicode, bullets, hyphenation, links typed in the text.

The aim is text a person would type: ligatures split, invisible characters gone, bullets made uniform,
words broken over a line end joined again. Smart quotes and dashes are kept (dates use en dashes).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

import yaml

from screener.models import Link

BULLET = "• "

# Characters whose compatibility form is what the reader sees: ligatures, full-width forms,
# mathematical alphanumerics (used for "bold" text on some platforms), superscript digits are left alone.
_NFKC_RANGES = ((0xFB00, 0xFB06), (0xFF01, 0xFF5E), (0x1D400, 0x1D7FF), (0x2460, 0x2473))
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_HYPHENS = "\u2010\u2011"  # hyphen, non-breaking hyphen → ASCII hyphen-minus

# Glyphs used as list bullets (including Symbol/Wingdings private-use code points PDFs and Word emit).
BULLET_CHARS = "•▪◦●■□▫◆◇►▸▹‣⁃∙·○◾◽➢➤✓✔❖\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e8\uf0f0"
_BULLET_RE = re.compile(rf"^[ \t]*(?:[{re.escape(BULLET_CHARS)}]+|[-*–—](?=[ \t]))[ \t]*", re.MULTILINE)

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TRAILING_WS_RE = re.compile(r"(?<![ \t])[ \t]+$", re.MULTILINE)  # from where a run starts: read once
_BLANKS_RE = re.compile(r"\n{3,}")

# A word broken at a line end: "develop-\nment" → "development". Only a lower-case continuation is joined,
# so "Front-\nEnd" and "2019-\n2021" stay as they are.
# (starts only where a word starts: a long word is read once, not once per letter)
_HYPHEN_BREAK_RE = re.compile(r"(?<![A-Za-z])([A-Za-z]{2,})[-\u00ad]\n[ \t]*([a-z][a-z]+)([,.;:)]?)[ \t]*")


@lru_cache(maxsize=1)
def _hyphen_words() -> tuple[frozenset[str], frozenset[str]]:
    """Prefixes and suffixes that keep their hyphen when broken over a line end (data/hyphenation.yaml)."""
    raw = yaml.safe_load(resources.files("screener.ingest").joinpath("data/hyphenation.yaml").read_text("utf-8"))
    return frozenset(raw["keep_prefixes"]), frozenset(raw["keep_suffixes"])


_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
_URL_RE = re.compile(
    r"(?:https?://[^\s<>\"'()\[\]{}|,]+|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>\"'()\[\]{}|,]*)", re.IGNORECASE
)


def _map_char(ch: str) -> str:
    if ch in _SPACES:
        return " "
    if ch in _ZERO_WIDTH:
        return ""
    if ch in _HYPHENS:
        return "-"
    cp = ord(ch)
    for lo, hi in _NFKC_RANGES:
        if lo <= cp <= hi:
            return unicodedata.normalize("NFKC", ch)
    return ch


_SIMPLE_TABLE = {ord(c): _map_char(c) for c in _SPACES + _ZERO_WIDTH + _HYPHENS}
# translate() looks every character up in the table: a search for any of them first is a tenth of the cost
_SIMPLE_RE = re.compile(f"[{_SPACES}{_ZERO_WIDTH}{_HYPHENS}]")
_NEEDS_SCAN_RE = re.compile("[\ufb00-\ufb06\uff01-\uff5e\u2460-\u2473\U0001d400-\U0001d7ff]")


def normalize_chars(text: str) -> str:
    """Odd Unicode → what the reader sees; control characters removed; newlines made ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", text)
    if _SIMPLE_RE.search(text):
        text = text.translate(_SIMPLE_TABLE)
    if _NEEDS_SCAN_RE.search(text):
        text = _NEEDS_SCAN_RE.sub(lambda m: _map_char(m.group(0)), text)
    return _CONTROL_RE.sub("", text)


def normalize_bullets(text: str) -> str:
    """Every list bullet at a line start becomes "• "."""
    return _BULLET_RE.sub(BULLET, text)


_SPLIT_HEAD_RE = re.compile(r"^(.*?[A-Za-z]{2,})[-\u00ad]$")
_SPLIT_TAIL_RE = re.compile(r"^[a-z]{2,}\S*$")


def join_split_word(head: str, tail: str) -> str | None:
    """``"develop-"`` + ``"ment"`` → ``"development"`` (``"self-"`` + ``"motivated"`` keeps its hyphen).

    For layout code that knows the two words are the end of one line and the start of the line below in the
    same column; None when they do not look like one word broken over the line end.
    """
    m = _SPLIT_HEAD_RE.match(head)
    if m is None or _SPLIT_TAIL_RE.match(tail) is None:
        return None
    stem = m.group(1)
    word = re.search(r"[A-Za-z]+$", stem)
    prefixes, suffixes = _hyphen_words()
    bare_tail = re.match(r"[a-z]+", tail).group(0)  # type: ignore[union-attr]
    if (word is not None and word.group(0).lower() in prefixes) or bare_tail in suffixes:
        return f"{stem}-{tail}"
    return stem + tail


def join_hyphenation(text: str) -> str:
    """Join words split over a line end, keeping the rest of the continuation line on its own line."""

    def repl(m: re.Match[str]) -> str:
        head, tail, punct = m.group(1), m.group(2), m.group(3)
        prefixes, suffixes = _hyphen_words()
        if head.lower() in prefixes or tail in suffixes:
            return f"{head}-{tail}{punct}\n"
        return f"{head}{tail}{punct}\n"

    text = _HYPHEN_BREAK_RE.sub(repl, text)
    # A continuation line that held only the joined word is now empty: drop that empty line.
    return text


def tidy_lines(text: str) -> str:
    """Trailing spaces off, at most one blank line in a row, no blank start or end."""
    text = _TRAILING_WS_RE.sub("", text)
    text = _BLANKS_RE.sub("\n\n", text)
    return text.strip("\n ")


def normalize_text(text: str, *, hyphenation: bool = True) -> str:
    """The full clean-up for one page or one document."""
    text = normalize_chars(text)
    if hyphenation:
        text = join_hyphenation(text)
    text = normalize_bullets(text)
    # Icon fonts (phone, e-mail, pin glyphs) map to the private-use area: meaningless once bullets are done.
    text = _PRIVATE_USE_RE.sub("", text)
    return tidy_lines(text)


def find_text_links(text: str, page: int | None = None) -> list[Link]:
    """URLs typed in the text (http(s)://… and www.…), trailing punctuation trimmed."""
    links: list[Link] = []
    for m in _URL_RE.finditer(text):
        raw = m.group(0).rstrip(".,;:!?'\"")
        if len(raw) <= len("www.") or raw.lower() in ("http://", "https://"):
            continue
        url = raw if raw.lower().startswith("http") else f"https://{raw}"
        links.append(Link(url=url, text=raw, page=page, source="text"))
    return links
