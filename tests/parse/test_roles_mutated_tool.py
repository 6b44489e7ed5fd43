"""benchmarks/roles_mutated.py: a DOCX keeps its structure while every gold string in it is replaced."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from benchmarks.docx_mutation import docx_text, pattern_for
from benchmarks.roles_mutated import load_words, mutate_document

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="benchmark tool check; ../shared is missing")

GOLD: dict[str, Any] = {
    "id": "fixture", "file": "cv.docx", "name": "Jane Roe",
    "roles": [
        {"title": "Senior Data Engineer", "company": "Acme Widgets Ltd", "start": "2019-03", "end": "present"},
        {"title": "Analyst", "company": "Borealis", "start": "2015", "end": "2019"},
    ],
    "education": [{"institution": "Riverton State University", "credential": "Bachelor of Science",
                   "field": "Physics", "end": "2014", "kind": "degree"}],
}
FIELDS = [("roles", "title"), ("roles", "company"), ("education", "institution"), ("education", "credential")]


def _make_docx(path: Path) -> None:
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Jane Roe · jane.roe@example.com · +44 20 7946 0958"
    doc.add_paragraph("Experience")
    p = doc.add_paragraph()
    for piece in ("Mar 2019 – Present\t", "Senior ", "Data Eng", "ineer, Acme Widgets Ltd"):
        p.add_run(piece)  # the title runs over three runs
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "2015 – 2019"
    table.cell(0, 1).text = "Analyst at BOREALIS"
    doc.add_paragraph("Education")
    q = doc.add_paragraph()
    q.add_run("Bachelor of Science in Physics, Riverton State")
    q.add_run().add_break()
    q.add_run("University, 2014")
    doc.save(str(path))


def _structure(path: Path) -> tuple[int, int, int, int]:
    doc = Document(str(path))
    runs = sum(len(p.runs) for p in doc.paragraphs)
    return len(doc.paragraphs), len(doc.tables), runs, len(doc.sections[0].header.paragraphs)


def _values(row: dict[str, Any]) -> list[str]:
    return [e[key] for part, key in FIELDS for e in row[part] if e.get(key)] + [row["name"]]


@pytest.fixture()
def mutated(tmp_path: Path) -> tuple[Path, Path, dict[str, Any]]:
    _make_docx(tmp_path / "cv.docx")
    out = tmp_path / "out"
    mutation = mutate_document(GOLD, tmp_path, out, 0, 7, load_words())
    return tmp_path / "cv.docx", out / mutation.gold["file"], mutation.gold


def test_every_gold_string_is_replaced_everywhere(mutated: tuple[Path, Path, dict[str, Any]]) -> None:
    src, dst, gold = mutated
    before, after = docx_text(src), docx_text(dst)
    for old in _values(GOLD):
        assert pattern_for(old).search(before), old  # the fixture does contain it
        assert not pattern_for(old).search(after), old
    for old, new in zip(_values(GOLD), _values(gold), strict=True):
        assert new != old
        assert pattern_for(new).search(after), (old, new)
    assert "roe@" not in after.lower() and "7946 0958" not in after


def test_structure_and_year_shift_are_kept(mutated: tuple[Path, Path, dict[str, Any]]) -> None:
    src, dst, gold = mutated
    assert _structure(dst) == _structure(src)
    shift = int(gold["roles"][1]["start"]) - 2015
    assert shift != 0 and int(gold["education"][0]["end"]) == 2014 + shift
    assert gold["roles"][0]["start"] == f"{2019 + shift}-03" and gold["roles"][0]["end"] == "present"
    after = docx_text(dst)
    assert re.search(rf"\b{2015 + shift} – {2019 + shift}\b", after)
    assert after.splitlines()[1].count("\t") == 1  # the tab between the dates and the title is still there


def test_same_seed_same_copy(tmp_path: Path) -> None:
    _make_docx(tmp_path / "cv.docx")
    words = load_words()
    runs = [mutate_document(GOLD, tmp_path, tmp_path / f"o{i}", 0, seed, words).gold for i, seed in
            enumerate((3, 3, 4))]
    assert json.dumps(runs[0]) == json.dumps(runs[1])
    assert json.dumps(runs[0]) != json.dumps(runs[2])
