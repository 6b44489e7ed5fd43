"""What a hiring team shares: the ranking with the reviewers' decisions (CSV with a byte-order mark so Excel reads
"Lucía" and "张伟", and XLSX), and a one-page candidate summary for an interview panel (printable, self-contained
HTML, every piece of applicant text escaped).

    rows = ranking_with_decisions(run, ["Python", "SQL"], decisions=latest, duplicates=dups, blind=True)
    ranking_csv_bytes(rows); ranking_xlsx_bytes(rows)
    candidate_summary_html(result, rank=1, total=12, role="Data Analyst", as_of="2026-01-01", ...)

Every spreadsheet cell goes through :func:`screener.exports.safe_cell` (formula injection); blind review goes
through the one redaction stage (:func:`screener.report.ranking_rows` with ``blind=True``).
"""

from __future__ import annotations

import codecs
import html
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..exports import safe_rows
from ..report import ranking_rows, rows_csv
from ..rubric import LEVEL_NAMES
from .duplicates import Duplicates
from .scorecards import AgreementRow

DECISION_WORDS = {"advance": "▶ Advance", "hold": "‖ Hold", "reject": "✖ Reject"}


def _codes(run: Any) -> list[str]:
    from ..fairness.redact import result_code

    return [result_code(r) for r in run.results]


def ranking_with_decisions(run: Any, competencies: Sequence[str], *, decisions: Mapping[str, Any] | None = None,
                           duplicates: Duplicates | None = None, blind: bool = False,
                           run_id: str = "") -> list[dict[str, Any]]:
    """The ranking rows (:func:`screener.report.ranking_rows`) with each candidate's code, newest decision, who
    made it, why, the score it was made on, and any possible-duplicate flag. ``decisions`` maps candidate codes to
    :class:`screener.store.decisions.Decision`."""
    codes = _codes(run)
    rows = ranking_rows(run, competencies, blind=blind)
    decisions = decisions or {}
    out = []
    for code, row in zip(codes, rows, strict=True):
        d = decisions.get(code)
        extra = {
            "candidate_code": code,
            "decision": d.decision if d else "",
            "decided_by": d.reviewer if d else "",
            "decision_reasons": "; ".join([*d.reasons, *([d.reason_text] if d.reason_text else [])]) if d else "",
            "decision_notes": d.notes if d else "",
            "decided_at": d.created[:19].replace("T", " ") + " UTC" if d else "",
            "score_at_decision": d.score_shown if d and d.score_shown is not None else "",
            "possible_duplicate": duplicates.words(code) if duplicates else "",
            "run_id": run_id or getattr(run, "run_id", ""),
        }
        out.append({"rank": row["rank"], "candidate_code": code, **{k: v for k, v in row.items() if k != "rank"},
                    **{k: v for k, v in extra.items() if k != "candidate_code"}})
    return out


