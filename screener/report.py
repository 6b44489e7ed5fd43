"""Reports: the ranking table (one row per input file), its CSV/XLSX/JSON exports, and blind review.

The row shape is a contract (../shared/design/architecture.md): ``file``, ``candidate``, ``overall``, one column
per competency, ``must_haves_met``, ``degree``, ``warnings``, ``error``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import UsageError
from .exports import private_file, safe_rows, write_private
from .models import to_jsonable
from .pipeline import ScreeningRun
from .score.model import CandidateResult


def _blind_name(i: int) -> str:
    return f"Candidate {i:03d}"


def candidate_label(result: CandidateResult, index: int, *, blind: bool) -> str:
    return _blind_name(index) if blind else result.candidate


def ranking_rows(run: ScreeningRun, competencies: Sequence[str], *, blind: bool = False) -> list[dict[str, Any]]:
    """One flat row per input file, in rank order."""
    if blind:  # one redaction stage (screener/fairness/redact.py): names, contact, file names, years, pronouns…
        from .fairness.redact import blind_run

        run = blind_run(run)
    rows = []
    for i, r in enumerate(run.results, start=1):
        row: dict[str, Any] = {
            "rank": i if r.overall is not None else "",
            "file": r.file,
            "candidate": candidate_label(r, i, blind=blind) if not r.error else "",
            "overall": r.overall if r.overall is not None else "",
        }
        for name in competencies:
            c = r.competency(name)
            row[name] = c.score if c else ""
        row["must_haves_met"] = "" if r.must_haves_met is None else ("yes" if r.must_haves_met else "no")
        row["missing_must_haves"] = "; ".join(r.missing_must_haves)
        row["degree"] = r.degree.label() if r.degree else ""
        row["licence"] = ("found" if r.licence.found else "not found") if r.licence else ""
        row["verified_badges"] = r.verified_badges if not r.error else ""
        # (blind review hides the marker, a nationality proxy, unless its options show it: a hidden marker reads
        # empty, never a redacted "no")
        row["foreign_credential"] = "" if r.error else "yes" if r.has_foreign_credential else "" if blind else "no"
        row["equivalency_notes"] = "; ".join(
            f"{n.credential}" + (f" ({n.country})" if n.country else "") + f": {n.us_equivalent or 'no note'}"
            + (" — contested" if n.contested else "") for n in r.equivalencies if n.foreign)
        row["warnings"] = "; ".join(r.warnings)
        row["error"] = r.error
        rows.append(row)
    return rows


def _redact(result: CandidateResult, label: str) -> dict[str, Any]:
    data = result.to_json()
    data["candidate"] = label
    return data


def results_json(run: ScreeningRun, competencies: Sequence[str], *, blind: bool = False) -> dict[str, Any]:
    """The full results with evidence (the JSON export)."""
    if blind:
        from .fairness.redact import blind_run

        run = blind_run(run)
    results = []
    for i, r in enumerate(run.results, start=1):
        data = _redact(r, candidate_label(r, i, blind=blind)) if blind else r.to_json()
        data["rank"] = i if r.overall is not None else None
        if blind:
            # Blind review: quotes stay (they are the evidence) but role employers and institutions go.
            for c in data["competencies"]:
                for e in c["evidence"]:
                    e["role"] = ""
            data["equivalencies"] = [{**e, "institution": ""} for e in data["equivalencies"]]
        results.append(data)
    return {
        "rubric": run.rubric_role,
        "rubric_fingerprint": run.rubric_fingerprint,
        "as_of": run.as_of.isoformat(),
        "competencies": list(competencies),
        "blind": blind,
        "notes": run.notes,
        "results": results,
    }


def write_results(run: ScreeningRun, competencies: Sequence[str], out: Path, *, blind: bool = False) -> None:
    """Write results to ``out`` (mode 0600: it holds personal data); the format follows its suffix (.csv, .json,
    .xlsx). Spreadsheet cells are escaped against formula injection (:mod:`screener.exports`)."""
    suffix = out.suffix.lower()
    if suffix == ".json":
        write_private(out, json.dumps(to_jsonable(results_json(run, competencies, blind=blind)), indent=2,
                                      ensure_ascii=False, sort_keys=False) + "\n")
    elif suffix == ".csv":
        write_private(out, rows_csv(ranking_rows(run, competencies, blind=blind)))
    elif suffix == ".xlsx":
        write_xlsx(ranking_rows(run, competencies, blind=blind), out)
    else:
        raise UsageError(f"{out.name}: unknown output format; use .csv, .json or .xlsx")


def rows_csv(rows: Sequence[dict[str, Any]]) -> str:
    """The rows as CSV text, every cell escaped against formula injection (numbers stay numbers)."""
    rows = safe_rows(rows)
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return buf.getvalue()


def write_xlsx(rows: Sequence[dict[str, Any]], out: Path) -> None:
    """The rows as an XLSX workbook (mode 0600). Text cells are escaped like the CSV's and stored as strings, so
    no cell is ever a formula."""
    from openpyxl import Workbook

    rows = safe_rows(rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "Ranking"
    if rows:
        for values in [list(rows[0]), *([row[k] for k in rows[0]] for row in rows)]:
            ws.append(values)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    with private_file(out, "wb") as fh:
        fh.write(_stable_xlsx(buf.getvalue()))


def _stable_xlsx(data: bytes) -> bytes:
    """Same rows, same bytes (``runs export`` rewrites exactly what ``screen --out`` wrote): the zip entries' times
    and the workbook's created/modified stamps are fixed instead of the clock's."""
    import re
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", body)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), body,
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
