"""Regenerate the demo badges in ``sample_data/badges/`` and the offline map ``sample_data/offline-map.json``.

The issuer, "Northwind Skills Academy (demo issuer)", is fictional. Its Ed25519 key is a DEMO KEY derived from a
fixed, published seed (below) so that this script is deterministic: it is not a secret and must never sign
anything real. Run: ``.venv/bin/python scripts/make_demo_badges.py``.

Alignments use real ESCO v1.1.1 skill URIs and O*NET-SOC 30.2 occupation codes (looked up in the ESCO and O*NET
releases the project's lexicon is built from); tool names ESCO has no concept for (Docker, Kubernetes...) are
tags, as O*NET lists them among its Technology Skills examples.
"""

from __future__ import annotations

import copy
import hashlib
import json
import struct
import sys
import zlib
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screener.badges.jsonld import canonize  # noqa: E402
from screener.badges.keys import ED25519_MULTICODEC, b58encode, b64url_encode  # noqa: E402

OUT = ROOT / "sample_data" / "badges"
MAP = ROOT / "sample_data" / "offline-map.json"
BASE = "https://badges.northwind-skills.example"
ISSUER_ID = f"{BASE}/issuer"
ISSUER_NAME = "Northwind Skills Academy (demo issuer)"
# DEMO KEY — published on purpose; anyone can sign with it. Do not use it for anything but these samples.
DEMO_SEED_TEXT = b"Northwind Skills Academy DEMO signing key - public test seed, not a secret"
CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
CREATED = "2025-03-01T09:00:00Z"

ESCO = "ESCO v1.1.1"
ONET = "O*NET-SOC 30.2"


def esco(label: str, uuid: str) -> dict[str, Any]:
    return {"type": ["Alignment"], "targetName": label, "targetUrl": f"http://data.europa.eu/esco/skill/{uuid}",
            "targetFramework": ESCO, "targetCode": uuid}


def onet(title: str, code: str) -> dict[str, Any]:
    return {"type": ["Alignment"], "targetName": title,
            "targetUrl": f"https://www.onetonline.org/link/summary/{code}", "targetFramework": ONET,
            "targetCode": code}


def demo_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(DEMO_SEED_TEXT).digest())


def multikey(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return "z" + b58encode(ED25519_MULTICODEC + raw)


def issuer_profile(key: Ed25519PrivateKey) -> dict[str, Any]:
    """Issuer Profile that is also its controller document: it lists the key it signs badges with."""
    mk = multikey(key)
    method_id = f"{ISSUER_ID}#{mk}"
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": ISSUER_ID,
        "type": ["Profile"],
        "name": ISSUER_NAME,
        "url": BASE,
        "description": "A fictional training provider used only for Skills Screener's sample data.",
        "alsoKnownAs": [f"did:key:{mk}"],
        "verificationMethod": [
            {"id": method_id, "type": "Multikey", "controller": ISSUER_ID, "publicKeyMultibase": mk}
        ],
        "assertionMethod": [method_id],
    }


def credential(*, cred_id: str, email: str, salt: str, name: str, description: str, criteria: str,
               alignments: list[dict[str, Any]], tags: list[str], valid_from: str,
               valid_until: str | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "id": cred_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": ISSUER_ID, "type": ["Profile"], "name": ISSUER_NAME, "url": BASE},
        "validFrom": valid_from,
        "name": name,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{
                "type": "IdentityObject",
                "identityHash": "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest(),
                "identityType": "emailAddress",
                "hashed": True,
                "salt": salt,
            }],
            "achievement": {
                "id": f"{BASE}/achievements/{name.lower().replace(' ', '-').replace('/', '-')}",
                "type": ["Achievement"],
                "name": name,
                "description": description,
                "criteria": {"narrative": criteria},
                "alignment": alignments,
                "tag": tags,
            },
        },
    }
    if valid_until:
        doc["validUntil"] = valid_until
    return doc


