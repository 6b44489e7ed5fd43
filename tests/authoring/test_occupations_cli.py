"""Drafts from ESCO / O*NET occupations, and the `rubric draft` / `rubric check` CLI contract."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from screener.authoring import draft_from_occupation, find_occupation, search_occupations, skill_group
from screener.authoring.occupations import OccupationNotFound
from screener.cli import main
from screener.rubric import load_rubric, rubric_warnings
from tests.authoring.conftest import DATA_ANALYST


@pytest.mark.parametrize(
    ("query", "source", "code", "title"),
    [
        ("15-2051.00", "onet", "15-2051.00", "Data Scientists"),
        ("15-2051", "onet", "15-2051.00", "Data Scientists"),
        ("data analyst", "esco", "2511.3", "data analyst"),
        ("Data Analyst", "esco", "2511.3", "data analyst"),
        ("http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2", "esco", "2511.3",
         "data analyst"),
        ("2511.3", "esco", "2511.3", "data analyst"),
        ("registered nurses", "onet", "29-1141.00", "Registered Nurses"),
    ],
)
def test_find_occupation(query: str, source: str, code: str, title: str) -> None:
    occ = find_occupation(query)
    assert (occ.source, occ.code, occ.title) == (source, code, title)
    assert occ.skills


@pytest.mark.parametrize("query", ["", "zzzz qqqq", "99-9999.00"])
def test_unknown_occupation(query: str) -> None:
    with pytest.raises(OccupationNotFound):
        find_occupation(query)


def test_search_ranks_exact_titles_first() -> None:
    titles = [o.title for o in search_occupations("software developer", limit=5)]
    assert titles[0] == "software developer"


@pytest.mark.parametrize(("label", "group"), [("SQL", "Databases and SQL"), ("Python", "Programming and software development"),
                                              ("Tableau", "Data analysis and reporting"), ("nonexistent xyz", None)])
def test_skill_group(label: str, group: str | None) -> None:
    assert skill_group(label) == group


@pytest.mark.parametrize("query", ["data analyst", "15-2051.00", "registered nurse"])
def test_occupation_draft_is_valid_without_unknown_skills(query: str) -> None:
    draft = draft_from_occupation(query)
    rubric = draft.rubric()
    occ = find_occupation(query)
    terms = {t for c in rubric.competencies for t in c.terms()}
    assert set(occ.skills) <= terms  # its skills become the competencies (an O*NET one adds its ESCO twin's)
    assert not [w for w in rubric_warnings(rubric) if "not in the taxonomy" in w]
    assert "CC BY 4.0" in draft.to_yaml()  # attribution travels with the draft


def test_onet_occupation_adds_the_essential_skills_of_its_esco_twin() -> None:
    draft = draft_from_occupation("47-2111.00")  # Electricians
    esco = find_occupation("electrician")
    terms = {t for c in draft.rubric().competencies for t in c.terms()}
    assert set(esco.skills) <= terms and "ESCO occupation ‘electrician’" in draft.notes[0]
    assert draft.data["licence"]["required_by_law"] is True


def test_registered_nurse_occupation_gets_its_licence() -> None:
    data = draft_from_occupation("registered nurse").data
    assert data["licence"]["required_by_law"] is True


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_cli_draft_from_job_file_passes_check(kind: str, posting_files: dict[str, Path], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.yaml"
    code, _, err = run(capsys, "rubric", "draft", "--from-job", str(posting_files[kind]), "--out", str(out))
    assert code == 0, err
    assert "drafted ‘Data Analyst’" in err
    code, stdout, err = run(capsys, "rubric", "check", str(out))
    assert code == 0 and "OK — Data Analyst" in stdout
    skills = {t for c in load_rubric(out).competencies for t in c.terms()}
    assert {"SQL", "Tableau"} <= skills


def test_cli_draft_from_stdin(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(DATA_ANALYST))
    out = tmp_path / "r.yaml"
    code, _, err = run(capsys, "rubric", "draft", "--from-job", "-", "--out", str(out))
    assert code == 0, err and load_rubric(out).role == "Data Analyst"


def test_cli_draft_from_occupation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.yaml"
    code, _, _ = run(capsys, "rubric", "draft", "--from-occupation", "15-2051.00", "--out", str(out))
    assert code == 0
    code, stdout, _ = run(capsys, "rubric", "check", str(out))
    assert code == 0 and "Data Scientists" in stdout


@pytest.mark.parametrize(
    ("argv", "piece"),
    [
        (["rubric", "draft", "--from-job", "nope.txt", "--out", "{tmp}/r.yaml"], "nope.txt: no such file"),
        (["rubric", "draft", "--from-occupation", "zzzz qqqq", "--out", "{tmp}/r.yaml"], "no ESCO or O*NET"),
        (["rubric", "draft", "--from-occupation", "data analyst", "--out", "{tmp}/r.txt"], "use a .yaml"),
        (["rubric", "draft", "--from-occupation", "data analyst", "--out", "{tmp}/no/r.yaml"], "does not exist"),
        (["rubric", "draft", "--out", "{tmp}/r.yaml"], "one of the arguments"),
        (["rubric", "draft", "--from-job", "{empty}", "--out", "{tmp}/r.yaml"], ""),
    ],
)
def test_cli_draft_bad_input_is_one_line_exit_2(argv: list[str], piece: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, err = run(capsys, *[a.format(tmp=tmp_path, empty=empty) for a in argv])
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and piece in lines[0] and "Traceback" not in err


def test_cli_check_prints_one_line_per_problem_and_warnings(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("role: R\ncompetencies:\n  - name: Cloud\n    skills: AWS\n    weight: 0\n"
                   "  - name: X\n    skills: [y]\n    weight: 1\n    required_level: guru\n")
    code, _, err = run(capsys, "rubric", "check", str(bad))
    assert code == 2
    assert err.splitlines() == [
        "error: bad.yaml: Competency 1 ‘Cloud’: weight must be above 0 (you wrote 0)",
        "error: bad.yaml: Competency 2 ‘X’: required level must be one of none, aware, working, proficient, "
        "expert (or 0–4) (you wrote ‘guru’)"]
    good = tmp_path / "good.yaml"
    good.write_text("role: R\ncompetencies:\n  - name: Cloud\n    skills: AWS, Fooberry Pro\n    weight: 30%\n"
                    "    required_level: proficient\n")
    code, out, err = run(capsys, "rubric", "check", str(good))
    assert code == 0 and "level 3 (proficient)" in out
    assert "warning: Competency 1 ‘Cloud’: ‘Fooberry Pro’ is not in the taxonomy; will match only as written" in err
    assert str(tmp_path) not in err
