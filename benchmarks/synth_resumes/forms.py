"""Layout kinds of form-like and regional CVs and of several positions under one employer: the tabular German/Austrian
Lebenslauf (dates in the left cell, the job and its description in plain paragraphs in the right one), the 2013
Europass CV (a "Business or sector" line closing each entry), the classic Europass label column ("Occupation or
position held | …", "Name and address of employer | …") in English, German, French or Spanish, day-precision dotted
dates ("01.03.2019 – 31.12.2021"), an employer's line over its positions (promotions), LinkedIn's PDF export, and
dates in the applicant's own language ("mei 2017 – heden", "marzec 2019 – obecnie")."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import dates as d
from . import parts as pt
from .kinds import Made, Recipe, flow
from .people import TITLES, Job, Person, Span
from .people import school as invent_school
from .writers import Line, add_lines, docx_document, write_pdf, write_pdf_or_docx

STREETS = ("Main Street", "Station Road", "Hauptstraße", "Rue du Marché", "Calle Mayor", "Rua Nova", "Market Square")


def _row(table: Any) -> tuple[Any, Any]:
    cells = table.add_row().cells
    return cells[0], cells[1]


def _plain(bullet: str) -> str:
    """A description paragraph as tabular CVs write it: no bullet, no full stop."""
    return bullet.rstrip(".")


def docx_lebenslauf_table(p: Person, rng: random.Random, stem: Path) -> Made:
    """A two-column table, one row per job: "seit 03/2020" or "03.2017 – 02.2020" left; "Title, Employer, City"
    (or the title, then "Employer, City") and one or two description paragraphs with neither bullet nor full stop
    right."""
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    doc = docx_document()
    heading = rng.choice(("Berufserfahrung", "Beruflicher Werdegang", "Work Experience", "Berufspraxis"))
    add_lines(doc, s.contact + s.skills + [Line(heading, "heading")])
    table = doc.add_table(rows=0, cols=2)
    one_line = rng.random() < 0.5
    roles = []
    for job in p.jobs:
        when = d.german_numeric(job.span, rng)
        left, right = _row(table)
        left.text = when.text
        where = f"{job.company}, {job.city}"
        head = [f"{job.title}, {where}"] if one_line else [job.title, where]
        add_lines(right, [Line(h) for h in head] + [Line(_plain(b)) for b in job.bullets[:2]], right.paragraphs[0])
        roles.append({**pt.role_gold(job, when), "location": job.city})
    add_lines(doc, s.education + s.languages)
    doc.save(str(path := stem.with_suffix(".docx")))
    return Made(path, roles, edu_gold)


def docx_europass_2013(p: Person, rng: random.Random, stem: Path) -> Made:
    """The 2013 Europass CV: a table row per job, the dates left ("Apr 2021–Present"), the title, "Employer, City
    (Country)", "▪ task" lines and "Business or sector …" right."""
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    doc = docx_document()
    add_lines(doc, s.contact + [Line("WORK EXPERIENCE", "heading")])
    table = doc.add_table(rows=0, cols=2)
    roles = []
    for job in p.jobs:
        when = rng.choice((d.short_month, d.numeric_month))(job.span, rng)
        left, right = _row(table)
        left.text = when.text
        lines = [Line(job.title), Line(f"{job.company}, {job.city} ({job.region})")]
        lines += [Line(f"▪ {_plain(b).lower()}") for b in job.bullets]
        lines.append(Line(f"Business or sector {rng.choice(('Information and communication', 'Financial services', 'Manufacturing'))}"))
        add_lines(right, lines, right.paragraphs[0])
        roles.append(pt.role_gold(job, when))
    add_lines(doc, s.education + s.skills + s.languages)
    doc.save(str(path := stem.with_suffix(".docx")))
    return Made(path, roles, edu_gold)


# the classic Europass CV's labels: dates, title, activities, employer, sector, the section's heading
EUROPASS_LABELS = {
    "en": ("Dates", "Occupation or position held", "Main activities and responsibilities",
           "Name and address of employer", "Type of business or sector", "Work experience"),
    "de": ("Zeitraum", "Beruf oder Funktion", "Wichtigste Tätigkeiten und Zuständigkeiten",
           "Name und Adresse des Arbeitgebers", "Tätigkeitsbereich oder Branche", "Berufserfahrung"),
    "fr": ("Dates", "Fonction ou poste occupé", "Principales activités et responsabilités",
           "Nom et adresse de l'employeur", "Type ou secteur d'activité", "Expérience professionnelle"),
    "es": ("Fechas", "Profesión o cargo desempeñado", "Funciones y responsabilidades principales",
           "Nombre y dirección de la empresa o empleador", "Tipo de empresa o sector", "Experiencia laboral"),
}


