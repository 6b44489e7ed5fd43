"""Self-reported demographics for the adverse-impact report, kept apart from screening data.

The CSV joins by candidate code (``candidate_code`` — or ``candidate_id`` — plus ``sex`` and ``race_ethnicity``;
an empty value is unknown). It is stored in its own table (``demographics``), read only by the impact report, and
never shown on a page a reviewer uses; the decision log records that an import happened, never its values.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..store import Store
from . import decision_log
from .impact import ScoreRow, demographic, read_csv_text


@dataclass(frozen=True)
class DemographicRow:
    candidate_code: str
    sex: str | None
    race_ethnicity: str | None


def parse_demographics_csv(text: str, *, name: str = "demographics") -> list[DemographicRow]:
    if "\x00" in text:
        raise UsageError(f"{name}: not a text CSV file")
    try:
        reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise UsageError(f"{name}: empty file; expected the columns candidate_code, sex, race_ethnicity")
        cols = [h.strip().lower() for h in header]
        key = "candidate_code" if "candidate_code" in cols else ("candidate_id" if "candidate_id" in cols else None)
        missing = [c for c in ("sex", "race_ethnicity") if c not in cols]
        if key is None or missing:
            need = (["candidate_code"] if key is None else []) + missing
            raise UsageError(f"{name}: missing column(s) {', '.join(need)} "
                             "(expected candidate_code, sex, race_ethnicity)")
        ik, isx, ir = cols.index(key), cols.index("sex"), cols.index("race_ethnicity")
        out: list[DemographicRow] = []
        seen: set[str] = set()
        for line_no, rec in enumerate(reader, start=2):
            if not any(x.strip() for x in rec):
                continue
            rec = rec + [""] * (len(cols) - len(rec))
            code = rec[ik].strip()
            if not code:
                raise UsageError(f"{name}, line {line_no}: {key} is empty")
            if code in seen:
                raise UsageError(f"{name}, line {line_no}: {code!r} appears twice")
            seen.add(code)
            out.append(DemographicRow(code, demographic(rec[isx]), demographic(rec[ir])))
    except csv.Error as exc:
        raise UsageError(f"{name}: not a readable CSV file ({exc})") from None
    if not out:
        raise UsageError(f"{name}: no data rows below the header")
    return out


def read_demographics_csv(path: Path) -> list[DemographicRow]:
    return parse_demographics_csv(read_csv_text(path), name=path.name)


def store_demographics(store: Store, run_id: str, rows: list[DemographicRow]) -> int:
    """Replace the run's demographics with ``rows`` (every code must be a candidate of the run); returns the count."""
    store.run_record(run_id)
    codes = {r[0] for r in store.conn.execute("SELECT candidate_code FROM results WHERE run_id = ?", (run_id,))}
    unknown = [r.candidate_code for r in rows if r.candidate_code not in codes]
    if unknown:
        more = f" and {len(unknown) - 1} more" if len(unknown) > 1 else ""
        raise UsageError(f"candidate code {unknown[0]!r}{more} is not in run {run_id} (codes look like C-1a2b3c4d; "
                         "export the run to see them)")
    now = decision_log.now_utc()
    with store.transaction() as conn:
        conn.execute("DELETE FROM demographics WHERE run_id = ?", (run_id,))
        conn.executemany("INSERT INTO demographics (run_id, candidate_code, sex, race_ethnicity, imported) "
                         "VALUES (?, ?, ?, ?, ?)",
                         [(run_id, r.candidate_code, r.sex, r.race_ethnicity, now) for r in rows])
        decision_log.append(conn, "demographics", {"run_id": run_id, "rows": len(rows)}, ts=now)
    return len(rows)


def import_demographics(store: Store, run_id: str, path: Path) -> int:
    return store_demographics(store, run_id, read_demographics_csv(path))


def run_score_rows(store: Store, run_id: str) -> list[ScoreRow]:
    """The run's scored candidates joined with their demographics and whether a person advanced them
    (the newest decision is "advance")."""
    from ..store.decisions import latest_decisions

    store.run_record(run_id)
    demo = {code: (sex, race) for code, sex, race in store.conn.execute(
        "SELECT candidate_code, sex, race_ethnicity FROM demographics WHERE run_id = ?", (run_id,))}
    latest = latest_decisions(store, run_id)
    rows: list[ScoreRow] = []
    seen: set[str] = set()
    for r in store.results(run_id):
        overall = r.result.get("overall")
        if r.error or not isinstance(overall, (int, float)) or r.candidate_code in seen:
            continue
        seen.add(r.candidate_code)
        sex, race = demo.get(r.candidate_code, (None, None))
        d = latest.get(r.candidate_code)
        rows.append(ScoreRow(r.candidate_code, float(overall), sex, race, d is not None and d.decision == "advance"))
    if not rows:
        raise UsageError(f"run {run_id} has no scored candidates to report on")
    return rows
