"""Scoring runs in linear time on long or hostile lines: an e-mail pattern that restarted at every character of a
run of digits, a negation cue whose scope was read to the end of a clause thousands of words long, and a role whose
text was searched again for every skill mentioned in it took 4–17 s of CPU on 80,000-character lines. CPU seconds
of this process, with a generous bound."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from screener.models import Document
from screener.pipeline.context import ScreenOptions, build_context
from screener.pipeline.screen_one import score_document
from screener.rubric import load_rubric

ROOT = Path(__file__).resolve().parents[2]
LINES = {
    "a run of digits": ("SKILLS", "1" * 80_000),
    "a run of letters": ("SUMMARY", "a" * 80_000),
    "negation cues": ("SUMMARY", "no experience with " * 4_000 + "Python"),
    "skills in one long role": ("EXPERIENCE", "Python: " * 15_000),
    "skills joined by and": ("EXPERIENCE", "Python and " * 8_000),
}


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    context = build_context(load_rubric(ROOT / "rubrics" / "software-engineer.yaml"),
                            ScreenOptions(as_of=date(2026, 1, 1), sandbox=False))
    _score(context, "SKILLS", "Python")  # loads the lexicon, the filter and the rule files once
    return context


def _score(ctx, section: str, line: str):  # type: ignore[no-untyped-def]
    text = f"Jane Roe\njane@example.com\n\n{section}\nPython developer at Acme 2019 - 2020\n{line}\nBSc Physics, MIT 2010\n"
    return score_document(Document(file="long.txt", kind="txt", text=text, pages=(text,)), "k", [], ctx)


def test_a_resume_of_a_thousand_roles_scores_fast(ctx) -> None:  # type: ignore[no-untyped-def]
    """Each role was checked against every piece of evidence (roles × evidence × roles): 1,000 short roles took
    16 s of CPU, 2,000 over two minutes."""
    roles = "".join(f"Senior Engineer at Acme Inc {i}\nJan 2019 – Mar 2020\n• Built Python services\n" for i in range(1000))
    started = time.process_time()
    result = _score(ctx, "EXPERIENCE", roles)
    assert time.process_time() - started < 4.0
    assert not result.error


@pytest.mark.parametrize("name", list(LINES))
def test_a_long_line_scores_fast(ctx, name: str) -> None:  # type: ignore[no-untyped-def]
    section, line = LINES[name]
    started = time.process_time()
    result = _score(ctx, section, line)
    assert time.process_time() - started < 3.0
    assert not result.error
