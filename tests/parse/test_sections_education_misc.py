"""Sections in several languages, education entries, certifications/licences, languages and contact details."""

from __future__ import annotations

from datetime import date

import pytest

from screener.models import PartialDate as P
from screener.parse.certifications import find_certifications, find_projects, parse_certification_line
from screener.parse.contact import find_contact
from screener.parse.education import find_education
from screener.parse.languages import find_languages, parse_language_item
from screener.parse.sections import find_sections, heading_name

TODAY = date(2025, 1, 15)


@pytest.mark.parametrize(("line", "name"), [
    ("Experience", "experience"), ("WORK HISTORY", "experience"), ("Professional Experience:", "experience"),
    ("Employment", "experience"), ("Experiência Profissional", "experience"), ("Experiencia Laboral", "experience"),
    ("Expérience professionnelle", "experience"), ("Berufserfahrung", "experience"),
    ("Formación académica", "education"), ("Formação Acadêmica", "education"), ("FORMACAO ACADEMICA", "education"),
    ("Ausbildung", "education"), ("Compétences", "skills"), ("Habilidades", "skills"), ("Competências", "skills"),
    ("Kenntnisse", "skills"), ("— SKILLS —", "skills"), ("Skills & Tools", "skills"), ("S K I L L S", "skills"),
    ("Certificações", "certifications"), ("Licenses & Certifications", "certifications"),
    ("Certificaciones", "certifications"), ("Idiomas", "languages"), ("Langues", "languages"),
    ("Sprachen", "languages"), ("Projets", "projects"), ("PROJECTS:", "projects"), ("## Summary", "summary"),
    ("Volunteer Experience", "volunteering"), ("Awards", "awards"), ("Publications", "publications"),
    ("TRAINING", "education"), ("Interests", "interests"), ("References", "references"),
])
def test_headings(line: str, name: str) -> None:
    assert heading_name(line) == name


@pytest.mark.parametrize("line", [
    "Experience in Java and Python for 5 years.", "training", "Software", "Led the skills programme, 2019",
    "john@example.com", "Skills: Python, Java, SQL and many more tools used daily in production systems",
])
def test_not_headings(line: str) -> None:
    assert heading_name(line) is None


@pytest.mark.parametrize(("text", "names"), [
    ("Ana Souza\nana@x.com\n\nRESUMO\nEngenheira.\nEXPERIÊNCIA PROFISSIONAL\nAnalista\nFORMAÇÃO\nUSP\nIDIOMAS\n"
     "Inglês fluente\n", ["contact", "summary", "experience", "education", "languages"]),
    ("Juan Pérez\nExperiencia Laboral\nx\nFormación académica\ny\nHabilidades\nz\n",
     ["contact", "experience", "education", "skills"]),
    ("Marie Curie\nExpérience professionnelle\nx\nFormation\ny\nCompétences\nz\nLangues\nw\n",
     ["contact", "experience", "education", "skills", "languages"]),
    ("Max Mustermann\nBerufserfahrung\nx\nAusbildung\ny\nKenntnisse\nz\nSprachen\nw\n",
     ["contact", "experience", "education", "skills", "languages"]),
    ("Simon Rohan\nWORK EXPERIENCE\nArchitect\nKey Skills\nAzure\nEDUCATION\nMBA\nSKILLS\nSQL\n",
     ["contact", "experience", "education", "skills"]),  # title-case "Key Skills" is a sub-heading
])
def test_sections_in_languages(text: str, names: list[str]) -> None:
    sections = find_sections(text)
    assert [s.name for s in sections] == names
    assert sections[-1].end == len(text)
    for a, b in zip(sections, sections[1:], strict=False):
        assert a.end == b.start


