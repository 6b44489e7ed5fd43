"""Every development fixture in expected.csv, verified offline against its simulated world (fetched/worlds.json)."""

from __future__ import annotations

import json

import pytest

from screener.badges import VERDICTS, verify_badge
from screener.badges.recipient import check_recipient_vector

from .conftest import FIXTURES, NOW, claimed_emails, expected_rows, world_fetcher

ROWS = expected_rows()
EMAILS = claimed_emails()
BADGES = [r for r in ROWS if r["format"] not in ("recipient-vector", "hostile-url-list")]
VECTORS = [r for r in ROWS if r["format"] == "recipient-vector"]


@pytest.mark.parametrize("row", BADGES, ids=[r["path"] for r in BADGES])
def test_fixture_verdict(row: dict[str, str]) -> None:
    path = row["path"]
    verdict = verify_badge(
        (FIXTURES / path).read_bytes(), fetcher=world_fetcher(path), email=EMAILS.get(path), source=path, now=NOW
    )
    expected = row["expected_verdict"]
    if expected == "tampered":
        # README: tampered and invalid-signature are one class (integrity failure); we flag the edit.
        assert verdict.verdict == "invalid-signature", verdict.reasons
        assert verdict.tampered, verdict.reasons
        assert any("tamper" in r for r in verdict.reasons)
    else:
        assert verdict.verdict == expected, verdict.reasons
    assert verdict.reasons, "every verdict says why"
    assert verdict.source == path
    json.dumps(verdict.to_json())


@pytest.mark.parametrize("row", VECTORS, ids=[r["path"] for r in VECTORS])
def test_recipient_vector(row: dict[str, str]) -> None:
    doc = json.loads((FIXTURES / row["path"]).read_text(encoding="utf-8"))
    assert check_recipient_vector(doc["recipient"], EMAILS[row["path"]]) == row["expected_verdict"]


def _hostile_urls() -> list[str]:
    lines = (FIXTURES / "derived" / "hostile-urls.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


class _NoNetwork:
    """A fetcher that fails the test if verification ever asks it for anything."""

    def get(self, url: str, *, accept: str = "") -> None:
        raise AssertionError(f"a request was attempted for {url}")


@pytest.mark.parametrize("url", _hostile_urls())
def test_hostile_url_refused_before_any_request(url: str) -> None:
    verdict = verify_badge(url, fetcher=_NoNetwork(), source=url, now=NOW)
    assert verdict.verdict == "unsafe-url", verdict.reasons


def test_every_expected_verdict_is_a_known_verdict() -> None:
    assert {r["expected_verdict"] for r in ROWS} <= set(VERDICTS) | {"tampered"}


# --- demo badges in sample_data (used by the sample résumés) -----------------------------------------------------

SAMPLE = FIXTURES.parents[2] / "sample_data"
DEMO = "https://badges.northwind-skills.example/credentials/"


@pytest.mark.parametrize(
    ("target", "email", "verdict", "tampered", "name"),
    [
        (DEMO + "3f1c9a2e-cloud-infrastructure", "priya.raman@example.com", "valid", False,
         "Cloud Infrastructure on AWS"),
        (DEMO + "7b2d4e10-fullstack-javascript", "jordan.ellis@example.net", "valid", False,
         "Full-Stack JavaScript Developer"),
        (DEMO + "9a8e7f66-python-data", "jordan.ellis@example.net", "expired", False, "Python for Data Analysis"),
        (DEMO + "c0ffee00-project-management", "emily.carter@example.com", "invalid-signature", True,
         "Certified Senior Project Manager"),
        (str(SAMPLE / "badges" / "priya_raman_kubernetes.png"), "priya.raman@example.com", "valid", False,
         "Kubernetes Operations"),
        (str(SAMPLE / "badges" / "priya_raman_kubernetes.png"), "jordan.ellis@example.net", "recipient-mismatch",
         False, "Kubernetes Operations"),
    ],
)
def test_demo_badges_offline(target: str, email: str, verdict: str, tampered: bool, name: str) -> None:
    from screener.badges import verify_file_or_url

    v = verify_file_or_url(target, offline_map=SAMPLE / "offline-map.json", email=email, now=NOW)
    assert (v.verdict, v.tampered, v.achievement_name) == (verdict, tampered, name), v.reasons
    assert v.issuer == "Northwind Skills Academy (demo issuer)"
    assert v.known_issuer is (verdict != "invalid-signature")
    if verdict == "valid":
        assert v.alignments and v.tags and v.criteria


def test_public_api_is_pinned() -> None:
    import screener.badges as badges

    assert sorted(badges.__all__) == sorted([
        "PRECEDENCE", "VERDICTS", "Alignment", "BadgeVerdict", "KnownIssuer", "KnownIssuers", "Verdict",
        "verify_badge", "verify_file_or_url",
    ])
    keys = list(verify_badge(b"{}", fetcher=_NoNetwork()).to_json())
    assert keys == ["verdict", "reasons", "format", "issuer", "issuer_url", "known_issuer", "issued_on", "expires",
                    "achievement_name", "achievement_description", "criteria", "alignments", "tags",
                    "recipient_checked", "source", "tampered", "checks_not_done"]
