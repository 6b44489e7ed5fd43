"""The Rubrics page (AppTest): the library lists templates and the user's rubrics; a draft from a pasted posting is
saved without seeing YAML; a failed save keeps the edits; copy, rename, delete; the Screen page sees the change."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from screener.rubric import load_rubric
from tests.authoring.conftest import DATA_ANALYST, _docx, _pdf

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "ui" / "rubrics.py")


@pytest.fixture
def mine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "my-rubrics"
    monkeypatch.setenv("SCREENER_RUBRICS", str(folder))
    monkeypatch.chdir(ROOT)
    return folder


@pytest.fixture
def page(mine: Path) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def shown(element: object) -> str:
    """An element's text as the reader sees it (md_text's escapes and word joiners taken out)."""
    return str(element.value).replace("\\", "").replace("\u2060", "")  # type: ignore[attr-defined]


def button(at: AppTest, label: str) -> object:
    return next(b for b in at.button if b.label == label)


def draft_from_pasted_posting(at: AppTest) -> None:
    at.text_area(key="rb_posting").input(DATA_ANALYST)
    button(at, "Draft from the posting").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]


def test_library_lists_the_templates(page: AppTest) -> None:
    table = page.dataframe[0].value
    assert len(table) >= 10 and set(table["Where"]) == {"Template"}
    assert "data-analyst.yaml" in set(table["Rubric"]) and set(table["Status"]) == {"OK"}


def test_draft_from_pasted_posting_then_save(page: AppTest, mine: Path) -> None:
    draft_from_pasted_posting(page)
    assert page.text_input(key="rb_role_1").value == "Data Analyst"
    assert any("Valid:" in s.value for s in page.success)
    assert any("bachelor's degree with no equivalent" in t.value for t in page.text)  # the draft's notes
    button(page, "Save rubric").click()
    page.run()
    assert not page.exception
    saved = mine / "data-analyst.yaml"
    assert saved.is_file() and saved.read_text().startswith("# Rubric: Data Analyst")
    rubric = load_rubric(saved)
    assert rubric.role == "Data Analyst"
    assert any("SQL" in c.skills for c in rubric.competencies)
    assert any("Saved data-analyst.yaml" in shown(s) for s in page.success)
    table = page.dataframe[0].value
    assert "Your rubrics" in set(table["Where"])  # listed at once


def test_edits_survive_a_failed_save(page: AppTest, mine: Path) -> None:
    mine.mkdir(parents=True)
    (mine / "taken.yaml").write_text("role: Old\ncompetencies: [{name: A, skills: [SQL], weight: 1}]\n")
    draft_from_pasted_posting(page)
    page.text_input(key="rb_role_1").input("Data Analyst — Logistics")
    page.text_input(key="rb_file_1").input("taken")
    page.checkbox(key="rb_over_1").uncheck()
    button(page, "Save rubric").click()
    page.run()
    assert any("a rubric with this name exists" in shown(e) for e in page.error)
    assert page.text_input(key="rb_role_1").value == "Data Analyst — Logistics"  # nothing lost
    assert load_rubric(mine / "taken.yaml").role == "Old"  # nothing overwritten


def test_invalid_edit_is_named_beside_the_field_and_cannot_be_saved(page: AppTest) -> None:
    button(page, "New blank rubric").click()
    page.run()
    assert any("Competency 1 ‘First competency’: list at least one skill or alias" in shown(e) for e in page.error)
    assert button(page, "Save rubric").disabled
    page.text_input(key="rb_role_1").input("")
    page.run()
    assert any("Role must not be empty" in shown(e) for e in page.error)


def test_degree_and_licence_in_plain_words(page: AppTest) -> None:
    draft_from_pasted_posting(page)
    assert any(t.value.startswith("A bachelor's degree in statistics or economics is asked for, or an equivalent: "
                                  "4 years of relevant experience") for t in page.text)
    page.checkbox(key="rb_deg_req_1").uncheck()
    page.run()
    assert any(t.value.startswith("No degree is required") for t in page.text)


def test_open_copy_rename_delete(page: AppTest, mine: Path) -> None:
    page.selectbox(key="rb_pick").select(str(ROOT / "rubrics" / "electrician.yaml"))
    page.run()
    button(page, "Rename").click()  # templates are read-only (the popover is disabled; the core refuses too)
    page.run()
    assert any("templates cannot be renamed" in shown(e) for e in page.error)
    assert (ROOT / "rubrics" / "electrician.yaml").is_file()
    page.text_input(key="rb_copy_name").input("electrician-nyc")
    button(page, "Copy").click()
    page.run()
    copy = mine / "electrician-nyc.yaml"
    assert copy.is_file() and "required_by_law: true" in copy.read_text()  # comments and all
    page.selectbox(key="rb_pick").select(str(copy))
    page.run()
    page.text_input(key="rb_new_name").input("electrician-brooklyn")
    button(page, "Rename").click()
    page.run()
    renamed = mine / "electrician-brooklyn.yaml"
    assert renamed.is_file() and not copy.exists()
    page.selectbox(key="rb_pick").select(str(renamed))
    page.run()
    button(page, "Delete for good").click()
    page.run()
    assert not renamed.exists()
    assert not page.exception


def test_skill_picker_shows_what_a_term_resolves_to(page: AppTest) -> None:
    draft_from_pasted_posting(page)
    page.text_input(key="rb_skill_q").input("SOAP")
    page.run()
    hits = next(d.value for d in page.dataframe if "Term" in d.value.columns and "SOAP" in set(d.value["Term"]))
    assert len(set(hits["Resolves to"])) > 1  # which "SOAP": every concept the term may stand for


def test_screen_page_lists_a_saved_rubric_at_once(mine: Path) -> None:
    from screener.authoring.library import save_rubric
    from ui.common import rubric_choices

    before = {p for p, _ in rubric_choices()}
    path, _ = save_rubric({"role": "Night Auditor", "competencies": [
        {"name": "Audit", "skills": ["auditing"], "weight": 1}]}, "night-auditor")
    after = dict(rubric_choices())
    assert str(path) not in before and after[str(path)] == "Night Auditor (yours)"
    path.unlink()
    assert str(path) not in dict(rubric_choices())


def test_what_moved_between_two_runs(mine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.authoring.test_compare import _store_with_two_runs

    db, _, _ = _store_with_two_runs(tmp_path)
    monkeypatch.setenv("SCREENER_DB", str(db))
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    button(at, "Compare the runs").click()
    at.run()
    assert not at.exception
    text = "\n".join(t.value for t in at.text)
    assert "C-0000aaaa: overall 80.0 → 75.0 (-5.0)" in text and "now a must-have" in text


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_draft_from_an_uploaded_posting(kind: str, page: AppTest, tmp_path: Path) -> None:
    data = {"docx": _docx, "pdf": _pdf}[kind](tmp_path / f"posting.{kind}", DATA_ANALYST).read_bytes()
    mime = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "pdf": "application/pdf"}[kind]
    uploader = next(u for u in page.file_uploader if u.key == "rb_posting_file")
    uploader.upload(f"posting.{kind}", data, mime)
    page.run()
    button(page, "Draft from the posting").click()
    page.run()
    assert not page.exception, [e.message for e in page.exception]
    assert page.text_input(key="rb_role_1").value == "Data Analyst"
    assert any("Valid:" in s.value for s in page.success)
