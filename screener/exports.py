"""Safe exports: spreadsheet cells that cannot run as formulas, and files only their owner can read.

Every export path uses these — the ranking CSV/XLSX (``report.py``, the CLI's ``screen --out`` and stdout, the
app's download) and saved-run exports. Applicant text is hostile input: a file name or a résumé line beginning
with ``=``, ``+``, ``-``, ``@``, tab or carriage return would be a live formula in Excel, LibreOffice or Google
Sheets (``=HYPERLINK(...)`` leaking data, DDE payloads). Following OWASP's CSV-injection guidance such a cell is
prefixed with a single quote, also when the dangerous character follows leading whitespace; genuine numbers stay
numbers. Files holding personal data are created mode 0600 whatever the umask.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import UsageError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain decimal number (what a spreadsheet reads as a number, never as a formula): "-3.5", "+2", "1e-3".
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
PRIVATE_MODE = 0o600


def safe_cell(value: Any) -> Any:
    """One spreadsheet cell that cannot be read as a formula; numbers, booleans and None are returned unchanged.

    A string whose first character — or first character after leading spaces, tabs or line breaks — is one of
    ``= + - @``, or which begins with a tab or carriage return, is prefixed with ``'``. A string that is exactly a
    decimal number (``"-3.5"``) is left alone: spreadsheets read it as that number.
    """
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = str(value)
    if not text:
        return text
    stripped = text.lstrip(" \t\r\n")
    if text[0] in FORMULA_STARTS or (stripped[:1] and stripped[0] in FORMULA_STARTS):
        if _NUMBER.fullmatch(text):
            return text
        return "'" + text
    return text


def safe_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row of cells (and its column names) made safe with :func:`safe_cell`."""
    return {safe_cell(k): safe_cell(v) for k, v in row.items()}


def safe_rows(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [safe_row(r) for r in rows]


@contextmanager
def private_file(path: Path, mode: str = "w", *, encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open ``path`` for writing with permissions 0600 (owner read/write only), whatever the umask.

    An existing file is truncated and its mode tightened to 0600 before anything is written. A file that cannot
    be written is a :class:`UsageError` with one line, not a traceback.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"private_file writes only ('w' or 'wb'), not {mode!r}")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_MODE)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    try:
        os.fchmod(fd, PRIVATE_MODE)
    except OSError:
        os.close(fd)
        raise
    if mode == "wb":
        handle: IO[Any] = os.fdopen(fd, "wb")
    else:
        handle = os.fdopen(fd, "w", encoding=encoding, newline="")
    with handle:
        yield handle


def write_private(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` with permissions 0600."""
    if isinstance(data, bytes):
        with private_file(path, "wb") as fb:
            fb.write(data)
    else:
        with private_file(path, "w") as ft:
            ft.write(data)
