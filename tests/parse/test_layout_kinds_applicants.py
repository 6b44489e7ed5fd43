"""Layout kinds and phrasings real applicants send that the parser read wrongly, each an invented résumé built here
with its ground truth and read the way the screener reads it (ingest, then parse): the 2020 Europass CV's day-first
numeric dates whose running job reads either way ("01/03/2019 – Current")."""

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
    return docx_resume(tmp_path, fill, "Marta Lindqvist", "marta.lindqvist@example.com | +46 70 123 4567 | Uppsala, Sweden")


# --- numeric dates: the document's other dates settle whether an ambiguous one is day or month first -------------

def _europass(jobs: list[tuple[str, str, str, str]]) -> Callable[[Any], None]:
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("WORK EXPERIENCE").bold = True
        for dates, place, title, employer in jobs:
            doc.add_paragraph(f"{dates} {place}")
            doc.add_paragraph().add_run(f"{title} {employer}".upper()).bold = True
            doc.add_paragraph("Development of payment services in Go and Python.", style="List Bullet")
    return fill


@pytest.mark.parametrize("current", ["CURRENT", "Current", "present"])
def test_europass_day_first_running_job(tmp_path: Path, current: str) -> None:
    """The 2020 Europass CV writes day-first dates ('01/06/2016 – 28/02/2019'); its running job '01/03/2019 –
    CURRENT' started in March, not on January 3rd."""
    jobs = [(f"01/03/2019 – {current}", "Berlin, Germany", "Senior Software Engineer", "Norvale Systems"),
            ("01/06/2016 – 28/02/2019", "Munich, Germany", "Software Engineer", "Quintrix Labs"),
            ("15/09/2013 – 05/04/2016", "Graz, Austria", "Junior Developer", "Bluefen Digital")]
    got = [(start, end) for _, _, start, end in _roles(_docx(tmp_path, _europass(jobs)))]
    assert got == [("2019-03", NOW), ("2016-06", "2019-02"), ("2013-09", "2016-04")]


def test_month_first_document_keeps_month_first(tmp_path: Path) -> None:
    """A U.S. résumé whose dates settle month first ('06/15/2016 – 12/28/2018') reads '01/03/2019' as January."""
    jobs = [("01/03/2019 – Present", "Austin, TX", "Senior Software Engineer", "Norvale Systems"),
            ("06/15/2016 – 12/28/2018", "Denver, CO", "Software Engineer", "Quintrix Labs")]
    got = [(start, end) for _, _, start, end in _roles(_docx(tmp_path, _europass(jobs)))]
    assert got == [("2019-01", NOW), ("2016-06", "2018-12")]


def test_europass_bracketed_dates_leave_the_title_whole(tmp_path: Path) -> None:
    """The newer Europass export: '[ 01/03/2019 – Current ] Senior Software Engineer' / employer / 'City: … |
    Country: …': the title keeps no bracket and the dates read day first."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("WORK EXPERIENCE").bold = True
        for dates, title, employer, city in [("01/03/2019 – Current", "Senior Software Engineer", "Norvale Systems",
                                              "Berlin"),
                                             ("01/06/2016 – 28/02/2019", "Software Engineer", "Quintrix Labs",
                                              "Munich")]:
            doc.add_paragraph(f"[ {dates} ] {title}")
            doc.add_paragraph(employer)
            doc.add_paragraph(f"City: {city} | Country: Germany")
            doc.add_paragraph("Development of payment services in Go and Python.", style="List Bullet")

    assert _roles(_docx(tmp_path, fill)) == [("Senior Software Engineer", "Norvale Systems", "2019-03", NOW),
                                             ("Software Engineer", "Quintrix Labs", "2016-06", "2019-02")]


# --- education written as Indian résumés write it: the grade (and its verb) after the school ---------------------

def _education(path: Path) -> list[tuple[str, str]]:
    profile = parse_document(ingest_path(path), today=TODAY)
    return [(e.institution, e.credential) for e in profile.education]


@pytest.mark.parametrize(("line", "institution", "credential"), [
    ("B.Tech in Computer Science from Ashvale Institute of Technology with 8.5 CGPA (2012-2016)",
     "Ashvale Institute of Technology", "B.Tech in Computer Science"),
    ("M.Tech in Data Science from University of Glenmoor with 9.1 CGPA (2016-2018)",
     "University of Glenmoor", "M.Tech in Data Science"),
    ("B.Com from University of Glenmoor in 2015, secured 68%", "University of Glenmoor", "B.Com"),
    ("MBA (Finance) from Kellerton Institute of Management, 2019, scoring an aggregate of 74%",
     "Kellerton Institute of Management", "MBA (Finance)"),
])
def test_grade_and_its_verb_after_the_school(tmp_path: Path, line: str, institution: str, credential: str) -> None:
    """'… from <school> with 8.5 CGPA', '… in 2015, secured 68%': the grade, its verb and the year's preposition are
    no part of the school's name."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Education").bold = True
        doc.add_paragraph(line)

    assert _education(_docx(tmp_path, fill)) == [(institution, credential)]