EDU = [
    ("EDUCATION\nBacharel em Engenharia Mecânica — Universidade de São Paulo, Brasil\n2010 – 2015\n",
     dict(credential="Bacharel em Engenharia Mecânica", field="Engenharia Mecânica",
          institution="Universidade de São Paulo", start=P(2010), end=P(2015), country="BR")),
    ("Education\nB.Sc. (Hons) Computer Science, University of Lagos, 2016, Second Class Upper\n",
     dict(credential="B.Sc. (Hons) Computer Science", institution="University of Lagos", end=P(2016),
          grade="Second Class Upper")),
    ("EDUCATION\nB.Tech in Electrical Engineering\nIndian Institute of Technology Bombay\n2012 - 2016\n"
     "CGPA 8.2/10\n", dict(credential="B.Tech in Electrical Engineering", field="Electrical Engineering",
                           institution="Indian Institute of Technology Bombay", grade="CGPA 8.2/10")),
    ("Formación académica\nIngeniera Civil — Universidad Nacional de Colombia\n2008 – 2013\nNota 8,5\n",
     dict(credential="Ingeniera Civil", institution="Universidad Nacional de Colombia", grade="Nota 8,5")),
    ("EDUCATION\nHND Accounting — Yaba College of Technology\n2012\n",
     dict(credential="HND Accounting", institution="Yaba College of Technology", end=P(2012))),
    ("Ausbildung\nDiplom-Ingenieur Maschinenbau, Technische Universität München\n2001 – 2007\n",
     dict(credential="Diplom-Ingenieur Maschinenbau", institution="Technische Universität München")),
    ("Education\nBS University of Pennsylvania, Computer Science\n• GPA: 3.9/4.0\nSept 2000 – May 2005\n",
     dict(credential="BS", institution="University of Pennsylvania", field="Computer Science",
          start=P(2000, 9), end=P(2005, 5), grade="GPA: 3.9/4.0")),
    ("Education\nMaster of Science in Data Science, GPA 3.8/4.0\nÉcole Polytechnique, 2019\n",
     dict(credential="Master of Science in Data Science", field="Data Science", institution="École Polytechnique",
          grade="GPA 3.8/4.0", end=P(2019))),
    ("EDUCATION\nBA (Hons) History, 2:1\nUniversity of Leeds\nMay 2016\n",
     dict(credential="BA (Hons) History", institution="University of Leeds", grade="2:1", end=P(2016, 5))),
    ("EDUCATION\nSomething Unusual Programme 2014\n",
     dict(credential="Something Unusual Programme")),  # never dropped
]


@pytest.mark.parametrize(("text", "expected"), EDU)
def test_education_entries(text: str, expected: dict[str, object]) -> None:
    entries = find_education(text, find_sections(text), today=TODAY)
    assert len(entries) == 1
    for key, value in expected.items():
        assert getattr(entries[0], key) == value, key


def test_two_education_entries_and_dates_not_roles() -> None:
    text = ("EDUCATION\nMBA — Fundação Getulio Vargas\n2018 – 2020\nBachelor of Commerce\nUniversity of Delhi\n"
            "2011 to 2014\n")
    entries = find_education(text, find_sections(text), today=TODAY)
    assert [(e.credential, e.institution, str(e.end)) for e in entries] == [
        ("MBA", "Fundação Getulio Vargas", "2020"), ("Bachelor of Commerce", "University of Delhi", "2014")]


@pytest.mark.parametrize(("line", "name", "issuer", "when", "kind"), [
    ("AWS Certified Solutions Architect – Associate — Amazon Web Services (2022)",
     "AWS Certified Solutions Architect – Associate", "Amazon Web Services", P(2022), "certification"),
    ("Google Data Analytics Certificate (Coursera), 2023", "Google Data Analytics Certificate", "Coursera", P(2023),
     "certification"),
    ("PMP, issued by PMI, May 2021", "PMP", "PMI", P(2021, 5), "certification"),
    ("Registered Nurse (RN), Texas Board of Nursing", "Registered Nurse (RN)", "Texas Board of Nursing", None,
     "licence"),
    ("Licensed Professional Engineer (PE), State of Ohio, 2019", "Licensed Professional Engineer (PE)",
     "", P(2019), "licence"),
    ("Chartered Accountant — ICAN, 2015", "Chartered Accountant", "ICAN", P(2015), "licence"),
    ("Registro no Crea-SP", "Registro no Crea-SP", "", None, "licence"),
    ("Cédula Profesional 1234", "Cédula Profesional", "", None, "licence"),
    ("CPA", "CPA", "", None, "licence"),
])
def test_certification_lines(line: str, name: str, issuer: str, when: P | None, kind: str) -> None:
    c = parse_certification_line(line, today=TODAY)
    assert c is not None
    assert c.name == name
    if issuer:
        assert c.issuer == issuer
    assert c.date == when
    assert c.kind == kind


def test_certifications_section_and_lines_elsewhere() -> None:
    text = ("Ana\nLicenses & Certifications\n• Certified ScrumMaster — Scrum Alliance, 2020\n• CPA\nSKILLS\n"
            "AWS Certified Developer – Associate (2022)\nPython\n")
    certs = find_certifications(text, find_sections(text), today=TODAY)
    assert [c.name for c in certs] == ["Certified ScrumMaster", "CPA", "AWS Certified Developer – Associate"]
    assert certs[1].kind == "licence"
    for c in certs:
        assert c.name.split()[0] in text[c.span[0]:c.span[1]]


@pytest.mark.parametrize(("item", "name", "level"), [
    ("Portuguese (native)", "Portuguese", "native"), ("English — C1", "English", "C1"),
    ("Spanish: fluent", "Spanish", "fluent"), ("Inglés avanzado", "Inglés", "avanzado"),
    ("Deutsch - Muttersprache", "Deutsch", "Muttersprache"), ("French", "French", ""),
    ("• Anglais courant", "Anglais", "courant"),
])
def test_language_items(item: str, name: str, level: str) -> None:
    lang = parse_language_item(item)
    assert lang is not None and (lang.name, lang.level) == (name, level)


