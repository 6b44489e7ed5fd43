"""The hiring team's workflow in the app: the reviewer's name (once per browser session), decisions and scorecards
stored through the core (screener/store/decisions.py, screener/workflow/scorecards.py), possible duplicates, and
the charts (Altair through Streamlit: Vega renders in the browser from Streamlit's own bundle, nothing is fetched).

Applicant text reaches the page as dataframe cells, chart data or through ``md_text``: never as Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from screener.errors import ScreenerError
from screener.fairness.redact import result_code
from screener.rubric import LEVEL_NAMES
from screener.store import open_store
from screener.store.decisions import DECISIONS, REASONS, Decision, decisions, latest_decisions, record_decision
from screener.workflow.duplicates import Duplicates, find_duplicates
from screener.workflow.exports import DECISION_WORDS, RoleSpan
from screener.workflow.scorecards import RATINGS, AgreementRow, Rating, agreement, latest_ratings, record_scorecard
from ui.common import md_text

AGREEMENT_WORDS = {"agree": "✔ agree", "close": "≈ within one level", "differ": "⚠ differ",
                   "not rated": "— not rated yet"}


# ---- the reviewer -----------------------------------------------------------------------------------------------

def reviewer_box() -> str:
    """The reviewer's name in the sidebar, asked once per browser session (sign-in is out of scope)."""
    name = st.sidebar.text_input("Your name (for decisions and scorecards)", value=st.session_state.get("reviewer", ""),
                                 key="reviewer_input", max_chars=120,
                                 help="Recorded with every decision and rating you make in this browser session.")
    st.session_state["reviewer"] = name.strip()
    return name.strip()


def reviewer() -> str:
    return str(st.session_state.get("reviewer", "")).strip()


# ---- what is stored about a run ----------------------------------------------------------------------------------

def run_decisions(run_id: str) -> dict[str, Decision]:
    """The newest decision per candidate code ({} when the run is not stored or the store cannot be read)."""
    if not run_id:
        return {}
    try:
        with open_store() as store:
            return latest_decisions(store, run_id)
    except ScreenerError:
        return {}


def candidate_history(run_id: str, code: str) -> list[Decision]:
    if not run_id:
        return []
    try:
        with open_store() as store:
            return decisions(store, run_id, code)
    except ScreenerError:
        return []


def candidate_ratings(run_id: str, code: str) -> list[Rating]:
    if not run_id:
        return []
    try:
        with open_store() as store:
            return latest_ratings(store, run_id, code)
    except ScreenerError:
        return []


def run_duplicates(run: Any) -> Duplicates:
    """Possible duplicates of the session's unredacted run (contact details are read from the résumé text), cached
    per run."""
    raw = st.session_state.get("run") or run
    key = (id(raw), getattr(raw, "run_id", ""), len(raw.results))
    cached = st.session_state.get("_duplicates")
    if isinstance(cached, tuple) and cached[0] == key:
        return cached[1]
    dups = find_duplicates(raw.results)
    st.session_state["_duplicates"] = (key, dups)
    return dups


def decision_words(d: Decision | None) -> str:
    return f"{DECISION_WORDS[d.decision]} ({d.reviewer})" if d else "— undecided"


# ---- decisions and scorecards on the candidate page ----------------------------------------------------------------