# --- Indian résumés: labelled fields above the dates, a role as a sentence, a From | To table --------------------

INDIAN_JOBS = [("Senior Software Engineer", "Norvale Systems", "Pune", "March 2019", "Till Date"),
               ("Software Engineer", "Quintrix Labs", "Bengaluru", "June 2016", "February 2019")]
INDIAN_GOLD = [("Senior Software Engineer", "Norvale Systems", "2019-03", NOW),
               ("Software Engineer", "Quintrix Labs", "2016-06", "2019-02")]


@pytest.mark.parametrize(("employer_label", "title_label", "dates_label"), [
    ("Organisation", "Designation", "Duration"), ("Company Name", "Role", "Period"),
    ("Employer", "Designation", "Duration")])
def test_labelled_fields_above_their_dates(tmp_path: Path, employer_label: str, title_label: str,
                                           dates_label: str) -> None:
    """'Organisation: Norvale Systems, Pune' / 'Designation: …' / 'Duration: March 2019 – Till Date' /
    'Responsibilities:': the fields above each entry's dates are its own, not the next entry's."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Professional Experience").bold = True
        for title, employer, city, start, end in INDIAN_JOBS:
            doc.add_paragraph(f"{employer_label}: {employer}, {city}")
            doc.add_paragraph(f"{title_label}: {title}")
            doc.add_paragraph(f"{dates_label}: {start} – {end}")
            doc.add_paragraph("Responsibilities:")
            doc.add_paragraph("Developed REST services in Java and Spring Boot.", style="List Bullet")

    assert _roles(_docx(tmp_path, fill)) == INDIAN_GOLD


@pytest.mark.parametrize("shape", [
    "Working as {title} at {employer}, {city} from {start} to {end}.",
    "Worked as a {title} with {employer}, {city} from {start} to {end}.",
    "Currently working with {employer} as {title} from {start} to {end}.",
    "I was employed at {employer} as {title} from {start} to {end}."])
@pytest.mark.parametrize("bulleted", [True, False], ids=["bullet", "paragraph"])
def test_role_written_as_a_sentence(tmp_path: Path, shape: str, bulleted: bool) -> None:
    """'Working as Senior Software Engineer at Norvale Systems, Pune from March 2019 to Till Date.': the sentence
    names the title and the employer (in either order) before its dates."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Work Experience").bold = True
        for title, employer, city, start, end in INDIAN_JOBS:
            line = shape.format(title=title, employer=employer, city=city, start=start, end=end)
            doc.add_paragraph(line, style="List Bullet" if bulleted else None)

    got = _roles(_docx(tmp_path, fill))
    assert [(t, e.removesuffix(", Pune").removesuffix(", Bengaluru"), s, n) for t, e, s, n in got] == INDIAN_GOLD


@pytest.mark.parametrize("heading", ["Employment Details", "Work Experience"])
@pytest.mark.parametrize("employers", [("Norvale Systems", "Quintrix Labs"), ("Pellham Analytics", "Granholm Digital")])
def test_from_and_to_in_cells_of_their_own(tmp_path: Path, heading: str, employers: tuple[str, str]) -> None:
    """A table 'S.No | Organisation | Designation | From | To' under 'Employment Details': the two cells are one
    range, and the row's number is neither title nor employer (also when the name has no company word)."""
    jobs = [(title, employer, start, end)
            for (title, _, _, start, end), employer in zip(INDIAN_JOBS, employers, strict=True)]

    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run(heading).bold = True
        table = doc.add_table(rows=1, cols=5)
        for cell, label in zip(table.rows[0].cells, ("S.No", "Organisation", "Designation", "From", "To"), strict=True):
            cell.text = label
        for n, (title, employer, start, end) in enumerate(jobs, 1):
            for cell, value in zip(table.add_row().cells, (str(n), employer, title, start, end), strict=True):
                cell.text = value

    assert _roles(_docx(tmp_path, fill)) == [(t, e, s, n) for (t, e, _, _), (_, _, s, n) in zip(jobs, INDIAN_GOLD,
                                                                                              strict=True)]


