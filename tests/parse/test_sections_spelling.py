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


@pytest.mark.parametrize("line", ["Contract", "CONTRACT", "Contracts", "Patients", "Preferences"])
def test_a_real_word_one_slip_from_a_heading_word_is_no_heading(line: str) -> None:
    """"Contract" is no misspelt "Contact" (it closed the work history: every role after it was lost)."""
    assert heading_name(line) is None


def test_a_contract_line_keeps_the_work_history() -> None:
    from datetime import date

    from screener.models import Document
    from screener.parse import parse_document

    text = ("EXPERIENCE\nContract\nWeb Developer\n2019 – 2021\nBuilt sites for small shops.\n\n"
            "Developer  2021 – Present\nHalvard Ltd\nBuilt APIs.\n")
    doc = Document(file="cv.txt", kind="txt", text=text, pages=(text,))
    roles = parse_document(doc, today=date(2026, 12, 1)).roles
    assert [(r.title, r.employer) for r in roles] == [("Web Developer", "Contract"), ("Developer", "Halvard Ltd")]
