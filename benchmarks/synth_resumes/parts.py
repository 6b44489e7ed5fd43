"""The parts a résumé is built from, each with its gold: a job's title/employer line(s) in the many orders and
separators people use, where its dates go, and education entries in their usual shapes."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from .dates import Written
from .people import Job, Person, School
from .writers import Line

Gold = dict[str, object]


# --- title and employer ------------------------------------------------------------------------------------------

def _where(job: Job) -> str:
    return f"{job.city}, {job.region}"


def title_then_company_line(job: Job, rng: random.Random) -> list[str]:
    return [job.title, f"{job.company}, {_where(job)}" if rng.random() < 0.7 else job.company]


def title_comma_company(job: Job, rng: random.Random) -> list[str]:
    return [f"{job.title}, {job.company}" + (f", {_where(job)}" if rng.random() < 0.5 else "")]


def title_dash_company(job: Job, rng: random.Random) -> list[str]:
    return [f"{job.title} {rng.choice(('—', '–', '-'))} {job.company}"]


def company_comma_title(job: Job, rng: random.Random) -> list[str]:
    return [f"{job.company}, {job.title}"]


def title_at_company(job: Job, rng: random.Random) -> list[str]:
    return [f"{job.title} at {job.company}" + (f", {_where(job)}" if rng.random() < 0.5 else "")]


def pipes(job: Job, rng: random.Random) -> list[str]:
    return [f"{job.title} | {job.company} | {job.city}"]


def company_line_then_title(job: Job, rng: random.Random) -> list[str]:
    return [f"{job.company} — {job.city}" if rng.random() < 0.5 else job.company, job.title]


def company_city_in_parentheses(job: Job, rng: random.Random) -> list[str]:
    if rng.random() < 0.5:
        return [f"{job.title}, {job.company} ({job.city})"]
    return [f"{job.company} ({job.city})", job.title]


def title_company_city_parentheses(job: Job, rng: random.Random) -> list[str]:
    return [f"{job.title}, {job.company} ({job.city})"]


def capitals_city_below(job: Job, rng: random.Random) -> list[str]:
    """"FULL STACK JAVA DEVELOPER ACME LTD" with the city alone on the next line."""
    return [f"{job.title} {job.company}".upper(), job.city.upper()]


Header = Callable[[Job, random.Random], list[str]]
NEUTRAL_HEADERS: tuple[Header, ...] = (title_then_company_line, title_comma_company, title_dash_company)


# --- where the dates go ------------------------------------------------------------------------------------------

def dates_before(head: list[str], when: Written, rng: random.Random) -> list[Line]:
    return [Line(t) for t in when.lines] + [Line(h) for h in head]


def dates_below(head: list[str], when: Written, rng: random.Random) -> list[Line]:
    return [Line(h) for h in head[:1]] + [Line(t) for t in when.lines] + [Line(h) for h in head[1:]]


def dates_after(head: list[str], when: Written, rng: random.Random) -> list[Line]:
    """On the header's last line, after the text ("Title, Company — 2019 – 2021")."""
    return [Line(h) for h in head[:-1]] + [Line(f"{head[-1]}{rng.choice((', ', ' — ', '  '))}{when.text}")]


def dates_beside(head: list[str], when: Written, rng: random.Random) -> list[Line]:
    """Flush right on the first header line (a tab stop)."""
    return [Line(head[0], right=when.text)] + [Line(h) for h in head[1:]]


def dates_colon_bullet(head: list[str], when: Written, rng: random.Random) -> list[Line]:
    """"2017 – 2020: Title, Company (City)" as one bullet."""
    return [Line(f"{when.text}: {', '.join(head)}", kind="bullet")]


Placement = Callable[[list[str], Written, random.Random], list[Line]]
NEUTRAL_PLACEMENTS: tuple[Placement, ...] = (dates_before, dates_below, dates_beside)


def role_gold(job: Job, when: Written | None) -> Gold:
    return {"title": job.title, "company": job.company, "start": when.start if when else None,
            "end": when.end if when else None, "location": _where(job)}


# --- education ---------------------------------------------------------------------------------------------------

def _place(s: School) -> str:
    return f"{s.city}, {s.region}"


def school_lines(s: School, rng: random.Random) -> list[str]:
    if s.kind == "program":
        return rng.choice((
            [f"{s.credential} Bootcamp — {s.institution}, {s.end}"],
            [s.institution, f"{s.credential} (intensive programme), {s.end}"],
            [f"{s.end}  {s.credential}, {s.institution} ({s.city})"],
        ))
    cred_field = rng.choice((f"{s.credential} in {s.field}", f"{s.credential}, {s.field}", f"{s.credential} {s.field}"))
    shapes = [
        [cred_field, f"{s.institution}, {_place(s)}", f"{s.start} – {s.end}"],
        [f"{s.institution} — {s.credential}, {s.field}, {s.end}"],
        [f"{s.start} – {s.end}  {cred_field}, {s.institution} ({s.country})"],
        [s.institution, cred_field, f"Graduated {s.end}"],
        [f"{s.institution}, {_place(s)}", f"{cred_field}, {s.end}"],
    ]
    if s.specialisation:
        shapes.append([cred_field, f"Specialization in {s.specialisation}", s.institution, str(s.end)])
    return rng.choice(shapes)


def education(p: Person, rng: random.Random) -> tuple[list[Line], list[Gold]]:
    lines: list[Line] = []
    gold: list[Gold] = []
    for s in p.schools:
        lines += [Line(t) for t in school_lines(s, rng)]
        gold.append({"institution": s.institution, "credential": s.credential, "field": s.field or None,
                     "end": str(s.end), "country": s.country, "kind": s.kind})
    return lines, gold


@dataclass(frozen=True)
class Sections:
    """The parts of one résumé around its work history, as lines."""

    contact: list[Line]
    summary: list[Line]
    skills: list[Line]
    languages: list[Line]
    education: list[Line]


def sections(p: Person, rng: random.Random, education_lines: list[Line]) -> Sections:
    contact = [Line(p.name, "name"), Line(p.headline), Line(f"{p.email} | {p.phone} | {p.city}")]
    skills_heading = rng.choice(("Skills", "SKILLS", "Technical Skills", "Professional Skills"))
    return Sections(
        contact=contact,
        summary=[Line(rng.choice(("Summary", "PROFILE", "About me")), "heading"), Line(p.summary)],
        skills=[Line(skills_heading, "heading"), Line(", ".join(p.skills))],
        languages=[Line(rng.choice(("Languages", "LANGUAGES")), "heading")] + [Line(t) for t in p.languages],
        education=[Line(rng.choice(("Education", "EDUCATION", "Education and Training")), "heading")]
        + education_lines,
    )
