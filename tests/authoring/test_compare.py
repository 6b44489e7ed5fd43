"""What moved for a candidate between two rubric versions: per competency, with the rubric edits behind it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from screener.authoring.compare import compare_results, compare_runs
from screener.cli import main
from screener.errors import UsageError
from screener.store import open_store

RUBRIC_A = """role: Data Analyst
competencies:
  - {name: SQL, skills: [SQL], weight: 50, required_level: 2}
  - {name: Excel, skills: [Microsoft Excel], weight: 50, required_level: 2}
"""
RUBRIC_B = """role: Data Analyst
competencies:
  - {name: SQL, skills: [SQL, PostgreSQL], weight: 75, required_level: 3, must_have: true}
  - {name: Tableau, skills: [Tableau], weight: 25}
evidence: {recency_years: 5}
"""


def comp(name: str, score: float, level: int, required: int, share: float, met: bool, must: bool = False
         ) -> dict[str, Any]:
    return {"name": name, "score": score, "level": level, "required_level": required, "weight_share": share,
            "met": met, "must_have": must}


def result(overall: float, comps: list[dict[str, Any]], must: bool = True, code: str = "C-0000aaaa"
           ) -> dict[str, Any]:
    return {"file": "a.pdf", "candidate_code": code, "overall": overall, "competencies": comps,
            "must_haves_met": must, "degree": {"status": "not required"}}


BEFORE = result(80.0, [comp("SQL", 100.0, 3, 2, 0.5, True), comp("Excel", 60.0, 1, 2, 0.5, False)])
AFTER = result(75.0, [comp("SQL", 100.0, 3, 3, 0.75, True, must=True), comp("Tableau", 0.0, 0, 2, 0.25, False)],
               must=True)


@pytest.mark.parametrize(
    ("name", "status", "points", "reasons"),
    [
        ("SQL", "changed", 25.0, ["weight 50% → 75%", "required level working → proficient", "now a must-have",
                                  "skills added: PostgreSQL"]),
        ("Tableau", "added", 0.0, ["added (weight 25%, level working)"]),
        ("Excel", "removed", -30.0, ["removed from the rubric"]),
    ],
)
def test_moves_per_competency_with_rubric_reasons(name: str, status: str, points: float,
                                                  reasons: list[str]) -> None:
    diff = compare_results(BEFORE, AFTER, rubric_before=RUBRIC_A, rubric_after=RUBRIC_B)
    move = next(m for m in diff.competencies if m.name == name)
    assert move.status == status and move.points_moved == pytest.approx(points)
    assert list(move.reasons) == reasons


def test_overall_and_rubric_level_changes() -> None:
    diff = compare_results(BEFORE, AFTER, rubric_before=RUBRIC_A, rubric_after=RUBRIC_B)
    assert diff.overall_moved == pytest.approx(-5.0)
    assert diff.rubric_changes == ("recency 10 → 5 years",)
    lines = diff.lines()
    assert lines[0] == "C-0000aaaa: overall 80.0 → 75.0 (-5.0)"
    assert lines[2].startswith("  Excel [removed]")  # the largest move first
    assert diff.to_json()["competencies"][0]["points_moved"] == 25.0


def test_without_stored_yaml_the_results_give_the_reasons() -> None:
    diff = compare_results(BEFORE, AFTER)
    sql = next(m for m in diff.competencies if m.name == "SQL")
    assert list(sql.reasons) == ["weight 50% → 75%", "required level working → proficient", "now a must-have"]


def test_same_result_moves_nothing() -> None:
    diff = compare_results(BEFORE, BEFORE, rubric_before=RUBRIC_A, rubric_after=RUBRIC_A)
    assert diff.overall_moved == 0 and all(m.status == "same" for m in diff.competencies)
    assert diff.lines()[1] == "  nothing moved"


def _store_with_two_runs(tmp_path: Path) -> tuple[Path, str, str]:
    db = tmp_path / "s.db"
    with open_store(db) as store:
        ids = []
        for yaml_text, res in ((RUBRIC_A, BEFORE), (RUBRIC_B, AFTER)):
            rid = store.create_run(rubric_name="Data Analyst", rubric_yaml=yaml_text, inputs=["a.pdf"],
                                   as_of=date(2026, 12, 1), options={}, files=[("a.pdf", "ab" * 32)])
            store.add_result(rid, "a.pdf", res, candidate_code="C-0000aaaa", document_sha256="ab" * 32)
            store.finish_run(rid)
            ids.append(rid)
    return db, ids[0], ids[1]


def test_compare_stored_runs_and_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, a, b = _store_with_two_runs(tmp_path)
    with open_store(db) as store:
        [diff] = compare_runs(store, a, b)
        assert diff.overall_moved == pytest.approx(-5.0) and diff.rubric_changes
        with pytest.raises(UsageError, match="not scored in both runs"):
            compare_runs(store, a, b, candidate_code="C-ffffffff")
    assert main(["rubric", "diff", a, b, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("C-0000aaaa: overall 80.0 → 75.0 (-5.0)") and "now a must-have" in out
    assert main(["rubric", "diff", a, "nope", "--db", str(db)]) == 2
    assert "no run 'nope'" in capsys.readouterr().err
