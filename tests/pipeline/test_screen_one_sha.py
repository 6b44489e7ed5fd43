"""``screen_one`` keys a result by the sha256 of the bytes it was given, scored or not (hashed once: the
document's own digest)."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from screener.pipeline.context import ScreenOptions, build_context
from screener.pipeline.screen_one import screen_one
from screener.rubric import load_rubric

ROOT = Path(__file__).resolve().parents[2]
RESUME = b"""Ana Souza
ana@example.com

Experience
Software Engineer, Acme Corp, Jan 2019 - Present
- Built REST APIs in Python and PostgreSQL

Skills
Python, SQL, Docker
"""


@pytest.mark.parametrize(("name", "data", "scored"), [
    ("ana.txt", RESUME, True),
    ("blank.txt", b"   \n  ", False),  # the file is empty: an error row, keyed by its digest all the same
])
def test_result_carries_the_digest_of_the_bytes(name: str, data: bytes, scored: bool) -> None:
    ctx = build_context(load_rubric(ROOT / "rubrics" / "software-engineer.yaml"), ScreenOptions(as_of=date(2026, 1, 1)))
    result = screen_one(name, data, (), ctx)
    assert (result.error is None or result.error == "") is scored
    assert result.document_sha256 == hashlib.sha256(data).hexdigest()
    assert result.candidate_code.startswith("C-")
