"""Write the synthetic real-layout résumés and their gold (deterministic for a seed).

    .venv/bin/python benchmarks/make_roles_synth.py [--out /tmp/roles_synth] [--n 120] [--seed 15] [--kinds a,b]

The folder gets one sub-folder per layout kind and ``gold_roles_synth.jsonl`` in the format
``../shared/tools/roles_real_check.py`` reads (plus a ``kind`` key). Never write it into ../shared.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synth_resumes import GOLD_NAME, KINDS, clear, generate  # noqa: E402

DEFAULT_OUT = Path("/tmp/roles_synth")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--kinds", default="", help=f"comma-separated subset of: {', '.join(KINDS)}")
    args = ap.parse_args(argv)
    clear(args.out)
    rows = generate(args.out, args.n, args.seed, [k for k in args.kinds.split(",") if k] or None)
    per_kind = Counter(str(r["kind"]) for r in rows)
    roles = sum(len(r["roles"]) for r in rows if isinstance(r["roles"], list))
    print(f"{len(rows)} résumés, {roles} roles, {len(per_kind)} kinds -> {args.out / GOLD_NAME}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