def ranking_csv_bytes(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """The rows as CSV in UTF-8 with a byte-order mark (Excel then reads accents and CJK right); cells escaped."""
    return codecs.BOM_UTF8 + rows_csv([dict(r) for r in rows]).encode("utf-8")


def ranking_xlsx_bytes(rows: Sequence[Mapping[str, Any]], *, sheet: str = "Ranking") -> bytes:
    """The rows as an XLSX workbook (bytes, for a download). Text cells are escaped and stored as strings, so no
    cell is ever a formula; the header row is frozen."""
    from openpyxl import Workbook

    safe = safe_rows([dict(r) for r in rows])
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if safe:
        header = list(safe[0])
        ws.append(header)
        for row in safe:
            ws.append([row.get(k, "") for k in header])
        for line in ws.iter_rows():
            for cell in line:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---- roles timeline --------------------------------------------------------------------------------------------

_ROLE_DATES = re.compile(r"\((?P<start>\d{4})(?:-(?P<sm>\d{1,2}))?\s*[–-]\s*"
                         r"(?:(?P<end>\d{4})(?:-(?P<em>\d{1,2}))?|(?P<open>present|current|now|today|\?))\)\s*$",
                         re.IGNORECASE)


@dataclass(frozen=True)
class RoleSpan:
    """One dated role and the rubric competencies whose evidence was found in it."""

    role: str  # "Title — Employer" (as the evidence names it, dates removed)
    start: str  # YYYY-MM
    end: str  # YYYY-MM (the run's as-of month for an open role)
    open_ended: bool
    competencies: tuple[str, ...]
    skills: tuple[str, ...]


def role_timeline(result: Any, *, as_of: str) -> list[RoleSpan]:
    """Each dated role of a result with the competencies and skills used in it, oldest first (from the evidence
    of kind "role", joined to the result's work history by the role's index; roles without dates are left out).
    Results stored before evidence carried that index give the role's dates from its evidence label."""
    history = getattr(result, "work_history", ()) or ()
    found: dict[int | str, tuple[set[str], set[str]]] = {}
    for c in getattr(result, "competencies", ()):
        for e in c.evidence:
            if e.kind == "role" and e.role:
                index = getattr(e, "role_index", None)
                key: int | str = index if index is not None and 0 <= index < len(history) else e.role
                comps, skills = found.setdefault(key, (set(), set()))
                comps.add(c.name)
                skills.add(e.skill_label or e.quote)
    out = []
    for key, (comps, skills) in found.items():
        dated = _entry_span(history[key], as_of) if isinstance(key, int) else _label_span(key, as_of)
        if dated is None:
            continue
        name, start, end, open_ended = dated
        if end < start:
            continue
        out.append(RoleSpan(name, start, end, open_ended, tuple(sorted(comps)), tuple(sorted(skills, key=str.casefold))))
    return sorted(out, key=lambda s: (s.start, s.end, s.role))


def _entry_span(w: Any, as_of: str) -> tuple[str, str, str, bool] | None:
    """("Title — Employer", start, end, open) of a work-history entry, months as YYYY-MM; a role with a start only
    spans its first month (as years in roles count it); None when undated."""
    if not w.start:
        return None
    open_ended = w.end == "present"
    start = _month(w.start, "01")
    end = as_of[:7] if open_ended else _month(w.end, "12") if w.end else start
    return " — ".join(p for p in (w.title, w.employer) if p), start, end, open_ended


def _month(label: str, month: str) -> str:
    """A "YYYY-MM" or "YYYY" label as "YYYY-MM", a bare year at ``month``."""
    return label if len(label) > 4 else f"{label}-{month}"


def _label_span(label: str, as_of: str) -> tuple[str, str, str, bool] | None:
    m = _ROLE_DATES.search(label)
    if not m:
        return None
    open_ended = bool(m["open"])
    end = as_of[:7] if open_ended else f"{m['end']}-{int(m['em'] or 12):02d}"
    return label[:m.start()].strip(" —-"), f"{m['start']}-{int(m['sm'] or 1):02d}", end, open_ended


# ---- one-page candidate summary -----------------------------------------------------------------------------------

_STYLE = """
body { font: 11pt/1.35 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 1.5cm; }
h1 { font-size: 16pt; margin: 0 0 .2em; } h2 { font-size: 12pt; margin: 1em 0 .3em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; } th, td { border: 1px solid #bbb;
padding: 2px 5px; text-align: left; vertical-align: top; } th { background: #eee; }
.meta { color: #444; font-size: 9.5pt; } .q { font-style: italic; } ul { margin: .2em 0; padding-left: 1.2em; }
@media print { body { margin: 1cm; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def candidate_summary_html(result: Any, *, rank: int | None, total: int, role: str, as_of: str, run_id: str = "",
                           rubric_sha256: str = "", decisions: Sequence[Any] = (),
                           agreement_rows: Sequence[AgreementRow] = (), duplicate_words: str = "",
                           blind: bool = True, evidence_per_competency: int = 3) -> str:
    """A printable one-page summary for an interview panel: overall and per-competency scores with the strongest
    evidence, badges, education and equivalency notes, reviewers' ratings and decisions. Self-contained (no
    scripts, links or outside resources) and every value escaped. Pass the blind view of the result when blind
    review is on (``blind`` also leaves role titles out of the evidence)."""
    from ..score.present import evidence_rows

    r = result
    parts = ["<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
             f"<title>Candidate summary — {_e(r.candidate)}</title><style>{_STYLE}</style></head><body>"]
    parts.append(f"<h1>{_e(r.candidate)} — {_e(role)}</h1>")
    overall = "not scored" if r.overall is None else f"{r.overall:.1f} / 100"
    parts.append(f"<p class=\"meta\">Overall {_e(overall)}" + (f" · rank {rank} of {total}" if rank else "")
                 + f" · as of {_e(as_of)}" + (f" · run {_e(run_id)}" if run_id else "")
                 + (f" · rubric version {_e(rubric_sha256[:12])}" if rubric_sha256 else "")
                 + (" · blind review" if blind else "") + "</p>")
    must = ("met" if r.must_haves_met else "not met — missing: " + "; ".join(r.missing_must_haves)
            if r.must_haves_met is not None else "—")
    facts = [("Must-haves", must), ("Verified badges", str(r.verified_badges)),
             ("Degree", r.degree.label() if r.degree else "—")]
    if r.licence:
        facts.append((f"Licence ({r.licence.name})", "found" if r.licence.found else "not found"))
    if duplicate_words:
        facts.append(("Possible duplicate", duplicate_words))
    for w in r.warnings:
        facts.append(("Warning", w))
    parts.append("<table>" + "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts) + "</table>")

    parts.append("<h2>Competencies</h2><table><tr><th>Competency</th><th>Score</th><th>Level (required)</th>"
                 "<th>Strongest evidence</th></tr>")
    text = r.profile.document.text if getattr(r, "profile", None) is not None else ""
    for c in r.competencies:
        rows = evidence_rows(c, text=text, blind=blind)[:evidence_per_competency]
        ev = "".join(f"<li><span class=\"q\">{_e(e.skill)}</span> — {_e(e.found_as)}, {_e(e.where)}: "
                     f"“{_e(e.context)}”</li>" for e in rows) or "<li>no evidence found</li>"
        flag = " (must-have not met)" if c.must_have and not c.met else ""
        parts.append(f"<tr><td>{_e(c.name)}{_e(flag)}</td><td>{c.score:.0f}</td>"
                     f"<td>{c.level} {_e(LEVEL_NAMES.get(c.level, ''))} ({c.required_level} "
                     f"{_e(LEVEL_NAMES.get(c.required_level, ''))})</td><td><ul>{ev}</ul></td></tr>")
    parts.append("</table>")

    if r.badges:
        parts.append("<h2>Badges and certificates</h2><ul>")
        for b in r.badges:
            parts.append(f"<li>{_e(b.verdict)} — {_e(b.name or b.source)}" + (f" · issuer {_e(b.issuer)}" if b.issuer
                                                                               else "") + "</li>")
        parts.append("</ul>")
    if r.equivalencies:
        parts.append("<h2>Education and equivalency notes</h2><ul>")
        for n in r.equivalencies:
            parts.append(f"<li>{'(from abroad) ' if n.foreign else ''}{_e(n.credential)}"
                         + (f" ({_e(n.country)})" if n.country else "")
                         + f" — likely U.S. equivalent: {_e(n.us_equivalent or 'no note')}"
                         + (" — contested" if n.contested else "") + f"<br><span class=\"meta\">{_e(n.note)}</span></li>")
        parts.append("</ul>")
    if agreement_rows and any(a.ratings for a in agreement_rows):
        parts.append("<h2>Reviewers' scorecards</h2><table><tr><th>Competency</th><th>Screener</th>"
                     "<th>Reviewers</th><th>Agreement</th></tr>")
        for a in agreement_rows:
            given = "<br>".join(f"{_e(n)}: {v}" + (f" — {_e(c)}" if c else "") for n, v, c in a.ratings) or "—"
            lvl = "—" if a.screener_level is None else f"{a.screener_level} {_e(LEVEL_NAMES.get(a.screener_level, ''))}"
            parts.append(f"<tr><td>{_e(a.competency)}</td><td>{lvl}</td><td>{given}</td><td>{_e(a.verdict)}</td></tr>")
        parts.append("</table>")
    parts.append("<h2>Decisions</h2>")
    if decisions:
        parts.append("<table><tr><th>When (UTC)</th><th>Reviewer</th><th>Decision</th><th>Reasons</th>"
                     "<th>Notes</th><th>Score shown</th></tr>")
        for d in decisions:
            reasons = "; ".join([*d.reasons, *([d.reason_text] if d.reason_text else [])])
            score = "" if d.score_shown is None else f"{d.score_shown:.1f}"
            parts.append(f"<tr><td>{_e(d.created[:16].replace('T', ' '))}</td><td>{_e(d.reviewer)}</td>"
                         f"<td>{_e(d.decision)}</td><td>{_e(reasons)}</td><td>{_e(d.notes)}</td><td>{score}</td></tr>")
        parts.append("</table>")
    else:
        parts.append("<p>No decision recorded yet.</p>")
    parts.append("<p class=\"meta\">Scores are decision support for a person, not decisions. 80 = the evidence "
                 "meets the required level.</p></body></html>")
    return "".join(parts)
