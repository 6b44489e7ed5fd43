"""SQLite store of screening runs, results and documents (see ``store.py``); later migrations add decisions."""

from .codes import candidate_code
from .migrate import migrate, migrations, schema_version
from .store import (
    ENV_VAR,
    RunFile,
    RunInfo,
    RunRecord,
    RunStatus,
    Store,
    StoredDocument,
    StoredResult,
    default_db_path,
    open_store,
    resolve_db_path,
)

__all__ = [
    "ENV_VAR",
    "RunFile",
    "RunInfo",
    "RunRecord",
    "RunStatus",
    "Store",
    "StoredDocument",
    "StoredResult",
    "candidate_code",
    "default_db_path",
    "migrate",
    "migrations",
    "open_store",
    "resolve_db_path",
    "schema_version",
]
