"""Evidence rows in plain words, one per piece; licensing notes only for a regulated role and a foreign credential."""

from __future__ import annotations

import pytest

from screener.rubric import parse_rubric
from screener.score.model import CandidateResult, CompetencyScore, EquivalencyNote, Evidence
from screener.score.present import evidence_rows, full_context, licensing_note, strength_word


def ev(kind: str, quote: str = "SQL", *, strength: float = 0.8, start: int | None = 0, role: str = "",
       source: str = "résumé", related: bool = False, section: str = "experience") -> Evidence:
    return Evidence("SQL", kind, quote, f"… {quote} …", f"skill:{quote.casefold()}", quote, section, strength,
                    start=start, end=None if start is None else start + len(quote), role=role, source=source,
                    related=related)


def comp(*evidence: Evidence) -> CompetencyScore:
    return CompetencyScore("SQL", 1, 1.0, 3, 3, 3.0, 80.0, 0, 0, None, None, False, True, tuple(evidence), (), ())


@pytest.mark.parametrize(("e", "found_as"), [
    (ev("role", role="Analyst — Acme (2020 – present)"), "Used in a dated role — strong"),
    (ev("role"), "Named in work experience (no dated role) — strong"),
    (ev("skills-list", strength=0.3, section="skills"), "Listed in a skills section — weak"),
    (ev("certification", strength=0.6), "Certification listed, not verified — moderate"),
    (ev("skills-list", "PostgreSQL", strength=0.15, related=True),
     "Listed in a skills section — weak (related skill PostgreSQL, half strength)"),
])
def test_plain_words(e: Evidence, found_as: str) -> None:
    (row,) = evidence_rows(comp(e))
    assert row.found_as == found_as
    assert "0." not in row.found_as and "skills-list" not in row.found_as


def test_one_row_per_badge_however_often_it_is_listed() -> None:
    b = [ev("verified-badge", q, strength=1.0, start=None, source="https://badges.example/a/1", section="badge")
         for q in ("SQL", "SQL", "Structured Query Language")]
    rows = evidence_rows(comp(*b, ev("verified-badge", "SQL", strength=1.0, start=None, source="b2.png")))
    assert [r.skill for r in rows] == ["SQL, Structured Query Language", "SQL"]
    assert all(r.found_as == "Verified badge — strong" for r in rows)


def test_blind_hides_the_role_and_full_context_is_the_whole_bullet() -> None:
    text = "EXPERIENCE\n• Wrote SQL reports for the finance team and\n  tuned them weekly.\n• Other.\n"
    e = ev("role", start=text.index("SQL"), role="Analyst — Acme (2020 – present)")
    (row,) = evidence_rows(comp(e), text=text, blind=True)
    assert row.where == "work experience"
    assert row.full_context == "• Wrote SQL reports for the finance team and\n tuned them weekly."
    assert evidence_rows(comp(e), text=text)[0].where.startswith("Analyst — Acme")


def test_full_context_is_capped() -> None:
    text = "x " * 2000
    out = full_context(text, 10, 12, limit=100)
    assert len(out) <= 101 and out.endswith("…")


@pytest.mark.parametrize(("s", "word"), [(1.0, "strong"), (0.8, "strong"), (0.6, "moderate"), (0.5, "moderate"),
                                         (0.4, "weak"), (0.15, "weak")])
def test_strength_words(s: float, word: str) -> None:
    assert strength_word(s) == word


SOFTWARE = parse_rubric("role: Software Engineer\ncompetencies:\n  - name: Python\n    skills: [Python]\n    weight: 1\n")
NURSE = parse_rubric("role: Registered Nurse\ndescription: Hospital nursing care\ncompetencies:\n"
                     "  - name: Patient care\n    skills: [patient care]\n    weight: 1\n")


def result(country: str) -> CandidateResult:
    note = EquivalencyNote("BSc Nursing", "University of Ghana", country, "Bachelor's degree", 6, False,
                           "registered nurse", ("CGFNS", "NCLEX-RN"), (), "", foreign=country != "US")
    return CandidateResult("a.txt", "A", 80.0, equivalencies=(note,))


@pytest.mark.parametrize(("rubric", "country", "shown"), [
    (NURSE, "GH", True),        # regulated role, foreign credential
    (NURSE, "US", False),       # a U.S. graduate needs no note
    (SOFTWARE, "GH", False),    # software is not a regulated role
])
def test_licensing_note_only_for_regulated_role_and_foreign_credential(rubric, country: str, shown: bool) -> None:
    note = licensing_note(result(country), rubric)
    assert (note is not None) is shown
    if note:
        assert "NCLEX" in note and note.count("NCLEX") == 1


@pytest.mark.parametrize(("needle", "whole"), [
    ("Helm", "• Moved 40 services to Kubernetes; wrote the\nHelm charts the teams now share."),
    ("Kubernetes", "• Moved 40 services to Kubernetes; wrote the\nHelm charts the teams now share."),
    ("Docker", "• Introduced Docker for local development."),
])
def test_full_context_joins_wrapped_lines(needle: str, whole: str) -> None:
    text = ("EXPERIENCE\n• Moved 40 services to Kubernetes; wrote the\nHelm charts the teams now share.\n"
            "• Introduced Docker for local development.\n\nSKILLS\nPython\n")
    i = text.index(needle)
    assert full_context(text, i, i + len(needle)) == whole


def test_an_achievement_caption_reads_as_words() -> None:
    """The caption under a quantified achievement read '· count' when the role was hidden (blind review)."""
    from screener.score.present import achievement_caption

    assert achievement_caption("", ("count",), same_role=False) == "measured as a scale (users, requests, people …)"
    assert achievement_caption("Data Engineer, Acme", ("percentage", "money"), same_role=True) == \
        "in the same role: Data Engineer, Acme · measured as a percentage, an amount of money"
