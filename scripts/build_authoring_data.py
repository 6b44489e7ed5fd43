"""Build ``screener/authoring/data/occupations.json.gz``: what drafting a rubric needs from ESCO and O*NET.

Run from the repository root with the taxonomy folder (read at build time only; nothing reads it at run time)::

    .venv/bin/python scripts/build_authoring_data.py ../shared/data/taxonomy

It writes, compactly:

* ESCO occupations: short id, preferred label, ESCO code, up to 6 alternative labels, essential skill ids;
* O*NET-SOC occupations: code, title, technology examples (hot technologies first, at most 40);
* a skill group for every ESCO skill (its level-3 group in the ESCO skills hierarchy, else level 2) and for every
  O*NET technology example (our own group names over O*NET's technology categories; no UNSPSC code or title is
  shipped), so a draft can put related skills into one competency.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "screener" / "authoring" / "data" / "occupations.json.gz"
ESCO_PREFIX = "http://data.europa.eu/esco/"

# Our group names for O*NET technology categories (keyed by the category's code in O*NET's data).
TOOL_GROUPS: dict[str, str] = {
    "43232405": "Programming and software development", "43232402": "Programming and software development", "43232409": "Programming and software development",
    "43232408": "Web development", "43232107": "Web development", "43232404": "Web development",
    "43232306": "Databases and SQL", "43232304": "Databases and SQL", "43232311": "Databases and SQL",
    "43232305": "Databases and SQL", "43232310": "Databases and SQL",
    "43232314": "Data analysis and reporting", "43232307": "Data analysis and reporting",
    "43232605": "Data analysis and reporting", "43232105": "Data analysis and reporting",
    "43232806": "Cloud and infrastructure", "43233513": "Cloud and infrastructure",
    "43232701": "Cloud and infrastructure", "43233004": "Cloud and infrastructure",
    "43232302": "Cloud and infrastructure", "43232907": "Cloud and infrastructure",
    "43233701": "Cloud and infrastructure", "43232917": "Cloud and infrastructure",
    "43232401": "DevOps and testing", "43232406": "DevOps and testing", "43232203": "DevOps and testing",
    "43232403": "Integration and messaging", "43232313": "Integration and messaging",
    "43232104": "Office tools", "43232110": "Office tools", "43231513": "Office tools", "43232106": "Office tools",
    "43233501": "Office tools", "43232108": "Office tools", "43232112": "Office tools", "43233502": "Office tools",
    "43233504": "Office tools", "43232705": "Office tools", "43232702": "Office tools", "43232202": "Office tools",
    "43232604": "CAD and CAM", "43232612": "CAD and CAM", "43232614": "CAD and CAM", "43232101": "CAD and CAM",
    "43231602": "Business systems (ERP, CRM)", "43232303": "Business systems (ERP, CRM)",
    "43231505": "Business systems (ERP, CRM)", "43231508": "Business systems (ERP, CRM)",
    "43231506": "Business systems (ERP, CRM)", "43231503": "Business systems (ERP, CRM)",
    "43232611": "Business systems (ERP, CRM)", "43231514": "Business systems (ERP, CRM)",
    "43231601": "Accounting and finance software", "43231604": "Accounting and finance software",
    "43231603": "Accounting and finance software", "43231607": "Accounting and finance software",
    "43231605": "Accounting and finance software", "43232620": "Accounting and finance software",
    "43231516": "Accounting and finance software",
    "43231507": "Project management", "43231518": "Project management", "43232407": "Project management",
    "43232610": "Clinical and medical software",
    "43232102": "Design and media", "43232103": "Design and media", "43232005": "Design and media",
    "43232510": "GIS and mapping", "43233506": "GIS and mapping", "43232504": "GIS and mapping",
    "43232801": "Networking and security", "43233205": "Networking and security",
    "43233204": "Networking and security", "43233203": "Networking and security",
    "43233201": "Networking and security", "43232908": "Networking and security",
    "43233206": "Networking and security", "43232804": "Networking and security",
    "43232608": "Industrial control", "43232607": "Industrial control", "43232613": "Industrial control",
}


def slug(text: str) -> str:  # the lexicon's slug (screener.extract.lexicon.slug)
    return re.sub(r"[^a-z0-9+#.]+", "-", unicodedata.normalize("NFKC", text).casefold()).strip("-")


def short(uri: str) -> str:
    return "e:" + uri.rsplit("/", 1)[-1]


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def esco_groups(esco: Path) -> dict[str, str]:
    """ESCO skill id → label of its level-3 (else level-2) group in the skills hierarchy."""
    level_of: dict[str, tuple[int, str]] = {}
    for r in read_csv(esco / "skillsHierarchy_en.csv"):
        for lv in (1, 2, 3):
            uri, label = r.get(f"Level {lv} URI") or "", r.get(f"Level {lv} preferred term") or ""
            if uri and label:
                level_of.setdefault(uri, (lv, label.strip()))
    broader: dict[str, list[str]] = defaultdict(list)
    for r in read_csv(esco / "broaderRelationsSkillPillar.csv"):
        broader[r["conceptUri"]].append(r["broaderUri"])
    out: dict[str, str] = {}
    for r in read_csv(esco / "skills_en.csv"):
        uri = r["conceptUri"]
        best: tuple[int, str] | None = None
        frontier, seen = [uri], {uri}
        for _ in range(8):  # walk up the hierarchy breadth-first
            nxt = []
            for u in frontier:
                if u in level_of and u != uri:
                    lv, label = level_of[u]
                    if lv >= 2 and (best is None or lv > best[0]):
                        best = (lv, label)
                for b in broader.get(u, []):
                    if b not in seen:
                        seen.add(b)
                        nxt.append(b)
            if best is not None or not nxt:
                break
            frontier = nxt
        if best is not None:
            out[short(uri)] = best[1]
    return out


def build(taxonomy: Path) -> dict[str, object]:
    esco, onet = taxonomy / "esco-v1.1.1", taxonomy / "onet-30.2"
    label_of = {short(r["conceptUri"]): r["preferredLabel"].strip() for r in read_csv(esco / "skills_en.csv")}
    group_of: dict[str, str] = {label_of[k]: v for k, v in esco_groups(esco).items() if k in label_of}
    essential: dict[str, list[str]] = defaultdict(list)
    for r in read_csv(esco / "occupationSkillRelations.csv"):
        if r["relationType"] == "essential" and short(r["skillUri"]) in label_of:
            essential[r["occupationUri"]].append(label_of[short(r["skillUri"])])
    tools: dict[str, list[tuple[int, str]]] = defaultdict(list)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for r in read_csv(onet / "Technology Skills.txt", delimiter="\t"):
        rank = 0 if r["Hot Technology"] == "Y" else 1 if r["In Demand"] == "Y" else 2
        tools[r["O*NET-SOC Code"]].append((rank, r["Example"].strip()))
        group = TOOL_GROUPS.get(r["Commodity Code"])
        if group:
            votes[r["Example"].strip()][group] += 1
    # a technology's most frequent category (over the occupations listing it) wins over ESCO's group
    tool_group = {name: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for name, c in votes.items()}
    group_of.update(tool_group)
    onet_rows = read_csv(onet / "Occupation Data.txt", delimiter="\t")
    onet_tools = {r["O*NET-SOC Code"]: list(dict.fromkeys(n for _, n in sorted(set(tools.get(r["O*NET-SOC Code"], [])))))[:40]
                  for r in onet_rows}
    names = sorted(set(group_of) | {s for v in essential.values() for s in v} | {t for v in onet_tools.values() for t in v})
    index = {n: i for i, n in enumerate(names)}
    group_names = sorted(set(group_of.values()))
    gindex = {g: i for i, g in enumerate(group_names)}
    occupations = []
    for r in sorted(read_csv(esco / "occupations_en.csv"), key=lambda r: r["preferredLabel"]):
        alts = [a.strip() for a in r["altLabels"].split("\n") if a.strip()][:6]
        occupations.append([r["conceptUri"].rsplit("/", 1)[-1], r["preferredLabel"].strip(), r["code"].strip(), alts,
                            sorted({index[s] for s in essential.get(r["conceptUri"], [])})])
    onet_occ = [[r["O*NET-SOC Code"], r["Title"].strip(), [index[t] for t in onet_tools[r["O*NET-SOC Code"]]]]
                for r in onet_rows]
    return {
        "meta": {
            "esco": "ESCO v1.1.1, © European Union 2022, CC BY 4.0 (occupations, essential skills, skill groups)",
            "onet": "O*NET 30.2 Database, USDOL/ETA, CC BY 4.0 (Occupation Data, Technology Skills examples); "
                    "modified: examples ranked and grouped under our own names",
        },
        "skills": names,
        "skill_group": [gindex[group_of[n]] if n in group_of else -1 for n in names],
        "group_names": group_names,
        "esco": occupations,
        "onet": onet_occ,
    }


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: build_authoring_data.py TAXONOMY_DIR")
    payload = build(Path(sys.argv[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write(json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode())
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
