"""End-to-end throughput, its pypdfium2 floor, cold start and peak memory. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/throughput.py [--copies 27] [--workers 2] [--repeat 3] [--pdfs DIR]

- résumés per CPU-second end to end (ingest + parse + extract + badges + score, in the sandboxed workers, plus the
  parent's share), on the development text PDFs of ../shared/data/resumes (the résumé PDFs, each repeated under
  new names: 8 × 27 = 216 files); per CPU-second is the per-core figure and holds on a busy shared machine, where
  wall time does not;
- the floor: a bare pypdfium2 text extraction of the same PDFs in this process, and the ratio end-to-end / floor;
- ``--pdfs DIR``: every PDF under DIR once instead (distinct documents, e.g. the synthetic résumés written by
  ``benchmarks/make_roles_synth.py``: each has a name and text of its own, so nothing is served from a cache that
  repeated copies would fill);
- cold start: wall seconds of ``python -m screener screen --rubric R ONE.pdf`` in a fresh process (best of 3);
- peak memory of the whole process tree during the batch: the sum of PSS (shared pages split between the
  processes that share them) and the sum of RSS (shared pages counted in every process: an upper bound).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("SCREENER_SHARED", ROOT.parent / "shared")) / "data" / "resumes"
RUBRIC = ROOT / "rubrics" / "software-engineer.yaml"


def resume_pdfs() -> list[Path]:
    pdfs = sorted(SHARED.rglob("*.pdf"))
    return [p for p in pdfs if "job_descriptions" not in str(p) and "green2022" not in str(p)]


def cpu_seconds() -> float:
    """CPU time of this process and of every child it has reaped (the sandbox workers, once closed)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _tree(pid: int) -> list[int]:
    out = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids = (task / "children").read_text().split()
        except OSError:
            continue
        for k in kids:
            out.extend(_tree(int(k)))
    return out


def _mem_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in kB (0, 0 when it is gone)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    vals = {line.split(":")[0]: int(line.split()[1]) for line in text.splitlines()[1:] if line.split()[1].isdigit()}
    return vals.get("Pss", 0), vals.get("Rss", 0)


class TreeMemory:
    """Samples the whole process tree's memory every 20 ms while it runs. Reading ``smaps_rollup`` makes the kernel
    walk each process's pages: ``cpu`` is the CPU time this sampling thread spent, which is the measurement's, not
    the screener's (it grows with wall time, so on a busy machine it was several ms per résumé)."""

    def __init__(self) -> None:
        self.peak_pss = self.peak_rss = 0
        self.peak_worker_rss = 0
        self.cpu = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            pids = _tree(me)
            mems = [_mem_kb(p) for p in pids]
            self.peak_pss = max(self.peak_pss, sum(m[0] for m in mems))
            self.peak_rss = max(self.peak_rss, sum(m[1] for m in mems))
            for p, m in zip(pids, mems, strict=True):
                if p != me:
                    self.peak_worker_rss = max(self.peak_worker_rss, m[1])
            self.cpu = time.thread_time()
            self._stop.wait(0.02)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def floor(pdfs: list[tuple[str, bytes]]) -> float:
    """CPU seconds per PDF of a bare pypdfium2 text extraction (every page's text)."""
    import pypdfium2 as pdfium

    def once() -> float:
        c = time.process_time()
        for _, data in pdfs:
            doc = pdfium.PdfDocument(data)
            for page in doc:
                tp = page.get_textpage()
                tp.get_text_range()
                tp.close()
                page.close()
            doc.close()
        return (time.process_time() - c) / len(pdfs)

    once()
    return min(once() for _ in range(3))


