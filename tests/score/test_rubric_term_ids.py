"""A competency's own terms are matched under an id of its own: names that differ only in symbols ("C", "C++",
"C#") never share evidence, and a term shaped like a host name ("Acme.Net") is a skill, not a web address."""

from __future__ import annotations

from datetime import date

import pytest

from screener.pipeline.context import ScreenOptions, build_context
from screener.pipeline.screen_one import screen_one
from screener.rubric import Competency, parse_rubric
from screener.score.evidence import rubric_term_id

RUBRIC = """
role: Systems programmer
competencies:
  - name: C#
    skills: [C#]
    weight: 1
  - name: C
    skills: [C]
    weight: 1
  - name: C++
    skills: [C++]
    weight: 1
  - name: Quarnet.Net
    skills: [Quarnet.Net]
    weight: 1
"""


def _scores(cv: str) -> dict[str, float]:
    ctx = build_context(parse_rubric(RUBRIC), ScreenOptions(as_of=date(2026, 12, 1)))
    result = screen_one("cv.txt", cv.encode(), (), ctx)
    assert not result.error
    return {c.name: c.score for c in result.competencies}


def test_names_differing_only_in_symbols_have_their_own_ids() -> None:
    ids = {rubric_term_id(Competency(name=n, skills=[n], weight=1)) for n in ("C", "C++", "C#", "c++", "C  ++")}
    assert len(ids) == 4  # "c++" is "C++" (one name, case aside); "C  ++" is another


def test_evidence_of_one_never_counts_for_a_name_that_differs_only_in_symbols() -> None:
    scores = _scores("Mira Dahl\nmira@example.com\n\nSKILLS\nC++\n\nEXPERIENCE\nDeveloper  2018 - 2022\n"
                     "Halvard Ltd\nWrote C++ services for the trading desk.\n")
    assert scores["C++"] > 50
    assert scores["C"] == 0 and scores["C#"] == 0


@pytest.mark.parametrize("written, counts", [
    ("Quarnet.Net", True),                 # the rubric's own term, shaped like a host name
    ("www.quarnet.net", False),            # a web address
    ("https://quarnet.net", False),
    ("quarnet.net/careers", False),
])
def test_a_term_shaped_like_a_host_name_is_a_skill_but_an_address_is_not(written: str, counts: bool) -> None:
    scores = _scores("Mira Dahl\nmira@example.com\n\nEXPERIENCE\nDeveloper  2018 - 2022\nHalvard Ltd\n"
                     f"Built the billing services on {written} for the trading desk.\n")
    assert (scores["Quarnet.Net"] > 0) is counts


WORD_NAMES = """
role: Programmer
competencies:
""" + "".join(f"  - {{name: {n}, skills: [{n}], weight: 1}}\n" for n in ("C", "R", "Go", "Excel", "Spring", "Rust", "Shell"))


def test_everyday_words_never_score_a_rubric_of_tools_named_like_them() -> None:
    """An operations lead who writes "go the extra mile", "graded C", "the spring review", "removed rust", "Shell
    Oil" and "R&D" has none of the tools a rubric names "Go", "C", "Spring", "Rust", "Shell", "R" (it scored 63)."""
    ctx = build_context(parse_rubric(WORD_NAMES), ScreenOptions(as_of=date(2026, 12, 1)))
    cv = ("Mira Dahl\nmira@example.com\n\nSUMMARY\nI excel at planning and go the extra mile.\n\nEXPERIENCE\n"
          "Operations lead  2018 - 2022\nHalvard Ltd\nGraded C overall in the spring 2019 review; led R&D budget "
          "talks; removed rust from Shell Oil pipes; managed C-suite reporting with Plan B.\n")
    result = screen_one("cv.txt", cv.encode(), (), ctx)
    assert not result.error
    assert {c.name: c.score for c in result.competencies if c.score} == {}
    assert result.overall == 0
