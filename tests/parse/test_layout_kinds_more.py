"""More layout kinds applicants send, each an invented DOCX résumé built here with its ground truth and read the
way the screener reads it (ingest, then parse): a tabular Lebenslauf with its dates in the left cell and its
description in plain paragraphs, the 2013 Europass CV's 'Business or sector' line, and the classic Europass label
column ('Occupation or position held | …', 'Name and address of employer | …') in several languages."""

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
    doc.add_paragraph().add_run("Alina Brenner").bold = True
    doc.add_paragraph("alina.brenner@example.com | +49 151 2345 6789 | Berlin, Germany")
    fill(doc)
    path = tmp_path / "cv.docx"
    doc.save(str(path))
    return path


# --- dates first: the lines above a later entry's dates are the entry before's description ------------------------

LEBENSLAUF = [("seit 03/2020", "Softwareentwickler", "Muster Systems GmbH", "Berlin"),
              ("03/2017 – 02/2020", "Werkstudent Softwareentwicklung", "Kestrelon AG", "München"),
              ("10/2014 – 02/2017", "IT-Administrator", "Brightmoor Digital GmbH", "Hamburg")]
LEBENSLAUF_GOLD = [("Softwareentwickler", "Muster Systems GmbH", "2020-03", NOW),
                   ("Werkstudent Softwareentwicklung", "Kestrelon AG", "2017-03", "2020-02"),
                   ("IT-Administrator", "Brightmoor Digital GmbH", "2014-10", "2017-02")]


