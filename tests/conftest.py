"""Test-wide settings: screening runs are recorded in a throw-away store, never in the user's data folder."""

from __future__ import annotations

import os
import tempfile

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_screening_store() -> object:
    """``screen`` records every run (``$SCREENER_DB``); subprocesses inherit the variable."""
    if os.environ.get("SCREENER_DB"):
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="screener-tests-") as folder:
        os.environ["SCREENER_DB"] = os.path.join(folder, "screener.db")
        try:
            yield None
        finally:
            os.environ.pop("SCREENER_DB", None)
