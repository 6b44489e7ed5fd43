"""More layout kinds applicants send, each an invented DOCX résumé built here with its ground truth and read the
way the screener reads it (ingest, then parse): a tabular Lebenslauf with its dates in the left cell and its
description in plain paragraphs, the 2013 Europass CV's 'Business or sector' line, and the classic Europass label
column ('Occupation or position held | …', 'Name and address of employer | …') in several languages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from layout_docs import TODAY, docx_resume, roles_of

from screener.ingest import ingest_path
from screener.parse import parse_document

NOW = "present"
_roles = roles_of


def _docx(tmp_path: Path, fill: Callable[[Any], None]) -> Path:
    return docx_resume(tmp_path, fill, "Alina Brenner", "alina.brenner@example.com | +49 151 2345 6789 | Berlin, Germany")


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


# --- several positions under one employer ---------------------------------------------------------------------------

def test_employer_line_dated_over_its_positions(tmp_path: Path) -> None:
    """'Zentaro Labs<TAB>Jan. 2017 – Present' then 'Lead Engineer (May. 2022 – Present)', …: the employer's line is
    no role of its own, and an employer named without an organisation word ('Calvera Payments') is not a title."""
    groups = [("Zentaro Labs", "Jan. 2017 – Present", [("Lead Engineer", "May. 2022 – Present"),
                                                      ("Senior Engineer", "Mar. 2019 – Apr. 2022"),
                                                      ("Software Engineer", "Jan. 2017 – Feb. 2019")]),
              ("Calvera Payments", "Jun. 2015 – Dec. 2016", [("Junior Developer", "Jun. 2015 – Dec. 2016")])]

    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Work Experience").bold = True
        for employer, dates, positions in groups:
            doc.add_paragraph().add_run(f"{employer}\t{dates}").bold = True
            for title, when in positions:
                para = doc.add_paragraph()
                para.add_run(title).italic = True
                para.add_run(f" ({when})")
                doc.add_paragraph("• Led the migration of the billing service to Kubernetes.")

    assert _roles(_docx(tmp_path, fill)) == [
        ("Lead Engineer", "Zentaro Labs", "2022-05", NOW), ("Senior Engineer", "Zentaro Labs", "2019-03", "2022-04"),
        ("Software Engineer", "Zentaro Labs", "2017-01", "2019-02"),
        ("Junior Developer", "Calvera Payments", "2015-06", "2016-12")]


def _linkedin_pdf(path: Path, blocks: list[tuple[str, str]]) -> None:
    """A page laid out as LinkedIn's 'Save to PDF' export: a side column (contact, top skills), the main column
    with (text, size) lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for y, (text, size) in ((800, ("Contact", 12)), (785, ("alina.brenner@example.com", 9)),
                            (760, ("Top Skills", 12)), (745, ("Python", 9)), (732, ("Kubernetes", 9))):
        canvas.setFont("Helvetica", size)
        canvas.drawString(40, y, text)
    y = 800.0
    for text, size in blocks:
        canvas.setFont("Helvetica", float(size))
        canvas.drawString(220, y, text)
        y -= float(size) + 5
    canvas.showPage()
    canvas.save()


def test_linkedin_export_positions_under_one_company(tmp_path: Path) -> None:
    """LinkedIn's export: 'Company' / its total time ('6 years 1 month') / 'Title' / 'May 2022 - Present (3 years 9
    months)' / 'City, Country' / description, then the next position under the same company with only its title
    above its dates. The total time is never an employer; each position keeps the company, even after a gap; the
    place under a position's dates ('Brno') is never the next position's employer."""
    lines = [("Alina Brenner", "22"), ("Lead Engineer at Zentaro Labs", "10"), ("Experience", "14")]
    companies = [("Zentaro Labs", "6 years 1 month", [("Lead Engineer", "May 2022 - Present (3 years 9 months)", "Tallinn, Estonia"),
                                                      ("Senior Engineer", "March 2019 - December 2021 (2 years 10 months)", "Tallinn, Estonia"),
                                                      ("Software Engineer", "January 2017 - October 2018 (1 year 10 months)", "Riga, Latvia")]),
                 ("Calvera Payments", "", [("Junior Developer", "June 2015 - December 2016 (1 year 7 months)", "Sofia, Bulgaria")]),
                 ("Ivylane Software", "1 year 5 months", [("Junior Tester", "July 2014 - May 2015 (11 months)", "Brno"),
                                                          ("Intern", "January 2014 - June 2014 (6 months)", "Brno")])]
    for company, total, positions in companies:
        lines += [(company, "12")] + ([(total, "9.5")] if total else [])
        for title, when, place in positions:
            lines += [(title, "10.5"), (when, "9.5"), (place, "9.5"), ("Built services in Go.", "9.5")]
    lines += [("Education", "14"), ("University of Sofia", "12"), ("Bachelor of Science - BS, Computer Science", "9.5")]
    path = tmp_path / "Profile.pdf"
    _linkedin_pdf(path, lines)
    assert _roles(path) == [
        ("Lead Engineer", "Zentaro Labs", "2022-05", NOW), ("Senior Engineer", "Zentaro Labs", "2019-03", "2021-12"),
        ("Software Engineer", "Zentaro Labs", "2017-01", "2018-10"),
        ("Junior Developer", "Calvera Payments", "2015-06", "2016-12"),
        ("Junior Tester", "Ivylane Software", "2014-07", "2015-05"), ("Intern", "Ivylane Software", "2014-01", "2014-06")]


