"""Rubric drafts from job postings: how many are valid, grounded, and cover the posting's skills.

    .venv/bin/python benchmarks/rubric_draft.py [--data ../shared/data/resumes] [--verbose]

Postings (found through the data folder's MANIFEST and gold files): the SkillSpan postings with gold skill spans
(tech and house), the Vanetik vacancies (``vanetik2023/5_vacancies.csv``) and the Resume-Matcher job-description
PDFs. Figures:

* valid — the draft's YAML passes the rubric loader (what ``rubric check`` runs); target 100%;
* grounded — share of competencies with at least one skill or alias that occurs in the posting (token sequence,
  after the lexicon's normalisation); target ≥ 90%;
* coverage — SkillSpan tech postings: share of the gold skills of 1–3 words that one of the rubric's skills or
  aliases spells (normalised, case-folded), averaged over postings; target ≥ 0.50. "with synonyms" also counts a
  gold skill the taxonomy resolves to the same concept as a rubric skill (what screening matches).

Timing is CPU seconds (``time.process_time``) per draft: the host is shared.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screener.authoring.draft import draft_from_text, posting_text  # noqa: E402
from screener.extract import get_extractor  # noqa: E402
from screener.extract.lexicon import norm_phrase  # noqa: E402
from screener.rubric import parse_rubric  # noqa: E402


def postings(data: Path) -> list[tuple[str, str, str, list[str] | None]]:
    """(kind, id, text, gold skills or None)."""
    out: list[tuple[str, str, str, list[str] | None]] = []
    for line in (data / "gold_skills.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["source"] == "skillspan":
            kind = "skillspan-" + ("tech" if "-tech-" in rec["id"] else "house")
            out.append((kind, rec["id"], (data / rec["file"]).read_text(encoding="utf-8"), rec["skills"]))
    with (data / "vanetik2023" / "5_vacancies.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.append(("vanetik", f"vanetik-{row['id']}", f"{row['job_title']}\n{row['job_description']}", None))
    for pdf in sorted((data / "resume_matcher" / "job_descriptions").glob("*.pdf")):
        out.append(("resume-matcher", pdf.stem, posting_text(pdf.name, pdf.read_bytes()), None))
    return out


def _short(skill: str) -> str | None:
    s = " ".join(re.sub(r"^[\s(),;:*]+|[\s(),.;:*]+$", "", skill).split())  # a leading dot stays: ".NET"
    return s if s and 1 <= len(s.split()) <= 3 else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "resumes")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    ex = get_extractor()
    rows = postings(args.data)
    kinds: dict[str, dict[str, float]] = {}
    cpu = 0.0
    for kind, pid, text, gold in rows:
        k = kinds.setdefault(kind, {"n": 0, "valid": 0, "comps": 0, "grounded": 0, "cov": 0.0, "cov_syn": 0.0,
                                    "gold_n": 0, "terms": 0})
        k["n"] += 1
        t0 = time.process_time()
        try:
            draft = draft_from_text(text, source=pid)
            rubric = parse_rubric(draft.to_yaml(), source=pid)
        except Exception as exc:  # noqa: BLE001 — a failed draft is a figure here, not a crash
            cpu += time.process_time() - t0
            print(f"INVALID {pid}: {exc}")
            continue
        cpu += time.process_time() - t0
        k["valid"] += 1
        hay = f" {norm_phrase(text)} "
        for c in rubric.competencies:
            k["comps"] += 1
            ok = any(f" {norm_phrase(t)} " in hay for t in c.terms() if norm_phrase(t))
            k["grounded"] += ok
            if not ok and args.verbose:
                print(f"  ungrounded {pid}: {c.name}: {c.terms()[:5]}")
        terms = {norm_phrase(t) for c in rubric.competencies for t in c.terms()}
        k["terms"] += len(terms)
        if gold is not None:
            short = {norm_phrase(s) for s in (_short(g) for g in gold) if s and norm_phrase(s)}
            if short:
                concepts = {cc.id for c in rubric.competencies for t in c.skills for cc in ex.resolve(t)}
                hit = {g for g in short if g in terms}
                syn = hit | {g for g in short if {cc.id for cc in ex.resolve(g)} & concepts}
                k["cov"] += len(hit) / len(short)
                k["cov_syn"] += len(syn) / len(short)
                k["gold_n"] += 1
                if args.verbose:
                    print(f"  {pid}: covered {len(hit)}/{len(short)}; missed {sorted(short - syn)[:12]}")
    total = {"n": 0.0, "valid": 0.0, "comps": 0.0, "grounded": 0.0}
    print(f"{'postings':<16}{'n':>4}{'valid':>8}{'grounded':>10}{'coverage':>10}{'w/ syn':>8}{'terms':>7}")
    for kind, k in kinds.items():
        for key in total:
            total[key] += k[key]
        cov = f"{k['cov'] / k['gold_n']:.2f}" if k["gold_n"] else "—"
        syn = f"{k['cov_syn'] / k['gold_n']:.2f}" if k["gold_n"] else "—"
        print(f"{kind:<16}{int(k['n']):>4}{k['valid'] / k['n']:>8.0%}{k['grounded'] / max(k['comps'], 1):>10.1%}"
              f"{cov:>10}{syn:>8}{k['terms'] / max(k['valid'], 1):>7.1f}")
    print(f"{'all':<16}{int(total['n']):>4}{total['valid'] / total['n']:>8.0%}"
          f"{total['grounded'] / max(total['comps'], 1):>10.1%}")
    print(f"CPU seconds per draft: {cpu / max(total['n'], 1):.3f} (process_time; {len(rows)} drafts)")


if __name__ == "__main__":
    main()
