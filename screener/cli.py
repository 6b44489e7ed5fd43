"""``python -m screener``: every action of the app from a shell.

    python -m screener parse resume.pdf --json
    python -m screener screen --rubric rubrics/software-engineer.yaml sample_data/ --out results.csv
    python -m screener badge verify badge.json --offline-map map.json --email a@example.com --json
    python -m screener equivalency "Bacharel em Engenharia Mecânica" --country BR --json
    python -m screener rubric check rubrics/software-engineer.yaml
    python -m screener rubric draft --from-job posting.pdf --out draft.yaml

Exit codes: 0 success, 2 bad input (one clear line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from .errors import ScreenerError, UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see 'python -m screener {self.prog.split()[-1]} --help')"
                         if " " in self.prog else f"{message} (see 'python -m screener --help')")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of {text!r}: use a date like 2026-12-01") from None


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def profile_json(path: Path, *, as_of: date) -> dict[str, Any]:
    """The ``parse`` contract: the profile of one file as JSON. Reading, parsing and extraction all run in a
    sandboxed worker (time and memory limits), like screening: this process never parses the file."""
    import functools

    from .ingest.sandbox import SandboxPool
    from .pipeline import read_inputs

    [f] = read_inputs([path], max_bytes=10 * 1024 * 1024)
    if f.error is not None:
        raise f.error
    from .extract import get_extractor

    get_extractor()  # loaded here once (the project's own data): each forked worker shares it
    with SandboxPool(functools.partial(_profile_task, as_of), 1) as pool:
        [(_, result)] = list(pool.run_many([(f.name, f.data or b"")]))
    if isinstance(result, ScreenerError):
        raise result
    return dict(result)


def _profile_task(as_of: date, name: str, data: bytes) -> dict[str, Any]:
    """In the sandboxed worker: bytes → the ``parse`` JSON."""
    from .badges.discover import find_badge_links
    from .ingest import ingest_bytes
    from .models import to_jsonable
    from .parse.education_kinds import CONTRACT_KIND
    from .pipeline import build_profile, equivalency_notes
    from .score.levels import skill_experience

    doc = ingest_bytes(data, name)
    prof = build_profile(doc, as_of=as_of)
    notes = equivalency_notes(prof)

    def role_json(r: Any) -> dict[str, Any]:
        block = prof.skills
        skills = sorted({m.label for m in block if r.span[0] <= m.start < r.span[1]})
        return {"title": r.title, "employer": r.employer, "location": r.location,
                "start": r.start_label(), "end": r.end_label(), "date_text": r.date_text,
                "skills": skills}

    education = []
    for e in prof.education:
        note = next((n for n in notes if n.credential == (e.credential or e.institution)
                     and n.institution == e.institution), None)
        education.append({"institution": e.institution, "credential": e.credential, "field": e.field,
                          "country": e.country or (note.country if note else ""),
                          "start": str(e.start) if e.start else None, "end": str(e.end) if e.end else None,
                          "grade": e.grade, "kind": CONTRACT_KIND[e.kind], "kind_detail": e.kind,
                          "in_progress": e.in_progress,
                          "equivalency": to_jsonable(note) if note else None})
    return {
        "file": doc.file,
        "kind": doc.kind,
        "contact": to_jsonable(prof.contact),
        "sections": [{"name": s.name, "heading": s.heading, "start": s.start, "end": s.end} for s in prof.sections],
        "skills": [{"text": m.text, "id": m.id, "label": m.label, "start": m.start, "end": m.end,
                    "section": m.section} for m in prof.skills],
        "roles": [role_json(r) for r in prof.roles],
        "education": education,
        "certifications": [{"name": c.name, "issuer": c.issuer, "date": str(c.date) if c.date else None,
                            "kind": c.kind, "url": c.url, "in_progress": c.in_progress} for c in prof.certifications],
        "languages": [to_jsonable(x) for x in prof.languages],
        "projects": [p.name for p in prof.projects],
        "skill_experience": [to_jsonable(x) for x in skill_experience(prof, as_of=as_of)],
        "badges": [to_jsonable(b) for b in find_badge_links(doc.text, doc.links)],
        "links": [to_jsonable(x) for x in doc.links],
        "health": {"ok": not any(h.severity != "info" for h in doc.health),
                   "flags": [to_jsonable(h) for h in doc.health]},
    }


def _cmd_parse(args: argparse.Namespace) -> int:
    data = profile_json(Path(args.file), as_of=args.as_of or date.today())
    if args.json:
        _print_json(data)
    else:
        print(f"{data['file']}: {len(data['skills'])} skills, {len(data['roles'])} roles, "
              f"{len(data['education'])} education entries")
        for r in data["roles"]:
            print(f"  {r['start']} – {r['end']}  {r['title']} — {r['employer']}")
    return 0


def _cmd_badge_verify(args: argparse.Namespace) -> int:
    from .badges import verify_file_or_url

    offline = Path(args.offline_map) if args.offline_map else None
    if offline is not None and not offline.is_file():
        raise UsageError(f"--offline-map {offline}: file not found")
    target = args.target
    if "://" not in target and not Path(target).exists():
        raise UsageError(f"{target}: no such file (give a badge file or an http(s) URL)")
    v = verify_file_or_url(target, offline_map=offline, email=args.email)
    if args.json:
        _print_json(v.to_json())
    else:
        print(f"{v.verdict}: " + "; ".join(v.reasons))
    return 0


def _cmd_equivalency(args: argparse.Namespace) -> int:
    from .credentials import lookup_equivalency

    if not args.credential.strip():
        raise UsageError("give the credential text, e.g. \"B.Tech in Computer Science\"")
    eq = lookup_equivalency(args.credential, country=args.country)
    if args.json:
        _print_json(eq.to_json())
    else:
        print(eq.note)
    return 0


def _cmd_rubric_check(args: argparse.Namespace) -> int:
    from .rubric import LEVEL_NAMES, RubricProblems, load_rubric, rubric_warnings

    try:
        r = load_rubric(args.file)
    except RubricProblems as exc:  # one line per problem, each naming the field in words
        for problem in exc.problems:
            print(f"error: {exc.source}: {problem}", file=sys.stderr)
        return 2
    print(f"{args.file}: OK — {r.role}, {len(r.competencies)} competencies")
    for c in r.competencies:
        flag = " (must-have)" if c.must_have else ""
        print(f"  {r.weight_share(c):6.1%}  {c.name}: level {c.required_level} "
              f"({LEVEL_NAMES[c.required_level]}){flag}")
    for w in rubric_warnings(r):
        print(f"warning: {w}", file=sys.stderr)
    return 0


def _cmd_rubric_diff(args: argparse.Namespace) -> int:
    from .authoring.compare import compare_runs
    from .store import open_store

    with open_store(args.db) as store:
        diffs = compare_runs(store, args.run_before, args.run_after, candidate_code=args.candidate)
    if args.json:
        _print_json([d.to_json() for d in diffs])
    else:
        for d in diffs:
            print("\n".join(d.lines()))
    return 0


def _cmd_rubric_draft(args: argparse.Namespace) -> int:
    from .authoring.draft import draft_cli

    return draft_cli(from_job=args.from_job, from_occupation=args.from_occupation, out=args.out,
                     stdin=sys.stdin)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="screener", description="Skills Screener: skills-based screening with quoted evidence.")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    sp = sub.add_parser("parse", help="parse one résumé and print its profile")
    sp.add_argument("file")
    sp.add_argument("--json", action="store_true", help="print the profile as JSON")
    sp.add_argument("--as-of", type=_date, help="date used for 'present' (default: today)")
    sp.set_defaults(func=_cmd_parse)

    from .cli_runs import register as register_runs  # screen, screen --resume, runs list/export/delete

    register_runs(sub)

    sb = sub.add_parser("badge", help="digital badges")
    sb.set_defaults(help_of=sb)
    bsub = sb.add_subparsers(dest="badge_command", parser_class=_Parser)
    bv = bsub.add_parser("verify", help="verify one badge file or URL")
    bv.add_argument("target", metavar="FILE_OR_URL")
    bv.add_argument("--offline-map")
    bv.add_argument("--email")
    bv.add_argument("--json", action="store_true")
    bv.set_defaults(func=_cmd_badge_verify)

    se = sub.add_parser("equivalency", help="U.S. equivalency note for a credential")
    se.add_argument("credential")
    se.add_argument("--country", help="ISO country code or name")
    se.add_argument("--json", action="store_true")
    se.set_defaults(func=_cmd_equivalency)

    sr = sub.add_parser("rubric", help="rubrics")
    sr.set_defaults(help_of=sr)
    rsub = sr.add_subparsers(dest="rubric_command", parser_class=_Parser)
    rc = rsub.add_parser("check", help="validate a rubric file")
    rc.add_argument("file")
    rc.set_defaults(func=_cmd_rubric_check)
    rd = rsub.add_parser("draft", help="draft a rubric from a job posting or an ESCO / O*NET occupation")
    src = rd.add_mutually_exclusive_group(required=True)
    src.add_argument("--from-job", metavar="FILE", help="a TXT, PDF or DOCX job posting, or - for stdin")
    src.add_argument("--from-occupation", metavar="CODE_OR_TITLE",
                     help='an O*NET-SOC code ("15-2051.00"), an ESCO occupation URI, or a title')
    rd.add_argument("--out", required=True, metavar="R.yaml", help="where to write the draft rubric")
    rd.set_defaults(func=_cmd_rubric_draft)
    rf = rsub.add_parser("diff", help="what moved for each candidate between two runs (two rubric versions)")
    rf.add_argument("run_before", metavar="RUN_BEFORE")
    rf.add_argument("run_after", metavar="RUN_AFTER")
    rf.add_argument("--candidate", metavar="CODE", help="one candidate's code (C-…) only")
    rf.add_argument("--db", help="screening database (default: $SCREENER_DB or the per-user data folder)")
    rf.add_argument("--json", action="store_true")
    rf.set_defaults(func=_cmd_rubric_diff)
    from .cli_fairness import register as register_fairness  # fairness, log, explain, retention, purge, erase

    register_fairness(sub)
    from .cli_workflow import register as register_workflow  # shortlist, duplicates, scorecard, summary

    register_workflow(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not hasattr(args, "func"):
            getattr(args, "help_of", parser).print_help(sys.stderr)
            return 2
        return int(args.func(args))
    except ScreenerError as exc:
        print(f"error: {exc.user_message()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug, not bad input: one line, exit 1; SCREENER_DEBUG=1 shows the traceback
        if os.environ.get("SCREENER_DEBUG"):
            raise
        print(f"error: internal error ({type(exc).__name__}: {exc}); please report it with the input that "
              "caused it", file=sys.stderr)
        return 1
