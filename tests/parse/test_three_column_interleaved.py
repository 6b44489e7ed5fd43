"""A résumé printed in three columns side by side whose text a PDF-to-Word converter joined line by line: the
three headings share one line ("ABOUT ME EDUCATION WORK HISTORY"), and every line below joins one piece of each
column with single spaces. The work history's column (the one under its heading, on the right or in the middle)
holds each role's employer, title and dates on lines of their own; the other columns' prose and degree words
must not be read into them. A piece whose edge cannot be told from the neighbouring column's words gives an
empty field, never a wrong one."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from docx import Document as WordDocument

from screener.ingest import ingest_bytes
from screener.parse import parse_document

TODAY = date(2026, 12, 1)

RIGHT = """Lena Marsh
Data Platform Engineer
lena.marsh@example.org
ABOUT ME EDUCATION WORK HISTORY
A data platform engineer Bachelor degree, Halvorsen Freight Ltd
with six years of building (Applied Statistics) Data Platform Engineer
streaming pipelines and January 2022 - present
batch jobs for logistics Tromsdal Technical University Brightwater Analytics
and retail companies, 2013 - 2017 Senior Data Analyst
keen on data quality. May 2019 - December 2021
Data Analyst
February 2017 - April 2019
SKILLS
Python, SQL, Spark
"""


def _roles(text: str, name: str = "cv.txt") -> list[tuple[str, str, str, str]]:
    prof = parse_document(ingest_bytes(text.encode(), name), today=TODAY)
    return [(r.title, r.employer, str(r.start) if r.start else "", "present" if r.current else
             (str(r.end) if r.end else "")) for r in prof.roles]


def _docx_text(lines: list[str]) -> bytes:
    doc = WordDocument()
    for line in lines:
        doc.add_paragraph(line)
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_jobs_in_the_right_column_employer_title_dates() -> None:
    assert _roles(RIGHT) == [
        ("Data Platform Engineer", "Halvorsen Freight Ltd", "2022-01", "present"),
        ("Senior Data Analyst", "Brightwater Analytics", "2019-05", "2021-12"),
        ("Data Analyst", "Brightwater Analytics", "2017-02", "2019-04"),
    ]


def test_jobs_in_the_right_column_of_a_converted_docx() -> None:
    lines = ["Ravi Okonkwo", "Site Reliability Engineer",
             "PROFILE EDUCATION PROFESSIONAL EXPERIENCE",
             "I keep payment systems Master degree (honours) Corvane Payments Inc.",
             "available and fast; I like Kelmarsh Polytechnic Institute Site Reliability Engineer",
             "calm on-call rotas and 08/2019 - 11/2024",
             "good runbooks. 2009 - 2011 Tellbridge Telecom",
             "Linux Systems Administrator",
             "03/2014 - 07/2019",
             "LANGUAGES",
             "English - fluent"]
    prof = parse_document(ingest_bytes(_docx_text(lines), "cv.docx"), today=TODAY)
    got = [(r.title, r.employer, str(r.start) if r.start else "", str(r.end) if r.end else "") for r in prof.roles]
    assert got == [
        ("Site Reliability Engineer", "Corvane Payments Inc.", "2019-08", "2024-11"),
        ("Linux Systems Administrator", "Tellbridge Telecom", "2014-03", "2019-07"),
    ]


MIDDLE = """Tomas Ribeiro
Mobile Developer
PROFILE EMPLOYMENT HISTORY LANGUAGES
I build mobile apps Orchard Payments Ltd Portuguese - native
for banks and retail. Senior Mobile Developer English - fluent
mostly with Kotlin Mar 2020 - Aug 2024 Spanish - basic
and Swift; I care Kestrel Games Studio
for accessibility. Mobile Developer
Jun 2017 - Feb 2020
EDUCATION
BSc Computer Science, Lisbon Polytechnic University, 2017
"""


def test_jobs_in_the_middle_column() -> None:
    assert _roles(MIDDLE) == [
        ("Senior Mobile Developer", "Orchard Payments Ltd", "2020-03", "2024-08"),
        ("Mobile Developer", "Kestrel Games Studio", "2017-06", "2020-02"),
    ]


# the education column's degree phrase runs on into the line that names the employer ("Diploma of Marine" /
# "Harwick Dredging Ltd"): where the employer's name begins cannot be told, so no employer is read for it
AMBIGUOUS = """Noor Haddad
Project Engineer
SUMMARY EDUCATION CAREER HISTORY
Civil engineer leading Diploma of Marine Harwick Dredging Ltd
harbour and dredging works Engineering and Project Engineer
across four countries. Coastal Works April 2018 - present
Delft Maritime Academy Orsted Civil Works
2008 - 2012 Site Engineer
September 2012 - March 2018
CERTIFICATIONS
PMP (2019)
"""


def test_an_employer_whose_edge_cannot_be_told_is_left_empty() -> None:
    assert _roles(AMBIGUOUS) == [
        ("Project Engineer", "", "2018-04", "present"),
        ("Site Engineer", "Orsted Civil Works", "2012-09", "2018-03"),
    ]


# a skills column's list ("Figma, Sketch") glued before the title: the headline settles where the title begins;
# where nothing does ("… juniors and Accessibility Product Designer", "… into Prototyping Northgate Health Inc."),
# the field stays empty
TOOLS_BESIDE = """Mira Sato
Lead Product Designer
SUMMARY SKILLS EXPERIENCE
Product designer who Figma, Sketch Lead Product Designer
turns research into Prototyping Northgate Health Inc.
simple flows. User research 04/2021 - present
I mentor juniors and Accessibility Product Designer
run design critiques. Design systems Pellworth Bank
06/2018 - 03/2021
UX Designer
Quillon Media Group
09/2015 - 05/2018
EDUCATION
BA Graphic Design, Ostrava Art College, 2015
"""


def test_a_side_list_before_the_title_is_never_read_into_it() -> None:
    assert _roles(TOOLS_BESIDE) == [
        ("Lead Product Designer", "", "2021-04", "present"),
        ("", "Pellworth Bank", "2018-06", "2021-03"),
        ("UX Designer", "Quillon Media Group", "2015-09", "2018-05"),
    ]
