"""``fold``: its fast paths (ASCII, whole-string decomposition) give exactly what folding character by character
gives, Hangul syllables kept whole."""

from __future__ import annotations

import random
import unicodedata

import pytest

from screener.credentials._text import _fold_by_char, fold

_ASCII = "".join(chr(i) for i in range(128))


@pytest.mark.parametrize("text", [_ASCII, "B.Tech (Hons) in COMPUTER-Science", "Dipl.-Ing. ", "", "ΣΊΣΥΦΟΣ ß"])
def test_fast_paths_equal_folding_by_character(text: str) -> None:
    assert fold(text) == _fold_by_char(text)


def test_ascii_is_lower_cased_only() -> None:
    assert fold("MSc Data SCIENCE") == "msc data science"


@pytest.mark.parametrize(("text", "folded"), [
    ("한국과학기술원 Mecânica", "한국과학기술원 mecanica"),  # Hangul whole, accents dropped beside it
    ("Đại học Bách khoa", "dai hoc bach khoa"),
    ("e\u0301cole", "ecole"),  # a combining accent written apart
    ("ﬁnance", "finance"),  # a compatibility ligature
])
def test_non_ascii(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_random_mixed_strings_fold_as_by_character() -> None:
    # accents and other combining marks beside letters of several scripts: decomposing the whole string reorders
    # combining marks across characters, which are dropped anyway
    rnd = random.Random(7)
    pool = [chr(i) for i in range(0x20, 0x2FF)] + [chr(i) for i in range(0x300, 0x370)] + list("ΑΩабвЖ한글ǅŉẞ")
    assert any(unicodedata.combining(c) for c in pool)
    for _ in range(3000):
        s = "".join(rnd.choice(pool) for _ in range(rnd.randint(1, 12)))
        assert fold(s) == _fold_by_char(s), repr(s)
