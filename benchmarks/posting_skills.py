"""Skill extraction on job postings: strict / loose P, R, F1 with the project's scorer (../shared/tools/skill_eval.py).

usage: python benchmarks/posting_skills.py [--data ../shared/data/resumes] [--split train,dev] [--kind tech]
                                           [--mode posting|resume] [--source skillspan] [--top 0]

Scores ``extract_posting_skills`` (``--mode posting``, the default) or the résumé extractor (``--mode resume``)
on the SkillSpan job postings (gold: Skill + Knowledge spans), by upstream split (train / dev / test) and kind
(tech = StackOverflow, house = STAR), or on the Green et al. sentences (``--source green2022``). The matching is
skill_eval.py's own (imported, not copied): a maximum one-to-one matching per document, strict = normalised text
equal, loose = one phrase's words a subset of the other's.

The posting mode was developed on the train and dev postings only; the test postings are for reporting
(``--split test``), never for choosing rules or thresholds.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screener.extract import extract_posting_skills, get_extractor  # noqa: E402

SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))
import skill_eval  # type: ignore[import-not-found]  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "resumes")
    ap.add_argument("--source", default="skillspan", help="skillspan or green2022")
    ap.add_argument("--split", default="train,dev", help="comma-separated upstream splits (train, dev, test)")
    ap.add_argument("--kind", default="tech", help="tech, house or all (SkillSpan only)")
    ap.add_argument("--mode", default="posting", choices=("posting", "resume"))
    ap.add_argument("--top", type=int, default=0, help="list the most frequent misses and false hits")
    args = ap.parse_args()
    splits = set(args.split.split(","))
    rows = []
    for line in (args.data / "gold_skills.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["source"] != args.source:
            continue
        if args.source == "skillspan" and (r.get("original_split") not in splits
                                           or args.kind not in ("all", r.get("original_source"))):
            continue
        rows.append(r)
    if not rows:
        sys.exit("no gold documents match those options")
    ex = get_extractor()
    gold: dict[str, set[str]] = {}
    pred: dict[str, set[str]] = {}
    for r in rows:
        text = (args.data / r["file"]).read_text(encoding="utf-8")
        found = extract_posting_skills(text) if args.mode == "posting" else ex.extract(text)
        gold[r["file"]] = {skill_eval.norm(s) for s in r["skills"] if skill_eval.norm(s)}
        pred[r["file"]] = {skill_eval.norm(m.text) for m in found if skill_eval.norm(m.text)}
    n_gold = sum(len(g) for g in gold.values()) / len(gold)
    n_pred = sum(len(p) for p in pred.values()) / len(pred)
    print(f"{args.source} {args.kind} {args.split} ({len(rows)} docs), mode {args.mode}: "
          f"{n_pred:.1f} skills found per document, {n_gold:.1f} annotated")
    for name, loose in (("strict", False), ("loose", True)):
        p, r, f = skill_eval.score(gold, pred, loose)
        print(f"{name}: P={p:.3f} R={r:.3f} F1={f:.3f}")
    if args.top:
        fp: collections.Counter[str] = collections.Counter()
        fn: collections.Counter[str] = collections.Counter()
        for k, g in gold.items():
            fp.update(pred[k] - g)
            fn.update(g - pred[k])
        print("top false positives (strict):", ", ".join(f"{k}×{v}" for k, v in fp.most_common(args.top)))
        print("top false negatives (strict):", ", ".join(f"{k}×{v}" for k, v in fn.most_common(args.top)))


if __name__ == "__main__":
    main()
