"""Shared fixtures for browser tests (helpers are in browserkit.py, importable as ``from browserkit import ...``).

- ``app_server`` — a factory: ``app_server()`` starts ``streamlit run app.py`` (headless, 127.0.0.1, a free port)
  in the project folder, with a throw-away store (``$SCREENER_DB``, ``$XDG_DATA_HOME`` in the test's tmp folder),
  and returns an :class:`browserkit.AppServer` with ``.url``; every server started is stopped (by its own
  process id) when the test ends. ``app_server(env={...})`` adds or overrides environment variables.
- ``browser`` — one Chromium per session, started from ``shutil.which("chromium")`` with networking extras off.
- ``page`` — a fresh context and page per test with a :class:`browserkit.RequestRecorder` as ``page.recorder``.
- ``artifact_dir`` — where screenshots go: ``$BROWSER_ARTIFACTS`` when set, otherwise the test's tmp folder.

When Playwright or Chromium is missing the browser tests are skipped with one line saying how to get them
(``make browser-deps`` installs Chromium with apt-get when it can).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browserkit import CHROMIUM_ARGS, ROOT, RUN_TIMEOUT_MS, AppServer, RequestRecorder, free_port


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("browser tests skipped: Chromium is not installed (run `make browser-deps` or "
                    "`apt-get install -y chromium`)")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests skipped: Playwright is not "
                                   "installed (pip install -r requirements.txt)")
    executable = _chromium()
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS), headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, service_workers="block")
    recorder = RequestRecorder()
    recorder.attach(context)
    pg = context.new_page()
    pg.recorder = recorder
    pg.set_default_timeout(RUN_TIMEOUT_MS)
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture
def app_server(tmp_path: Path) -> Iterator[Callable[..., AppServer]]:
    started: list[AppServer] = []

    def start(*, app: Path = ROOT / "app.py", env: dict[str, str] | None = None) -> AppServer:
        # A throw-away store and data folder: the app records every screening, and tests must not touch the user's.
        data = tmp_path / f"app-data-{len(started)}"
        data.mkdir()
        base = {"SCREENER_DB": str(data / "screener.db"), "XDG_DATA_HOME": str(data)}
        server = AppServer(port=free_port(), app=app, env={**base, **(env or {})},
                           log_path=tmp_path / f"streamlit-{len(started)}.log")
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def artifact_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("BROWSER_ARTIFACTS", "") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
