"""Throughput and memory of the whole pipeline, and the app's cold start. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/throughput.py [--repeat 5] [--no-app]

- résumés per second end to end (ingest + parse + extract + score) on sample_data/ and, when ../shared/data is
  beside the checkout, on its text PDFs; one worker process (per core) and in-process;
- peak RSS of the parent process and of one worker;
- app cold start: seconds from `streamlit run` to a healthy server, and the first full script run (AppTest),
  which screens the sample set.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screener.pipeline import ScreenOptions, screen  # noqa: E402
from screener.rubric import load_rubric  # noqa: E402

SHARED = Path(os.environ.get("SCREENER_SHARED", ROOT.parent / "shared")) / "data" / "resumes"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def bench(label: str, inputs: list, rubric, *, repeat: int, sandbox: bool, workers: int | None,
          offline_map: Path | None) -> None:
    opts = ScreenOptions(as_of=date(2026, 12, 1), sandbox=sandbox, workers=workers, offline_map=offline_map)
    screen(rubric, inputs, options=opts)  # warm-up: lexicon loaded, pool code imported
    best = float("inf")
    best_cpu = float("inf")
    n = 0
    for _ in range(repeat):
        t = time.perf_counter()
        c = time.process_time()
        run = screen(rubric, inputs, options=opts)
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
        n = len(run.results)
    errors = sum(1 for r in run.results if r.error)
    mode = f"sandbox, {workers} worker(s)" if sandbox else "in-process"
    # in-process, the CPU time of this process is the per-core figure, unaffected by a busy host (wall time on a
    # shared VM varies by ±20 % from run to run); with the sandbox the work is in the worker, so wall time only
    cpu = "" if sandbox else f"  ({n / best_cpu:5.1f} per CPU-second)"
    print(f"{label:<38} {mode:<22} {n:>3} files ({errors} errors)  {best:6.3f} s  {n / best:7.1f} résumés/s{cpu}")


def app_cold_start() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port",
                             str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        healthy = None
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        healthy = time.perf_counter() - t
                        break
            except OSError:
                time.sleep(0.05)
        print(f"app cold start: server healthy after {healthy:.2f} s" if healthy else "app did not start in 30 s")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    # First page in a fresh interpreter: imports, lexicon load and screening the sample set, as a user waits.
    code = ("import time; t=time.perf_counter(); from streamlit.testing.v1 import AppTest; "
            f"at=AppTest.from_file({str(ROOT / 'app.py')!r}, default_timeout=120); at.run(); "
            "print(f'{time.perf_counter()-t:.2f} {len(at.exception)} {len(at.dataframe)}')")
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    total = time.perf_counter() - t
    secs, exc, tables = (out.stdout.split() + ["?", "?", "?"])[:3]
    print(f"app first page, fresh process (AppTest; screens sample_data/): {secs} s in-script, {total:.2f} s with "
          f"interpreter start; exceptions: {exc}; tables shown: {tables}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-app", action="store_true")
    args = ap.parse_args()
    rubric = load_rubric(ROOT / "rubrics" / "software-engineer.yaml")
    t = time.perf_counter()
    from screener.extract import get_extractor

    get_extractor()
    print(f"lexicon load: {time.perf_counter() - t:.2f} s; RSS after load {rss_mb():.0f} MB")
    samples = [ROOT / "sample_data"]
    smap = ROOT / "sample_data" / "offline-map.json"
    bench("sample_data/", samples, rubric, repeat=args.repeat, sandbox=False, workers=None,
          offline_map=smap if smap.exists() else None)
    bench("sample_data/", samples, rubric, repeat=args.repeat, sandbox=True, workers=1,
          offline_map=smap if smap.exists() else None)
    if SHARED.is_dir():
        pdfs = sorted(SHARED.rglob("*.pdf"))
        pdfs = [p for p in pdfs if "job_descriptions" not in str(p) and "green2022" not in str(p)]
        # 20 copies of the text PDFs make a batch big enough to time
        batch = [(f"{i:02d}_{p.name}", p.read_bytes()) for i in range(4) for p in pdfs]
        bench(f"../shared text PDFs ×4 ({len(pdfs)})", batch, rubric, repeat=args.repeat, sandbox=False,
              workers=None, offline_map=None)
        bench(f"../shared text PDFs ×4 ({len(pdfs)})", batch, rubric, repeat=args.repeat, sandbox=True, workers=1,
              offline_map=None)
        texts = sorted((SHARED / "dotin" / "text").glob("*.txt"))
        tb = [(p.name, p.read_bytes()) for p in texts]
        bench(f"dotin texts ({len(tb)})", tb, rubric, repeat=1, sandbox=False, workers=None, offline_map=None)
    print(f"peak RSS: parent {rss_mb():.0f} MB, largest worker {children_rss_mb():.0f} MB")
    if not args.no_app and shutil.which(sys.executable):
        app_cold_start()


if __name__ == "__main__":
    main()
