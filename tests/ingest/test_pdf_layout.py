"""PDF reading order: columns under a header band, sidebars, right-margin dates on their row, broken words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from screener.ingest import ingest_path
from screener.ingest.normalize import join_split_word

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
TOMASZ = ROOT / "sample_data" / "tomasz_nowak_data_engineer_two_column.pdf"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _positions(text: str, pieces: list[str]) -> list[int]:
    flat = _flat(text)
    return [flat.find(_flat(p)) for p in pieces]


def test_columns_under_a_header_band_are_read_column_after_column() -> None:
    doc = ingest_path(FIXTURES / "columns_header.pdf")
    main = [
        "EXPERIENCE",
        "Platform engineer at Aspen Freight since 2020, running the shipment tracking services on Kubernetes",
        "Before that, four years at Larkspur Bank building nightly settlement jobs in Java and SQL",
        "EDUCATION",
        "Bachelor of Science in Computer Science, Colorado School of Mines, graduated with honours in 2014.",
    ]
    side = [
        "PROFILE",
        "Calm on call, fond of boring infrastructure and of documentation that answers the question.",
        "SKILLS",
        "Go, Java, SQL, Terraform, Kubernetes, Prometheus and a little Rust for command-line tools.",
    ]
    lines = doc.text.splitlines()
    assert lines[:2] == ["Morgan Reyes", "morgan.reyes@example.org · +1 555 0142 · Denver, CO · github.com/mreyes-example"]
    found = _positions(doc.text, main + side)
    assert -1 not in found  # every paragraph is contiguous: nothing from the other column cuts into it
    assert found == sorted(found)  # main column fully, then the side column
    assert "multi-column" in {f.code for f in doc.health}


def test_right_sidebar_comes_after_main_and_dates_stay_on_their_row() -> None:
    doc = ingest_path(FIXTURES / "sidebar_dates.pdf")
    lines = doc.text.splitlines()
    for row in (
        "Senior Site Reliability Engineer, Northwind Logistics  Mar 2021 – Present",
        "Systems Engineer, Bluebird Telecom  Jun 2017 – Feb 2021",
        "Junior Administrator, Riverside College  Sep 2015 – May 2017",
    ):
        assert row in lines
    # The broken word is joined with the line below it in the main column, not with the sidebar line beside it.
    assert "Wrote the incident review guide and the on-call handbook" in lines
    sidebar = ["CONTACT", "Lisbon, Portugal", "ana.costa@example.net", "SKILLS", "Linux", "Ansible", "Prometheus",
               "Grafana", "Python", "LANGUAGES", "Portuguese", "English"]
    start = lines.index("CONTACT")
    assert lines[start:] == sidebar
    assert start > lines.index("used by three teams.")


def test_rendercv_dates_on_the_row_and_hyphenation_within_the_column() -> None:
    doc = ingest_path(FIXTURES / "third_party" / "rendercv_classic.pdf")
    lines = doc.text.splitlines()
    assert "Apple, Software Engineer  Cupertino, CA" in lines
    assert "• Reduced time to render user buddy lists by 75% by implementing a prediction algorithm  June 2005 – Aug 2007" in lines
    assert not any(re.search(r"[a-z]CA|CAJune|al-", line) for line in lines)
    assert "gorithm" not in lines


SIDEBAR_LINES = [
    "AWS (S3, EMR, Glue, Redshift), Docker,",
    "Terraform",
    "Storage",
    "LANGUAGES",
    "CERTIFICATIONS",
    "• Databricks Certified Data Engineer",
    "Polish — native",
]


def test_tomasz_experience_has_no_sidebar_line() -> None:
    text = ingest_path(TOMASZ).text
    experience = text[text.index("EXPERIENCE") : text.index("EDUCATION")]
    assert not set(SIDEBAR_LINES) & set(experience.splitlines())
    assert "added data-quality checks in\nPython that catch late or duplicate loads." in experience
    sidebar = text[: text.index("SUMMARY")].splitlines()
    assert set(SIDEBAR_LINES) <= set(sidebar)


@pytest.mark.parametrize(
    ("head", "tail", "expected"),
    [
        ("al-", "gorithm", "algorithm"),
        ("story-", "telling,”", "storytelling,”"),
        ("Experi-", "enceEntry,", "ExperienceEntry,"),
        ("self-", "motivated", "self-motivated"),
        ("cloud-", "based", "cloud-based"),
        ("Front-", "End", None),
        ("2019-", "2021", None),
        ("a-", "b", None),
    ],
)
def test_join_split_word(head: str, tail: str, expected: str | None) -> None:
    assert join_split_word(head, tail) == expected


def test_a_line_repeated_on_one_line_pages_is_content_not_a_running_header() -> None:
    from screener.ingest.pdf import remove_running_lines

    pages = [[f"Page {i} Python SQL Kubernetes experience 2019 - 2021"] for i in range(5)]
    assert remove_running_lines(pages) == pages
    body = [["Jane Doe — CV", f"line {i} a", "middle b", "middle c", f"Page {i + 1} of 3"] for i in range(3)]
    got = remove_running_lines(body)
    assert got[0][0] == "Jane Doe — CV" and all("of 3" not in line for p in got for line in p)
