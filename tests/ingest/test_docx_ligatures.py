"""PDF-to-Word conversions that dropped ligature glyphs ('Soware' for 'Software', 'applicaons'): the letters are put
back in documents that show the damage, never in clean ones. Documents are generated with python-docx."""

from __future__ import annotations

import io
from datetime import date

from docx import Document as WordDocument

from screener.ingest import ingest_bytes
from screener.ingest.docx import _restore_ligatures
from screener.parse import parse_document


def _docx(lines: list[str]) -> bytes:
    doc = WordDocument()
    for line in lines:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


DAMAGED = [
    "Dana Brook",
    "I am a Soware Engineer building crical applicaons for a large internaonal team.",
    "Work experience",
    "Quillon Data ( Norway, Bergen) I was designing the backend for the customers support applicaon of the bank",
    "Soware Engineer a wide technological stack",
    "June 2019 - December 2020 - Java, Docker, Jenkins",
    "Educaon",
    "Naonal University of Bergen",
]


def test_ligature_letters_are_put_back_and_the_role_reads() -> None:
    doc = ingest_bytes(_docx(DAMAGED), "cv.docx")
    assert "Software Engineer" in doc.text and "applications" in doc.text and "Education" in doc.text
    assert "Soware" not in doc.text
    roles = parse_document(doc, today=date(2026, 1, 15)).roles
    assert [(r.title, r.employer, str(r.start), r.end_label()) for r in roles] == [
        ("Software Engineer", "Quillon Data", "2019-06", "2020-12")]


def test_case_of_the_damaged_word_is_kept() -> None:
    assert _restore_ligatures("SOWARE Soware soware crical posion") == \
        "SOFTWARE Software software critical position"


def test_a_clean_document_is_left_alone() -> None:
    # one or two words that happen to look damaged are not enough
    text = "Senior Engineer at Nave Systems\nBuilt critical applications.\nEducation"
    assert _restore_ligatures(text) == text
