"""The shipped role templates: at least ten roles, each valid, commented, with its licence block where U.S. law
requires one and degree substitutes (or no degree requirement)."""

from __future__ import annotations

from pathlib import Path

import pytest

from screener.rubric import list_rubrics, load_rubric, rubric_warnings

RUBRICS = Path(__file__).resolve().parent.parent / "rubrics"
PATHS = list_rubrics(RUBRICS)

# role file → whether U.S. law requires the licence for the role as described in the template
REQUIRED = {
    "software-engineer.yaml": None,
    "data-analyst.yaml": None,
    "mechanical-design-engineer.yaml": None,
    "civil-engineer.yaml": False,  # PE relates to the role but a project-controls engineer seals nothing
    "registered-nurse.yaml": True,
    "accountant-auditor.yaml": False,  # only the CPA signing the audit opinion must be licensed
    "electrician.yaml": True,
    "teacher.yaml": True,
    "pharmacist.yaml": True,
    "physical-therapist.yaml": True,
    "financial-analyst.yaml": None,
}


def test_at_least_ten_templates_cover_the_roles() -> None:
    names = {p.name for p in PATHS}
    assert len(names) >= 10
    assert set(REQUIRED) <= names


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_licence_block_where_the_law_requires_one(name: str) -> None:
    r = load_rubric(RUBRICS / name)
    want = REQUIRED[name]
    if want is None:
        assert r.licence is None
    else:
        assert r.licence is not None and r.licence.required_by_law is want and r.licence.aliases


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_template_is_valid_commented_and_explains_degree(path: Path) -> None:
    r = load_rubric(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Rubric:") and text.count("#") >= 20  # commented for the person who copies it
    assert "rubric check" in text
    # no degree required, or one with substitutes, or a comment saying why none applies (a licence needs it)
    assert not r.degree.required or r.degree.substitutes or "substitutes: []" in text
    assert sum(r.weight_share(c) for c in r.competencies) == pytest.approx(1.0)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_template_skills_are_in_the_taxonomy(path: Path) -> None:
    unknown = [w for w in rubric_warnings(load_rubric(path)) if "not in the taxonomy" in w]
    assert unknown == []
