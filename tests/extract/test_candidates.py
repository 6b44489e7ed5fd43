"""Tests of candidate generation (chunks, capitalised runs, list items) and of the learned skill filter."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from screener.extract import SkillExtractor, get_extractor
from screener.extract.candidates import blocked_tokens, capitalised_runs, chunks, default_sections
from screener.extract.filter import FILTER_FILE, SkillFilter, select
from screener.extract.lexicon import LexiconError, tokenize
from screener.extract.skills import MIN_LEARNED_CHARS


@pytest.fixture(scope="module")
def ex() -> SkillExtractor:
    return get_extractor()


def _spans(text: str, found: list[tuple[int, int, int, int, str]]) -> list[str]:
    return [text[s:e] for s, e, *_ in found]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Worked on the Order Management System for traders.", "Order Management System", "the Order"),
        ("Led Technical Quality Assurance (TQA) for releases.", "Technical Quality Assurance (TQA)", "TQA) for"),
        ("Tuned SSRS reports and PyCharm settings.", "SSRS", "SSRS reports"),
        ("Proficiency in C in UNIX/LINUX environment.", "UNIX", "UNIX/LINUX"),
    ],
)
def test_capitalised_runs(text: str, expected: str, absent: str) -> None:
    toks = tokenize(text)
    got = _spans(text, capitalised_runs(text, toks, set()))
    assert expected in got
    assert absent not in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Expertise in system analysis and requirements gathering.", "system analysis"),
        ("Strong research and analytical skills.", "research"),
        ("Responsible for network security of the firm.", "network security"),
        ("Responsible for network security.", "network security"),  # a full stop ends the chunk
        ("Built services in .NET and C#.", ".NET"),
    ],
)
def test_chunks_between_function_words(text: str, expected: str) -> None:
    ex = get_extractor()
    toks = tokenize(text)
    got = _spans(text, chunks(text, toks, ex.rules.function_words, set()))
    assert expected in got
    assert all(not g.lower().startswith(("in ", "and ", "for ")) for g in got)


def test_blocked_tokens_cover_headings() -> None:
    text = "SKILLS  Java, Python"
    toks = tokenize(text)
    assert blocked_tokens(toks, [(0, 6)]) == {0}


def test_candidates_keep_offsets_and_hard_rules(ex: SkillExtractor) -> None:
    text = "She received a grade C in chemistry. Go to the office. Skills: Python, Docker, C, Go"
    cands = ex.candidates(text, default_sections(text))
    assert cands
    for c in cands:
        assert 0 <= c.start < c.end <= len(text)
        assert c.feats and all(isinstance(v, float) and math.isfinite(v) for v in c.feats.values())
    prose_c = text.index("C in")
    assert not any(c.start == prose_c and c.end == prose_c + 1 for c in cands)  # grade C: rejected by a hard rule
    assert not any(text[c.start:c.end] == "Go" and c.start == text.index("Go to") for c in cands)
    assert any(text[c.start:c.end] == "Go" and c.start == text.rindex("Go") for c in cands)


def test_coordination_features(ex: SkillExtractor) -> None:
    text = "SKILLS\nOral & written communication; Test Planning & Execution; Python"
    by_text = {text[c.start:c.end]: c.feats for c in ex.candidates(text, default_sections(text))}
    oral = by_text["Oral & written communication"]
    assert oral["has_and"] == 1.0 and oral["and_left_one"] == 1.0  # elliptic: "oral" names no skill
    planning = by_text["Test Planning & Execution"]
    assert planning["has_and"] == 1.0 and "and_left_one" not in planning
    assert planning["and_left_head"] > 0  # "planning" heads skill phrases of its own
    assert "has_and" not in by_text["Python"]


def test_filter_file_records_how_it_was_trained() -> None:
    data = json.loads(FILTER_FILE.read_text(encoding="utf-8"))
    meta = data["meta"]
    assert "dotin" in meta["trained_on"] and meta["train_docs"] > 100
    # the figures that count are cross-validated (grouped by document), not the in-sample fit
    assert {"cv", "fit", "cv_folds"} <= set(meta) and meta["cv"]["strict_f1"] < meta["fit"]["strict_f1"]
    assert "priors" in meta["features"]
    assert 0 < data["threshold"] < 1


def test_filter_round_trip_and_vectorised_margins() -> None:
    mdl = SkillFilter.load()
    again = SkillFilter.from_json(json.loads(json.dumps(mdl.to_json())))
    feats = [{"src_lex_ok": 1.0, "tech": 1.0, "sec_skills": 1.0}, {"lower": 1.0, "common": 1.0}, {}]
    assert mdl.probs(feats) == again.probs(feats)
    assert all(0.0 <= p <= 1.0 for p in mdl.probs(feats))
    # the vectorised walk equals walking each tree by hand
    x = mdl.matrix(feats)
    for r in range(len(feats)):
        total = mdl.base
        for f, t, v in zip(mdl.feats, mdl.thresholds, mdl.leaves, strict=True):
            k = 0
            for _ in range(mdl.depth):
                k = 2 * k + 1 + int(x[r, f[k]] > t[k])
            total += v[k - (2 ** mdl.depth - 1)]
        assert np.isclose(mdl.margins(x)[r], total)


def test_filter_missing_file_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LexiconError, match="skill filter"):
        SkillFilter.load(tmp_path / "missing.json")


class _S:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


@pytest.mark.parametrize(
    ("spans", "probs", "threshold", "expected"),
    [
        ([(0, 10), (0, 4), (5, 10)], [0.5, 0.9, 0.8], 0.3, [(0, 4), (5, 10)]),  # parts beat a weaker whole
        ([(0, 10), (0, 4), (5, 10)], [0.95, 0.9, 0.8], 0.3, [(0, 10)]),
        ([(0, 4), (2, 6)], [0.6, 0.6], 0.3, [(0, 4)]),
        ([(0, 4), (5, 9)], [0.2, 0.6], 0.3, [(5, 9)]),
    ],
)
def test_select_non_overlapping(spans: list[tuple[int, int]], probs: list[float], threshold: float,
                                expected: list[tuple[int, int]]) -> None:
    got = select([_S(a, b) for a, b in spans], probs, threshold)
    assert [(s.start, s.end) for s in got] == expected


def test_short_text_uses_rules_long_text_uses_filter(ex: SkillExtractor) -> None:
    short = "Skills: Guice, Robot Framework"
    assert len(short) < MIN_LEARNED_CHARS
    assert {m.text for m in ex.extract(short)} == {"Guice", "Robot Framework"}


@pytest.mark.parametrize("surface", ["excel", "word"])
def test_lower_case_tool_as_list_item(ex: SkillExtractor, surface: str) -> None:
    text = "SKILLS\n\nMicrosoft office, excel, cisco, word, access\n"
    assert surface in [m.text for m in ex.extract(text)]


def test_resume_mentions_sorted_and_exact(ex: SkillExtractor) -> None:
    text = ("SUMMARY\n\nSenior developer with expertise in system analysis, SQL Server 2016 and Power BI.\n\n"
            "SKILLS\n\nJava, Spring Boot, Kubernetes, Technical Quality Assurance (TQA)\n\n"
            "EXPERIENCE\n\nBuilt the Order Management System in Java for the trading desk, improving throughput "
            "and leading code reviews. Go to meetings weekly; a grade C was never an option.\n") * 2
    assert len(text) >= MIN_LEARNED_CHARS
    found = ex.extract(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    for m in found:
        assert text[m.start:m.end] == m.text
    got = {m.text for m in found}
    assert {"Java", "Kubernetes", "SQL Server 2016"} <= got
    assert "Go" not in got and "C" not in got


def test_filter_matrix_ignores_unknown_features_and_handles_empty_rows() -> None:
    mdl = SkillFilter.load()
    name = mdl.names[0]
    x = mdl.matrix([{name: 0.5, "no such feature": 9.0}, {}])
    assert x.shape == (2, len(mdl.names))
    assert x[0, mdl.col[name]] == 0.5 and x.sum() == 0.5
    assert mdl.matrix([]).shape == (0, len(mdl.names)) and mdl.probs([]) == []
    assert mdl.matrix([{}, {}]).sum() == 0.0
