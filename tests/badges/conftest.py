"""Shared helpers for badge tests: the dev fixtures folder and a fetcher per fixture 'world'."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from screener.badges.fetch import OfflineMapFetcher

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "badges"
# Fixture dates are far from today (past ≤ 2025-01-09, future ≥ 2040); pin "now" anyway so nothing drifts.
NOW = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


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


# --- self-made issuers and credentials for unit tests ----------------------------------------------------------

import copy  # noqa: E402
import hashlib  # noqa: E402

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat  # noqa: E402

from screener.badges.fetch import MappingFetcher  # noqa: E402
from screener.badges.jsonld import canonize  # noqa: E402
from screener.badges.keys import ED25519_MULTICODEC, b58encode, b64url_encode  # noqa: E402

ISSUER = "https://issuer.test-badges.example/profile"
VC_CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]


def ed_key(label: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(label.encode()).digest())


def multikey(key: Ed25519PrivateKey) -> str:
    return "z" + b58encode(ED25519_MULTICODEC + key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def issuer_doc(key: Ed25519PrivateKey, issuer_id: str = ISSUER) -> dict[str, Any]:
    method = f"{issuer_id}#{multikey(key)}"
    return {
        "id": issuer_id,
        "type": ["Profile"],
        "name": "Test Issuer",
        "verificationMethod": [
            {"id": method, "type": "Multikey", "controller": issuer_id, "publicKeyMultibase": multikey(key)}
        ],
        "assertionMethod": [method],
    }


def ob3_credential(issuer_id: str = ISSUER, email: str = "ann@example.com", **extra: Any) -> dict[str, Any]:
    salt = "s1"
    doc: dict[str, Any] = {
        "@context": list(VC_CONTEXT),
        "id": "urn:uuid:0d7c3c6e-4f3e-4d7b-9b7e-000000000001",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_id, "type": ["Profile"], "name": "Test Issuer"},
        "validFrom": "2024-01-01T00:00:00Z",
        "name": "Test Badge",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "emailAddress", "hashed": True, "salt": salt,
                            "identityHash": "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest()}],
            "achievement": {"id": "urn:uuid:0d7c3c6e-4f3e-4d7b-9b7e-0000000000a1", "type": ["Achievement"],
                            "name": "Testing", "description": "Writes tests.",
                            "criteria": {"narrative": "Wrote tests."},
                            "alignment": [{"type": ["Alignment"], "targetName": "SQL",
                                           "targetUrl": "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742",
                                           "targetFramework": "ESCO", "targetCode": "598de5b0"}],
                            "tag": ["testing"]},
        },
    }
    doc.update(extra)
    return doc


def sign_di(doc: dict[str, Any], key: Ed25519PrivateKey, method: str) -> dict[str, Any]:
    proof = {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2024-01-01T00:00:00Z",
             "verificationMethod": method, "proofPurpose": "assertionMethod"}
    config = dict(proof, **{"@context": doc["@context"]})
    data = hashlib.sha256(canonize(config).encode()).digest() + hashlib.sha256(canonize(doc).encode()).digest()
    out = copy.deepcopy(doc)
    out["proof"] = dict(proof, proofValue="z" + b58encode(key.sign(data)))
    return out


def jws(header: dict[str, Any], payload: dict[str, Any], sign: Any = None) -> str:
    signing_input = f"{b64url_encode(json.dumps(header).encode())}.{b64url_encode(json.dumps(payload).encode())}"
    signature = sign(signing_input.encode()) if sign else b""
    return f"{signing_input}.{b64url_encode(signature)}"


def issuer_fetcher(*docs: dict[str, Any], extra: dict[str, Any] | None = None) -> MappingFetcher:
    mapping: dict[str, Any] = {d["id"]: json.dumps(d) for d in docs}
    mapping.update(extra or {})
    return MappingFetcher(mapping)