# --- seasonal jobs held over several years ---------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["Summers 2017–2019", "Summer 2017 - 2019", "Summers 2017–19"])
def test_seasons_over_several_years_end_with_the_last_season(tmp_path: Path, written: str) -> None:
    """'Camp Counselor, Cedar Lake Camp' / 'Summers 2017–2019': the job ran each summer up to August 2019, not to
    the end of 2019 (nor only in 2017)."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Experience").bold = True
        doc.add_paragraph("Software Engineer, Norvale Systems")
        doc.add_paragraph("June 2020 – Present")
        doc.add_paragraph("Built a billing service with Java.", style="List Bullet")
        doc.add_paragraph("Camp Counselor, Cedar Lake Camp")
        doc.add_paragraph(written)
        doc.add_paragraph("Led outdoor activities for groups of twelve children.", style="List Bullet")

    assert _roles(_docx(tmp_path, fill)) == [("Software Engineer", "Norvale Systems", "2020-06", NOW),
                                             ("Camp Counselor", "Cedar Lake Camp", "2017-06", "2019-08")]


# --- academic CVs: years in a left column, the department before its institution, a note on the degree ----------

@pytest.mark.parametrize("unit", ["Department of Physics", "School of Engineering", "Faculty of Science",
                                  "Centre for Quantum Technologies"])
@pytest.mark.parametrize("years_first", [True, False], ids=["years in a left column", "years after"])
def test_the_department_before_its_institution(tmp_path: Path, unit: str, years_first: bool) -> None:
    """'2019–present<TAB>Postdoctoral Fellow, Department of Physics, University of Tessaly': the institution is the
    employer, not its department."""
    jobs = [("2019–present", "Postdoctoral Fellow", "University of Tessaly"),
            ("2016–2019", "Research Assistant", "Kestrelon Institute of Technology")]

    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Academic Appointments").bold = True
        for dates, title, school in jobs:
            doc.add_paragraph(f"{dates}\t{title}, {unit}, {school}" if years_first
                              else f"{title}, {unit}, {school}, {dates}")

    assert _roles(_docx(tmp_path, fill)) == [("Postdoctoral Fellow", "University of Tessaly", "2019", NOW),
                                             ("Research Assistant", "Kestrelon Institute of Technology", "2016",
                                              "2019")]


@pytest.mark.parametrize("note", ["(advisor: Prof. Jane Doe)", "(supervisor: Dr. A. Petrenko)",
                                  "(thesis: Quantum transport in graphene)"])
def test_a_note_on_the_degree_is_no_part_of_the_school(tmp_path: Path, note: str) -> None:
    """'2012–2017  Ph.D. in Physics, University of Glenmoor (advisor: Prof. Jane Doe)': the school's name ends before
    the note."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Education").bold = True
        doc.add_paragraph(f"2012–2017\tPh.D. in Physics, University of Glenmoor {note}")
        doc.add_paragraph("2008–2012\tB.Sc. in Physics, Ashvale University")

    assert _education(_docx(tmp_path, fill)) == [("University of Glenmoor", "Ph.D. in Physics"),
                                                 ("Ashvale University", "B.Sc. in Physics")]


# --- federal résumés: the employer's street address, hours and salary lines ---------------------------------------

@pytest.mark.parametrize(("address", "place"), [
    ("100 Main St, Austin, TX 78701", "Austin, TX"), ("1200 N. Lamar Blvd, Suite 200, Austin, TX 78703", "Austin, TX"),
    ("Hauptstraße 5, 10115 Berlin", "Berlin"), ("Rua Augusta 10, 1100-048 Lisbon", "Lisbon")])
