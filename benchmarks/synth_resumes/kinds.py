"""The layout kinds of the synthetic benchmark, one generator per kind, registered in ``KINDS``.

A kind writes one résumé for a ``Person`` at ``stem`` (adding the suffix it needs) and returns the file with its
gold roles and education. Kinds that test a way of writing (a date style, an order of title and employer, a
heading) vary only that and pick the rest from well-trodden shapes, so a kind's figure shows that one thing.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import dates as d
from . import parts as pt
from .people import DEGREE_LIKE_STATES, Job, Person, Span, school
from .writers import Line, add_broken_paragraph, add_lines, add_text_box, docx_document, write_pdf

EXPERIENCE_HEADINGS = ("Work Experience", "EXPERIENCE", "Professional Experience", "Employment History")
UNUSUAL_HEADINGS = ("Where I've worked", "Career", "Professional Background", "Career Path", "My journey so far")


@dataclass(frozen=True)
class Made:
    file: Path
    roles: list[pt.Gold]
    education: list[pt.Gold]


Kind = Callable[[Person, random.Random, Path], Made]


@dataclass(frozen=True)
class Recipe:
    """How a kind writes each job; None picks a well-trodden choice per document."""

    header: pt.Header | None = None
    dates: d.Style | None = None
    placement: pt.Placement | None = None
    headings: tuple[str, ...] = EXPERIENCE_HEADINGS
    undated: bool = False
    pdf_share: float = 0.3  # share of the documents written as a PDF instead of a DOCX


@dataclass(frozen=True)
class Entry:
    head: list[Line]  # title, employer and dates
    body: list[Line]  # the description bullets
    gold: pt.Gold


def entries(p: Person, rng: random.Random, recipe: Recipe) -> list[Entry]:
    header = recipe.header or rng.choice(pt.NEUTRAL_HEADERS)
    style = recipe.dates or rng.choice(d.NEUTRAL)
    placement = recipe.placement or rng.choice(pt.NEUTRAL_PLACEMENTS)
    bold = rng.random() < 0.5  # many résumés set the job's first line in bold
    out = []
    for job in p.jobs:
        head = header(job, rng)
        body = [Line(b, "bullet") for b in job.bullets]
        when = None if recipe.undated else style(job.span, rng)
        lines = [Line(h) for h in head] if when is None else placement(head, when, rng)
        if bold:
            lines = [replace(x, kind="strong") if x.text == head[0] and x.kind == "text" else x for x in lines]
        out.append(Entry(lines, body, pt.role_gold(job, when)))
    return out


def _experience(p: Person, rng: random.Random, recipe: Recipe) -> tuple[list[Line], list[pt.Gold]]:
    lines = [Line(rng.choice(recipe.headings), "heading")]
    roles = entries(p, rng, recipe)
    for e in roles:
        lines += e.head + e.body
    return lines, [e.gold for e in roles]


def flow(recipe: Recipe) -> Kind:
    """A one-column résumé (DOCX paragraphs, or a PDF) whose jobs are written as ``recipe`` says."""

    def make(p: Person, rng: random.Random, stem: Path) -> Made:
        edu_lines, edu_gold = pt.education(p, rng)
        s = pt.sections(p, rng, edu_lines)
        experience, roles = _experience(p, rng, recipe)
        lines = s.contact + s.summary + s.skills + experience + s.education + s.languages
        if rng.random() < recipe.pdf_share:
            path = stem.with_suffix(".pdf")
            write_pdf(path, lines)
        else:
            path = stem.with_suffix(".docx")
            doc = docx_document()
            add_lines(doc, lines)
            doc.save(str(path))
        return Made(path, roles, edu_gold)

    return make


# --- DOCX layouts ------------------------------------------------------------------------------------------------

def _cells(table: Any) -> tuple[Any, Any]:
    row = table.rows[0].cells
    return row[0], row[1]


def _table_roles(p: Person, rng: random.Random, target: Any) -> list[pt.Gold]:
    """One two-cell table per job: the dates (sometimes wrapped) on the left, title, employer and bullets right."""
    style = rng.choice((*d.NEUTRAL, d.wrapped))
    header = rng.choice(pt.NEUTRAL_HEADERS)
    gold = []
    for job in p.jobs:
        when = style(job.span, rng)
        left, right = _cells(target.add_table(rows=1, cols=2))
        add_lines(left, [Line(t) for t in when.lines], left.paragraphs[0])
        add_lines(right, [Line(h) for h in header(job, rng)] + [Line(b, "bullet") for b in job.bullets],
                  right.paragraphs[0])
        gold.append(pt.role_gold(job, when))
    return gold


def docx_table_per_role(p: Person, rng: random.Random, stem: Path) -> Made:
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    doc = docx_document()
    add_lines(doc, s.contact + s.summary + s.skills + [Line(rng.choice(EXPERIENCE_HEADINGS), "heading")])
    roles = _table_roles(p, rng, doc)
    add_lines(doc, s.education + s.languages)
    doc.save(str(path := stem.with_suffix(".docx")))
    return Made(path, roles, edu_gold)


def docx_nested_tables(p: Person, rng: random.Random, stem: Path) -> Made:
    """A two-cell layout table (side bar | main) whose main cell holds a table per job."""
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    doc = docx_document()
    add_lines(doc, s.contact[:2])
    side, main = _cells(doc.add_table(rows=1, cols=2))
    add_lines(side, s.contact[2:] + s.skills + s.languages, side.paragraphs[0])
    add_lines(main, s.summary + [Line(rng.choice(EXPERIENCE_HEADINGS), "heading")], main.paragraphs[0])
    roles = _table_roles(p, rng, main)
    add_lines(main, s.education)
    doc.save(str(path := stem.with_suffix(".docx")))
    return Made(path, roles, edu_gold)


def docx_text_boxes(p: Person, rng: random.Random, stem: Path) -> Made:
    """Contacts in a text box, each job in a text box of its own, the rest in the body."""
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    doc = docx_document()
    add_text_box(doc, s.contact, 1)
    add_lines(doc, s.summary + s.skills + [Line(rng.choice(EXPERIENCE_HEADINGS), "heading")])
    roles = entries(p, rng, Recipe())
    for i, e in enumerate(roles):
        add_text_box(doc, e.head + e.body, i + 2)
    add_lines(doc, s.education + s.languages)
    doc.save(str(path := stem.with_suffix(".docx")))
    return Made(path, [e.gold for e in roles], edu_gold)


def docx_header_content(p: Person, rng: random.Random, stem: Path) -> Made:
    """Name, headline and contacts in the page header (sometimes a header table), the résumé in the body."""
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    doc = docx_document()
    header = doc.sections[0].header
    if rng.random() < 0.5:
        add_lines(header, s.contact, header.paragraphs[0])
    else:
        left, right = _cells(header.add_table(rows=1, cols=2, width=doc.sections[0].page_width))
        add_lines(left, s.contact[:2], left.paragraphs[0])
        add_lines(right, [Line(t) for t in s.contact[2].text.split(" | ")], right.paragraphs[0])
    experience, roles = _experience(p, rng, Recipe())
    add_lines(doc, s.summary + s.skills + experience + s.education + s.languages)
    doc.save(str(path := stem.with_suffix(".docx")))
    return Made(path, roles, edu_gold)


def _column_lines(lines: list[Line], width: int) -> list[str]:
    """The lines a narrow PDF column shows: long ones wrapped, bullets marked."""
    out: list[str] = []
    for line in lines:
        text = f"• {line.text}" if line.kind == "bullet" else line.text
        out += textwrap.wrap(text, width) or [""]
    return out


def _side_lines(p: Person, s: pt.Sections) -> list[Line]:
    contact = [Line(t) for t in (p.email, p.phone, p.city)]
    skills = [s.skills[0]] + [Line(k) for k in p.skills]
    return [Line("Contact", "heading"), *contact, *skills, *s.languages]


def docx_interleaved_columns(p: Person, rng: random.Random, stem: Path) -> Made:
    """A DOCX converted from a two-column PDF: each paragraph holds lines of both columns in turn (left =
    contacts, skills, languages; right = experience, education), separated by line breaks."""
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    recipe = Recipe(header=rng.choice((*pt.NEUTRAL_HEADERS, pt.capitals_city_below)),
                    dates=rng.choice((*d.NEUTRAL, d.wrapped)), placement=rng.choice((pt.dates_before, pt.dates_below)))
    experience, roles = _experience(p, rng, recipe)
    left = _column_lines(_side_lines(p, s), 28)
    right = _column_lines(s.summary + experience + s.education, 60)
    doc = docx_document()
    add_lines(doc, s.contact[:2])
    merged: list[str] = []
    while left or right:
        merged += [q.pop(0) for q in (left, right) if q]
    size = rng.randint(6, 12)
    for i in range(0, len(merged), size):
        add_broken_paragraph(doc, merged[i:i + size])
    doc.save(str(path := stem.with_suffix(".docx")))
    return Made(path, roles, edu_gold)


def pdf_two_column(p: Person, rng: random.Random, stem: Path) -> Made:
    """A reportlab PDF with a side bar (contacts, skills, languages, sometimes education) beside the main column."""
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    experience, roles = _experience(p, rng, Recipe(placement=rng.choice((pt.dates_before, pt.dates_below))))
    side = _side_lines(p, s)
    main = s.contact[:2] + s.summary + experience
    if rng.random() < 0.5:
        side += s.education
    else:
        main += s.education
    write_pdf(path := stem.with_suffix(".pdf"), main, side)
    return Made(path, roles, edu_gold)


def pdf_date_column(p: Person, rng: random.Random, stem: Path) -> Made:
    """A PDF with the dates in a narrow left column beside each job's title and employer (a range often wraps
    there: "June 2020 –" beside the title, "Present" beside the employer)."""
    edu_lines, edu_gold = pt.education(p, rng)
    s = pt.sections(p, rng, edu_lines)
    style = rng.choice((d.wrapped, d.wrapped, *d.NEUTRAL))
    header = rng.choice((pt.title_then_company_line, pt.company_line_then_title, *pt.NEUTRAL_HEADERS))
    lines = s.contact + s.summary + s.skills + [Line(rng.choice(EXPERIENCE_HEADINGS), "heading")]
    roles = []
    for job in p.jobs:
        when, head = style(job.span, rng), header(job, rng)
        for i in range(max(len(when.lines), len(head))):
            text = head[i] if i < len(head) else ""
            lines.append(Line(text, "strong" if i == 0 else "text", left=when.lines[i] if i < len(when.lines) else ""))
        lines += [Line(b, "bullet") for b in job.bullets]
        roles.append(pt.role_gold(job, when))
    write_pdf(path := stem.with_suffix(".pdf"), lines + s.education + s.languages, gutter=110)
    return Made(path, roles, edu_gold)


# --- kinds that change the people first --------------------------------------------------------------------------

def _within_one_year(job: Job, rng: random.Random) -> Job:
    if job.span.end is None:
        return job
    year, end_month = job.span.end
    start_month = rng.randint(1, max(1, end_month - 1))
    return replace(job, span=Span(start=(year, start_month), end=(year, end_month)))


def year_then_months(p: Person, rng: random.Random, stem: Path) -> Made:
    """"2021, July – December": most jobs here last under a year, as such lines usually describe."""
    p = replace(p, jobs=tuple(_within_one_year(j, rng) if rng.random() < 0.7 else j for j in p.jobs))
    return flow(Recipe(dates=d.year_then_months))(p, rng, stem)


def open_end_words(p: Person, rng: random.Random, stem: Path) -> Made:
    """Running jobs that end in "till now", "to date", "current", "now": the newest job here is still running."""
    newest = replace(p.jobs[0], span=Span(start=p.jobs[0].span.start, end=None))
    return flow(Recipe(dates=d.open_words))(replace(p, jobs=(newest, *p.jobs[1:])), rng, stem)


def education_variety(p: Person, rng: random.Random, stem: Path) -> Made:
    """Three to four education entries (degrees in U.S. towns whose state reads like a degree, bootcamps,
    specialisation lines) in a plain one-column résumé."""
    extra = []
    for _ in range(rng.randint(1, 2)):
        entry = school(rng, rng.randint(2008, 2024))
        city, state = rng.choice(DEGREE_LIKE_STATES)
        extra.append(replace(entry, city=city, region=state, country="United States"))
    p = replace(p, schools=tuple(extra) + p.schools)
    return flow(Recipe())(p, rng, stem)


KINDS: dict[str, Kind] = {
    "docx_table_per_role": docx_table_per_role,
    "docx_nested_tables": docx_nested_tables,
    "docx_text_boxes": docx_text_boxes,
    "docx_header_content": docx_header_content,
    "docx_interleaved_columns": docx_interleaved_columns,
    "pdf_two_column": pdf_two_column,
    "pdf_date_column": pdf_date_column,
    "wrapped_dates": flow(Recipe(dates=d.wrapped, placement=pt.dates_before)),
    "dates_before_title": flow(Recipe(placement=pt.dates_before)),
    "dates_after_title": flow(Recipe(placement=pt.dates_after)),
    "dates_beside_title": flow(Recipe(placement=pt.dates_beside)),
    "dates_below_title": flow(Recipe(placement=pt.dates_below)),
    "year_colon_bullets": flow(Recipe(header=pt.title_company_city_parentheses, dates=d.years,
                                      placement=pt.dates_colon_bullet)),
    "two_digit_years": flow(Recipe(dates=d.two_digit)),
    "year_then_months": year_then_months,
    "lost_dash": flow(Recipe(dates=d.lost_dash, placement=pt.dates_before)),
    "open_end_words": open_end_words,
    "start_only": flow(Recipe(dates=d.start_only)),
    "undated_roles": flow(Recipe(undated=True)),
    "company_comma_title": flow(Recipe(header=pt.company_comma_title)),
    "title_at_company": flow(Recipe(header=pt.title_at_company)),
    "pipe_separated": flow(Recipe(header=pt.pipes)),
    "company_line_then_title": flow(Recipe(header=pt.company_line_then_title)),
    "employer_city_parentheses": flow(Recipe(header=pt.company_city_in_parentheses)),
    "capitals_city_below": flow(Recipe(header=pt.capitals_city_below)),
    "unusual_headings": flow(Recipe(headings=UNUSUAL_HEADINGS)),
    "education_variety": education_variety,
}
