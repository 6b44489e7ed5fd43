"""Train the skill filter (gradient-boosted trees over generic candidate features) → screener/extract/data/skill_filter.json.

usage: python scripts/train_skill_filter.py [--data ../shared/data/resumes] [--folds 5] [--dry-run] [--errors N]

Learns from all dotin résumés of the development set (``--hold-out-test``: from train-* only, test-* held out and
reported). A candidate span is a positive example when its
text, normalised as the project's scorer normalises, is one of the document's gold skill phrases. Each example is
weighted 1 / (occurrences of its phrase among the document's candidates), because the score counts a phrase once per
document. Reports k-fold cross-validated strict/loose P/R/F1 over the training documents (grouped by document; each fold's
annotation priors from its fitting documents only), picks the decision threshold on those out-of-fold predictions
and fits the final model on all training documents; with ``--hold-out-test`` it also reports the test-* documents,
which then play no part in training or in choosing the threshold.
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screener.extract.candidates import SpanCandidate, default_sections  # noqa: E402
from screener.extract.filter import FILTER_FILE, SkillFilter, select  # noqa: E402
from screener.extract.lexicon import tokenize  # noqa: E402
from screener.extract.priors import PRIORS_FILE, AnnotationPriors, PriorCounts  # noqa: E402
from screener.extract.skills import SkillExtractor, _mask  # noqa: E402

SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))
from skill_eval import matched, norm  # type: ignore[import-not-found]  # noqa: E402

Doc = dict[str, Any]


def label(key: str, gold: set[str], loose_credit: float) -> float:
    """1 for a gold phrase; ``loose_credit`` for a phrase the loose score would pair with a gold phrase (its words
    a subset of the gold's or the other way round: "Oracle" for "Oracle 10g"); else 0."""
    if key in gold:
        return 1.0
    if loose_credit and key:
        words = set(key.split())
        if any(words <= set(g.split()) or set(g.split()) <= words for g in gold):
            return loose_credit
    return 0.0


def load_docs(data: Path, ex: SkillExtractor, args_loose: float = 0.0) -> list[Doc]:
    docs = []
    for line in (data / "gold_skills.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["source"] != "dotin":
            continue
        text = (data / row["file"]).read_text(encoding="utf-8")
        cands = ex.candidates(text, default_sections(text))
        gold = {norm(s) for s in row["skills"] if norm(s)}
        keys = [norm(text[c.start:c.end]) for c in cands]
        counts: dict[str, int] = {}
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
        # Unannotated stretches are not negative evidence: a document with no skill annotated at all, and the text
        # after the last annotation (annotators of long résumés often stopped part-way), are left out of training.
        last = max((m["end"] for m in row["mentions"]), default=-1)
        trainable = [c.start <= last + 200 for c in cands]
        # the document's share of the annotation priors: its (annotated part's) candidate phrases and words
        marks: dict[str, bool] = {}
        for c, k, ok in zip(cands, keys, trainable, strict=True):
            if ok:
                marks[c.key] = marks.get(c.key, False) or k in gold
        toks = tokenize(_mask(text))  # as the candidates were tokenised
        starts = [t[1] for t in toks]
        n_annotated = bisect.bisect_right(starts, last + 200)
        spans = [(bisect.bisect_left(starts, m["start"]), bisect.bisect_left(starts, m["end"]))
                 for m in row["mentions"]]
        tokens = [t[0] for t in toks[:n_annotated]]
        docs.append({
            "file": row["file"], "split": "train" if Path(row["file"]).name.startswith("train-") else "test",
            "text": text, "cands": cands, "gold": gold, "keys": keys,
            "y": [label(k, gold, args_loose) for k in keys],
            "w": [1.0 / counts[k] if ok else 0.0 for k, ok in zip(keys, trainable, strict=True)],
            "last": last,
            "counts": PriorCounts.of_document(
                marks, tokens, spans,
                [(c.heading, k in gold) for c, k, ok in zip(cands, keys, trainable, strict=True) if ok],
                [(c.label, k in gold) for c, k, ok in zip(cands, keys, trainable, strict=True) if ok])
            if last >= 0 else PriorCounts(),
        })
    return docs


def priors_of(docs: list[Doc]) -> AnnotationPriors:
    total = PriorCounts()
    for d in docs:
        total.add(d["counts"])
    return AnnotationPriors(total)


def doc_feats(d: Doc, priors: AnnotationPriors | None, own: bool) -> list[dict[str, float]]:
    """The candidates' features with the annotation priors; ``own``: the document is among the priors' sources,
    so its own counts are left out (leave-one-document-out), as for a document never seen."""
    if priors is None:
        return [c.feats for c in d["cands"]]
    minus = d["counts"] if own else None
    return [{**c.feats, **priors.features(c.key, c.prev, c.nxt, c.prev2, c.heading, c.label, minus)} for c in d["cands"]]


def matrix(docs: list[Doc], names: list[str], priors: AnnotationPriors | None = None,
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    col = {n: i for i, n in enumerate(names)}
    rows = sum(len(d["cands"]) for d in docs)
    x = np.zeros((rows, len(names)))
    y = np.zeros(rows)
    w = np.zeros(rows)
    r = 0
    for d in docs:
        for feats, yy, ww in zip(doc_feats(d, priors, True), d["y"], d["w"], strict=True):
            for k, v in feats.items():
                if k in col:
                    x[r, col[k]] = v
            y[r], w[r] = yy, ww
            r += 1
    return x, y, w


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, names: list[str], rounds: int, depth: int = 3,
        lr: float = 0.1, lam: float = 1.0, min_child: float = 2.0) -> SkillFilter:
    """Gradient boosting of complete depth-``depth`` trees on the weighted logistic loss (Newton leaf values),
    splits searched over at most 16 quantile thresholds per feature."""
    n, n_feat = x.shape
    cuts = []
    for j in range(n_feat):
        u = np.unique(x[:, j])
        if len(u) < 2:
            cuts.append(u[:0])
            continue
        if len(u) > 16:
            at = np.unique(np.clip(np.searchsorted(u, np.quantile(x[:, j], np.linspace(0, 1, 17))), 0, len(u) - 2))
        else:
            at = np.arange(len(u) - 1)
        # midway between neighbouring values, so that rounding the stored threshold never moves a row across it
        cuts.append((u[at] + u[at + 1]) / 2)
    n_bins = 17
    xb = np.zeros((n, n_feat), dtype=np.int64)
    for j in range(n_feat):
        xb[:, j] = np.searchsorted(cuts[j], x[:, j], side="left")  # bin b: cuts[b-1] < x <= cuts[b]
    offs = np.arange(n_feat) * n_bins
    cut_ok = np.zeros((n_feat, n_bins), dtype=bool)
    for j in range(n_feat):
        cut_ok[j, :len(cuts[j])] = True
    pos = float(np.sum(w * y) / np.sum(w))
    base = float(np.log(pos / (1 - pos)))
    margin = np.full(n, base)
    n_int = 2 ** depth - 1
    all_f, all_t, all_v = [], [], []
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-margin))
        g = w * (p - y)
        h = w * p * (1 - p)
        node = np.zeros(n, dtype=np.int64)
        tf = np.zeros(n_int, dtype=np.int64)
        tt = np.full(n_int, np.inf)
        for level in range(depth):
            for k in range(2 ** level - 1, 2 ** (level + 1) - 1):
                idx = np.nonzero(node == k)[0]
                if len(idx) < 2:
                    continue
                flat = (xb[idx] + offs).ravel()
                size = n_feat * n_bins
                gh = np.bincount(flat, weights=np.repeat(g[idx], n_feat), minlength=size).reshape(n_feat, n_bins)
                hh = np.bincount(flat, weights=np.repeat(h[idx], n_feat), minlength=size).reshape(n_feat, n_bins)
                gl, hl = np.cumsum(gh, axis=1), np.cumsum(hh, axis=1)
                gt, ht = gl[:, -1:], hl[:, -1:]
                gain = gl ** 2 / (hl + lam) + (gt - gl) ** 2 / (ht - hl + lam) - gt ** 2 / (ht + lam)
                valid = (hl >= min_child) & (ht - hl >= min_child) & cut_ok
                gain = np.where(valid, gain, -np.inf)
                jb = np.unravel_index(int(np.argmax(gain)), gain.shape)
                j, b = int(jb[0]), int(jb[1])
                if not np.isfinite(gain[j, b]) or gain[j, b] <= 1e-6:
                    continue
                tf[k], tt[k] = j, cuts[j][b]
            node = 2 * node + 1 + (x[np.arange(n), tf[node]] > tt[node])
        leaf = node - n_int
        gs = np.bincount(leaf, weights=g, minlength=n_int + 1)
        hs = np.bincount(leaf, weights=h, minlength=n_int + 1)
        vals = -lr * gs / (hs + lam)
        margin += vals[leaf]
        all_f.append(tf)
        all_t.append(tt)
        all_v.append(vals)
    return SkillFilter(names, depth, base, np.array(all_f), np.array(all_t), np.array(all_v), 0.5, {})


