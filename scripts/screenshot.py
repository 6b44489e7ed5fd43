"""Screenshots of the running app for the README (developers only; needs Debian's chromium and playwright).

    .venv/bin/python -m streamlit run app.py --server.port 8765 &
    .venv/bin/python scripts/screenshot.py http://localhost:8765 docs/
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]


def main(url: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1100})
        page.goto(url)
        page.get_by_text("Ranking —").wait_for(timeout=120_000)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(out / "screen.png"), full_page=True)
        page.get_by_role("button", name="Show evidence").click()
        page.get_by_text("Competencies").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        for exp in page.locator("[data-testid='stExpander'] summary").all()[:2]:
            exp.click()
        page.wait_for_timeout(800)
        page.screenshot(path=str(out / "candidate.png"), full_page=True)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
