"""Work history and education on synthetic real-world layouts, scored by the project's checker, per layout kind.

    .venv/bin/python benchmarks/roles_synth.py [--out /tmp/roles_synth] [--n 120] [--seed 15] [--kinds a,b] [-v]

Writes the résumés with ``benchmarks/make_roles_synth.py``'s generator when the folder does not hold this
generator's output for these settings, then runs ``../shared/tools/roles_real_check.py`` (every document through
``python -m screener parse FILE --json``) once per layout kind, and prints dated roles, exact roles and education
per kind and overall. ``-v`` also prints the checker's misses (its first 20 per kind), each naming the file under
``--out``. About 1 CPU second per résumé (the checker starts one ``python -m screener parse`` per file): ``--n 66``
(two per kind) is the quick look. Skips with a message when ../shared (the checker) is missing. Exits 0 (a
benchmark prints; it does not gate).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import resource
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synth_resumes import GOLD_NAME, KINDS, clear, generate  # noqa: E402

MANIFEST = "manifest.json"
FIGURES = re.compile(r"dates (\d+)/(\d+).*roles exact (\d+)/(\d+).*education (\d+)/(\d+)")


@dataclass(frozen=True)
class Score:
    kind: str
    docs: int
    counts: tuple[int, ...]  # dates hit, dates total, exact hit, exact total, education hit, education total
    misses: str


def generator_version() -> str:
    """A hash of the generator's sources, so a changed generator regenerates the folder."""
    sources = sorted((ROOT / "benchmarks" / "synth_resumes").glob("*.py"))
    return hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:16]


def ensure(out: Path, n: int, seed: int, kinds: list[str]) -> list[dict[str, object]]:
    wanted = {"n": n, "seed": seed, "kinds": kinds, "generator": generator_version()}
    manifest, gold = out / MANIFEST, out / GOLD_NAME
    if manifest.exists() and gold.exists() and json.loads(manifest.read_text()) == wanted:
        return [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    clear(out)
    print(f"generating {n} résumés into {out} ...", flush=True)
    rows = generate(out, n, seed, kinds)
    manifest.write_text(json.dumps(wanted))
    return rows


def score(checker: Path, out: Path, project: Path, kind: str, rows: list[dict[str, object]]) -> Score:
    gold = out / "by_kind" / f"{kind}.jsonl"
    gold.parent.mkdir(exist_ok=True)
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    done = subprocess.run([sys.executable, str(checker), sys.executable, str(gold), str(out)],
                          cwd=project, capture_output=True, text=True)
    found = FIGURES.search(done.stdout)
    if not found:
        raise SystemExit(f"the checker printed no figures for {kind}:\n{done.stdout}{done.stderr}")
    return Score(kind, len(rows), tuple(int(x) for x in found.groups()), done.stderr)


def invented_dates(out: Path, project: Path, rows: list[dict[str, object]]) -> tuple[int, int]:
    """Roles the parser found in the undated résumés, and how many of them it gave a date (the checker cannot see
    this: a gold role without dates accepts any)."""
    found = dated = 0
    for row in rows:
        done = subprocess.run([sys.executable, "-m", "screener", "parse", str(out / str(row["file"])), "--json"],
                              cwd=project, capture_output=True, text=True)
        roles = json.loads(done.stdout or "{}").get("roles", [])
        found += len(roles)
        dated += sum(1 for r in roles if r.get("start") or r.get("end"))
    return dated, found


def pct(hit: int, total: int) -> str:
    return f"{hit}/{total} ({100 * hit / total:.0f}%)" if total else "—"


def table(scores: list[Score]) -> list[str]:
    out = [f"{'kind':28} {'docs':>4}  {'dates right':>14}  {'roles exact':>14}  {'education':>14}"]
    for s in scores:
        c = s.counts
        out.append(f"{s.kind:28} {s.docs:>4}  {pct(c[0], c[1]):>14}  {pct(c[2], c[3]):>14}  {pct(c[4], c[5]):>14}")
    t = [sum(s.counts[i] for s in scores) for i in range(6)]
    out.append(f"{'all':28} {sum(s.docs for s in scores):>4}  {pct(t[0], t[1]):>14}  {pct(t[2], t[3]):>14}  "
               f"{pct(t[4], t[5]):>14}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/roles_synth"))
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--kinds", default="", help=f"comma-separated subset of: {', '.join(KINDS)}")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--project", type=Path, default=ROOT,
                    help="the checkout whose parser is scored (e.g. an exported earlier commit, to compare)")
    ap.add_argument("-v", "--verbose", action="store_true", help="also print the checker's misses")
    args = ap.parse_args()
    checker = args.shared / "tools" / "roles_real_check.py"
    if not checker.exists():
        print(f"skipped: {checker} not found (the shared checker is not part of a clone)")
        return 0
    kinds = [k for k in args.kinds.split(",") if k] or list(KINDS)
    rows = ensure(args.out, args.n, args.seed, kinds)
    groups = {k: [r for r in rows if r["kind"] == k] for k in kinds}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with ThreadPoolExecutor(max_workers=2) as pool:
        scores = list(pool.map(lambda k: score(checker, args.out, args.project, k, groups[k]), [k for k in kinds if groups[k]]))
    undated = invented_dates(args.out, args.project, groups.get("undated_roles", []))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if args.verbose:
        for s in scores:
            print(s.misses, end="")
    print("\n".join(table(scores)))
    if undated[1]:
        print(f"undated_roles: the parser dated {undated[0]} of the {undated[1]} roles it found (gold has no dates)")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"CPU seconds of the parses (children): {cpu:.1f}; targets as for the real layouts: dates >= 95%, "
          "roles exact >= 90%, education >= 90%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
