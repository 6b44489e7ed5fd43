"""The screening store: one SQLite file holding runs, each file's result (committed as it finishes) and the
documents they read. Standard-library ``sqlite3``, WAL journal, foreign keys on, file mode 0600.

    with open_store() as store:                       # --db, else $SCREENER_DB, else the per-user data folder
        run_id = store.create_run(rubric_name=..., rubric_yaml=..., inputs=[...], as_of=date(2026, 1, 1),
                                  options={}, files=[("a.pdf", sha)])
        store.add_result(run_id, "a.pdf", result_json, candidate_code="C-1a2b3c4d")
        store.finish_run(run_id)
        [info] = store.list_runs()                     # RunInfo(status="complete", files=1, scored=1, ...)

Other stores (decisions, scorecards) add their tables through later migrations and use ``Store.conn``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from ..errors import UsageError
from .codes import candidate_code
from .migrate import migrate

RunStatus = Literal["running", "complete", "interrupted"]

ENV_VAR = "SCREENER_DB"
_APP_DIR = "skills-screener"
_DB_NAME = "screener.db"


def default_db_path() -> Path:
    """``$XDG_DATA_HOME/skills-screener/screener.db`` (``~/.local/share/...`` when XDG_DATA_HOME is unset)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / _APP_DIR / _DB_NAME


def resolve_db_path(db: str | Path | None = None) -> Path:
    """``db`` when given, else ``$SCREENER_DB``, else :func:`default_db_path`."""
    if db is not None and str(db) != "":
        return Path(db).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _touch_private(path: Path) -> None:
    """Create ``path`` with mode 0600 before SQLite opens it (and tighten it when it exists and is ours)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        if os.fstat(fd).st_uid == os.getuid():
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def _process_started(pid: int) -> str | None:
    """The start time of process ``pid`` (clock ticks since boot, Linux), telling a live process from a later
    one that reused its id; "" where /proc is absent but the process exists; None when it does not exist."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            stat = fh.read()
        return stat.rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return ""
    return "" if not Path("/proc").is_dir() else None


@dataclass(frozen=True)
class RunInfo:
    """One run as ``runs list`` shows it."""

    id: str
    status: RunStatus
    rubric: str
    created: str
    files: int
    scored: int
    errors: int
    finished: str | None = None
    as_of: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "rubric": self.rubric, "created": self.created,
                "files": self.files, "scored": self.scored, "errors": self.errors}


@dataclass(frozen=True)
class RunRecord:
    """Everything stored about a run except its results."""

    id: str
    status: RunStatus
    rubric_name: str
    rubric_yaml: str
    rubric_sha256: str
    inputs: list[Any]
    as_of: date
    options: dict[str, Any]
    notes: list[str]
    created: str
    finished: str | None


@dataclass(frozen=True)
class RunFile:
    file_key: str
    position: int
    document_sha256: str | None


@dataclass(frozen=True)
class StoredResult:
    run_id: str
    file_key: str
    candidate_code: str
    document_sha256: str | None
    result: dict[str, Any]
    error: str
    scored_at: str


@dataclass(frozen=True)
class StoredDocument:
    sha256: str
    file_name: str
    kind: str
    text: str | None
    data: bytes | None
    created: str


