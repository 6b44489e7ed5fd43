"""CLI for the hiring team's workflow on a stored run (the app's Screen, Candidate and Compare actions):

    python -m screener shortlist RUN_ID --out ranking.csv|ranking.xlsx [--no-blind]   # ranking with decisions
    python -m screener duplicates RUN_ID [--json]                                    # possible duplicates
    python -m screener scorecard RUN_ID CANDIDATE --reviewer NAME --rate "Python=3:led the migration" …
    python -m screener scorecard RUN_ID CANDIDATE [--json]                           # reviewers vs the screener
    python -m screener summary RUN_ID CANDIDATE --out summary.html [--no-blind]      # one-page panel summary

Blind review is on by default for what is shared (as in the app); ``--no-blind`` shows names.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .errors import ScreenerError, UsageError


def _store(db: str | None) -> Any:
    from .store import open_store, resolve_db_path

    path = resolve_db_path(db)
    if not path.is_file():
        raise UsageError(f"{path}: no screening database there (give --db or set SCREENER_DB)")
    return open_store(db)


def _names(store: Any, run: Any) -> list[str]:
    from .pipeline import run_rubric

    try:
        return [c.name for c in run_rubric(store, run.run_id).competencies]
    except ScreenerError:
        names: list[str] = []
        for r in run.results:
            names += [c.name for c in r.competencies if c.name not in names]
        return names


def _result(run: Any, candidate: str) -> tuple[int, Any]:
    from .fairness.redact import result_code

    for i, r in enumerate(run.results, start=1):
        if result_code(r) == candidate or r.file == candidate:
            return i, r
    raise UsageError(f"run {run.run_id} has no candidate {candidate!r} (give the code, e.g. C-1a2b3c4d)")


def _cmd_shortlist(args: argparse.Namespace) -> int:
    from .exports import write_private
    from .pipeline import load_run
    from .store.decisions import latest_decisions
    from .workflow.duplicates import find_duplicates
    from .workflow.exports import ranking_csv_bytes, ranking_with_decisions, ranking_xlsx_bytes

    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError(f"{out.name}: use a .csv or .xlsx file name")
    with _store(args.db) as store:
        run = load_run(store, args.run_id)
        rows = ranking_with_decisions(run, _names(store, run), decisions=latest_decisions(store, args.run_id),
                                      duplicates=find_duplicates(run.results), blind=not args.no_blind)
    write_private(out, ranking_csv_bytes(rows) if out.suffix.lower() == ".csv" else ranking_xlsx_bytes(rows))
    print(f"run {args.run_id}: {len(rows)} rows with decisions written to {out}", file=sys.stderr)
    return 0


def _cmd_duplicates(args: argparse.Namespace) -> int:
    from .fairness.redact import result_code
    from .pipeline import load_run
    from .workflow.duplicates import find_duplicates

    with _store(args.db) as store:
        run = load_run(store, args.run_id)
    dups = find_duplicates(run.results)
    found = {result_code(r): [{"code": m.code, "signals": list(m.signals)} for m in dups.of(result_code(r))]
             for r in run.results if dups.of(result_code(r))}
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        groups = dups.groups()
        for g in groups:
            first = sorted(g)[0]
            print(f"{', '.join(sorted(g))}: " + "; ".join(sorted({s for m in dups.of(first) for s in m.signals})))
        print(f"{len(groups)} group(s) of possible duplicates among {len(run.results)} files", file=sys.stderr)
    return 0


def _parse_rate(text: str) -> tuple[str, int, str]:
    name, sep, rest = text.partition("=")
    value, _, comment = rest.partition(":")
    if not sep or not name.strip() or value.strip() not in ("1", "2", "3", "4"):
        raise UsageError(f"--rate {text!r}: write COMPETENCY=RATING[:comment] with a rating of 1, 2, 3 or 4")
    return name.strip(), int(value), comment.strip()


def _cmd_scorecard(args: argparse.Namespace) -> int:
    from .pipeline import load_run
    from .workflow.scorecards import agreement, latest_ratings, record_scorecard

    with _store(args.db) as store:
        run = load_run(store, args.run_id)  # with the documents: codes come from their sha256
        _, result = _result(run, args.candidate)
        from .fairness.redact import result_code

        code = result_code(result)
        levels = {c.name: c.level for c in result.competencies}
        names = [c.name for c in result.competencies]
        if args.rate:
            if not args.reviewer:
                raise UsageError("--reviewer NAME is required to record ratings")
            parsed = [_parse_rate(t) for t in args.rate]
            saved = record_scorecard(store, args.run_id, code, reviewer=args.reviewer,
                                     ratings={n: (v, c) for n, v, c in parsed}, screener_levels=levels,
                                     competencies=names)
            print(f"recorded {len(saved)} rating(s) of {code} by {args.reviewer.strip()}", file=sys.stderr)
        rows = agreement(latest_ratings(store, args.run_id, code), levels, names)
    if args.json:
        print(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r.competency}: screener level {r.screener_level} — {r.words}")
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    from .exports import write_private
    from .fairness.redact import blind_run, result_code
    from .pipeline import load_run
    from .store.decisions import decisions
    from .workflow.duplicates import find_duplicates
    from .workflow.exports import candidate_summary_html
    from .workflow.scorecards import agreement, latest_ratings

    out = Path(args.out)
    if out.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"{out.name}: the summary is HTML; use a .html file name")
    with _store(args.db) as store:
        run = load_run(store, args.run_id)
        rank, raw = _result(run, args.candidate)
        code = result_code(raw)
        shown = raw if args.no_blind else next(r for r in blind_run(run).results if result_code(r) == code)
        scored = sum(1 for r in run.results if r.overall is not None)
        page = candidate_summary_html(
            shown, rank=rank if raw.overall is not None else None, total=scored, role=run.rubric_role,
            as_of=run.as_of.isoformat(), run_id=args.run_id, rubric_sha256=store.run_record(args.run_id).rubric_sha256,
            decisions=decisions(store, args.run_id, code),
            agreement_rows=agreement(latest_ratings(store, args.run_id, code),
                                     {c.name: c.level for c in raw.competencies}),
            duplicate_words=find_duplicates(run.results).words(code), blind=not args.no_blind)
    write_private(out, page)
    print(f"summary of {code} written to {out}", file=sys.stderr)
    return 0


def register(sub: Any) -> None:
    """Add shortlist, duplicates, scorecard and summary to the top-level subparsers."""
    db_help = "the screening database (default: $SCREENER_DB, else the per-user data folder)"
    sl = sub.add_parser("shortlist", help="a run's ranking with the reviewers' decisions (CSV with BOM, or XLSX)")
    sl.add_argument("run_id", metavar="RUN_ID")
    sl.add_argument("--out", required=True, help="F.csv or F.xlsx")
    sl.add_argument("--no-blind", action="store_true", help="show names and file names (blind review is default)")
    sl.add_argument("--db", help=db_help)
    sl.set_defaults(func=_cmd_shortlist)

    sd = sub.add_parser("duplicates", help="possible duplicate applications in a run (same file, e-mail, phone, name)")
    sd.add_argument("run_id", metavar="RUN_ID")
    sd.add_argument("--json", action="store_true")
    sd.add_argument("--db", help=db_help)
    sd.set_defaults(func=_cmd_duplicates)

    sc = sub.add_parser("scorecard", help="rate a candidate's competencies 1–4, or show reviewers vs the screener")
    sc.add_argument("run_id", metavar="RUN_ID")
    sc.add_argument("candidate", metavar="CANDIDATE", help="candidate code (C-…)")
    sc.add_argument("--reviewer", help="your name (needed with --rate)")
    sc.add_argument("--rate", action="append", metavar="COMPETENCY=RATING[:comment]",
                    help="one rating (repeat for several); 1 aware, 2 working, 3 proficient, 4 expert")
    sc.add_argument("--json", action="store_true")
    sc.add_argument("--db", help=db_help)
    sc.set_defaults(func=_cmd_scorecard)

    ss = sub.add_parser("summary", help="a one-page printable HTML summary of a candidate for an interview panel")
    ss.add_argument("run_id", metavar="RUN_ID")
    ss.add_argument("candidate", metavar="CANDIDATE", help="candidate code (C-…)")
    ss.add_argument("--out", required=True, help="F.html")
    ss.add_argument("--no-blind", action="store_true", help="show the name (blind review is the default)")
    ss.add_argument("--db", help=db_help)
    ss.set_defaults(func=_cmd_summary)