def test_languages_section() -> None:
    text = "Ana\nIDIOMAS\nPortuguês (nativo), Inglês (fluente); Espanhol — intermediário\nSKILLS\nJava\n"
    langs = find_languages(text, find_sections(text))
    assert [(x.name, x.level) for x in langs] == [("Português", "nativo"), ("Inglês", "fluente"),
                                                 ("Espanhol", "intermediário")]


def test_projects() -> None:
    text = ("Ana\nPROJECTS\nMulti-User Drawing Tool\n• Classroom app where users draw\nand share edits\n"
            "github.com/name/repo\nSynchronized Desktop Calendar\n• Shared calendars\n")
    projects = find_projects(text, find_sections(text))
    assert [p.name for p in projects] == ["Multi-User Drawing Tool", "Synchronized Desktop Calendar"]
    assert text[projects[0].span[0]:projects[0].span[1]].startswith("Multi-User")


@pytest.mark.parametrize(("text", "name", "email", "phone", "location"), [
    ("Ana Souza\nSão Paulo, SP | ana.souza@example.com | +55 11 91234-5678\nEXPERIENCE\n", "Ana Souza",
     "ana.souza@example.com", "+55 11 91234-5678", "São Paulo, SP"),
    ("RESUME\nJOHN DOE\njohn@doe.org\n(555) 123-4567\nAustin, TX\nSKILLS\nx\n", "JOHN DOE", "john@doe.org",
     "(555) 123-4567", "Austin, TX"),
    ("jane@x.io\nJane Q. Public\nEXPERIENCE\n", "Jane Q. Public", "jane@x.io", "", ""),
    # a native-script name in brackets stays with the name; "City, ST · phone" is the location line
    ("Wei Zhang (张伟)\nSenior Software Engineer\nSan Jose, CA  ·  (408) 555-0191  ·  wz@example.org\nSummary\n",
     "Wei Zhang (张伟)", "wz@example.org", "(408) 555-0191", "San Jose, CA"),
    # post-nominal letters after a comma are dropped, capitals kept as written
    ("KWAME ASANTE, BSc, RGN\nRegistered Nurse\nColumbus, OH  ·  (614) 555-0185\nExperience\n", "KWAME ASANTE", "",
     "(614) 555-0185", "Columbus, OH"),
])

def test_contact(text: str, name: str, email: str, phone: str, location: str) -> None:
    c = find_contact(text, find_sections(text))
    assert (c.name, c.email, c.phone, c.location) == (name, email, phone, location)


@pytest.mark.parametrize(("text", "name"), [
    # flattened dumps: the name is the first field of a long first line, after a stray quote
    ('"Hal Doyle    123 Main St.  New York, NY  123.345.7890  hd@example.com  Objective  To work\n', "Hal Doyle"),
    ("Ricardo Vince Romaguera - Email me on Indeed: rvr@example.com\n\nWORK EXPERIENCE\n", "Ricardo Vince Romaguera"),
    ("CURRICULUM VITAE\nName: Azzie Woodrow Gaylord\nNationality: Kenyan\n", "Azzie Woodrow Gaylord"),
    # a job title, a street, a company or a city line before the name is skipped
    ("Senior IT Project Manager\nAngel Veum, PMP, MBA\nSometown, NJ 07175\n", "Angel Veum"),
    ("Kingston Avenue, Phoenix, AZ 85006\nDayjob Limited\nKristine Kihn\n", "Kristine Kihn"),
    ("San Jose, CA\nWei Zhang\n", "Wei Zhang"),
    ("Marvin Cook\nLine Cook\n", "Marvin Cook"),  # a surname that is also a job word
    ("Resume\nSkills\n", ""),
])
def test_contact_name_layouts(text: str, name: str) -> None:
    assert find_contact(text, find_sections(text)).name == name


@pytest.mark.parametrize(("line", "name"), [
    ("WORK EXPIRIENCE", "experience"), ("Work Experiance", "experience"), ("EXPERIENCIE", "experience"),
    ("Educaton", "education"), ("CERTIFICATIOS", "certifications"),
    ("Experienced", None), ("engineering", None), ("Expirience in Java and Python", None),
])
def test_misspelt_headings(line: str, name: str | None) -> None:
    assert heading_name(line) == name


@pytest.mark.parametrize(("line", "names"), [
    ("DESCRIPTION WORK EXPERIENCE", ["experience"]),  # an unknown heading of the other column glued before it
    ("PORTRAIT WORK EXPIRIENCE", ["experience"]),
    ("OVERVIEW WORK EXPIRIENCE", ["summary", "experience"]),
    ("SUMMARY EDUCATION", ["summary", "education"]),
    ("SENIOR SOFTWARE ENGINEER", []),
    ("Description Work Experience", []),  # only in capitals
])
def test_glued_column_headings(line: str, names: list[str]) -> None:
    from screener.parse.sections import heading_names
    assert heading_names(line) == names
