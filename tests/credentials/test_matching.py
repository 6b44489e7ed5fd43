"""Matching credentials as people write them: accents, dots and spaces in abbreviations, field text, feminine forms."""

from __future__ import annotations

import pytest

from screener.credentials import lookup_equivalency
from screener.credentials._text import PhraseIndex, compact, fold, tokens


@pytest.mark.parametrize(("text", "folded"), [
    ("Mecânica", "mecanica"),
    ("Ingeniería", "ingenieria"),
    ("Inżynier Łódź", "inzynier lodz"),
    ("Đại học", "dai hoc"),
    ("Специалист", "специалист"),
    ("München", "munchen"),
])
def test_fold_removes_case_and_accents(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize("text", ["B.Tech", "B. Tech", "BTech", "b tech", "B-Tech", "B.TECH."])
def test_abbreviation_spellings_are_one_key(text: str) -> None:
    assert compact(text) == "btech"


def test_tokens_split_on_punctuation() -> None:
    assert tokens("Dipl.-Ing. (FH)") == ["dipl", "ing", "fh"]


def test_phrase_index_keeps_word_boundaries() -> None:
    idx = PhraseIndex([("BA", "ba"), ("MS", "ms")])
    assert [m.item for m in idx.find("BA in Economics")] == ["ba"]
    # "MS" must not be found inside "Mathematics" or "systems"
    assert idx.find("Mathematics and systems") == []


def test_wildcard_phrase_spans_one_to_three_words() -> None:
    idx = PhraseIndex([("кандидат * наук", "k")])
    assert idx.find("Кандидат физико-математических наук")
    assert idx.find("Кандидат технических наук")
    assert not idx.find("Кандидат наук")  # the wildcard needs at least one word


def test_cjk_phrase_found_inside_longer_word() -> None:
    idx = PhraseIndex([("学士", "b"), ("电子工程", "x")])
    assert [m.item for m in idx.find("工学学士学位")] == ["b"]


@pytest.mark.parametrize(("text", "country", "row_country", "isced"), [
    ("B. Tech", "IN", "IN", 6),
    ("Bachelor of Technology", "IN", "IN", 6),
    ("B.Tech in Computer Science and Engineering", "IN", "IN", 6),
    ("Bacharel em Engenharia Mecânica", None, "BR", 6),
    ("BACHAREL EM ENGENHARIA MECANICA", None, "BR", 6),
    ("Ingeniera Civil", "MX", "MX", 6),
    ("Ingeniero Civil", "MX", "MX", 6),
    ("Licenciatura en Contaduría", None, "MX", 6),
    ("Licenciatura en Contaduria", None, "MX", 6),
    ("BSc (Hons) Computer Science", "GB", "GB", 6),
    ("B.Sc. (Hons.) Computer Science", "GB", "GB", 6),
    ("Dipl.-Ing.", "DE", "DE", 7),
    ("Dipl. Ing.", "DE", "DE", 7),
    ("Diplom-Ingenieur", "DE", "DE", 7),
    ("Dipl.-Ing.", "AT", "AT", 7),
    ("Dipl.-Ing.", None, None, 7),  # a German and an Austrian title: no country named
    ("Laurea Magistrale in Ingegneria", None, "IT", 7),
    ("laurea magistrale", None, "IT", 7),
    ("Специалист", None, "RU", 7),
    ("Specialist diploma", "RU", "RU", 7),
    ("Kandidat nauk", "RU", "RU", 8),
    ("HND Accountancy", "NG", "NG", 5),
    ("MBBS", "IN", "IN", 7),
    ("M.B.B.S.", "IN", "IN", 7),
    ("ACA (ICAN)", None, "NG", None),
    ("CA (ICAI)", None, "IN", None),
    ("CA ICAI", None, "IN", None),
])
def test_credential_forms(text: str, country: str | None, row_country: str, isced: int | None) -> None:
    eq = lookup_equivalency(text, country=country)
    assert eq.known
    assert eq.country == row_country
    assert eq.isced_level == isced


def test_longest_phrase_wins() -> None:
    assert lookup_equivalency("Laurea Magistrale", country="IT").isced_level == 7
    assert lookup_equivalency("Laurea", country="IT").isced_level == 6
    assert lookup_equivalency("Dipl.-Ing. (FH)").isced_level == 6
    assert lookup_equivalency("Yüksek Lisans").isced_level == 7


def test_condition_word_in_institution_selects_fachhochschule_reading() -> None:
    uni = lookup_equivalency("Diplom-Ingenieur", institution="Technische Universität Berlin")
    fh = lookup_equivalency("Diplom-Ingenieur", institution="Fachhochschule Aachen")
    assert (uni.isced_level, fh.isced_level) == (7, 6)
    assert uni.caveat and "FH" in uni.caveat


def test_country_name_or_code_accepted() -> None:
    by_code = lookup_equivalency("Licence", country="fr")
    by_name = lookup_equivalency("Licence", country="France")
    assert by_code.country == by_name.country == "FR"
    assert by_code.contested and by_name.contested


def test_country_argument_beats_credential_word() -> None:
    # "Licenciatura" alone reads differently in Spain (pre-Bologna, contested) and Mexico
    assert lookup_equivalency("Licenciatura", country="ES").contested is True
    assert lookup_equivalency("Licenciatura", country="MX").contested is False


def test_context_gives_country_for_shared_abbreviation() -> None:
    eq = lookup_equivalency("B.Sc.", context="B.Sc. Physics, University of Delhi, New Delhi, India")
    assert eq.country == "IN" and eq.contested
    ng = lookup_equivalency("B.Sc.", institution="University of Lagos")
    assert ng.country == "NG" and not ng.contested


def test_shared_abbreviation_without_country_is_never_a_guessed_country() -> None:
    eq = lookup_equivalency("BSc")
    assert eq.country is None
    assert eq.isced_level == 6
    assert eq.us_equivalent and "country unknown" in eq.us_equivalent
    assert eq.contested  # Indian and Bologna three-year readings differ from four-year ones


def test_unknown_credential_gets_no_note() -> None:
    eq = lookup_equivalency("Certificate of Completion in Basket Weaving")
    assert not eq.known
    assert eq.isced_level is None and eq.us_equivalent is None and eq.sources == ()
    assert "does not guess" in eq.note


def test_credential_only_known_elsewhere_is_not_borrowed() -> None:
    # "Diplom" is a German row; a Russian "Diplom" is not read as German
    assert not lookup_equivalency("Diplom", country="RU").known


def test_whitespace_in_credential_is_normalised() -> None:
    assert lookup_equivalency("  B.Tech   in  CS ", country="IN").credential == "B.Tech in CS"