def decision_panel(run: Any, result: Any) -> None:
    """Record advance / hold / reject with reasons and notes; never automatic. The history is listed below."""
    code = result_code(result)
    run_id = getattr(run, "run_id", "")
    st.subheader("Decision")
    if not run_id:
        st.info("This run is not stored, so decisions cannot be recorded; screen again with the store available.")
        return
    history = candidate_history(run_id, code)
    if history:
        d = history[-1]
        st.markdown(f"**Current decision:** {DECISION_WORDS[d.decision]} by {md_text(d.reviewer)} on "
                    f"{d.created[:16].replace('T', ' ')} UTC"
                    + (f" · score shown {d.score_shown:.1f}" if d.score_shown is not None else ""))
    else:
        st.caption("No decision yet. Nothing is decided automatically: a reviewer records each decision.")
    name = reviewer()
    n = st.session_state.get("decision_nonce", 0)  # a fresh, empty form after each recorded decision
    choice = st.radio("Decision", DECISIONS, index=None, horizontal=True, key=f"decision_{run_id}_{code}_{n}",
                      format_func=lambda d: DECISION_WORDS[d])
    reasons = st.multiselect("Reasons", REASONS[choice] if choice else [], key=f"reasons_{run_id}_{code}_{choice}_{n}",
                             placeholder="Choose a decision first" if not choice else "Choose reasons")
    other = st.text_input("Other reason (free text)", key=f"reason_text_{run_id}_{code}_{n}", max_chars=4000)
    notes = st.text_area("Notes", key=f"notes_{run_id}_{code}_{n}", max_chars=4000, height=80)
    if not name:
        st.caption("Enter your name in the sidebar to record a decision.")
    if st.button("Record decision", type="primary", disabled=not (name and choice), key=f"record_{run_id}_{code}"):
        try:
            with open_store() as store:
                record_decision(store, run_id, code, str(choice), reviewer=name, reasons=reasons,
                                reason_text=other, notes=notes, score_shown=result.overall)
        except ScreenerError as exc:
            st.error(md_text(exc.user_message()))
            return
        st.session_state["decision_nonce"] = n + 1
        st.toast("Decision recorded")
        st.rerun()
    if history:
        with st.expander(f"Decision history ({len(history)})"):
            st.dataframe(pd.DataFrame([{
                "When (UTC)": d.created[:16].replace("T", " "), "Reviewer": d.reviewer,
                "Decision": DECISION_WORDS[d.decision], "Reasons": "; ".join(d.reasons), "Other reason": d.reason_text,
                "Notes": d.notes, "Score shown": d.score_shown} for d in reversed(history)]),
                hide_index=True, width="stretch")


def scorecard_panel(run: Any, result: Any) -> list[AgreementRow]:
    """Each reviewer rates each competency 1–4 with a comment, next to the screener's level; then where reviewers
    and the screener agree and differ. Returns the agreement rows (for the summary export)."""
    code = result_code(result)
    run_id = getattr(run, "run_id", "")
    levels = {c.name: c.level for c in result.competencies}
    names = [c.name for c in result.competencies]
    latest = candidate_ratings(run_id, code)
    st.subheader("Scorecard")
    st.caption("Rate each competency yourself, independently: 1 aware · 2 working · 3 proficient · 4 expert. "
               "The screener's level is shown beside it; other reviewers' ratings are in the comparison below.")
    name = reviewer()
    if not run_id:
        st.info("This run is not stored, so ratings cannot be recorded.")
    else:
        mine = {r.competency: r for r in latest if r.reviewer.casefold() == name.casefold()} if name else {}
        with st.form(f"scorecard_{run_id}_{code}", border=True):
            given: dict[str, tuple[int | None, str]] = {}
            for c in result.competencies:
                left, mid, right = st.columns([3, 4, 3])
                left.markdown(f"**{md_text(c.name)}**  \nScreener: level {c.level} — {LEVEL_NAMES[c.level]} "
                              f"(required {c.required_level} — {LEVEL_NAMES[c.required_level]})")
                prev = mine.get(c.name)
                value = mid.segmented_control(f"Your rating of {c.name}", list(RATINGS),
                                              default=prev.rating if prev else None,
                                              key=f"rate_{run_id}_{code}_{c.name}",
                                              format_func=lambda v: f"{v} {RATINGS[v]}")
                comment = right.text_input(f"Comment on {c.name}", value=prev.comment if prev else "",
                                           key=f"comment_{run_id}_{code}_{c.name}", max_chars=2000)
                given[c.name] = (value, comment)
            submitted = st.form_submit_button("Save my scorecard", disabled=not name)
        if not name:
            st.caption("Enter your name in the sidebar to rate.")
        if submitted and name:
            chosen = {k: (int(v), txt) for k, (v, txt) in given.items() if v is not None}
            try:
                with open_store() as store:
                    record_scorecard(store, run_id, code, reviewer=name, ratings=chosen, screener_levels=levels,
                                     competencies=names)
            except ScreenerError as exc:
                st.error(md_text(exc.user_message()))
            else:
                st.toast("Scorecard saved")
                st.rerun()
    rows = agreement(latest, levels, names)
    if any(r.ratings for r in rows):
        st.markdown("**Reviewers and screener**")
        st.dataframe(pd.DataFrame([{
            "Competency": r.competency,
            "Screener": f"{r.screener_level} — {LEVEL_NAMES.get(r.screener_level or 0, '')}",
            "Reviewers": "; ".join(f"{n}: {v} {RATINGS[v]}" + (f" — {c}" if c else "") for n, v, c in r.ratings) or "—",
            "Agreement": AGREEMENT_WORDS[r.verdict],
            "Reviewers' spread": f"{r.spread} level(s)" if len(r.ratings) > 1 else "—",
        } for r in rows]), hide_index=True, width="stretch")
    return rows