def sign_data_integrity(doc: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    """eddsa-rdfc-2022: sign sha256(canonical proof config) || sha256(canonical document)."""
    proof = {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": CREATED,
             "verificationMethod": f"{ISSUER_ID}#{multikey(key)}", "proofPurpose": "assertionMethod"}
    config = dict(proof, **{"@context": doc["@context"]})
    data = hashlib.sha256(canonize(config).encode()).digest() + hashlib.sha256(canonize(doc).encode()).digest()
    signed = copy.deepcopy(doc)
    signed["proof"] = dict(proof, proofValue="z" + b58encode(key.sign(data)))
    return signed


def sign_jwt(doc: dict[str, Any], key: Ed25519PrivateKey, *, nbf: int, exp: int | None = None) -> str:
    header = {"alg": "EdDSA", "typ": "JWT", "kid": f"{ISSUER_ID}#{multikey(key)}"}
    payload: dict[str, Any] = {"iss": ISSUER_ID, "jti": doc["id"], "nbf": nbf, "vc": doc}
    if exp is not None:
        payload["exp"] = exp
    signing_input = ".".join(
        b64url_encode(json.dumps(part, separators=(",", ":"), sort_keys=True).encode()) for part in (header, payload)
    )
    return signing_input + "." + b64url_encode(key.sign(signing_input.encode("ascii")))


def small_png(width: int = 48, height: int = 48) -> bytes:
    """A plain RGB PNG drawn by hand (a teal disc on white): IHDR, one IDAT, IEND."""
    rows = bytearray()
    cx, cy, r2 = width / 2, height / 2, (min(width, height) / 2 - 3) ** 2
    for y in range(height):
        rows.append(0)  # filter type "None"
        for x in range(width):
            inside = (x - cx + 0.5) ** 2 + (y - cy + 0.5) ** 2 <= r2
            rows.extend((0x1B, 0x8A, 0x8F) if inside else (0xFF, 0xFF, 0xFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + _chunk(
        b"IEND", b"")


def _chunk(ctype: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + ctype + data + struct.pack(">I", zlib.crc32(ctype + data) & 0xFFFFFFFF)


def bake_png(png: bytes, text: str) -> bytes:
    """Insert an uncompressed iTXt chunk ``openbadgecredential`` just before IEND."""
    itxt = b"openbadgecredential\x00" + b"\x00\x00" + b"\x00" + b"\x00" + text.encode("utf-8")
    iend = png.rindex(b"IEND") - 4
    return png[:iend] + _chunk(b"iTXt", itxt) + png[iend:]


def main() -> None:
    key = demo_key()
    OUT.mkdir(parents=True, exist_ok=True)
    files: dict[str, str | bytes] = {"issuer.json": json.dumps(issuer_profile(key), indent=2) + "\n"}
    offline: dict[str, str] = {ISSUER_ID: "badges/issuer.json"}

    cloud = credential(
        cred_id=f"{BASE}/credentials/3f1c9a2e-cloud-infrastructure", email="priya.raman@example.com", salt="nw-7d1e",
        name="Cloud Infrastructure on AWS",
        description="Designs, deploys and operates containerised workloads on AWS with infrastructure as code.",
        criteria="Passed a proctored 3-hour practical: provisioned a VPC and an EKS cluster with Terraform, shipped a "
                 "Dockerised service to Kubernetes, and diagnosed a broken Linux node.",
        alignments=[esco("develop with cloud services", "6b643893-0a1f-4f6c-83a1-e7eef75849b9"),
                    esco("deploy cloud resource", "6195c5f7-a4fb-425d-a3dd-c4467c4471a3"),
                    esco("automate cloud tasks", "ce8ae6ca-61d8-4174-b457-641de96cbff4"),
                    onet("Network and Computer Systems Administrators", "15-1244.00")],
        tags=["AWS", "Docker", "Kubernetes", "Terraform", "Linux"], valid_from="2025-03-01T00:00:00Z")
    files["priya_raman_cloud_infrastructure.json"] = json.dumps(sign_data_integrity(cloud, key), indent=2) + "\n"
    offline[cloud["id"]] = "badges/priya_raman_cloud_infrastructure.json"

    fullstack = credential(
        cred_id=f"{BASE}/credentials/7b2d4e10-fullstack-javascript", email="jordan.ellis@example.net", salt="nw-2b9c",
        name="Full-Stack JavaScript Developer",
        description="Builds and tests web applications with React on the front end and Node.js with SQL databases "
                    "on the back end, using Git for version control.",
        criteria="Delivered a capstone web application (React + Node.js + PostgreSQL) reviewed by two instructors, "
                 "with a Git history showing feature branches and code review.",
        alignments=[esco("JavaScript", "3cd569a2-4f88-4c1e-9995-8dce8c5e51a7"),
                    esco("SQL", "598de5b0-5b58-4ea7-8058-a4bc4d18c742"),
                    esco("web programming", "69bbd53f-fbb0-4476-b4b2-ef7844464e28"),
                    esco("tools for software configuration management", "9d2e926f-53d9-41f5-98f3-19dfaa687f3f"),
                    onet("Web Developers", "15-1254.00")],
        tags=["JavaScript", "React", "Node.js", "SQL", "Git"], valid_from="2024-11-15T00:00:00Z")
    files["jordan_ellis_fullstack_javascript.jwt"] = sign_jwt(fullstack, key, nbf=1731628800) + "\n"
    offline[fullstack["id"]] = "badges/jordan_ellis_fullstack_javascript.jwt"

    python_data = credential(
        cred_id=f"{BASE}/credentials/9a8e7f66-python-data", email="jordan.ellis@example.net", salt="nw-5e03",
        name="Python for Data Analysis",
        description="Cleans, analyses and visualises tabular data with Python and pandas, querying sources with SQL.",
        criteria="Completed six graded notebooks and a final analysis project using pandas on a public data set.",
        alignments=[esco("Python (computer programming)", "ccd0a1d9-afda-43d9-b901-96344886e14d"),
                    esco("perform data analysis", "2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f"),
                    esco("SQL", "598de5b0-5b58-4ea7-8058-a4bc4d18c742"),
                    onet("Data Scientists", "15-2051.00")],
        tags=["Python", "pandas", "SQL"], valid_from="2022-06-30T00:00:00Z", valid_until="2024-06-30T00:00:00Z")
    files["jordan_ellis_python_data.jwt"] = sign_jwt(python_data, key, nbf=1656547200, exp=1719705600) + "\n"
    offline[python_data["id"]] = "badges/jordan_ellis_python_data.jwt"

    pm = credential(
        cred_id=f"{BASE}/credentials/c0ffee00-project-management", email="emily.carter@example.com", salt="nw-91aa",
        name="Project Management Fundamentals",
        description="Plans and tracks small projects: scope, schedule, risks and stakeholder updates.",
        criteria="Completed a 20-hour course and a scheduling exercise.",
        alignments=[esco("project management", "7111b95d-0ce3-441a-9d92-4c75d05c4388"),
                    onet("Project Management Specialists", "13-1082.00")],
        tags=["project management", "scheduling"], valid_from="2025-02-10T00:00:00Z")
    forged = sign_data_integrity(pm, key)
    # FORGED on purpose: edited after signing, so the proof no longer matches (verdict: invalid-signature, tampered).
    forged["name"] = "Certified Senior Project Manager"
    forged["credentialSubject"]["achievement"]["name"] = "Certified Senior Project Manager"
    files["emily_carter_project_management_FORGED.json"] = json.dumps(forged, indent=2) + "\n"
    offline[pm["id"]] = "badges/emily_carter_project_management_FORGED.json"

    kube = credential(
        cred_id=f"{BASE}/credentials/5e6f7a8b-kubernetes-operations", email="priya.raman@example.com", salt="nw-c4f2",
        name="Kubernetes Operations",
        description="Operates production Kubernetes clusters: deployments, autoscaling, upgrades and troubleshooting.",
        criteria="Passed a hands-on lab exam: upgraded a cluster without downtime and resolved three injected faults.",
        alignments=[esco("DevOps", "f0de4973-0a70-4644-8fd4-3a97080476f4"),
                    esco("cloud technologies", "bd14968e-e409-45af-b362-3495ed7b10e0"),
                    onet("Network and Computer Systems Administrators", "15-1244.00")],
        tags=["Kubernetes", "Docker", "Linux"], valid_from="2025-05-20T00:00:00Z")
    files["priya_raman_kubernetes.png"] = bake_png(small_png(), json.dumps(sign_data_integrity(kube, key)))

    for name, content in files.items():
        path = OUT / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    MAP.write_text(json.dumps(offline, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(files)} files to {OUT.relative_to(ROOT)} and {MAP.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
