"""Inputs: expand folders, read files (never parse them: the parent only reads bytes), name each file uniquely,
and attach badge files to the résumé they belong to.

Every file found in an input folder becomes a row: one the screener cannot read gets an error row saying so.
Links leading outside an input folder are not followed. Two files with the same base name keep two keys
(their relative paths) so they stay two candidates everywhere.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from ..errors import DocumentError, FileTooLarge, UnsupportedFileType
from ..ingest import is_badge_png

#: Résumé formats the screener reads.
RESUME_SUFFIXES = {".pdf", ".docx", ".doc", ".txt", ".json", ".png", ".jpg", ".jpeg"}
#: Files that may carry a badge (baked images, JWTs, JSON assertions/credentials).
BADGE_SUFFIXES = {".png", ".svg", ".jwt", ".jws", ".json"}
#: Suffixes that are always badge files (a ``.json`` is one only when a worker finds a badge inside).
BADGE_ONLY_SUFFIXES = {".png", ".svg", ".jwt", ".jws"}
#: Names in a folder that are never résumés.
_SKIP_NAMES = re.compile(r"^(readme|licen[cs]e|changelog|offline-map|.*\.map)(\..*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class InputFile:
    """One file handed to the screener: its bytes, or the error that stopped us reading it.

    ``name`` is the base name (its suffix tells the reader the format); ``key`` the display name, unique in the
    batch ("cv.pdf", or "a/cv.pdf" and "b/cv.pdf" when two folders hold a cv.pdf)."""

    name: str
    data: bytes | None
    path: str = ""
    error: DocumentError | None = None
    key: str = ""
    rel: str = ""  # path relative to the input it came from, with that input's name first ("a/sub/cv.pdf")
    upload: bool = False  # given as (name, bytes): an upload, kept in the store
    digest: str = ""  # sha256 of the bytes, taken when they were read
    lazy: bool = False  # bytes left on disk (``path``) until a worker is about to screen the file

    @property
    def display(self) -> str:
        return self.key or self.name

    @property
    def readable(self) -> bool:
        return self.error is None and (self.data is not None or self.lazy)

    @property
    def sha256(self) -> str | None:
        if self.digest:
            return self.digest
        return hashlib.sha256(self.data).hexdigest() if self.data is not None else None

    def load(self) -> bytes:
        """The file's bytes (read now when they were left on disk). Raises OSError."""
        if self.data is not None:
            return self.data
        with open(self.path, "rb") as fh:
            return fh.read()


def _too_large(name: str, size: int, cap: int) -> FileTooLarge:
    return FileTooLarge(f"file is {size / 1048576:.1f} MB, over the {cap / 1048576:.0f} MB limit", file=name)


#: Suffixes whose bytes the parent keeps (the sandbox classifies .json files; badge files go with their résumé).
_KEEP_SUFFIXES = {".json", ".png", ".svg", ".jwt", ".jws"}


def _read_one(path: Path, max_bytes: int, rel: str, keep: bool = True) -> InputFile:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputFile(path.name, None, str(path), _too_large(path.name, size, max_bytes), rel=rel)
        if keep or path.suffix.lower() in _KEEP_SUFFIXES:
            return InputFile(path.name, path.read_bytes(), str(path), rel=rel)
        with open(path, "rb") as fh:  # hashed now, read again when its turn comes: memory stays flat
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
        return InputFile(path.name, None, str(path), rel=rel, digest=digest, lazy=True)
    except OSError as exc:
        return InputFile(path.name, None, str(path), DocumentError(f"cannot read the file ({exc.strerror})",
                                                                    file=path.name), rel=rel)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def _walk(folder: Path, max_bytes: int, keep: bool) -> list[InputFile]:
    """Every file under ``folder`` (hidden files and read-me/licence/map files aside), sorted by relative path.
    Symbolic links are followed only when they stay inside the folder."""
    root = folder.resolve()
    found: list[tuple[str, Path, bool]] = []  # (relative path, path, link outside)
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        base = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for d in list(dirnames):
            q = base / d
            if q.is_symlink():
                dirnames.remove(d)  # never descended into; its files are listed where they really live
                if not _inside(q, root):
                    found.append((q.relative_to(folder).as_posix(), q, True))
        for fname in filenames:
            if fname.startswith(".") or _SKIP_NAMES.match(fname):
                continue
            q = base / fname
            outside = q.is_symlink() and not _inside(q, root)
            found.append((q.relative_to(folder).as_posix(), q, outside))
    out: list[InputFile] = []
    prefix = folder.resolve().name or folder.name
    for rel, q, outside in sorted(found, key=lambda x: x[0]):
        rel_key = f"{prefix}/{rel}" if prefix else rel
        if outside:
            out.append(InputFile(q.name, None, str(q), UnsupportedFileType(
                "not read: it is a link to a file outside the input folder", file=q.name), rel=rel_key))
        elif q.is_file():
            out.append(_read_one(q, max_bytes, rel_key, keep))
    return out


