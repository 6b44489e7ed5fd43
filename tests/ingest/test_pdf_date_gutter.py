"""PDF date gutters: dates in a narrow left column beside each job are read on the row of the job's line;
a genuine left sidebar (contact, skills, languages, a profile) stays a column of its own.

The PDFs are drawn here with reportlab, each with the text it must read as (the ground truth)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from screener.ingest import ingest_path  # noqa: E402

LEFT, MAIN = 50.0, 160.0  # x of the date gutter (and the headings) and of the main column


@dataclass(frozen=True)
class Row:
    main: str = ""
    left: str = ""
    font: str = "Helvetica"
    size: float = 9.5
    gap: float = 0.0  # extra space above the row


def _draw(path: Path, rows: list[Row], side: Sequence[str] = (), side_pitch: float = 12.0) -> Path:
    """One A4 page: ``rows`` top to bottom (``left`` at the gutter's x, ``main`` at the main column's, both on
    the row's baseline; a row with ``left`` only is a heading across the gutter), and ``side`` lines in a left
    sidebar at their own pitch."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    y = A4[1] - 60
    for row in rows:
        y -= row.gap
        canvas.setFont(row.font, row.size)
        if row.left:
            canvas.drawString(LEFT, y, row.left)
        if row.main:
            canvas.drawString(MAIN, y, row.main)
        y -= row.size + 3.5
    y = A4[1] - 60
    canvas.setFont("Helvetica", 8.5)
    for line in side:
        canvas.drawString(LEFT, y, line)
        y -= side_pitch
    canvas.showPage()
    canvas.save()
    return path


def _heading(text: str) -> Row:
    return Row(left=text, font="Helvetica-Bold", size=11, gap=6)


GUTTER_ROWS = [
    Row(left="Dana Whitfield", font="Helvetica-Bold", size=16),
    Row(main="dana.whitfield@example.org | +1 555 0199 | Portland, OR"),
    _heading("Profile"),
    Row(main="Product manager with eight years in logistics software, from discovery to rollout."),
    _heading("Experience"),
    Row(left="Jan 2022 – Nov 2025", main="Product Manager - Brightmoor Inc.", font="Helvetica-Bold"),
    Row(left="Portland, OR", main="• Led the carrier onboarding portal used by 300 partners."),
    Row(main="• Cut the quote turnaround from two days to four hours."),
    Row(left="Mar 2018 –", main="Business Analyst", font="Helvetica-Bold"),
    Row(left="Dec 2021", main="Quillon Freight Systems"),
    Row(main="• Wrote the requirements for the route planner and its reporting."),
    Row(left="Sep 2015", main="Junior Analyst", font="Helvetica-Bold"),
    Row(left="– Feb 2018", main="Tarrow & Pike"),
    Row(main="• Kept the pricing tables and the weekly volume report."),
    _heading("Education"),
    Row(left="2011 – 2015", main="BSc Industrial Engineering, Halvard State University"),
    _heading("Languages"),
    Row(main="English (native), Spanish (fluent)"),
]

GUTTER_TEXT = [
    "Dana Whitfield",
    "dana.whitfield@example.org | +1 555 0199 | Portland, OR",
    "Profile",
    "Product manager with eight years in logistics software, from discovery to rollout.",
    "Experience",
    "Jan 2022 – Nov 2025  Product Manager - Brightmoor Inc.",
    "Portland, OR  • Led the carrier onboarding portal used by 300 partners.",
    "• Cut the quote turnaround from two days to four hours.",
    "Mar 2018 – Dec 2021  Business Analyst",
    "Quillon Freight Systems",
    "• Wrote the requirements for the route planner and its reporting.",
    "Sep 2015 – Feb 2018  Junior Analyst",
    "Tarrow & Pike",
    "• Kept the pricing tables and the weekly volume report.",
    "Education",
    "2011 – 2015  BSc Industrial Engineering, Halvard State University",
    "Languages",
    "English (native), Spanish (fluent)",
]


def test_a_date_gutter_is_read_on_the_rows_of_its_jobs(tmp_path: Path) -> None:
    doc = ingest_path(_draw(tmp_path / "gutter.pdf", GUTTER_ROWS))
    assert doc.text.splitlines() == GUTTER_TEXT
    assert "multi-column" not in {f.code for f in doc.health}


MAIN_ROWS = [
    Row(main="Riley Okafor", font="Helvetica-Bold", size=16),
    Row(main="Experience", font="Helvetica-Bold", size=11, gap=6),
    Row(main="Site Reliability Engineer, Northgate Rail  2019 – 2024", font="Helvetica-Bold"),
    Row(main="• Ran the signalling telemetry platform on Kubernetes for six depots."),
    Row(main="• Brought the paging load down by a third with better alert rules."),
    Row(main="Systems Administrator, Elmbrook Council  2015 – 2019", font="Helvetica-Bold"),
    Row(main="• Looked after two hundred Linux servers and the backup schedule."),
    Row(main="• Moved the mail system to a hosted service without downtime."),
    Row(main="Education", font="Helvetica-Bold", size=11, gap=6),
    Row(main="BSc Computer Science, Carrow University, 2015"),
]

SIDEBARS = {
    # contact and skills at a pitch of their own: the lines fall between the main column's baselines
    "contact": ["CONTACT", "Leeds, UK", "riley@example.net", "+44 113 496 0000", "SKILLS", "Linux", "Kubernetes",
                "Terraform", "Prometheus", "LANGUAGES", "English", "Yoruba"],
    # certificates with their years, still a sidebar: its lines sit between the main column's baselines
    "certificates": ["CERTIFICATES", "CKA, 2021", "AWS SysOps, 2019", "RHCSA, 2016", "ITIL 4, 2015", "AWARDS",
                     "On-call hero 2020", "Rail Tech 2022"],
}


@pytest.mark.parametrize("name", sorted(SIDEBARS))
def test_a_left_sidebar_between_the_main_lines_stays_a_column(tmp_path: Path, name: str) -> None:
    side = SIDEBARS[name]
    doc = ingest_path(_draw(tmp_path / f"{name}.pdf", MAIN_ROWS, side, side_pitch=16.0))
    lines = doc.text.splitlines()
    start = lines.index(side[0])
    assert lines[start:start + len(side)] == side  # the sidebar is read whole, never cut into the main rows
    assert "multi-column" in {f.code for f in doc.health}


def test_a_profile_sidebar_stays_a_column(tmp_path: Path) -> None:
    """Running text in the left column (one line with a year in it): a sidebar, read whole after the name."""
    side = ["PROFILE", "Calm on call and fond", "of dull infrastructure", "since 2015, with runbooks",
            "that answer questions", "before they are asked."]
    doc = ingest_path(_draw(tmp_path / "profile.pdf", MAIN_ROWS, side, side_pitch=16.0))
    lines = doc.text.splitlines()
    start = lines.index("PROFILE")
    assert lines[start:start + len(side)] == side
    assert "multi-column" in {f.code for f in doc.health}


def test_a_range_wrapped_in_the_gutter_is_joined_when_headings_cross_it(tmp_path: Path) -> None:
    """Headings wide enough to cross the gutter leave no clean gutter: the page is read in rows, and a range
    wrapped at the start of its row is still written whole on the row of its start."""
    rows = [Row(left="Professional Experience and Projects", font="Helvetica-Bold", size=11, gap=6)
            if r.left in ("Profile", "Experience", "Education") else r for r in GUTTER_ROWS]
    doc = ingest_path(_draw(tmp_path / "crossed.pdf", rows))
    lines = doc.text.splitlines()
    assert "Mar 2018 – Dec 2021  Business Analyst" in lines
    assert lines[lines.index("Mar 2018 – Dec 2021  Business Analyst") + 1] == "Quillon Freight Systems"
    assert "Sep 2015 – Feb 2018  Junior Analyst" in lines
    assert "Portland, OR  • Led the carrier onboarding portal used by 300 partners." in lines
