"""A small stored run for the fairness tests: three candidates with results and documents."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from screener.store import Store, candidate_code, open_store

TEXTS = {
    "ana_souza_cv.pdf": "Ana Souza\nana.souza@example.com · +1 (555) 201-3344 · Austin, TX 78701\n\n"
                        "EXPERIENCE\nSoftware Engineer — Acme Corp (2019 – present)\n"
                        "Built Kubernetes deployments in Python. She led the on-call rota.\n\n"
                        "EDUCATION\nBSc Computer Science, Universidade de São Paulo, Brazil, 2012\n",
    "ben_okafor_cv.docx": "Ben Okafor\nben@okafor.dev | 555.777.1212\n\nSKILLS\nPython, SQL\n",
    "chen_li.txt": "Chen Li\nchen.li@example.org\nSKILLS\nExcel\n",
}
SCORES = {"ana_souza_cv.pdf": 80.0, "ben_okafor_cv.docx": 60.0, "chen_li.txt": 40.0}


def result_json(file: str, text: str, score: float) -> dict:
    name = text.split("\n", 1)[0]
    start = text.find("Python")
    return {
        "file": file, "candidate": name, "overall": score, "must_haves_met": score > 50,
        "missing_must_haves": [] if score > 50 else ["Python"],
        "competencies": [{
            "name": "Programming", "weight": 1.0, "weight_share": 1.0, "required_level": 2, "level": 2,
            "achieved": 2.0, "score": score, "years": 3.0, "weighted_years": 3.0, "last_used_months": 0,
            "min_years": None, "must_have": True, "met": score > 50,
            "evidence": [{"competency": "Programming", "kind": "role", "quote": text[start:start + 6] if start >= 0 else "",
                          "context": text.split("\n")[4] if start >= 0 and text.count("\n") > 4 else "",
                          "skill_id": "x", "skill_label": "Python", "section": "experience", "strength": 1.0,
                          "start": start if start >= 0 else None, "end": start + 6 if start >= 0 else None,
                          "role": "Software Engineer — Acme Corp (2019-01 – present)", "role_months": 80,
                          "source": "résumé", "related": False, "note": ""}] if start >= 0 else [],
            "why": ["Python used in a dated role"], "why_not": []}],
        "degree": {"status": "not required", "detail": "", "highest": ""}, "licence": None, "badges": [],
        "equivalencies": [], "warnings": [], "error": "", "error_code": "", "depth": 1.0, "verified_badges": 0,
    }


def make_run(store: Store) -> tuple[str, dict[str, str]]:
    """A finished run of the three texts; returns (run id, file → candidate code)."""
    files = []
    for name, text in TEXTS.items():
        files.append((name, hashlib.sha256(text.encode()).hexdigest()))
    rid = store.create_run(rubric_name="Engineer", rubric_yaml="role: Engineer\n", inputs=["x/"],
                           as_of=date(2026, 12, 1), options={}, files=files)
    codes = {}
    for name, sha in files:
        text = TEXTS[name]
        store.add_result(rid, name, result_json(name, text, SCORES[name]), document_sha256=sha,
                         document_kind=name.rsplit(".", 1)[1], document_text=text)
        codes[name] = candidate_code(sha, name)
    store.finish_run(rid)
    return rid, codes


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "screener.db"


@pytest.fixture
def stored(db: Path):
    store = open_store(db)
    rid, codes = make_run(store)
    yield store, rid, codes
    store.close()


@pytest.fixture
def run_maker():
    """``make_run`` for tests that open their own store."""
    return make_run
