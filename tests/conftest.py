"""Test-wide settings: screening runs are recorded in a throw-away store per test, never in the user's data
folder (``screen`` and the app record every run in ``$SCREENER_DB``; subprocesses inherit the variable)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_session_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The same for fixtures of a wider scope (an app built once per module is set up before any per-test
    fixture): they never see, nor write to, the user's own store."""
    db = tmp_path_factory.mktemp("session-store") / "screener.db"
    mp = pytest.MonkeyPatch()
    mp.setenv("SCREENER_DB", str(db))
    yield db
    mp.undo()


@pytest.fixture(autouse=True)
def _private_screening_store(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "screener.db"
    monkeypatch.setenv("SCREENER_DB", str(db))
    return db
