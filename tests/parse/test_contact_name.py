"""The name is never a heading: an anonymised CV that opens with its section headings has no name (a wrong name
would be shown to the reviewer and masked in the evidence instead of the real one)."""

from __future__ import annotations

import pytest

from screener.parse import find_sections
from screener.parse.contact import find_contact, find_name, name_in


@pytest.mark.parametrize("line", [
    "DESCRIPTION WORK EXPIRIENCE",  # headings glued in a converted two-column CV, one misspelt
    "Summary Technical Skills",
    "Profile Work Experience",
    "Career Objective",
    "Experience Skills",  # two columns' headings side by side
    "IN WEB FRONTEND",  # an English function word: a headline, not a name
    "A T",  # initials alone
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


def test_the_name_is_looked_for_only_above_the_first_section() -> None:
    text = "Backend Developer\nLocation: Israel\nExperience Skills\nGolang Developer\nSber Tech\n"
    assert find_name(text) == ("", -1)
    text = "CONTACT\nana@example.com\nAna Souza\nEXPERIENCE\nEngineer\n"  # a contact block may come first
    assert find_name(text)[0] == "Ana Souza"


def test_letter_spaced_headings_of_a_designed_template_end_the_name_search() -> None:
    from screener.parse.sections import heading_names

    assert heading_names("T O O L S  &  T E C H") == ["skills"]
    assert heading_names("T E C H N I C A L C O M P E T E N C I E S") == ["skills"]  # word breaks lost
    assert heading_names("E D U C A T I O N & C O U R S E S") == ["education"]
    assert heading_names("W O R K  E X P E R I E N C E") == ["experience"]
    text = "C O N T A C T  M E  A T\nT O O L S  &  T E C H\nPython SQL\nMicrosoft Excel Tableau\n"
    assert find_name(text) == ("", -1)  # never 'A T' nor the tools under the heading


@pytest.mark.parametrize("top, email, name", [
    ("Kiryat Bialik\nJohn Rust\njohn.rust@example.com\n", "john.rust@example.com", "John Rust"),
    ("Ramat Hasharon\nTomás Ruiz\n+972 50 000 0000\n", "truiz@example.org", "Tomás Ruiz"),
    # the first name-like line stays the name when the address spells none of them
    ("Dana Swift\nNorth Haven\n", "contact@example.com", "Dana Swift"),
    ("Dana Swift\nNorth Haven\n", "", "Dana Swift"),
])
def test_a_town_above_the_name_gives_way_to_the_name_the_address_spells(top: str, email: str, name: str) -> None:
    text = top + "\nSkills\nJava, SQL\n"
    assert find_name(text, email=email)[0] == name


def test_the_contact_block_reads_the_address_before_the_name() -> None:
    text = "Kiryat Bialik\nJohn Rust\njohn.rust@example.com | +972 50 000 0000\n\nSkills\nJava, Rust\n"
    assert find_contact(text, find_sections(text)).name == "John Rust"


@pytest.mark.parametrize("top, email, name", [
    ("Ruby Chen (she/her)", "", "Ruby Chen"),
    ("Ruby Chen [they/them]", "", "Ruby Chen"),
    ("J O N A S   H E L M", "", "JONAS HELM"),
    # read only when the address spells the whole name
    ("Helm, Jonas", "jonas.helm@example.com", "Jonas Helm"),
    ("JONAS\nHELM", "jhelm.jonas@example.com", "JONAS HELM"),
    ("Helm, Jonas, P.H.R.", "jonas-helm@example.com", "Jonas Helm"),
    ("\"Helm, Jonas  City • 123-345-7890 • jonas-helm@example.com", "jonas-helm@example.com", "Jonas Helm"),
    ("Ruby Chen (she/her), P.H.R.", "", "Ruby Chen"),
    ("J O N A S   H E L M, P.H.R.", "", "JONAS HELM"),
    ("\"G O   E U N - J I  Car Sales Manager  AREAS OF EXPERTISE", "", "GO EUN-JI"),
    ("Helm, Jonas", "", ""),
    ("JONAS\nHELM", "contact@example.com", ""),
    ("Berlin, Germany", "jonas.helm@example.com", ""),
])
def test_names_written_the_less_usual_ways(top: str, email: str, name: str) -> None:
    assert find_name(top + "\n\nSkills\nJava, SQL\n", email=email)[0] == name


@pytest.mark.parametrize("top", ["|  |  | 9 march 1984 | Kfar Saba", "Petah Tikva\n", "Mountain View\n"])
def test_a_town_at_the_top_is_no_name(top: str) -> None:
    """A CV whose name was left out (or sits in an image) gave the town on its top line as the candidate's name
    ('Kiryat Bialik'), so blind review hid the town and nothing else."""
    text = top + "\nSkills\nOutstanding leadership and analytical thinking.\nEXPERIENCE\nJava Developer, Acme Ltd, 2019 - 2021\n"
    assert find_contact(text, find_sections(text)).name == ""
