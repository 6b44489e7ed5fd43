"""Credential text as résumés really write it never crashes the lookup, and never yields a half-filled note."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screener.credentials import DISCLAIMER, lookup_equivalency

ODD = ["", " ", "\t\n", "B.", "(", ")", "((B.Sc", "B.Sc.)))", "..", "-", "*", "* * *", "кандидат", "кандидат * наук",
       "学", "학", "🎓 B.Sc.", "B.Sc.\u200b(Hons)", "Ｂ．Ｓｃ．", "B.SC" * 400, "M.Sc., M.Sc., M.Sc.", "null", "None", "0"]
COUNTRIES = [None, "", "IN", "in", "India", "U.S.", "UK", "Côte d'Ivoire", "ZZ", "Narnia", "123", "  "]


def _check(text: str, country: str | None) -> None:
    got = lookup_equivalency(text, country=country).to_json()
    assert got["note"].endswith(DISCLAIMER)
    # a reading is complete or absent: never a level without an equivalent or sources
    if got["isced_level"] is not None:
        assert got["us_equivalent"] and got["sources"]
    if got["us_equivalent"] is None:
        assert got["isced_level"] is None and got["licensing_path"] is None and got["sources"] == []
    assert (got["regulated_profession"] is None) == (got["licensing_path"] is None)


@pytest.mark.parametrize("text", ODD)
@pytest.mark.parametrize("country", COUNTRIES)
def test_odd_inputs_give_a_note(text: str, country: str | None) -> None:
    _check(text, country)


@settings(max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
       st.sampled_from(COUNTRIES))
def test_any_text_gives_a_note(text: str, country: str | None) -> None:
    _check(text, country)
