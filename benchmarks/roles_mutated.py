"""Did the parser learn the layouts or the words? Real-layout DOCX résumés with their words changed.

    .venv/bin/python benchmarks/roles_mutated.py [--k 3] [--seed 0] [--out /tmp/roles_mutated] [-v]

For every DOCX of ``../shared/data/resumes/gold_roles_real.jsonl`` (the Vanetik CVs; the PDFs are skipped) it
writes K copies outside the repository with the same XML structure but other words: each gold title, employer,
institution and credential replaced by an invented one of the same kind (``roles_mutated_words.json``), the
applicant's name, e-mail and phone changed, and every year shifted by one whole number of years per copy (kept
before 2026). A matching gold (the checker's format) goes beside the copies. The shared checker
``../shared/tools/roles_real_check.py`` then scores each document alone, originals and copies, and the figures
and each document's drop are printed: a document that drops depended on its words, not its layout.
Deterministic for a given --seed. Exits 0 (a benchmark prints; it does not gate).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.docx_mutation import Plan, docx_text, docx_years, fold, mutate_docx, pattern_for

ROOT = Path(__file__).resolve().parent.parent
WORDS_FILE = Path(__file__).with_name("roles_mutated_words.json")
LAST_YEAR = 2025
FIGURE = re.compile(r"dates (\d+)/(\d+).*exact (\d+)/(\d+).*education (\d+)/(\d+)")
Row = dict[str, Any]
Maker = Callable[[str], "str | None"]


def load_words(path: Path = WORDS_FILE) -> dict[str, Any]:
    words: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return words


def _word_set(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text)) if len(w) > 2}


class Namer:
    """Invented replacements of one kind at a time, never sharing a word with the original."""

    def __init__(self, rng: random.Random, words: dict[str, Any], avoid: Iterable[str]) -> None:
        self.rng, self.words = rng, words
        self.avoid = [pattern_for(a) for a in avoid if a.strip()]
        self.used: set[str] = set()
        self.title_forms: dict[str, str] = {}  # fold(invented title) -> the form it was made from
        self.levels: dict[str, str] = {}

    def _invented(self, syllables: int) -> str:
        return "".join(self.rng.choice(self.words["syllables"]) for _ in range(syllables)).capitalize()

    def _fill(self, form: str) -> str:
        acr = "".join(self.rng.choice("BCDFGKLMNPRSTVZ") for _ in range(self.rng.choice((2, 3, 4))))
        sen = self.rng.choice(self.words["title_seniority"]) or "Senior"
        values = {"W": self._invented(self.rng.choice((2, 3))), "W2": self._invented(2), "ACR": acr,
                  "P": self._invented(self.rng.choice((2, 3))), "Subject": self.rng.choice(self.words["subjects"]),
                  "sen": self.rng.choice(self.words["title_seniority"]), "sen2": sen,
                  "area": self.rng.choice(self.words["title_area"]), "role": self.rng.choice(self.words["title_role"])}
        return " ".join(form.format(**values).split())

    def _pick(self, original: str, forms: list[str]) -> str:
        banned = _word_set(original)
        for _ in range(50):
            new = self._fill(self.rng.choice(forms))
            if (fold(new) not in self.used and not banned & _word_set(new)
                    and not any(p.search(new) for p in self.avoid)):
                break
        self.used.add(fold(new))
        return new

    def title(self, original: str) -> str:
        form = self.rng.choice(self.words["title_forms"])
        new = self._pick(original, [form])
        self.title_forms[fold(new)] = form
        return new

    def employer(self, original: str) -> str:
        return self._pick(original, self.words["employer_forms"])

    def institution(self, original: str, kind: str) -> str:
        forms = self.words["institution_forms"]
        if kind in ("program", "secondary"):
            return self._pick(original, forms[kind])
        if re.fullmatch(r"[A-Z]{2,5}", original.strip()):
            return self._pick(original, forms["acronym"])
        low = original.casefold()
        # the kind of school its own name says it is (a college stays a college); else a university
        family = next((f for word, f in self.words["institution_keywords"].items() if word in low), "university")
        return self._pick(original, forms[family])

    def credential(self, original: str, kind: str) -> str | None:
        if kind == "program":
            return self._pick(original, [p.replace("{", "{{").replace("}", "}}") for p in self.words["programmes"]])
        swaps: dict[str, list[str]] = self.words["degree_level_swaps"]
        for level in sorted(swaps, key=len, reverse=True):
            m = re.search(rf"(?<![\w.]){re.escape(level)}(?![\w])", original, re.IGNORECASE)
            if not m or (len(level) <= 3 and m.group() != level):
                continue  # "MA" must not be "ma"
            # the same level word gets the same swap throughout the document, never one that reads as
            # another credential of this document ("Associate's" must not become its "Bachelor's")
            options = [lv for lv in swaps[level]
                       if not self._taken(original[: m.start()] + lv + original[m.end():])]
            if level not in self.levels and options:
                self.levels[level] = self.rng.choice(options)
            if level in self.levels:
                new_level = self.levels[level].lower() if m.group().islower() else self.levels[level]
                return original[: m.start()] + new_level + original[m.end():]
        return None

    def _taken(self, candidate: str) -> bool:
        return any(p.search(candidate) for p in self.avoid)

    def person(self) -> tuple[str, str]:
        return self.rng.choice(self.words["first_names"]), self.rng.choice(self.words["last_names"])


@dataclass
class FieldPlan:
    """How one gold field (e.g. a role's title) was planned: the strings looked for in the document."""

    doc: str
    what: str
    strings: list[str]
    found: bool = False  # one of the strings is in the original's text
    mutated: bool = False  # ... and none of them is left in the copy's text


@dataclass
class Mutation:
    gold: Row
    plan: Plan
    fields: list[FieldPlan] = field(default_factory=list)
    shift: int = 0
    title_forms: dict[str, str] = field(default_factory=dict)


def _plan_field(plan: Plan, entry: Row, key: str, make: Maker) -> list[str]:
    """Register a field's value and alternatives; alternatives that contain the value are derived later. Another
    reading takes the value's replacement ("Gemotest" as "Gemotest laboratory"), except a credential's, which is
    swapped on its own ("Specialist" beside "Specialist (M.Sc. analogue)")."""
    main = entry.get(key)
    alts = [a for a in entry.get(key + "_alt") or [] if isinstance(a, str)]
    if not isinstance(main, str) or not re.search(r"[^\W\d_]", main):
        main = None
    new = plan.replacement(main) if main else None
    if main and new is None:
        made = make(main)
        new = plan.add(main, made) if made is not None else None
    for a in alts:
        if (main and fold(main) in fold(a)) or plan.replacement(a):
            continue
        own = make(a) if key == "credential" or new is None else None
        chosen = own or new
        if chosen is None:
            continue
        plan.add(a, chosen)
        new = new or own
    return [s for s in [main, *alts] if s]


def _rewrite_field(plan: Plan, entry: Row, key: str) -> None:
    main = entry.get(key)
    if isinstance(main, str):
        entry[key] = plan.replacement(main) or main
    if entry.get(key + "_alt"):
        alts = [plan.replacement(a) or plan.apply(a) for a in entry[key + "_alt"]]
        entry[key + "_alt"] = [a for a in dict.fromkeys(alts) if fold(a) != fold(entry.get(key) or "")]


def shift_date(value: Any, shift: int) -> Any:
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2})?", value):
        return f"{int(value[:4]) + shift}{value[4:]}"
    return value