def _address(job: Job, rng: random.Random) -> str:
    return f"{rng.choice(STREETS)} {rng.randint(1, 120)}, {rng.randint(10000, 99999)} {job.city} ({job.region})"


def docx_europass_labels(p: Person, rng: random.Random, stem: Path) -> Made:
    """The classic Europass CV: per job a label column beside the values ("Dates | 03/2015 – 12/2018",
    "Occupation or position held | …", "Main activities and responsibilities | …", "Name and address of employer |
    Employer, street, postcode City (Country)", "Type of business or sector | …"), one table per job or one for all,
    or the same as "Label: value" paragraphs."""
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    labels = EUROPASS_LABELS[rng.choice(sorted(EUROPASS_LABELS))]
    doc = docx_document()
    add_lines(doc, s.contact + s.summary + [Line(labels[5], "heading")])
    style = rng.choice((d.numeric_month, d.long_month, d.short_month))
    shape = rng.choice(("table per job", "one table", "paragraphs"))
    table = doc.add_table(rows=0, cols=2) if shape == "one table" else None
    roles = []
    for job in p.jobs:
        when = style(job.span, rng)
        values = (when.text, job.title, "; ".join(_plain(b) for b in job.bullets), f"{job.company}, {_address(job, rng)}",
                  rng.choice(("Information technology", "Banking", "Logistics")))
        if shape == "table per job":
            table = doc.add_table(rows=0, cols=2)
        for label, value in zip(labels, values, strict=False):
            if table is None:
                doc.add_paragraph(f"{label}: {value}")
            else:
                left, right = _row(table)
                left.text, right.text = label, value
        roles.append({**pt.role_gold(job, when), "location": f"{job.city}, {job.region}"})
    add_lines(doc, s.education + s.skills + s.languages)
    doc.save(str(path := stem.with_suffix(".docx")))
    return Made(path, roles, edu_gold)


# --- several positions under one employer ------------------------------------------------------------------------

