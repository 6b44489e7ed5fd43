"""Browser-test kit (no fixtures; those are in conftest.py): the app served on a free 127.0.0.1 port, the
Chromium launch arguments, a recorder of every request a page makes, and a wait for Streamlit's script runs.

- ``app_server`` — a factory: ``app_server()`` starts ``streamlit run app.py`` (headless, 127.0.0.1, a free port)
  in the project folder and returns an :class:`AppServer` with ``.url``; every server started is stopped (by its
  own process id) when the test ends. ``app_server(env={...})`` adds environment variables.
- ``browser`` — one Chromium per session, started from ``shutil.which("chromium")`` with networking extras off.
- ``page`` — a fresh context and page per test with a :class:`RequestRecorder` attached as ``page.recorder``.
- ``wait_idle(page)`` — wait until the Streamlit script run the page triggered has finished.
- ``artifact_dir`` — where screenshots go: ``$BROWSER_ARTIFACTS`` when set, otherwise the test's tmp folder.

When Playwright or Chromium is missing the browser tests are skipped with one line saying how to get them
(``make browser-deps`` installs Chromium with apt-get when it can).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
NO_NETWORK_SCHEMES = frozenset({"data", "blob", "about", "chrome-extension", "devtools"})
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--disable-default-apps",
    "--disable-extensions",
)
START_TIMEOUT_S = 90.0
RUN_TIMEOUT_MS = 120_000


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class AppServer:
    """One ``streamlit run`` process serving ``app`` on 127.0.0.1:``port``."""

    port: int
    app: Path = ROOT / "app.py"
    env: dict[str, str] = field(default_factory=dict)
    log_path: Path | None = None
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> AppServer:
        cmd = [sys.executable, "-m", "streamlit", "run", str(self.app), "--server.port", str(self.port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false"]
        log = open(self.log_path, "wb") if self.log_path else subprocess.DEVNULL  # noqa: SIM115 — closed in stop()
        self._log = log
        self.process = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **self.env}, stdout=log,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the app exited with code {self.process.returncode}: {self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.25)  # polling the server's own health endpoint while it starts
        self.stop()
        raise RuntimeError(f"the app did not start within {START_TIMEOUT_S:g} s: {self.log_tail()}")

    def log_tail(self, chars: int = 2000) -> str:
        if self.log_path and self.log_path.is_file():
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        return "(no log)"

    def stop(self) -> None:
        proc = self.process
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        self.process = None
        log = getattr(self, "_log", None)
        if log not in (None, subprocess.DEVNULL):
            log.close()


@dataclass
class RequestRecorder:
    """Every request a browser context makes (pages, workers, websockets), in order."""

    urls: list[str] = field(default_factory=list)

    def attach(self, context: Any) -> None:
        context.on("request", lambda request: self.urls.append(request.url))
        context.on("page", lambda p: p.on("websocket", lambda ws: self.urls.append(ws.url)))

    def outside(self, allowed_hosts: frozenset[str] = LOCAL_HOSTS) -> list[str]:
        """Requests that left the machine: any network URL whose host is not local."""
        out = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in NO_NETWORK_SCHEMES:
                continue
            if (parts.hostname or "") not in allowed_hosts:
                out.append(url)
        return out


def wait_idle(page: Any, timeout_ms: int = RUN_TIMEOUT_MS, settle_ms: int = 1500) -> None:
    """Wait until the app has rendered and no script run has been in progress for ``settle_ms``.

    A rerun triggered by a click or an upload starts a moment after the action (an upload's file chip shows
    before its rerun), so "not running right now" is not enough: the quiet spell must last.
    """
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.evaluate("() => { window.__stIdleSince = null; }")
    page.wait_for_function(
        """settle => {
            const app = document.querySelector('[data-testid="stApp"]');
            const now = performance.now();
            if (!app || app.getAttribute('data-test-script-state') === 'running') {
                window.__stIdleSince = null;
                return false;
            }
            if (window.__stIdleSince == null) window.__stIdleSince = now;
            return now - window.__stIdleSince >= settle;
        }""",
        arg=settle_ms,
        polling=100,
        timeout=timeout_ms,
    )


def screenshot_all(page: Any, path: Path, max_height: int = 12_000) -> None:
    """A screenshot of the whole app page: Streamlit scrolls inside its main block, so the viewport is made as
    tall as that block for the shot (``full_page`` alone would stop at the window's height)."""
    size = page.viewport_size or {"width": 1400, "height": 1000}
    height = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stAppScrollToBottomContainer], section.main')]
            .map(e => e.scrollHeight), document.body.scrollHeight)"""
    )
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 100, max_height)})
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)