def probs_for(d: Doc, model: SkillFilter, priors: AnnotationPriors | None = None, own: bool = False) -> list[float]:
    ps = model.probs(doc_feats(d, priors, own))
    return [1.0 if c.extra_id is not None else p for c, p in zip(d["cands"], ps, strict=True)]


def predict(d: Doc, probs: list[float], threshold: float) -> set[str]:
    chosen: list[SpanCandidate] = select(d["cands"], probs, threshold)
    return {k for k in (norm(d["text"][c.start:c.end]) for c in chosen) if k}


def evaluate(docs: list[Doc], preds: list[set[str]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, loose in (("strict", False), ("loose", True)):
        tp = n_pred = n_gold = 0
        for d, p in zip(docs, preds, strict=True):
            n_pred += len(p)
            n_gold += len(d["gold"])
            tp += matched(p, d["gold"], loose)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        out[f"{name}_p"], out[f"{name}_r"] = round(prec, 3), round(rec, 3)
        out[f"{name}_f1"] = round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0
    return out


def error_report(docs: list[Doc], probs: list[list[float]], threshold: float, examples: int) -> None:
    """Where the F1 is lost, from out-of-fold predictions: each gold phrase missed strictly is a boundary error (the
    loose score pairs it with a prediction), a candidate the filter dropped, a candidate that lost to an overlapping
    choice, or never a candidate; each wrong prediction a boundary error, a spurious choice, or a choice after the
    annotators' last mark (unannotated text). Prints counts and ``examples`` random cases per kind."""
    counts: dict[str, int] = {}
    cases: dict[str, list[str]] = {}

    def add(kind: str, case: str) -> None:
        counts[kind] = counts.get(kind, 0) + 1
        cases.setdefault(kind, []).append(case)

    for d, p in zip(docs, probs, strict=True):
        text, gold = d["text"], d["gold"]
        chosen = select(d["cands"], p, threshold)
        pred = {norm(text[c.start:c.end]): c for c in chosen}
        pred.pop("", None)
        best: dict[str, tuple[float, SpanCandidate]] = {}
        for c, k, q in zip(d["cands"], d["keys"], p, strict=True):
            if k and q > best.get(k, (-1.0, c))[0]:
                best[k] = (q, c)
        for g in sorted(gold):
            near = [k for k in pred if k != g and matched({k}, {g}, True)]
            if g in pred:
                add("TP", g)
            elif near:
                add("FN boundary (loose pair)", f"{g!r} ~ {near[:3]}")
            elif g in best:
                q, c = best[g]
                lost = [text[x.start:x.end] for x in chosen if x.start < c.end and c.start < x.end]
                add("FN lost to an overlap" if lost else "FN dropped by the filter", f"{g!r} p={q:.2f} {lost}")
            else:
                add("FN never a candidate", repr(g))
        for k, c in pred.items():
            if k in gold:
                continue
            if any(matched({k}, {g}, True) for g in gold):
                add("FP boundary (loose pair)", repr(k))
            elif c.start > d["last"] + 200:
                add("FP after the last annotation", repr(k))
            else:
                add("FP spurious", f"{text[c.start:c.end]!r} in {text[max(0, c.start - 30):c.end + 30]!r}")
    rng = random.Random(7)
    for kind, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{kind}: {n}")
        if kind != "TP":
            for case in rng.sample(cases[kind], min(examples, n)):
                print("    " + case)


def fmt(m: dict[str, float]) -> str:
    return (f"strict P={m['strict_p']:.3f} R={m['strict_r']:.3f} F1={m['strict_f1']:.3f} | "
            f"loose P={m['loose_p']:.3f} R={m['loose_r']:.3f} F1={m['loose_f1']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "resumes")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--loose-credit", type=float, default=0.0, help="soft label of near-miss phrases")
    ap.add_argument("--rounds", type=int, default=150)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--no-priors", action="store_true", help="without the annotation priors (priors.py)")
    ap.add_argument("--hold-out-test", action="store_true",
                    help="learn from train-* only and report test-* as a held-out set (default: learn from all)")
    ap.add_argument("--out", type=Path, default=FILTER_FILE)
    ap.add_argument("--priors-out", type=Path, default=PRIORS_FILE)
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the candidates, reused when present")
    ap.add_argument("--dump-oof", type=Path, default=None, help="pickle the out-of-fold predictions here")
    ap.add_argument("--dry-run", action="store_true", help="report only, do not write the weights")
    ap.add_argument("--errors", type=int, default=None, metavar="N",
                    help="print where the CV F1 is lost (boundary, dropped, never a candidate, spurious) with N examples")
    args = ap.parse_args()
    import pickle

    if args.cache and args.cache.exists():
        docs = pickle.loads(args.cache.read_bytes())
        for d in docs:
            d["y"] = [label(k, d["gold"], args.loose_credit) for k in d["keys"]]
    else:
        docs = load_docs(args.data, SkillExtractor.load(), args.loose_credit)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(docs))
    train = [d for d in docs if d["split"] == "train" or not args.hold_out_test]
    test = [d for d in docs if d["split"] == "test" and args.hold_out_test]
    use_priors = not args.no_priors
    names = sorted({k for d in train for c in d["cands"] for k in c.feats})
    if use_priors:
        names = sorted(set(names) | set(priors_of(train[:1]).features("a b", "a", "b", "a b", "skills", "tools")) | {"pr_phrase_n"})
    print(f"{len(train)} training docs, {sum(len(d['cands']) for d in train)} candidates, {len(names)} features; "
          f"candidate recall ceiling (strict) "
          f"{sum(len(d['gold'] & set(d['keys'])) for d in train) / sum(len(d['gold']) for d in train):.3f}")

    # k-fold over documents: out-of-fold probabilities for every training document; the priors of a fold come
    # from its fitting documents only
    order = list(range(len(train)))
    random.Random(13).shuffle(order)
    oof: list[list[float]] = [[] for _ in train]
    for k in range(args.folds):
        held = set(order[k::args.folds])
        fit_docs = [d for i, d in enumerate(train) if i not in held]
        priors = priors_of(fit_docs) if use_priors else None
        model = fit(*matrix(fit_docs, names, priors), names, args.rounds, args.depth, args.lr)
        for i in held:
            oof[i] = probs_for(train[i], model, priors)
    best = (-1.0, 0.5)
    for t in [x / 100 for x in range(4, 81, 2)]:
        m = evaluate(train, [predict(d, p, t) for d, p in zip(train, oof, strict=True)])
        obj = (m["strict_f1"] + m["loose_f1"]) / 2
        if obj > best[0]:
            best = (obj, t)
    threshold = best[1]
    cv = evaluate(train, [predict(d, p, threshold) for d, p in zip(train, oof, strict=True)])
    if args.errors is not None:
        error_report(train, oof, threshold, args.errors)
    if args.dump_oof:
        for d, p in zip(train, oof, strict=True):
            d["oof"] = p
        args.dump_oof.write_bytes(pickle.dumps((train, threshold)))
    print(f"CV {args.folds}-fold (threshold {threshold:.2f}): {fmt(cv)}")
    # annotators often stopped part-way: what was found after their last annotation cannot be right
    part = []
    for d, p in zip(train, oof, strict=True):
        keep = [c.start <= d["last"] + 200 for c in d["cands"]]
        part.append(predict(d, [q if k else 0.0 for q, k in zip(p, keep, strict=True)], threshold))
    cv_part = evaluate(train, part)
    print(f"CV, annotated part only:    {fmt(cv_part)}")

    priors = priors_of(train) if use_priors else None
    model = fit(*matrix(train, names, priors), names, args.rounds, args.depth, args.lr)
    tr = evaluate(train, [predict(d, probs_for(d, model, priors, own=False), threshold) for d in train])
    print(f"fit (in-sample): {fmt(tr)}")
    te = None
    if test:
        te = evaluate(test, [predict(d, probs_for(d, model, priors), threshold) for d in test])
        print(f"test ({len(test)}, held out): {fmt(te)}")
    used: dict[str, int] = {}
    for tf, tt in zip(model.feats, model.thresholds, strict=True):
        for f, t in zip(tf, tt, strict=True):
            if np.isfinite(t):
                used[names[f]] = used.get(names[f], 0) + 1
    print("most used features:", ", ".join(f"{n}×{c}" for n, c in sorted(used.items(), key=lambda x: -x[1])[:15]))
    if args.dry_run:
        return
    trained_on = ("dotin train-* résumés of the development set (test-* held out)" if args.hold_out_test
                  else "all dotin résumés of the development set")
    model.threshold = threshold
    model.meta = {
        "model": f"gradient-boosted trees ({args.rounds} rounds, depth {args.depth}, learning rate {args.lr})",
        "features": "screener.extract.candidates (generic: source, kind, shape, section, list context, document)"
                    + (" + screener.extract.priors (annotation priors)" if use_priors else ""),
        "trained_on": trained_on,
        "train_docs": len(train),
        "loose_credit": args.loose_credit,
        "cv_folds": args.folds,
        "cv": cv,
        "cv_annotated_part": cv_part,
        "fit": tr,
        "script": "scripts/train_skill_filter.py",
    }
    if te is not None:
        model.meta["test"] = te
    args.out.write_text(json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")
    if priors is not None:
        priors.save(args.priors_out, {"source": "dotin résumé NER annotations (CC0-1.0), " + trained_on,
                                      "script": "scripts/train_skill_filter.py"})
        print(f"wrote {args.priors_out} ({args.priors_out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
