"""Candidate page: each competency's score with the quoted evidence, highlighted in the résumé, and the why-not."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from screener.parse.education_kinds import KIND_WORDS
from screener.rubric import LEVEL_NAMES
from screener.score.present import achievement_caption, evidence_rows, licensing_note, work_history_rows
from ui.blind import blind_on, code_of, reveal_control, view_run
from ui.common import highlight, md_text, verdict_words
from ui.runs import current_run
from ui.workflow import candidate_workflow, decision_words, run_decisions

run = view_run(current_run())  # this session's run, else the most recent stored one; redacted when blind
st.title("Candidate")
if run is None:
    st.info("Screen some résumés first (Screen page).")
    st.stop()
scored = [r for r in run.results if r.overall is not None]
if not scored:
    st.warning("No candidate could be scored in the last run.")
    st.stop()
blind = blind_on()
index = {r.file: i for i, r in enumerate(run.results, start=1)}
files = [r.file for r in scored]
current = st.session_state.get("candidate_file", files[0])
pick = st.selectbox("Candidate", files, index=files.index(current) if current in files else 0,
                    format_func=lambda f: (f"Candidate {index[f]:03d}" if blind else
                                           next(r.candidate for r in scored if r.file == f)) + f" — {f}")
st.session_state["candidate_file"] = pick
r = next(x for x in scored if x.file == pick)
reveal_control(run, r)  # an explicit, logged reveal when blind review is on

c1, c2, c3, c4 = st.columns(4)
c1.metric("Overall", f"{r.overall:.1f} / 100")
c2.metric("Rank", f"{index[r.file]} of {len(scored)}")
c3.metric("Must-haves", "met" if r.must_haves_met else "not met")
c4.metric("Verified badges", r.verified_badges)
st.markdown("**Decision:** " + md_text(decision_words(run_decisions(run.run_id).get(code_of(r)))))
if r.missing_must_haves:
    st.error("🚩 Must-have not met: " + md_text("; ".join(r.missing_must_haves)))
for w in r.warnings:
    st.warning("⚠️ " + md_text(w))
if r.degree:
    st.markdown(f"**Degree:** {md_text(r.degree.label())} — "
                f"{md_text(r.degree.detail) if r.degree.status != 'met by equivalent' else ''}".rstrip(" —"))
if r.licence:
    lic = r.licence
    text = f"**Licence ({md_text(lic.name)}{', required by law' if lic.required_by_law else ''}):** {md_text(lic.detail)}"
    (st.success if lic.found else (st.error if lic.required_by_law else st.info))(text)
rubric = st.session_state.get("run_rubric")
licensing = licensing_note(r, rubric) if rubric is not None else None
if licensing:  # once, and only for a regulated role and a credential from abroad
    st.info("🌍 " + md_text(licensing))

st.subheader("Competencies")
st.caption("Scores out of 100: 80 = the evidence meets the required level; above 80 = headroom, earned by evidence "
           "beyond the requirement (more levels, years, breadth); below 80 = short of it, in proportion.")
text_of = r.profile.document.text if r.profile else ""
for c in r.competencies:
    flag = " 🚩 must-have not met" if c.must_have and not c.met else (" ✅" if c.met else "")
    beyond = f" · exceeds by {c.headroom:.1f} level(s)" if c.headroom > 0 else ""
    with st.expander(f"{md_text(c.name)} — {c.score:.1f}/100 · level {c.level} ({LEVEL_NAMES[c.level]}) of "
                     f"{c.required_level}{beyond} · weight {c.weight_share:.0%}{flag}", expanded=False):
        for line in c.why:
            st.markdown(f"✔️ {md_text(line)}")
        for line in c.why_not:
            st.markdown(f"✖️ **Why not:** {md_text(line)}")
        rows = evidence_rows(c, text=text_of, blind=blind)
        if rows:
            st.dataframe(pd.DataFrame([{"Skill": e.skill, "Found as": e.found_as, "Where": e.where,
                                        "Context": e.context} for e in rows]), hide_index=True, width="stretch")
            with st.expander("Full context of each piece of evidence"):
                for e in rows:
                    st.text(f"{e.skill} — {e.found_as} — {e.where}")
                    st.code(e.full_context, language=None, wrap_lines=True)
        wins = sorted(c.achievements, key=lambda a: (a.same_role, a.start))
        if wins:
            st.markdown("**🏆 Quantified achievements** (shown, not scored)")
            for a in wins:
                st.success("🏆 " + md_text(a.text))
                st.caption(achievement_caption("" if blind else md_text(a.role), a.measures, same_role=a.same_role))

st.subheader("Work history")
history = work_history_rows(r)
if history:
    st.caption("Roles as read from the résumé, in its order; an undated role is listed without dates (never guessed).")
    st.dataframe(pd.DataFrame(history), hide_index=True, width="stretch")
else:
    st.caption("No roles were read from this résumé (or it was screened before work history was kept: screen it "
               "again to see it).")

st.subheader("Badges and certificates")
if not r.badges:
    st.caption("No badge or certificate links were found.")
for b in r.badges:
    st.markdown(f"**{verdict_words(b.verdict, b.reasons)}** — {md_text(b.name or b.source)}"
                + (f" · issuer: {md_text(b.issuer)}" + (" (known issuer)" if b.known_issuer else " (issuer not on the known list)")
                   if b.issuer else "") + f" · counts as: {md_text(b.counts_as)}")
    page = b.verdict == "valid" and b.source.startswith(("https://", "http://"))
    st.caption(("" if page else f"{md_text(b.source)} · ") + md_text("; ".join(b.reasons)))
    if page:  # a verified badge's own page: shown to copy, never as a link
        st.code(b.source, language=None)

st.subheader("Education and equivalency notes")
if not r.equivalencies:
    st.caption("No education entries found (none is required unless the rubric says so).")
for n in r.equivalencies:
    marker = "🌍 " if n.foreign else ""
    kind = KIND_WORDS.get(n.kind, "")
    st.markdown(f"{marker}**{md_text(n.credential)}**" + ("" if blind else f" — {md_text(n.institution)}")
                + (f" ({md_text(n.country)})" if n.country else "") + (f" · {kind}" if kind else "")
                + (" · ⏳ not yet awarded" if n.in_progress else ""))
    st.markdown(f"Likely U.S. equivalent: **{md_text(n.us_equivalent or 'no note')}** · ISCED level: "
                f"{n.isced_level if n.isced_level is not None else '—'}" + (" · ⚠️ contested" if n.contested else ""))
    st.caption(md_text(n.note))

candidate_workflow(run, r, rank=index[r.file], total=len(scored), blind=blind)  # ui/workflow.py

st.subheader("Résumé text with evidence highlighted")
doc = r.profile.document if r.profile else None
if doc is not None:
    spans = [(e.start, e.end, f"{c.name}: {e.kind}") for c in r.competencies for e in c.evidence
             if e.start is not None and e.end is not None and e.end > e.start]
    st.markdown(highlight(doc.text, spans), unsafe_allow_html=True)
    if doc.health:
        with st.expander("Document health"):
            for h in doc.health:
                st.markdown(f"- **{md_text(h.code)}** ({md_text(h.severity)}): {md_text(h.message)}")