def test_the_employers_street_address_is_its_place(tmp_path: Path, address: str, place: str) -> None:
    """'Senior Software Engineer, 03/2019 - Present' / 'Norvale Systems, 100 Main St, Austin, TX 78701' / 'Hours per
    week: 40; Salary: …' / 'Supervisor: …': the street is part of the place, not of the employer's name."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Professional Experience").bold = True
        for title, employer, dates in [("Senior Software Engineer", "Norvale Systems", "03/2019 - Present"),
                                       ("Software Engineer", "Quintrix Labs", "06/2016 - 02/2019")]:
            doc.add_paragraph(f"{title}, {dates}")
            doc.add_paragraph(f"{employer}, {address}")
            doc.add_paragraph("Hours per week: 40; Salary: $95,000 per year")
            doc.add_paragraph("Supervisor: John Smith, (512) 555-1234; may contact")
            doc.add_paragraph("Built and maintained REST services in Java.", style="List Bullet")

    assert _roles(_docx(tmp_path, fill)) == [("Senior Software Engineer", "Norvale Systems", "2019-03", NOW),
                                             ("Software Engineer", "Quintrix Labs", "2016-06", "2019-02")]


@pytest.mark.parametrize("tabbed", [False, True], ids=["builder", "dates and grade flush right"])
def test_federal_form_lines_between_the_dates_and_the_title(tmp_path: Path, tabbed: bool) -> None:
    """The USAJOBS builder: 'Pellham Analytics' / 'Baltimore, MD United States' / '03/2019 - Present' / 'Salary: …' /
    'Hours per week: 40' / 'Data Analyst' (or the dates and 'Grade Level: GS-12' flush right): the title is under
    the form's lines, the employer above the dates."""
    jobs = [("Pellham Analytics", "Baltimore, MD", "03/2019 - Present", "Data Analyst"),
            ("Granholm Digital", "Pittsburgh, PA", "06/2016 - 02/2019", "Web Developer")]

    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Work Experience").bold = True
        for employer, place, dates, title in jobs:
            if tabbed:
                for line in (f"{employer}\t{dates}", f"{place} US\tGrade Level: GS-12",
                             "Salary: 95,000 USD Per Year\tHours per week: 40"):
                    doc.add_paragraph(line)
            else:
                for line in (employer, f"{place} United States", dates, "Salary: 95,000 USD Per Year",
                             "Hours per week: 40"):
                    doc.add_paragraph(line)
            doc.add_paragraph(title)
            doc.add_paragraph("Duties, Accomplishments and Related Skills:")
            doc.add_paragraph("Built dashboards for the programme office.")

    assert _roles(_docx(tmp_path, fill)) == [("Data Analyst", "Pellham Analytics", "2019-03", NOW),
                                             ("Web Developer", "Granholm Digital", "2016-06", "2019-02")]


# --- application forms and ATS profile exports: each end of the range on a labelled line of its own -------------

@pytest.mark.parametrize(("start_label", "end_label", "present"), [
    ("Start Date", "End Date", "Present"), ("From", "To", "Present"), ("Start date", "End date", "Current"),
    ("Fecha de inicio", "Fecha de fin", "actualidad"), ("Beginn", "Ende", "heute")])
def test_start_and_end_on_labelled_lines(tmp_path: Path, start_label: str, end_label: str, present: str) -> None:
    """'Job Title: …' / 'Company: …' / 'Location: Austin, TX' / 'Start Date: March 2019' / 'End Date: Present': one
    range, under the labelled title and employer above it."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Work History").bold = True
        for title, employer, start, end in [("Senior Software Engineer", "Norvale Systems", "03/2019", present),
                                            ("Software Engineer", "Quintrix Labs", "06/2016", "02/2019")]:
            for line in (f"Job Title: {title}", f"Company: {employer}", "Location: Austin, TX",
                         f"{start_label}: {start}", f"{end_label}: {end}", "Description: Built REST services."):
                doc.add_paragraph(line)

    assert _roles(_docx(tmp_path, fill)) == [("Senior Software Engineer", "Norvale Systems", "2019-03", NOW),
                                             ("Software Engineer", "Quintrix Labs", "2016-06", "2019-02")]


@pytest.mark.parametrize(("heading", "labels", "present", "jobs"), [
    ("Experiência Profissional", ("Empresa", "Cargo", "Período"), "atual",
     [("Desenvolvedor Sênior", "Norvale Sistemas"), ("Desenvolvedor", "Quintrix Ltda")]),
    ("Experiencia Laboral", ("Empresa", "Puesto", "Período"), "actualidad",
     [("Desarrollador Sénior", "Norvale Sistemas"), ("Desarrollador", "Quintrix SL")]),
    ("Doświadczenie zawodowe", ("Firma", "Stanowisko", "Okres"), "obecnie",
     [("Starszy programista", "Norvale Systems"), ("Programista", "Quintrix Sp. z o.o.")]),
    ("Werkervaring", ("Werkgever", "Functie", "Periode"), "heden",
     [("Senior ontwikkelaar", "Norvale Systems B.V."), ("Ontwikkelaar", "Quintrix B.V.")]),
])
def test_labelled_fields_above_their_dates_in_the_applicants_language(
        tmp_path: Path, heading: str, labels: tuple[str, str, str], present: str, jobs: list[tuple[str, str]]) -> None:
    """'Empresa: …' / 'Cargo: …' / 'Período: 03/2019 – atual', 'Firma: …' / 'Stanowisko: …' / 'Okres: …': the
    labels of the applicant's language name the fields; the dates' label is no employer."""
    employer_label, title_label, dates_label = labels

    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run(heading).bold = True
        for (title, employer), dates in zip(jobs, (f"03/2019 – {present}", "06/2016 – 02/2019"), strict=True):
            for line in (f"{employer_label}: {employer}", f"{title_label}: {title}", f"{dates_label}: {dates}"):
                doc.add_paragraph(line)
            doc.add_paragraph("APIs REST em Java.", style="List Bullet")

    assert _roles(_docx(tmp_path, fill)) == [(jobs[0][0], jobs[0][1], "2019-03", NOW),
                                             (jobs[1][0], jobs[1][1], "2016-06", "2019-02")]


@pytest.mark.parametrize("header", ["Qualification | Board/University | Year | Percentage",
                                    "Degree\tInstitute / University\tYear of Passing\tCGPA / Percentage"])
def test_an_education_tables_header_row_names_no_school(tmp_path: Path, header: str) -> None:
    """'Qualification | Board/University | Year | Percentage' over 'B.Tech (CSE) | JNTU Hyderabad | 2016 | 72%': the
    header's 'Board/University' is no school (it was, for every row whose school has no school word)."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Educational Qualifications").bold = True
        sep = "\t" if "\t" in header else " | "
        doc.add_paragraph(header)
        for row in (("B.Tech (CSE)", "JNTU Hyderabad", "2016", "72%"), ("MBA (Finance)", "IIM Indore", "2018", "8.1")):
            doc.add_paragraph(sep.join(row))

    assert _education(_docx(tmp_path, fill)) == [("JNTU Hyderabad", "B.Tech (CSE)"), ("IIM Indore", "MBA (Finance)")]


