"""A PDF-to-Word conversion that interleaves a side column of skills and languages with the work history, line by
line, in one paragraph with a break per line. Generated with python-docx; invented names; roles are the truth."""

from __future__ import annotations

import io
from datetime import date

from docx import Document as WordDocument

from screener.ingest import ingest_bytes
from screener.parse import parse_document


def _one_paragraph(lines: list[str]) -> bytes:
    doc = WordDocument()
    paragraph = doc.add_paragraph()
    for line in lines:
        run = paragraph.add_run(line)
        run.add_break()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _roles(lines: list[str]) -> list[tuple[str, str, str | None, str | None]]:
    parsed = parse_document(ingest_bytes(_one_paragraph(lines), "cv.docx"), today=date(2026, 1, 15))
    return [(r.title, r.employer, str(r.start) if r.start else None, r.end_label()) for r in parsed.roles]


def test_skills_and_languages_of_a_side_column_between_the_header_lines() -> None:
    lines = ["Nora Vale", "Technical Skills", "Work Experience", "Kubernetes", "Apr 2023 – Current", "Django",
             "SOFTWARE ENGINEER FYRDAL S.R.O.", "Python", "AUSTIN", "Selenium",
             "• Tested the customer portal with Figma, SQL across three", "Git", "offices.", "TypeScript",
             "Backend Developer, Orbel Systems", "Languages", "June 2019 - February 2023", "Spanish – native",
             "• Optimised test suites for the web shop", "Polish – native", "across three offices.",
             "Education", "Redcliff State University", "2012 – 2017"]
    assert _roles(lines) == [("SOFTWARE ENGINEER", "FYRDAL S.R.O.", "2023-04", "present"),
                             ("Backend Developer", "Orbel Systems", "2019-06", "2023-02")]


def test_a_tool_named_employer_on_its_own_line_is_kept_without_interleaving() -> None:
    lines = ["Dana Brook", "Experience", "Software Engineer", "Figma", "Jan 2021 - Present", "• Built the editor.",
             "Data Engineer", "Quarrytide", "Jul 2018 - Dec 2020", "• Built pipelines."]
    assert _roles(lines) == [("Software Engineer", "Figma", "2021-01", "present"),
                             ("Data Engineer", "Quarrytide", "2018-07", "2020-12")]


def test_a_range_cut_in_two_by_a_side_item_reads_whole() -> None:
    lines = ["Ines Vale", "Professional Skills", "Professional Experience", "TypeScript", "May 2023 –", "JavaScript",
             "Present", "Redis", "Machine Learning Engineer, Dunmore Solutions", "Flask",
             "• Migrated a mobile banking app with Node.js, Django with", "Jenkins", "the product team.", "Python",
             "Dec 2019 –", "Angular", "Oct 2022", "Docker", "Business Analyst, Lumeo AB", "Kafka", "• Built reports.",
             "Education", "Redcliff State University"]
    assert _roles(lines) == [("Machine Learning Engineer", "Dunmore Solutions", "2023-05", "present"),
                             ("Business Analyst", "Lumeo AB", "2019-12", "2022-10")]
