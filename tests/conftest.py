"""Test-wide settings: screening runs are recorded in a throw-away store per test, never in the user's data
folder (``screen`` and the app record every run in ``$SCREENER_DB``; subprocesses inherit the variable)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_screening_store(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "screener.db"
    monkeypatch.setenv("SCREENER_DB", str(db))
    return db