class Store:
    """An open screening database. ``conn`` is the ``sqlite3.Connection`` (Python's default transaction handling:
    ``with store.conn:`` commits or rolls back a block)."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn

    # ---- life cycle ---------------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # ---- documents ------------------------------------------------------------------------------------------
    def put_document(self, sha256: str, file_name: str, *, kind: str = "", text: str | None = None,
                     data: bytes | None = None) -> None:
        """Insert a document, or fill in the kind, text or bytes it lacked; committed."""
        with self.conn:
            self.conn.execute(
                "INSERT INTO documents (sha256, file_name, kind, text, data, created) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (sha256) DO UPDATE SET kind = CASE WHEN documents.kind = '' THEN excluded.kind "
                "ELSE documents.kind END, text = COALESCE(documents.text, excluded.text), "
                "data = COALESCE(documents.data, excluded.data)",
                (sha256, file_name, kind, text, data, _now()))

    def put_upload(self, file_name: str, data: bytes) -> str:
        """Keep an uploaded file's bytes; returns their sha256."""
        sha = hashlib.sha256(data).hexdigest()
        self.put_document(sha, file_name, data=data)
        return sha

    def document(self, sha256: str) -> StoredDocument | None:
        row = self.conn.execute("SELECT sha256, file_name, kind, text, data, created FROM documents WHERE sha256 = ?",
                                (sha256,)).fetchone()
        return StoredDocument(*row) if row else None

    # ---- runs -------------------------------------------------------------------------------------------------
    def create_run(self, *, rubric_name: str, rubric_yaml: str, inputs: Sequence[Any], as_of: date,
                   options: dict[str, Any], files: Iterable[tuple[str, str | None]] = (),
                   notes: Sequence[str] = ()) -> str:
        """A new run in status "running", owned by this process; ``files`` are (file key, document sha256 or
        None) in input order. Returns the run id (sortable by creation time)."""
        created = _now()
        run_id = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)
        pid = os.getpid()
        with self.conn:
            self.conn.execute(
                "INSERT INTO runs (id, status, rubric_name, rubric_yaml, rubric_sha256, inputs, as_of, options, "
                "notes, created, pid, pid_started, heartbeat) VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, rubric_name, rubric_yaml, hashlib.sha256(rubric_yaml.encode("utf-8")).hexdigest(),
                 json.dumps(list(inputs), ensure_ascii=False), as_of.isoformat(),
                 json.dumps(options, ensure_ascii=False, sort_keys=True), json.dumps(list(notes), ensure_ascii=False),
                 created, pid, _process_started(pid), created))
            self._insert_files(run_id, files)
        return run_id

    def _insert_files(self, run_id: str, files: Iterable[tuple[str, str | None]]) -> None:
        start = self.conn.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM run_files WHERE run_id = ?",
                                  (run_id,)).fetchone()[0]
        for n, (key, sha) in enumerate(files):
            if sha is not None:
                self.conn.execute("INSERT OR IGNORE INTO documents (sha256, file_name, created) VALUES (?, ?, ?)",
                                  (sha, key.rsplit("/", 1)[-1], _now()))
            self.conn.execute("INSERT INTO run_files (run_id, file_key, position, document_sha256) VALUES (?, ?, ?, ?)",
                              (run_id, key, start + n, sha))

    def add_files(self, run_id: str, files: Iterable[tuple[str, str | None]]) -> None:
        with self.conn:
            self._insert_files(run_id, files)

    def run_files(self, run_id: str) -> list[RunFile]:
        rows = self.conn.execute("SELECT file_key, position, document_sha256 FROM run_files WHERE run_id = ? "
                                 "ORDER BY position", (run_id,)).fetchall()
        return [RunFile(*r) for r in rows]

    def claim_run(self, run_id: str) -> None:
        """Make this process the run's owner (resume): refused while another live process screens it."""
        info = self.run_info(run_id)
        if info.status == "running":
            raise UsageError(f"run {run_id} is still running (process {self._pid(run_id)}); wait for it or stop it")
        pid = os.getpid()
        with self.conn:
            self.conn.execute("UPDATE runs SET status = 'running', finished = NULL, pid = ?, pid_started = ?, "
                              "heartbeat = ? WHERE id = ?", (pid, _process_started(pid), _now(), run_id))

    def _pid(self, run_id: str) -> int | None:
        row = self.conn.execute("SELECT pid FROM runs WHERE id = ?", (run_id,)).fetchone()
        return row[0] if row else None

    def heartbeat(self, run_id: str) -> None:
        with self.conn:
            self.conn.execute("UPDATE runs SET heartbeat = ? WHERE id = ?", (_now(), run_id))

    def set_notes(self, run_id: str, notes: Sequence[str]) -> None:
        with self.conn:
            self.conn.execute("UPDATE runs SET notes = ? WHERE id = ?",
                              (json.dumps(list(notes), ensure_ascii=False), run_id))

    def finish_run(self, run_id: str, *, status: RunStatus = "complete", notes: Sequence[str] | None = None) -> None:
        with self.conn:
            if notes is not None:
                self.conn.execute("UPDATE runs SET notes = ? WHERE id = ?",
                                  (json.dumps(list(notes), ensure_ascii=False), run_id))
            self.conn.execute("UPDATE runs SET status = ?, finished = ?, pid = NULL, pid_started = NULL, "
                              "heartbeat = ? WHERE id = ?", (status, _now(), _now(), run_id))

    def delete_run(self, run_id: str) -> None:
        """Delete a run and its results (documents no other run uses go too)."""
        self.run_record(run_id)
        with self.conn:
            self.conn.execute("DELETE FROM runs WHERE id = ?", (run_id,))
            self.conn.execute(
                "DELETE FROM documents WHERE sha256 NOT IN (SELECT document_sha256 FROM run_files "
                "WHERE document_sha256 IS NOT NULL) AND sha256 NOT IN (SELECT document_sha256 FROM results "
                "WHERE document_sha256 IS NOT NULL)")

    def _status(self, stored: str, pid: int | None, pid_started: str | None) -> RunStatus:
        if stored != "running":
            return "complete" if stored == "complete" else "interrupted"
        if pid is None:
            return "interrupted"
        started = _process_started(pid)
        if started is None or (pid_started and started and started != pid_started):
            return "interrupted"
        return "running"

    _INFO = ("SELECT r.id, r.status, r.rubric_name, r.created, r.finished, r.as_of, r.pid, r.pid_started, "
             "(SELECT COUNT(*) FROM run_files f WHERE f.run_id = r.id), "
             "(SELECT COUNT(*) FROM results s WHERE s.run_id = r.id AND s.error = ''), "
             "(SELECT COUNT(*) FROM results s WHERE s.run_id = r.id AND s.error != '') FROM runs r")

    def _info(self, row: tuple[Any, ...]) -> RunInfo:
        rid, stored, rubric, created, finished, as_of, pid, pid_started, files, scored, errors = row
        return RunInfo(rid, self._status(stored, pid, pid_started), rubric, created, files, scored, errors,
                       finished, as_of)

    def list_runs(self) -> list[RunInfo]:
        """Every run, newest first."""
        rows = self.conn.execute(self._INFO + " ORDER BY r.created DESC, r.rowid DESC").fetchall()
        return [self._info(r) for r in rows]

    def latest_run(self) -> RunInfo | None:
        rows = self.conn.execute(self._INFO + " ORDER BY r.created DESC, r.rowid DESC LIMIT 1").fetchall()
        return self._info(rows[0]) if rows else None

    def run_info(self, run_id: str) -> RunInfo:
        row = self.conn.execute(self._INFO + " WHERE r.id = ?", (run_id,)).fetchone()
        if row is None:
            raise UsageError(f"no run {run_id!r} in {self.path} (see 'python -m screener runs list')")
        return self._info(row)

    def run_record(self, run_id: str) -> RunRecord:
        row = self.conn.execute(
            "SELECT id, status, rubric_name, rubric_yaml, rubric_sha256, inputs, as_of, options, notes, created, "
            "finished, pid, pid_started FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise UsageError(f"no run {run_id!r} in {self.path} (see 'python -m screener runs list')")
        (rid, stored, name, yaml_text, sha, inputs, as_of, options, notes, created, finished, pid, pid_started) = row
        return RunRecord(rid, self._status(stored, pid, pid_started), name, yaml_text, sha, json.loads(inputs),
                         date.fromisoformat(as_of), json.loads(options), json.loads(notes), created, finished)

    # ---- results ------------------------------------------------------------------------------------------------
    def add_result(self, run_id: str, file_key: str, result: dict[str, Any], *, candidate_code: str | None = None,
                   document_sha256: str | None = None, error: str = "", document_kind: str = "",
                   document_text: str | None = None) -> None:
        """Record one file's result and commit it (with its document's text, when given). A second result for the
        same file of the same run is refused: nothing is scored twice."""
        code = candidate_code or _code(document_sha256, file_key)
        with self.conn:
            if document_sha256 is not None:
                self.conn.execute(
                    "INSERT INTO documents (sha256, file_name, kind, text, created) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (sha256) DO UPDATE SET kind = CASE WHEN documents.kind = '' THEN excluded.kind "
                    "ELSE documents.kind END, text = COALESCE(documents.text, excluded.text)",
                    (document_sha256, file_key.rsplit("/", 1)[-1], document_kind, document_text, _now()))
            self.conn.execute(
                "INSERT INTO results (run_id, file_key, candidate_code, document_sha256, result, error, scored_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (run_id, file_key, code, document_sha256, json.dumps(result, ensure_ascii=False), error, _now()))
            self.conn.execute("UPDATE runs SET heartbeat = ? WHERE id = ?", (_now(), run_id))

    def scored_keys(self, run_id: str) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT file_key FROM results WHERE run_id = ?", (run_id,))}

    def results(self, run_id: str) -> list[StoredResult]:
        """The run's results in input order."""
        rows = self.conn.execute(
            "SELECT s.run_id, s.file_key, s.candidate_code, s.document_sha256, s.result, s.error, s.scored_at "
            "FROM results s LEFT JOIN run_files f ON f.run_id = s.run_id AND f.file_key = s.file_key "
            "WHERE s.run_id = ? ORDER BY COALESCE(f.position, 1e18), s.file_key", (run_id,)).fetchall()
        return [StoredResult(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (rolled back on an exception): for read-then-write blocks."""
        self.conn.commit()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()


def _code(document_sha256: str | None, file_key: str) -> str:
    return candidate_code(document_sha256, file_key)


def open_store(db: str | Path | None = None) -> Store:
    """Open (creating and migrating when needed) the store at ``db``, ``$SCREENER_DB`` or the per-user data folder."""
    path = resolve_db_path(db)
    if path.is_dir():
        raise UsageError(f"--db {path}: is a folder; give a database file name")
    parent = path.parent
    if not parent.exists():
        try:
            parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create the folder for the screening database {parent} ({exc.strerror})") from None
    try:
        _touch_private(path)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                _touch_private(side)
    except OSError as exc:
        raise UsageError(f"cannot open the screening database {path} ({exc.strerror})") from None
    try:
        conn = sqlite3.connect(path, timeout=30.0)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(f"journal mode is {mode}, not WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise UsageError(f"{path}: not a screening database, or it is damaged ({exc})") from None
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):
            if side.exists() and side.stat().st_uid == os.getuid():
                os.chmod(side, 0o600)
    return Store(path, conn)
