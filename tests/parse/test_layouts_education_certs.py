"""Education and certification layouts of real résumés, from small fixture texts written for this project."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from screener.parse.certifications import find_certifications
from screener.parse.education import find_education
from screener.parse.languages import find_languages, parse_language_item
from screener.parse.sections import find_sections

FIXTURES = Path(__file__).parent.parent / "fixtures" / "parse"
TODAY = date(2025, 1, 15)

# file → [(credential, field, institution, start, end)]
EDUCATION = {
    "flattened_dates_first.txt": [
        ("Diploma in Management", "Management", "Step Ahead Automotive Institute", "2003", "2005"),
        ("Bachelor of Science in Engineering", "Engineering", "Francis College", "2000", "2003")],
    "job_board_degree_institution_dates.txt": [
        ("B.Tech in Computer Science", "Computer Science", "Kalinga Institute of Industrial Technology", "2013-07",
         "2017-04"),
        ("HSC in Science", "Science", "Delhi Public School", "None", "2011")],
    "brackets_with_commas_and_note.txt": [
        ("Bacharel em Engenharia Mecânica (Bachelor of Mechanical Engineering, five-year program)",
         "Engenharia Mecânica", "Universidade Federal de Minas Gerais (UFMG)", "2009", "2014")],
    "faculty_line_after_degree.txt": [
        ("Ingeniera Civil (Licenciatura, five-year degree in Civil Engineering)", "Civil Engineering",
         "Universidad Nacional Autónoma de México (UNAM)", "2008", "2013")],
}


@pytest.mark.parametrize(("name", "expected"), sorted(EDUCATION.items()))
def test_education_layouts(name: str, expected: list[tuple[str, str, str, str, str]]) -> None:
    text = (FIXTURES / "education" / name).read_text(encoding="utf-8")
    got = [(e.credential, e.field, e.institution, str(e.start), str(e.end))
           for e in find_education(text, find_sections(text), today=TODAY)]
    assert got == expected


@pytest.mark.parametrize(("text", "credential", "field", "institution", "grade"), [
    ("Education\nB.Sc. Accounting (Second Class Upper Division)\nUniversity of Lagos, Akoka, Lagos, Nigeria, 2008 – 2012\n",
     "B.Sc. Accounting", "Accounting", "University of Lagos", "Second Class Upper Division"),
    ("EDUCATION\nB.S. Mechanical Engineering, Purdue University, West Lafayette, IN — May 2018\n",
     "B.S. Mechanical Engineering", "Mechanical Engineering", "Purdue University", ""),
    ("Education\nBSc Nursing, University of Ghana, School of Nursing and Midwifery, Legon — 2010 - 2014\n",
     "BSc Nursing", "Nursing", "University of Ghana", ""),
    ("Education\nB.Sc. Computer Science (three-year programme), University of Delhi, New Delhi, India, 2013–2016\n",
     "B.Sc. Computer Science (three-year programme)", "Computer Science", "University of Delhi", ""),
    ("EDUCATION\nMagister inżynier (MSc Eng.) Computer Science\nWarsaw University of Technology, 2011 – 2016\n",
     "Magister inżynier (MSc Eng.) Computer Science", "Computer Science", "Warsaw University of Technology", ""),
])
def test_field_of_study(text: str, credential: str, field: str, institution: str, grade: str) -> None:
    [entry] = find_education(text, find_sections(text), today=TODAY)
    assert (entry.credential, entry.field, entry.institution, entry.grade) == (credential, field, institution, grade)


def test_description_line_stays_with_its_entry() -> None:
    text = ("EDUCATION\nB.S. Mechanical Engineering, Purdue University — May 2018\n"
            "Senior design project: FEA of a planter toolbar in SolidWorks Simulation.\nSKILLS\nCAD\n")
    entries = find_education(text, find_sections(text), today=TODAY)
    assert len(entries) == 1
    assert "Senior design project" in text[entries[0].span[0]:entries[0].span[1]]


# (name, issuer, date, url) of each entry of the fixture's certifications section
CERTS = [
    ("Cédula Profesional (professional licence to practise civil engineering in Mexico)",
     "Secretaría de Educación Pública", "2014", ""),
    ("Construction Management Specialization", "Coursera", "2021",
     "https://www.coursera.org/verify/specialization/EXAMPLE123"),
    ("Certified Senior Project Manager", "Northwind Skills Academy", "2023", "https://badges.example.org/credentials/abc"),
    ("Cloud Infrastructure on AWS", "Northwind Skills Academy", "2024", "https://badges.example.org/credentials/def"),
    ("Kubernetes Operations", "Northwind Skills Academy", "2025", ""),
]


def test_certification_entries_with_wrapped_lines_links_and_notes() -> None:
    text = (FIXTURES / "certifications" / "wrapped_entries_links_notes.txt").read_text(encoding="utf-8")
    certs = find_certifications(text, find_sections(text), today=TODAY)
    assert [(c.name, c.issuer, str(c.date), c.url) for c in certs] == CERTS
    assert certs[0].kind == "licence"


@pytest.mark.parametrize(("line", "name", "issuer"), [
    ("• Chartered Accountant, ACA — Institute of Chartered Accountants of Nigeria (ICAN), 2015",
     "Chartered Accountant, ACA", "Institute of Chartered Accountants of Nigeria (ICAN)"),
    ("• ACCA - Association of Chartered Certified Accountants, member since 2019 (all 13 exams passed 2017)",
     "ACCA", "Association of Chartered Certified Accountants"),
    ("• Registered General Nurse (RGN), Nursing and Midwifery Council of Ghana — 2014 (PIN on request)",
     "Registered General Nurse (RGN)", "Nursing and Midwifery Council of Ghana"),
])
def test_certification_remarks_leave_the_name(line: str, name: str, issuer: str) -> None:
    text = f"Professional Qualifications\n{line}\n"
    [cert] = find_certifications(text, find_sections(text), today=TODAY)
    assert (cert.name, cert.issuer) == (name, issuer)


def test_summary_prose_is_not_a_licence() -> None:
    text = ("Summary\nRegistered General Nurse with ten years of hospital experience in Accra, the last eight in\n"
            "Experience\nStaff Nurse, Ridge Hospital, 2014 - 2018\n")
    assert find_certifications(text, find_sections(text), today=TODAY) == []


def test_languages_missing_from_the_list_and_two_word_names() -> None:
    text = (FIXTURES / "certifications" / "wrapped_entries_links_notes.txt").read_text(encoding="utf-8")
    langs = find_languages(text, find_sections(text))
    assert [(x.name, x.level) for x in langs] == [("English", "fluent"), ("Twi", "native"), ("Ga", "conversational"),
                                                 ("Mandarin Chinese", "native")]


@pytest.mark.parametrize("item", ["Managed a team (five people)", "Python, Java", "references on request"])
def test_language_items_need_a_level_when_unlisted(item: str) -> None:
    assert parse_language_item(item) is None


def test_bulleted_certifications_keep_their_wrapped_lines() -> None:
    from screener.parse import find_certifications, find_sections

    text = ("CERTIFICATIONS\n• Databricks Certified Data Engineer\nAssociate, 2023\n"
            "• Confluent Certified Developer for\nApache Kafka, 2021\n")
    certs = find_certifications(text, find_sections(text))
    assert [c.name for c in certs] == ["Databricks Certified Data Engineer Associate",
                                       "Confluent Certified Developer for Apache Kafka"]
    assert [str(c.date) for c in certs] == ["2023", "2021"]
