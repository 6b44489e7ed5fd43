"""A small stored run for the workflow tests (the fairness tests' three candidates, plus a fourth who applied
twice under another file name and a fifth with accents and CJK in the name)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from screener.pipeline import load_run
from screener.store import candidate_code, open_store
from tests.fairness.conftest import SCORES, TEXTS, result_json

EXTRA = {
    # Ana again: another file, another layout, the same e-mail written in capitals.
    "souza_ana_resume.txt": "ANA SOUZA\nAna.Souza@Example.com\n\nSKILLS\nPython, Kubernetes\n",
    "张伟_cv.txt": "张伟 Wei\nwei@example.cn\n\nSKILLS\nPython\n",
    "lucia.txt": "Lucía Hernández\nlucia@example.es\n\nSKILLS\nPython =HYPERLINK(\"http://x\")\n",
}
EXTRA_SCORES = {"souza_ana_resume.txt": 55.0, "张伟_cv.txt": 50.0, "lucia.txt": 45.0}


def make_run(store):
    texts = {**TEXTS, **EXTRA}
    scores = {**SCORES, **EXTRA_SCORES}
    files = [(n, hashlib.sha256(t.encode()).hexdigest()) for n, t in texts.items()]
    from datetime import date

    rid = store.create_run(rubric_name="Engineer", rubric_yaml="role: Engineer\n", inputs=["x/"],
                           as_of=date(2026, 12, 1), options={}, files=files)
    codes = {}
    for name, sha in files:
        text = texts[name]
        store.add_result(rid, name, result_json(name, text, scores[name]), document_sha256=sha,
                         document_kind="txt", document_text=text)
        codes[name] = candidate_code(sha, name)
    store.finish_run(rid)
    return rid, codes


@pytest.fixture
def stored(tmp_path: Path):
    store = open_store(tmp_path / "screener.db")
    rid, codes = make_run(store)
    yield store, rid, codes
    store.close()


@pytest.fixture
def run(stored):
    store, rid, codes = stored
    return load_run(store, rid)