def read_inputs(paths: Iterable[str | Path | tuple[str, bytes]], *, max_bytes: int,
                keep_data: bool = True) -> list[InputFile]:
    """Expand folders (every file, recursively) and read files; a file we cannot read is an error row.
    Each file gets a unique ``key`` (see :func:`assign_keys`). With ``keep_data=False`` résumé files on disk are
    only hashed (``lazy``): their bytes are read again when they are screened, so a batch of any size fits."""
    out: list[InputFile] = []
    for p in paths:
        if isinstance(p, tuple):
            name, data = p
            base = PurePosixPath(name.replace("\\", "/")).name or name
            if len(data) > max_bytes:
                out.append(InputFile(base, None, error=_too_large(base, len(data), max_bytes), rel=base, upload=True))
            else:
                out.append(InputFile(base, data, rel=base, upload=True))
            continue
        path = Path(p)
        if path.is_dir():
            out.extend(_walk(path, max_bytes, keep_data))
        elif path.exists():
            out.append(_read_one(path, max_bytes, path.name, keep_data))
        else:
            out.append(InputFile(path.name, None, str(path), DocumentError("file not found", file=path.name),
                                 rel=path.name))
    return assign_keys(out)


def assign_keys(files: Sequence[InputFile]) -> list[InputFile]:
    """Give every file a display key unique in the batch: its base name; when names clash, the shortest tail of
    its relative path that tells them apart; when even full paths clash (two uploads), "name (2)", "name (3)"."""
    by_name: dict[str, list[int]] = {}
    for i, f in enumerate(files):
        by_name.setdefault(f.name, []).append(i)
    keys = [f.name for f in files]
    for idxs in by_name.values():
        if len(idxs) < 2:
            continue
        parts = {i: PurePosixPath(files[i].rel or files[i].name).parts for i in idxs}
        depth = max(len(p) for p in parts.values())
        for n in range(2, depth + 1):
            tails = {i: "/".join(parts[i][-n:]) for i in idxs}
            if len(set(tails.values())) == len(idxs):
                break
        for i in idxs:
            keys[i] = "/".join(parts[i][-n:]) if depth >= 2 else files[i].name
    seen: dict[str, int] = {}
    out = []
    for f, k in zip(files, keys, strict=True):
        seen[k] = seen.get(k, 0) + 1
        out.append(replace(f, key=k if seen[k] == 1 else f"{k} ({seen[k]})"))
    return out


def split_badge_files(files: Sequence[InputFile], badge_json: frozenset[str] = frozenset()) -> \
        tuple[list[InputFile], list[InputFile]]:
    """Separate résumés from badge files (images, JWTs, and the ``.json`` files whose keys are in ``badge_json``:
    a worker looked inside them)."""
    resumes: list[InputFile] = []
    badges: list[InputFile] = []
    for f in files:
        suffix = Path(f.name).suffix.lower()
        if suffix == ".png" and f.data is not None and not is_badge_png(f.data):
            resumes.append(f)  # a scan or photo of a résumé (read by OCR), not a baked badge
        elif f.data is not None and (suffix in BADGE_ONLY_SUFFIXES or (suffix == ".json" and f.display in badge_json)):
            badges.append(f)
        else:
            resumes.append(f)
    return resumes, badges


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\W_]+", Path(name).stem.casefold()) if t]


def attach_badge_files(resumes: Sequence[InputFile], badges: Sequence[InputFile]) -> dict[str, list[InputFile]]:
    """A badge file belongs to the résumé whose file name shares the longest leading words with it (≥ 2 words,
    or the résumé's whole name). ``"priya_raman_kubernetes.png"`` → ``"priya_raman_software_engineer.pdf"``.
    Keys of the result are résumé display keys; "" holds the badges matched to no résumé."""
    out: dict[str, list[InputFile]] = {}
    for b in badges:
        bt = _tokens(b.name)
        best: tuple[int, str] | None = None
        tie = False
        for r in resumes:
            rt = _tokens(r.name)
            n = 0
            while n < min(len(bt), len(rt)) and bt[n] == rt[n]:
                n += 1
            if n >= 2 or (n and n == len(rt)):
                if best is None or n > best[0]:
                    best, tie = (n, r.display), False
                elif n == best[0]:
                    tie = True
        if best is not None and not tie:
            out.setdefault(best[1], []).append(b)
        elif len(resumes) == 1:
            # One résumé in the batch: every badge uploaded beside it is its candidate's.
            out.setdefault(resumes[0].display, []).append(b)
        else:
            out.setdefault("", []).append(b)
    return out
