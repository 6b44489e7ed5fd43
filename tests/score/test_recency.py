"""Recency weighs in the level: old evidence does not make someone proficient today, and says so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from screener.pipeline import ScreenOptions, screen
from screener.rubric import load_rubric
from screener.score.levels import level_weight, recency_weight

ROOT = Path(__file__).resolve().parents[2]
OPTS = ScreenOptions(as_of=date(2026, 12, 1), sandbox=False)

OLD = """Pat Old
pat.old@example.com

EXPERIENCE
Database Analyst — Acme Corp
Jan 1999 – Dec 2002
• Wrote SQL reports and stored procedures for the finance team.
• Maintained Excel models and Tableau dashboards.

Store Manager — Bigmart
Jan 2003 – Present
• Managed a team of 12 and the weekly stock counts.

SKILLS
SQL, Excel, Tableau
"""

NEW = """Sam New
sam.new@example.com

EXPERIENCE
Data Analyst — Beta Ltd
Jun 2024 – Present
• Wrote SQL queries for the sales dashboards in Tableau.
• Built Excel models for the monthly forecast.

SKILLS
SQL, Excel, Tableau
"""


def test_sql_from_1999_2002_is_older_evidence_and_ranks_below_a_recent_user() -> None:
    run = screen(load_rubric(ROOT / "rubrics" / "data-analyst.yaml"),
                 [("old.txt", OLD.encode()), ("new.txt", NEW.encode())], options=OPTS)
    by = {r.file: r for r in run.results}
    old, new = by["old.txt"].competency("SQL"), by["new.txt"].competency("SQL")
    assert old is not None and new is not None
    assert old.years == 4.0 and old.level == 2  # four years, but 24 years ago: working, not proficient
    assert any("SQL last used 2002: counts as older evidence" in w for w in old.why)
    assert not any("older evidence" in w for w in new.why)
    assert new.score > old.score
    assert run.results[0].file == "new.txt"


@pytest.mark.parametrize(("age_years", "horizon", "weight"), [
    (1, 10, 1.0),            # within two years: full
    (10, 10, 0.5),           # at the horizon: half, for years and level alike
    (15, 10, 0.25),          # five years past it: halved again, for the level only
    (25, 10, 0.0625),        # fifteen years past: 0.5 × 0.5³
])
def test_level_weight(age_years: int, horizon: int, weight: float) -> None:
    assert level_weight(age_years * 12, horizon_years=horizon) == pytest.approx(weight)
    assert recency_weight(age_years * 12, horizon_years=horizon) == pytest.approx(min(1.0, max(weight, 0.5)))