def _positions(job: Job, rng: random.Random) -> list[Job]:
    """The job as one position, or (a job of two years or more, often) two: a promotion half-way, newest first."""
    months = d.months_of(job.span)
    if months < 24 or rng.random() < 0.35:
        return [job]
    cut = job.span.start[0] * 12 + job.span.start[1] - 1 + months // 2  # the earlier position's last month
    earlier_end = (cut // 12, cut % 12 + 1)
    later_start = ((cut + 1) // 12, (cut + 1) % 12 + 1)
    earlier_title = rng.choice([t for t in TITLES if t != job.title])
    return [replace(job, span=Span(later_start, job.span.end)),
            replace(job, title=earlier_title, span=Span(job.span.start, earlier_end))]


def docx_positions_under_employer(p: Person, rng: random.Random, stem: Path) -> Made:
    """Each employer on a line of its own (with its city after a tab or a dash, or its whole time after a tab), then
    its positions, each a title with its own dates (after a tab, or in brackets) and bullets."""
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    style = rng.choice((d.short_month, d.long_month, d.numeric_month))
    shape = rng.choice(("city after a tab", "city after a dash", "dates after a tab"))
    bracketed = rng.random() < 0.5
    lines = s.contact + s.summary + s.skills + [Line(rng.choice(("Work Experience", "EXPERIENCE")), "heading")]
    roles = []
    for job in p.jobs:
        positions = _positions(job, rng)
        if shape == "city after a tab":
            lines.append(Line(job.company, "strong", right=job.city))
        elif shape == "city after a dash":
            lines.append(Line(f"{job.company} — {job.city}", "strong"))
        else:
            lines.append(Line(job.company, "strong", right=style(job.span, rng).text))
        for pos in positions:
            when = style(pos.span, rng)
            lines.append(Line(f"{pos.title} ({when.text})") if bracketed else Line(pos.title, right=when.text))
            lines += [Line(b, "bullet") for b in pos.bullets[:2]]
            roles.append(pt.role_gold(pos, when))
    lines += s.education + s.languages
    path = stem.with_suffix(".docx")
    doc = docx_document()
    add_lines(doc, lines)
    doc.save(str(path))
    return Made(path, roles, edu_gold)


def pdf_linkedin_export(p: Person, rng: random.Random, stem: Path) -> Made:
    """LinkedIn's "Save to PDF": a side column (contact, top skills, languages) and the main column with each
    company, its total time when it lists several positions, then per position the title, "May 2022 - Present (3
    years 9 months)", the place and the description; education as "School" / "Degree, Field · (2011 - 2015)"."""
    side = [Line("Contact", "heading"), Line(p.email), Line("Top Skills", "heading"),
            *[Line(k) for k in p.skills[:3]], Line("Languages", "heading"), *[Line(x) for x in p.languages]]
    main = [Line(p.name, "name"), Line(f"{p.jobs[0].title} at {p.jobs[0].company}"), Line(p.city),
            Line("Summary", "heading"), Line(p.summary), Line("Experience", "heading")]
    roles = []
    for job in p.jobs:
        positions = _positions(job, rng)
        main.append(Line(job.company, "strong"))
        if len(positions) > 1:
            main.append(Line(d.duration(d.months_of(job.span))))
        for pos in positions:
            when = d.linkedin(pos.span, rng)
            main += [Line(pos.title), Line(when.text), Line(f"{pos.city}, {pos.region}")]
            main += [Line(b) for b in pos.bullets[:1]]
            roles.append(pt.role_gold(pos, when))
    main.append(Line("Education", "heading"))
    edu_gold: list[pt.Gold] = []
    for school in p.schools:
        field = f", {school.field}" if school.field else ""
        main += [Line(school.institution, "strong"), Line(f"{school.credential}{field} · ({school.start} - {school.end})")]
        edu_gold.append({"institution": school.institution, "credential": school.credential,
                         "field": school.field or None, "end": str(school.end), "country": school.country,
                         "kind": school.kind})
    write_pdf(path := stem.with_suffix(".pdf"), main, side)
    return Made(path, roles, edu_gold)


def local_language_dates(p: Person, rng: random.Random, stem: Path) -> Made:
    """A one-column résumé whose dates keep the applicant's own language: Dutch, Polish, Swedish or Norwegian month
    names and "present" words ("mei 2017 – heden", "marzec 2019 – obecnie"); DOCX only (the PDF writer's standard
    fonts have no "ń" or "ź")."""
    return flow(Recipe(dates=d.local_months(rng.choice(sorted(d.LOCAL_MONTHS))), pdf_share=0.0))(p, rng, stem)


def europass_2020(p: Person, rng: random.Random, stem: Path) -> Made:
    """The 2020 Europass CV (online editor, DOCX or PDF): day-first dates; per job either "01/03/2019 – CURRENT
    Berlin, Germany" over "TITLE – EMPLOYER" in capitals, or "[ 01/03/2019 – Current ] Title" over the employer and
    "City: … | Country: …"."""
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    bracketed = rng.random() < 0.5
    lines = s.contact + s.summary + [Line("WORK EXPERIENCE", "heading")]
    roles = []
    for job in p.jobs:
        when = d.day_first_slash(job.span, rng)
        if bracketed:
            lines += [Line(f"[ {when.text} ] {job.title}", "strong"), Line(job.company),
                      Line(f"City: {job.city} | Country: {job.region}")]
        else:
            lines += [Line(f"{when.text} {job.city}, {job.region}"),
                      Line(f"{job.title} – {job.company}".upper(), "strong")]
        lines += [Line(b, "bullet") for b in job.bullets]
        roles.append(pt.role_gold(job, when))
    lines += s.education + s.skills + s.languages
    path = write_pdf_or_docx(stem, lines, rng, 0.5)
    return Made(path, roles, edu_gold)


INDIAN_CITIES = ("Pune", "Bengaluru", "Hyderabad", "Chennai", "Noida", "Gurugram", "Kolkata", "Ahmedabad")


def _indian_job_lines(job: Job, when: d.Written, shape: str, labels: tuple[str, str, str],
                      rng: random.Random) -> list[Line]:
    if shape == "labels":
        employer, title, dates = labels
        head = [f"{employer}: {job.company}, {job.city}", f"{title}: {job.title}", f"{dates}: {when.text}"]
        return [Line(h) for h in head] + [Line("Responsibilities:")] + [Line(b, "bullet") for b in job.bullets]
    start, _, end = when.text.partition(" to ") if " to " in when.text else when.text.partition(
        " – " if " – " in when.text else " - ")
    if job.span.end is None:
        opener = rng.choice((f"Working as {job.title} at {job.company}, {job.city}",
                             f"Currently working with {job.company}, {job.city} as {job.title}"))
    else:
        opener = rng.choice((f"Worked as {job.title} at {job.company}, {job.city}",
                             f"Previously worked with {job.company}, {job.city} as a {job.title}"))
    return [Line(f"{opener} from {start} to {end}.", "bullet")] + [Line(b, "bullet") for b in job.bullets[:1]]


def _indian_education(p: Person, rng: random.Random, doc: Any | None) -> tuple[list[Line], list[pt.Gold]]:
    """Degrees as "B.Sc. in Physics from Ashvale University with 8.4 CGPA (2012-2016)" or "… from … in 2016,
    secured 72%" lines, or (in a DOCX) a "Qualification | Institute / University | Year | Percentage / CGPA" table;
    programmes in the common shapes."""
    lines: list[Line] = []
    gold: list[pt.Gold] = []
    table = None
    if doc is not None and rng.random() < 0.5:
        table = doc.add_table(rows=1, cols=4)
        for cell, label in zip(table.rows[0].cells, ("Qualification", "Institute / University", "Year",
                                                      "Percentage / CGPA"), strict=True):
            cell.text = label
    for school in p.schools:
        gold.append({"institution": school.institution, "credential": school.credential, "field": school.field or None,
                     "end": str(school.end), "country": school.country, "kind": school.kind})
        grade = rng.choice((f"{rng.randint(60, 92)}%", f"{rng.randint(60, 95) / 10:.1f} CGPA"))
        if school.kind == "program":
            lines += [Line(t) for t in pt.school_lines(school, rng)]
        elif table is not None:
            values = (f"{school.credential} ({school.field})", school.institution, str(school.end), grade)
            for cell, value in zip(table.add_row().cells, values, strict=True):
                cell.text = value
        elif grade.endswith("CGPA"):
            lines.append(Line(f"{school.credential} in {school.field} from {school.institution} with {grade} "
                              f"({school.start}-{school.end})"))
        else:
            lines.append(Line(f"{school.credential} ({school.field}) from {school.institution} in {school.end}, "
                              f"secured {grade}"))
    return lines, gold


def indian_cv(p: Person, rng: random.Random, stem: Path) -> Made:
    """An Indian résumé: its roles as labelled fields above their dates ("Organisation: …" / "Designation: …" /
    "Duration: March 2019 to Till Date"), as sentences ("Working as … at …, Pune from March 2019 to till date."), or
    (DOCX) an "S.No | Organisation | Designation | From | To" table under "Employment Details"; degrees with their
    grade after the school ("… from … with 8.4 CGPA (2012-2016)") or in a qualification table."""
    p = replace(p, jobs=tuple(replace(j, city=rng.choice(INDIAN_CITIES), region="India") for j in p.jobs))
    pdf = rng.random() < 0.3
    shape = rng.choice(("labels", "sentences") if pdf else ("labels", "sentences", "table"))
    labels = (rng.choice(("Organisation", "Company Name", "Company", "Employer")),
              rng.choice(("Designation", "Role", "Position")), rng.choice(("Duration", "Period")))
    s = pt.sections(p, rng, [])
    heading = "Employment Details" if shape == "table" else rng.choice(
        ("Professional Experience", "Work Experience", "Employment Details", "Experience"))
    doc = None if pdf else docx_document()
    lines = s.contact + s.summary + s.skills + [Line(heading, "heading")]
    roles = []
    table = None
    if doc is not None:
        add_lines(doc, lines)
        lines = []
        if shape == "table":
            table = doc.add_table(rows=1, cols=5)
            for cell, label in zip(table.rows[0].cells, ("S.No", "Organisation", "Designation", "From", "To"),
                                   strict=True):
                cell.text = label
    for n, job in enumerate(p.jobs, 1):
        when = d.indian(job.span, rng)
        roles.append(pt.role_gold(job, when))
        if table is not None:
            start, _, end = when.text.partition(" to ") if " to " in when.text else when.text.partition(
                " – " if " – " in when.text else " - ")
            for cell, value in zip(table.add_row().cells, (str(n), job.company, job.title, start, end), strict=True):
                cell.text = value
        else:
            lines += _indian_job_lines(job, when, shape, labels, rng)
    education_heading = Line(rng.choice(("Educational Qualifications", "Academic Qualifications", "Education")),
                             "heading")
    if doc is None:
        edu_lines, edu_gold = _indian_education(p, rng, None)
        write_pdf(path := stem.with_suffix(".pdf"), lines + [education_heading] + edu_lines + s.languages)
        return Made(path, roles, edu_gold)
    add_lines(doc, lines + [education_heading])
    edu_lines, edu_gold = _indian_education(p, rng, doc)
    add_lines(doc, edu_lines + s.languages)
    doc.save(str(path := stem.with_suffix(".docx")))
    return Made(path, roles, edu_gold)


ACADEMIC_TITLES = ("Postdoctoral Fellow", "Postdoctoral Researcher", "Research Assistant", "Teaching Assistant",
                   "Lecturer", "Assistant Professor", "Research Scientist", "Visiting Researcher")
ACADEMIC_UNITS = ("Department of Physics", "Department of Computer Science", "School of Engineering",
                  "Faculty of Science", "School of Computing", "Centre for Data Science", "Institute for Materials")
ACADEMIC_HEADINGS = ("Academic Appointments", "Academic Positions", "Research Positions", "Appointments",
                     "Professional Appointments", "Employment")
ADVISERS = ("advisor: Prof. Jane Doe", "supervisor: Dr. A. Petrenko", "thesis: Quantum transport in graphene",
            "advisor: Prof. K. Tanaka")


def academic_cv(p: Person, rng: random.Random, stem: Path) -> Made:
    """An academic CV: appointments with their years in a left column ("2019–present<TAB>Postdoctoral Fellow,
    Department of Physics, University of Tessaly") or after the line, at universities and institutes, often with the
    department before the institution; degrees as "2012–2017<TAB>Ph.D. in Physics, University of Glenmoor (advisor:
    Prof. …)"."""
    jobs = []
    for job in p.jobs:
        employer = invent_school(rng, 2020).institution
        jobs.append(replace(job, title=rng.choice(ACADEMIC_TITLES), company=employer))
    p = replace(p, jobs=tuple(jobs), schools=tuple(s for s in p.schools if s.kind == "degree") or p.schools)
    s = pt.sections(p, rng, [])
    years_first = rng.random() < 0.6
    lines = s.contact + s.summary + [Line(rng.choice(ACADEMIC_HEADINGS), "heading")]
    roles = []
    for job in p.jobs:
        when = d.years(job.span, rng)
        unit = f"{rng.choice(ACADEMIC_UNITS)}, " if rng.random() < 0.6 else ""
        head = f"{job.title}, {unit}{job.company}"
        lines.append(Line(f"{when.text}\t{head}" if years_first else f"{head}, {when.text}"))
        lines += [Line(b, "bullet") for b in job.bullets[:1]]
        roles.append(pt.role_gold(job, when))
    lines.append(Line("Education", "heading"))
    edu_gold: list[pt.Gold] = []
    for entry in p.schools:
        note = f" ({rng.choice(ADVISERS)})" if rng.random() < 0.5 else ""
        field = f" in {entry.field}" if entry.field else ""
        lines.append(Line(f"{entry.start}–{entry.end}\t{entry.credential}{field}, {entry.institution}{note}"))
        edu_gold.append({"institution": entry.institution, "credential": entry.credential,
                         "field": entry.field or None, "end": str(entry.end), "country": entry.country,
                         "kind": entry.kind})
    lines += s.skills + s.languages
    doc = docx_document()
    add_lines(doc, lines)
    doc.save(str(path := stem.with_suffix(".docx")))
    return Made(path, roles, edu_gold)


US_PLACES = (("Austin", "TX", "78701"), ("Denver", "CO", "80202"), ("Raleigh", "NC", "27601"),
             ("Baltimore", "MD", "21201"), ("Pittsburgh", "PA", "15222"), ("Worcester", "MA", "01608"))
STREET_NAMES = ("Main St", "Oak Ave", "N. Lamar Blvd", "Market Street", "Elm Road", "Commerce Drive")


def _federal_entry(job: Job, when: d.Written, shape: str, rng: random.Random) -> list[Line]:
    street = f"{rng.randint(10, 2400)} {rng.choice(STREET_NAMES)}"
    hours = f"Hours per week: {rng.choice((40, 40, 32, 20))}"
    salary = f"Salary: {rng.randint(45, 140)},000 USD Per Year"
    if shape == "builder":
        head = [Line(job.company, "strong"), Line(f"{job.city}, {job.region} United States"), Line(when.text),
                Line(salary), Line(hours), Line(job.title, "strong")]
    elif shape == "address":
        head = [Line(f"{job.title}, {when.text}", "strong"),
                Line(f"{job.company}, {street}, {job.city}, {job.region} {rng.choice(US_PLACES)[2]}"),
                Line(f"{hours}; {salary}"), Line(f"Supervisor: Dana Whitfield, (512) 555-{rng.randint(1000, 9999)}; "
                                                 "may contact")]
    else:
        head = [Line(job.company, "strong", right=when.text),
                Line(f"{job.city}, {job.region} US", right=f"Grade Level: GS-{rng.randint(7, 14)}"),
                Line(salary, right=hours), Line(job.title, "strong")]
    body = [Line("Duties, Accomplishments and Related Skills:")] if shape != "address" else []
    return head + body + [Line(b, "bullet" if shape == "address" else "text") for b in job.bullets]


def federal_resume(p: Person, rng: random.Random, stem: Path) -> Made:
    """A U.S. federal résumé: per job the employer, its place, the dates, "Salary: …" and "Hours per week: 40", then
    the title and "Duties, Accomplishments and Related Skills:" (as the USAJOBS builder writes it, sometimes with
    the dates and grade level flush right), or "Title, 03/2019 - Present" over "Employer, 100 Main St, Austin, TX
    78701", hours, salary and supervisor lines."""
    jobs = []
    for job in p.jobs:
        city, region, _ = rng.choice(US_PLACES)
        jobs.append(replace(job, city=city, region=region))
    p = replace(p, jobs=tuple(jobs))
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    shape = rng.choice(("builder", "address", "tabbed"))
    style = rng.choice((d.numeric_month, d.short_month)) if shape == "address" else d.numeric_month
    lines = s.contact + s.summary + [Line(rng.choice(("Work Experience", "Professional Experience")), "heading")]
    roles = []
    for job in p.jobs:
        when = style(job.span, rng)
        lines += _federal_entry(job, when, shape, rng)
        roles.append(pt.role_gold(job, when))
    lines += s.education + s.skills
    path = write_pdf_or_docx(stem, lines, rng, 0.3)
    return Made(path, roles, edu_gold)


ATS_LABELS = (("Job Title", "Company", "Location", "Start Date", "End Date", "Description"),
              ("Position", "Employer", "Location", "From", "To", "Responsibilities"),
              ("Title", "Company Name", "City", "Start date", "End date", "Role Description"))


def ats_profile_export(p: Person, rng: random.Random, stem: Path) -> Made:
    """A profile exported from an applicant tracking system or pasted from an application form: per job labelled
    lines ("Job Title: …", "Company: …", "Location: …", "Start Date: 03/2019", "End Date: Present", "Description:
    …"), each end of the range on a line of its own."""
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    labels = rng.choice(ATS_LABELS)
    fmt = rng.choice((lambda ym: f"{ym[1]:02d}/{ym[0]}", lambda ym: f"{d.MONTHS[ym[1] - 1]} {ym[0]}",
                      lambda ym: f"{d.MONTHS[ym[1] - 1][:3]} {ym[0]}"))
    lines = s.contact + s.summary + [Line(rng.choice(("Work History", "Work Experience", "Employment")), "heading")]
    roles = []
    for job in p.jobs:
        first = fmt(job.span.start)
        last = fmt(job.span.end) if job.span.end else rng.choice(("Present", "Current"))
        when = d.Written((f"{first} – {last}",), d.ym(job.span.start), d.ym(job.span.end) if job.span.end else "present")
        values = (job.title, job.company, f"{job.city}, {job.region}", first, last, job.bullets[0])
        lines += [Line(f"{label}: {value}") for label, value in zip(labels, values, strict=True)]
        roles.append(pt.role_gold(job, when))
    lines += s.education + s.skills + s.languages
    path = write_pdf_or_docx(stem, lines, rng, 0.3)
    return Made(path, roles, edu_gold)


FORM_KINDS = {
    "docx_lebenslauf_table": docx_lebenslauf_table,
    "docx_europass_2013": docx_europass_2013,
    "docx_europass_labels": docx_europass_labels,
    "day_dotted_dates": flow(Recipe(dates=d.day_dotted)),
    "docx_positions_under_employer": docx_positions_under_employer,
    "pdf_linkedin_export": pdf_linkedin_export,
    "local_language_dates": local_language_dates,
    "europass_2020": europass_2020,
    "indian_cv": indian_cv,
    "academic_cv": academic_cv,
    "federal_resume": federal_resume,
    "ats_profile_export": ats_profile_export,
}
