"""Reading-order score of the PDF ingest against text references (LaTeX source, RenderCV YAML, generator text).

Run: .venv/bin/python benchmarks/reading_order.py [--data ../shared/data/resumes] [--root DIR]
(``--root`` imports ``screener`` from another checkout, e.g. an export of an older commit, for before/after.)

References: ``templates/*/`` PDFs with a ``.tex``/``.xtx`` source (markup stripped crudely), RenderCV PDFs with
their ``.yaml``, ``sample_data/tomasz_nowak_data_engineer_two_column.pdf`` (source text in
``scripts/make_samples.py``) and the generated layout fixtures (text in ``scripts/make_ingest_fixtures.py``).
Text is compared as lower-case alphanumeric tokens, so line breaks and spacing do not count. Per file:

* ``intact``: share of reference lines (3+ tokens) whose tokens appear contiguously in the extracted text;
* ``order``: share of consecutive intact reference lines that come out in the same order;
* ``mixed``: extracted lines holding word pairs of two reference lines that are not neighbours in the
  reference (a sidebar line interleaved into a main-column line);
* ``fused``: extracted tokens absent from the reference that are two reference tokens glued together.

Prints figures; asserts nothing. Without the shared data folder only the repository's own files are scored.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

_TOKEN_RE = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text.lower())
    return _TOKEN_RE.findall("".join(c for c in text if not unicodedata.combining(c)))


# --- references -------------------------------------------------------------------------------------------


def latex_lines(source: str) -> list[str]:
    """Crude LaTeX → text lines: body only, comments, command names, options and braces dropped."""
    body = source.split("\\begin{document}", 1)[-1].split("\\end{document}", 1)[0]
    body = re.sub(r"(?<!\\)%.*", "", body)
    body = re.sub(r"\\(?:href|url)\{[^}]*\}", "", body)  # link targets are not shown
    body = re.sub(r"\}\s*\{", "\n", body)  # macro arguments are separate boxes
    body = re.sub(r"\\\\|\\item\b|\\par\b", "\n", body)
    body = re.sub(r"\\[A-Za-z@]+\*?(?:\[[^\]]*\])?", " ", body)
    body = body.replace("--", "–").replace("~", " ")
    body = re.sub(r"[{}$&]", " ", body)
    return [" ".join(line.split()) for line in body.splitlines() if line.strip()]


_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SKIP_KEYS = {"start_date", "end_date", "date", "url", "doi", "website", "phone", "email", "social_networks"}


def _md(text: str) -> str:
    return _MD_LINK_RE.sub(r"\1", text).replace("**", "").replace("*", "")


def yaml_lines(data: Any) -> list[str]:
    """RenderCV YAML → text of every shown field in source order (dates skipped: they are rendered anew)."""
    out: list[str] = []

    def walk(node: Any, key: str = "") -> None:
        if key in _SKIP_KEYS:
            return
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "sections" and isinstance(v, dict):
                    for title, entries in v.items():
                        out.append(str(title).replace("_", " "))
                        walk(entries)
                else:
                    walk(v, str(k))
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif isinstance(node, str):
            out.append(_md(node))

    walk(data.get("cv", data))
    return out


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def tomasz_lines() -> list[str]:
    r = _load(ROOT / "scripts" / "make_samples.py", "make_samples").TOMASZ
    lines = [r.name, r.headline, "CONTACT", *r.contact, "SKILLS"]
    for group, values in r.skills:
        lines += [group, values]
    lines += ["LANGUAGES", *r.languages, "CERTIFICATIONS", *r.certifications, "SUMMARY", r.summary, "EXPERIENCE"]
    for j in r.jobs:
        lines += [j.title, f"{j.dates} · {j.employer}, {j.location}", *j.bullets]
    lines.append("EDUCATION")
    for s in r.education:
        lines += [s.credential, f"{s.institution}, {s.location} · {s.dates}", *s.notes]
    return lines


def fixture_references() -> dict[Path, list[str]]:
    m = _load(ROOT / "scripts" / "make_ingest_fixtures.py", "make_ingest_fixtures")
    out = ROOT / "tests" / "fixtures" / "ingest"
    return {out / name: lines for name, lines in m.reference_texts().items()}


def references(data: Path) -> dict[Path, list[str]]:
    import yaml

    refs: dict[Path, list[str]] = {}
    for pdf in sorted((data / "templates").glob("*/*.pdf")):
        for ext in (".tex", ".xtx"):
            for src in pdf.parent.glob(f"*{ext}"):
                refs[pdf] = latex_lines(src.read_text("utf-8", errors="replace"))
    for pdf in sorted((data / "rendercv").rglob("*.pdf")):
        src = pdf.with_suffix(".yaml")
        if src.exists():
            refs[pdf] = yaml_lines(yaml.safe_load(src.read_text("utf-8")))
    refs[ROOT / "sample_data" / "tomasz_nowak_data_engineer_two_column.pdf"] = tomasz_lines()
    refs.update(fixture_references())
    return refs


# --- scoring ----------------------------------------------------------------------------------------------


def _find(seq: list[str], sub: list[str]) -> int:
    first = sub[0]
    for i in range(len(seq) - len(sub) + 1):
        if seq[i] == first and seq[i : i + len(sub)] == sub:
            return i
    return -1


def score(reference: list[str], extracted: str) -> dict[str, float]:
    ref_tokens = [tokens(line) for line in reference]
    ref = [t for t in ref_tokens if len(t) >= 3]
    flat = tokens(extracted)
    positions = [_find(flat, t) for t in ref]
    found = [p for p in positions if p >= 0]
    pairs = sum(1 for a, b in zip(positions, positions[1:], strict=False) if a >= 0 and b >= 0)
    ordered = sum(1 for a, b in zip(positions, positions[1:], strict=False) if 0 <= a < b)
    # Word pairs (bigrams) that belong to exactly one reference line identify where a piece of text came from.
    owner: dict[tuple[str, str], int] = {}
    shared: set[tuple[str, str]] = set()
    for i, t in enumerate(ref):
        for bg in set(zip(t, t[1:], strict=False)):
            if bg in owner and owner[bg] != i:
                shared.add(bg)
            owner[bg] = i
    mixed = 0
    for line in extracted.splitlines():
        t = tokens(line)
        hits: dict[int, int] = {}
        for bg in zip(t, t[1:], strict=False):
            if bg in owner and bg not in shared:
                hits[owner[bg]] = hits.get(owner[bg], 0) + 1
        ids = sorted(i for i, n in hits.items() if n >= 2)
        mixed += any(b - a > 2 for a in ids for b in ids)
    vocab = {w for t in ref_tokens for w in t}
    fused = 0
    for w in set(flat) - vocab:
        fused += any(w[:k] in vocab and w[k:] in vocab for k in range(2, len(w) - 1))
    return {
        "lines": len(ref),
        "intact": len(found) / max(len(ref), 1),
        "order": ordered / max(pairs, 1),
        "mixed": mixed,
        "fused": fused,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "resumes")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to import screener from")
    args = parser.parse_args()
    sys.path.insert(0, str(args.root.resolve()))
    from screener.ingest import ingest_path

    refs = references(args.data) if args.data.exists() else {}
    if not refs:
        refs = {ROOT / "sample_data" / "tomasz_nowak_data_engineer_two_column.pdf": tomasz_lines()}
        refs.update(fixture_references())
    print(f"screener from {args.root.resolve()}")
    print(f"{'file':44s} {'lines':>5s} {'intact':>7s} {'order':>6s} {'mixed':>6s} {'fused':>6s}")
    totals = {"intact": 0.0, "order": 0.0, "mixed": 0.0, "fused": 0.0}
    for pdf, lines in refs.items():
        if not pdf.exists():
            continue
        s = score(lines, ingest_path(pdf).text)
        for k in totals:
            totals[k] += s[k]
        print(f"{pdf.name[:44]:44s} {s['lines']:5.0f} {s['intact']:7.1%} {s['order']:6.1%} "
              f"{s['mixed']:6.0f} {s['fused']:6.0f}")
    n = max(len([p for p in refs if p.exists()]), 1)
    print(f"{'mean / total':44s} {'':5s} {totals['intact'] / n:7.1%} {totals['order'] / n:6.1%} "
          f"{totals['mixed']:6.0f} {totals['fused']:6.0f}")


if __name__ == "__main__":
    main()
