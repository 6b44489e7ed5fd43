"""Synthetic résumés in the layouts applicants send (issue 15), with gold roles and education in the format of
``../shared/tools/roles_real_check.py``, so the project's own checker scores them.

    from benchmarks.synth_resumes import generate
    rows = generate(Path("/tmp/roles_synth"), n=120, seed=15)   # files + gold_roles_synth.jsonl
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from .forms import FORM_KINDS
from .kinds import KINDS as LAYOUT_KINDS
from .people import person

KINDS = {**LAYOUT_KINDS, **FORM_KINDS}

GOLD_NAME = "gold_roles_synth.jsonl"
SHARED = Path(__file__).resolve().parents[3] / "shared"  # the read-only development data beside the checkout

__all__ = ["GOLD_NAME", "KINDS", "clear", "generate"]


def clear(out: Path) -> None:
    """Remove an earlier generation from ``out`` (its gold and sub-folders); refuse a non-empty folder that holds
    no gold of ours, so a mistyped ``--out`` cannot delete anything else."""
    if not out.exists() or not any(out.iterdir()):
        return
    if not (out / GOLD_NAME).is_file():
        raise SystemExit(f"{out} is not empty and holds no {GOLD_NAME}: choose an empty or new folder")
    for old in out.iterdir():
        if old.is_dir() and (old.name in KINDS or old.name == "by_kind"):
            shutil.rmtree(old)
        elif old.name in (GOLD_NAME, "manifest.json"):
            old.unlink()


def generate(out: Path, n: int = 120, seed: int = 15, kinds: list[str] | None = None) -> list[dict[str, object]]:
    """Write ``n`` résumés under ``out/<kind>/`` (kinds taken in turn) and ``out/gold_roles_synth.jsonl``.

    Document ``i`` depends only on ``seed`` and ``i`` (and its kind), so the same call writes the same résumés."""
    if out.resolve().is_relative_to(SHARED.resolve()):  # both resolved: a link to ../shared is ../shared
        raise ValueError(f"{out} is inside {SHARED}, which is read-only: write the résumés elsewhere")
    names = kinds or list(KINDS)
    unknown = sorted(set(names) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown kinds {unknown}; known: {', '.join(KINDS)}")
    rows: list[dict[str, object]] = []
    for i in range(n):
        kind = names[i % len(names)]
        rng = random.Random(f"{seed}/{i}/{kind}")
        (out / kind).mkdir(parents=True, exist_ok=True)
        someone = person(rng)
        made = KINDS[kind](someone, rng, out / kind / f"{i:03d}")
        file = made.file.relative_to(out).as_posix()
        rows.append({"id": file, "file": file, "kind": kind,  # the id is the file: the checker's misses name it
                     "name": someone.name, "roles": made.roles, "education": made.education})
    (out / GOLD_NAME).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return rows
