"""Education entries told by their shape, not by known names: invented schools and programmes in the layouts of
real CVs (a provider's name in capitals before its programme, a programme's last word wrapped onto the next line,
a degree abbreviation in capitals, a part of a school before its school, a joint programme's "and", a stray
fragment of the neighbouring column), as text and as a python-docx document, with their ground truth."""

from __future__ import annotations

import io
from datetime import date

import pytest

from screener.parse.education import find_education
from screener.parse.sections import find_sections

TODAY = date(2025, 1, 15)

# kind → (text, [(institution, credential, field, country, end, kind)])
CASES: dict[str, tuple[str, list[tuple[str, str, str, str, str, str]]]] = {
    "a degree abbreviation set in capitals": (
        "EDUCATION\nBSC IN ECONOMICS\nHollowmere State Academy | Portugal\n2014 – 2018\n",
        [("Hollowmere State Academy", "BSC IN ECONOMICS", "ECONOMICS", "PT", "2018", "degree")]),
    "a capitals abbreviation below its institute": (
        "Education\nOrvath Institute of Mining (Chile)\nMSC in Geophysics and Seismology\n",
        [("Orvath Institute of Mining", "MSC in Geophysics and Seismology", "Geophysics and Seismology", "CL", "None",
          "degree")]),
    "a provider in capitals before its programme in title case; its kind word wrapped; a sentence naming it": (
        "EDUCATION\nQUILLFORD TRAINING CENTRE Network Defence Track\nCourse | Spain JAN 2020 - JUN 2020 STUDENT\n"
        "QUILLFORD TRAINING CENTRE During the course I built projects that helped me learn\n",
        [("QUILLFORD TRAINING CENTRE", "Network Defence Track Course", "", "ES", "2020-06", "program")]),
    "a provider in capitals ends at its school word; capitals after it open the programme's name": (
        "EDUCATION\nHARLEN SOFTWARE ACADEMY QA Automation Course\nCource | Spain JAN 2020 - JUN 2020\n",
        [("HARLEN SOFTWARE ACADEMY", "QA Automation Course", "", "ES", "2020-06", "program")]),
    "a programme's last word wrapped before 'by …', its school below": (
        "Education\n2012  2016 Marine Biology\nBremholt State University\n2019 Cloud Operations\n"
        "Track by the Regional Employment Agency of Portugal.\nOsterlake Skills Institute\n",
        [("Bremholt State University", "Marine Biology", "", "", "2016", "degree"),
         ("Osterlake Skills Institute", "Cloud Operations Track", "", "PT", "2019", "unknown")]),
    "a one-word fragment of the next column above the school; the programme labelled below it": (
        "EDUCATION\nzuPetra\n2020 Harwick Coding Academy Canada\nNationality: Game Design Pathway\nCanada\n",
        [("Harwick Coding Academy", "Game Design Pathway", "", "CA", "2020", "bootcamp")]),
    "a part of a school before its school is one institution": (
        "Education\nFaculty of Law, Brennholt University\n2010 – 2014\n",
        [("Faculty of Law, Brennholt University", "", "", "", "2014", "degree")]),
    "a joint programme: the first school's 'and' at the end of its line is not its name": (
        "Education\n2007 - 2008 MA joint degree program, Karst Institute of Arts and\n"
        "Brennholt University (UK) MA joint degree program in Public History (Russia).\n",
        [("Karst Institute of Arts", "MA joint degree program", "", "", "2008", "degree"),
         ("Brennholt University", "MA joint degree program in Public History", "Public History", "GB", "None",
          "degree")]),
    "a full stop after \"Bachelor's\" ends the credential; the faculty after it is the field": (
        "Education\nNational University of Dremsk Bachelor's. Faculty of Cybernetics, Automated Systems.\n"
        "2004  2009\n",
        [("National University of Dremsk", "Bachelor's", "Faculty of Cybernetics", "", "2009", "degree")]),
    "a subject in sentence case after 'University of <Name>' is the field": (
        "EDUCATION\nUniversity of Velmora Computer science| 2016 - 2017\n",
        [("University of Velmora", "", "Computer science", "", "2017", "degree")]),
    "a credential before '<Place> University of <Subject>': the place's name is the school's": (
        "Education\nSpecialist Harnfeld University of Management\nSep 2001 - Aug 2007 Food technology\n",
        [("Harnfeld University of Management", "Specialist", "Food technology", "", "2007-08", "degree")]),
    "'Doctoral' alone after the school names the credential": (
        "Education\nDriluro Polytechnic University Doctoral. Faculty of Marine Engineering.\n2009  2014\n",
        [("Driluro Polytechnic University", "Doctoral", "Faculty of Marine Engineering", "", "2014", "degree")]),
    "a school in full keeps its own name before its faculty": (
        "Education\nUniversity of Tamsk, School of Nursing, 2011\n",
        [("University of Tamsk", "School of Nursing", "", "", "2011", "degree")]),
}


