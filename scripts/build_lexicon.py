"""Compile the skills lexicon: ESCO v1.1.1 + O*NET 30.2 + hand-written aliases → screener/extract/data/lexicon.json.gz.

usage: python scripts/build_lexicon.py [--taxonomy ../shared/data/taxonomy]

Run at build time only; the product loads the compiled file and never needs the taxonomy folder. The output records
the source versions and the sha256 of every input so a lexicon can be traced back to its data.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screener.extract.lexicon import (  # noqa: E402
    DATA_DIR,
    ESCO_SKILL_PREFIX,
    LEXICON_FILE,
    TOKEN_RE,
    key_variants,
    norm_phrase,
    norm_token,
    slug,
)  # noqa: E402

MAX_TOKENS = 8  # longer ESCO labels ("manage the ... of ...") are never written verbatim in a résumé
# Which surface wins when two concepts share a normalised key: hand-written aliases, then ESCO preferred labels,
# then O*NET tool names, then ESCO synonyms, then ESCO hidden labels (misspellings).
PRIO_ALIAS, PRIO_PREF, PRIO_ONET, PRIO_ALT, PRIO_DERIVED, PRIO_HIDDEN = range(6)
QUALIFIER_RE = re.compile(r"\s*\([^)]*\)\s*$")  # "Java (computer programming)" -> "Java"
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9/+#.-]{1,7}$")
ICT_GROUP_CODES = ("S5", "K06")  # ESCO hierarchy: "working with computers" skills, ICT knowledge


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def lines(field: str) -> list[str]:
    return [x.strip() for x in field.split("\n") if x.strip()]


class Builder:
    def __init__(self) -> None:
        self.ids: list[str] = []
        self.labels: list[str] = []
        self.kinds: list[str] = []
        self.surfaces: list[list[str]] = []
        self.index: dict[str, int] = {}
        self.forms: dict[str, tuple[int, int]] = {}  # key -> (priority, concept)
        self.senses: dict[str, dict[int, int]] = {}  # key -> {concept: best priority}: every concept it names
        self.tech: set[int] = set()

    def concept(self, cid: str, label: str, kind: str) -> int:
        if cid in self.index:
            return self.index[cid]
        self.index[cid] = len(self.ids)
        self.ids.append(cid)
        self.labels.append(label)
        self.kinds.append(kind)
        self.surfaces.append([])
        return self.index[cid]

    def form(self, cidx: int, surface: str, prio: int) -> None:
        if surface not in self.surfaces[cidx]:
            self.surfaces[cidx].append(surface)
        keys = {norm_phrase(surface): prio}
        if "-" in surface:  # "e-commerce" is also written "ecommerce"
            keys.setdefault(norm_phrase(surface.replace("-", "")), prio)
        for key in list(keys):  # "MS Visio" -> "Visio", "Python 3" -> "Python" (lexicon.key_variants)
            for v in key_variants(key):
                keys.setdefault(v, max(prio, PRIO_DERIVED))
        for key, p in keys.items():
            if not key or key.count(" ") >= MAX_TOKENS:
                continue
            old = self.forms.get(key)
            if old is None or p < old[0]:
                self.forms[key] = (p, cidx)
            senses = self.senses.setdefault(key, {})
            senses[cidx] = min(p, senses.get(cidx, p))


def onet_variants(name: str, vendors: list[dict[str, object]]) -> list[str]:
    """Forms résumés use for an O*NET tool name: without the vendor ("Microsoft Excel" -> "Excel", "MS Excel"),
    and split from a trailing acronym ("Hypertext markup language HTML" -> "HTML", "Hypertext markup language")."""
    out: list[str] = []
    words = name.split()
    if len(words) >= 3 and ACRONYM_RE.match(words[-1]) and not words[-1].isdigit():
        out += [words[-1], " ".join(words[:-1])]
    for v in vendors:
        prefix = str(v["prefix"])
        if name.startswith(prefix + " ") and len(name) > len(prefix) + 1:
            rest = name[len(prefix) + 1:]
            out.append(rest)
            out += [f"{abbr} {rest}" for abbr in v.get("abbreviations", [])]  # type: ignore[attr-defined]
            break
    return out


def common_words(esco: Path, onet: Path, min_count: int = 5) -> set[str]:
    """Everyday English words: tokens written in lower case at least ``min_count`` times in the taxonomies' own
    descriptions. Tool names ("Python", "Linux") are capitalised there; "design", "site", "conduct" are not."""
    return {w for w, c in lower_counts(esco, onet).items() if c >= min_count}


def lower_counts(esco: Path, onet: Path) -> dict[str, int]:
    """Per normalised token, how many times the taxonomies' descriptions write it in lower case."""
    texts = [r["description"] for r in read_csv(esco / "skills_en.csv")]
    texts += [r["description"] for r in read_csv(esco / "occupations_en.csv")]
    with (onet / "Occupation Data.txt").open(encoding="utf-8", newline="") as fh:
        texts += [r["Description"] for r in csv.DictReader(fh, delimiter="\t")]
    counts: dict[str, int] = {}
    for t in texts:
        for m in TOKEN_RE.finditer(t):
            w = m.group()
            if w.islower():
                k = norm_token(w)
                counts[k] = counts.get(k, 0) + 1
    return counts


