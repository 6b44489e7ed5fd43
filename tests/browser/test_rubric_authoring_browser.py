"""An HR person makes a Data Analyst rubric from a pasted posting in the real app (Chromium), without seeing YAML,
and saves it: the file lands in their rubric folder, loads, and the whole thing takes well under two minutes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from browserkit import AppServer, screenshot_all, wait_idle

from screener.rubric import load_rubric
from tests.authoring.conftest import DATA_ANALYST


def test_data_analyst_rubric_from_a_pasted_posting(app_server: Any, page: Any, tmp_path: Path,
                                                   artifact_dir: Path) -> None:
    mine = tmp_path / "my-rubrics"
    server: AppServer = app_server(env={"SCREENER_RUBRICS": str(mine)})
    started = time.monotonic()
    page.goto(server.url + "rubrics")
    wait_idle(page)
    page.get_by_role("tab", name="From a job posting").click()
    box = page.get_by_role("textbox", name="Paste the job posting")
    box.fill(DATA_ANALYST)
    box.press("Control+Enter")  # commit the text area's value
    wait_idle(page)
    page.get_by_role("button", name="Draft from the posting").click()
    wait_idle(page)
    page.get_by_text("Valid:").wait_for()
    assert page.get_by_role("textbox", name="Role", exact=True).input_value() == "Data Analyst"
    assert page.locator("[data-testid=stDataFrame], [data-testid=stDataFrameResizable]").count() >= 2
    screenshot_all(page, artifact_dir / "rubric-draft.png")
    page.get_by_role("button", name="Save rubric").click()
    wait_idle(page)
    page.get_by_text("It is listed on the Screen page now").wait_for()
    elapsed = time.monotonic() - started
    saved = mine / "data-analyst.yaml"
    rubric = load_rubric(saved)
    assert rubric.role == "Data Analyst" and any("SQL" in c.skills for c in rubric.competencies)
    assert rubric.degree.required and rubric.degree.substitutes  # "or equivalent" was written for the user
    assert elapsed < 120, f"took {elapsed:.0f} s"
    code = page.locator("[data-testid=stCode]")
    assert all(not code.nth(i).is_visible() for i in range(code.count())), "YAML shown without asking"
    assert page.recorder.outside() == [], "the page made requests that left 127.0.0.1"
