"""Education entries of every kind, as small generated texts with their ground truth: institution, credential,
field, country, end year and kind each in its own field (bootcamps, vocational programmes, "City, ST" after a
school, credentials and fields wrapped over lines, misspelt credential words, several credentials under one
school, stray lines that are no entry)."""

from __future__ import annotations

from datetime import date

import pytest

from screener.parse.education import find_education
from screener.parse.sections import find_sections

TODAY = date(2025, 1, 15)

# kind → (text, [(institution, credential, field, country, end, kind)])
CASES: dict[str, tuple[str, list[tuple[str, str, str, str, str, str]]]] = {
    "a bootcamp named by what it trains for is the credential, the academy below it the school": (
        "EDUCATION\nFull Stack Web Development Bootcamp\nNorthwind Coding Academy, Toronto, Canada\n"
        "Jan 2021 – Jun 2021\n",
        [("Northwind Coding Academy", "Full Stack Web Development Bootcamp", "", "CA", "2021-06", "bootcamp")]),
    "a school named Bootcamp stays a school": (
        "EDUCATION\nRiverbend Bootcamp\nData Analytics, 2022\n",
        [("Riverbend Bootcamp", "Data Analytics", "", "", "2022", "bootcamp")]),
    "Australian Certificate III at a TAFE": (
        "Education\nCertificate III in Carpentry — Riverside TAFE, 2015\n",
        [("Riverside TAFE", "Certificate III in Carpentry", "", "", "2015", "vocational")]),
    "German Ausbildung at a Berufsschule": (
        "Ausbildung\nAusbildung zum Fachinformatiker für Anwendungsentwicklung, Berufsschule Köln, 2012 – 2015\n",
        [("Berufsschule Köln", "Ausbildung zum Fachinformatiker für Anwendungsentwicklung", "", "", "2015",
          "vocational")]),
    "a BTEC diploma with its college and country on the next line": (
        "EDUCATION\nBTEC Level 3 Extended Diploma in Information Technology\nLeeds City College, United Kingdom, 2016\n",
        [("Leeds City College", "BTEC Level 3 Extended Diploma in Information Technology", "Information Technology",
          "GB", "2016", "vocational")]),
    "'City, ST' after the school is a place, never a Master of Arts": (
        "Education\nHarvard University, Cambridge, MA\nBachelor of Science in Chemistry, 2014\n",
        [("Harvard University", "Bachelor of Science in Chemistry", "Chemistry", "", "2014", "degree")]),
    "'City, ST' between pipes": (
        "Education\nBoston University | Boston, MA | BA in Economics | 2012\n",
        [("Boston University", "BA in Economics", "Economics", "", "2012", "degree")]),
    "a field wrapped onto the next line": (
        "EDUCATION\nBachelor of Science in Mechanical\nEngineering\nUniversity of Texas, Austin, TX\n2010 – 2014\n",
        [("University of Texas", "Bachelor of Science in Mechanical Engineering", "Mechanical Engineering", "",
          "2014", "degree")]),
    "a misspelt credential word; the school's faculty after the degree is its field": (
        "Education\nMoscow State University\nMastrer's (2'nd) degree. Faculty of Physics, Optics.\n2011 – 2016\n",
        [("Moscow State University", "Mastrer's (2'nd) degree", "Faculty of Physics", "", "2016", "degree")]),
    "a misspelt credential word alone": (
        "Education\nBachlor of Arts in History, University of Ghana, 2010\n",
        [("University of Ghana", "Bachlor of Arts in History", "History", "GH", "2010", "degree")]),
    "a school's name wrapped in its column, the next column's credential glued after its first part": (
        "Education\nTUSUR, Tomsk State Bachelour's degree. Faculty of Control Systems, Robotics.\n"
        "Technical University\n2009  2013\n",
        [("TUSUR, Tomsk State Technical University", "Bachelour's degree", "Faculty of Control Systems", "", "2013",
          "degree")]),
    "interleaved columns: the education column runs on past the other column's next heading": (
        "PROFILE EDUCATION\nKazan Federal University\nI am an analyst with five years of experience\n"
        "Master's degree, Economics\nin retail and logistics.\nEXPERIENCE\nBachelors degree - Applied Mathematics\n"
        "Analyst Jan 2019 - Present\nNorthwind Trade\n",
        [("Kazan Federal University", "Master's degree", "Economics", "", "None", "degree"),
         ("Kazan Federal University", "Bachelors degree", "Applied Mathematics", "", "None", "degree")]),
    "interleaved columns: a dated line two lines below the credential is the education column's next line": (
        "PROFILE EDUCATION\nKazan Federal University\nI am an analyst with five years of experience\n"
        "Master's degree, Economics\nin retail and logistics since 2016.\nand Finance (2015 – 2017)\n"
        "Open to relocation.\n\nSKILLS\nExcel\n",
        [("Kazan Federal University", "Master's degree", "Economics", "", "2017", "degree")]),
    "interleaved columns: the education heading right above the other column's, their lines alternating": (
        "EXPERIENCE\nData Analyst — Lumeo s.r.o.\n2019 – 2022\n\nEducation and Training\nLANGUAGES\n"
        "Master of Science, Business Administration\nGerman – intermediate\n"
        "University of Eastbrook, Leeds, United Kingdom\nPolish – native\n2016 – 2020\nSpanish – native\n"
        "Zentaro Bootcamp\nUX Design (intensive programme), 2016\n",
        [("University of Eastbrook", "Master of Science", "Business Administration", "GB", "2020", "degree"),
         ("Zentaro Bootcamp", "UX Design (intensive programme)", "", "", "2016", "program")]),
    "two credentials listed under one school": (
        "Education\nKyiv Polytechnic Institute\nMaster's degree, Computer Engineering (2015 – 2017)\n"
        "Bachelors degree - Applied Mathematics (2011 – 2015)\n",
        [("Kyiv Polytechnic Institute", "Master's degree", "Computer Engineering", "", "2017", "degree"),
         ("Kyiv Polytechnic Institute", "Bachelors degree", "Applied Mathematics", "", "2015", "degree")]),
    "a school whose name holds a credential word, then the credential": (
        "Education\nLincoln High School, Portland, OR — High School Diploma, 2008\n",
        [("Lincoln High School", "High School Diploma", "", "", "2008", "secondary")]),
    "a professional certificate programme": (
        "Education\nData Analytics Professional Certificate, 2022\n",
        [("", "Data Analytics Professional Certificate", "", "", "2022", "program")]),
    "a bootcamp provider before its programme, then a university's own dated line": (
        "EDUCATION\nGeneral Coding Co — Software Engineering Immersive (Remote), 2020\n"
        "University of Florida, Gainesville, FL — BA, Psychology, 2016\n",
        [("General Coding Co", "Software Engineering Immersive (Remote)", "", "", "2020", "bootcamp"),
         ("University of Florida", "BA", "Psychology", "", "2016", "degree")]),
    "dates-first entries: a bootcamp below its academy, a master's below its university": (
        "Education\n2019 – 2020  Le Code Academy, Paris, France\n             Full-Stack JavaScript Bootcamp\n"
        "2012 – 2017  Université Paris-Saclay\n             Master en Informatique\n",
        [("Le Code Academy", "Full-Stack JavaScript Bootcamp", "", "FR", "2020", "bootcamp"),
         ("Université Paris-Saclay", "Master en Informatique", "Informatique", "", "2017", "degree")]),
    "an apprenticeship with its trade after a dash": (
        "EDUCATION\nApprenticeship – Electrical Installation (Level 3 NVQ)\n"
        "Northfield Training Centre, Manchester, UK, 2010 – 2013\n",
        [("Northfield Training Centre", "Apprenticeship", "Electrical Installation (Level 3 NVQ)", "GB", "2013",
          "vocational")]),
    "'Master of Science' names the kind of degree; the subject follows it": (
        "Education\nMIT\nSpecialization in AI\nMaster of Science, Electrical Engineering, 2019\n",
        [("MIT", "Master of Science", "Electrical Engineering", "", "2019", "degree")]),
    "a vocational certificate and a degree, each above its institute and place": (
        "EDUCATION\nCertificate IV in Information Technology Networking\nRiverside TAFE, Sydney, Australia | 2017\n"
        "Bachelor of Nursing\nHolmesglen Institute, Melbourne, Australia | 2019\n",
        [("Riverside TAFE", "Certificate IV in Information Technology Networking", "", "AU", "2017", "vocational"),
         ("Holmesglen Institute", "Bachelor of Nursing", "Nursing", "AU", "2019", "degree")]),
    "a bootcamp provider, its programme and city on one line": (
        "Education\nRua Code, Web Development Bootcamp (9 weeks), Lisbon, 2019\n",
        [("Rua Code", "Web Development Bootcamp (9 weeks)", "", "", "2019", "bootcamp")]),
    "a school's city in brackets is a place; an acronym or campus in brackets stays with the name": (
        "Education\n2019  Data Science, Dunmore Coding Academy (Oxford)\n"
        "South Ural State University (SUSU), Engineer's Degree, 1999 - 2004\n",
        [("Dunmore Coding Academy", "Data Science", "", "", "2019", "bootcamp"),
         ("South Ural State University (SUSU)", "Engineer's Degree", "", "", "2004", "degree")]),
    "a programme named with its year below its academy, then a degree above its university": (
        "Education\nFeldspar Academy\nUX Design (intensive programme), 2022\nEngineer's degree Computer Science\n"
        "University of Southport, Brno, Czech Republic\n2013 – 2015\n",
        [("Feldspar Academy", "UX Design (intensive programme)", "", "", "2022", "program"),
         ("University of Southport", "Engineer's degree Computer Science", "Computer Science", "CZ", "2015",
          "degree")]),
    "a bootcamp's dated line (programme, school, city), then a degree above its university": (
        "Education\n2022  QA Automation, Veloria Bootcamp (Oxford)\nBachelor's degree, Computer Science\n"
        "Westmarch University, Austin, TX\n2013 – 2017\n",
        [("Veloria Bootcamp", "QA Automation", "", "", "2022", "bootcamp"),
         ("Westmarch University", "Bachelor's degree", "Computer Science", "", "2017", "degree")]),
    "a programme named '… Bootcamp' before its coding academy on one line": (
        "Education\nUX Design Bootcamp — Kestrelon Coding Academy, 2018\n",
        [("Kestrelon Coding Academy", "UX Design Bootcamp", "", "", "2018", "bootcamp")]),
    "a stray sentence is no entry": ("EDUCATION\nRecommendations are available upon request\n", []),
    "a lone city is no entry": ("EDUCATION\nMinsk\n", []),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_education_entry_kinds(kind: str) -> None:
    text, expected = CASES[kind]
    got = [(e.institution, e.credential, e.field, e.country, str(e.end), e.kind)
           for e in find_education(text, find_sections(text), today=TODAY)]
    assert got == expected


def test_json_resume_education_gets_its_kind() -> None:
    import json

    from screener.ingest import ingest_bytes
    from screener.parse import parse_document

    data = {"basics": {"name": "Ana Reyes"}, "education": [
        {"institution": "Harbor Coding Academy", "studyType": "Bootcamp", "area": "Full Stack Web Development",
         "endDate": "2021-06"},
        {"institution": "Universidad de Chile", "studyType": "Licenciatura", "area": "Física", "endDate": "2015"}]}
    prof = parse_document(ingest_bytes(json.dumps(data).encode(), "cv.json"), today=TODAY)
    assert [(e.institution, e.kind) for e in prof.education] == [("Harbor Coding Academy", "bootcamp"),
                                                                  ("Universidad de Chile", "degree")]
