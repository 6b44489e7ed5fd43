"""Drafting a rubric from a posting: grouped competencies, required vs nice-to-have, years, degree, licence."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screener.authoring import draft_from_text
from screener.extract.lexicon import norm_phrase
from screener.rubric import parse_rubric
from tests.authoring.conftest import BACKEND, DATA_ANALYST, NURSE, WAREHOUSE


def comp_with(data: dict[str, Any], term: str) -> dict[str, Any]:
    key = norm_phrase(term)
    found = [c for c in data["competencies"]
             if key in {norm_phrase(t) for t in c.get("skills", []) + c.get("aliases", [])}]
    assert found, f"{term!r} is in no competency: {[c.get('skills') for c in data['competencies']]}"
    return found[0]


def all_terms(data: dict[str, Any]) -> set[str]:
    return {norm_phrase(t) for c in data["competencies"] for t in c.get("skills", []) + c.get("aliases", [])}


@pytest.mark.parametrize("text", [DATA_ANALYST, BACKEND, NURSE, WAREHOUSE])
def test_every_draft_is_valid_and_grounded(text: str) -> None:
    draft = draft_from_text(text, source="posting.txt")
    rubric = parse_rubric(draft.to_yaml(), source="draft.yaml")  # the YAML round-trips through the loader
    hay = f" {norm_phrase(text)} "
    for c in rubric.competencies:
        assert any(f" {norm_phrase(t)} " in hay for t in c.terms()), c.name
    assert sum(c.weight for c in rubric.competencies) == 100
    assert len({c.name.casefold() for c in rubric.competencies}) == len(rubric.competencies)


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        # (posting, a skill it names, fields the competency holding it must have)
        (DATA_ANALYST, "SQL", {"must_have": True, "min_years": 3.0, "required_level": 3}),
        (DATA_ANALYST, "Tableau", {"required_level": 2}),
        (DATA_ANALYST, "Power BI", {}),
        (DATA_ANALYST, "Airflow", {"required_level": 1}),  # "Nice to have" heading
        (BACKEND, "C#", {"must_have": True, "min_years": 5.0, "required_level": 3}),
        (BACKEND, "Kafka", {"required_level": 1}),  # "is a plus"
        (BACKEND, "Docker", {"must_have": True}),  # "is required"
        (NURSE, "Epic", {}),
    ],
)
def test_competency_fields_from_wording(text: str, term: str, expected: dict[str, Any]) -> None:
    comp = comp_with(draft_from_text(text).data, term)
    for key, value in expected.items():
        assert comp.get(key) == value, (term, key, comp)


@pytest.mark.parametrize(
    ("text", "absent"),
    [(DATA_ANALYST, ["Kubernetes", "Rust", "Salesforce"]),  # named only under "About us" and "Benefits"
     ("Engineer\nRequirements:\n- Designing and implementing scalable, efficient services in Go\n"
      "- Management of stakeholders\n", ["Designing", "scalable", "efficient", "Management"]),
     ("Developer (M/F/D)\nWe label your success, you bring Java, M/F/D, & back-end skills.\n",
      ["M/F/D", "We label your success", "& back-end"])],
)
def test_benefits_and_about_blocks_are_not_requirements(text: str, absent: list[str]) -> None:
    terms = all_terms(draft_from_text(text).data)
    for t in absent:
        assert norm_phrase(t) not in terms


@pytest.mark.parametrize(
    ("text", "degree", "note"),
    [
        (DATA_ANALYST, {"required": True, "level": "bachelor", "fields": ["statistics", "economics"],
                        "substitutes": [{"experience_years": 4.0}]}, "with no equivalent"),
        (BACKEND, {"required": True, "level": "bachelor", "fields": ["computer science"],
                   "substitutes": [{"experience_years": 4.0}]}, "accepts an equivalent"),
        (NURSE, {"required": False, "level": "bachelor"}, "prefers a bachelor degree"),
        (WAREHOUSE, {"required": False}, None),
        ("Developer\nRequirements:\n- BS/MS degree in Computer Science\n- Experience with Java\n",
         {"required": True, "level": "bachelor", "fields": ["computer science"]}, "with no equivalent"),
        ("Scientist\n- PhD in Physics or a related field required\n- Experience with Python\n",
         {"required": True, "level": "doctorate", "substitutes": [{"experience_years": 8.0}]}, "doctoral degree"),
    ],
)
def test_degree_policy(text: str, degree: dict[str, Any], note: str | None) -> None:
    draft = draft_from_text(text)
    got = draft.data["degree"]
    for key, value in degree.items():
        assert got.get(key) == value, (key, got)
    notes = " ".join(draft.notes)
    if note:
        assert note in notes
    else:
        assert "degree" not in notes


@pytest.mark.parametrize(
    ("text", "licence"),
    [
        (NURSE, {"profession": "registered nurse", "required_by_law": True}),
        (BACKEND, None),
        (DATA_ANALYST, None),
        ("Journeyman Electrician\nMust hold a state electrical license.\nConduit bending and NEC knowledge required.\n",
         {"profession": "electrician", "required_by_law": True}),
        ("Staff Accountant\nExperience with QuickBooks and GAAP required. CPA license a plus.\n",
         {"profession": "certified public accountant", "required_by_law": False}),
    ],
)
def test_licence_block_for_regulated_roles(text: str, licence: dict[str, Any] | None) -> None:
    got = draft_from_text(text).data.get("licence")
    if licence is None:
        assert got is None
    else:
        assert got is not None and {k: got[k] for k in licence} == licence and got["aliases"]


@pytest.mark.parametrize(
    ("text", "role"),
    [(DATA_ANALYST, "Data Analyst"), (BACKEND, "Senior Backend Engineer (C#)"),
     ("Job Title: Payroll Specialist\nExperience with ADP and Excel required.\n", "Payroll Specialist"),
     ("<ORGANIZATION> is looking for a Java developer to join us. Experience with Spring is required.\n",
      "Java developer"),
     ("Job Description: Java Developer (3 Years of Experience)\nExperience with Spring is required.\n",
      "Java Developer"),
     ("FULL STACK SOFTWARE DEVELOPER ( M/F/D )\nExperience with Java is required.\n", "Full Stack Software Developer"),
     ("Senior QA and Test Engineer (m/w/d)\nExperience with Selenium is required.\n", "Senior QA and Test Engineer")],
)
def test_role_title(text: str, role: str) -> None:
    assert draft_from_text(text).data["role"] == role


def test_weights_follow_emphasis() -> None:
    data = draft_from_text(BACKEND).data
    assert comp_with(data, "C#")["weight"] > comp_with(data, "Kafka")["weight"]


def test_equal_opportunity_statement_gives_no_skills() -> None:
    text = BACKEND + ("We are an equal opportunity employer and consider all applicants without regard to "
                      "characteristics such as race, religion, disability or veteran status.\n")
    terms = all_terms(draft_from_text(text).data)
    assert not {"disability", "veteran status", "religion"} & terms


@pytest.mark.parametrize("text", ["", "   \n ", "Lorem ipsum dolor sit amet.\n", "Experience with Java. " * 6000])
def test_nothing_to_draft_is_one_clear_error(text: str) -> None:
    from screener.errors import RubricError

    with pytest.raises(RubricError) as err:
        draft_from_text(text)
    assert "\n" not in err.value.user_message()


def test_same_posting_same_draft() -> None:
    assert draft_from_text(DATA_ANALYST).to_yaml() == draft_from_text(DATA_ANALYST).to_yaml()


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a phrase the taxonomy lacks, a language, and tools in a list that the lexicon does not know
        ("Backend Developer\nRequirements:\n- Experience with code reviews and CI/CD\n- Fluent English\n"
         "- Experience with Hazelcast, Spinnaker and Kafka\n",
         ["code reviews", "CI/CD", "English", "Hazelcast", "Spinnaker", "Kafka"], []),
        # 'React' and 'Go' are everyday words: technologies only when capitalised inside a sentence
        ("Frontend Developer\nWe build with React and Go every day. Go ahead and react quickly to incidents.\n",
         ["React", "Go"], ["react"]),
        # the fields of a degree are not skills the role asks for
        ("Analyst\nBachelor's degree in Economics or Statistics required.\nExperience with SQL.\n",
         ["SQL"], ["Economics", "Statistics"]),
    ],
)
def test_posting_specific_candidates(text: str, present: list[str], absent: list[str]) -> None:
    data = draft_from_text(text).data
    surfaces = {t for c in data["competencies"] for t in c.get("skills", []) + c.get("aliases", [])}
    for t in present:
        assert t in surfaces, (t, surfaces)
    for t in absent:
        assert t not in surfaces, (t, surfaces)


WORDS = ["Requirements:", "Nice to have:", "Benefits", "- ", "• ", "5+ years of", "experience with", "Python", "SQL",
         "C#", ".NET", "Excel", "React", "Go", "must", "preferred", "a plus", "Bachelor's degree in", "or equivalent",
         "RN license required", "communication skills", "and", "or", ",", ".", "\n", "\t", "<ORGANIZATION>", "ß",
         "İ", "🙂", "(", ")", "/", "BS/MS", "PhD", "team", "Kafka", "AWS", "", "e.g.", ":"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=60).map(" ".join))
def test_any_posting_drafts_a_valid_rubric_or_one_clear_error(text: str) -> None:
    from screener.errors import RubricError

    try:
        draft = draft_from_text(text)
    except RubricError as exc:
        assert "\n" not in exc.user_message()
        return
    rubric = parse_rubric(draft.to_yaml(), source="draft.yaml")
    hay = f" {norm_phrase(text)} "
    assert all(any(f" {norm_phrase(t)} " in hay for t in c.terms()) for c in rubric.competencies)