def plan_mutation(row: Row, src: Path, rng: random.Random, words: dict[str, Any]) -> Mutation:
    """The replacements for one document (titles, employers, schools, credentials, name) and its year shift."""
    roles, edu = row["roles"], row["education"]
    originals = [v for e in roles + edu for k in ("title", "company", "institution", "credential")
                 for v in [e.get(k), *(e.get(k + "_alt") or [])] if isinstance(v, str)]
    namer = Namer(rng, words, originals + ([row["name"]] if row.get("name") else []))
    plan, fields = Plan(), list[FieldPlan]()
    makers: list[tuple[str, Row, str, Maker]] = []
    for i, r in enumerate(roles):
        makers += [(f"role {i + 1}", r, "title", namer.title), (f"role {i + 1}", r, "company", namer.employer)]
    for i, e in enumerate(edu):
        kind = e.get("kind") or "degree"
        makers += [(f"education {i + 1}", e, "institution", partial(namer.institution, kind=kind)),
                   (f"education {i + 1}", e, "credential", partial(namer.credential, kind=kind))]
    # every value first, then alternatives, so an alternative that is another role's value keeps that value's
    # replacement ("Network Engineer" as a second reading of a title that is also the previous role's title)
    for pass_alts in (False, True):
        for where, entry, key, make in makers:
            got = _plan_field(plan, entry if pass_alts else {key: entry.get(key)}, key, make)
            if pass_alts and got:
                fields.append(FieldPlan(row["id"], f"{where} {key}", got))
    if row.get("name"):
        first, last = namer.person()
        parts = row["name"].split()
        plan.add(row["name"], f"{first} {last}")
        if len(parts) >= 2:
            plan.add(parts[0], first)
            plan.add(parts[-1], last)
        fields.append(FieldPlan(row["id"], "name", [row["name"]]))
    gold = json.loads(json.dumps(row))
    for entry in gold["roles"]:
        _rewrite_field(plan, entry, "title")
        _rewrite_field(plan, entry, "company")
    for entry in gold["education"]:
        _rewrite_field(plan, entry, "institution")
        _rewrite_field(plan, entry, "credential")
    if gold.get("name"):
        gold["name"] = plan.replacement(gold["name"])
    years = docx_years(src) + [int(v[:4]) for e in roles + edu for k in ("start", "end")
                               for v in [e.get(k)] if isinstance(v, str) and v[:4].isdigit()]
    lo, hi = (min(years), max(years)) if years else (2000, 2020)
    shifts = [d for d in range(-8, 9) if d and hi + d <= LAST_YEAR and lo + d >= 1950]
    shift = rng.choice(shifts) if shifts else 0
    for entry in gold["roles"] + gold["education"]:
        for k in ("start", "end"):
            if k in entry:
                entry[k] = shift_date(entry[k], shift)
    gold["notes"] = f"mutated copy of {row['id']} (years shifted by {shift:+d}); {row.get('notes', '')}"
    return Mutation(gold, plan, fields, shift, namer.title_forms)