ICT_ISCO_PREFIXES = ("25", "35", "133")  # ISCO-08: ICT professionals, ICT technicians, ICT service managers


def ict_concepts(esco: Path, index: dict[str, int]) -> set[int]:
    """ESCO concepts of the ICT domain, from the taxonomy's own structure: under the skill groups "working with
    computers" (S5) or "information and communication technologies" (K06), or linked (essential or optional) mostly to
    ICT occupations (ISCO 25, 35, 133) — "SOAP" the protocol is an ICT skill, "soap" the cleaning product is not."""
    codes = {}
    for row in read_csv(esco / "skillsHierarchy_en.csv"):
        for level in range(4):
            uri, code = row.get(f"Level {level} URI", ""), row.get(f"Level {level} code", "")
            if uri and code:
                codes[uri] = code
    parents: dict[str, list[str]] = {}
    for row in read_csv(esco / "broaderRelationsSkillPillar.csv"):
        parents.setdefault(row["conceptUri"], []).append(row["broaderUri"])

    def in_group(uri: str) -> bool:
        seen, todo = set(), [uri]
        while todo:
            u = todo.pop()
            if u in seen:
                continue
            seen.add(u)
            if codes.get(u, "").startswith(ICT_GROUP_CODES):
                return True
            todo.extend(parents.get(u, []))
        return False

    isco = {r["conceptUri"]: r["iscoGroup"] for r in read_csv(esco / "occupations_en.csv")}
    links: dict[str, list[bool]] = {}
    for row in read_csv(esco / "occupationSkillRelations.csv"):
        links.setdefault(row["skillUri"], []).append(isco.get(row["occupationUri"], "").startswith(ICT_ISCO_PREFIXES))
    out = set()
    for uri, n in index.items():
        occ = links.get(uri, [])
        if in_group(uri) or (occ and sum(occ) / len(occ) >= 0.5):
            out.add(n)
    return out


def short_id(cid: str) -> str:
    return "e:" + cid[len(ESCO_SKILL_PREFIX):] if cid.startswith(ESCO_SKILL_PREFIX) else cid


