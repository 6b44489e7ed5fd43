"""A hiring manager's workflow in the real app (Chromium): screen the samples, open a candidate from the ranking,
record a decision and a scorecard, compare two candidates, download the ranking as CSV and XLSX — then, in a new
browser context (a colleague's browser), find the run and the decision still there. No error element shows and no
request leaves 127.0.0.1."""

from __future__ import annotations

import codecs
import csv
import io
import time
from pathlib import Path
from typing import Any

from browserkit import AppServer, screenshot_all, wait_idle
from openpyxl import load_workbook

ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
REVIEWER = "Ana Reviewer"


def _no_errors(page: Any, where: str) -> None:
    found = page.locator(ERRORS)
    assert found.count() == 0, f"{where}: error shown: {found.first.inner_text()[:300]}"


def _name(page: Any) -> None:
    box = page.get_by_role("textbox", name="Your name (for decisions and scorecards)")
    box.fill(REVIEWER)
    box.press("Enter")
    wait_idle(page)


def _open_first_row(page: Any) -> None:
    """Click the first row's selection cell of the ranking (the grid is a canvas: click by position)."""
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)  # header row 35 px, then the first row
    wait_idle(page)


def _nav(page: Any, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    wait_idle(page)


def test_screen_decide_rate_compare_export_and_find_it_again(app_server: Any, page: Any, browser: Any,
                                                           artifact_dir: Path) -> None:
    started = time.monotonic()
    server: AppServer = app_server()
    page.goto(server.url)
    wait_idle(page)
    page.get_by_text("screened ·").first.wait_for()  # the samples were screened on the first visit
    counts = page.get_by_text("screened ·").first.inner_text()
    assert "unreadable" in counts and "possible duplicate" in counts
    _no_errors(page, "screen")
    _name(page)
    screenshot_all(page, artifact_dir / "screen.png")

    # A row click opens the candidate.
    _open_first_row(page)
    page.get_by_role("heading", name="Candidate", exact=True).wait_for()
    page.get_by_role("heading", name="Scorecard").wait_for()
    _no_errors(page, "candidate")

    # A scorecard: rate the first competency 3 with a comment.
    page.get_by_text("3 proficient", exact=True).first.click()
    page.get_by_role("textbox", name="Comment on").first.fill("Ran the migration themselves")
    page.get_by_role("button", name="Save my scorecard").click()
    wait_idle(page)
    page.get_by_text("Reviewers and screener").wait_for()

    # A decision with a reason from the list, free text and notes.
    page.get_by_text("▶ Advance", exact=True).click()
    wait_idle(page)
    page.get_by_role("textbox", name="Other reason (free text)").fill("Strong delivery evidence")
    page.get_by_role("textbox", name="Notes").fill("Invite to the panel — Lucía to join")
    page.get_by_role("textbox", name="Notes").press("Tab")
    wait_idle(page)
    page.get_by_role("button", name="Record decision").click()
    wait_idle(page)
    page.get_by_text("Current decision:").wait_for()
    assert REVIEWER in page.locator("p", has_text="Current decision:").inner_text()
    _no_errors(page, "candidate after decision")
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download a one-page summary").click()
    summary = Path(dl.value.path()).read_text(encoding="utf-8")
    assert "Ran the migration themselves" in summary and "advance" in summary and "<script" not in summary
    screenshot_all(page, artifact_dir / "candidate.png")

    # Compare two (the top two by default) with a chart.
    _nav(page, "Compare")
    page.get_by_role("heading", name="Per competency").wait_for()
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for()
    _no_errors(page, "compare")
    screenshot_all(page, artifact_dir / "compare.png")

    # Exports from the Screen page.
    _nav(page, "Screen")
    page.get_by_text("screened ·").first.wait_for()
    assert "1 decided" in page.get_by_text("screened ·").first.inner_text()
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download ranking (CSV)").click()
    data = Path(dl.value.path()).read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    decided = [r for r in rows if r["decision"]]
    assert len(decided) == 1 and decided[0]["decided_by"] == REVIEWER and decided[0]["rank"] == "1"
    assert decided[0]["decision_notes"] == "Invite to the panel — Lucía to join"
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download ranking (XLSX)").click()
    ws = load_workbook(io.BytesIO(Path(dl.value.path()).read_bytes()))["Ranking"]
    header = [c.value for c in ws[1]]
    assert ws.max_row == len(rows) + 1 and ws.cell(2, header.index("decided_by") + 1).value == REVIEWER

    # A colleague's browser (a new context, a new session): the run and the decision are still there.
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, service_workers="block")
    try:
        other = context.new_page()
        other_urls: list[str] = []
        other.on("request", lambda r: other_urls.append(r.url))
        other.goto(server.url)
        wait_idle(other)
        other.get_by_text("screened ·").first.wait_for()
        assert "1 decided" in other.get_by_text("screened ·").first.inner_text()
        _no_errors(other, "new context")
        other.locator('[data-testid="stSidebarNav"]').get_by_text("Candidate", exact=True).click()
        wait_idle(other)
        other.get_by_text("Current decision:").wait_for()
        assert REVIEWER in other.locator("p", has_text="Current decision:").inner_text()
        assert [u for u in other_urls if not u.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))] == []
    finally:
        context.close()
    assert page.recorder.outside() == [], "the page made requests that left 127.0.0.1"
    assert time.monotonic() - started < 150
