"""Skill-extraction speed: lexicon load time, ms per résumé, résumés per second, peak RSS.

usage: python benchmarks/extract_speed.py [--data ../shared/data/resumes] [--repeat 3]
Prints wall-clock and per-CPU-second figures (time.process_time; steadier on a shared host).
Targets (architecture.md): load < 1 s, >= 40 résumés/s for extract alone, RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "resumes")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((args.data / "dotin" / "text").glob("*.txt"))]
    if not texts:
        sys.exit(f"no dotin texts under {args.data}")
    t0 = time.perf_counter()
    from screener.extract import get_extractor

    ex = get_extractor()
    load = time.perf_counter() - t0
    ex.extract(texts[0])  # first call warms caches
    t1 = time.perf_counter()
    c1 = time.process_time()
    n = 0
    for _ in range(args.repeat):
        for t in texts:
            ex.extract(t)
            n += 1
    dt = time.perf_counter() - t1
    cpu = time.process_time() - c1
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"lexicon: {len(ex.lexicon.concepts):,} concepts, {len(ex.lexicon.forms):,} forms")
    print(f"load (import + lexicon): {load * 1000:.0f} ms")
    print(f"extract: {dt / n * 1000:.2f} ms per résumé (mean {chars:,.0f} chars), {n / dt:.0f} résumés/s over {n} runs (wall)")
    # the host is shared: CPU time of this process is the steadier figure
    print(f"extract per CPU-second: {cpu / n * 1000:.2f} ms per résumé, {n / cpu:.0f} résumés per CPU-second")
    print(f"peak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
