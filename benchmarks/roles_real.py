"""Work history and education on real-world layouts: runs the shared checker when ../shared exists.

    .venv/bin/python benchmarks/roles_real.py [--shared ../shared]

Prints the three figures of ``../shared/tools/roles_real_check.py`` (dated roles, exact roles, education) on the
hand-annotated Vanetik DOCX, Resume-Matcher and template PDFs, plus the CPU seconds the checker's parses took.
The checker calls ``python -m screener parse FILE --json`` for every document, as the project is checked.
Targets: dates ≥ 95%, exact roles ≥ 90%, education ≥ 90%. Exits 0 (a benchmark prints; it does not gate).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("-v", "--verbose", action="store_true", help="also print the checker's misses")
    args = ap.parse_args()
    checker = args.shared / "tools" / "roles_real_check.py"
    gold = args.shared / "data" / "resumes" / "gold_roles_real.jsonl"
    if not checker.exists() or not gold.exists():
        print(f"skipped: {checker} or {gold} not found (the shared data is not part of a clone)")
        return 0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, str(checker), sys.executable, str(gold), str(gold.parent)],
                          cwd=ROOT, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if args.verbose:
        print(done.stderr, end="")
    print(done.stdout.strip())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"CPU seconds of the parses (children): {cpu:.1f}")
    print("targets: dates >= 95%, roles exact >= 90%, education >= 90% "
          f"({'met' if done.returncode == 0 else 'not met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
