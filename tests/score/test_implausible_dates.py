"""Dates a reviewer is asked to check: a role longer than a working life, or starting before one could have begun.
The result warns; the years still count as written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from screener.models import PartialDate, Role
from screener.pipeline.context import ScreenOptions, build_context
from screener.pipeline.screen_one import screen_one
from screener.rubric import load_rubric
from screener.score.levels import implausible_roles

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 12, 1)


@pytest.mark.parametrize("start, end, current, warned", [
    (1950, 2026, False, True),    # 77 years
    (1960, None, True, True),     # starting 66 years ago, to the present
    (1970, 2019, False, False),   # a long career, but a possible one
    (2001, None, True, False),
    (2018, 2022, False, False),
])
def test_implausible_roles(start: int, end: int | None, current: bool, warned: bool) -> None:
    role = Role(title="Welder", employer="Orvel Works", start=PartialDate(start),
                end=PartialDate(end) if end else None, current=current)
    got = implausible_roles([role], as_of=AS_OF)
    assert bool(got) is warned
    if warned:
        assert "Welder at Orvel Works" in got[0] and "count as written" in got[0]


def test_the_result_warns_and_keeps_the_years() -> None:
    ctx = build_context(load_rubric(ROOT / "rubrics" / "software-engineer.yaml"), ScreenOptions(as_of=AS_OF))
    cv = ("Mira Dahl\nmira@example.com\n\nEXPERIENCE\nPython Developer  1950 - 2026\nOrvel Works\n"
          "Wrote Python every day.\n")
    result = screen_one("cv.txt", cv.encode(), (), ctx)
    assert any("check the dates of Python Developer at Orvel Works (1950 - 2026)" in w for w in result.warnings)
    assert next(c for c in result.competencies if c.name == "Programming languages").years == 77.0
