"""Fair-use commands of ``python -m screener`` (registered by ``cli.build_parser``):

    python -m screener fairness report SCORES.csv --json
    python -m screener fairness report --run RUN_ID --demographics D.csv [--db DB] [--json] [--csv-out F.csv]
    python -m screener log verify [--db DB]
    python -m screener log export [--db DB] --out log.jsonl
    python -m screener explain RUN_ID CANDIDATE --out F.html [--db DB]
    python -m screener retention show|set [--documents DAYS] [--results DAYS] [--decisions DAYS] [--db DB]
    python -m screener purge [--db DB]
    python -m screener erase CANDIDATE [--db DB]
    python -m screener decide RUN_ID CANDIDATE advance|hold|reject --reviewer NAME [--reason R]… [--text T] [--notes N]
    python -m screener decisions RUN_ID [--db DB] [--json]

Exit codes: 0 success; 1 when ``log verify`` finds the log tampered with; 2 bad input (one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .errors import UsageError
from .exports import write_private


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _cmd_fairness_report(args: argparse.Namespace) -> int:
    from .fairness.impact import format_report, impact_report, read_scores_csv, report_csv

    if args.run:
        if args.scores:
            raise UsageError("give either SCORES.csv or --run RUN_ID with --demographics, not both")
        from .fairness.demographics import import_demographics, run_score_rows
        from .store import open_store

        _existing_db(args.db)
        with open_store(args.db) as store:
            if args.demographics:  # stored apart from the screening data, replacing the run's earlier file
                import_demographics(store, args.run, Path(args.demographics))
            rows = run_score_rows(store, args.run)  # without --demographics: the ones stored for the run
    else:
        if not args.scores:
            raise UsageError("give SCORES.csv (columns candidate_id, score, sex, race_ethnicity, advanced) "
                             "or --run RUN_ID --demographics D.csv")
        if args.demographics:
            raise UsageError("--demographics goes with --run RUN_ID")
        rows = read_scores_csv(args.scores)
    rep = impact_report(rows)
    if args.csv_out:
        write_private(Path(args.csv_out), report_csv(rep))  # 0600: it is about people
    if args.json:
        _print_json(rep.to_json())
    else:
        sys.stdout.write(format_report(rep))
    return 0


def _cmd_log_verify(args: argparse.Namespace) -> int:
    from .fairness.decision_log import verify_log
    from .store import open_store

    _existing_db(args.db)
    with open_store(args.db) as store:
        v = verify_log(store.conn)
    if v.ok:
        print(f"intact ({v.entries} entries)")
        return 0
    print(f"TAMPERED: {v.problem}", file=sys.stderr)
    return 1


def _cmd_log_export(args: argparse.Namespace) -> int:
    from .fairness.decision_log import export_jsonl
    from .store import open_store

    _existing_db(args.db)
    with open_store(args.db) as store:
        text = export_jsonl(store.conn)
    if args.out:
        write_private(Path(args.out), text)
    else:
        sys.stdout.write(text)
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    from .fairness.explain import explanation_html_from_store
    from .store import open_store

    if Path(args.out).suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"--out {args.out}: use an .html file name")
    _existing_db(args.db)
    with open_store(args.db) as store:
        page = explanation_html_from_store(store, args.run_id, args.candidate)
    write_private(Path(args.out), page)
    print(f"explanation written to {args.out}", file=sys.stderr)
    return 0


def _cmd_retention(args: argparse.Namespace) -> int:
    from .fairness.retention import get_retention, set_retention
    from .store import open_store

    with open_store(args.db) as store:
        if args.action == "set":
            changes = {k: getattr(args, k) for k in ("documents", "results", "decisions")
                       if getattr(args, k) is not None}
            if not changes:
                raise UsageError("retention set: give --documents, --results or --decisions DAYS (0 = keep forever)")
            days: dict[str, Any] = {k: (None if v == 0 else v) for k, v in changes.items()}
            set_retention(store.conn, **days)
        settings = get_retention(store.conn)
    if args.json:
        _print_json(settings.to_json())
    else:
        for line in settings.describe():
            print(line)
    return 0


def _cmd_purge(args: argparse.Namespace) -> int:
    from .fairness.retention import purge
    from .store import open_store

    _existing_db(args.db)
    with open_store(args.db) as store:
        summary = purge(store)
    if args.json:
        _print_json(summary.to_json())
    else:
        print(summary.describe())
    return 0


def _cmd_erase(args: argparse.Namespace) -> int:
    from .fairness.retention import erase_candidate
    from .store import open_store

    _existing_db(args.db)
    with open_store(args.db) as store:
        summary = erase_candidate(store, args.candidate, actor=args.by or "")
    if args.json:
        _print_json(summary.to_json())
    else:
        print(summary.describe())
    return 0


def _cmd_decide(args: argparse.Namespace) -> int:
    from .store import open_store
    from .store.decisions import record_decision

    _existing_db(args.db)
    with open_store(args.db) as store:
        score = None
        for r in store.results(args.run_id):
            if r.candidate_code == args.candidate and isinstance(r.result.get("overall"), (int, float)):
                score = float(r.result["overall"])
        d = record_decision(store, args.run_id, args.candidate, args.decision, reviewer=args.reviewer or "",
                            reasons=args.reason or [], reason_text=args.text or "", notes=args.notes or "",
                            score_shown=score)
    print(f"recorded: {d.decision} for {d.candidate_code} by {d.reviewer} (decision-log entry {d.log_seq})")
    return 0


def _cmd_decisions(args: argparse.Namespace) -> int:
    from .store import open_store
    from .store.decisions import decisions

    _existing_db(args.db)
    with open_store(args.db) as store:
        store.run_record(args.run_id)
        ds = [d.to_json() for d in decisions(store, args.run_id)]
    if args.json:
        _print_json(ds)
    else:
        for d in ds:
            print(f"{d['created'][:19]}  {d['candidate_code']}  {d['decision']:<7}  {d['reviewer']}  "
                  + "; ".join(d["reasons"] + ([d["reason_text"]] if d["reason_text"] else [])))
    return 0


def _existing_db(db: str | None) -> None:
    """Commands that read records refuse to create an empty database by mistake."""
    from .store import resolve_db_path

    path = resolve_db_path(db)
    if not path.is_file():
        raise UsageError(f"{path}: no screening database there (give --db or set SCREENER_DB)")


def register(sub: Any) -> None:
    """Add the fairness, log, explain, retention, purge and erase commands to the top-level subparsers."""
    parser_class = sub._parser_class

    sf = sub.add_parser("fairness", help="adverse-impact report")
    sf.set_defaults(help_of=sf)
    fsub = sf.add_subparsers(dest="fairness_command", parser_class=parser_class)
    fr = fsub.add_parser("report", help="scoring and selection rates, impact ratios and p-values per group")
    fr.add_argument("scores", nargs="?", metavar="SCORES.csv",
                    help="columns candidate_id, score, sex, race_ethnicity, advanced (yes/no); empty = unknown")
    fr.add_argument("--run", help="report on a stored run instead (with --demographics)")
    fr.add_argument("--demographics", help="self-reported demographics CSV: candidate_code, sex, race_ethnicity "
                                           "(stored for the run; without it, the run's stored demographics are used)")
    fr.add_argument("--db", help="screening database (default: $SCREENER_DB or the per-user data folder)")
    fr.add_argument("--json", action="store_true", help="print the report as JSON")
    fr.add_argument("--csv-out", help="also write the table as CSV")
    fr.set_defaults(func=_cmd_fairness_report)

    sl = sub.add_parser("log", help="the hash-chained decision log")
    sl.set_defaults(help_of=sl)
    lsub = sl.add_subparsers(dest="log_command", parser_class=parser_class)
    lv = lsub.add_parser("verify", help="check that no entry was edited, deleted or reordered")
    lv.add_argument("--db")
    lv.set_defaults(func=_cmd_log_verify)
    le = lsub.add_parser("export", help="write the log as JSON lines")
    le.add_argument("--db")
    le.add_argument("--out", help="file to write (default: stdout)")
    le.set_defaults(func=_cmd_log_export)

    sx = sub.add_parser("explain", help="a plain-language explanation for one candidate (HTML)")
    sx.add_argument("run_id", metavar="RUN_ID")
    sx.add_argument("candidate", metavar="CANDIDATE", help="candidate code (C-…) or file name in the run")
    sx.add_argument("--out", required=True, help="F.html")
    sx.add_argument("--db")
    sx.set_defaults(func=_cmd_explain)

    st = sub.add_parser("retention", help="show or set how long records are kept")
    st.add_argument("action", choices=["show", "set"])
    for name in ("documents", "results", "decisions"):
        st.add_argument(f"--{name}", type=int, metavar="DAYS", help=f"keep {name} this many days (0 = no limit)")
    st.add_argument("--db")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=_cmd_retention)

    sp = sub.add_parser("purge", help="delete what is past its retention period")
    sp.add_argument("--db")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=_cmd_purge)

    se = sub.add_parser("erase", help="erase one candidate's documents, results and demographics")
    se.add_argument("candidate", metavar="CANDIDATE", help="candidate code (C-…)")
    se.add_argument("--by", help="who carried out the erasure (recorded in the log)")
    se.add_argument("--db")
    se.add_argument("--json", action="store_true")
    se.set_defaults(func=_cmd_erase)

    sd = sub.add_parser("decide", help="record a reviewer's decision (advance, hold, reject) in the decision log")
    sd.add_argument("run_id", metavar="RUN_ID")
    sd.add_argument("candidate", metavar="CANDIDATE", help="candidate code (C-…)")
    sd.add_argument("decision", choices=["advance", "hold", "reject"])
    sd.add_argument("--reviewer", required=True, help="the reviewer's name")
    sd.add_argument("--reason", action="append", help="a reason from the list (repeat for several)")
    sd.add_argument("--text", help="the reason in your own words")
    sd.add_argument("--notes")
    sd.add_argument("--db")
    sd.set_defaults(func=_cmd_decide)

    sl2 = sub.add_parser("decisions", help="list a run's decisions")
    sl2.add_argument("run_id", metavar="RUN_ID")
    sl2.add_argument("--db")
    sl2.add_argument("--json", action="store_true")
    sl2.set_defaults(func=_cmd_decisions)
