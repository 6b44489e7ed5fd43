"""Work-history kinds of issue 15 part 1, each an invented résumé with its ground truth: wrapped bullets and
paragraphs, lost dates, names before a description, neighbouring columns and tool names that are never employers."""

from __future__ import annotations

from datetime import date

import pytest

from screener.models import Document
from screener.parse import parse_document

TODAY = date(2026, 1, 15)
NOW = "present"


def _roles(text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = Document(file="cv.txt", kind="txt", text=text, pages=(text,))
    return [(r.title, r.employer, str(r.start) if r.start else None, r.end_label())
            for r in parse_document(doc, today=TODAY).roles]


CASES = {
    "a bullet wrapped onto a short line right above the next header": (
        "EXPERIENCE\nSoftware Engineer  Jan 2021 - Present\nBrightwave • Denver, CO\n"
        "• Built the search feature end to end, improving discovery through API design and\n"
        "performance tuning\nData Engineer  Jul 2018 - Dec 2020\nQuarrytide • Boulder, CO\n• Built pipelines.\n",
        [("Software Engineer", "Brightwave", "2021-01", NOW), ("Data Engineer", "Quarrytide", "2018-07", "2020-12")]),
    "a paragraph wrapped onto a line holding years is not a role": (
        "Experience\n2012  2020 Larchfield, insurance company\n. Senior Developer\n"
        "I moved the portal to a new platform and wrote a number of tools, then I developed and implemented several\n"
        "applications for direct data transfer from Portal 2010 to 2019.\n"
        "2009  2011. Acorn Tech, software company, Junior developer\nBuilt sites.\n",
        [("Senior Developer", "Larchfield", "2012", "2020"), ("Junior developer", "Acorn Tech", "2009", "2011")]),
    "a header whose years were lost keeps the full stop after them": (
        "Experience\n2009  2011. Acorn Tech, software company, Junior developer\nBuilt sites.\n"
        ". Brindle, Media company, Web-master\nMember of a team of developers.\nEducation:\n",
        [("Junior developer", "Acorn Tech", "2009", "2011"), ("Web-master", "Brindle", None, None)]),
    "the employer opens a description that starts with a list after a colon": (
        "Experience\nLead developer        2020 – Present        Halvard Performed a developer role while leading the web and mobile team.\n"
        "Senior developer        2014 – 2020        Halvard Developed applications: «Flight Log» for pilots; a site.\n",
        [("Lead developer", "Halvard", "2020", NOW), ("Senior developer", "Halvard", "2014", "2020")]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_role_kinds(name: str) -> None:
    text, expected = CASES[name]
    assert _roles(text) == expected
