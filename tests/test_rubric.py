"""Rubric loading and validation: good files load, broken ones name the file, the field path and the fix."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.errors import RubricError
from screener.rubric import (
    ISCED_OF_LEVEL,
    LEVEL_NAMES,
    RubricProblems,
    list_rubrics,
    load_rubric,
    parse_rubric,
    rubric_warnings,
    validate_rubric_data,
)

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
        (BASE.replace("weight: 10", "weight: -5"), ["Competency 1 ‘CAD’: weight must be above 0 (you wrote -5)"]),
        (BASE.replace("weight: 10", "weight: 0"), ["Competency 1 ‘CAD’: weight must be above 0 (you wrote 0)"]),
        (BASE.replace("weight: 10", "weight: lots"), ["Competency 1 ‘CAD’: weight must be a number", "30%"]),
        (BASE + "    colour: red\n", ["Competency 1 ‘CAD’: ‘colour’ is not a field here", "must-have"]),
        (BASE + "    wieght: 3\n", ["‘wieght’ is not a field here (did you mean weight?)"]),
        (BASE + "    required_level: 7\n", ["required level must be one of none, aware, working, proficient, expert",
                                             "you wrote 7"]),
        (BASE + "    required_level: guru\n", ["required level must be one of", "‘guru’"]),
        (BASE + "    must_have: maybe\n", ["Competency 1 ‘CAD’: must-have must be yes or no"]),
        (BASE + "    min_years: -1\n", ["Competency 1 ‘CAD’: minimum years must be 0 or more"]),
        (BASE.replace("    skills: [AutoCAD]\n", ""), ["Competency 1 ‘CAD’: list at least one skill or alias"]),
        (BASE.replace("role: R\n", ""), ["Role is missing"]),
        ("role: R\ncompetencies: []\n", ["Add at least one competency"]),
        (BASE + "  - name: cad\n    skills: [x]\n    weight: 1\n", ["Two competencies are named ‘cad’"]),
        (BASE + "  - skills: [x]\n    weight: 1\n", ["Competency 2: name is missing"]),
        (BASE + "  - name: Cloud\n    skills: [AWS]\n    weight: 0\n",
         ["Competency 2 ‘Cloud’: weight must be above 0"]),
        (BASE + "degree:\n  level: guru\n", ["Degree: level must be one of: high school, associate", "‘guru’"]),
        (BASE + "degree:\n  substitutes:\n    - experience_years: 4\n      certification: X\n",
         ["Degree substitute 1: name exactly one of"]),
        (BASE + "degree:\n  substitutes:\n    - {}\n", ["Degree substitute 1", "exactly one"]),
        (BASE + "evidence:\n  recency_years: 0\n", ["Evidence: recency (years) must be above 0"]),
        (BASE + "knockout: sometimes\n", ["Knockout must be yes or no"]),
        (BASE + "extra_top: 1\n", ["‘extra_top’ is not a field here"]),
        (BASE.replace("[AutoCAD]", "[" + "x" * 300 + "]"), ["Competency 1 ‘CAD’: skills (entry 1) is too long"]),
        ("- just\n- a list\n", ["must be a YAML mapping"]),
        ("role: [unclosed\n", ["not valid YAML", "line"]),
        ("", ["must be a YAML mapping"]),
    ],
)
def test_broken_rubrics_name_the_field_in_words(text: str, expected: list[str]) -> None:
    with pytest.raises(RubricError) as err:
        parse_rubric(text, source="bad.yaml")
    message = err.value.user_message()
    assert message.startswith("bad.yaml:")
    for piece in expected:
        assert piece in message
    assert "\n" not in message  # one line for the CLI
    assert "competencies[" not in message and "[0]" not in message  # no pydantic paths


def test_each_problem_is_its_own_line() -> None:
    text = BASE + "    required_level: guru\n  - name: Cloud\n    skills: [AWS]\n    weight: 0\n"
    with pytest.raises(RubricProblems) as err:
        parse_rubric(text, source="bad.yaml")
    assert err.value.problems == [
        "Competency 1 ‘CAD’: required level must be one of none, aware, working, proficient, expert (or 0–4) "
        "(you wrote ‘guru’)",
        "Competency 2 ‘Cloud’: weight must be above 0 (you wrote 0)",
    ]


FORGIVEN = "role: R\ncompetencies:\n  - name: Cloud\n    skills: {skills}\n    weight: {weight}\n    " \
    "required_level: {level}\n    must_have: {must}\n    min_years: {years}\n"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"weight": "30%", "level": "proficient", "skills": "AWS, Azure, GCP", "must": "yes", "years": "5+"},
         (30.0, 3, ["AWS", "Azure", "GCP"], True, 5.0)),
        ({"weight": "'30 %'", "level": "Expert", "skills": "[AWS; Azure]", "must": "no", "years": "5 years"},
         (30.0, 4, ["AWS", "Azure"], False, 5.0)),
        ({"weight": "12.5", "level": "'3 (proficient)'", "skills": "[AWS]", "must": "required", "years": "'2,5'"},
         (12.5, 3, ["AWS"], True, 2.5)),
        ({"weight": "1", "level": "aware", "skills": "AWS", "must": "optional", "years": "0"},
         (1.0, 1, ["AWS"], False, 0.0)),
        ({"weight": "2", "level": "none", "skills": "'AWS,'", "must": "false", "years": "3"},
         (2.0, 0, ["AWS"], False, 3.0)),
    ],
)
def test_forgiving_where_the_meaning_is_clear(fields: dict[str, str], expected: tuple) -> None:
    c = parse_rubric(FORGIVEN.format(**fields)).competencies[0]
    assert (c.weight, c.required_level, c.skills, c.must_have, c.min_years) == expected


@pytest.mark.parametrize(
    ("text", "check"),
    [
        ("role: R\ncompetencies:\n\t- name: A\n\t  skills: [a]\n\t  weight:\t3\n",
         lambda r: r.competencies[0].weight == 3),
        ("role: R\nlicense: PE\ncompetencies: [{name: A, skills: a, weight: 1}]\n",
         lambda r: r.licence is not None and r.licence.name == "PE"),
        ("role: R\ncompetencies: [{name: A, skills: a, weight: 1}]\ndegree:\n  required: yes\n  level: Bachelor's\n"
         "  fields: mechanical engineering, engineering\n  substitutes: [4 years, Certified SolidWorks Professional]\n",
         lambda r: (r.degree.level, r.degree.fields, [s.describe() for s in r.degree.substitutes]) == (
             "bachelor", ["mechanical engineering", "engineering"],
             ["4 years of relevant experience", "certification: Certified SolidWorks Professional"])),
        ("role: R\ncompetencies: [{name: A, skills: a, weight: 1}]\ndegree: {level: PhD}\n",
         lambda r: r.degree.level == "doctorate"),
        ("role: R\ncompetencies: [{name: A, skills: a, weight: 1}]\ndegree: {level: MSc}\n",
         lambda r: r.degree.level == "master"),
        ("role: R\ncompetencies: [{name: A, skills: a, weight: 1}]\nrecency years: 8\n",
         lambda r: r.evidence.recency_years == 8),
        ("role: R\ncompetencies: [{name: A, skills: a, weight: 1, Must Have: yes, Required Level: expert}]\n",
         lambda r: r.competencies[0].must_have and r.competencies[0].required_level == 4),
        ("\ufeffrole: R\ncompetencies: [{name: A, skills: a, weight: 1}]\n", lambda r: r.role == "R"),
    ],
)
def test_forgiving_spellings(text: str, check: Any) -> None:
    assert check(parse_rubric(text))


ALIAS_BASE = "role: R\ncompetencies:\n  - name: A\n    weight: 1\n    skills: [{items}]\n"


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        # the report's case, smaller: one long string referenced many times
        ("big: &a " + "x" * 40_000 + "\n" + ALIAS_BASE.format(items=", ".join(["*a"] * 1500)), "more than 100 YAML aliases"),
        # few aliases, but each stands for a long string: expansion is what counts
        ("big: &a " + "x" * 200_000 + "\n" + ALIAS_BASE.format(items=", ".join(["*a"] * 6)), "expand to more than"),
        # billion laughs: nested lists of aliases
        ("a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9)),
         "expand to more than"),
        ("a: &a [*a]\n", "refers to the list or mapping that contains it"),
        ("role: " + "[" * 40 + "]" * 40 + "\n", "nested more than 20 levels"),
        ("role: " + "{a: " * 40 + "1" + "}" * 40 + "\n", "nested more than 20 levels"),
        ("".join(f"k{i}: &n{i} v\n" for i in range(60)), "more than 50 YAML anchors"),
    ],
)
def test_yaml_bombs_are_refused_before_objects_are_built(text: str, piece: str) -> None:
    t0 = time.process_time()
    with pytest.raises(RubricError) as err:
        parse_rubric(text, source="bomb.yaml")
    assert time.process_time() - t0 < 5  # CPU seconds; the unbounded loader took minutes on the full-size case
    message = err.value.user_message()
    assert message.startswith("bomb.yaml: refused:") and piece in message and "\n" not in message


def test_a_few_aliases_for_a_shared_list_still_work() -> None:
    text = ("shared: &tools [Excel, Tableau]\nrole: R\ncompetencies:\n  - name: A\n    weight: 1\n"
            "    skills: *tools\n  - name: B\n    weight: 1\n    aliases: *tools\n")
    with pytest.raises(RubricError, match="‘shared’ is not a field here"):
        parse_rubric(text)  # anchors are fine; the unknown top-level key is what is reported
    ok = text.replace("shared: &tools [Excel, Tableau]\n", "").replace(
        "    skills: *tools\n", "    skills: &tools [Excel, Tableau]\n")
    r = parse_rubric(ok)
    assert r.competencies[1].aliases == ["Excel", "Tableau"]


def test_the_full_size_alias_bomb_file_is_refused_fast(tmp_path: Path) -> None:
    p = tmp_path / "bomb.yaml"
    p.write_text("big: &a " + "x" * 400_000 + "\n" + ALIAS_BASE.format(items=", ".join(["*a"] * 1500)))
    t0 = time.process_time()
    with pytest.raises(RubricError, match="refused"):
        load_rubric(p)
    assert time.process_time() - t0 < 5


def test_errors_name_the_file_not_the_server_path(tmp_path: Path) -> None:
    p = tmp_path / "nested" / "mine.yaml"
    p.parent.mkdir()
    p.write_text(BASE.replace("weight: 10", "weight: 0"))
    with pytest.raises(RubricError) as err:
        load_rubric(p)
    assert err.value.user_message().startswith("mine.yaml: ") and str(tmp_path) not in err.value.user_message()


class _FakeResolver:
    known = {"python", "sql", "aws"}

    def resolve(self, name: str) -> list[str]:
        return [name] if name.casefold() in self.known else []


@pytest.mark.parametrize(
    ("competencies", "expected"),
    [
        ([{"name": "Cloud", "skills": ["AWS", "Fooberry Pro"], "weight": 1}],
         ["Competency 1 ‘Cloud’: ‘Fooberry Pro’ is not in the taxonomy; will match only as written"]),
        ([{"name": "Cloud", "skills": ["AWS"], "aliases": ["Fooberry Pro"], "weight": 1}], []),  # aliases: as written
        ([{"name": "A", "skills": ["SQL"], "weight": 1}, {"name": "B", "skills": ["sql"], "weight": 1}],
         ["Competency 2 ‘B’: ‘sql’ is also in ‘A’; one mention will count for both"]),
        ([{"name": "A", "skills": ["Python"], "weight": 1, "must_have": True, "required_level": 0}],
         ["Competency 1 ‘A’: a must-have at level none is always met; raise the level or untick must-have"]),
    ],
)
def test_warnings(competencies: list[dict], expected: list[str]) -> None:
    r = validate_rubric_data({"role": "R", "competencies": competencies})
    assert rubric_warnings(r, _FakeResolver()) == expected


def test_unknown_skill_warned_with_the_real_taxonomy() -> None:
    r = parse_rubric("role: R\ncompetencies: [{name: Cloud, skills: [Amazon Web Services, Fooberry Pro], weight: 1}]")
    assert rubric_warnings(r) == [
        "Competency 1 ‘Cloud’: ‘Fooberry Pro’ is not in the taxonomy; will match only as written"]


@pytest.mark.parametrize(
    ("name", "piece"),
    [("broken_yaml.yaml", "not valid YAML"), ("unknown_field.yaml", "colour"), ("empty.yaml", "mapping"),
     ("does_not_exist.yaml", "not found")],
)
def test_broken_files(name: str, piece: str) -> None:
    with pytest.raises(RubricError) as err:
        load_rubric(FIX / name)
    assert str(err.value).startswith(name) and piece in str(err.value)


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


scalars = st.one_of(st.none(), st.booleans(), st.integers(-10, 2000), st.floats(allow_nan=False, width=32),
                    st.text(max_size=20), st.sampled_from(["30%", "expert", "yes", "a, b", "PhD", "5+ years"]))
keys = st.sampled_from(["role", "competencies", "name", "skills", "aliases", "weight", "required_level",
                        "must_have", "min_years", "degree", "level", "substitutes", "licence", "license",
                        "evidence", "recency_years", "knockout", "fields", "x"])
trees = st.recursive(scalars, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(keys, kids, max_size=5),
                     max_leaves=25)


@settings(max_examples=150, deadline=None)
@given(trees)
def test_loader_property_any_structure_loads_or_fails_in_plain_words(data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        r = parse_rubric(text, source="gen.yaml")
    except RubricError as exc:
        msg = exc.user_message()
        assert msg.startswith("gen.yaml: ") and "\n" not in msg
        assert "[0]" not in msg and "competencies[" not in msg and "function-after" not in msg
        assert "Input should" not in msg  # pydantic's own wording never reaches the user
    else:
        assert r.competencies and r.total_weight > 0


@settings(max_examples=60, deadline=None)
@given(
    comps=st.lists(st.tuples(names, st.integers(1, 100), st.integers(0, 4), st.booleans()),
                   min_size=1, max_size=6, unique_by=lambda t: t[0].casefold()),
)
def test_loader_property_forgiving_forms_equal_canonical(comps: list) -> None:
    canonical = {"role": "R", "competencies": [
        {"name": n, "skills": [n, "SQL"], "weight": w, "required_level": lv, "must_have": m}
        for n, w, lv, m in comps]}
    forgiving = {"role": "R", "competencies": [
        {"name": n, "skills": f"{n}, SQL", "weight": f"{w}%", "required_level": LEVEL_NAMES[lv].title(),
         "must_have": "yes" if m else "no"} for n, w, lv, m in comps]}
    a = parse_rubric(yaml.safe_dump(canonical, allow_unicode=True))
    tabbed = re.sub(r"^(?:  )+", lambda m: "\t" * (len(m.group()) // 2), yaml.safe_dump(forgiving, allow_unicode=True),
                    flags=re.M)
    b = parse_rubric(tabbed)
    assert a == b and a.fingerprint() == b.fingerprint()


@pytest.mark.parametrize("command", [["rubric", "check"], ["screen", "--rubric"]])
def test_cli_refuses_the_860_kb_alias_bomb_in_one_line(command: list[str], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from screener.cli import main

    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("big: &a " + "x" * 840_000 + "\n" + ALIAS_BASE.format(items=", ".join(["*a"] * 3000)))
    t0 = time.process_time()
    code = main([*command, str(bomb), *(["sample_data"] if command[0] == "screen" else [])])
    err = capsys.readouterr().err
    assert code == 2 and time.process_time() - t0 < 5
    assert err.count("\n") == 1 and "refused" in err and "Traceback" not in err and str(tmp_path) not in err
