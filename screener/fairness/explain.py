"""A plain-language explanation for one candidate: what was assessed, the evidence found, the scores, that a person
makes the decision, and how to ask for a human review or to correct the record.

It covers what employers owe applicants under Colorado SB 26-189 (in force 1 January 2027: notice before use, a
plain-language explanation of the tool's role in an adverse decision, human review on request, correction of
inaccurate data, records kept 3 years) and the EU AI Act for employment tools (high-risk, Annex III 4(a): human
oversight, and an explanation of the tool's role to the affected person). One self-contained HTML page: inline
style, no scripts, no external resources; every piece of applicant text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from ..errors import UsageError

LEVELS = {0: "none found", 1: "aware", 2: "working", 3: "proficient", 4: "expert"}
DECISION_WORDS = {"advance": "moved forward to the next step", "hold": "kept on hold for now",
                  "reject": "not moved forward"}

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;
line-height:1.5;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.35rem .5rem;
text-align:left;vertical-align:top}th{background:#f3f3f3}
.quote{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:.9rem;background:#f7f7f7}
.note{background:#eef5ff;border-left:4px solid #3366cc;padding:.5rem .75rem}
.small{font-size:.85rem;color:#444}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _num(value: Any) -> str:
    return f"{value:.0f}" if isinstance(value, (int, float)) else "—"


def explanation_html(result: dict[str, Any], *, candidate_code: str, run_id: str, role: str, as_of: str,
                     decisions: Sequence[dict[str, Any]] = (), employer: str = "", contact: str = "",
                     retention_years: int = 3) -> str:
    """The explanation page for one stored result (its JSON) and the decisions people recorded about it."""
    who = result.get("candidate") or "the applicant"
    employer_words = _e(employer) if employer else "The employer"
    how_to_reach = (_e(contact) if contact else
                    "reply to the message this explanation came with")
    parts: list[str] = []
    add = parts.append
    add("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>How your application was assessed — {_e(role)}</title><style>{_STYLE}</style></head><body>")
    add(f"<h1>How your application was assessed</h1><p>For <strong>{_e(who)}</strong> · role: <strong>{_e(role)}"
        f"</strong> · reference <code>{_e(candidate_code)}</code> (screening {_e(run_id)}, assessed as of "
        f"{_e(as_of)})</p>")

    add("<h2>What the screening tool does</h2>")
    add(f"<p>{employer_words} used <strong>Skills Screener</strong>, a software tool, to help review applications. "
        "It reads the text of your résumé and compares the evidence in it with the skills the role needs, listed in "
        "advance in a scoring guide (a rubric). Each skill gets a level from 0 (no evidence found) to 4 (expert) and a "
        "score from 0 to 100; the overall score is a weighted average.</p>")
    add("<p><strong>What it never uses in a score:</strong> your name, age, sex, race or ethnicity, national origin, "
        "disability, photo, address or zip code, or whether you hold a degree. A degree requirement, when a role "
        "has one, is shown as a note and can be met by equivalent experience, certification or a verified digital "
        "badge. The same résumé and rubric always give the same result.</p>")
    add("<p class='note'><strong>A person makes the decision.</strong> The score supports a reviewer; it does not "
        "decide. No application is rejected automatically.</p>")

    overall = result.get("overall")
    add("<h2>What was assessed and your scores</h2>")
    if overall is None:
        add(f"<p>Your file could not be read by the tool ({_e(result.get('error') or 'unreadable file')}), so no "
            "score was given. A person reviews such applications directly; you may also send your résumé again in "
            "another format (PDF with selectable text, DOCX or plain text).</p>")
    else:
        add(f"<p>Overall score: <strong>{_num(overall)} out of 100</strong>.")
        mh = result.get("must_haves_met")
        if mh is False and result.get("missing_must_haves"):
            add(" Skills the role requires that the tool did not find evidence for: "
                + _e("; ".join(result.get("missing_must_haves") or [])) + ".")
        add("</p>")
        add("<table><tr><th>Skill area</th><th>Weight</th><th>Level needed</th><th>Level found</th><th>Score</th>"
            "</tr>")
        for c in result.get("competencies") or []:
            need = c.get("required_level")
            got = c.get("level")
            share = c.get("weight_share")
            weight = f"{share:.0%}" if isinstance(share, (int, float)) else "—"
            add(f"<tr><td>{_e(c.get('name'))}{' (required)' if c.get('must_have') else ''}</td>"
                f"<td>{_e(weight)}</td>"
                f"<td>{_e(need)} ({_e(LEVELS.get(need, ''))})</td><td>{_e(got)} ({_e(LEVELS.get(got, ''))})</td>"
                f"<td>{_num(c.get('score'))}</td></tr>")
        add("</table>")

        add("<h2>The evidence found in your application</h2>")
        for c in result.get("competencies") or []:
            add(f"<h3>{_e(c.get('name'))}</h3>")
            evs = c.get("evidence") or []
            if evs:
                add("<table><tr><th>Found</th><th>The line it is in</th><th>Where</th><th>Counted as</th></tr>")
                for ev in evs[:12]:
                    where = ev.get("role") or ev.get("section") or ""
                    src = ev.get("source") or ""
                    add(f"<tr><td>{_e(ev.get('quote'))}</td><td class='quote'>{_e(ev.get('context'))}</td>"
                        f"<td>{_e(where)}{(' · ' + _e(src)) if src and src != 'résumé' else ''}</td>"
                        f"<td>{_e(ev.get('kind'))}{' (related skill)' if ev.get('related') else ''}</td></tr>")
                add("</table>")
                if len(evs) > 12:
                    add(f"<p class='small'>and {len(evs) - 12} more pieces of evidence.</p>")
            else:
                add("<p>No evidence for this skill area was found in your résumé.</p>")
            for line in c.get("why_not") or []:
                add(f"<p class='small'>Why not higher: {_e(line)}</p>")
        badges = result.get("badges") or []
        if badges:
            add("<h3>Badges and certificates</h3><ul>")
            for b in badges:
                add(f"<li>{_e(b.get('name') or b.get('source'))}: {_e(b.get('verdict'))} — "
                    f"{_e('; '.join(b.get('reasons') or []))}</li>")
            add("</ul>")
        eqs = result.get("equivalencies") or []
        if eqs:
            add("<h3>Education and credential notes</h3><p class='small'>These notes are guidance for the reviewer "
                "and are not part of the score.</p><ul>")
            for n in eqs:
                add(f"<li>{_e(n.get('credential'))}: likely U.S. equivalent {_e(n.get('us_equivalent') or 'none noted')}"
                    f". {_e(n.get('note'))}</li>")
            add("</ul>")
        warnings = result.get("warnings") or []
        if warnings:
            add("<h3>Notes about your file</h3><ul>" + "".join(f"<li>{_e(w)}</li>" for w in warnings) + "</ul>")

    add("<h2>The decision</h2>")
    if decisions:
        last = decisions[-1]
        words = DECISION_WORDS.get(str(last.get("decision")), str(last.get("decision")))
        add(f"<p>On {_e(str(last.get('created', ''))[:10])}, a reviewer decided that your application is "
            f"<strong>{_e(words)}</strong>.")
        reasons = list(last.get("reasons") or [])
        if last.get("reason_text"):
            reasons.append(str(last["reason_text"]))
        if reasons:
            add(" Reasons given: " + _e("; ".join(reasons)) + ".")
        shown = last.get("score_shown")
        if isinstance(shown, (int, float)):
            add(f" The reviewer saw an overall score of {_num(shown)}.")
        add("</p>")
        if last.get("decision") == "reject":
            add("<p class='note'><strong>The tool's role in this decision.</strong> The score above and the evidence "
                "behind it were one input a person considered; the decision and its reasons are that person's. If "
                "the tool missed or misread something in your résumé, the score may be lower than it should be: "
                "you can ask for a human review and for the record to be corrected (below).</p>")
    else:
        add("<p>No decision has been recorded yet. When one is made, it will be made by a person.</p>")

    add("<h2>Your rights: human review and correcting the record</h2><ul>"
        f"<li><strong>Ask for a human review.</strong> To have a person review your application again without relying "
        f"on the tool's score, {how_to_reach}, quoting reference <code>{_e(candidate_code)}</code>.</li>"
        "<li><strong>Correct the record.</strong> If anything the tool read from your résumé is wrong or missing (a "
        "skill, a date, a certificate, a badge), tell us what to correct and we will re-assess with the corrected "
        "information.</li>"
        "<li><strong>Erasure.</strong> You may ask for your application data to be deleted; a record that a deletion "
        "took place is kept, without your personal data.</li></ul>")
    add(f"<p class='small'>Why you are receiving this: Colorado law (SB 26-189, in force 1 January 2027) requires "
        "employers using automated tools in employment decisions to give notice, to explain the tool's role in an "
        "adverse decision in plain language, to offer human review on request and to correct inaccurate data. In the "
        "European Union, the AI Act treats screening tools as high-risk and requires human oversight and, on request, "
        "an explanation of the tool's role in a decision. Records of this assessment and its decisions are kept for "
        f"{retention_years} years and then deleted.</p>")
    add("</body></html>\n")
    return "".join(parts)


def explanation_html_from_store(store: Any, run_id: str, candidate: str, *, employer: str = "",
                                contact: str = "") -> str:
    """The explanation for ``candidate`` (its code, or its file name in the run) of a stored run."""
    from ..store.decisions import decisions as run_decisions
    from .retention import get_retention

    rec = store.run_record(run_id)
    match = [r for r in store.results(run_id) if candidate in (r.candidate_code, r.file_key)
             or r.file_key.rsplit("/", 1)[-1] == candidate]
    if not match:
        raise UsageError(f"run {run_id} has no candidate {candidate!r} (give its code, e.g. C-1a2b3c4d, or file name)")
    r = match[0]
    decs = [d.to_json() for d in run_decisions(store, run_id, r.candidate_code)]
    days = get_retention(store.conn).decisions
    years = max(1, round(days / 365)) if days else 3
    return explanation_html(r.result, candidate_code=r.candidate_code, run_id=run_id, role=rec.rubric_name,
                            as_of=rec.as_of.isoformat(), decisions=decs, employer=employer, contact=contact,
                            retention_years=years)
