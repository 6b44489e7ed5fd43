"""The name is never a heading: an anonymised CV that opens with its section headings has no name (a wrong name
would be shown to the reviewer and masked in the evidence instead of the real one)."""

from __future__ import annotations

import pytest

from screener.parse.contact import find_name, name_in


@pytest.mark.parametrize("line", [
    "DESCRIPTION WORK EXPIRIENCE",  # headings glued in a converted two-column CV, one misspelt
    "Summary Technical Skills",
    "Profile Work Experience",
    "Career Objective",
])
def test_a_line_of_headings_is_not_a_name(line: str) -> None:
    assert name_in(line) == ""


@pytest.mark.parametrize("line", ["Grace Mensah", "Mary Summers", "KWAME ASANTE", "Jane Q. Public", "Hope Workman"])
def test_names_stay_names(line: str) -> None:
    assert name_in(line) == line


def test_anonymised_cv_opening_with_headings_has_no_name() -> None:
    text = "DESCRIPTION WORK EXPIRIENCE\nNetwork Engineer\nLayer 3 support for an ISP\n"
    assert find_name(text) == ("", -1)
    assert find_name("Ana Souza\nWORK EXPERIENCE\nEngineer\n")[0] == "Ana Souza"
