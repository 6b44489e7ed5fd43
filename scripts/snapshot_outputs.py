"""Snapshot of what ingest and skill extraction produce, to prove a speed-up changed no output.

usage: python scripts/snapshot_outputs.py OUT.json [--shared /work/shared]

Ingests every PDF/DOCX/TXT under <shared>/data/resumes, sample_data/ and tests/fixtures/ingest (a failure is
recorded as its error code and message), and runs the skill extractor over every dotin, skillspan and green2022
text and over each ingested document's text. Writes one JSON file with sorted keys: take one before and one after
a change and compare them byte for byte (``cmp before.json after.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screener.errors import ScreenerError  # noqa: E402
from screener.extract import get_extractor  # noqa: E402
from screener.ingest import ingest_path  # noqa: E402
from screener.models import Document  # noqa: E402

INGEST_SUFFIXES = {".pdf", ".docx", ".txt"}
TEXT_FOLDERS = ("dotin/text", "skillspan/text", "green2022/text")


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in INGEST_SUFFIXES)


def _mentions(text: str) -> list[list[Any]]:
    return [[m.text, m.id, m.start, m.end, m.section] for m in get_extractor().extract(text)]


def _doc(doc: Document) -> dict[str, Any]:
    return {
        "text": doc.text,
        "pages": list(doc.pages),
        "links": [[ln.url, ln.text, ln.page, ln.source] for ln in doc.links],
        "health": [[h.code, h.severity, h.message, h.excerpt] for h in doc.health],
        "excluded_spans": [list(s) for s in doc.excluded_spans],
        "metadata": doc.metadata,
        "mentions": _mentions(doc.text),
    }


def snapshot(shared: Path) -> dict[str, Any]:
    resumes = shared / "data" / "resumes"
    roots = {"shared": resumes, "sample_data": ROOT / "sample_data", "fixtures": ROOT / "tests" / "fixtures" / "ingest"}
    ingest: dict[str, Any] = {}
    for label, folder in roots.items():
        for path in _files(folder):
            key = f"{label}/{path.relative_to(folder)}"
            try:
                ingest[key] = _doc(ingest_path(path))
            except ScreenerError as exc:
                ingest[key] = {"error": [exc.code, str(exc)]}
    extract: dict[str, Any] = {}
    for sub in TEXT_FOLDERS:
        for path in sorted((resumes / sub).glob("*.txt")):
            extract[f"{sub}/{path.name}"] = _mentions(path.read_text(encoding="utf-8"))
    return {"ingest": ingest, "extract": extract}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("SCREENER_SHARED", ROOT.parent / "shared")))
    args = ap.parse_args()
    data = snapshot(args.shared)
    args.out.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['ingest'])} files ingested, {len(data['extract'])} texts extracted -> {args.out}")


if __name__ == "__main__":
    main()
