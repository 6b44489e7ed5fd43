"""A rubric may ask that quantified achievements count: then they add progress within the level (headroom), never a
level; by default they are shown and not scored."""

from __future__ import annotations

from datetime import date

import pytest

from screener.errors import RubricError
from screener.pipeline import ScreenOptions, screen
from screener.rubric import parse_rubric

CV = """Ana Lima

EXPERIENCE
Site Reliability Engineer — Acme Corp
Jan 2019 – Present
• Automated Ansible patching for 300 servers, cutting maintenance time by 12 hours a week.
• Rewrote the Ansible inventory, reducing deployment failures by 40%.
• Maintained Ansible roles for the build farm.

SKILLS
Ansible
"""
PLAIN = CV.replace("for 300 servers, cutting maintenance time by 12 hours a week", "for the servers").replace(
    ", reducing deployment failures by 40%", "")

RUBRIC = """role: SRE
competencies:
  - name: Configuration management
    skills: [Ansible]
    weight: 1
    required_level: 2
{evidence}"""


def _score(cv: str, evidence: str = "") -> tuple[float, tuple[str, ...]]:
    rubric = parse_rubric(RUBRIC.format(evidence=evidence), source="r.yaml")
    run = screen(rubric, [("cv.txt", cv.encode())], options=ScreenOptions(as_of=date(2026, 12, 1)))
    [result] = run.results
    [comp] = result.competencies
    return comp.score, comp.why


def test_shown_not_scored_by_default() -> None:
    with_wins, why = _score(CV)
    without, _ = _score(PLAIN)
    assert with_wins == without
    assert not any("quantified achievement" in w for w in why)


@pytest.mark.parametrize("evidence", ["evidence: {score_achievements: true}", "evidence: {achievements: yes}"])
def test_counted_as_headroom_when_the_rubric_asks(evidence: str) -> None:
    with_wins, why = _score(CV, evidence)
    without, _ = _score(PLAIN, evidence)
    default, _ = _score(CV)
    assert with_wins > without and with_wins > default
    assert any("2 quantified achievement(s)" in w for w in why)


def test_never_a_level_of_their_own() -> None:
    rubric = parse_rubric(RUBRIC.format(evidence="evidence: {score_achievements: true}"), source="r.yaml")
    cv = CV.replace("SKILLS\nAnsible\n", "")
    run = screen(rubric, [("cv.txt", cv.encode())], options=ScreenOptions(as_of=date(2026, 12, 1)))
    [comp] = run.results[0].competencies
    plain = screen(parse_rubric(RUBRIC.format(evidence=""), source="r.yaml"), [("cv.txt", cv.encode())],
                   options=ScreenOptions(as_of=date(2026, 12, 1))).results[0].competencies[0]
    assert comp.level == plain.level


def test_bad_value_is_one_plain_line() -> None:
    with pytest.raises(RubricError) as err:
        parse_rubric(RUBRIC.format(evidence="evidence: {score_achievements: maybe}"), source="r.yaml")
    assert "\n" not in str(err.value)
