"""Skill accuracy through the `parse` CLI contract, exactly as an outside checker sees it. Prints figures.

    .venv/bin/python benchmarks/accuracy_cli.py [--source dotin] [--limit N]

For every gold text in ../shared/data/resumes (or $SCREENER_SHARED/data/resumes) it builds what
`python -m screener parse FILE --json` prints (in-process, same function), takes `skills[].text`, and scores them
with ../shared/tools/skill_eval.py. benchmarks/accuracy.py measures the extractor alone; the two should agree.
The filter learned from these documents, so these figures are in-sample; the cross-validated figure recorded with
the filter is printed first and is the one to quote.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screener.cli import profile_json  # noqa: E402

SHARED = Path(os.environ.get("SCREENER_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data" / "resumes"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", default="dotin")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    gold_path = DATA / "gold_skills.jsonl"
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["source"] == args.source]
    if args.limit:
        rows = rows[: args.limit]
    from screener.extract import get_extractor

    meta = get_extractor().model.meta
    if meta.get("cv"):
        cv = meta["cv"]
        print(f"== {meta.get('cv_folds')}-fold CV recorded with the filter ({meta.get('trained_on')}):")
        print(f"strict: P={cv['strict_p']:.3f} R={cv['strict_r']:.3f} F1={cv['strict_f1']:.3f}")
        print(f"loose: P={cv['loose_p']:.3f} R={cv['loose_r']:.3f} F1={cv['loose_f1']:.3f}")
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        gold = Path(tmp) / "gold.jsonl"
        with pred.open("w", encoding="utf-8") as out:
            for r in rows:
                data = profile_json(DATA / r["file"], as_of=date(2026, 12, 1))
                out.write(json.dumps({"file": r["file"], "skills": [s["text"] for s in data["skills"]]}) + "\n")
        gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        took = time.perf_counter() - t
        for split in ("all", "train", "test"):
            sub = [r for r in rows if split == "all" or Path(r["file"]).name.startswith(f"{split}-")]
            if not sub:
                continue
            g = Path(tmp) / f"gold-{split}.jsonl"
            g.write_text("".join(json.dumps(r) + "\n" for r in sub), encoding="utf-8")
            res = subprocess.run([sys.executable, str(SHARED / "tools" / "skill_eval.py"), str(g), str(pred)],
                                 capture_output=True, text=True, check=False)
            print(f"== {args.source} {split} ({len(sub)} docs, via the parse CLI, in-sample)")
            print(res.stdout.strip() or res.stderr.strip())
    print(f"{len(rows)} files in {took:.1f} s ({len(rows) / took:.1f} files/s including a sandbox per file)")


if __name__ == "__main__":
    main()