def end_to_end(batch: list[tuple[str, bytes]], workers: int, repeat: int) -> tuple[float, float, int, TreeMemory]:
    """(CPU seconds per résumé, wall seconds per résumé, errors, memory): the best of ``repeat`` timed runs, then one
    more run for the memory figures alone (the sampler reads every process's page map: on 2 cores its CPU would be
    taken from the workers and lower the wall figure)."""
    from screener.pipeline import ScreenOptions, screen
    from screener.rubric import load_rubric

    rubric = load_rubric(RUBRIC)
    opts = ScreenOptions(as_of=date(2026, 12, 1), workers=workers)
    screen(rubric, batch[:workers * 2], options=opts)  # warm-up: imports, lexicon
    best_cpu = best_wall = float("inf")
    errors = 0
    for _ in range(repeat):
        c, t = cpu_seconds(), time.perf_counter()
        run = screen(rubric, batch, options=opts)
        best_cpu = min(best_cpu, (cpu_seconds() - c) / len(batch))
        best_wall = min(best_wall, (time.perf_counter() - t) / len(batch))
        errors = max(errors, sum(1 for r in run.results if r.error))
    mem = TreeMemory()
    with mem:
        screen(rubric, batch, options=opts)
    return best_cpu, best_wall, errors, mem


def cold_start(pdf: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the whole process tree) of one CLI screening of one PDF, best of 3."""
    best = best_cpu = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SCREENER_DB": str(Path(tmp) / "cold.db"), "PYTHONPATH": str(ROOT)}
        for _ in range(3):
            t = time.perf_counter()
            k = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([sys.executable, "-m", "screener", "screen", "--rubric", str(RUBRIC), str(pdf),
                            "--as-of", "2026-12-01"], check=True, capture_output=True, env=env, cwd=ROOT)
            best = min(best, time.perf_counter() - t)
            k2 = resource.getrusage(resource.RUSAGE_CHILDREN)
            best_cpu = min(best_cpu, k2.ru_utime + k2.ru_stime - k.ru_utime - k.ru_stime)
    return best, best_cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=27)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pdfs", type=Path, default=None, help="every PDF under this folder once (distinct documents)")
    args = ap.parse_args()
    pdfs = sorted(args.pdfs.rglob("*.pdf")) if args.pdfs else resume_pdfs()
    if not pdfs:
        sys.exit(f"no PDFs under {args.pdfs or SHARED}")
    originals = [(p.name, p.read_bytes()) for p in pdfs]
    if args.pdfs:
        batch = [(f"{i:04d}_{name}", data) for i, (name, data) in enumerate(originals)]
        what = f"{len(batch)} distinct PDFs from {args.pdfs}"
    else:
        batch = [(f"{i:03d}_{name}", data) for i in range(args.copies) for name, data in originals]
        what = f"{len(batch)} text PDFs ({len(pdfs)} development résumé PDFs × {args.copies})"
    print(f"{what}, {args.workers} sandboxed workers, {os.cpu_count()} cores on this machine")
    f = floor(originals)
    print(f"floor, bare pypdfium2 text:      {f * 1000:7.2f} ms CPU per PDF  ({1 / f:7.1f} PDFs per CPU-second)")
    cpu, wall, errors, mem = end_to_end(batch, args.workers, args.repeat)
    print(f"end to end (whole process tree): {cpu * 1000:7.2f} ms CPU per résumé ({1 / cpu:7.1f} résumés per "
          f"CPU-second = per core); wall {1 / wall:.1f} résumés/s with {args.workers} workers "
          f"({1 / wall / min(args.workers, os.cpu_count() or 1):.1f} per core); {errors} errors; "
          f"load average {os.getloadavg()[0]:.1f} (CPU per résumé grows on a busy machine: compare runs made "
          "side by side)")
    print(f"ratio end to end / floor:        {cpu / f:7.1f}×")
    print(f"peak memory, whole tree:         {mem.peak_pss / 1024:7.0f} MB PSS ({mem.peak_rss / 1024:.0f} MB RSS "
          f"summed, shared pages counted per process); largest worker {mem.peak_worker_rss / 1024:.0f} MB RSS; "
          f"measured in a run of its own (the sampler's CPU, {mem.cpu * 1000 / len(batch):.1f} ms per résumé, is not in "
          "the figures above)")
    wall_s, cpu_s = cold_start(pdfs[0])
    print(f"cold start, one PDF (CLI):       {cpu_s:7.2f} s CPU (whole tree), {wall_s:.2f} s wall; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall ≈ CPU on an idle machine)")


if __name__ == "__main__":
    main()
