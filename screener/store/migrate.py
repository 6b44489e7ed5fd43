"""Schema migrations: ordered files ``migrations/NNNN_name.sql`` applied in number order; ``PRAGMA user_version``
holds the number of the last one applied. Each file runs in one transaction with the version bump."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

from ..errors import UsageError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every migration shipped with the package, in number order (numbers must be unique)."""
    folder = resources.files("screener.store") / "migrations"
    found: list[Migration] = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda x: x.number)
    numbers = [x.number for x in found]
    if len(set(numbers)) != len(numbers):
        raise RuntimeError(f"two store migrations share a number: {[x.name for x in found]}")
    return found


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def split_statements(sql: str) -> list[str]:
    """SQL text → its statements (a trigger body's inner semicolons stay inside its statement)."""
    out: list[str] = []
    buf = ""
    for part in sql.split(";"):
        buf += part + ";"
        if sqlite3.complete_statement(buf):
            stmt = buf.strip()
            if stmt.strip(";").strip() and not all(
                    line.strip().startswith("--") or not line.strip() for line in stmt.rstrip(";").splitlines()):
                out.append(stmt)
            buf = ""
    if buf.strip(";").strip():
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buf.strip()[:60]!r}")
    return out


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations newer than the database; returns the resulting version.

    Each migration runs inside ``BEGIN IMMEDIATE`` and re-reads the version there, so two processes opening a new
    database at once apply it once."""
    known = migrations()
    latest = known[-1].number if known else 0
    current = schema_version(conn)
    if current > latest:
        raise UsageError(f"the screening database is from a newer version of Skills Screener (schema {current}, "
                         f"this one knows up to {latest}); upgrade it to open this database")
    if current == latest:
        return current
    conn.commit()
    saved = conn.isolation_level
    conn.isolation_level = None
    try:
        for mig in known:
            if mig.number <= current:
                continue
            conn.execute("BEGIN IMMEDIATE")
            try:
                current = schema_version(conn)
                if mig.number > current:
                    for stmt in split_statements(mig.sql):
                        conn.execute(stmt)
                    conn.execute(f"PRAGMA user_version = {mig.number:d}")
                    current = mig.number
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    finally:
        conn.isolation_level = saved
    return current