# ---- charts ---------------------------------------------------------------------------------------------------------

def score_distribution(scores: Sequence[float], marked: float | None = None, label: str = "") -> alt.Chart:
    """The run's overall scores in bands of 10, with one candidate's score marked by a line and its label."""
    data = pd.DataFrame({"Overall": list(scores)})
    bars = alt.Chart(data).mark_bar(color="#6b8fb3").encode(
        x=alt.X("Overall:Q", bin=alt.Bin(extent=[0, 100], step=10), title="Overall score (bands of 10)"),
        y=alt.Y("count():Q", title="Candidates"), tooltip=[alt.Tooltip("count():Q", title="Candidates")])
    chart: alt.Chart | alt.LayerChart = bars
    if marked is not None:
        mark = pd.DataFrame({"Overall": [marked], "label": [f"{label} {marked:.0f}".strip()]})
        rule = alt.Chart(mark).mark_rule(color="#b3261e", strokeWidth=3, strokeDash=[6, 3]).encode(x="Overall:Q")
        text = alt.Chart(mark).mark_text(align="right", dx=-6, dy=-5, color="#b3261e", fontWeight="bold").encode(
            x="Overall:Q", y=alt.value(12), text="label:N")
        chart = bars + rule + text
    return chart.properties(height=220)


def coverage_heatmap(run: Any, competencies: Sequence[str], labels: dict[str, str], limit: int = 40) -> alt.Chart:
    """Candidates (rows, in rank order) × competencies: the score as colour AND as a number (never colour alone)."""
    records = []
    order = []
    for r in [x for x in run.results if x.overall is not None][:limit]:
        who = labels.get(result_code(r), r.candidate)
        order.append(who)
        for name in competencies:
            c = r.competency(name)
            if c is None:
                continue
            records.append({"Candidate": who, "Competency": name, "Score": round(c.score),
                            "Level": f"{c.level} {LEVEL_NAMES[c.level]}", "Met": "met" if c.met else "not met"})
    data = pd.DataFrame(records)
    base = alt.Chart(data).encode(
        x=alt.X("Competency:N", sort=list(competencies), title=None,
                axis=alt.Axis(labelAngle=-25, labelLimit=200, labelOverlap=False)),
        y=alt.Y("Candidate:N", sort=order, title=None))
    rect = base.mark_rect().encode(
        color=alt.Color("Score:Q", scale=alt.Scale(domain=[0, 100], scheme="blues"), title="Score"),
        tooltip=["Candidate", "Competency", "Score", "Level", "Met"])
    text = base.mark_text(fontSize=11).encode(
        text="Score:Q", color=alt.condition(alt.datum.Score > 60, alt.value("white"), alt.value("black")))
    return (rect + text).properties(height=24 * len(order) + 130)  # rows plus the slanted competency names


