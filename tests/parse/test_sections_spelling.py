"""Misspelt headings: the indexed look-up of near heading words finds exactly what a scan of the whole
heading vocabulary finds."""
from __future__ import annotations

import pytest

from screener.parse import sections
from screener.parse.sections import _heading_vocabulary, _near_words, _one_edit, heading_name


def _scan(w: str) -> list[str]:
    return sorted(v for v in _heading_vocabulary() if _one_edit(w, v) and v[-1] == w[-1]
                  and not (w.startswith(v) or v.startswith(w)))


@pytest.mark.parametrize("word", ["expirience", "experiance", "educaiton", "certifcations", "qualificatons",
                                  "proffesional", "experiencie", "employment", "skillsets", "languagess",
                                  "zzzzzzzzz", "experienced"])
def test_index_finds_what_a_full_scan_finds(word: str) -> None:
    assert _near_words(word) == _scan(word)


def test_every_vocabulary_word_with_one_slip_finds_itself() -> None:
    for v in sorted(_heading_vocabulary())[:200]:
        slipped = v[:2] + v[3] + v[2] + v[4:] if len(v) > 4 and v[2] != v[3] else v[:1] + "q" + v[2:]
        if slipped not in _heading_vocabulary():
            assert v in _near_words(slipped)
            assert _near_words(slipped) == _scan(slipped)


@pytest.mark.parametrize(("line", "name"), [("WORK EXPIRIENCE", "experience"), ("Educaiton", "education")])
def test_misspelt_headings_still_read(line: str, name: str) -> None:
    sections.heading_name.cache_clear()
    assert heading_name(line) == name
