"""Screenshots of the running app for the README (developers only; needs Debian's chromium and playwright).

    SCREENER_DB=/tmp/shots.db .venv/bin/python -m streamlit run app.py --server.port 8765 --server.headless true &
    .venv/bin/python scripts/screenshot.py http://localhost:8765 docs/

Writes screen.png (the ranking), candidate.png (a candidate's evidence), scorecard.png (ratings beside the
screener's levels, agreement and the decision) and compare.png (two candidates side by side). The reviewer name,
ratings and decision it enters go into the app's store: point $SCREENER_DB at a throw-away file.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]
TIMEOUT = 120_000


def _idle(page) -> None:
    page.wait_for_function("() => document.querySelector('[data-testid=stApp]')?.getAttribute("
                           "'data-test-script-state') !== 'running'", timeout=TIMEOUT)
    page.wait_for_timeout(1500)


def _top(page, locator) -> None:
    """Scroll Streamlit's main block so ``locator`` is at the top of the window."""
    locator.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(600)


def main(url: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1100})
        page.goto(url)
        page.get_by_text("screened ·").first.wait_for(timeout=TIMEOUT)
        _idle(page)
        box = page.get_by_role("textbox", name="Your name (for decisions and scorecards)")
        box.fill("Ana Reviewer")
        box.press("Enter")
        _idle(page)
        _top(page, page.get_by_text("screened ·").first)
        page.screenshot(path=str(out / "screen.png"))

        grid = page.locator('[data-testid="stDataFrame"]').first
        b = grid.bounding_box()
        page.mouse.click(b["x"] + 16, b["y"] + 35 + 17)  # the first row opens the candidate
        page.get_by_role("heading", name="Scorecard").wait_for(timeout=TIMEOUT)
        _idle(page)
        page.locator("[data-testid='stExpander'] summary").nth(1).click()
        _idle(page)
        _top(page, page.get_by_role("heading", name="Competencies"))
        page.screenshot(path=str(out / "candidate.png"))

        page.get_by_text("3 proficient", exact=True).first.click()
        page.get_by_role("textbox", name="Comment on").first.fill("Ran the EKS migration; wants more Go")
        page.get_by_text("4 expert", exact=True).nth(1).click()
        page.get_by_role("button", name="Save my scorecard").click()
        _idle(page)
        page.get_by_text("▶ Advance", exact=True).click()
        _idle(page)
        page.get_by_role("textbox", name="Notes").fill("Invite to the panel")
        page.get_by_role("textbox", name="Notes").press("Tab")
        _idle(page)
        page.get_by_role("button", name="Record decision").click()
        _idle(page)
        _top(page, page.get_by_text("Reviewers and screener"))
        page.screenshot(path=str(out / "scorecard.png"))

        page.locator('[data-testid="stSidebarNav"]').get_by_text("Compare", exact=True).click()
        page.get_by_role("heading", name="Per competency").wait_for(timeout=TIMEOUT)
        _idle(page)
        page.screenshot(path=str(out / "compare.png"))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