def timeline_chart(spans: Sequence[RoleSpan]) -> alt.Chart:
    """Each dated role as a bar from start to end, labelled with the competencies used in it."""
    data = pd.DataFrame([{"Role": s.role or "(untitled role)", "Start": s.start + "-01", "End": s.end + "-28",
                          "Used": ", ".join(s.competencies), "Skills": ", ".join(s.skills),
                          "Until": "present" if s.open_ended else s.end} for s in spans])
    order = [s.role or "(untitled role)" for s in spans]
    bars = alt.Chart(data).mark_bar(color="#6b8fb3", cornerRadius=3).encode(
        y=alt.Y("Role:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("Start:T", title=None, axis=alt.Axis(format="%Y")), x2="End:T",
        tooltip=["Role", "Start", "Until", "Used", "Skills"])
    return bars.properties(height=30 * len(spans) + 50)


def compare_chart(results: Sequence[Any], labels: dict[str, str], competencies: Sequence[str]) -> alt.Chart:
    """Grouped bars: each competency's score per candidate, with the number on each bar and 80 (= meets) marked."""
    records = []
    for r in results:
        for name in competencies:
            c = r.competency(name)
            if c is not None:
                records.append({"Competency": name, "Candidate": labels[result_code(r)], "Score": round(c.score, 1),
                                "Level": f"{c.level} {LEVEL_NAMES[c.level]}"})
    data = pd.DataFrame(records)
    base = alt.Chart(data).encode(
        y=alt.Y("Competency:N", sort=list(competencies), title=None, axis=alt.Axis(labelLimit=220)),
        yOffset=alt.YOffset("Candidate:N"),
        x=alt.X("Score:Q", scale=alt.Scale(domain=[0, 100]), title="Score (80 = meets the requirement)"))
    bars = base.mark_bar().encode(color=alt.Color("Candidate:N", legend=alt.Legend(orient="top", title=None)),
                                  tooltip=["Candidate", "Competency", "Score", "Level"])
    text = base.mark_text(align="left", dx=3, fontSize=10).encode(text=alt.Text("Score:Q", format=".0f"))
    meets = alt.Chart(pd.DataFrame({"x": [80]})).mark_rule(strokeDash=[4, 4], color="#444").encode(x="x:Q")
    return (bars + text + meets).properties(height=18 * len(competencies) * max(1, len(results)) + 60)


# ---- the candidate page's workflow sections ------------------------------------------------------------------------

def candidate_workflow(run: Any, result: Any, *, rank: int, total: int, blind: bool) -> None:
    """Charts (where the candidate sits in the run, their roles over time), the scorecard, the decision and the
    one-page summary for an interview panel."""
    from screener.workflow.exports import candidate_summary_html, role_timeline

    code = result_code(result)
    st.subheader("Where this candidate sits")
    scores = [r.overall for r in run.results if r.overall is not None]
    st.markdown("**Overall scores of this run** (this candidate marked)")
    st.altair_chart(score_distribution(scores, result.overall, "this candidate"), width="stretch")
    spans = role_timeline(result, as_of=run.as_of.isoformat())
    st.markdown("**Roles over time and the competencies used in them**")
    if spans:
        st.altair_chart(timeline_chart(spans), width="stretch")
        st.dataframe(pd.DataFrame([{"Role": s.role, "From": s.start, "To": "present" if s.open_ended else s.end,
                                    "Competencies used": ", ".join(s.competencies),
                                    "Skills used": ", ".join(s.skills)} for s in spans]),
                     hide_index=True, width="stretch")
    else:
        st.caption("No dated role with evidence of a rubric skill was found.")
    rows = scorecard_panel(run, result)
    decision_panel(run, result)
    dups = run_duplicates(run)
    if dups.of(code):
        st.warning("⚑ " + md_text(dups.words(code)) + " — check before deciding (nothing was merged).")
    page = candidate_summary_html(
        result, rank=rank, total=total, role=run.rubric_role, as_of=run.as_of.isoformat(),
        run_id=getattr(run, "run_id", ""), rubric_sha256=_rubric_sha(getattr(run, "run_id", "")),
        decisions=candidate_history(getattr(run, "run_id", ""), code), agreement_rows=rows,
        duplicate_words=dups.words(code), blind=blind)
    st.download_button("Download a one-page summary for the interview panel (HTML, printable)",
                       page.encode("utf-8"), file_name=f"summary-{code}.html", mime="text/html",
                       key=f"summary_{code}")


def _rubric_sha(run_id: str) -> str:
    if not run_id:
        return ""
    try:
        with open_store() as store:
            return store.run_record(run_id).rubric_sha256
    except ScreenerError:
        return ""
