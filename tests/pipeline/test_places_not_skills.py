"""A town or a country is never a skill: the place after a school ("South Ural State University, Chelyabinsk,
Russia", a DOCX converted from a PDF) was listed as one."""

from __future__ import annotations

from datetime import date

from screener.credentials import is_place
from screener.ingest import ingest_bytes
from screener.pipeline import build_profile

RESUME = """|  | LinkedIn-profile | Israel, Kfar Yona
Frontend developer with extensive experience designing, developing, implementing, and
maintaining software used in sales, rental apartments, e-commerce, and human resources.
Good knowledge and understanding of current frontend development technologies. Successful
experience using different JS frameworks.
EXPERIENCE
2020  Present Frontend developer at Noviopus, Kfar Yona, Israel
\uf0b7 I manage the development of two front-end applications of an intelligent recruitment system.
\uf0b7 Extended functionality with React, Redux, Material-UI.
2017 - 2018 Full Stack developer at kvartirka.com, Zlatoust, Russia
\uf0b7 Migrated an Backbone.js codebase into React.
EDUCATION
1999 - 2004 South Ural State University (SUSU), Chelyabinsk, Russia
Engineer's Degree - Urban Construction and Management.
2016 - GeekBrains - MAIL.RU group - course HTML/CSS, JavaScript, Python, Django.
Languages: English, Hebrew, Russian.
"""


def test_places_in_education_lines_and_role_headers_are_no_skills() -> None:
    doc = ingest_bytes(RESUME.encode(), "marta.txt")
    found = {s.text for s in build_profile(doc, as_of=date(2026, 12, 1)).skills}
    assert {"HTML", "JavaScript", "Python", "Django", "Hebrew"} <= found, found
    assert not found & {"Kfar Yona", "Zlatoust", "Chelyabinsk", "Russia", "Israel"}, found


def test_a_place_is_a_country_or_city_of_the_table_not_a_demonym() -> None:
    assert is_place("Chelyabinsk") and is_place("russia") and is_place("Tel Aviv")
    assert not is_place("Russian") and not is_place("Python") and not is_place("")
