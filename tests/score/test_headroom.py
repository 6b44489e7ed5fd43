"""Headroom: candidates who exceed the requirement are separated; 80 means "meets the requirement"."""

from __future__ import annotations

from datetime import date
from functools import cache
from itertools import combinations
from pathlib import Path

import pytest

from screener.pipeline import ScreenOptions, screen
from screener.rubric import list_rubrics, load_rubric
from screener.score.scoring import competency_points

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_data"
OPTS = ScreenOptions(as_of=date(2026, 12, 1), offline_map=SAMPLES / "offline-map.json", sandbox=False)
RUBRICS = [p.stem for p in list_rubrics(ROOT / "rubrics")]


@cache
def results(rubric: str) -> list:
    return screen(load_rubric(ROOT / "rubrics" / f"{rubric}.yaml"), [SAMPLES], options=OPTS).results


def evidence_of(r) -> tuple:
    return tuple(sorted((c.name, e.kind, e.skill_id, e.role, e.source, e.strength, e.related)
                        for c in r.competencies for e in c.evidence))


@pytest.mark.parametrize("rubric", RUBRICS)
def test_no_two_candidates_with_different_evidence_share_a_score(rubric: str) -> None:
    rs = [r for r in results(rubric) if r.overall is not None]
    assert len(rs) == 10
    for a, b in combinations(rs, 2):
        if evidence_of(a) != evidence_of(b):
            assert a.overall != b.overall, (rubric, a.file, b.file, a.overall)


def test_software_engineer_top_is_separated_and_above_meets() -> None:
    top = [r for r in results("software-engineer") if r.must_haves_met]
    assert len(top) >= 3
    scores = [r.overall for r in top]
    assert len(set(scores)) == len(scores) and all(80.0 <= s < 100.0 for s in scores[:3])


@pytest.mark.parametrize(("achieved", "required", "points"), [
    (0.0, 3, 0.0),
    (1.5, 3, 40.0),         # below the requirement: 80 × achieved ÷ required
    (3.0, 3, 80.0),         # meets it exactly
    (3.95, 3, 90.0),        # half the headroom between 3 and 4.9
    (4.9, 3, 100.0),        # expert with the most evidence the scale counts
    (4.9, 4, 100.0),
    (2.0, 1, 80 + 20 * 1 / 3.9),
])
def test_competency_points(achieved: float, required: int, points: float) -> None:
    assert competency_points(achieved, required) == pytest.approx(points)


def test_ties_are_broken_by_depth_then_file() -> None:
    from screener.pipeline import rank
    from screener.score.model import CandidateResult

    rs = [CandidateResult("b.txt", "B", 85.0, depth=1.2), CandidateResult("a.txt", "A", 85.0, depth=1.2),
          CandidateResult("c.txt", "C", 85.0, depth=1.5), CandidateResult("d.txt", "D", None)]
    assert [r.file for r in rank(rs)] == ["c.txt", "a.txt", "b.txt", "d.txt"]
