"""The screening store: path resolution, file modes, migrations, runs/results/documents, run status."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from screener.errors import UsageError
from screener.store import candidate_code, migrations, open_store, resolve_db_path
from screener.store.migrate import split_statements


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def _run(store, files=(("a.pdf", "aa" * 32), ("b/c.pdf", "bb" * 32))):
    return store.create_run(rubric_name="Engineer", rubric_yaml="role: Engineer\n", inputs=["x/"],
                            as_of=date(2026, 1, 2), options={"online": False}, files=files)


@pytest.mark.parametrize(("arg", "env", "xdg", "expect"), [
    ("given.db", "env.db", "xdg", "given.db"),
    (None, "env.db", "xdg", "env.db"),
    (None, None, "xdg", "xdg/skills-screener/screener.db"),
])
def test_resolve_db_path(monkeypatch, tmp_path, arg, env, xdg, expect):
    monkeypatch.delenv("SCREENER_DB", raising=False)
    if env:
        monkeypatch.setenv("SCREENER_DB", str(tmp_path / env))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / xdg))
    got = resolve_db_path(tmp_path / arg if arg else None)
    assert got == tmp_path / expect


def test_home_default(monkeypatch, tmp_path):
    monkeypatch.delenv("SCREENER_DB", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_db_path() == tmp_path / ".local/share/skills-screener/screener.db"


def test_file_modes_wal_and_pragmas(tmp_path):
    db = tmp_path / "new" / "s.db"
    old = os.umask(0o022)
    try:
        with open_store(db) as store:
            _run(store)
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            assert store.schema_version == migrations()[-1].number
            for p in (db, db.with_name("s.db-wal"), db.with_name("s.db-shm")):
                assert p.exists() and _mode(p) == 0o600, p
    finally:
        os.umask(old)


def test_existing_loose_file_is_tightened(tmp_path):
    db = tmp_path / "s.db"
    db.touch()
    db.chmod(0o644)
    open_store(db).close()
    assert _mode(db) == 0o600


@pytest.mark.parametrize("content", [b"not a database at all, just text" * 100, b"SQLite format 3\x00garbage" * 50])
def test_not_a_database_is_a_usage_error(tmp_path, content):
    db = tmp_path / "s.db"
    db.write_bytes(content)
    with pytest.raises(UsageError, match="not a screening database"):
        open_store(db)


def test_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="folder"):
        open_store(tmp_path)


def test_migrations_are_ordered_and_applied_once(tmp_path):
    names = [m.name for m in migrations()]
    assert names[0] == "0001_runs.sql" and names == sorted(names)
    db = tmp_path / "s.db"
    open_store(db).close()
    with open_store(db) as store:  # reopening applies nothing twice
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"runs", "results", "documents", "run_files"} <= tables


def test_newer_schema_refused(tmp_path):
    db = tmp_path / "s.db"
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 9999")
    conn.close()
    with pytest.raises(UsageError, match="newer version"):
        open_store(db)


@pytest.mark.parametrize(("sql", "n"), [
    ("CREATE TABLE a (x);\nCREATE TABLE b (y);", 2),
    ("-- a comment; with a semicolon\nCREATE TABLE a (x);", 1),
    ("CREATE TRIGGER t BEFORE DELETE ON a BEGIN SELECT RAISE(ABORT, 'no'); END;\nCREATE TABLE b (y);", 2),
    ("", 0),
])
def test_split_statements(sql, n):
    assert len(split_statements(sql)) == n


def test_run_life_cycle(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        rid = _run(store)
        [info] = store.list_runs()
        assert info.to_json() == {"id": rid, "status": "running", "rubric": "Engineer", "created": info.created,
                                  "files": 2, "scored": 0, "errors": 0}
        store.add_result(rid, "a.pdf", {"overall": 50.0}, document_sha256="aa" * 32, document_kind="pdf",
                         document_text="hello")
        store.add_result(rid, "b/c.pdf", {"overall": None}, error="the file is damaged")
        assert store.scored_keys(rid) == {"a.pdf", "b/c.pdf"}
        with pytest.raises(sqlite3.IntegrityError):  # nothing scored twice
            store.add_result(rid, "a.pdf", {"overall": 1.0})
        store.finish_run(rid, notes=["a note"])
        info = store.run_info(rid)
        assert (info.status, info.files, info.scored, info.errors) == ("complete", 2, 1, 1)
        rec = store.run_record(rid)
        assert rec.notes == ["a note"] and rec.as_of == date(2026, 1, 2) and len(rec.rubric_sha256) == 64
        res = store.results(rid)
        assert [r.file_key for r in res] == ["a.pdf", "b/c.pdf"]
        assert res[0].candidate_code == "C-aaaaaaaa" and res[1].candidate_code.startswith("C-")
        doc = store.document("aa" * 32)
        assert doc is not None and (doc.kind, doc.text) == ("pdf", "hello")
        store.delete_run(rid)
        assert store.list_runs() == [] and store.document("aa" * 32) is None
        with pytest.raises(UsageError, match="no run"):
            store.run_info(rid)


def test_newest_first(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        ids = [_run(store, files=()) for _ in range(3)]
        assert [r.id for r in store.list_runs()] == ids[::-1]
        assert store.latest_run().id == ids[-1]


def test_dead_owner_is_interrupted_and_can_be_claimed(tmp_path):
    db = tmp_path / "s.db"
    code = ("import sys; from datetime import date; from screener.store import open_store\n"
            f"s = open_store({str(db)!r})\n"
            "print(s.create_run(rubric_name='R', rubric_yaml='r', inputs=[], as_of=date(2026,1,1), options={}))\n")
    rid = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    with open_store(db) as store:
        assert store.run_info(rid).status == "interrupted"
        store.claim_run(rid)
        assert store.run_info(rid).status == "running"
        with pytest.raises(UsageError, match="still running"):
            store.claim_run(rid)


def test_uploads_keep_their_bytes(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        sha = store.put_upload("cv.pdf", b"%PDF-1.4 bytes")
        store.put_document(sha, "cv.pdf", kind="pdf", text="t")
        doc = store.document(sha)
        assert doc.data == b"%PDF-1.4 bytes" and doc.text == "t" and doc.kind == "pdf"


@pytest.mark.parametrize(("sha", "key", "expect"), [
    ("0123456789abcdef" * 4, "x.pdf", "C-01234567"),
    ("ABCDEF0123456789" * 4, "x.pdf", "C-abcdef01"),
])
def test_candidate_code(sha, key, expect):
    assert candidate_code(sha, key) == expect


def test_candidate_code_without_document_uses_the_file_key():
    a, b = candidate_code(None, "a/cv.pdf"), candidate_code(None, "b/cv.pdf")
    assert a != b and a.startswith("C-") and len(a) == 10 and a == candidate_code(None, "a/cv.pdf")


def test_options_round_trip(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        rid = store.create_run(rubric_name="R", rubric_yaml="r", inputs=[{"upload": "a.pdf", "sha256": "x"}],
                               as_of=date(2026, 1, 1), options={"blind": True, "out": None})
        rec = store.run_record(rid)
        assert rec.options == {"blind": True, "out": None} and rec.inputs == [{"upload": "a.pdf", "sha256": "x"}]
        assert json.loads(store.conn.execute("SELECT options FROM runs").fetchone()[0]) == rec.options
