"""Drafting a rubric from a posting runs in linear time on long or hostile lines: split patterns that restarted at
every space of a long run (a 40,000-space line took 150 s of CPU), a cue's stop searched to the end of a line of
thousands of cues. CPU seconds of this process, with a generous bound; the posting's real skills are still found."""

from __future__ import annotations

import time

import pytest

from screener.authoring.draft import draft_from_text
from screener.extract.postings import extract_posting_skills

LINES = {
    "a long run of spaces": "May" + " " * 40_000 + "x 2019",
    "thousands of cues": "experience with " * 2_500 + "Kafka",
    "a long run of separators": "Python" + " ," * 20_000,
    "a long run of tail punctuation": "knowledge of Docker" + " ." * 20_000 + " x",
}
POSTING = "Senior Data Engineer\n\nRequirements\n- Experience with Python and SQL\n{line}\n- Airflow, dbt, Snowflake\n"


@pytest.mark.parametrize("name", list(LINES))
def test_a_long_line_drafts_fast(name: str) -> None:
    text = POSTING.format(line=LINES[name])
    started = time.process_time()
    draft = draft_from_text(text)
    skills = {m.text for m in extract_posting_skills(text)}
    assert time.process_time() - started < 4.0
    assert "Python" in draft.to_yaml() and "Snowflake" in skills
