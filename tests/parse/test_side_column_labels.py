"""Two columns converted line by line ("Experience Skills" on one heading line, every line below joining both):
the skills column's own labels ("Languages:", "Technologies:", "Other:") cut the work history into skills
sections, so a developer's role bullets counted only as listed skills (a Go developer scored 'aware', 29.5)."""

from __future__ import annotations

from datetime import date

from screener.ingest import ingest_bytes
from screener.parse import find_sections

CV = """Backend Developer
Location: Portugal
Experience Skills
Languages:
Senior Go Developer
Go, Python, C++
Tidewell Payments
Nov 2020 - Present
Databases:
Built the ledger service in Go with PostgreSQL and Kafka, and the public REST API
PostgreSQL, Redis
Mentored two junior engineers through code review
Other:
Data Engineer
Docker, Linux
Harbor Analytics
May 2017 - Oct 2020
Wrote Python pipelines that loaded 2 TB a day into the warehouse
"""


def test_a_side_columns_labels_are_no_sections() -> None:
    text = ingest_bytes(CV.encode(), "cv.txt").text
    names = [s.name for s in find_sections(text)]
    assert names.count("experience") == 1 and not {"languages", "skills"} & set(names), names


def test_the_role_bullets_of_such_a_resume_are_role_evidence() -> None:
    from pathlib import Path

    from screener.pipeline import ScreenOptions, screen
    from screener.rubric import load_rubric

    rubric = load_rubric(Path(__file__).resolve().parents[2] / "rubrics" / "software-engineer.yaml")
    res = screen(rubric, [("cv.txt", CV.encode())], options=ScreenOptions(as_of=date(2026, 12, 1), sandbox=False))
    langs = res.results[0].competency("Programming languages")
    assert langs is not None and ("Go", "role") in {(e.quote, e.kind) for e in langs.evidence}, langs.evidence
