"""A degree not awarded yet is marked ``in_progress``: an end date still to come, a range to "present", or its header
saying so ("expected May 2027", "(in progress)", "PhD candidate") with no end date or one still to come. An
"expected" date long past is a résumé written then, and an "expected" grade after a past end date is only a grade."""

from __future__ import annotations

from datetime import date

import pytest

from screener.parse.education import find_education
from screener.parse.sections import find_sections

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("lines, in_progress", [
    ("B.S. in Computer Science, Hollowmere State University, expected May 2027", True),
    ("B.S. in Computer Science, Hollowmere State University (in progress)", True),
    ("Hollowmere State University, 2023 – present\nB.S. in Computer Science", True),
    ("Hollowmere State University\nPhD candidate in Marine Biology, 2022 – ongoing", True),
    ("M.Sc. in Geophysics, Orvath Institute of Mining, 2025 – 2027", True),
    ("Hollowmere State University\nB.S. in Computer Science, 2024 – 2028", True),  # years ahead of a job's
    ("Hollowmere State University, Sep 15 - Jun 19\nB.S. in Computer Science", False),  # two-digit years still past
    ("B.S. in Computer Science, Hollowmere State University, 2019", False),
    ("B.S. in Computer Science, Hollowmere State University, expected May 2012", False),
    ("LLB Honours (2.1 expected), Orvath University, 2013 – 2017", False),
])
def test_in_progress(lines: str, in_progress: bool) -> None:
    text = f"EDUCATION\n{lines}\n"
    entries = find_education(text, find_sections(text), today=TODAY)
    assert len(entries) == 1
    assert entries[0].in_progress is in_progress