@pytest.mark.parametrize(("line", "institution", "credential"), [
    ("FSc (Pre-Engineering), Punjab Group of Colleges, 2012", "Punjab Group of Colleges", "FSc (Pre-Engineering)"),
    ("HSSC, Kellerton Group of Institutions, 2010", "Kellerton Group of Institutions", "HSSC"),
])
def test_south_asian_intermediate_certificates(tmp_path: Path, line: str, institution: str, credential: str) -> None:
    """'FSc (Pre-Engineering), Punjab Group of Colleges, 2012' under a degree: the intermediate certificate and the
    group of colleges that awarded it are an entry (it was lost: neither was a known word)."""
    def fill(doc: Any) -> None:
        doc.add_paragraph().add_run("Education").bold = True
        doc.add_paragraph("BS (CS), National University of Computer and Emerging Sciences, 2016")
        doc.add_paragraph(line)

    got = _education(_docx(tmp_path, fill))
    assert got[1:] == [(institution, credential)]


# --- month names inside names of places and schools; Portuguese "da" inside a field ------------------------------

def _text_profile(tmp_path: Path, text: str) -> Any:
    path = tmp_path / "cv.txt"
    path.write_text("Ana Souza\nana@example.com\n\n" + text, encoding="utf-8")
    return parse_document(ingest_path(path), today=TODAY)


def test_a_month_inside_a_place_name_is_no_date(tmp_path: Path) -> None:
    """'Universidade Federal do Rio de Janeiro, 2018' ended in January 2018 and the school lost 'Janeiro'."""
    p = _text_profile(tmp_path, "EDUCATION\nMestrado em Engenharia de Produção, Universidade Federal do Rio de "
                                "Janeiro, 2018\nLicenciatura en Historia, Universidad Nacional de Tres de Febrero, "
                                "2012\n\nEXPERIENCE\nDesenvolvedor, Globo — Rio de Janeiro, Março de 2015 – Dezembro "
                                "de 2017\n")
    assert [(e.institution, str(e.end)) for e in p.education] == [
        ("Universidade Federal do Rio de Janeiro", "2018"), ("Universidad Nacional de Tres de Febrero", "2012")]
    assert [(r.title, r.employer, str(r.start), str(r.end)) for r in p.roles] == [
        ("Desenvolvedor", "Globo", "2015-03", "2017-12")]


@pytest.mark.parametrize(("line", "credential", "institution"), [
    ("Bacharelado em Ciência da Computação — Universidade de São Paulo, 2015",
     "Bacharelado em Ciência da Computação", "Universidade de São Paulo"),
    ("Bacharel em Direito da Universidade de Lisboa, 2010", "Bacharel em Direito", "Universidade de Lisboa"),
])
def test_portuguese_da_joins_a_field_and_links_a_school(tmp_path: Path, line: str, credential: str,
                                                        institution: str) -> None:
    """'Ciência da Computação' was cut at 'da' (read as 'from the … school')."""
    p = _text_profile(tmp_path, "EDUCATION\n" + line + "\n")
    assert [(e.credential, e.institution) for e in p.education] == [(credential, institution)]