def build(taxonomy: Path) -> dict[str, object]:
    esco = taxonomy / "esco-v1.1.1"
    onet = taxonomy / "onet-30.2"
    inputs = [
        esco / "skills_en.csv",
        esco / "broaderRelationsSkillPillar.csv",
        esco / "skillSkillRelations.csv",
        esco / "digitalSkillsCollection_en.csv",
        esco / "languageSkillsCollection_en.csv",
        esco / "occupations_en.csv",
        esco / "occupationSkillRelations.csv",
        esco / "skillsHierarchy_en.csv",
        onet / "Occupation Data.txt",
        onet / "Technology Skills.txt",
        DATA_DIR / "aliases.yaml",
    ]
    b = Builder()

    for row in read_csv(esco / "skills_en.csv"):
        kind = "knowledge" if row["skillType"] == "knowledge" else "skill"
        c = b.concept(row["conceptUri"], row["preferredLabel"], kind)
        b.form(c, row["preferredLabel"], PRIO_PREF)
        for alt in lines(row["altLabels"]):
            b.form(c, alt, PRIO_ALT)
        for label in [row["preferredLabel"], *lines(row["altLabels"])]:
            bare = QUALIFIER_RE.sub("", label)
            if bare != label and bare:
                b.form(c, bare, PRIO_DERIVED)
        for hidden in lines(row["hiddenLabels"]):
            b.form(c, hidden, PRIO_HIDDEN)
    for row in read_csv(esco / "digitalSkillsCollection_en.csv"):
        if row["conceptUri"] in b.index:
            b.tech.add(b.index[row["conceptUri"]])
    languages = sorted(b.index[r["conceptUri"]] for r in read_csv(esco / "languageSkillsCollection_en.csv")
                       if r["conceptUri"] in b.index)

    aliases = yaml.safe_load((DATA_DIR / "aliases.yaml").read_text(encoding="utf-8"))
    vendors = sorted(aliases["vendor_prefixes"], key=lambda v: -len(v["prefix"]))
    with (onet / "Technology Skills.txt").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name = row["Example"].strip()
            c = b.concept("onet:" + slug(name), name, "tool")
            b.tech.add(c)
            b.form(c, name, PRIO_ONET)
            for variant in onet_variants(name, vendors):
                b.form(c, variant, PRIO_DERIVED)

    for entry in aliases["aliases"]:
        target = entry["id"]
        if target not in b.index:
            if not target.startswith("alias:"):
                raise SystemExit(f"aliases.yaml: {entry['forms']}: id {target} is not in the taxonomy")
            b.concept(target, entry["label"], entry.get("kind", "tool"))
        c = b.index[target]
        if entry.get("tech", True):
            b.tech.add(c)
        for surface in entry["forms"]:
            b.form(c, surface, PRIO_ALIAS)

    related: list[set[int]] = [set() for _ in b.ids]
    for row in read_csv(esco / "broaderRelationsSkillPillar.csv"):
        a, p = b.index.get(row["conceptUri"]), b.index.get(row["broaderUri"])
        if a is not None and p is not None:
            related[a].add(p)
            related[p].add(a)
    for row in read_csv(esco / "skillSkillRelations.csv"):
        a, p = b.index.get(row["originalSkillUri"]), b.index.get(row["relatedSkillUri"])
        if a is not None and p is not None:
            related[a].add(p)
            related[p].add(a)

    keys = sorted(b.forms)
    # concepts of the ICT domain: the tech set (digital skills, O*NET tools, aliases) and ESCO's ICT groups and
    # occupations; and, per key that names several concepts, all of them best first (for the sense choice)
    ict = b.tech | ict_concepts(esco, b.index)
    # (a form the build derived — vendor dropped, acronym split off — names no second sense: "HR" is not "ADP
    # Enterprise HR")
    senses = {}
    for k, v in b.senses.items():
        if k not in b.forms:
            continue
        named = {c: p for c, p in v.items() if p < PRIO_DERIVED or c == b.forms[k][1]}
        if len(named) > 1:
            senses[k] = [c for c, _ in sorted(named.items(), key=lambda cp: (cp[0] != b.forms[k][1], cp[1], cp[0]))]
    derived_keys = sorted(k for k in keys if b.forms[k][0] >= PRIO_DERIVED)
    alias_keys = sorted(k for k in keys if b.forms[k][0] == PRIO_ALIAS)
    common = sorted(common_words(esco, onet) & {k for k in keys if " " not in k})
    # kept for the skill filter's "how everyday is this word" feature; rare tokens are left out to keep it small
    word_df = {w: c for w, c in sorted(lower_counts(esco, onet).items()) if c >= 3}
    # per token: in how many forms it occurs, and how many forms end with it (the head of a skill phrase)
    in_forms: dict[str, int] = {}
    heads: dict[str, int] = {}
    for key in keys:
        toks = key.split(" ")
        for t in set(toks):
            in_forms[t] = in_forms.get(t, 0) + 1
        heads[toks[-1]] = heads.get(toks[-1], 0) + 1
    # every concept a surface names beyond the form's own choice (rubric look-ups, SkillExtractor.resolve): computed
    # here so that the CLI does not normalise all ~110k surfaces at start-up
    label_extra: dict[str, list[int]] = {}
    for n, forms in enumerate(b.surfaces):
        for f in sorted({norm_phrase(f) for f in forms}):
            if f in b.forms and b.forms[f][1] == n:
                continue
            label_extra.setdefault(f, []).append(n)
    max_len: dict[str, int] = {}
    for key in keys:
        first, n = key.split(" ", 1)[0], key.count(" ") + 1
        max_len[first] = max(max_len.get(first, 0), n)
    return {
        "meta": {
            "sources": {
                "esco": "ESCO v1.1.1 (September 2022), European Commission, CC BY 4.0",
                "onet": "O*NET 30.2 Database, USDOL/ETA, CC BY 4.0 (Technology Skills examples)",
                "aliases": "screener/extract/data/aliases.yaml (hand-written)",
            },
            "inputs": {str(p.relative_to(taxonomy) if p.is_relative_to(taxonomy) else p.relative_to(ROOT)): sha256(p)
                       for p in inputs},
            "concepts": len(b.ids),
            "forms": len(keys),
        },
        "ids": [short_id(i) for i in b.ids],
        "labels": b.labels,
        "kinds": b.kinds,
        "tech": sorted(b.tech),
        "ict": sorted(ict),
        "senses": {k: senses[k] for k in sorted(senses)},
        "surfaces": b.surfaces,
        "related": [sorted(r) for r in related],
        "form_keys": keys,
        "form_concepts": [b.forms[k][1] for k in keys],
        "max_len": max_len,
        "label_extra": {k: label_extra[k] for k in sorted(label_extra)},
        "alias_keys": alias_keys,
        "derived_keys": derived_keys,
        "languages": languages,
        "common": common,
        "word_df": word_df,
        "token_forms": {t: c for t, c in sorted(in_forms.items()) if c >= 2},
        "token_heads": {t: c for t, c in sorted(heads.items()) if c >= 2},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--taxonomy", type=Path, default=ROOT.parent / "shared" / "data" / "taxonomy")
    ap.add_argument("--out", type=Path, default=LEXICON_FILE)
    args = ap.parse_args()
    payload = build(args.taxonomy.resolve())
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    # mtime=0 keeps the gzip bytes identical from one build to the next
    args.out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    meta = payload["meta"]
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes): {meta['concepts']:,} concepts, "  # type: ignore[index]
          f"{meta['forms']:,} forms")


if __name__ == "__main__":
    main()
