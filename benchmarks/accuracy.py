"""Skill-extraction accuracy on the annotated development data, scored with ../shared/tools/skill_eval.py.

usage: python benchmarks/accuracy.py [--data ../shared/data/resumes] [--top 25] [--source dotin]

Runs the extractor over each source's texts (dotin résumés with ``extract``; SkillSpan and Green job-posting text
with ``extract_posting_skills``; per split and kind: benchmarks/posting_skills.py), writes the
predicted phrases as PRED jsonl to a temporary folder, calls skill_eval.py in a subprocess and prints strict and
loose precision / recall / F1 per source, for dotin also per upstream split (train-* / test-*).

The learned filter and the annotation priors are trained on all dotin résumés here, so the dotin figures printed
after the first lines are in-sample. The honest figures are the k-fold cross-validated ones (grouped by document,
priors of each fold from its fitting documents only) recorded in screener/extract/data/skill_filter.json by
scripts/train_skill_filter.py; they are printed first. (`scripts/train_skill_filter.py --hold-out-test --dry-run`
reports test-* held out instead.)

dotin annotators often stopped part-way through a long résumé: skills named after their last annotation are not
in the gold set, so they count as false positives. A second dotin line scores only what was found up to 200
characters after the last annotation, to show how much of the precision gap is that; the product itself reports
every skill wherever it is.
Then lists the most frequent false positives and negatives for diagnosis.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screener.extract import extract_posting_skills, get_extractor  # noqa: E402

SHARED = ROOT.parent / "shared"


def _norm(s: str) -> str:
    sys.path.insert(0, str(SHARED / "tools"))
    from skill_eval import norm  # type: ignore[import-not-found]

    return str(norm(s))


def run(gold_rows: list[dict], data: Path, out: Path,
        annotated_out: Path | None = None) -> dict[str, list[str]]:
    ex = get_extractor()
    preds: dict[str, list[str]] = {}
    with out.open("w", encoding="utf-8") as fh:
        for row in gold_rows:
            text = (data / row["file"]).read_text(encoding="utf-8")
            # job-posting text goes through the posting mode, as rubric drafting uses it
            found = extract_posting_skills(text) if row.get("doc_type") != "resume" else ex.extract(text)
            phrases = list(dict.fromkeys(m.text for m in found))
            preds[row["file"]] = phrases
            fh.write(json.dumps({"file": row["file"], "skills": phrases}) + "\n")
            if annotated_out is not None:
                last = max((m["end"] for m in row.get("mentions", [])), default=-1)
                part = list(dict.fromkeys(m.text for m in found if m.start <= last + 200))
                with annotated_out.open("a", encoding="utf-8") as fa:
                    fa.write(json.dumps({"file": row["file"], "skills": part}) + "\n")
    return preds


def evaluate(gold_path: Path, pred_path: Path) -> str:
    res = subprocess.run([sys.executable, str(SHARED / "tools" / "skill_eval.py"), str(gold_path), str(pred_path)],
                         capture_output=True, text=True, check=True)
    return res.stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "resumes")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--source", default=None, help="only this source (dotin, skillspan, green2022)")
    args = ap.parse_args()
    rows = [json.loads(line) for line in (args.data / "gold_skills.jsonl").open(encoding="utf-8") if line.strip()]
    groups: dict[str, list[dict]] = collections.defaultdict(list)
    for r in rows:
        if args.source and r["source"] != args.source:
            continue
        groups[r["source"]].append(r)
        if r["source"] == "dotin":
            split = "train" if Path(r["file"]).name.startswith("train-") else "test"
            groups[f"dotin-{split}"].append(r)
    meta = get_extractor().model.meta
    if meta.get("cv"):
        cv = meta["cv"]
        print(f"== filter: {meta.get('model')}; trained on {meta.get('trained_on')}")
        print(f"   {meta.get('cv_folds')}-fold CV (the honest figure): strict P={cv['strict_p']:.3f} R={cv['strict_r']:.3f} "
              f"F1={cv['strict_f1']:.3f} | loose P={cv['loose_p']:.3f} R={cv['loose_r']:.3f} F1={cv['loose_f1']:.3f}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, grp in groups.items():
            gold_path = Path(tmp) / f"gold-{name}.jsonl"
            gold_path.write_text("".join(json.dumps(r) + "\n" for r in grp), encoding="utf-8")
            pred_path = Path(tmp) / f"pred-{name}.jsonl"
            part_path = Path(tmp) / f"part-{name}.jsonl" if name == "dotin" else None
            preds = run(grp, args.data, pred_path, part_path)
            print(f"== {name} ({len(grp)} docs)" + (" — in-sample" if name.startswith("dotin") else ""))
            print(evaluate(gold_path, pred_path))
            if part_path is not None:
                print(f"== {name}, annotated part only (to 200 chars after the last annotation) — in-sample")
                print(evaluate(gold_path, part_path))
            if name in ("dotin", "skillspan", "green2022") and args.top:
                fp: collections.Counter[str] = collections.Counter()
                fn: collections.Counter[str] = collections.Counter()
                for r in grp:
                    g = {_norm(s) for s in r["skills"]}
                    p = {_norm(s) for s in preds[r["file"]]}
                    fp.update(p - g)
                    fn.update(g - p)
                print("  top false positives (strict):", ", ".join(f"{k}×{v}" for k, v in fp.most_common(args.top)))
                print("  top false negatives (strict):", ", ".join(f"{k}×{v}" for k, v in fn.most_common(args.top)))


if __name__ == "__main__":
    main()
