"""Rubrics page: create, copy, edit, rename and delete rubrics without seeing YAML; draft one from a job posting
or an occupation. Every rule is in the core (``screener.authoring``); this page only draws it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from screener.authoring.compare import compare_runs
from screener.authoring.draft import draft_from_occupation, draft_from_text, posting_text
from screener.authoring.form import (
    LEVEL_WORDS,
    SUBSTITUTE_KINDS,
    blank_rubric,
    check,
    competency_rows,
    degree_words,
    resolve_terms,
    rows_to_competencies,
    rows_to_substitutes,
    search_skills,
    substitute_rows,
)
from screener.authoring.library import (
    copy_rubric,
    delete_rubric,
    file_name,
    list_library,
    rename_rubric,
    save_rubric,
)
from screener.authoring.occupations import search_occupations
from screener.authoring.yamlio import rubric_mapping, rubric_yaml
from screener.errors import RubricError, ScreenerError
from screener.rubric import ISCED_OF_LEVEL, load_rubric, split_terms
from screener.store import open_store
from ui.common import clear_rubric_choices, extractor, md_text

S = st.session_state


def load_into_editor(data: dict[str, Any], *, path: str | None, name: str, notes: list[str] | None = None) -> None:
    """Put a rubric mapping in the editor (new widget keys, so every field shows it)."""
    S["rb_data"] = data
    S["rb_path"] = path
    S["rb_name"] = name
    S["rb_notes"] = notes or []
    S["rb_version"] = S.get("rb_version", 0) + 1


def show_problems(lines: list[str], *, warn: bool = False) -> None:
    for line in lines:
        (st.warning if warn else st.error)(md_text(line))


def library_changed() -> None:
    clear_rubric_choices()  # the Screen page lists the change at once


st.title("Rubrics")
st.caption("A rubric says what a role needs: competencies with weights, levels and skills, the degree policy and "
           "any licence. Templates ship with the app and stay as they are; copy one to change it. Your rubrics are "
           "saved in your own rubric folder (the SCREENER_RUBRICS setting) and listed on the Screen page.")

if S.get("rb_flash"):
    st.success(md_text(S.pop("rb_flash")))

# ------------------------------------------------------------------------------------------------ the library
entries = list_library()
st.dataframe(pd.DataFrame([{
    "Rubric": e.path.name, "Role": e.role or "", "Where": "Your rubrics" if e.editable else "Template",
    "Status": "OK" if e.error is None else e.error} for e in entries]), hide_index=True, width="stretch")

if entries:
    labels = {str(e.path): f"{e.role or e.path.name} — {'yours' if e.editable else 'template'} ({e.path.name})"
              for e in entries}
    pick = st.selectbox("Rubric", list(labels), format_func=lambda p: labels[p], key="rb_pick")
    chosen = next(e for e in entries if str(e.path) == pick)
    c1, c2, c3, c4 = st.columns(4)
    if c1.button("Open in the editor", disabled=chosen.error is not None):
        try:
            rubric = load_rubric(chosen.path)
        except RubricError as exc:
            st.error(md_text(exc.user_message()))
        else:
            load_into_editor(rubric_mapping(rubric), path=str(chosen.path) if chosen.editable else None,
                             name=chosen.path.stem if chosen.editable else f"{chosen.path.stem}-copy")
    with c2.popover("Copy to my rubrics", disabled=chosen.error is not None):
        copy_name = st.text_input("Name of the copy", value=f"{chosen.path.stem}-copy", key="rb_copy_name")
        if st.button("Copy", key="rb_copy"):
            try:
                target = copy_rubric(chosen.path, copy_name)
            except RubricError as exc:
                st.error(md_text(exc.user_message()))
            else:
                library_changed()
                S["rb_flash"] = f"Copied to {target.name}: open it to edit."
                st.rerun()
    with c3.popover("Rename", disabled=not chosen.editable):
        new_name = st.text_input("New name", value=chosen.path.stem, key="rb_new_name")
        if st.button("Rename", key="rb_rename"):
            try:
                target = rename_rubric(chosen.path, new_name)
            except RubricError as exc:
                st.error(md_text(exc.user_message()))
            else:
                if S.get("rb_path") == str(chosen.path):
                    S["rb_path"], S["rb_name"] = str(target), target.stem
                library_changed()
                st.rerun()
    with c4.popover("Delete", disabled=not chosen.editable):
        st.write("Delete this rubric? Runs already stored keep their own copy of it.")
        if st.button("Delete for good", key="rb_delete", type="primary"):
            try:
                delete_rubric(chosen.path)
            except RubricError as exc:
                st.error(md_text(exc.user_message()))
            else:
                if S.get("rb_path") == str(chosen.path):
                    S["rb_path"] = None
                library_changed()
                st.rerun()

# ------------------------------------------------------------------------------------------------ start a rubric
st.subheader("Start a rubric")
t_blank, t_post, t_occ = st.tabs(["Blank", "From a job posting", "From an occupation"])
with t_blank:
    if st.button("New blank rubric"):
        load_into_editor(blank_rubric(), path=None, name="new-rubric")
with t_post:
    posting = st.text_area("Paste the job posting", height=200, key="rb_posting",
                           help="The draft groups the skills the posting names into competencies; you edit it "
                                "before saving.")
    upload = st.file_uploader("…or upload it (TXT, PDF, DOCX)", type=["txt", "pdf", "docx"], key="rb_posting_file")
    if st.button("Draft from the posting", type="primary"):
        try:
            if upload is not None:
                text, source = posting_text(upload.name, upload.getvalue()), upload.name
            else:
                text, source = posting, "a pasted posting"
            extractor()
            draft = draft_from_text(text, source=source)
        except ScreenerError as exc:
            st.error(md_text(exc.user_message()))
        else:
            load_into_editor(draft.data, path=None, name=file_name(draft.data["role"]).removesuffix(".yaml"),
                             notes=draft.notes)
with t_occ:
    query = st.text_input("O*NET-SOC code or occupation title", key="rb_occ_query",
                          placeholder="15-2051.00 or data analyst")
    found = search_occupations(query, limit=12) if query.strip() else []
    if query.strip() and not found:
        st.info("No ESCO or O*NET occupation matches; try a shorter title or an O*NET-SOC code.")
    if found:
        occ_labels = {f"{o.source}:{o.code}": f"{o.title} ({'ESCO' if o.source == 'esco' else 'O*NET'} {o.code})"
                      for o in found}
        occ = st.selectbox("Occupation", list(occ_labels), format_func=lambda k: occ_labels[k], key="rb_occ")
        if st.button("Draft from the occupation"):
            source, code = occ.split(":", 1)
            match = next(o for o in found if o.source == source and o.code == code)
            try:
                draft = draft_from_occupation(match.uri if source == "esco" else code)
            except ScreenerError as exc:
                st.error(md_text(exc.user_message()))
            else:
                load_into_editor(draft.data, path=None,
                                 name=file_name(draft.data["role"]).removesuffix(".yaml"), notes=draft.notes)

# ------------------------------------------------------------------------------------------------ versions
def versions_section() -> None:
    """Two stored runs (e.g. before and after a rubric edit, same résumés): what moved for each candidate."""
    try:
        with open_store() as store:
            runs = store.list_runs()
            if len(runs) < 2:
                return
            with st.expander("What moved between two runs (two versions of a rubric)"):
                labels = {r.id: f"{r.created[:16].replace('T', ' ')} — {r.rubric} — {r.scored} scored — run {r.id}"
                          for r in runs}
                v1, v2 = st.columns(2)
                before = v1.selectbox("Before", list(labels), index=1, format_func=lambda i: labels[i],
                                      key="rb_diff_before")
                after = v2.selectbox("After", list(labels), index=0, format_func=lambda i: labels[i],
                                     key="rb_diff_after")
                if st.button("Compare the runs"):
                    try:
                        diffs = compare_runs(store, before, after)
                    except ScreenerError as exc:
                        st.error(md_text(exc.user_message()))
                    else:
                        st.text("\n\n".join("\n".join(d.lines()) for d in diffs))
    except ScreenerError as exc:
        st.caption("Stored runs cannot be compared here: " + md_text(exc.user_message()))


versions_section()

if "rb_data" not in S:
    st.info("Open a rubric, or start one from a blank page, a job posting or an occupation.")
    st.stop()

# ------------------------------------------------------------------------------------------------ the editor
data: dict[str, Any] = S["rb_data"]
v = S["rb_version"]
st.divider()
st.subheader("Edit")
if S.get("rb_notes"):
    with st.expander("Notes from the draft — read before saving", expanded=True):
        for note in S["rb_notes"]:
            st.text(note)

role = st.text_input("Role", value=data.get("role", ""), key=f"rb_role_{v}")
description = st.text_area("Description (optional)", value=data.get("description", ""), height=68,
                           key=f"rb_desc_{v}")

st.markdown("**Competencies** — weights are shown as shares of 100%; skills and aliases are comma-separated.")
col_table, col_check = st.columns([3, 1])
with col_table:
    edited = st.data_editor(
        pd.DataFrame(competency_rows(data), columns=["Name", "Weight", "Share", "Required level", "Must-have",
                                                     "Min years", "Skills", "Aliases"]),
        num_rows="dynamic", hide_index=True, width="stretch", key=f"rb_comps_{v}",
        column_config={
            "Name": st.column_config.TextColumn("Name", required=True, max_chars=120),
            "Weight": st.column_config.NumberColumn("Weight", min_value=0, max_value=1000, step=1, default=10),
            "Share": st.column_config.TextColumn("Share", disabled=True,
                                                 help="This competency's share of the score (after saving edits)"),
            "Required level": st.column_config.SelectboxColumn("Required level", options=LEVEL_WORDS,
                                                               default="working"),
            "Must-have": st.column_config.CheckboxColumn("Must-have", default=False),
            "Min years": st.column_config.NumberColumn("Min years", min_value=0, max_value=60, step=0.5),
            "Skills": st.column_config.TextColumn("Skills", help="Taxonomy skills; their synonyms count too"),
            "Aliases": st.column_config.TextColumn("Aliases", help="Other ways people write it, matched as written"),
        })
competencies = rows_to_competencies(edited.to_dict("records"))
shares = competency_rows({"competencies": competencies})
if shares:
    st.text("Shares of the score now: " + " · ".join(f"{r['Name'] or '(no name)'} {r['Share']}" for r in shares))

st.markdown("**Degree** — a flag beside the score, never part of it.")
deg = data.get("degree") or {}
d1, d2 = st.columns(2)
deg_required = d1.checkbox("A degree is required (or an equivalent)", value=bool(deg.get("required")),
                           key=f"rb_deg_req_{v}")
levels = list(ISCED_OF_LEVEL)
deg_level = d2.selectbox("Level", levels, index=levels.index(deg.get("level", "bachelor")), key=f"rb_deg_lvl_{v}",
                         disabled=not deg_required)
deg_fields = st.text_input("Fields (comma-separated; empty = any field)", value=", ".join(deg.get("fields") or []),
                           key=f"rb_deg_fields_{v}", disabled=not deg_required)
subs = st.data_editor(
    pd.DataFrame(substitute_rows(deg), columns=["Kind", "Value"]), num_rows="dynamic", hide_index=True,
    key=f"rb_subs_{v}", disabled=not deg_required,
    column_config={"Kind": st.column_config.SelectboxColumn("Substitute", options=list(SUBSTITUTE_KINDS.values()),
                                                            default="Years of experience"),
                   "Value": st.column_config.TextColumn("Value", help="e.g. 4, or the certification's name")})
degree: dict[str, Any] = {"required": deg_required}
if deg_required:
    degree |= {"level": deg_level, "fields": split_terms(deg_fields),
               "substitutes": rows_to_substitutes(subs.to_dict("records"))}

st.markdown("**Licence**")
lic = data.get("licence") or {}
needs_licence = st.checkbox("This role needs a licence", value=bool(lic), key=f"rb_lic_{v}")
licence: dict[str, Any] | None = None
if needs_licence:
    l1, l2 = st.columns(2)
    licence = {
        "name": l1.text_input("Licence name", value=lic.get("name", ""), key=f"rb_lic_name_{v}"),
        "profession": l2.text_input("Profession (links the U.S. licensing path)", value=lic.get("profession", ""),
                                    key=f"rb_lic_prof_{v}"),
        "required_by_law": st.checkbox("Required by law (a missing licence is a must-have flag that says so)",
                                       value=bool(lic.get("required_by_law")), key=f"rb_lic_law_{v}"),
        "aliases": split_terms(st.text_input("How résumés name it (comma-separated)",
                                             value=", ".join(lic.get("aliases") or []), key=f"rb_lic_al_{v}")),
    }

e1, e2 = st.columns(2)
recency = e1.number_input("Evidence older than this many years counts half", min_value=0.5, max_value=60.0,
                          value=float((data.get("evidence") or {}).get("recency_years", 10)), step=1.0,
                          key=f"rb_rec_{v}")
knockout = e2.checkbox("Knockout: hide candidates who miss a must-have (off: they stay listed, flagged)",
                       value=bool(data.get("knockout")), key=f"rb_ko_{v}")
wins = e2.checkbox("Count quantified achievements (“cut downtime by 20%”) as headroom within a level "
                   "(off: shown, not scored)",
                   value=bool((data.get("evidence") or {}).get("score_achievements")), key=f"rb_ach_{v}")

evidence: dict[str, Any] = {"recency_years": recency}
if wins:
    evidence["score_achievements"] = True
current: dict[str, Any] = {"role": role, "description": description, "competencies": competencies,
                           "degree": degree, "evidence": evidence, "knockout": knockout}
if licence is not None:
    current["licence"] = licence
if data.get("version"):
    current["version"] = data["version"]
S["rb_current"] = current

rubric, problems, warnings = check(current)
with col_check:
    st.markdown("**Check**")
    if rubric is not None:
        st.success(f"Valid: {len(rubric.competencies)} competencies.")
    show_problems(problems.get("role", []) + problems.get("competencies", []) + problems.get("other", []))
    show_problems(warnings, warn=True)
show_problems(problems.get("degree", []) + problems.get("licence", []) + problems.get("evidence", []))
st.text(degree_words(degree))

# ------------------------------------------------------------------------------------------------ skill picker
with st.expander("Skill picker: search the taxonomy, see what a term resolves to"):
    q = st.text_input("Search ESCO and O*NET labels and synonyms", key="rb_skill_q", placeholder="e.g. SOAP")
    hits = search_skills(q, extractor=extractor()) if q.strip() else []
    if q.strip() and not hits:
        st.info("No taxonomy term contains that; it can still be an alias (matched as written).")
    if hits:
        st.dataframe(pd.DataFrame(hits), hide_index=True, width="stretch")
        names = [c["name"] for c in competencies if c.get("name")]
        p1, p2 = st.columns(2)
        term = p1.selectbox("Term to add", [h["Term"] for h in hits], key="rb_pick_term")
        target = p2.selectbox("Add to competency", names, key="rb_pick_comp") if names else None
        if target is not None and st.button("Add the term to its skills"):
            for c in current["competencies"]:
                if c.get("name") == target and term not in c["skills"]:
                    c["skills"].append(term)
            load_into_editor(current, path=S.get("rb_path"), name=S.get("rb_name", ""), notes=S.get("rb_notes"))
            st.rerun()
    comp_names = [c["name"] for c in competencies if c.get("name")]
    if comp_names:
        which = st.selectbox("What do a competency's skills resolve to?", comp_names, key="rb_resolve_comp")
        comp = next(c for c in competencies if c.get("name") == which)
        if comp["skills"] or comp["aliases"]:
            st.dataframe(pd.DataFrame(resolve_terms(comp["skills"] + comp["aliases"], extractor=extractor())),
                         hide_index=True, width="stretch")

with st.expander("YAML preview (what will be saved)"):
    st.code(rubric_yaml(current, header=["Saved from the Skills Screener rubric editor."]), language="yaml")

# ------------------------------------------------------------------------------------------------ save
st.markdown("**Save**")
s1, s2 = st.columns([3, 1])
name = s1.text_input("File name", value=S.get("rb_name", "") or file_name(role or "rubric").removesuffix(".yaml"),
                     key=f"rb_file_{v}")
overwrite = s2.checkbox("Overwrite if it exists", value=S.get("rb_path") is not None, key=f"rb_over_{v}")
if st.button("Save rubric", type="primary", disabled=rubric is None):
    try:
        path, saved = save_rubric(current, name, overwrite=overwrite)
    except RubricError as exc:
        st.error(md_text(exc.user_message()))  # the edits stay in the form: nothing is reset on failure
    else:
        S["rb_data"], S["rb_path"], S["rb_name"] = current, str(path), Path(path).stem
        S["rubric_path"] = str(path)  # the Screen page opens on the rubric just saved
        library_changed()
        S["rb_flash"] = (f"Saved {path.name}: {saved.role}, {len(saved.competencies)} competencies. "
                         "It is listed on the Screen page now.")
        st.rerun()
if rubric is None:
    st.caption("Fix the problems listed beside the fields to save.")
