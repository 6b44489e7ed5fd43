"""Spelling variants of tool names and the choice of sense: lexicon keys, text and rubric terms meet."""

from __future__ import annotations

import pytest

from screener.extract import get_extractor
from screener.extract.lexicon import key_variants, norm_phrase


@pytest.mark.parametrize("a, b", [
    ("RESTful APIs", "REST APIs"),
    ("REST API", "REST APIs"),
    ("Express.js", "Express"),
    ("ExpressJS", "express"),
    ("Node", "Node.js"),
    ("Node JS", "NodeJS"),
    ("React.js", "React"),
    ("PostgreSQL", "Postgres"),
    (".NET", "dotnet"),
    ("JS", "JavaScript"),
    ("Microservices", "microservice"),
])
def test_variants_meet(a: str, b: str) -> None:
    assert norm_phrase(a) == norm_phrase(b)


@pytest.mark.parametrize("a, b", [
    ("HTML JS", "HTML"),  # an acronym before JS is its own skill
    ("useful", "use"),  # "-ful" only after an acronym
    ("Java", "JavaScript"),
    (".NET", "net"),
    ("JS", "jQuery"),
])
def test_different_stay_apart(a: str, b: str) -> None:
    assert norm_phrase(a) != norm_phrase(b)


@pytest.mark.parametrize("key, variants", [
    ("ms excel", ["excel"]),
    ("microsoft word", ["word"]),
    ("python 3", ["python"]),
    ("java 8", ["java"]),
    ("oracle 11g", ["oracle"]),
    ("oracle 9i", ["oracle"]),
    ("javascript es6", ["javascript"]),
    ("python", []),
    ("autodesk 3d", []),  # a letter other than an Oracle release's is part of the name
    ("windows xp", []),
    ("ms", []),
])
def test_key_variants(key: str, variants: list[str]) -> None:
    assert key_variants(key) == variants


@pytest.mark.parametrize("name, context, label", [
    ("SOAP", (), "SOAP"),  # not cleaning products
    ("soap", ("Java", "XML", "web services"), "SOAP"),
    ("soap", ("floor cleaning", "laundry", "sanitation"), "cleaning products"),
    ("Linux", (), "Linux"),  # not only "operating systems"
    ("Postgres", (), "PostgreSQL"),
    ("MS Excel", (), "Microsoft Excel"),
    ("Python 3", (), "Python"),
])
def test_resolve_sense(name: str, context: tuple[str, ...], label: str) -> None:
    labels = [c.label for c in get_extractor().resolve(name, context)]
    assert labels and labels[0] == label
    if name.casefold() == "soap":
        assert len({"SOAP", "cleaning products"} & set(labels)) == 1


@pytest.mark.parametrize("a, b", [("RESTful APIs", "REST APIs"), ("Node", "Node.js"), ("dotnet", ".NET")])
def test_resolve_variants_alike(a: str, b: str) -> None:
    ex = get_extractor()
    assert [c.id for c in ex.resolve(a)] == [c.id for c in ex.resolve(b)] != []


@pytest.mark.parametrize("term, text, found", [
    ("REST APIs", "Built RESTful APIs for the billing team.", "RESTful APIs"),
    ("Express.js", "Skills: Express, MongoDB, Docker", "Express"),
    ("Node", "Backend services in Node.js and Go.", "Node.js"),
    ("Node.js", "Skills: Node JS, React", "Node JS"),
    ("MS Excel", "Reporting in Excel and Tableau.", "Excel"),
    ("Python 3", "Wrote tooling in Python 3.8 for the build.", "Python 3.8"),
])
def test_rubric_term_meets_text(term: str, text: str, found: str) -> None:
    got = [m.text for m in get_extractor().extract(text, extra_terms={"rubric:x": [term]}) if m.id == "rubric:x"]
    assert got == [found]


def test_everyday_rubric_word_needs_a_name_in_prose() -> None:
    ex = get_extractor()
    text = "I like to express my ideas clearly."
    assert not [m for m in ex.extract(text, extra_terms={"rubric:x": ["Express.js"]}) if m.id == "rubric:x"]


@pytest.mark.parametrize("text, surface, label", [
    ("Skills\nJava, XML, web services, Unity, C#\n", "Unity", "Unity (digital game creation systems)"),
    ("Skills\nJava, SOAP, Linux, Oracle\n", "SOAP", "SOAP"),
])
def test_technical_sense_in_technical_context(text: str, surface: str, label: str) -> None:
    got = {m.text: m.label for m in get_extractor().extract(text)}
    assert got.get(surface) == label


@pytest.mark.parametrize("skills, aliases, resume_line", [
    (["REST APIs"], [], "Built RESTful APIs and SOAP services in Java."),
    ([], ["Express.js"], "Skills: Express, MongoDB, Docker, Kubernetes"),
    (["Node.js"], [], "Skills: Node, React, PostgreSQL, Docker"),
    (["PostgreSQL"], [], "Skills: Postgres, Redis, Python, Django"),
])
def test_rubric_competency_meets_resume_variant(skills: list[str], aliases: list[str], resume_line: str) -> None:
    """Through the scoring stage's own matching (competency_terms + the rubric's extra terms), as the pipeline does."""
    from screener.rubric import Competency
    from screener.score.evidence import competency_terms, rubric_term_id

    comp = Competency(name="The skill", skills=skills, aliases=aliases, weight=1)
    ex = get_extractor()
    terms = competency_terms(comp, ex)
    found = ex.extract(resume_line, extra_terms={rubric_term_id(comp): comp.terms()})
    assert any(terms.matches(m) for m in found)


@pytest.mark.parametrize("a, b", [
    ("Express.js", "ExpressJS"),
    ("Express JS", "express.js"),
    ("Test Cases", "test case"),
    ("Sprint Planning", "sprint  planning"),
])
def test_custom_ids_of_spelling_variants_meet(a: str, b: str) -> None:
    from screener.extract.skills import custom_id

    assert custom_id(a) == custom_id(b)
    assert custom_id(a).startswith("custom:")


def test_custom_ids_keep_different_tools_apart() -> None:
    from screener.extract.skills import custom_id

    assert custom_id("C++") != custom_id("C#")
    assert custom_id("Java") != custom_id("JavaScript")


@pytest.mark.parametrize("sentence, written", [
    ("Built services with Express.js and Node.js on AWS.", "Node.js"),
    ("Wrote ReactJS front ends for the booking flow.", "ReactJS"),
])
def test_a_js_suffix_names_the_technology_in_prose(sentence: str, written: str) -> None:
    """An ambiguous name ("node", "react") written with the suffix the tokens drop counts in a sentence; the
    plain word in the same place does not."""
    ex = get_extractor()
    text = f"EXPERIENCE\nDeveloper, Acme\n{sentence}\n"
    assert written in [m.text for m in ex.extract(text)]
    plain = text.replace(written, written.split(".")[0].removesuffix("JS").lower())
    assert written.split(".")[0].removesuffix("JS").lower() not in [m.text for m in ex.extract(plain)]
