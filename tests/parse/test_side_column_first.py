"""A PDF whose side column comes first in its text layer (LinkedIn's "Save to PDF" export, many two-column
templates): Contact, Top Skills, Languages and Certifications come before the name, its headline and its place.
The name was read as "Top Skills" (or not at all), so blind review left it visible, and the skills of the side
column sat in the contact block, where nothing is evidence."""

from __future__ import annotations

from datetime import date

import pytest

from screener.ingest import ingest_bytes
from screener.parse import parse_document

EXPORT = """Contact
www.linkedin.com/in/{slug} (LinkedIn)
Top Skills
Kubernetes
Go
PostgreSQL
Languages
English (Native or Bilingual)
{lang} (Professional Working)
Certifications
Certified Kubernetes Administrator
{name}
{headline}
{place}
Summary
Backend engineer building payment and billing platforms.
Experience
Northwind Cloud
6 years 2 months
Staff Software Engineer
January 2022 - Present (2 years 11 months)
{place}
Led the billing platform team; moved batch jobs to Kafka streams.
Contoso Bank
Software Engineer
July 2015 - September 2018 (3 years 3 months)
Maintained Java batch jobs and Oracle stored procedures.
Education
Anna University
Bachelor of Engineering - BE, Computer Science · (2011 - 2015)
"""


@pytest.mark.parametrize("name, headline, place, lang", [
    ("Priya Raman", "Staff Software Engineer at Northwind Cloud", "Seattle, Washington, United States", "Tamil"),
    ("Tomasz Wiśniewski", "Senior Backend Developer | Payments", "Kraków, Małopolskie, Poland", "Polish"),
    ("Adaeze Okonkwo-Bello", "Data Engineer at Lagos Fintech Hub", "Lagos, Lagos State, Nigeria", "Igbo"),
])
def test_the_name_after_a_side_column(name: str, headline: str, place: str, lang: str) -> None:
    text = EXPORT.format(slug=name.split()[0].casefold(), name=name, headline=headline, place=place, lang=lang)
    prof = parse_document(ingest_bytes(text.encode(), "Profile.txt"), today=date(2026, 12, 1))
    assert prof.contact.name == name
    assert prof.contact.location and prof.contact.location.split(",")[0] == place.split(",")[0]
    assert "skills" in {s.name for s in prof.sections}
    assert [(r.title, r.employer) for r in prof.roles] == [("Staff Software Engineer", "Northwind Cloud"),
                                                          ("Software Engineer", "Contoso Bank")]


def test_a_skills_list_at_the_top_is_no_name() -> None:
    """A skills section first, then the work history: no line of it is taken for a name."""
    text = ("SKILLS\nProject Management\nRisk Analysis\nEXPERIENCE\nProject Manager at Northwind Cloud\n"
            "January 2022 - Present\nLed the billing platform migration.\n")
    prof = parse_document(ingest_bytes(text.encode(), "cv.txt"), today=date(2026, 12, 1))
    assert prof.contact.name == ""
