"""Layout kinds and phrasings real applicants send that the parser read wrongly, each an invented résumé built here
with its ground truth and read the way the screener reads it (ingest, then parse): the 2020 Europass CV's day-first
numeric dates whose running job reads either way ("01/03/2019 – Current")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from screener.ingest import ingest_path
from screener.parse import parse_document

TODAY = date(2026, 1, 15)
NOW = "present"
Row = tuple[str, str, str | None, str | None]


def _roles(path: Path) -> list[Row]:
    profile = parse_document(ingest_path(path), today=TODAY)
    return [(r.title, r.employer, str(r.start) if r.start else None, r.end_label()) for r in profile.roles]


def _docx(tmp_path: Path, fill: Callable[[Any], None]) -> Path:
    doc = Document()
    doc.add_paragraph().add_run("Marta Lindqvist").bold = True
    doc.add_paragraph("marta.lindqvist@example.com | +46 70 123 4567 | Uppsala, Sweden")
    fill(doc)
    path = tmp_path / "cv.docx"
    doc.save(str(path))
    return path


# --- numeric dates: the document's other dates settle whether an ambiguous one is day or month first -------------

def _europass(jobs: list[tuple[str, str, str, str]]) -> Callable[[Any], None]:
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("WORK EXPERIENCE").bold = True
        for dates, place, title, employer in jobs:
            doc.add_paragraph(f"{dates} {place}")
            doc.add_paragraph().add_run(f"{title} {employer}".upper()).bold = True
            doc.add_paragraph("Development of payment services in Go and Python.", style="List Bullet")
    return fill


@pytest.mark.parametrize("current", ["CURRENT", "Current", "present"])
def test_europass_day_first_running_job(tmp_path: Path, current: str) -> None:
    """The 2020 Europass CV writes day-first dates ('01/06/2016 – 28/02/2019'); its running job '01/03/2019 –
    CURRENT' started in March, not on January 3rd."""
    jobs = [(f"01/03/2019 – {current}", "Berlin, Germany", "Senior Software Engineer", "Norvale Systems"),
            ("01/06/2016 – 28/02/2019", "Munich, Germany", "Software Engineer", "Quintrix Labs"),
            ("15/09/2013 – 05/04/2016", "Graz, Austria", "Junior Developer", "Bluefen Digital")]
    got = [(start, end) for _, _, start, end in _roles(_docx(tmp_path, _europass(jobs)))]
    assert got == [("2019-03", NOW), ("2016-06", "2019-02"), ("2013-09", "2016-04")]


def test_month_first_document_keeps_month_first(tmp_path: Path) -> None:
    """A U.S. résumé whose dates settle month first ('06/15/2016 – 12/28/2018') reads '01/03/2019' as January."""
    jobs = [("01/03/2019 – Present", "Austin, TX", "Senior Software Engineer", "Norvale Systems"),
            ("06/15/2016 – 12/28/2018", "Denver, CO", "Software Engineer", "Quintrix Labs")]
    got = [(start, end) for _, _, start, end in _roles(_docx(tmp_path, _europass(jobs)))]
    assert got == [("2019-01", NOW), ("2016-06", "2018-12")]


def test_europass_bracketed_dates_leave_the_title_whole(tmp_path: Path) -> None:
    """The newer Europass export: '[ 01/03/2019 – Current ] Senior Software Engineer' / employer / 'City: … |
    Country: …': the title keeps no bracket and the dates read day first."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("WORK EXPERIENCE").bold = True
        for dates, title, employer, city in [("01/03/2019 – Current", "Senior Software Engineer", "Norvale Systems",
                                              "Berlin"),
                                             ("01/06/2016 – 28/02/2019", "Software Engineer", "Quintrix Labs",
                                              "Munich")]:
            doc.add_paragraph(f"[ {dates} ] {title}")
            doc.add_paragraph(employer)
            doc.add_paragraph(f"City: {city} | Country: Germany")
            doc.add_paragraph("Development of payment services in Go and Python.", style="List Bullet")

    assert _roles(_docx(tmp_path, fill)) == [("Senior Software Engineer", "Norvale Systems", "2019-03", NOW),
                                             ("Software Engineer", "Quintrix Labs", "2016-06", "2019-02")]
