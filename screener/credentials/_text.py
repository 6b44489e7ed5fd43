"""Text folding and phrase lookup shared by the credential tables (credentials, country cues, licensing titles).

A phrase matches on word boundaries after folding case and accents, ignoring dots, hyphens and spaces inside
it, so "B.Tech", "B. Tech" and "BTech" are one phrase, and so are "Dipl.-Ing." and "dipl ing"::

    index = PhraseIndex([("b.tech", "in-btech")])
    [m.item for m in index.find("B. Tech in Computer Science")]   # ['in-btech']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

# Letters that Unicode decomposition leaves alone but résumés write both ways ("Đại học" / "Dai hoc", "Łódź").
_TRANSLIT = str.maketrans({
    "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "æ": "ae", "Æ": "ae",
    "œ": "oe", "Œ": "oe", "ı": "i", "ð": "d", "þ": "th",
})

#: Wildcard token in a pattern: stands for one to three words ("кандидат * наук").
WILDCARD = "*"
_WILD_MAX = 3


def _is_hangul_syllable(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def is_cjk(text: str) -> bool:
    """True when the text contains Chinese, Japanese or Korean script (written without spaces between words)."""
    for ch in text:
        o = ord(ch)
        if 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7A3 or 0xF900 <= o <= 0xFAFF:
            return True
    return False


def fold(text: str) -> str:
    """Lower case without accents ("Mecânica" → "mecanica", "Специалист" → "специалист")."""
    if text.isascii():
        # ASCII is its own decomposition and has no combining marks nor transliterated letters
        return text.casefold()
    if any(_is_hangul_syllable(ch) for ch in text):
        return _fold_by_char(text)
    # Decomposing the whole string only reorders combining marks (which are dropped) across characters: the same
    # as character by character.
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    return "".join(d for d in decomposed if not unicodedata.combining(d)).casefold()


def _fold_by_char(text: str) -> str:
    out = []
    for ch in text.translate(_TRANSLIT):
        if _is_hangul_syllable(ch):
            # decomposing Hangul would split syllables into letters; keep them whole
            out.append(ch)
            continue
        for d in unicodedata.normalize("NFKD", ch):
            if not unicodedata.combining(d):
                out.append(d)
    return "".join(out).casefold()


def tokens(text: str) -> list[str]:
    """Folded words: runs of letters and digits; everything else separates."""
    words: list[str] = []
    cur: list[str] = []
    for ch in fold(text):
        if ch.isalnum():
            cur.append(ch)
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return words


def compact(text: str) -> str:
    """A phrase as one key: its folded words joined without separators."""
    return "".join(tokens(text))


@dataclass(frozen=True)
class Match(Generic[T]):
    """One phrase found in a text: token positions [start, end), matched length in characters, and its item."""

    start: int
    end: int
    length: int
    item: T
    phrase: str


class PhraseIndex(Generic[T]):
    """Looks up many phrases at once in short texts (an education entry, a role title).

    Plain phrases are keyed by their compact form and found by joining consecutive words of the text, which
    makes spacing and dots inside abbreviations irrelevant while keeping word boundaries. Phrases in CJK
    scripts are found anywhere (those scripts do not separate words). "*" phrases are tried word by word.
    """

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._exact: dict[str, list[tuple[str, T]]] = {}
        self._wild: list[tuple[list[str], str, T]] = []
        self._cjk: list[tuple[str, str, T]] = []
        self._max_len = 0
        for phrase, item in entries:
            if is_cjk(phrase):
                key = "".join(fold(phrase).split())
                if key:
                    self._cjk.append((key, phrase, item))
                continue
            if WILDCARD in phrase.split():
                segments = [compact(s) for s in phrase.split(WILDCARD)]
                if all(segments):
                    self._wild.append((segments, phrase, item))
                continue
            key = compact(phrase)
            if not key:
                continue
            self._exact.setdefault(key, []).append((phrase, item))
            self._max_len = max(self._max_len, len(key))

    def find(self, text: str) -> list[Match[T]]:
        """Every phrase occurrence in the text (overlapping ones included)."""
        words = tokens(text)
        found: list[Match[T]] = []
        for i in range(len(words)):
            joined = ""
            for j in range(i, len(words)):
                joined += words[j]
                if len(joined) > self._max_len:
                    break
                for phrase, item in self._exact.get(joined, ()):
                    found.append(Match(i, j + 1, len(joined), item, phrase))
        for segments, phrase, item in self._wild:
            for i in range(len(words)):
                end = _match_segments(words, i, segments)
                if end is not None:
                    found.append(Match(i, end, sum(len(s) for s in segments), item, phrase))
        if self._cjk:
            flat = "".join(fold(text).split())
            for key, phrase, item in self._cjk:
                pos = flat.find(key)
                if pos >= 0:
                    # CJK hits get positions after every word so they never "contain" a Latin-script hit
                    found.append(Match(len(words) + pos, len(words) + pos + len(key), len(key), item, phrase))
        return found


def _match_segments(words: list[str], start: int, segments: list[str]) -> int | None:
    """End position when ``segments`` (with 1-3 words between each) match from ``start``; else None."""
    first = _prefix_end(words, start, segments[0])
    if first is None:
        return None
    if len(segments) == 1:
        return first
    for gap in range(1, _WILD_MAX + 1):
        end = _match_segments(words, first + gap, segments[1:])
        if end is not None:
            return end
    return None


def _prefix_end(words: list[str], start: int, key: str) -> int | None:
    joined = ""
    for j in range(start, len(words)):
        joined += words[j]
        if joined == key:
            return j + 1
        if not key.startswith(joined):
            return None
    return None


def outermost(matches: list[Match[T]]) -> list[Match[T]]:
    """Drop matches lying inside a longer match ("Mexico" inside "New Mexico")."""
    keep = []
    for m in matches:
        inside = any(
            o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
            for o in matches
        )
        if not inside:
            keep.append(m)
    return keep
