"""Every pattern of the parse stage runs in linear time: long or hostile lines parse in well under a second.

Times are CPU seconds of this process (``time.process_time``), so a busy machine does not make them flaky;
the bound is generous (the same lines took minutes when patterns backtracked).
"""

from __future__ import annotations

import time

import pytest

from screener.models import Document
from screener.parse import parse_document

LINES = {
    "6,000 dashes": "-" * 6000,
    "spaced dashes before dates": " -" * 3000 + "x 2019 - 2020",
    "dashes before a title and dates": "-" * 6000 + "Engineer 2019 - 2020",
    "a 100,000-letter word": "a" * 100_000,
    "100,000 dashes": "-" * 100_000,
    "spaces after a month": "May" + " " * 100_000 + "x 2019",
    "spaces inside a range": "2019" + " " * 100_000 + "- 2020",
    "100,000 digits": "1" * 100_000,
    "commas": "Engineer" + "," * 100_000 + "x",
    "open brackets": "(" * 100_000,
    "tabs": "a\t" * 50_000,
    "5,000 date ranges on one line": "Jan 2019 - Feb 2020 " * 5000,
    "repeated headers": "Senior Engineer, Acme Inc. (Boston, MA) | " * 2500,
    # a flattened line of many short fields: each section or entry inside it split the whole line again (37 s)
    "many fields in one flattened line": "experience  ( ~ " * 6000,
    # a long first token of "@" and ".com": the side-column address pattern backtracked once per character
    "addresses glued into one token": "@.comof" * 14_000,
    "web addresses glued into one token": "https://x.io/" * 7_000,
}


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    text = "EXPERIENCE\nEngineer at Acme 2019 - 2020\n"
    parse_document(Document(file="w.txt", kind="txt", text=text, pages=(text,)))  # loads the rule files once


@pytest.mark.parametrize("section", ["EXPERIENCE", "EDUCATION", "SKILLS"])
@pytest.mark.parametrize("name", list(LINES))
def test_long_line_parses_fast(name: str, section: str) -> None:
    text = f"Jane Roe\n\n{section}\nEngineer at Acme 2019 - 2020\n{LINES[name]}\nBSc Physics, MIT 2010\n"
    doc = Document(file="long.txt", kind="txt", text=text, pages=(text,))
    started = time.process_time()
    profile = parse_document(doc)
    assert time.process_time() - started < 2.0
    if section == "EXPERIENCE":
        assert any(r.start is not None and r.start.year == 2019 for r in profile.roles)
