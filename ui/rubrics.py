"""Rubrics page: view a rubric's competencies, weights, levels and degree policy."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from screener.errors import RubricError
from screener.rubric import LEVEL_NAMES, list_rubrics, load_rubric
from ui.common import RUBRICS, md_text

st.title("Rubrics")
st.caption("A rubric says what a role needs. Edit the YAML files in rubrics/ (each is commented); "
           "this page shows them and names any error.")
paths = list_rubrics(RUBRICS)
if not paths:
    st.warning("No rubric files in rubrics/.")
    st.stop()
pick = st.selectbox("Rubric file", paths, format_func=lambda p: p.name)
try:
    rubric = load_rubric(pick)
except RubricError as exc:
    st.error(md_text(exc.user_message()))
    st.stop()
st.header(md_text(rubric.role))
if rubric.description:
    st.text(rubric.description)
st.dataframe(pd.DataFrame([{
    "Competency": c.name, "Weight": c.weight, "Share": f"{rubric.weight_share(c):.0%}",
    "Required level": f"{c.required_level} ({LEVEL_NAMES[c.required_level]})",
    "Must-have": "yes" if c.must_have else "", "Min. years": c.min_years if c.min_years is not None else "",
    "Skills": ", ".join(c.skills), "Aliases": ", ".join(c.aliases)} for c in rubric.competencies]),
    hide_index=True, width="stretch")
d = rubric.degree
if d.required:
    subs = "; ".join(s.describe() for s in d.substitutes) or "implied: equivalent experience"
    st.markdown(f"**Degree:** {md_text(d.level)} required" + (f" in {md_text(', '.join(d.fields))}" if d.fields else "")
                + f", or equivalent ({md_text(subs)}). Foreign degrees count at their equivalent level.")
else:
    st.markdown("**Degree:** not required (skills and evidence decide).")
if rubric.licence:
    st.markdown(f"**Licence:** {md_text(rubric.licence.name)}" + (" — required by law (a must-have)"
                                                        if rubric.licence.required_by_law else ""))
st.caption(f"Evidence older than {rubric.evidence.recency_years:g} years counts at half strength. "
           f"Rubric fingerprint {rubric.fingerprint()}.")
