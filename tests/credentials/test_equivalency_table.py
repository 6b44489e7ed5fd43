"""The equivalency table checked against credential strings whose readings come from the cited sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from screener.credentials import DISCLAIMER, lookup_equivalency

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))["cases"]


def _id(case: dict[str, Any]) -> str:
    return f"{case['text']}|{case.get('country') or '-'}"


def test_enough_cases() -> None:
    assert len(CASES) >= 250


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_case(case: dict[str, Any]) -> None:
    eq = lookup_equivalency(case["text"], country=case.get("country"), institution=case.get("institution", ""))
    got = eq.to_json()
    if "cc" in case:
        assert got["country"] == case["cc"], got
    if "isced" in case:
        assert got["isced_level"] == case["isced"], got
    if "contested" in case:
        assert got["contested"] is case["contested"], got
    if "us" in case:
        assert got["us_equivalent"] is not None and case["us"].lower() in got["us_equivalent"].lower(), got
    if "regulated" in case:
        assert got["regulated_profession"] == case["regulated"], got
        assert (got["licensing_path"] is None) == (case["regulated"] is None), got
    if case.get("known") is False:
        assert got["us_equivalent"] is None and got["isced_level"] is None, got
        assert "no equivalency note can be given" in got["note"].lower()
    else:
        assert got["us_equivalent"], got
        assert got["sources"], got
    assert got["note"].endswith(DISCLAIMER)
