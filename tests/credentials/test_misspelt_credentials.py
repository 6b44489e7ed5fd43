"""A misspelt credential word ("Mastrer's", "Bachlor") still finds its row, quoted as written; the real names of
foreign credentials that look like misspellings ("Diplom", "Doctorat", "Diplôme") are never respelled."""

from __future__ import annotations

import pytest

from screener.credentials.equivalency import lookup_equivalency


@pytest.mark.parametrize(("written", "country", "isced"), [
    ("Mastrer's (2'nd) degree", "RU", 7),
    ("Bachlor of Engineering", "IN", 6),
    ("Mastrer of Science", "US", 7),
])
def test_misspelt_credential_finds_its_row(written: str, country: str, isced: int) -> None:
    eq = lookup_equivalency(written, country=country)
    assert eq.isced_level == isced, eq.note
    assert written in eq.note  # quoted as the applicant wrote it


@pytest.mark.parametrize(("written", "country", "isced"), [
    ("Diplom-Ingenieur", "DE", 7),
    ("Doctorat", "FR", 8),
    ("Diplôme d'ingénieur", "FR", 7),
])
def test_foreign_names_are_not_respelled(written: str, country: str, isced: int) -> None:
    assert lookup_equivalency(written, country=country).isced_level == isced