def mutate_document(row: Row, data_root: Path, out_root: Path, copy: int, seed: int,
                    words: dict[str, Any]) -> Mutation:
    src = data_root / row["file"]
    rng = random.Random(f"{seed}:{row['id']}:{copy}")
    mutation = plan_mutation(row, src, rng, words)
    rel = f"m{copy}/{row['file']}"
    dst = out_root / rel
    user = ".".join((mutation.gold.get("name") or "applicant").split()).lower()
    mutate_docx(src, dst, mutation.plan, mutation.shift, rng, email_user=user)
    mutation.gold.update(id=f"{row['id']}~m{copy}", file=rel)
    before, after = docx_text(src), docx_text(dst)
    for f in mutation.fields:
        f.found = any(pattern_for(s).search(before) for s in f.strings)
        f.mutated = f.found and not any(pattern_for(s).search(after) for s in f.strings)
    return mutation


@dataclass
class Score:
    dates: tuple[int, int] = (0, 0)
    exact: tuple[int, int] = (0, 0)
    education: tuple[int, int] = (0, 0)
    misses: list[str] = field(default_factory=list)

    def __add__(self, other: Score) -> Score:
        def add(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
            return a[0] + b[0], a[1] + b[1]
        return Score(add(self.dates, other.dates), add(self.exact, other.exact),
                     add(self.education, other.education), self.misses + other.misses)

    def hits(self) -> int:
        return self.dates[0] + self.exact[0] + self.education[0]

    def total(self) -> int:
        return self.dates[1] + self.exact[1] + self.education[1]


def check_one(checker: Path, python: str, row: Row, root: Path, work: Path, checkout: Path) -> Score:
    """The shared checker on one document (a one-line gold), so figures add up per document."""
    safe = re.sub(r"[^\w.-]", "_", row["id"])
    gold = work / f"gold_{safe}.jsonl"
    gold.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    done = subprocess.run([python, str(checker), python, str(gold), str(root)], cwd=checkout,
                          capture_output=True, text=True)
    m = FIGURE.search(done.stdout)
    if not m:
        return Score(misses=[f"{row['id']}: checker failed: {done.stderr.strip()[-300:]}"])
    n = [int(x) for x in m.groups()]
    return Score((n[0], n[1]), (n[2], n[3]), (n[4], n[5]), done.stderr.strip().splitlines())


def pct(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]} ({100 * pair[0] / max(pair[1], 1):.0f}%)"


def outside(path: Path, *roots: Path) -> bool:
    path = path.resolve()
    return not any(path == r.resolve() or r.resolve() in path.parents for r in roots)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--k", type=int, default=3, help="mutated copies per document")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None, help="folder for the copies (default: a new temp folder)")
    ap.add_argument("--checkout", type=Path, default=ROOT,
                    help="the checkout whose parser runs (`python -m screener` from there)")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="", help="regex on document ids")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the misses on the copies")
    args = ap.parse_args()
    checker = args.shared / "tools" / "roles_real_check.py"
    gold_path = args.shared / "data" / "resumes" / "gold_roles_real.jsonl"
    if not checker.exists() or not gold_path.exists():
        print(f"skipped: {checker} or {gold_path} not found (the shared data is not part of a clone)")
        return 0
    out = args.out or Path(tempfile.mkdtemp(prefix="roles_mutated_"))
    if not outside(out, ROOT, args.shared, args.checkout):
        print(f"refused: {out} is inside the repository or ../shared")
        return 2
    out.mkdir(parents=True, exist_ok=True)
    data_root = gold_path.parent
    words = load_words()
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["file"].endswith(".docx") and re.search(args.only, r["id"])]
    mutations = [mutate_document(r, data_root, out, k, args.seed, words) for r in rows for k in range(args.k)]
    mutated_gold = out / "gold_mutated.jsonl"
    mutated_gold.write_text("".join(json.dumps(m.gold, ensure_ascii=False) + "\n" for m in mutations),
                            encoding="utf-8")
    work = out / "per_document"
    work.mkdir(exist_ok=True)
    jobs = [(r, data_root) for r in rows] + [(m.gold, out) for m in mutations]
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        scores = list(pool.map(lambda j: check_one(checker, args.python, j[0], j[1], work, args.checkout), jobs))
    report(args, rows, mutations, scores, out, mutated_gold)
    return 0