def test_dates_first_header_on_one_line_then_a_description_naming_partners(tmp_path: Path) -> None:
    """'01.2021 – 08.2024' | 'Team Lead, Wexley Analytics, Gdansk' / 'Automated REST APIs for partners with Jenkins,
    Java': the header line names title and employer, so the description under it (an organisation word in it,
    neither bullet nor full stop) is not read as the employer; a place on the next line still is the place."""
    rows = [("01.2021 – 08.2024", ["Team Lead, Wexley Analytics, Gdansk",
                                   "Automated REST APIs for partners with Jenkins, Java"]),
            ("08/2019 – 12/2020", ["Android Developer, Northern Meadow Media", "Riga, Latvia",
                                   "Optimised monitoring for the client's partners"])]

    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Beruflicher Werdegang").bold = True
        table = doc.add_table(rows=0, cols=2)
        for dates, texts in rows:
            left, right = table.add_row().cells
            left.text = dates
            right.text = texts[0]
            for text in texts[1:]:
                right.add_paragraph(text)

    profile = parse_document(ingest_path(_docx(tmp_path, fill)), today=TODAY)
    assert [(r.title, r.employer, r.location) for r in profile.roles] == [
        ("Team Lead", "Wexley Analytics", "Gdansk"), ("Android Developer", "Northern Meadow Media", "Riga, Latvia")]


def test_linkedin_position_description_is_not_the_next_positions_employer(tmp_path: Path) -> None:
    """Under one company, a position's description ('Tested REST APIs for partners with Redis, Selenium.': short,
    a comma, a full stop, an organisation word) right above the next position's title is not its employer."""
    lines = [("Alina Brenner", "22"), ("Experience", "14"), ("PS Digital", "12"), ("2 years 8 months", "9.5")]
    for title, when in (("DevOps Engineer", "December 2019 - February 2021 (1 year 3 months)"),
                        ("Site Reliability Engineer", "July 2018 - November 2019 (1 year 5 months)")):
        lines += [(title, "10.5"), (when, "9.5"), ("Austin, TX", "9.5"),
                  ("Tested REST APIs for partners with Redis, Selenium.", "9.5")]
    lines += [("Kestrelon Labs", "12"), ("Database Administrator", "10.5"),
              ("August 2014 - March 2018 (3 years 8 months)", "9.5"), ("Aarhus, Denmark", "9.5")]
    path = tmp_path / "Profile.pdf"
    _linkedin_pdf(path, lines)
    assert _roles(path) == [("DevOps Engineer", "PS Digital", "2019-12", "2021-02"),
                            ("Site Reliability Engineer", "PS Digital", "2018-07", "2019-11"),
                            ("Database Administrator", "Kestrelon Labs", "2014-08", "2018-03")]


# --- titles whose qualifiers follow the noun (French, Spanish, Portuguese, Italian) ------------------------------

ROMANCE_TITLES = ["Développeur backend senior", "Ingénieur études et développement", "Desarrollador web full stack",
                  "Sviluppatore software senior", "Responsable commercial export", "Chef de projet informatique",
                  "Engenheiro de dados"]


@pytest.mark.parametrize("shape", ["title — employer<TAB>dates", "title<TAB>dates / employer",
                                   "dates / title / employer"])
