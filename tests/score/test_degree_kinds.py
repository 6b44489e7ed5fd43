"""The degree policy and an entry's kind: a bootcamp, vocational qualification or programme is not a degree (no
invented level), counts where the rubric names it as a substitute, and a stray line is never the "highest"."""

from __future__ import annotations

from datetime import date

from screener.models import Document, EducationEntry, Profile
from screener.pipeline.screen_one import equivalency_notes
from screener.rubric import parse_rubric
from screener.score.model import CandidateResult, DegreeStatus, EquivalencyNote
from screener.score.scoring import degree_status

AS_OF = date(2025, 1, 1)
POLICY = parse_rubric("""
role: R
competencies: [{name: A, skills: [a], weight: 1}]
degree:
  required: true
  level: bachelor
  substitutes:
    - certification: Full Stack Web Development
""").degree


def note(cred: str, kind: str, *, isced: int | None = None, institution: str = "Northwind Coding Academy") -> \
        EquivalencyNote:
    return EquivalencyNote(cred, institution, "CA", None, isced, False, None, None, (), "", False, kind)


def profile() -> Profile:
    return Profile(document=Document(file="x.txt", kind="txt", text="x"))


def test_a_named_bootcamp_meets_the_policy_by_equivalent_never_as_a_degree() -> None:
    d = degree_status(POLICY, [note("Full Stack Web Development Bootcamp", "bootcamp")], profile(), as_of=AS_OF)
    assert d.status == "met by equivalent"
    assert d.detail == "bootcamp: Full Stack Web Development Bootcamp, Northwind Coding Academy (listed, unverified)"


def test_a_bootcamp_the_rubric_does_not_name_is_shown_as_not_a_degree() -> None:
    d = degree_status(POLICY, [note("Data Science Bootcamp", "bootcamp")], profile(), as_of=AS_OF)
    assert d.status == "not met"
    assert "highest found: Data Science Bootcamp" in d.detail and "not degrees: Data Science Bootcamp (bootcamp)" \
        in d.detail


def test_a_degree_is_shown_as_highest_before_a_programme() -> None:
    notes = [note("Front-End Developer", "program"), note("Specialist in Economics", "degree", institution="U")]
    assert degree_status(POLICY, notes, profile(), as_of=AS_OF).highest == "Specialist in Economics"


def test_a_stray_line_of_unknown_kind_is_never_the_highest_degree() -> None:
    notes = [note("Recommendations", "unknown", institution=""), note("Minsk", "unknown", institution="")]
    d = degree_status(POLICY, notes, profile(), as_of=AS_OF)
    assert d.highest == "" and "no degree found" in d.detail


def test_a_bootcamp_gets_no_isced_level_even_with_a_degree_word_in_its_name() -> None:
    text = "EDUCATION\nScrum Master Bootcamp, Northwind Coding Academy, 2021\n"
    entry = EducationEntry(institution="Northwind Coding Academy", credential="Scrum Master Bootcamp",
                           span=(10, len(text)), kind="bootcamp")
    [n] = equivalency_notes(Profile(document=Document(file="x.txt", kind="txt", text=text), education=(entry,)))
    assert n.isced_level is None and n.us_equivalent is None and n.kind == "bootcamp" and "not a degree" in n.note
    degree = EducationEntry(institution="U", credential="Master of Science", span=(0, 0), kind="degree")
    [m] = equivalency_notes(Profile(document=Document(file="x.txt", kind="txt", text=text), education=(degree,)))
    assert m.isced_level == 7


def test_a_result_stored_before_kinds_still_loads() -> None:
    r = CandidateResult("y.pdf", "Y", 50.0, degree=DegreeStatus("not met", "d"),
                        equivalencies=(note("BSc", "degree", isced=6),))
    data = r.to_json()
    assert data["equivalencies"][0]["kind"] == "degree"
    del data["equivalencies"][0]["kind"]
    back = CandidateResult.from_json(data)
    assert back.equivalencies[0].kind == "unknown" and back.equivalencies[0].credential == "BSc"
    assert CandidateResult.from_json(r.to_json()) == r


def test_a_degree_known_by_its_school_alone_never_shows_a_stray_word_as_the_credential() -> None:
    # two columns glued: the contact column's "Birthday:" label beside the school read as its credential
    stray = note("Birthday", "degree", institution="State University of Telecommunications")
    d = degree_status(POLICY, [stray], profile(), as_of=AS_OF)
    assert "Birthday" not in d.detail and d.highest == \
        "a degree from State University of Telecommunications (credential not named)"
    named = note("Bachelor of Science", "degree", institution="University of Porto")
    assert degree_status(POLICY, [named], profile(), as_of=AS_OF).highest == "Bachelor of Science"


def test_a_degree_not_met_says_the_field_is_why_and_that_the_substitutes_were_not_found() -> None:
    """'bachelor required (highest found: MA In Jurisprudence); accepted instead: 4 years …; verified badge …' never
    said the field was why, and read as if the candidate held the badge and the certification."""
    from datetime import date
    from pathlib import Path

    from screener.pipeline import ScreenOptions, screen
    from screener.rubric import load_rubric

    cv = ("Alex Morgan\n\nEXPERIENCE\nSoftware Engineer, Brightwater Logistics, 2023 - 2024\n- Built services in Python.\n"
          "\nEDUCATION\nMA in Jurisprudence, Saratov State Law Academy, 2016\n")
    rubric = load_rubric(Path(__file__).resolve().parents[2] / "rubrics" / "software-engineer.yaml")
    degree = screen(rubric, [("cv.txt", cv.encode())],
                    options=ScreenOptions(as_of=date(2026, 12, 1), sandbox=False)).results[0].degree
    assert degree is not None and degree.status == "not met"
    assert degree.detail.startswith("bachelor in computer science, software engineering or computer engineering "
                                    "required (highest found: MA in Jurisprudence, in another field)"), degree.detail
    assert "also accepted, none found: 4 years of relevant experience" in degree.detail
