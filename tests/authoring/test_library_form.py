"""The rubric library (templates read-only, user folder, atomic saves) and the editor's form rules."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from screener.authoring.form import (
    blank_rubric,
    check,
    competency_rows,
    degree_words,
    resolve_terms,
    rows_to_competencies,
    rows_to_substitutes,
    search_skills,
    substitute_rows,
)
from screener.authoring.library import (
    TEMPLATES,
    copy_rubric,
    delete_rubric,
    file_name,
    library_signature,
    list_library,
    rename_rubric,
    save_rubric,
    user_dir,
)
from screener.errors import RubricError
from screener.rubric import load_rubric

GOOD = {"role": "Data Analyst", "competencies": [{"name": "SQL", "skills": ["SQL"], "weight": 60},
                                                 {"name": "Excel", "skills": ["Microsoft Excel"], "weight": 40}]}


@pytest.mark.parametrize(
    ("env", "xdg", "expected"),
    [({"SCREENER_RUBRICS": "/srv/r"}, None, Path("/srv/r")),
     ({}, "/data", Path("/data/skills-screener/rubrics")),
     ({}, None, Path.home() / ".local" / "share" / "skills-screener" / "rubrics")],
)
def test_user_dir(env: dict[str, str], xdg: str | None, expected: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCREENER_RUBRICS", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    if xdg:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert user_dir() == expected


@pytest.mark.parametrize(
    ("typed", "name"),
    [("Data Analyst (NYC)", "data-analyst-nyc.yaml"), ("../../etc/passwd", "etc-passwd.yaml"),
     ("mine.yaml", "mine.yaml"), ("Técnico Électricien", "tecnico-electricien.yaml"), (".hidden", "hidden.yaml")],
)
def test_file_names_stay_in_the_folder(typed: str, name: str) -> None:
    assert file_name(typed) == name


@pytest.mark.parametrize("typed", ["", "   ", "???", "..", "/"])
def test_file_name_needs_a_letter(typed: str) -> None:
    with pytest.raises(RubricError):
        file_name(typed)


def test_save_list_rename_copy_delete(tmp_path: Path) -> None:
    path, rubric = save_rubric(GOOD, "Data Analyst", folder=tmp_path)
    assert path == tmp_path / "data-analyst.yaml" and rubric.role == "Data Analyst"
    text = path.read_text()
    assert text.startswith("# Rubric: Data Analyst\n# Saved from") and load_rubric(path) == rubric
    entries = list_library(mine=tmp_path)
    assert entries[0].path == path and entries[0].editable
    assert {e.path.name for e in entries if not e.editable} >= {"data-analyst.yaml", "electrician.yaml"}
    sig = library_signature(mine=tmp_path)
    renamed = rename_rubric(path, "analyst v2", folder=tmp_path)
    assert renamed.name == "analyst-v2.yaml" and not path.exists()
    assert library_signature(mine=tmp_path) != sig
    copied = copy_rubric(TEMPLATES / "teacher.yaml", "my teacher", folder=tmp_path)
    assert copied.read_text() == (TEMPLATES / "teacher.yaml").read_text()  # comments kept
    delete_rubric(copied, folder=tmp_path)
    assert not copied.exists()


@pytest.mark.parametrize(
    ("action", "piece"),
    [
        (lambda d: rename_rubric(TEMPLATES / "teacher.yaml", "x", folder=d), "templates cannot be renamed"),
        (lambda d: delete_rubric(TEMPLATES / "teacher.yaml", folder=d), "templates cannot be deleted"),
        (lambda d: save_rubric({"role": "R", "competencies": []}, "bad", folder=d), "Add at least one competency"),
        (lambda d: (save_rubric(GOOD, "dup", folder=d), save_rubric(GOOD, "dup", folder=d)), "exists"),
        (lambda d: copy_rubric(TEMPLATES / "teacher.yaml", "teacher-x", folder=d / "f.yaml" / "sub"), "could not"),
    ],
)
def test_library_refusals(action: Any, piece: str, tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text("not a folder")
    with pytest.raises(RubricError) as err:
        action(tmp_path)
    assert piece in err.value.user_message() and str(tmp_path) not in err.value.user_message()
    assert (TEMPLATES / "teacher.yaml").is_file()


def test_failed_save_leaves_the_old_file(tmp_path: Path) -> None:
    path, _ = save_rubric(GOOD, "keep", folder=tmp_path)
    before = path.read_text()
    with pytest.raises(RubricError):
        save_rubric({"role": "R", "competencies": [{"name": "A", "skills": ["x"], "weight": 0}]}, "keep",
                    folder=tmp_path, overwrite=True)
    assert path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.yaml"]  # no temporary file left behind


def test_rows_round_trip() -> None:
    data = {"competencies": [
        {"name": "SQL", "skills": ["SQL", "PostgreSQL"], "aliases": ["T-SQL"], "weight": 30, "required_level": 3,
         "must_have": True, "min_years": 2},
        {"name": "Excel", "skills": ["Excel"], "weight": 10, "required_level": 1}]}
    rows = competency_rows(data)
    assert [r["Share"] for r in rows] == ["75%", "25%"]
    assert rows[0]["Required level"] == "proficient" and rows[0]["Skills"] == "SQL, PostgreSQL"
    back = rows_to_competencies(rows)
    assert back[0] == {"name": "SQL", "skills": ["SQL", "PostgreSQL"], "aliases": ["T-SQL"], "weight": 30.0,
                       "required_level": "proficient", "must_have": True, "min_years": 2.0}
    assert check({"role": "R", "competencies": back})[0] is not None


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({"Name": "Cloud", "Weight": 0, "Skills": "AWS"}, "Competency 1 ‘Cloud’: weight must be above 0"),
        ({"Name": "Cloud", "Weight": math.nan, "Skills": "AWS"}, "weight must be above 0"),
        ({"Name": "", "Weight": 5, "Skills": "AWS"}, "Competency 1: name must not be empty"),
        ({"Name": "Cloud", "Weight": 5, "Skills": "", "Aliases": None}, "list at least one skill or alias"),
        ({"Name": "Cloud", "Weight": 5, "Skills": "AWS", "Min years": 99}, "minimum years must be 60 or less"),
    ],
)
def test_live_validation_names_the_field(row: dict[str, Any], problem: str) -> None:
    rubric, problems, _ = check({"role": "R", "competencies": rows_to_competencies([row])})
    assert rubric is None and any(problem in p for p in problems["competencies"])


def test_empty_rows_are_dropped_and_blank_rubric_needs_skills() -> None:
    assert rows_to_competencies([{"Name": None, "Weight": math.nan, "Skills": None, "Aliases": None}]) == []
    rubric, problems, _ = check(blank_rubric())
    assert rubric is None and problems["competencies"]


def test_substitutes_and_degree_words() -> None:
    rows = [{"Kind": "Years of experience", "Value": "4 years"}, {"Kind": "Certification", "Value": "CPA"},
            {"Kind": "Verified badge", "Value": ""}]
    subs = rows_to_substitutes(rows)
    assert subs == [{"experience_years": 4.0}, {"certification": "CPA"}]
    assert substitute_rows({"substitutes": subs}) == [{"Kind": "Years of experience", "Value": "4"},
                                                      {"Kind": "Certification", "Value": "CPA"}]
    assert degree_words({"required": False}).startswith("No degree is required")
    assert degree_words({"required": True, "level": "master", "fields": ["nursing"], "substitutes": subs}) == (
        "A master's degree in nursing is asked for, or an equivalent: 4 years of relevant experience; "
        "certification: CPA. A degree is a flag beside the score, never part of it; foreign degrees count at "
        "their equivalent level.")
    assert degree_words({"required": True, "level": "associate"}).startswith("An associate's degree is asked for")


def test_skill_search_and_resolution() -> None:
    hits = search_skills("postgres")
    assert hits and all("postgres" in h["Term"].casefold() for h in hits)
    assert search_skills("x") == []
    rows = resolve_terms(["SQL", "Fooberry Pro"])
    assert any(r["Term"] == "SQL" and r["Resolves to"] for r in rows)
    assert {"Term": "Fooberry Pro", "Resolves to": "— not in the taxonomy: matched only as written", "Kind": "",
            "Id": ""} in rows
