"""Per-badge offline verification time over the development fixtures (median and p95, after warm-up).

Run: ``.venv/bin/python benchmarks/badges.py [--rounds N]``. Each fixture is verified against its simulated
world (fetched/worlds.json); the fetcher is rebuilt per fixture, so fetch caching does not flatter the figure.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screener.badges import verify_badge  # noqa: E402
from screener.badges.fetch import OfflineMapFetcher  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "badges"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    worlds = json.loads((FIXTURES / "fetched" / "worlds.json").read_text(encoding="utf-8"))["worlds"]
    with (FIXTURES / "expected.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["format"] not in ("recipient-vector", "hostile-url-list")]
    inputs = [(r["path"], (FIXTURES / r["path"]).read_bytes(), {**worlds["default"], **worlds.get(r["path"], {})})
              for r in rows]

    def once(path: str, data: bytes, mapping: dict[str, Any]) -> float:
        fetcher = OfflineMapFetcher(mapping, FIXTURES)
        start = time.perf_counter()
        verify_badge(data, fetcher=fetcher, source=path)
        return (time.perf_counter() - start) * 1000

    cold = [once(*item) for item in inputs]  # first pass loads contexts, builds caches
    per_badge: dict[str, list[float]] = {path: [] for path, _, _ in inputs}
    for _ in range(args.rounds):
        for item in inputs:
            per_badge[item[0]].append(once(*item))
    medians = sorted((statistics.median(v), p) for p, v in per_badge.items())
    all_times = sorted(t for v in per_badge.values() for t in v)
    p95 = all_times[int(0.95 * (len(all_times) - 1))]
    print(f"{len(inputs)} fixtures x {args.rounds} rounds (after one warm-up pass; cold pass total "
          f"{sum(cold):.0f} ms)")
    print(f"per badge: median {statistics.median(all_times):.2f} ms, p95 {p95:.2f} ms, max {all_times[-1]:.2f} ms")
    print("slowest fixtures (median ms):")
    for ms, path in medians[-5:][::-1]:
        print(f"  {ms:7.2f}  {path}")


if __name__ == "__main__":
    main()
