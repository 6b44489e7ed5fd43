"""The rubric library: the shipped role templates (read-only) and the user's own rubrics, saved in a user folder.

User rubrics live in ``$SCREENER_RUBRICS`` or, by default, ``$XDG_DATA_HOME/skills-screener/rubrics``
(``~/.local/share/skills-screener/rubrics``). Saving validates first and writes atomically (a temporary file
renamed over the old one), so a failed save leaves the previous file — and the editor's state — as they were.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import RubricError
from ..rubric import Rubric, list_rubrics, load_rubric, validate_rubric_data
from .yamlio import rubric_yaml

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "rubrics"
MAX_NAME = 80


def user_dir() -> Path:
    """Where the user's rubrics are saved (created on first save)."""
    env = os.environ.get("SCREENER_RUBRICS")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "skills-screener" / "rubrics"


@dataclass(frozen=True)
class LibraryEntry:
    path: Path
    kind: str  # "template" | "mine"
    role: str | None  # None when the file does not load
    error: str | None

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def editable(self) -> bool:
        return self.kind == "mine"


def _entries(folder: Path, kind: str) -> list[LibraryEntry]:
    out = []
    for p in list_rubrics(folder) if folder.is_dir() else []:
        try:
            out.append(LibraryEntry(p, kind, load_rubric(p).role, None))
        except RubricError as exc:
            out.append(LibraryEntry(p, kind, None, exc.user_message()))
    return out


def list_library(templates: Path | None = None, mine: Path | None = None) -> list[LibraryEntry]:
    """The user's rubrics first, then the templates, each sorted by file name."""
    return [*_entries(mine or user_dir(), "mine"), *_entries(templates or TEMPLATES, "template")]


def library_signature(templates: Path | None = None, mine: Path | None = None) -> tuple[tuple[str, int, int], ...]:
    """Changes whenever a rubric file is added, removed or edited (for caches of the rubric list)."""
    sig = []
    for folder in (mine or user_dir(), templates or TEMPLATES):
        for p in list_rubrics(folder) if folder.is_dir() else []:
            try:
                st = p.stat()
            except OSError:
                continue
            sig.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(sig)


def file_name(name: str) -> str:
    """A safe file name (no folders, no dots in front) from what the user typed: "Data Analyst (NYC)" →
    "data-analyst-nyc.yaml"."""
    stem = name.strip()
    stem = stem[:-5] if stem.lower().endswith(".yaml") else stem[:-4] if stem.lower().endswith(".yml") else stem
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:MAX_NAME].strip("-")
    if not stem:
        raise RubricError("give the rubric a file name with at least one letter or digit")
    return stem + ".yaml"


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _write_atomic(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".rubric-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_rubric(data: dict[str, Any], name: str, *, folder: Path | None = None, overwrite: bool = False,
                header: list[str] | None = None) -> tuple[Path, Rubric]:
    """Validate ``data`` and write it as ``name`` in the user folder. Raises :class:`RubricError` (nothing is
    written) when it does not validate, the name is taken and ``overwrite`` is false, or the disk refuses."""
    folder = folder or user_dir()
    target = folder / file_name(name)
    rubric = validate_rubric_data(data, source=target.name)
    if target.exists() and not overwrite:
        raise RubricError(f"{target.name}: a rubric with this name exists; choose another name or overwrite it")
    text = rubric_yaml(data, header=header or ["Saved from the Skills Screener rubric editor."])
    try:
        _write_atomic(target, text)
    except OSError as exc:
        raise RubricError(f"{target.name}: could not be saved ({exc.strerror or type(exc).__name__}); "
                          "your edits are kept, try again") from None
    return target, rubric


def rename_rubric(path: Path, new_name: str, *, folder: Path | None = None) -> Path:
    """Rename one of the user's rubrics (templates are read-only: copy them instead)."""
    folder = folder or user_dir()
    if not _inside(path, folder):
        raise RubricError(f"{path.name}: templates cannot be renamed; copy it to your rubrics first")
    target = folder / file_name(new_name)
    if target.exists() and target.resolve() != path.resolve():
        raise RubricError(f"{target.name}: a rubric with this name exists; choose another name")
    try:
        os.replace(path, target)
    except OSError as exc:
        raise RubricError(f"{path.name}: could not be renamed ({exc.strerror or type(exc).__name__})") from None
    return target


def copy_rubric(path: Path, new_name: str, *, folder: Path | None = None) -> Path:
    """Copy a template or a user rubric into the user folder under a new name (its text, comments kept)."""
    folder = folder or user_dir()
    load_rubric(path)  # copy only what loads
    target = folder / file_name(new_name)
    if target.exists():
        raise RubricError(f"{target.name}: a rubric with this name exists; choose another name")
    try:
        _write_atomic(target, path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RubricError(f"{target.name}: could not be saved ({exc.strerror or type(exc).__name__})") from None
    return target


def delete_rubric(path: Path, *, folder: Path | None = None) -> None:
    """Delete one of the user's rubrics; templates are read-only."""
    folder = folder or user_dir()
    if not _inside(path, folder):
        raise RubricError(f"{path.name}: templates cannot be deleted")
    try:
        path.unlink()
    except FileNotFoundError:
        raise RubricError(f"{path.name}: already deleted") from None
    except OSError as exc:
        raise RubricError(f"{path.name}: could not be deleted ({exc.strerror or type(exc).__name__})") from None


__all__ = ["LibraryEntry", "TEMPLATES", "copy_rubric", "delete_rubric", "file_name", "library_signature",
           "list_library", "rename_rubric", "save_rubric", "user_dir"]
