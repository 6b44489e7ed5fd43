"""The public API and the `equivalency` CLI contract other code relies on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import screener.credentials as credentials
from screener.credentials import DISCLAIMER, degree_meets, isced_for_level_name, lookup_equivalency
from screener.credentials.tables import load_tables

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_KEYS = ["credential", "country", "us_equivalent", "isced_level", "contested", "regulated_profession",
                 "licensing_path", "sources", "note"]


def test_public_api_is_pinned() -> None:
    assert sorted(credentials.__all__) == sorted([
        "DISCLAIMER", "Equivalency", "LicensingPath", "degree_meets", "detect_regulated_profession", "infer_country",
        "is_place",
        "isced_for_level_name", "licensing_for_profession", "lookup_equivalency", "resolve_country",
    ])


@pytest.mark.parametrize("text", ["B.Tech", "Foo Bar", "MBBS", "Специалист", "CA (ICAI)"])
def test_to_json_key_order_and_types(text: str) -> None:
    got = lookup_equivalency(text).to_json()
    assert list(got)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert list(got)[len(CONTRACT_KEYS):] == ["credential_type", "nominal_years", "caveat"]
    assert isinstance(got["contested"], bool)
    assert got["isced_level"] is None or isinstance(got["isced_level"], int)
    assert isinstance(got["sources"], list) and all(isinstance(s, str) for s in got["sources"])
    assert got["licensing_path"] is None or all(isinstance(s, str) for s in got["licensing_path"])
    assert got["note"].endswith(DISCLAIMER)
    json.dumps(got)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "screener", "equivalency", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


def test_cli_known_credential() -> None:
    r = _cli("Laurea Magistrale in Ingegneria", "--country", "IT", "--json")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got["country"] == "IT" and got["isced_level"] == 7 and got["contested"] is False


def test_cli_unknown_credential_exits_zero_with_no_note() -> None:
    r = _cli("Certificate of Nothing in Particular", "--json")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got["isced_level"] is None and got["us_equivalent"] is None
    assert "no equivalency note can be given" in got["note"].lower()


@pytest.mark.parametrize(("level", "isced"), [
    ("high school", 3), ("associate", 5), ("bachelor", 6), ("Bachelor's degree", 6), ("master", 7), ("masters", 7),
    ("doctorate", 8), ("PhD", 8), ("6", 6), ("gibberish", None),
])
def test_isced_for_level_name(level: str, isced: int | None) -> None:
    assert isced_for_level_name(level) == isced


def test_foreign_degree_meets_at_its_equivalent_level() -> None:
    met, why = degree_meets(lookup_equivalency("Bacharel em Engenharia Mecânica"), "bachelor")
    assert met and why.startswith("met by equivalent")


def test_contested_degree_meets_with_caveat() -> None:
    met, why = degree_meets(lookup_equivalency("B.Com", country="IN"), "bachelor")
    assert met and "contested" in why and "three years" in why.lower()


def test_lower_level_not_met_but_caveat_shown() -> None:
    met, why = degree_meets(lookup_equivalency("HND", country="NG"), "bachelor")
    assert not met and "Contested" in why


def test_unknown_credential_is_not_established_not_failed() -> None:
    met, why = degree_meets(lookup_equivalency("Zertifikat"), "bachelor")
    assert not met and "no equivalency could be established" in why


def test_us_degree_is_plainly_met() -> None:
    met, why = degree_meets(lookup_equivalency("BS", country="US"), "bachelor")
    assert met and why.startswith("met:")


def test_foreign_and_us_degrees_at_same_level_both_meet() -> None:
    # never lower a result because a degree is foreign
    for text, cc in [("BS", "US"), ("BSc (Hons)", "GB"), ("Licenciatura", "MX"), ("B.Tech", "IN")]:
        assert degree_meets(lookup_equivalency(text, country=cc), "bachelor")[0], text


def test_data_counts() -> None:
    t = load_tables()
    assert len(t.countries) >= 30
    assert len({r.country for r in t.rows}) >= 30
    for row in t.rows:
        assert row.sources, row.id
        assert row.contested is False or row.caveat, row.id
