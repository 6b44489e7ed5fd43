"""Scorecards: stored per reviewer and competency, newest counts, validated, compared with the screener's level."""

from __future__ import annotations

import pytest

from screener.errors import UsageError
from screener.store import migrations
from screener.workflow.scorecards import Rating, agreement, latest_ratings, level_words, ratings, record_scorecard


def test_migration_0003_is_the_scorecards_table() -> None:
    names = [m.name for m in migrations()]
    assert "0003_scorecards.sql" in names and len(set(m.number for m in migrations())) == len(names)


def test_ratings_are_stored_and_the_newest_per_reviewer_counts(stored) -> None:
    store, rid, codes = stored
    code = codes["ana_souza_cv.pdf"]
    record_scorecard(store, rid, code, reviewer="Ana", ratings={"Programming": (2, "first look")},
                     screener_levels={"Programming": 2}, competencies=["Programming"])
    record_scorecard(store, rid, code, reviewer="Ana", ratings={"Programming": (3, "after the call")})
    record_scorecard(store, rid, code, reviewer="Bo", ratings={"Programming": (1, "")})
    assert len(ratings(store, rid, code)) == 3
    latest = latest_ratings(store, rid, code)
    assert [(r.reviewer, r.rating, r.comment) for r in latest] == [("Ana", 3, "after the call"), ("Bo", 1, "")]
    assert ratings(store, rid, codes["chen_li.txt"]) == []


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"reviewer": " ", "ratings": {"Programming": (2, "")}}, "reviewer"),
    ({"reviewer": "Ana", "ratings": {}}, "at least one"),
    ({"reviewer": "Ana", "ratings": {"Programming": (5, "")}}, "1, 2, 3 or 4"),
    ({"reviewer": "Ana", "ratings": {"Programming": (0, "")}}, "1, 2, 3 or 4"),
    ({"reviewer": "Ana", "ratings": {"Programming": (True, "")}}, "1, 2, 3 or 4"),
    ({"reviewer": "Ana", "ratings": {"Cooking": (2, "")}, "competencies": ["Programming"]}, "not a competency"),
    ({"reviewer": "Ana", "ratings": {"Programming": (2, "x" * 2001)}}, "too long"),
    ({"reviewer": "Ana", "ratings": {"Programming": (2, "bad\x00")}}, "control characters"),
])
def test_bad_scorecards_are_refused_in_one_line(stored, kwargs, message) -> None:
    store, rid, codes = stored
    with pytest.raises(UsageError, match=message):
        record_scorecard(store, rid, codes["ana_souza_cv.pdf"], **kwargs)
    assert ratings(store, rid) == []


def test_unknown_candidate_is_refused(stored) -> None:
    store, rid, _ = stored
    with pytest.raises(UsageError, match="no candidate"):
        record_scorecard(store, rid, "C-00000000", reviewer="Ana", ratings={"Programming": (2, "")})


def test_deleting_the_run_deletes_its_ratings(stored) -> None:
    store, rid, codes = stored
    record_scorecard(store, rid, codes["chen_li.txt"], reviewer="Ana", ratings={"Programming": (2, "")})
    store.delete_run(rid)
    assert store.conn.execute("SELECT COUNT(*) FROM scorecards").fetchone()[0] == 0


def _r(reviewer: str, comp: str, value: int) -> Rating:
    return Rating("run", "C-1", comp, reviewer, value, "", None, "t")


@pytest.mark.parametrize(("level", "values", "verdict", "spread"), [
    (3, [3, 3], "agree", 0),
    (3, [2, 3], "close", 1),
    (3, [4], "close", 0),
    (3, [1, 3], "differ", 2),
    (0, [1], "agree", 0),  # the screener's "none" sits with the lowest rating
    (0, [3], "differ", 0),
    (2, [], "not rated", 0),
])
def test_agreement_with_the_screener(level, values, verdict, spread) -> None:
    latest = [_r(f"R{i}", "Python", v) for i, v in enumerate(values)]
    [row] = agreement(latest, {"Python": level})
    assert (row.verdict, row.spread) == (verdict, spread)
    assert row.words  # always something to read
    if spread >= 2:
        assert "among themselves" in row.words


def test_agreement_keeps_the_rubric_order_and_rated_extras() -> None:
    rows = agreement([_r("A", "SQL", 2), _r("A", "Old name", 2)], {"Python": 2, "SQL": 2}, ["Python", "SQL"])
    assert [r.competency for r in rows] == ["Python", "SQL", "Old name"]


@pytest.mark.parametrize(("level", "words"), [(0, "0 — none"), (3, "3 — proficient"), (None, "—")])
def test_level_words(level, words) -> None:
    assert level_words(level) == words


def test_erasing_the_candidate_erases_their_ratings(stored) -> None:
    from screener.fairness.retention import erase_candidate

    store, rid, codes = stored
    record_scorecard(store, rid, codes["chen_li.txt"], reviewer="Ana", ratings={"Programming": (2, "notes")})
    record_scorecard(store, rid, codes["ben_okafor_cv.docx"], reviewer="Ana", ratings={"Programming": (3, "")})
    erase_candidate(store, codes["chen_li.txt"], actor="test")
    assert [r.candidate_code for r in ratings(store, rid)] == [codes["ben_okafor_cv.docx"]]
