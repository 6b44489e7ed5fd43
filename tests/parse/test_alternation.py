"""``alternation`` groups its alternatives by first letter for speed: it must match exactly what the plain
alternation (every alternative in turn, longest first) matches, with and without IGNORECASE."""

from __future__ import annotations

import re

import pytest

from screener.parse._data import alternation, strip_accents

WORDS = ["Engineer", "engineering", "Engineering Manager", "İnşaat mühendisi", "ılık", "it manager", "IT",
         "o’reilly", "O'Neil", "data  analyst", "Data", "Ärztin", "Arzt", "s.a.", "S.A.S.", "co-founder", "C++",
         "Kelvin", "ſtrange", "Straße", "intern", "ınternal"]
TEXTS = ["Senior Engineering Manager at O’Reilly", "İNŞAAT MÜHENDİSİ, Ankara", "ınternal IT data\nanalyst",
         "Arztin / Ärztin", "KELVIN kelvin (Kelvin sign)", "STRASSE straße ſtrange", "Co-Founder, S.A.S. Paris",
         "C++ engineer; it manager", "dataanalyst data   analyst", "ENGINEERINGMANAGER", "", "o'neil O’NEIL"]


def _plain(words: list[str]) -> str:
    cleaned = [w.strip().replace("’", "'") for w in words]
    forms = {f for w in cleaned if w for f in (w.casefold(), strip_accents(w).casefold())}
    parts = [r"\s+".join(re.escape(p) for p in f.split()).replace("'", "['’]")
             for f in sorted(forms, key=lambda s: (-len(s), s))]
    return "(?:" + "|".join(parts) + ")"


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("edges", [("", ""), (r"(?<![^\W_])", r"(?![^\W_])")])
def test_grouped_alternation_matches_like_the_plain_one(flags: int, edges: tuple[str, str]) -> None:
    grouped = re.compile(edges[0] + alternation(WORDS) + edges[1], flags)
    plain = re.compile(edges[0] + _plain(WORDS) + edges[1], flags)
    assert grouped.pattern != plain.pattern  # the grouping is in use
    for text in TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS]:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        assert bool(grouped.fullmatch(text)) == bool(plain.fullmatch(text))


def test_case_variants_of_one_letter_share_a_group() -> None:
    # "i" and "ı" match the same letters under IGNORECASE: one look-ahead group, in the plain order
    pattern = alternation(["ılık", "iz", "ilk"])
    assert pattern.count("(?=") == 1


def test_empty_word_list() -> None:
    assert alternation([]) == "(?:)"
