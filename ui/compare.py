"""Compare page: two to four candidates side by side, per competency, with the evidence behind each score and a
chart. Blind review applies as everywhere (ui/blind.py): candidates are shown by code unless revealed."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from screener.rubric import LEVEL_NAMES
from screener.score.present import evidence_rows
from ui.blind import blind_on, blind_options, code_of, view_run
from ui.common import md_text
from ui.runs import current_run
from ui.workflow import compare_chart, decision_words, run_decisions

st.title("Compare candidates")
run = view_run(current_run())
if run is None:
    st.info("Screen some résumés first (Screen page).")
    st.stop()
scored = [r for r in run.results if r.overall is not None]
if len(scored) < 2:
    st.info("At least two scored candidates are needed to compare.")
    st.stop()
blind = blind_on()
rank = {code_of(r): i for i, r in enumerate(scored, start=1)}
label = {code_of(r): (code_of(r) if blind else r.candidate or r.file) for r in scored}
label = {c: f"#{rank[c]} {n}" for c, n in label.items()}
by_code = {code_of(r): r for r in scored}
default = [c for c in st.session_state.get("compare_codes", []) if c in by_code] or list(by_code)[:2]
picked = st.multiselect("Candidates (two to four)", list(by_code), default=default[:4], max_selections=4,
                        format_func=lambda c: label[c], key="compare_pick")
st.session_state["compare_codes"] = picked
if len(picked) < 2:
    st.info("Choose at least two candidates.")
    st.stop()
chosen = [by_code[c] for c in picked]
rubric = st.session_state.get("run_rubric")
names = [c.name for c in rubric.competencies] if rubric is not None else [c.name for c in chosen[0].competencies]
latest = run_decisions(run.run_id)

# the foreign-credential marker is a nationality proxy: blind review hides it (its redacted value would read "no")
hide_foreign = blind and blind_options().nationality
summary = {"": ["Overall", "Must-haves", "Verified badges", *([] if hide_foreign else ["Foreign credential"]),
                "Decision"]}
for r in chosen:
    summary[label[code_of(r)]] = [
        f"{r.overall:.1f}",
        "✔ all met" if r.must_haves_met else "✖ missing: " + "; ".join(r.missing_must_haves),
        f"✔ {r.verified_badges}" if r.verified_badges else "—",
        *([] if hide_foreign else ["yes (see note)" if r.has_foreign_credential else "no"]),
        decision_words(latest.get(code_of(r)))]
st.dataframe(pd.DataFrame(summary), hide_index=True, width="stretch")

st.subheader("Per competency")
grid = {"Competency": names}
for r in chosen:
    cells = []
    for n in names:
        c = r.competency(n)
        cells.append("—" if c is None else
                     f"{c.score:.0f} · level {c.level} {LEVEL_NAMES[c.level]}" + (" ✔ met" if c.met else " ✖ short"))
    grid[label[code_of(r)]] = cells
st.dataframe(pd.DataFrame(grid), hide_index=True, width="stretch")
st.altair_chart(compare_chart(chosen, label, names), width="stretch")

st.subheader("The evidence behind each score")
for n in names:
    with st.expander(md_text(n)):
        cols = st.columns(len(chosen))
        for col, r in zip(cols, chosen, strict=True):
            c = r.competency(n)
            col.markdown(f"**{md_text(label[code_of(r)])}** — " + ("no score" if c is None else
                         f"{c.score:.0f}/100, level {c.level} ({LEVEL_NAMES[c.level]}) of {c.required_level}"))
            if c is None:
                continue
            text = r.profile.document.text if r.profile else ""
            ev = evidence_rows(c, text=text, blind=blind)
            if ev:
                col.dataframe(pd.DataFrame([{"Skill": e.skill, "Found as": e.found_as, "Context": e.context}
                                            for e in ev]), hide_index=True, width="stretch")
            else:
                col.caption("No evidence found.")
            for line in c.why_not:
                col.caption("✖ Why not: " + md_text(line))
