"""Fairness page: the adverse-impact report of a stored run (from self-reported demographics), the decision log's
integrity, candidate explanations, retention settings, purge and erasure. Every action is a core function and a CLI
command (``fairness report``, ``log verify``, ``explain``, ``retention``, ``purge``, ``erase``)."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from screener.errors import ScreenerError
from screener.fairness import decision_log
from screener.fairness.demographics import parse_demographics_csv, run_score_rows, store_demographics
from screener.fairness.explain import explanation_html_from_store
from screener.fairness.impact import ABOUT, CATEGORIES, impact_report, label, report_csv
from screener.fairness.retention import erase_candidate, get_retention, purge, set_retention
from screener.store import open_store
from ui.common import md_text

st.title("Fairness and records")
st.caption("Outcome figures by group, the tamper-evident decision log, explanations for candidates, and how long "
           "records are kept. Demographics are self-reported, stored apart from screening data and never shown to "
           "reviewers; this page shows only group totals.")

try:
    store = open_store()
except ScreenerError as exc:
    st.error("The screening database cannot be opened: " + md_text(exc.user_message()))
    st.stop()

try:
    runs = store.list_runs()
    current = getattr(st.session_state.get("run"), "run_id", "")

    # ---- adverse-impact report --------------------------------------------------------------------------------
    st.header("Adverse-impact report")
    if not runs:
        st.info("No stored run yet: screen résumés first (Screen page).")
    else:
        ids = [r.id for r in runs]
        info = {r.id: r for r in runs}
        run_id = st.selectbox("Run", ids, index=ids.index(current) if current in ids else 0,
                              format_func=lambda i: f"{info[i].created[:16].replace('T', ' ')} — {info[i].rubric} — "
                                                    f"{info[i].scored} scored")
        have = store.conn.execute("SELECT COUNT(*) FROM demographics WHERE run_id = ?", (run_id,)).fetchone()[0]
        st.markdown(f"Self-reported demographics on file for this run: **{have}** candidate(s).")
        up = st.file_uploader("Demographics CSV (columns candidate_code, sex, race_ethnicity; an empty value is "
                              "unknown)", type=["csv"], key="demographics_upload",
                              help="Joined to the run by candidate code. Collect these answers separately from the "
                                   "application, voluntarily; they are never shown on a reviewer's page.")
        if up is not None and st.button("Store demographics for this run"):
            try:
                text = up.getvalue().decode("utf-8")
                n = store_demographics(store, run_id, parse_demographics_csv(text, name=up.name))
                st.success(f"Stored demographics for {n} candidate(s) (replacing any earlier file for this run).")
                have = n
            except UnicodeDecodeError:
                st.error(f"{md_text(up.name)}: not UTF-8 text; save the CSV as UTF-8.")
            except ScreenerError as exc:
                st.error(md_text(exc.user_message()))
        try:
            rows = run_score_rows(store, run_id)
        except ScreenerError as exc:
            rows = []
            st.warning(md_text(exc.user_message()))
        if rows:
            rep = impact_report(rows)
            st.markdown(f"**{rep.n}** scored candidates · median score **{rep.median:g}** · scoring rate = share "
                        "scoring strictly above the median · selection rate = share a reviewer advanced.")
            table = pd.DataFrame(rep.table_rows())
            if table.empty:
                st.info("No candidate of this run has a known sex or race/ethnicity yet: upload the demographics "
                        "CSV above.")
            else:
                table["Flags"] = [
                    "; ".join(x for x in (
                        "⚠ scoring ratio under 4/5" if r.four_fifths_flag else "",
                        "⚠ selection ratio under 4/5" if r.selection_four_fifths_flag else "",
                        f"small sample (n={r.n})" if r.small_sample else "") if x)
                    for r in (rep.categories[c].groups[g] for c, g in zip(table["category"], table["group"],
                                                                          strict=True))]
                table["Category"] = [label(c) for c in table["category"]]
                shown = table[["Category", "group", "n", "scoring_rate", "impact_ratio", "selection_rate",
                               "selection_impact_ratio", "p_value", "Flags"]].rename(columns={
                    "group": "Group", "scoring_rate": "Scoring rate", "impact_ratio": "Impact ratio",
                    "selection_rate": "Selection rate", "selection_impact_ratio": "Selection impact ratio",
                    "p_value": "p-value (Fisher)"})
                st.dataframe(shown, hide_index=True, width="stretch", column_config={
                    "Scoring rate": st.column_config.NumberColumn(format="percent"),
                    "Selection rate": st.column_config.NumberColumn(format="percent"),
                    "Impact ratio": st.column_config.NumberColumn(format="%.2f"),
                    "Selection impact ratio": st.column_config.NumberColumn(format="%.2f"),
                    "p-value (Fisher)": st.column_config.NumberColumn(format="%.3f")})
                st.caption(" · ".join(f"{label(c)}: {rep.categories[c].unknown} unknown (left out of the rates)"
                                      for c in CATEGORIES))
                chart_data = table.dropna(subset=["impact_ratio"]).assign(
                    label=lambda d: d["category"].map(label) + " · " + d["group"]
                    + d["small_sample"].map({True: " (small sample)", False: ""}),
                    flag=lambda d: d["four_fifths_flag"].map({True: "under 4/5", False: "4/5 or more"}))
                if not chart_data.empty:
                    bars = alt.Chart(chart_data).mark_bar().encode(
                        x=alt.X("impact_ratio:Q", title="Scoring impact ratio", scale=alt.Scale(domain=[0, 1])),
                        y=alt.Y("label:N", title=None, sort="-x"),
                        color=alt.Color("flag:N", title="Four-fifths rule of thumb"),
                        opacity=alt.condition("datum.small_sample", alt.value(0.45), alt.value(1.0)),
                        tooltip=["category", "group", "n", "scoring_rate", "impact_ratio", "p_value"])
                    st.altair_chart(bars, width="stretch")
                    st.caption("Bars under 0.8 are marked “under 4/5” in the legend and the table; faded bars are "
                               "groups under 5 people, whose figures are fragile.")
                for note in rep.notes():
                    st.markdown("- " + md_text(note))
                st.download_button("Download the report (CSV)", report_csv(rep), file_name=f"impact-{run_id}.csv",
                                   mime="text/csv")
            st.info(ABOUT)

    # ---- decision log ----------------------------------------------------------------------------------------------
    st.header("Decision log")
    v = decision_log.verify_log(store.conn)
    if v.ok:
        st.success(f"✅ Intact: {v.entries} entries, each chained to the one before it by its hash.")
    else:
        st.error("❌ Tampering detected: " + md_text(v.problem))
    st.download_button("Export the log (JSON lines)", decision_log.export_jsonl(store.conn),
                       file_name="decision-log.jsonl", mime="application/json")

    # ---- explanations ----------------------------------------------------------------------------------------------
    if runs:
        st.header("Explanation for a candidate")
        st.caption("A plain-language page for the applicant: what was assessed, the evidence, the scores, that a "
                   "person decides, and how to ask for human review or a correction (Colorado SB 26-189, EU AI Act).")
        codes = [r.candidate_code for r in store.results(run_id)]
        if codes:
            code = st.selectbox("Candidate code", codes, key="explain_code")
            contact = st.text_input("How applicants reach you (shown on the page)", key="explain_contact",
                                    placeholder="e.g. careers@yourcompany.example")
            page = explanation_html_from_store(store, run_id, code, contact=contact)
            st.download_button("Download the explanation (HTML)", page, file_name=f"explanation-{code}.html",
                               mime="text/html")

    # ---- retention and erasure -----------------------------------------------------------------------------------
    st.header("Retention")
    s = get_retention(store.conn)
    st.caption("Colorado SB 26-189 asks employers to keep decision records for 3 years (the default here). "
               "Documents and results are kept until deleted unless you set a period. 0 = no limit.")
    c1, c2, c3 = st.columns(3)
    docs = c1.number_input("Documents (days)", min_value=0, max_value=36500, value=s.documents or 0, step=30)
    res = c2.number_input("Results and runs (days)", min_value=0, max_value=36500, value=s.results or 0, step=30)
    decs = c3.number_input("Decision records (days)", min_value=0, max_value=36500, value=s.decisions or 0, step=30)
    if decs and decs < 365 * 3:
        st.warning("Decision records kept for less than 3 years: Colorado SB 26-189 asks for 3.")
    b1, b2 = st.columns(2)
    if b1.button("Save retention periods"):
        try:
            set_retention(store.conn, documents=int(docs) or None, results=int(res) or None,
                          decisions=int(decs) or None, by=st.session_state.get("reviewer", ""))
            st.success("Saved (and recorded in the decision log).")
        except ScreenerError as exc:
            st.error(md_text(exc.user_message()))
    if b2.button("Purge what is past its period now"):
        st.success(purge(store).describe())

    st.header("Erase a candidate")
    st.caption("Removes the candidate's documents, results, demographics and decisions from every run, and blanks "
               "their decision-log entries; an erasure record without personal data keeps the log verifiable.")
    target = st.text_input("Candidate code (C-…)", key="erase_code")
    sure = st.checkbox("I understand this cannot be undone", key="erase_sure")
    if st.button("Erase", disabled=not (target.strip() and sure), type="primary"):
        try:
            st.success(md_text(erase_candidate(store, target.strip(),
                                               actor=st.session_state.get("reviewer", "")).describe()))
            st.session_state.pop("run", None)
        except ScreenerError as exc:
            st.error(md_text(exc.user_message()))
finally:
    store.close()
