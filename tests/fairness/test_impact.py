"""Adverse-impact report against tables computed by hand (median ties, groups of 0–5, unknowns, undefined ratios)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from screener.errors import UsageError
from screener.fairness.impact import (
    ScoreRow,
    fisher_exact_two_sided,
    format_report,
    impact_report,
    parse_scores_csv,
    report_csv,
)

ROOT = Path(__file__).resolve().parents[2]


def row(cid: str, score: float, sex: str | None, race: str | None, adv: bool = False) -> ScoreRow:
    return ScoreRow(cid, score, sex, race, adv)


@pytest.mark.parametrize(("table", "expected"), [
    ((3, 1, 1, 3), 0.4857142857142857),   # 34/70: tables with x=0,1,3,4 plus the observed one
    ((6, 2, 1, 4), 0.10256410256410256),  # 0.1026, as scipy.stats.fisher_exact gives
    ((0, 5, 5, 0), 2 / 252),              # the two extreme tables of C(10,5)=252
    ((1, 2, 0, 2), 1.0),                  # every table is at most as probable as the observed one
    ((2, 0, 0, 0), 1.0),                  # no comparison group: one possible table
    ((0, 0, 0, 0), 1.0),
])
def test_fisher_exact(table: tuple[int, int, int, int], expected: float) -> None:
    assert fisher_exact_two_sided(*table) == pytest.approx(expected, rel=1e-12)


def test_ties_at_the_median_are_not_above_it() -> None:
    # scores 10 20 20 20 30 → median 20; only the 30 is strictly above.
    rows = [row("1", 10, "F", "A"), row("2", 20, "F", "A", True), row("3", 30, "F", "B", True),
            row("4", 20, "M", "B"), row("5", 20, "M", "B")]
    rep = impact_report(rows).to_json()
    assert rep["n"] == 5 and rep["median"] == 20
    f, m = rep["sex"]["groups"]["F"], rep["sex"]["groups"]["M"]
    assert (f["n"], f["scoring_rate"], f["impact_ratio"]) == (3, pytest.approx(1 / 3), 1.0)
    assert (m["n"], m["scoring_rate"], m["impact_ratio"]) == (2, 0.0, 0.0)
    assert f["selection_rate"] == pytest.approx(2 / 3) and m["selection_rate"] == 0.0
    assert f["selection_impact_ratio"] == 1.0 and m["selection_impact_ratio"] == 0.0
    # F: 1 above, 2 not; M: 0 above, 2 not → weights C(3,x)C(2,1-x): x=0 → 2, x=1 → 3 (observed) → p = 5/5
    assert f["p_value"] == m["p_value"] == 1.0
    assert f["small_sample"] and m["small_sample"]
    assert rep["sex"]["unknown"] == 0


def test_even_count_median_and_perfect_split() -> None:
    # A scores 6..10, B scores 1..5 → median 5.5; A all above, B none: p = 2/252.
    rows = [row(f"a{i}", 5 + i, "X", "A", i > 2) for i in range(1, 6)] + \
           [row(f"b{i}", i, "Y", "B", i == 5) for i in range(1, 6)]
    rep = impact_report(rows)
    data = rep.to_json()
    assert data["median"] == 5.5
    a, b = data["race_ethnicity"]["groups"]["A"], data["race_ethnicity"]["groups"]["B"]
    assert (a["scoring_rate"], a["impact_ratio"], b["scoring_rate"], b["impact_ratio"]) == (1.0, 1.0, 0.0, 0.0)
    assert a["p_value"] == pytest.approx(2 / 252) and b["p_value"] == pytest.approx(2 / 252)
    assert (a["selection_rate"], b["selection_rate"]) == (0.6, 0.2)
    assert b["selection_impact_ratio"] == pytest.approx(0.2 / 0.6)
    assert not a["small_sample"] and not b["small_sample"]  # n = 5 is not small
    assert rep.categories["race_ethnicity"].groups["B"].four_fifths_flag
    assert not rep.categories["race_ethnicity"].groups["A"].four_fifths_flag


@pytest.mark.parametrize("size", [1, 2, 3, 4, 5])
def test_small_sample_flag_by_group_size(size: int) -> None:
    rows = [row(f"s{i}", 50 + i, "F", "A") for i in range(size)] + [row(f"t{i}", 10 + i, "M", "A") for i in range(6)]
    rep = impact_report(rows)
    g = rep.categories["sex"].groups["F"]
    assert g.n == size and g.small_sample is (size < 5)
    assert rep.categories["sex"].groups["M"].small_sample is False
    notes = " ".join(rep.notes())
    assert ("'F': only" in notes) is (size < 5)


def test_group_with_no_members_is_not_listed_and_unknowns_are_counted() -> None:
    rows = [row("1", 1, "F", None), row("2", 2, None, "B"), row("3", 3, "F", "B"), row("4", 4, None, "B")]
    rep = impact_report(rows).to_json()
    assert rep["sex"]["unknown"] == 2 and set(rep["sex"]["groups"]) == {"F"}
    assert rep["race_ethnicity"]["unknown"] == 1 and set(rep["race_ethnicity"]["groups"]) == {"B"}
    assert rep["intersectional"]["unknown"] == 3 and set(rep["intersectional"]["groups"]) == {"F / B"}
    # median of all four scores (2.5), not only of the known ones
    assert rep["median"] == 2.5
    assert rep["sex"]["groups"]["F"]["scoring_rate"] == 0.5  # 1 (no) and 3 (yes)


def test_everyone_unknown() -> None:
    rep = impact_report([row(str(i), i, None, None) for i in range(4)])
    data = rep.to_json()
    for cat in ("sex", "race_ethnicity", "intersectional"):
        assert data[cat] == {"unknown": 4, "groups": {}}
    assert any("no applicant has a known value" in n for n in rep.notes())


def test_highest_rate_zero_gives_null_ratios() -> None:
    rows = [row("1", 50, "F", "A", False), row("2", 50, "M", "A", False), row("3", 50, "M", "B", False)]
    rep = impact_report(rows)
    data = rep.to_json()
    for g in data["sex"]["groups"].values():
        assert g["scoring_rate"] == 0.0 and g["impact_ratio"] is None
        assert g["selection_rate"] == 0.0 and g["selection_impact_ratio"] is None
    assert json.loads(json.dumps(data))["sex"]["groups"]["F"]["impact_ratio"] is None
    assert any("undefined" in n for n in rep.notes())


def test_words_never_claim_compliance_and_name_the_rules() -> None:
    rows = [row(str(i), i, "F" if i % 2 else "M", "A", i > 5) for i in range(10)]
    text = format_report(impact_report(rows)) + report_csv(impact_report(rows))
    assert "compliant" not in text.lower()
    assert "Local Law 144" in text and "independent bias audit" in text and "rule of thumb" in text


def test_csv_export_has_bom_and_one_row_per_group() -> None:
    rows = [row("1", 1, "F", "A"), row("2", 2, "M", "B")]
    out = report_csv(impact_report(rows))
    assert out.startswith("\ufeffcategory,group,n,")
    assert len(out.strip().splitlines()) == 1 + 2 + 2 + 2


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty file"),
    ("candidate_id,score,sex\n1,2,F\n", "missing column(s) race_ethnicity, advanced"),
    ("candidate_id,score,sex,race_ethnicity,advanced\n", "no data rows"),
    ("candidate_id,score,sex,race_ethnicity,advanced\n1,abc,F,A,yes\n", "line 2: score must be a number"),
    ("candidate_id,score,sex,race_ethnicity,advanced\n1,nan,F,A,yes\n", "finite"),
    ("candidate_id,score,sex,race_ethnicity,advanced\n1,3,F,A,maybe\n", "advanced must be yes or no"),
    ("candidate_id,score,sex,race_ethnicity,advanced\n1,3,F,A,yes\n1,4,M,A,no\n", "appears twice"),
    ("candidate_id,score,sex,race_ethnicity,advanced\n,3,F,A,yes\n", "candidate_id is empty"),
    ("candidate_id,score,sex,race_ethnicity,advanced\n1,3,F,A,yes,extra\n", "6 fields"),
])
def test_bad_csv(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=None) as info:
        parse_scores_csv(text, name="s.csv")
    assert message in info.value.user_message()


def test_csv_reading_details() -> None:
    text = ("\ufeffCandidate_ID, Score ,sex,race_ethnicity,advanced,notes\n"
            "1,70,Female,  Black or African American ,YES,x\n2,60,unknown,,no,y\n\n")
    rows = parse_scores_csv(text)
    assert rows == [ScoreRow("1", 70.0, "Female", "Black or African American", True),
                    ScoreRow("2", 60.0, None, None, False)]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "screener", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


def test_cli_json_contract(tmp_path: Path) -> None:
    f = tmp_path / "scores.csv"
    f.write_text("candidate_id,score,sex,race_ethnicity,advanced\n"
                 "a,90,Female,Asian,yes\nb,80,Male,White,yes\nc,70,Female,White,no\n"
                 "d,60,Male,,no\ne,50,,Asian,no\n", encoding="utf-8")
    p = _cli("fairness", "report", str(f), "--json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert set(data) == {"n", "median", "sex", "race_ethnicity", "intersectional"}
    assert data["n"] == 5 and data["median"] == 70
    assert data["intersectional"]["unknown"] == 2
    assert set(data["intersectional"]["groups"]) == {"Female / Asian", "Male / White", "Female / White"}
    g = data["sex"]["groups"]["Male"]
    assert set(g) == {"n", "scoring_rate", "impact_ratio", "selection_rate", "selection_impact_ratio",
                      "small_sample", "p_value"}
    # Female: 90 above, 70 not (median 70) → 1/2; Male: 80 above, 60 not → 1/2
    assert g["scoring_rate"] == 0.5 and data["sex"]["groups"]["Female"]["scoring_rate"] == 0.5
    human = _cli("fairness", "report", str(f))
    assert human.returncode == 0 and "four-fifths" in human.stdout and "compliant" not in human.stdout.lower()


@pytest.mark.parametrize("content", [b"candidate_id,score\n1,2\n", b"\x00\x01\x02", b"\xff\xfe\x00bad"])
def test_cli_bad_input_one_line_exit_2(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "bad.csv"
    f.write_bytes(content)
    p = _cli("fairness", "report", str(f), "--json")
    assert p.returncode == 2 and p.stdout == ""
    assert len(p.stderr.strip().splitlines()) == 1 and "Traceback" not in p.stderr


def test_cli_missing_file_and_no_argument(tmp_path: Path) -> None:
    for args in (["fairness", "report", str(tmp_path / "none.csv")], ["fairness", "report"]):
        p = _cli(*args)
        assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("table", [(120, 200, 180, 150), (300, 10, 290, 25), (0, 400, 5, 395), (350, 0, 0, 350)])
def test_fisher_float_path_agrees_with_the_exact_sum(table):
    import screener.fairness.impact as impact

    saved = impact._EXACT_UP_TO
    try:
        impact._EXACT_UP_TO = 10**9
        exact = fisher_exact_two_sided(*table)
        impact._EXACT_UP_TO = 0
        approx = fisher_exact_two_sided(*table)
    finally:
        impact._EXACT_UP_TO = saved
    assert approx == pytest.approx(exact, rel=1e-9, abs=1e-300)
