"""JSON Resume ingest: validation messages with field paths, the fixed text layout, structured links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from screener.errors import InvalidJSONResume
from screener.ingest import ingest_bytes, ingest_path
from screener.ingest.jsonresume import render

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"

EXPECTED = """Lee Park
Data Engineer
lee@example.com | 555-0101 | https://lee.example.com | Austin, TX, US
https://github.com/leepark

SUMMARY
Engineer who builds pipelines.

EXPERIENCE
Data Engineer — Acme, Austin
2020-03 – Present
Owned the warehouse.
• Cut costs 30% with Spark

Analyst — Initech
2017 – 2020-02

EDUCATION
BSc in Statistics — UT Austin
2013 – 2017
Score: 3.8
Courses: Probability, Databases

SKILLS
Data: SQL, Airflow

CERTIFICATIONS
AWS Data Analytics — Amazon, 2022-05
https://aws.example/c/1

PROJECTS
Pipewatch: Monitors DAGs
• 500 stars

VOLUNTEERING
Mentor — Code Club
2019 – Present

LANGUAGES
Korean — Native"""


def test_valid_resume_renders_fixed_layout() -> None:
    doc = ingest_path(FIXTURES / "resume_valid.json")
    assert doc.kind == "jsonresume"
    assert doc.text == EXPECTED
    assert doc.structured is not None and doc.structured["basics"]["name"] == "Lee Park"
    assert {link.url for link in doc.links if link.source == "structured"} == {
        "https://lee.example.com",
        "https://github.com/leepark",
        "https://aws.example/c/1",
    }


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        ({"work": [{"startDate": "2019-13"}]}, "work[0].startDate: '2019-13' is not a valid date"),
        ({"education": [{"endDate": "2021-02-30"}]}, "education[0].endDate: '2021-02-30' is not a valid date"),
        ({"work": [{"endDate": "May 2020"}]}, "work[0].endDate: 'May 2020' is not a valid date"),
        ({"basics": {"name": 7}}, "basics.name: expected string, found int"),
        ({"skills": [{"keywords": "SQL"}]}, "skills[0].keywords: expected array, found str"),
        ({"name": "pkg", "version": "1"}, "not a JSON Resume"),
        ([1, 2], "not a JSON Resume"),
    ],
)
def test_invalid_resumes_name_the_field(obj: object, message: str) -> None:
    with pytest.raises(InvalidJSONResume) as info:
        ingest_bytes(json.dumps(obj).encode(), "resume.json")
    assert str(info.value).startswith("resume.json: ")
    assert message in str(info.value)


def test_not_json_at_all() -> None:
    with pytest.raises(InvalidJSONResume, match="not valid JSON"):
        ingest_bytes(b"{oops", "resume.json")


def test_full_date_rendered_as_month() -> None:
    text = render({"work": [{"position": "Dev", "name": "X", "startDate": "2020-01-31", "endDate": "2021-06-01"}]})
    assert "2020-01 – 2021-06" in text
