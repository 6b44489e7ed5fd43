"""Ingest speed: ms per development PDF (single-threaded, in-process), IngestPool throughput, peak RSS.

Run: .venv/bin/python benchmarks/ingest_speed.py [--repeat 5] [--workers 2] [--data ../shared/data/resumes]
Prints figures (wall ms and CPU ms: time.process_time, steadier on a shared machine); asserts nothing. Without the shared data folder it falls back to tests/fixtures/ingest.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screener.errors import DocumentError  # noqa: E402
from screener.ingest import IngestPool, ingest_bytes  # noqa: E402

DEV_FOLDERS = ("rendercv", "templates", "resume_matcher")


def _pdfs(data_dir: Path) -> list[Path]:
    found = [p for folder in DEV_FOLDERS for p in sorted((data_dir / folder).rglob("*.pdf"))]
    return found or sorted((ROOT / "tests" / "fixtures" / "ingest").rglob("*.pdf"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "resumes")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    files = _pdfs(args.data)
    blobs = [(p.name, p.read_bytes()) for p in files]
    ingest_bytes(blobs[0][1], blobs[0][0])  # warm-up: imports and PDFium initialisation are not per file

    print(f"{'file':40s} {'pages':>5s} {'chars':>6s} {'ms (median)':>12s} {'CPU ms':>7s} {'ms/page':>8s}")
    per_file: list[float] = []
    per_file_cpu: list[float] = []
    small: list[float] = []
    for name, data in blobs:
        times = []
        cpu_times = []
        doc = None
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                doc = ingest_bytes(data, name)
            except DocumentError as exc:
                print(f"{name:40s} error: {exc}")
                break
            times.append((time.perf_counter() - t0) * 1000)
            cpu_times.append((time.process_time() - c0) * 1000)
        if not times or doc is None:
            continue
        ms, cpu = statistics.median(times), statistics.median(cpu_times)
        pages = len(doc.pages)
        per_file.append(ms)
        per_file_cpu.append(cpu)
        if pages <= 2:
            small.append(ms)
        print(f"{name:40s} {pages:5d} {len(doc.text):6d} {ms:12.1f} {cpu:7.1f} {ms / max(pages, 1):8.1f}")
    if per_file:
        print(f"\nmedian over {len(per_file)} PDFs: {statistics.median(per_file):.1f} ms/PDF, "
              f"CPU {statistics.median(per_file_cpu):.1f} ms/PDF (mean {statistics.mean(per_file_cpu):.1f})")
    if small:
        print(f"1–2 page PDFs ({len(small)}): median {statistics.median(small):.1f} ms, max {max(small):.1f} ms")

    batch = blobs * max(1, 40 // len(blobs))
    for workers in sorted({1, args.workers}):
        t0 = time.perf_counter()
        with IngestPool(workers) as pool:
            errors = sum(isinstance(r, DocumentError) for _, r in pool.ingest_many(batch))
        elapsed = time.perf_counter() - t0
        print(
            f"IngestPool workers={workers}: {len(batch)} PDFs in {elapsed:.2f} s → {len(batch) / elapsed:.1f} files/s "
            f"(incl. pool start-up; {errors} errors)"
        )
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: parent {rss_self:.0f} MB, largest worker {rss_children:.0f} MB")


if __name__ == "__main__":
    main()
