"""Rubric loading and validation: good files load, broken ones name the file, the field path and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.errors import RubricError
from screener.rubric import ISCED_OF_LEVEL, list_rubrics, load_rubric, parse_rubric

FIX = Path(__file__).parent / "fixtures" / "rubrics"
ROOT = Path(__file__).resolve().parent.parent


def test_minimal_rubric_defaults() -> None:
    r = load_rubric(FIX / "good_minimal.yaml")
    assert r.role == "Data Analyst"
    c = r.competencies[0]
    assert (c.required_level, c.must_have, c.min_years) == (2, False, None)
    assert r.degree.required is False  # by default no degree is required
    assert r.licence is None and r.knockout is False
    assert r.evidence.recency_years == 10


def test_full_rubric() -> None:
    r = load_rubric(FIX / "good_full.yaml")
    assert r.version == "2"
    assert [c.name for c in r.competencies] == ["CAD modelling", "Finite element analysis"]
    assert r.weight_share(r.competencies[0]) == pytest.approx(0.6)
    assert r.degree.isced_level == ISCED_OF_LEVEL["bachelor"] == 6
    assert [s.describe() for s in r.degree.substitutes] == [
        "4 years of relevant experience", "certification: Certified SolidWorks Professional",
        "verified badge: SolidWorks Associate"]
    assert r.licence is not None and r.licence.profession == "professional engineer"
    assert r.competencies[0].terms() == ["AutoCAD", "SolidWorks", "NX CAD", "3D CAD"]


def test_licence_may_be_a_plain_string() -> None:
    r = parse_rubric("role: X\nlicence: RN\ncompetencies: [{name: A, skills: [a], weight: 1}]\n")
    assert r.licence is not None and r.licence.name == "RN" and not r.licence.required_by_law


def test_fingerprint_is_stable_and_content_sensitive() -> None:
    a = load_rubric(FIX / "good_full.yaml")
    b = load_rubric(FIX / "good_full.yaml")
    c = parse_rubric((FIX / "good_full.yaml").read_text().replace("weight: 30", "weight: 31"))
    assert a.fingerprint() == b.fingerprint() != c.fingerprint()


BASE = "role: R\ncompetencies:\n  - name: CAD\n    skills: [AutoCAD]\n    weight: 10\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BASE.replace("weight: 10", "weight: -5"), ['competencies[0] ("CAD").weight', "greater than 0", "-5"]),
        (BASE.replace("weight: 10", "weight: 0"), ["competencies[0] (\"CAD\").weight", "greater than 0"]),
        (BASE.replace("weight: 10", "weight: lots"), ["weight", "number"]),
        (BASE + "    colour: red\n", ['competencies[0] ("CAD").colour', "unknown field"]),
        (BASE + "    required_level: 7\n", ["required_level", "less than or equal to 4"]),
        (BASE + "    must_have: maybe\n", ["must_have", "true or false"]),
        (BASE + "    min_years: -1\n", ["min_years"]),
        (BASE.replace("    skills: [AutoCAD]\n", ""), ["competencies[0]", "skills' or 'aliases'"]),
        (BASE.replace("role: R\n", ""), ["role", "Field required", "add this field"]),
        ("role: R\ncompetencies: []\n", ["competencies", "at least 1"]),
        (BASE + "  - name: cad\n    skills: [x]\n    weight: 1\n", ["two competencies are named"]),
        (BASE + "degree:\n  level: phd\n", ["degree.level", "one of the allowed values"]),
        (BASE + "degree:\n  substitutes:\n    - experience_years: 4\n      certification: X\n",
         ["degree.substitutes[0]", "exactly one"]),
        (BASE + "degree:\n  substitutes:\n    - {}\n", ["exactly one"]),
        (BASE + "evidence:\n  recency_years: 0\n", ["evidence.recency_years"]),
        (BASE + "knockout: sometimes\n", ["knockout"]),
        (BASE + "extra_top: 1\n", ["extra_top", "unknown field"]),
        ("- just\n- a list\n", ["must be a YAML mapping"]),
        ("role: [unclosed\n", ["not valid YAML", "line"]),
        ("", ["must be a YAML mapping"]),
    ],
)
def test_broken_rubrics_name_the_field(text: str, expected: list[str]) -> None:
    with pytest.raises(RubricError) as err:
        parse_rubric(text, source="rubrics/bad.yaml")
    message = err.value.user_message()
    assert message.startswith("rubrics/bad.yaml:")
    for piece in expected:
        assert piece in message
    assert "\n" not in message  # one line for the CLI


@pytest.mark.parametrize(
    ("name", "piece"),
    [("broken_yaml.yaml", "not valid YAML"), ("unknown_field.yaml", "colour"), ("empty.yaml", "mapping"),
     ("does_not_exist.yaml", "not found")],
)
def test_broken_files(name: str, piece: str) -> None:
    with pytest.raises(RubricError) as err:
        load_rubric(FIX / name)
    assert name in str(err.value) and piece in str(err.value)


def test_a_folder_is_not_a_rubric(tmp_path: Path) -> None:
    with pytest.raises(RubricError, match="folder"):
        load_rubric(tmp_path)


def test_shipped_rubrics_all_load() -> None:
    paths = list_rubrics(ROOT / "rubrics")
    assert len(paths) >= 3
    for p in paths:
        r = load_rubric(p)
        assert r.competencies and r.total_weight > 0


names = st.text(alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=" -+#"), min_size=1,
                max_size=30).map(str.strip).filter(bool)


@settings(max_examples=60, deadline=None)
@given(
    comps=st.lists(st.tuples(names, st.floats(min_value=0.1, max_value=100), st.integers(0, 4), st.booleans()),
                   min_size=1, max_size=6, unique_by=lambda t: t[0].casefold()),
    required=st.booleans(),
    level=st.sampled_from(sorted(ISCED_OF_LEVEL)),
)
def test_generated_rubrics_round_trip(comps: list, required: bool, level: str) -> None:
    data = {
        "role": "Generated role",
        "competencies": [{"name": n, "skills": [n], "weight": w, "required_level": lv, "must_have": m}
                         for n, w, lv, m in comps],
        "degree": {"required": required, "level": level},
    }
    r = parse_rubric(yaml.safe_dump(data, allow_unicode=True))
    assert [c.name for c in r.competencies] == [n for n, *_ in comps]
    assert sum(r.weight_share(c) for c in r.competencies) == pytest.approx(1.0)
    assert r.degree.required is required and r.degree.level == level


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes(text: str) -> None:
    try:
        parse_rubric(text)
    except RubricError as exc:
        assert exc.user_message()
