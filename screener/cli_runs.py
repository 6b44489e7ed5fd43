"""Screening-run commands of ``python -m screener`` (registered by ``cli.build_parser``):

    python -m screener screen --rubric R.yaml INPUTS… [--db DB] [--engine local|dask] [--scheduler ADDR] [--out F]
    python -m screener screen --resume RUN_ID [--db DB]
    python -m screener runs list [--db DB] [--json]
    python -m screener runs export RUN_ID [--db DB] --out F.csv|.json|.xlsx
    python -m screener runs delete RUN_ID [--db DB]

Every ``screen`` is recorded in the store (``--db``, else ``$SCREENER_DB``, else the per-user data folder), each
file's result committed as it finishes, so a run killed at any moment resumes with only what is missing.
``runs export`` writes byte for byte what ``screen --out`` wrote: both read the run back from the store and go
through ``report.write_results``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from .errors import UsageError

_OUT_SUFFIXES = (".csv", ".json", ".xlsx")
_DB_HELP = "screening database (default: $SCREENER_DB or ~/.local/share/skills-screener/screener.db)"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of {text!r}: use a date like 2026-12-01") from None


def _check_out(out: str | None) -> None:
    if out and Path(out).suffix.lower() not in _OUT_SUFFIXES:
        raise UsageError(f"--out {out}: use a .csv, .json or .xlsx file name")


def _open(db: str | None, *, required: bool) -> Any:
    """The store; with no --db and no $SCREENER_DB, a default store that cannot be opened is skipped (None) when
    ``required`` is false (screening still works, it is just not recorded)."""
    from .store import ENV_VAR, open_store

    if db or os.environ.get(ENV_VAR) or required:
        return open_store(db)
    try:
        return open_store(None)
    except UsageError as exc:
        print(f"note: this run is not recorded ({exc.user_message()})", file=sys.stderr)
        return None


def _write(run: Any, competencies: list[str], out: str | None, blind: bool) -> None:
    from .report import ranking_rows, rows_csv, write_results

    if out:
        write_results(run, competencies, Path(out), blind=blind)
    else:
        sys.stdout.write(rows_csv(ranking_rows(run, competencies, blind=blind)))


def _competencies(store: Any, run_id: str) -> list[str]:
    from .rubric import parse_rubric

    rec = store.run_record(run_id)
    return [c.name for c in parse_rubric(rec.rubric_yaml, source=f"run {run_id}").competencies]


def _progress(enabled: bool) -> Any:
    def progress(done: int, total: int, name: str) -> None:
        if enabled:
            print(f"[{done}/{total}] {name}", file=sys.stderr, flush=True)

    return progress


def _summary(run: Any, out: str | None) -> None:
    scored = sum(1 for r in run.results if r.overall is not None)
    where = f"; results written to {out}" if out else ""
    rid = f"run {run.run_id}: " if run.run_id else ""
    print(f"{rid}{scored} of {len(run.results)} files scored{where}", file=sys.stderr)
    for note in run.notes:
        print(f"note: {note}", file=sys.stderr)


def cmd_screen(args: argparse.Namespace) -> int:
    from .pipeline import ScreenOptions, load_run, resume, screen

    _check_out(args.out)
    if args.engine not in ("local", "dask"):
        raise UsageError(f"--engine {args.engine}: use local or dask")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler goes with --engine dask")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.resume:
        if args.inputs or args.rubric:
            raise UsageError("--resume RUN_ID takes no rubric or inputs: the run's own are used")
        store = _open(args.db, required=True)
        with store:
            run = resume(store, args.resume, progress=_progress(args.progress),
                         engine=args.engine if args.engine_given else None, scheduler=args.scheduler,
                         workers=args.workers, with_text=False)
            blind = bool(store.run_record(args.resume).options.get("blind")) or args.blind
            names = _competencies(store, args.resume)
        _write(run, names, args.out, blind)
        _summary(run, args.out)
        return 0

    from .rubric import load_rubric

    if not args.rubric:
        raise UsageError("give --rubric R.yaml and the résumés to screen (or --resume RUN_ID)")
    if not args.inputs:
        raise UsageError("give the résumé files or folders to screen")
    rubric = load_rubric(args.rubric)
    rubric_text = Path(args.rubric).read_text(encoding="utf-8-sig")
    offline = Path(args.offline_map) if args.offline_map else None
    if offline is not None and not offline.is_file():
        raise UsageError(f"--offline-map {offline}: file not found")
    missing = [p for p in args.inputs if not Path(p).exists()]
    if missing and len(missing) == len(args.inputs):
        raise UsageError(f"{missing[0]}: no such file or folder")
    opts = ScreenOptions(as_of=args.as_of, offline_map=offline.resolve() if offline else None, online=args.online,
                         email=args.email, workers=args.workers, timeout_s=args.timeout)
    store = _open(args.db, required=False)
    names = [c.name for c in rubric.competencies]
    try:
        run = screen(rubric, args.inputs, options=opts, progress=_progress(args.progress), store=store,
                     rubric_yaml=rubric_text, engine=args.engine, scheduler=args.scheduler,
                     extra_options={"blind": bool(args.blind)}, keep_profiles=False)
        if store is not None:
            run = load_run(store, run.run_id, with_text=False)  # what `runs export` reads: the same bytes
    finally:
        if store is not None:
            store.close()
    _write(run, names, args.out, args.blind)
    _summary(run, args.out)
    return 0


def cmd_runs_list(args: argparse.Namespace) -> int:
    store = _open(args.db, required=True)
    with store:
        runs = store.list_runs()
    if args.json:
        sys.stdout.write(json.dumps([r.to_json() for r in runs], indent=2, ensure_ascii=False) + "\n")
        return 0
    if not runs:
        print(f"no runs in {store.path}", file=sys.stderr)
    for r in runs:
        print(f"{r.id}  {r.status:<11}  {r.created[:19]}  {r.scored}/{r.files} scored, {r.errors} errors  {r.rubric}")
    return 0


def cmd_runs_export(args: argparse.Namespace) -> int:
    from .pipeline import load_run

    _check_out(args.out)
    store = _open(args.db, required=True)
    with store:
        run = load_run(store, args.run_id, with_text=False)
        names = _competencies(store, args.run_id)
        blind = bool(store.run_record(args.run_id).options.get("blind")) or args.blind
    _write(run, names, args.out, blind)
    if args.out:
        print(f"run {args.run_id}: {len(run.results)} rows written to {args.out}", file=sys.stderr)
    return 0


def cmd_runs_delete(args: argparse.Namespace) -> int:
    store = _open(args.db, required=True)
    with store:
        store.delete_run(args.run_id)
    print(f"run {args.run_id} deleted", file=sys.stderr)
    return 0


class _EngineAction(argparse.Action):
    def __call__(self, parser: Any, namespace: argparse.Namespace, values: Any, option_string: str | None = None) \
            -> None:
        namespace.engine = values
        namespace.engine_given = True


def register(sub: Any) -> None:
    """Add ``screen`` and ``runs`` to the top-level subparsers."""
    parser_class = sub._parser_class
    ss = sub.add_parser("screen", help="score résumés against a rubric (recorded as a run)")
    ss.add_argument("--rubric", help="the role's rubric (YAML)")
    ss.add_argument("inputs", nargs="*", metavar="FILE_OR_DIR")
    ss.add_argument("--out", help="results.csv, results.json or results.xlsx (default: CSV on stdout)")
    ss.add_argument("--db", help=_DB_HELP)
    ss.add_argument("--resume", metavar="RUN_ID", help="go on with an interrupted run (only what is missing)")
    ss.add_argument("--engine", default="local", action=_EngineAction, help="local (default) or dask")
    ss.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (default: a local cluster)")
    ss.add_argument("--workers", type=int, help="worker processes (default: cores, at most 4)")
    ss.add_argument("--timeout", type=float, help="time limit per file in seconds (default 15)")
    ss.add_argument("--blind", action="store_true", help="hide names and employers (blind review)")
    ss.add_argument("--offline-map", help="URL → file map for verifying badge links without network")
    ss.add_argument("--online", action="store_true", help="fetch badge links from the network (SSRF-safe)")
    ss.add_argument("--email", help="applicant e-mail for badge recipient checks")
    ss.add_argument("--as-of", type=_date, help="date used for 'present' and badge dates (default: today)")
    ss.add_argument("--progress", action="store_true", help="print progress to stderr")
    ss.set_defaults(func=cmd_screen, engine_given=False)

    sr = sub.add_parser("runs", help="stored screening runs")
    sr.set_defaults(help_of=sr)
    rsub = sr.add_subparsers(dest="runs_command", parser_class=parser_class)
    rl = rsub.add_parser("list", help="every stored run, newest first")
    rl.add_argument("--db", help=_DB_HELP)
    rl.add_argument("--json", action="store_true")
    rl.set_defaults(func=cmd_runs_list)
    re_ = rsub.add_parser("export", help="write a run's results (the same bytes screen --out wrote)")
    re_.add_argument("run_id", metavar="RUN_ID")
    re_.add_argument("--db", help=_DB_HELP)
    re_.add_argument("--out", help="F.csv, F.json or F.xlsx (default: CSV on stdout)")
    re_.add_argument("--blind", action="store_true", help="hide names and employers (blind review)")
    re_.set_defaults(func=cmd_runs_export)
    rd = rsub.add_parser("delete", help="delete a run and its results")
    rd.add_argument("run_id", metavar="RUN_ID")
    rd.add_argument("--db", help=_DB_HELP)
    rd.set_defaults(func=cmd_runs_delete)


__all__ = ["cmd_runs_delete", "cmd_runs_export", "cmd_runs_list", "cmd_screen", "register"]
