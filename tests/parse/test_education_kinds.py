"""Education kinds seen on real-world layouts (DOCX and two-column PDF conversions), each as a small generated text
with its ground truth: institution, credential, field and years in their own fields."""

from __future__ import annotations

from datetime import date

import pytest

from screener.parse.education import find_education
from screener.parse.sections import find_sections

TODAY = date(2025, 1, 15)

# kind → (text, [(institution, credential, field, start, end)])
CASES: dict[str, tuple[str, list[tuple[str, str, str, str, str]]]] = {
    "an honours degree is the credential, not a grade": (
        "Education\nApplied Physics   2009 – 2013  Kazan Polytechnic Institute Honours degree\n",
        [("Kazan Polytechnic Institute", "Honours degree", "Applied Physics", "2009", "2013")]),
    "one entry a line, each opening with its dates; a school-less degree keeps no school": (
        "EDUCATION\n2001-2006, Master, Applied mathematics and physics, , Samara, Russia\n"
        "2019-2020, , Evening course in Python programming.\n"
        "2022, Horizon Training Center, Retraining programme for engineers\n",
        [("", "Master", "Applied mathematics and physics", "2001", "2006"),
         ("", "Evening course in Python programming", "", "2019", "2020"),
         ("Horizon Training Center", "Retraining programme for engineers", "", "None", "2022")]),
    "a country after the school's company form is a place; a bootcamp's programme is its credential": (
        "EDUCATION\n2020 Northwind Coding Academy Ltd. Canada\nQA Automation Engineer\n",
        [("Northwind Coding Academy Ltd.", "QA Automation Engineer", "", "None", "2020")]),
    "a label from the neighbouring column glued before the programme is dropped": (
        "EDUCATION\n2018 Bright Path Learning Center Israel\nNationality: Full Stack Web Developer\n",
        [("Bright Path Learning Center", "Full Stack Web Developer", "", "None", "2018")]),
    "a field on the line after a complete entry; the next school named before its degree": (
        "EDUCATION\nLviv National Polytechnic University  Bachelor's Degree (2014\n2018)\n"
        "Computer Systems Engineering\nKPC  Associate's Degree (2010  2014)\nSoftware Maintenance\n",
        [("Lviv National Polytechnic University", "Bachelor's Degree", "Computer Systems Engineering", "2014",
          "2018"),
         ("KPC", "Associate's Degree", "Software Maintenance", "2010", "2014")]),
    "a school's acronym and its faculty written with a comma are one institution": (
        "Education\nNRU ITMO, School of Photonics\n2015 - 2019\n",
        [("NRU ITMO, School of Photonics", "", "", "2015", "2019")]),
    "a lone capitalised degree before a school stays the degree": (
        "Education\nMFA, Riverside Art School, 2004 - 2006\n",
        [("Riverside Art School", "MFA", "", "2004", "2006")]),
    "a professional qualification written before the school that awarded it": (
        "Education\nEconomist Novosibirsk State Technical University\nSep 1998 - Jun 2003 Finance and credit\n",
        [("Novosibirsk State Technical University", "Economist", "Finance and credit", "1998-09", "2003-06")]),
    "a job title in a school's name is no qualification ('Teacher Training College')": (
        "Education\nTeacher Training College of Leeds, Diploma in Education, 1990 - 1992\n",
        [("Teacher Training College of Leeds", "Diploma in Education", "Education", "1990", "1992")]),
    "two columns' headings on one line: the education column's lines read out of the interleaved text": (
        "PROFILE EDUCATION\nSaint Petersburg Mining University\nI am a data engineer with eight years of experience\n"
        "(Mining Institute)\nin building pipelines for retail analytics and reporting.\nMaster's degree, Geology\n"
        "Open to relocation and remote work.\n\nSKILLS\nPython\n",
        [("Saint Petersburg Mining University", "Master's degree", "Geology", "None", "None")]),
    "schools named in capitals on their own line: a later capitalised name is the next school": (
        "EDUCATION\nSTANFORD UNIVERSITY\nBS IN PHYSICS\nJun 2016 | Stanford, CA\nMagna Cum Laude\nGPA: 3.8 / 4.0\n"
        "Dean's list in all semesters\nST ANSELM'S FOR GIRLS\nGrad. May 2012 | Ajmer, India\n",
        [("STANFORD UNIVERSITY", "BS IN PHYSICS", "PHYSICS", "None", "2016-06"),
         ("ST ANSELM'S FOR GIRLS", "", "", "None", "2012-05")]),
    "a course listed among the jobs ('Student in X, Programme') is education too, in document order": (
        "EXPERIENCE\n2019 october - now: Mobile Developer in Keepin Ltd., Herzliya\nBuilt apps.\n"
        "2016 september - 2017 june: Student in Code Harbor, Java and Android developer, Haifa\nMarketplace app.\n"
        "\nEDUCATION\nBSc Physics, Ariel University, 2010-2014\n",
        [("Code Harbor", "Java and Android developer", "", "2016-09", "2017-06"),
         ("Ariel University", "BSc Physics", "Physics", "2010", "2014")]),
    "three interleaved columns: the school's name is cut to its own words (the credential keeps the mixed line)": (
        "SUMMARY EDUCATION EXPERIENCE\nA backend developer with Bachelor degree of Software Nimbus Labs\n"
        "six years of building Engineering Senior Developer\nhigh-load services in REST Tomsk State University "
        "ACME Group\nand gRPC. 2010 - 2014 March 2019 - present\n\nSKILLS\nGo\n",
        [("Tomsk State University", "A backend developer with Bachelor degree of Software Nimbus Labs", "", "None",
          "None")]),
    "a school named with its campus; the neighbouring column's '>' bullet cut off; the next school after dates": (
        "Education\n> Organised lectures and exhibitions\nHolberton Coding Lab (Tulsa campus) > Video editing, lighting\n"
        "2019 - ongoing\nNRU ITMO, School of Photonics\n",
        [("Holberton Coding Lab (Tulsa campus)", "", "", "2019", "None"),
         ("NRU ITMO, School of Photonics", "", "", "None", "None")]),
    "a training provider's acronym before its programme ('ITC Data Science') is school and programme": (
        "EDUCATION\nITC Data Science\nBootcamp | Israel MAR 2022 - SEP 2022\nBSc Biology, Bar-Ilan University, 2015 - 2018\n",
        [("ITC", "Data Science", "", "2022-03", "2022-09"),
         ("Bar-Ilan University", "BSc Biology", "Biology", "2015", "2018")]),
    "a two-letter U.S. state is a place, not a Master of Arts": (
        "EDUCATION\nMassachusetts Institute of Technology, Cambridge, MA\nB.S. in Chemistry, 2012 - 2016\n",
        [("Massachusetts Institute of Technology", "B.S. in Chemistry", "Chemistry", "2012", "2016")]),
    "a line with no school, degree or date is no entry (no junk highest degree)": (
        "EDUCATION\nBSc Mathematics, Belarusian State University, 2005 - 2010\n\nMinsk\n\n"
        "Recommendations are available upon request\n",
        [("Belarusian State University", "BSc Mathematics", "Mathematics", "2005", "2010")]),
    "a country that ends a school's own name ('University of the Philippines') stays in it": (
        "EDUCATION\n1993 - 1997  University of the Philippines  Bachelor of Science in Computer Science\n",
        [("University of the Philippines", "Bachelor of Science in Computer Science", "Computer Science", "1993",
          "1997")]),
    "a school named in full keeps its own name before its faculty": (
        "Education\nBSc Nursing, University of Ghana, School of Nursing and Midwifery, Legon — 2010 - 2014\n",
        [("University of Ghana", "BSc Nursing", "Nursing", "2010", "2014")]),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_education_kinds(kind: str) -> None:
    text, expected = CASES[kind]
    got = [(e.institution, e.credential, e.field, str(e.start), str(e.end))
           for e in find_education(text, find_sections(text), today=TODAY)]
    assert got == expected
