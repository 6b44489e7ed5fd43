"""Counterfactual names: does renaming a candidate to a skill-word surname move the score?

Takes ~40 development résumés (plain-text dotin résumés whose name is found in the top lines), writes each one's
name as a neutral name and as a name whose surname is a skill word (Helm, Go, Kafka, Sparks, Scala, Rust, Swift,
Pascal, Ruby), in the name line, the e-mail address, a profile URL in the contact block and — inside the first
role — a page footer ("Jonas Helm 2") and a profile link, then screens both through the real pipeline and prints
how many scores moved and by how much (and how many ranks moved), per name.

    python benchmarks/counterfactual.py                      # software-engineer rubric, 40 résumés
    python benchmarks/counterfactual.py --rubric rubrics/data-engineer.yaml --n 60
    python benchmarks/counterfactual.py --form pronouns      # the name line as "Ruby Chen (she/her)"

``--form`` writes the name line another way people write it: ``pronouns`` ("Ruby Chen (she/her)"),
``surname-first`` ("Chen, Ruby", also in the footer), ``two-lines`` ("RUBY" / "CHEN"), ``spaced`` ("R U B Y   C H E N").

Figures are per CPU second (``time.process_time``) beside wall time: the host is shared.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screener.models import Document  # noqa: E402
from screener.parse import parse_document  # noqa: E402
from screener.parse.contact import find_name  # noqa: E402
from screener.pipeline import ScreenOptions, screen  # noqa: E402
from screener.rubric import load_rubric  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "resumes" / "dotin" / "text"
NEUTRAL = "Jonas Berg"
SKILL_NAMES = ["Jonas Helm", "Go Eun-ji", "Mia Kafka", "Jo Sparks", "Giulia Scala", "Ana Rust", "Ben Swift",
               "Blaise Pascal", "Ruby Chen"]
AS_OF = date(2026, 12, 1)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def template(text: str) -> str | None:
    """The résumé with its name replaced by {NAME} (and {SLUG} in the e-mail, a profile URL, a footer), or None
    when its name is not found in the top lines."""
    name, at = find_name(text)
    if not name or at < 0 or at > 120:
        return None
    t = text.replace(name, "{NAME}")
    t = re.sub(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)", r"{SLUG}@\1", t)
    nl = t.find("\n", t.index("{NAME}"))
    nl = len(t) if nl == -1 else nl
    t = t[:nl] + "\nlinkedin.com/in/{SLUG}" + t[nl:]
    rendered = render(t, NEUTRAL)
    prof = parse_document(Document(file="cv.txt", kind="txt", text=rendered), today=AS_OF)
    if prof.roles:
        r = prof.roles[0]
        first_end = rendered.find("\n", r.span[0])
        second_end = rendered.find("\n", first_end + 1) if first_end != -1 else -1
        if second_end != -1 and second_end < r.span[1]:
            line = rendered[first_end + 1:second_end]
            i = t.find(line) if line.strip() else -1
            if i != -1:
                j = i + len(line)
                t = t[:j] + "\n{NAME} 2\nProfile: github.com/{SLUG}" + t[j:]
    return t


FORMS = ("plain", "pronouns", "surname-first", "two-lines", "spaced")


def written(name: str, form: str) -> str:
    """The name line of ``name`` written in ``form``."""
    given, _, surname = name.rpartition(" ")
    if form == "pronouns":
        return f"{name} (she/her)"
    if form == "surname-first":
        return f"{surname}, {given}"
    if form == "two-lines":
        return f"{given.upper()}\n{surname.upper()}"
    if form == "spaced":
        return "   ".join(" ".join(w.upper()) for w in name.split())
    return name


def render(t: str, name: str, form: str = "plain") -> str:
    footer = f"{name.rpartition(' ')[2]}, {name.rpartition(' ')[0]}" if form == "surname-first" else name
    t = t.replace("{NAME}", written(name, form), 1)
    return t.replace("{NAME}", footer).replace("{SLUG}", slug(name))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rubric", default=str(ROOT / "rubrics" / "software-engineer.yaml"))
    ap.add_argument("--data", default=str(DATA), help="folder of plain-text résumés")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--names", nargs="+", default=SKILL_NAMES, help="names to try (each on every résumé)")
    ap.add_argument("--form", choices=FORMS, default="plain", help="how the name line is written")
    args = ap.parse_args(argv)
    folder = Path(args.data)
    if not folder.is_dir():
        print(f"no résumé folder at {folder}", file=sys.stderr)
        return 2
    rubric = load_rubric(args.rubric)
    templates: dict[str, str] = {}
    for p in sorted(folder.glob("*.txt")):
        t = template(p.read_text(encoding="utf-8", errors="replace"))
        if t is not None:
            templates[p.name] = t
        if len(templates) == args.n:
            break
    opts = ScreenOptions(as_of=AS_OF, sandbox=False)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    base = screen(rubric, [(f, render(t, NEUTRAL, args.form).encode()) for f, t in templates.items()],
                  options=opts).results
    base_score = {r.file: r.overall for r in base}
    base_rank = {r.file: i for i, r in enumerate(base, 1)}
    files = list(templates)
    n = len(files)
    print(f"rubric: {rubric.role}; résumés: {n} (from {folder}); neutral name: {NEUTRAL}; name line: {args.form}")
    total_moved = 0
    all_moves: list[float] = []
    for name in args.names:
        res = screen(rubric, [(f, render(templates[f], name, args.form).encode()) for f in files],
                     options=opts).results
        moves = [(r.overall or 0.0) - (base_score[r.file] or 0.0) for r in res]
        moves = [d for d in moves if abs(d) > 1e-9]
        ranks = sum(1 for i, r in enumerate(res, 1) if i != base_rank[r.file])
        total_moved += len(moves)
        all_moves += moves
        print(f"  {name:<14} {len(moves):>3} of {n} scores moved"
              + (f" ({min(moves):+.1f} to {max(moves):+.1f} points)" if moves else "")
              + f"; {ranks} of {n} ranks moved")
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    print(f"all names: {total_moved} of {n * len(args.names)} scores moved"
          + (f", by {min(all_moves):+.1f} to {max(all_moves):+.1f} points" if all_moves else ""))
    print(f"time: {cpu:.1f} CPU s ({wall:.1f} s wall) for {n * (len(args.names) + 1)} screenings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
