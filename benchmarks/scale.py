"""Scale: the same batch screened by the local engine and by Dask (a LocalCluster started here), recorded in a
store. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/scale.py [--n 10000] [--workers 2] [--engines local,dask]

The batch is made by repeating the development résumés of ../shared/data/resumes (the text PDFs and the dotin
texts) under new names in a temporary folder. For each engine: wall time and résumés per second, CPU seconds of
the whole process tree per résumé (per core: holds on a busy machine), the largest worker's peak RSS and the
tree's peak PSS, and the store's size per résumé.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import SHARED, TreeMemory, _tree, resume_pdfs  # noqa: E402

RUBRIC = ROOT / "rubrics" / "software-engineer.yaml"


def make_batch(folder: Path, n: int) -> dict[str, int]:
    sources = [*resume_pdfs(), *sorted((SHARED / "dotin" / "text").glob("*.txt"))]
    if not sources:
        sys.exit(f"no résumés under {SHARED}")
    blobs = [(p.suffix, p.read_bytes()) for p in sources]
    kinds: dict[str, int] = {}
    for i in range(n):
        suffix, data = blobs[i % len(blobs)]
        sub = folder / f"batch{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"applicant_{i:06d}{suffix}").write_bytes(data)
        kinds[suffix] = kinds.get(suffix, 0) + 1
    return kinds


def tree_cpu() -> float:
    """CPU seconds of every live process in this tree (from /proc), plus this process's own."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    me = os.getpid()
    for pid in _tree(me):
        if pid == me:
            continue
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            continue
    t = os.times()
    return total + t.user + t.system + t.children_user + t.children_system


def run_engine(engine: str, folder: Path, n: int, workers: int, db: Path) -> None:
    from screener.pipeline import ScreenOptions, screen
    from screener.rubric import load_rubric
    from screener.store import open_store

    rubric = load_rubric(RUBRIC)
    opts = ScreenOptions(as_of=date(2026, 12, 1), workers=workers)
    cluster = None
    scheduler = None
    if engine == "dask":
        from distributed import LocalCluster

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=40)
        scheduler = cluster.scheduler_address
    try:
        with open_store(db) as store, TreeMemory() as mem:
            c0, t0 = tree_cpu(), time.perf_counter()
            run = screen(rubric, [folder], options=opts, store=store, engine=engine, scheduler=scheduler,
                         rubric_yaml=RUBRIC.read_text(encoding="utf-8"))
            wall = time.perf_counter() - t0
            cpu = tree_cpu() - c0
        errors = sum(1 for r in run.results if r.error)
        size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
        print(f"{engine:>5}: {len(run.results)} résumés in {wall:7.1f} s wall = {len(run.results) / wall:6.1f}/s with "
              f"{workers} workers; {cpu / len(run.results) * 1000:6.1f} ms CPU per résumé (whole tree, "
              f"{len(run.results) / cpu:5.1f} per CPU-second); {errors} errors")
        print(f"       peak RSS of the largest worker {mem.peak_worker_rss / 1024:5.0f} MB; whole tree peak "
              f"{mem.peak_pss / 1024:5.0f} MB PSS ({mem.peak_rss / 1024:.0f} MB RSS summed); store "
              f"{size / len(run.results) / 1024:5.1f} KB per résumé ({size / 1048576:.0f} MB)")
    finally:
        if cluster is not None:
            cluster.close()


def store_writes(tmp: Path, n: int = 2000) -> None:
    """Commits per second of one result row each (the size of a real result), as ``screen`` writes them."""
    from screener.pipeline import ScreenOptions, screen
    from screener.rubric import load_rubric
    from screener.store import open_store

    rubric = load_rubric(RUBRIC)
    [r] = screen(rubric, [resume_pdfs()[0]], options=ScreenOptions(as_of=date(2026, 12, 1), sandbox=False)).results
    data = r.to_json()
    with open_store(tmp / "writes.db") as store:
        rid = store.create_run(rubric_name="R", rubric_yaml="r", inputs=[], as_of=date(2026, 12, 1), options={},
                               files=[(f"f{i}", None) for i in range(n)])
        t = time.perf_counter()
        for i in range(n):
            store.add_result(rid, f"f{i}", data, document_sha256=f"{i:064x}", document_kind="pdf",
                             document_text="x" * 4000)
        dt = time.perf_counter() - t
    print(f"store: {n / dt:.0f} result commits per second (one transaction each, WAL, synchronous=NORMAL; "
          f"{len(str(data)) / 1024:.1f} KB of result JSON + 4 KB of text per row)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--engines", default="local,dask")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="screener-scale-") as tmp:
        store_writes(Path(tmp))
        folder = Path(tmp) / "inbox"
        folder.mkdir()
        kinds = make_batch(folder, args.n)
        print(f"{args.n} résumés ({', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))}) from the development "
              f"set under new names; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        for engine in args.engines.split(","):
            run_engine(engine.strip(), folder, args.n, args.workers, Path(tmp) / f"{engine}.db")


if __name__ == "__main__":
    main()
