"""Shared helpers for badge tests: the dev fixtures folder and a fetcher per fixture 'world'."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from screener.badges.fetch import OfflineMapFetcher

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "badges"
# Fixture dates are far from today (past ≤ 2025-01-09, future ≥ 2040); pin "now" anyway so nothing drifts.
NOW = datetime(2026, 1, 15, 12, 0, tzinfo=timezone.utc)


def world_fetcher(fixture: str) -> OfflineMapFetcher:
    """fetched/worlds.json: the default world overlaid with the fixture's own entries; unlisted URLs answer 404."""
    worlds = json.loads((FIXTURES / "fetched" / "worlds.json").read_text(encoding="utf-8"))["worlds"]
    mapping: dict[str, Any] = dict(worlds["default"])
    mapping.update(worlds.get(fixture, {}))
    return OfflineMapFetcher(mapping, FIXTURES)


def expected_rows() -> list[dict[str, str]]:
    with (FIXTURES / "expected.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def claimed_emails() -> dict[str, str]:
    with (FIXTURES / "claimed-recipients.csv").open(encoding="utf-8", newline="") as handle:
        return {row["path"]: row["claimed_identity"] for row in csv.DictReader(handle)}
