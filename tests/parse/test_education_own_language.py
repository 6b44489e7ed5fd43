"""Education written in the applicant's own language and the subject after a degree's own abbreviation: the degree
flag of a rubric that asks for a field reads the field from here.

Before: "Специалист, Прикладная информатика, Уральский федеральный университет, 2016" gave no school and no
field (kind "unknown"); "Bachelor of Engineering (B.E.), Computer Science, Anna University" gave the field
"Engineering"; LinkedIn's "Bachelor of Engineering - BE, Computer Science" gave the field "BE"."""

from __future__ import annotations

from datetime import date

import pytest

from screener.ingest import ingest_bytes
from screener.parse import parse_document


def entry(line: str):
    text = f"Alex Morgan\n\nEDUCATION\n{line}\n"
    (e,) = parse_document(ingest_bytes(text.encode(), "cv.txt"), today=date(2026, 12, 1)).education
    return e


@pytest.mark.parametrize("line, credential, field, institution", [
    ("Специалист, Прикладная информатика, Уральский федеральный университет, 2016",
     "Специалист", "Прикладная информатика", "Уральский федеральный университет"),
    ("Бакалавр, Программная инженерия, Новосибирский государственный технический университет, 2019",
     "Бакалавр", "Программная инженерия", "Новосибирский государственный технический университет"),
    ("Магістр, Комп'ютерні науки, Київський національний університет імені Тараса Шевченка, 2015",
     "Магістр", "Комп'ютерні науки", "Київський національний університет імені Тараса Шевченка"),
    ("Licencjat, Informatyka, Uniwersytet Warszawski, 2012", "Licencjat", "Informatyka", "Uniwersytet Warszawski"),
    ("Lisans, Bilgisayar Mühendisliği, Orta Doğu Teknik Üniversitesi, 2010",
     "Lisans", "Bilgisayar Mühendisliği", "Orta Doğu Teknik Üniversitesi"),
])
def test_a_degree_written_in_its_own_language(line: str, credential: str, field: str, institution: str) -> None:
    e = entry(line)
    assert (e.credential, e.field, e.institution, e.kind) == (credential, field, institution, "degree")


@pytest.mark.parametrize("line", [
    "Bachelor of Engineering (B.E.), Computer Science, Anna University, Chennai, India, 2016",
    "Bachelor of Engineering - BE, Computer Science · (2011 - 2015)\nAnna University",
    "Bachelor of Technology (B.Tech), Computer Science, Vellore Institute of Technology, 2018",
])
def test_the_subject_after_a_degree_named_with_its_abbreviation(line: str) -> None:
    assert entry(line).field == "Computer Science"
