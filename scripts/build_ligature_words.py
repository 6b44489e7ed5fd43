"""Writes screener/ingest/data/ligature_words.tsv: words that lose letters when a PDF converter drops ligature
glyphs ("Soware" for "Software", "applicaons" for "applications", "eld" for "field"), as "damaged<TAB>word".

    .venv/bin/python scripts/build_ligature_words.py [--taxonomy ../shared/data/taxonomy]

The vocabulary is every word of the ESCO skill and occupation texts and the O*NET occupation descriptions. For each
word of four or more letters written at least three times that holds a ligature letter pair (ff, fi, fl, ffi, ffl,
ft, ti, tt, tf), the damaged forms are the word with one or all of those pairs removed. A damaged form that is
itself a vocabulary word, or shorter than four letters, or the damaged form of two different words, is left out: the reader must never turn one real word into another. Output is sorted and deterministic.
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screener" / "ingest" / "data" / "ligature_words.tsv"
# longest first: "ffi" is one glyph, not "ff" + "i"
LIGATURES = ("ffi", "ffl", "ff", "fi", "fl", "ft", "ti", "tt", "tf")
_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_PAIR = re.compile("|".join(LIGATURES))


def _texts(taxonomy: Path) -> Iterator[str]:
    esco = taxonomy / "esco-v1.1.1"
    for name in ("skills_en.csv", "occupations_en.csv"):
        with (esco / name).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield " ".join(row.get(k) or "" for k in ("preferredLabel", "altLabels", "description", "definition"))
    with (taxonomy / "onet-30.2" / "Occupation Data.txt").open(encoding="utf-8") as fh:
        yield from fh


def damaged_forms(word: str) -> set[str]:
    """The word with each ligature pair removed, one at a time, and with all of them removed."""
    spans = [m.span() for m in _PAIR.finditer(word)]
    forms = {word[:a] + word[b:] for a, b in spans}
    if len(spans) > 1:
        forms.add(_PAIR.sub("", word))
    return forms


def build(taxonomy: Path) -> dict[str, str]:
    counts: collections.Counter[str] = collections.Counter()
    for text in _texts(taxonomy):
        counts.update(_WORD.findall(text.lower()))
    common = {w for w, n in counts.items() if n >= 3 and len(w) >= 4}
    repairs: dict[str, set[str]] = collections.defaultdict(set)
    for word in common:
        for form in damaged_forms(word):
            if len(form) >= 4 and form not in counts:
                repairs[form].add(word)
    return {form: next(iter(words)) for form, words in repairs.items() if len(words) == 1}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--taxonomy", type=Path, default=ROOT.parent / "shared" / "data" / "taxonomy")
    args = ap.parse_args()
    repairs = build(args.taxonomy)
    header = ("# damaged<TAB>word: words whose ligature glyphs (ff fi fl ffi ffl ft ti tt tf) a PDF converter dropped.\n"
              "# Built by scripts/build_ligature_words.py from the ESCO v1.1.1 and O*NET 30.2 texts; do not edit.\n")
    OUT.write_text(header + "".join(f"{k}\t{v}\n" for k, v in sorted(repairs.items())), encoding="utf-8")
    print(f"{len(repairs)} damaged forms -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
