"""Skill extraction runs in linear time on long or hostile skills lines (the same lines took 4–27 s of CPU when a
level pattern backtracked over a run of brackets). CPU seconds of this process, with a generous bound."""

from __future__ import annotations

import time

import pytest

from screener.extract import SkillExtractor, get_extractor

LINES = {
    "open brackets before a list": "(" * 50_000 + "Word, Excel)",
    "square brackets": "[" * 50_000 + "x",
    "spaces before a duration": "Python" + " " * 100_000 + "x 5 years",
    "spaces before a level": "Python" + " " * 100_000 + "- Expert",
    "slash chains": "abc/" * 25_000,
    "skills with levels": "Python - Expert, " * 5_000,
    "ratings": "Docker ★" + "☆" * 50_000,
}


@pytest.fixture(scope="module")
def ex() -> SkillExtractor:
    extractor = get_extractor()
    extractor.extract("SKILLS\nPython, Java\n")  # loads the lexicon and the filter once
    return extractor


@pytest.mark.parametrize("name", list(LINES))
def test_a_long_skills_line_extracts_fast(ex: SkillExtractor, name: str) -> None:
    text = f"SKILLS\nPython, Java\n{LINES[name]}\n"
    started = time.process_time()
    found = [m.text for m in ex.extract(text)]
    assert time.process_time() - started < 3.0
    assert "Java" in found


def test_a_text_of_thousands_of_sections_extracts_fast(ex: SkillExtractor) -> None:
    """Each candidate was compared with every heading and label span, and each look-up of a section scanned them
    all (6,000 sections: seconds of CPU growing with the square of their number)."""
    text = "".join(f"EXPERIENCE\nEngineer {i}\nSKILLS\nPython, Java\n" for i in range(3000))
    started = time.process_time()
    found = ex.extract(text)
    assert time.process_time() - started < 3.0
    assert sum(m.text == "Java" for m in found) == 3000