def test_titles_with_qualifiers_after_the_noun(tmp_path: Path, shape: str) -> None:
    """'Développeur backend senior', 'Desarrollador web full stack': two or three words in lower case after the
    title word are the title's own qualifiers, not a neighbouring column's sentence glued on ('Software Engineer a
    wide technological stack' is still cut: see tests/parse/test_roles_layout_kinds.py)."""
    employers = ["Zentaro Labs", "Calvera Payments", "Ivylane Software", "Norvale Systems"]

    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Experiencia profesional").bold = True
        for i, title in enumerate(ROMANCE_TITLES):
            employer, year = employers[i % 4], 2024 - 2 * i
            if shape.startswith("title —"):
                doc.add_paragraph(f"{title} — {employer}\t{year - 1} – {year}")
            elif shape.startswith("title<TAB>"):
                doc.add_paragraph(f"{title}\t{year - 1} – {year}")
                doc.add_paragraph(f"{employer}, Madrid")
            else:
                doc.add_paragraph(f"{year - 1} – {year}")
                doc.add_paragraph().add_run(title).bold = True
                doc.add_paragraph(employer)
            doc.add_paragraph("• Desarrollo de servicios REST.")

    assert [(r.title, r.employer) for r in parse_document(ingest_path(_docx(tmp_path, fill)), today=TODAY).roles] == \
        [(title, employers[i % 4]) for i, title in enumerate(ROMANCE_TITLES)]


def test_two_capital_suffix_on_the_line_above_the_dates_is_no_since(tmp_path: Path) -> None:
    """'Manual QA Tester – Calvera AB' / '15.07.2024 – heute': a two-letter suffix in capitals ending the line above
    the dates is the employer's (Swedish 'AB'), not German 'ab' ('since') opening the range."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Work Experience").bold = True
        for header, dates in (("Manual QA Tester – Calvera AB", "15.07.2024 – heute"),
                              ("Data Analyst, Orbelle AB, Malmö", "03/2019 – 06/2024")):
            doc.add_paragraph(header)
            doc.add_paragraph(dates)
            doc.add_paragraph("• Tested nightly data pipelines.")

    assert _roles(_docx(tmp_path, fill)) == [("Manual QA Tester", "Calvera AB", "2024-07", NOW),
                                             ("Data Analyst", "Orbelle AB", "2019-03", "2024-06")]


# --- dates in the applicant's own language ---------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "start", "end"), [
    ("mei 2017 – heden", "2017-05", NOW), ("maart 2015 tot juni 2017", "2015-03", "2017-06"),  # Dutch
    ("marzec 2019 – obecnie", "2019-03", NOW), ("03.2017 – nadal", "2017-03", NOW),  # Polish
    ("października 2016 – czerwca 2019", "2016-10", "2019-06"),  # Polish, genitive
    ("mars 2018 – pågående", "2018-03", NOW), ("augusti 2016 – maj 2018", "2016-08", "2018-05"),  # Swedish
    ("desember 2018 – dags dato", "2018-12", NOW), ("2019 – nå", "2019", NOW),  # Norwegian
])
def test_month_and_present_words_of_more_languages(tmp_path: Path, written: str, start: str, end: str) -> None:
    """An English résumé whose dates keep the applicant's language (Dutch, Polish, Swedish, Norwegian/Danish):
    'mei 2017 – heden' was no date at all, so the role was lost."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Work Experience").bold = True
        doc.add_paragraph(f"Data Engineer — Orbelle Analytics\t{written}")
        doc.add_paragraph("• Built nightly pipelines.")

    assert _roles(_docx(tmp_path, fill)) == [("Data Engineer", "Orbelle Analytics", start, end)]


@pytest.mark.parametrize("header", ["Self-employed — Translator (German–English)",
                                    "Translator (German–English) | Self-employed",
                                    "Translator (German–English), Self-employed"])
def test_a_dash_inside_brackets_does_not_split_the_header(tmp_path: Path, header: str) -> None:
    """'Translator (German–English)': the en dash of a language pair (or 'Front–End') inside brackets is part of the
    title, never a separator between title and employer (it was 'Translator (German' at 'English')."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Experience").bold = True
        doc.add_paragraph(f"{header}\t2016 – Present")
        doc.add_paragraph("• Translated technical manuals.")

    assert _roles(_docx(tmp_path, fill)) == [("Translator (German–English)", "Self-employed", "2016", NOW)]