def _entries(text: str) -> list[tuple[str, str, str, str, str, str]]:
    return [(e.institution, e.credential, e.field, e.country, str(e.end), e.kind)
            for e in find_education(text, find_sections(text), today=TODAY)]


@pytest.mark.parametrize("kind", list(CASES))
def test_education_shapes(kind: str) -> None:
    text, expected = CASES[kind]
    assert _entries(text) == expected


def test_provider_in_capitals_in_a_docx_table() -> None:
    """The same shapes from a DOCX: a two-cell table whose left cell holds the provider and programme, the right
    cell a description naming the provider again."""
    docx = pytest.importorskip("docx")
    from screener.ingest import ingest_bytes

    doc = docx.Document()
    doc.add_paragraph("Lena Marsh")
    doc.add_paragraph("EDUCATION")
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "BRAMWICK SKILLS ACADEMY Network Defence Track"
    left.add_paragraph("Course | Spain OCT 2021 - DEC 2021")
    right.text = "BRAMWICK SKILLS ACADEMY During the course I wrote tools that helped me learn"
    doc.add_paragraph("MSC In Hydrology")
    doc.add_paragraph("Oldmere State University | Chile")
    buf = io.BytesIO()
    doc.save(buf)
    text = ingest_bytes(buf.getvalue(), "cv.docx").text
    got = {(e.institution, e.credential) for e in find_education(text, find_sections(text), today=TODAY)}
    assert ("BRAMWICK SKILLS ACADEMY", "Network Defence Track Course") in got
    assert ("Oldmere State University", "MSC In Hydrology") in got
    assert not any("During" in i for i, _c in got)


def test_interleaved_columns_a_partnership_after_the_school_is_the_next_columns_employer() -> None:
    """Columns printed side by side, their lines interleaved: "University of <Name>" runs into the experience
    column's "X & Y"; the school's name stops before the partnership's."""
    text = ("PROFESSIONAL SUMMARY EDUCATION RELEVANT EXPERIENCE\n"
            "A Data Engineer Bachelor degree of Computer Halvex GmbH\n"
            "with 5 years of software and Information Systems Data Engineer\n"
            "development and testing Security March 2021 - present day\n"
            "automating pipelines and API University of Tremmel Ostrov & Kale\n"
            "scenarios and developing tools 2012 - 2016 Data Engineer\n"
            "frameworks using Go. August 2019 - October 2020\n")
    got = [(e.institution, e.credential) for e in find_education(text, find_sections(text), today=TODAY)]
    assert [i for i, _c in got] == ["University of Tremmel"]
    assert "Bachelor degree" in got[0][1]
    firm = text.replace("University of Tremmel Ostrov & Kale", "Harlow University of Engineering Ostrov Kale AG")
    assert [e.institution for e in find_education(firm, find_sections(firm), today=TODAY)] == [
        "Harlow University of Engineering"]


def test_interleaved_columns_school_words_one_after_the_other_are_one_name() -> None:
    """"<Name> Polytechnic University" cut out of an interleaved line keeps both school words."""
    text = ("SUMMARY EDUCATION\nQuellin Polytechnic University\nI'm an analyst with 6 years of experience in software\n"
            "(Quellin Polytechnic University)\nof experience as business analyst. My focus area has been web.\n"
            " Masters degree, Applied Mathematics\n")
    got = [(e.institution, e.credential) for e in find_education(text, find_sections(text), today=TODAY)]
    assert ("Quellin Polytechnic University", "Masters degree") in got


def test_a_course_listed_as_a_job_names_its_programme_without_programme_words() -> None:
    """"Student in <School>, <Programme>" in a work history: three capitalised words after the comma are the
    programme even with no programme word; a city there is not."""
    from screener.models import Section
    from screener.parse.education import _studies_among_jobs

    text = ("EXPERIENCE\n2015 september - 2016 june: Student in Kelvar Bootcamp, Game Audio Pathway, Haifa\n"
            "2014 march - 2014 june: Student in Kelvar Bootcamp, Haifa\n")
    section = Section(name="experience", heading="EXPERIENCE", start=0, end=len(text))
    got = [(e.institution, e.credential) for e in _studies_among_jobs(text, section, TODAY)]
    assert got == [("Kelvar Bootcamp", "Game Audio Pathway"), ("Kelvar Bootcamp", "")]
