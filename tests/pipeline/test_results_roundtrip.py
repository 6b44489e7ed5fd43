"""Typed results survive the trip through JSON (the store keeps them as JSON): equal objects, equal JSON."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from screener import ScreenOptions, load_rubric, screen
from screener.badges.model import Alignment, BadgeClaims
from screener.models import PartialDate, from_jsonable
from screener.score.model import BadgeSummary, CandidateResult, DegreeStatus, EquivalencyNote

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample_run():
    rubric = load_rubric(ROOT / "rubrics" / "software-engineer.yaml")
    return screen(rubric, [ROOT / "sample_data"], options=ScreenOptions(
        as_of=date(2026, 12, 1), offline_map=ROOT / "sample_data" / "offline-map.json", workers=2))


def test_every_sample_result_round_trips(sample_run) -> None:
    assert sample_run.results
    for r in sample_run.results:
        back = CandidateResult.from_json(json.dumps(r.to_json()))
        assert back == replace(r, profile=None), r.file
        assert json.dumps(back.to_json()) == json.dumps(r.to_json())
        assert r.candidate_code.startswith("C-") and len(r.document_sha256) == 64


def test_badges_carry_typed_claims(sample_run) -> None:
    badges = [b for r in sample_run.results for b in r.badges]
    assert badges
    for b in badges:
        assert isinstance(b.claims, BadgeClaims)
        assert all(isinstance(a, Alignment) for a in b.claims.alignments)
    checked = [b for b in badges if b.format]
    assert checked and any(b.claims.achievement_name for b in checked)


@pytest.mark.parametrize("value", [
    CandidateResult("x.pdf", "", None, error="damaged", error_code="E204", candidate_code="C-00000000"),
    CandidateResult("y.pdf", "Y", 50.0, degree=DegreeStatus("met by equivalent", "4 years"),
                    badges=(BadgeSummary("b.png", "badge file", "valid", ("ok",), name="N",
                                         claims=BadgeClaims(issuer="I", tags=("t",), alignments=(
                                             Alignment("Python", "https://x", "ESCO", "c"),))),),
                    equivalencies=(EquivalencyNote("B.Sc.", "U", "IN", None, 6, True, None, ("a", "b"), ("s",),
                                                   "n", True),), warnings=("w",)),
])
def test_hand_made_results_round_trip(value: CandidateResult) -> None:
    assert CandidateResult.from_json(value.to_json()) == value


@pytest.mark.parametrize(("tp", "raw", "expect"), [
    (PartialDate, "2019-03", PartialDate(2019, 3)),
    (PartialDate | None, "2019", PartialDate(2019)),
    (PartialDate | None, None, None),
    (tuple[str, ...], ["a", "b"], ("a", "b")),
    (tuple[str, ...] | None, None, None),
    (dict[str, int], {"a": 1}, {"a": 1}),
])
def test_from_jsonable(tp, raw, expect) -> None:
    assert from_jsonable(tp, raw) == expect