def by_form(mutations: list[Mutation], scores: list[Score]) -> None:
    """Exact roles on the copies by the form of the invented title ('Head of {area}', ...): a form that fails
    far more often than the others names words the parser depends on."""
    seen: dict[str, list[int]] = {}
    for m, s in zip(mutations, scores, strict=True):
        for r in m.gold["roles"]:
            form = m.title_forms.get(fold(r.get("title") or ""), "title not replaced")
            line = f"{m.gold['id']}: role {r['title']!r} @ {r['company']!r} {r['start']}–{r['end']}"
            found = not any(x.startswith(line) for x in s.misses)
            seen.setdefault(form, [0, 0])[0] += found
            seen[form][1] += 1
    print("\nexact roles on the copies by the form of the invented title:")
    for form, (hits, n) in sorted(seen.items(), key=lambda kv: kv[1][0] / kv[1][1]):
        print(f"  {form:<22} {pct((hits, n))}")


def parser_version(checkout: Path) -> str:
    """The commit the parser runs at, and whether screener/ has uncommitted changes there."""
    git = ["git", "-C", str(checkout)]
    commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    if not commit or not (checkout / ".git").exists():
        return "(not a git checkout: say which commit it was exported from)"
    dirty = subprocess.run([*git, "status", "--porcelain", "screener"], capture_output=True, text=True).stdout
    return f"at {commit}" + (" + uncommitted changes in screener/" if dirty.strip() else "")


def report(args: argparse.Namespace, rows: list[Row], mutations: list[Mutation], scores: list[Score],
           out: Path, mutated_gold: Path) -> None:
    base = {r["id"]: s for r, s in zip(rows, scores[: len(rows)], strict=True)}
    copies: dict[str, list[tuple[Mutation, Score]]] = {}
    for m, s in zip(mutations, scores[len(rows):], strict=True):
        copies.setdefault(m.gold["id"].split("~")[0], []).append((m, s))
    fields = [f for m in mutations for f in m.fields]
    done = sum(f.mutated for f in fields)
    print(f"parser: {args.checkout} {parser_version(args.checkout)}")
    print(f"{len(rows)} DOCX documents x {args.k} copies (seed {args.seed}) in {out}; "
          f"gold strings mutated {done}/{len(fields)}")
    orig = sum(base.values(), Score())
    mut = sum((s for pairs in copies.values() for _, s in pairs), Score())
    k = max(args.k, 1)
    print(f"originals: dates {pct(orig.dates)}, roles exact {pct(orig.exact)}, education {pct(orig.education)}")
    print(f"mutated:   dates {pct(mut.dates)}, roles exact {pct(mut.exact)}, education {pct(mut.education)}"
          f"  (over {k} copies)")
    print("\nper document: hits on the original -> mean hits on the copies (dates + exact + education), drop")
    lines = []
    for r in rows:
        b, pairs = base[r["id"]], copies.get(r["id"], [])
        mean = sum(s.hits() for _, s in pairs) / max(len(pairs), 1)
        per = " ".join(f"{s.dates[0]}/{s.exact[0]}/{s.education[0]}" for _, s in pairs)
        lines.append((b.hits() - mean, f"{r['id']:<14} {b.dates[0]}/{b.exact[0]}/{b.education[0]} of "
                      f"{b.dates[1]}/{b.exact[1]}/{b.education[1]} -> {per}"))
    for drop, line in sorted(lines, key=lambda x: -x[0]):
        print(f"  {line}   drop {drop:+.1f}")
    by_form(mutations, scores[len(rows):])
    missed = [f"{f.doc}: {f.what} {f.strings[0]!r}" + ("" if f.found else " (not in the text as written)")
              for f in fields if not f.mutated]
    if missed:
        print(f"\nnot mutated (left as in the original, {len(missed)}; distinct shown):")
        for line in dict.fromkeys(missed):
            print(f"  {line}")
    if args.verbose:
        print("\nmisses on the copies that the original did not have (checker's words):")
        for rid, pairs in copies.items():
            for _, s in pairs:
                if s.hits() < base[rid].hits():
                    for line in s.misses[:6]:
                        print(f"  {line[:400]}")
    print(f"\nrerun the checker on all copies: python3 {args.shared}/tools/roles_real_check.py {args.python} "
          f"{mutated_gold} {out}")


if __name__ == "__main__":
    raise SystemExit(main())