@pytest.mark.parametrize("one_line", [True, False], ids=["title, employer, city", "title / employer, city"])
@pytest.mark.parametrize("description", ["Betreuung der Kunden", "Entwicklung von Microservices mit Java und Spring Boot"])
def test_lebenslauf_table_with_plain_description(tmp_path: Path, one_line: bool, description: str) -> None:
    """'seit 03/2020' | 'Softwareentwickler, Muster Systems GmbH, Berlin' + a description paragraph with neither
    bullet nor full stop (German nouns are capitalised, so it reads like a header): each entry keeps its own title."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Berufserfahrung").bold = True
        table = doc.add_table(rows=0, cols=2)
        for dates, title, employer, city in LEBENSLAUF:
            left, right = table.add_row().cells
            left.text = dates
            if one_line:
                right.text = f"{title}, {employer}, {city}"
            else:
                right.text = title
                right.add_paragraph(f"{employer}, {city}")
            right.add_paragraph(description)
        doc.add_paragraph().add_run("Ausbildung").bold = True
        doc.add_paragraph("10/2010 – 09/2014 | Bachelor of Science Informatik, Technische Universität Berlin")

    assert _roles(_docx(tmp_path, fill)) == LEBENSLAUF_GOLD


def test_europass_2013_sector_line_is_not_the_next_employer(tmp_path: Path) -> None:
    """The 2013 Europass CV: dates in the left cell; title, 'Employer, City (Country)', bullets and a 'Business or
    sector …' line in the right one. That last line sits right above the next entry's dates."""
    jobs = [("Apr 2021–Present", "Senior Backend Developer", "Zentaro Labs, Tallinn (Estonia)"),
            ("Feb 2018–Mar 2021", "Software Engineer", "Calvera Payments, Sofia (Bulgaria)"),
            ("Sep 2016–Jan 2018", "Junior Developer", "Ivylane Software, Brno (Czech Republic)")]

    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("WORK EXPERIENCE").bold = True
        table = doc.add_table(rows=0, cols=2)
        for dates, title, employer in jobs:
            left, right = table.add_row().cells
            left.text = dates
            right.text = title
            right.add_paragraph(employer)
            right.add_paragraph("▪ development of payment services in Go and Python")
            right.add_paragraph("Business or sector Information and communication")

    assert _roles(_docx(tmp_path, fill)) == [
        ("Senior Backend Developer", "Zentaro Labs", "2021-04", NOW),
        ("Software Engineer", "Calvera Payments", "2018-02", "2021-03"),
        ("Junior Developer", "Ivylane Software", "2016-09", "2018-01")]


# --- the classic Europass label column ------------------------------------------------------------------------------

EUROPASS_LABELS = {  # dates, title, activities, employer, sector, heading, "present"
    "en": ("Dates", "Occupation or position held", "Main activities and responsibilities",
           "Name and address of employer", "Type of business or sector", "Work experience", "present"),
    "de": ("Zeitraum", "Beruf oder Funktion", "Wichtigste Tätigkeiten und Zuständigkeiten",
           "Name und Adresse des Arbeitgebers", "Tätigkeitsbereich oder Branche", "Berufserfahrung", "heute"),
    "fr": ("Dates", "Fonction ou poste occupé", "Principales activités et responsabilités",
           "Nom et adresse de l'employeur", "Type ou secteur d'activité", "Expérience professionnelle", "présent"),
    "es": ("Fechas", "Profesión o cargo desempeñado", "Funciones y responsabilidades principales",
           "Nombre y dirección de la empresa o empleador", "Tipo de empresa o sector", "Experiencia laboral",
           "actualidad"),
}


@pytest.mark.parametrize("in_table", [True, False], ids=["label column", "label: value"])
@pytest.mark.parametrize("lang", sorted(EUROPASS_LABELS))
def test_europass_label_rows(tmp_path: Path, lang: str, in_table: bool) -> None:
    """'Dates | 01/2019 – present' / 'Occupation or position held | …' / 'Main activities and responsibilities | …'
    / 'Name and address of employer | Norvale Systems, Rua Augusta 10, …': the labelled title and employer (the
    name before the address), never the activities or the sector."""
    dates_l, title_l, tasks_l, employer_l, sector_l, heading, present = EUROPASS_LABELS[lang]
    jobs = [(f"01/2019 – {present}", "Software Developer", "Norvale Systems, Rua Augusta 10, 1100-048 Lisbon (Portugal)"),
            ("03/2015 – 12/2018", "Junior Java Developer", "Quintrix GmbH, Hauptstraße 5, 10115 Berlin (Germany)")]

    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run(heading).bold = True
        for dates, title, employer in jobs:
            rows = [(dates_l, dates), (title_l, title), (tasks_l, "Development of REST services; code reviews"),
                    (employer_l, employer), (sector_l, "Information technology")]
            table = doc.add_table(rows=0, cols=2) if in_table else None
            for label, value in rows:
                if table is None:
                    doc.add_paragraph(f"{label}: {value}")
                    continue
                left, right = table.add_row().cells
                left.text, right.text = label, value

    assert _roles(_docx(tmp_path, fill)) == [("Software Developer", "Norvale Systems", "2019-01", NOW),
                                             ("Junior Java Developer", "Quintrix GmbH", "2015-03", "2018-12")]


# --- day-precision dates written with dots, day first ----------------------------------------------------------------

@pytest.mark.parametrize(("written", "start", "end"), [
    ("01.04.2021 – heute", "2021-04", NOW),
    ("01.03.2018 – 31.12.2021", "2018-03", "2021-12"),  # (the end's 31 settled this one before)
    ("01.02.2016 - 01.03.2018", "2016-02", "2018-03"),
    ("15.03.2019 – 01.02.2020", "2019-03", "2020-02"),  # (a first number above 12 settled it before)
    ("seit 01.03.2020", "2020-03", NOW),
])
def test_dotted_day_first_dates_in_a_docx(tmp_path: Path, written: str, start: str, end: str) -> None:
    """'01.04.2021 – 31.12.2022' (German, Austrian, Swiss, Polish, Russian, Czech CVs): a dotted date is day first,
    so its month is the middle number, never the first ('01.04.2021' read as January before)."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Berufserfahrung").bold = True
        doc.add_paragraph(f"Softwareentwickler — Muster Systems GmbH\t{written}")
        doc.add_paragraph("• Entwicklung von Microservices mit Java")

    assert _roles(_docx(tmp_path, fill)) == [("Softwareentwickler", "Muster Systems GmbH", start, end)]
