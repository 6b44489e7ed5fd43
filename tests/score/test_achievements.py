"""Quantified achievements inside roles: found by kind of measure, tied to the competency they support."""

from __future__ import annotations

from datetime import date

import pytest

from screener.ingest import ingest_bytes
from screener.parse import parse_document
from screener.score.achievements import achievements_for, find_achievements
from screener.score.exclusions import never_evidence
from screener.score.model import Evidence

CV = """Ana Lima

EXPERIENCE
IT Operations Lead — Acme Corp
Jan 2019 – Present
• Reduced system downtime by 20%, saving $50,000 annually in lost productivity.
• Automated Ansible patching for 300 servers, cutting maintenance time by 12 hours a week.
• Responsible for the help desk.
• Contract role (6 months) for a firm of 300 employees in benefits management.
• Grew the team from 3 to 9 engineers.

SKILLS
Python, Ansible
Improved reports by 30% (not in a role)
"""


def wins():
    prof = parse_document(ingest_bytes(CV.encode(), "cv.txt"), today=date(2026, 12, 1))
    return prof, find_achievements(prof, never_evidence(prof))


@pytest.mark.parametrize(("starts", "measures"), [
    ("Reduced system downtime", ("percentage", "money")),
    ("Automated Ansible patching", ("time", "count")),
    ("Grew the team", ("count",)),
])
def test_found_with_their_measures(starts: str, measures: tuple[str, ...]) -> None:
    _, found = wins()
    a = next(a for a in found if a.text.startswith(starts))
    assert set(a.measures) == set(measures)
    assert a.role.startswith("IT Operations Lead — Acme Corp")


def test_not_achievements() -> None:
    _, found = wins()
    texts = " | ".join(a.text for a in found)
    assert "help desk" not in texts          # no measure
    assert "Contract role" not in texts      # a duration is not time saved; "management" is not a verb
    assert "not in a role" not in texts      # outside any role
    assert len(found) == 3


def test_tied_to_the_competency_by_bullet_then_role() -> None:
    prof, found = wins()
    i = CV.index("Ansible patching")
    role = found[0].role
    e = Evidence("Automation", "role", "Ansible", "", "skill:ansible", "Ansible", "experience", 0.8,
                 start=i, end=i + 7, role=role)
    tied = achievements_for(found, [e])
    bullet = [a for a in tied if not a.same_role]
    assert [a.text[:9] for a in bullet] == ["Automated"]
    assert {a.text[:7] for a in tied if a.same_role} == {"Reduced", "Grew th"}
    assert achievements_for(found, []) == ()
