"""Screen page: pick a rubric, upload résumés (or use the samples), see candidates ranked by skills."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from screener.errors import ScreenerError
from screener.pipeline import ScreenOptions, screen
from screener.store import open_store
from screener.store.decisions import DECISIONS
from screener.workflow.exports import DECISION_WORDS, ranking_csv_bytes, ranking_with_decisions, ranking_xlsx_bytes
from screener.workflow.staleness import InputsSignature
from ui.blind import blind_options, blind_toggle, code_of, view_run
from ui.common import SAMPLE_MAP, SAMPLES, extractor, get_rubric, md_text, rubric_choices
from ui.notice import first_run_notice
from ui.runs import current_run, open_app_store, past_runs_picker
from ui.workflow import (
    coverage_heatmap,
    decision_words,
    run_decisions,
    run_duplicates,
    score_distribution,
)

UPLOAD_TYPES = ["pdf", "docx", "doc", "txt", "json", "png", "jpg", "jpeg", "svg", "jwt"]

st.title("Skills Screener")
st.caption("Rank applicants on evidence of the skills a role needs — not on where, or whether, they studied. "
           "Scores are decision support for a person, not decisions.")
first_run_notice()  # what it does, what it never scores, who decides (ui/notice.py)

stored_run = current_run()  # this session's run, else the most recent stored one (its rubric becomes the choice)
choices = rubric_choices()
if not choices:
    st.error("No rubric could be loaded from the rubrics/ folder. Open the Rubrics page to see why.")
    st.stop()
paths = [p for p, _ in choices]
names = dict(choices)
default = st.session_state.get("rubric_path", next((p for p in paths if "software" in p), paths[0]))
rubric_path = st.selectbox("Role rubric", paths, index=paths.index(default) if default in paths else 0,
                           format_func=lambda p: names[p])
rubric = get_rubric(rubric_path)

uploads = st.file_uploader(
    "Résumés (PDF, DOCX, TXT, JSON Resume, or a PNG/JPEG scan) and badge files (PNG, SVG, JWT, JSON) — several at once",
    type=UPLOAD_TYPES, accept_multiple_files=True,
    help="Badge files are matched to a résumé by file name (priya_raman_kubernetes.png goes with "
         "priya_raman_cv.pdf); with a single résumé, every badge file is its candidate's. Badge links inside "
         "résumés are verified from the offline map of the sample set; other links are listed for you to check.")
use_samples = st.checkbox("Include the sample résumés", value=not uploads and st.session_state.get("run_used_samples", True),
                          help=f"{len([p for p in SAMPLES.glob('*') if p.is_file()])} demo files in sample_data/")
blind = blind_toggle()  # on by default; one redaction stage for every page and export (ui/blind.py)
online = st.toggle("Verify badge links online", value=False,
                   help="Fetch Open Badges links from the internet through the safe fetcher (http/https only, public "
                        "addresses only, 256 KB and 10 s per request). The sample set's demo badges are always answered from its offline map.")


def current_signature() -> InputsSignature:
    """What a screening now would read: the chosen rubric's text, the uploads, the samples choice."""
    return InputsSignature.of(Path(rubric_path).read_text(encoding="utf-8-sig"),
                              [(u.name, u.getvalue()) for u in uploads or []], samples=use_samples)


def staleness_reasons(shown) -> list[str]:
    """Why the ranking on screen is not the answer for the current uploads and rubric ([] when it is)."""
    saved = st.session_state.get("run_signature")
    if isinstance(saved, tuple) and saved[0] == shown.run_id:
        return current_signature().changes(saved[1])
    reasons = []  # a stored run opened in this session: compare what can be compared
    if uploads:
        reasons.append("files were uploaded since that screening")
    if shown.rubric_role != rubric.role:
        reasons.append(f"the rubric chosen ({rubric.role}) is not the one it was screened with")
    elif shown.run_id:
        try:
            with open_store() as store:
                before = store.run_record(shown.run_id).rubric_sha256
        except ScreenerError:
            before = ""
        if before and before != current_signature().rubric_sha256:
            reasons.append("the rubric changed since the last screening")
    return reasons


def run_screen() -> None:
    inputs: list = [(u.name, u.getvalue()) for u in uploads or []]
    if use_samples:
        inputs.append(SAMPLES)
    if not inputs:
        st.warning("Upload résumés or tick “Include the sample résumés”.")
        return
    extractor()
    bar = st.progress(0.0, text="Reading files…")

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / total if total else 1.0, text=f"Screened {done} of {total}: {md_text(name)}")

    offline = SAMPLE_MAP if use_samples and SAMPLE_MAP.is_file() else None
    options = ScreenOptions(offline_map=offline, online=online)
    store = open_app_store()  # the run is recorded (uploads included): a reload or a new session keeps it
    try:
        run = screen(rubric, inputs, options=options, progress=progress, store=store,
                     rubric_yaml=Path(rubric_path).read_text(encoding="utf-8-sig"))
    except ScreenerError as exc:
        st.error(md_text(exc.user_message()))
        return
    finally:
        if store is not None:
            store.close()
    bar.empty()
    st.session_state["run"] = run
    st.session_state["run_signature"] = (run.run_id, current_signature())
    st.session_state["run_rubric"] = rubric
    st.session_state["rubric_path"] = rubric_path


first_visit = stored_run is None and "auto_ran" not in st.session_state  # else: the most recent stored run
if st.button("Screen", type="primary") or (first_visit and use_samples):
    st.session_state["auto_ran"] = True
    run_screen()

past_runs_picker()
run = st.session_state.get("run")
if run is None:
    st.info("Choose a rubric and press **Screen**.")
    st.stop()
run = view_run(run)  # blind review: the redacted run (revealed candidates excepted)
stale = staleness_reasons(run)  # before `rubric` becomes the run's own below
if run.rubric_role != rubric.role:
    st.info(f"Showing results for **{md_text(run.rubric_role)}**. Press **Screen** to rank for **{md_text(rubric.role)}**.")
    rubric = st.session_state.get("run_rubric") or get_rubric(st.session_state["rubric_path"])

comp_names = [c.name for c in rubric.competencies]
scored = [r for r in run.results if r.overall is not None]
failed = [r for r in run.results if r.overall is None]
codes = [code_of(r) for r in run.results]
dups = run_duplicates(run)
latest = run_decisions(run.run_id)
rows = ranking_with_decisions(run, comp_names, decisions=latest, duplicates=dups, blind=blind)
label_of = {row["candidate_code"]: (row["candidate_code"] if blind else (row["candidate"] or row["file"]))
            for row in rows}
n_dups = len({c for c in codes if dups.of(c)})
st.markdown(f"**{len(scored)} screened · {len(failed)} unreadable · {n_dups} possible duplicate"
            f"{'' if n_dups == 1 else 's'} · {sum(1 for r in scored if r.must_haves_met)} meet the must-haves · "
            f"{len([c for c in latest if c in set(codes)])} decided**")

guided = not latest and not st.session_state.get("guide_seen")  # open on a session's first view of an undecided run
st.session_state["guide_seen"] = True
with st.expander("First time here? Five steps from résumés to a shared shortlist", expanded=guided):
    st.markdown(
        "1. **Screen**: the sample résumés are already ranked below for the Software Engineer rubric; upload your "
        "own files (several at once) or pick another rubric and press **Screen**.\n"
        "2. **Enter your name** in the sidebar, once: it is recorded with your decisions and ratings.\n"
        "3. **Click a row** of the ranking to open the candidate: the evidence behind each score, the scorecard "
        "(rate each competency 1–4) and the decision (advance, hold or reject, with reasons).\n"
        "4. **Compare** two to four candidates side by side (button below the ranking, or the Compare page).\n"
        "5. **Share**: download the ranking with decisions (CSV or XLSX) or a candidate's one-page summary. "
        "Everything is stored, so colleagues opening the app see the same run and decisions.")

if stale:
    st.warning("⚠️ This ranking is out of date: " + md_text("; ".join(stale))
               + ". Press **Screen** to rank the current files and rubric. Until then the ranking below is the "
                 "previous screening's and it cannot be exported.")
    st.subheader(f"Previous ranking — {md_text(run.rubric_role)} (screened before the changes)")
else:
    st.subheader(f"Ranking — {md_text(run.rubric_role)}")
st.caption("Weights: " + " · ".join(f"{md_text(c.name)} {rubric.weight_share(c):.0%}" for c in rubric.competencies)
           + f" · as of {run.as_of.isoformat()} · click a row to open the candidate")


def _must(row: dict) -> str:
    if row["must_haves_met"] == "yes":
        return "✔ all met"
    if row["must_haves_met"] != "no":
        return ""
    missing = [m for m in row["missing_must_haves"].split("; ") if m]
    return f"✖ {len(missing)} missing"


def _status(row: dict) -> str:
    parts = []
    if row["possible_duplicate"]:
        parts.append("⚑ duplicate?")
    if row["warnings"]:
        n = row["warnings"].count("; ") + 1
        parts.append(f"⚠ {n} warning{'s' if n > 1 else ''}")
    return " · ".join(parts) or "✓ ok"


table = pd.DataFrame([{
    "Rank": r["rank"], "Candidate": label_of[r["candidate_code"]],
    "Overall": r["overall"] if r["overall"] != "" else None,
    "Must-haves": _must(r),
    "Badges": f"✔ {r['verified_badges']} verified" if r["verified_badges"] else "—",
    "Foreign credential": "yes, note" if r["foreign_credential"] == "yes" else "",
    "Status": _status(r),
    "Decision": decision_words(latest.get(r["candidate_code"])),
    **{n: (r[n] if r[n] != "" else None) for n in comp_names},
    "Missing must-haves": r["missing_must_haves"],
    "Warnings": r["warnings"], "Possible duplicate": r["possible_duplicate"], "File": r["file"],
    "_code": r["candidate_code"], "_score": r["overall"] if r["overall"] != "" else 0.0,
} for r in rows if not r["error"]])

if not table.empty:
    hidden = blind and blind_options().nationality  # the marker is a nationality proxy: blind review hides it
    with st.expander("Filters", expanded=False):
        f1, f2, f3 = st.columns(3)
        lo, hi = f1.slider("Overall score", 0, 100, (0, 100), key="f_score")
        must = f1.radio("Must-haves", ["any", "all met", "some missing"], horizontal=True, key="f_must")
        badge = f2.checkbox("Has a verified badge", key="f_badge")
        foreign = f2.checkbox("Has a foreign credential note", key="f_foreign", disabled=hidden,
                              help="Hidden while blind review hides country and nationality markers." if hidden
                              else "Candidates with a credential from abroad (see its equivalency note).")
        warn = f2.radio("Health warnings", ["any", "with warnings", "without"], horizontal=True, key="f_warn")
        status = f3.multiselect("Decision", ["undecided", *DECISIONS], key="f_status",
                                format_func=lambda d: "— undecided" if d == "undecided" else DECISION_WORDS[d])
        dup_only = f3.checkbox("Possible duplicates only", key="f_dup")
    keep = (table["_score"] >= lo) & (table["_score"] <= hi)
    if must != "any":
        keep &= table["Must-haves"].str.startswith("✔" if must == "all met" else "✖")
    if badge:
        keep &= table["Badges"] != "—"
    if foreign:
        keep &= table["Foreign credential"] != ""
    if warn != "any":
        keep &= (table["Warnings"] != "") == (warn == "with warnings")
    if status:
        decided = table["_code"].map(lambda c: latest[c].decision if c in latest else "undecided")
        keep &= decided.isin(status)
    if dup_only:
        keep &= table["Possible duplicate"] != ""
    shown = table[keep].reset_index(drop=True)
    show_comps = st.toggle("Show competency scores and details", key="show_comps",
                           help="Adds one column per competency (0–100; 80 = meets the requirement), the missing "
                                "must-haves, warnings and possible duplicates in full.")
    if len(shown) != len(table):
        st.caption(f"Showing {len(shown)} of {len(table)} candidates (filters on).")
    cols = ["Rank", "Candidate", "Overall", "Must-haves", "Badges", *([] if hidden else ["Foreign credential"]),
            "Status", "Decision"]
    cols += [*comp_names, "Missing must-haves", "Warnings", "Possible duplicate"] if show_comps else []
    cols += ["File"] if not blind else []
    nonce = st.session_state.get("ranking_nonce", 0)
    event = st.dataframe(
        shown, hide_index=True, width="stretch", column_order=cols, on_select="rerun", selection_mode="single-row",
        key=f"ranking_{nonce}", height=min(38 + 35 * max(len(shown), 1), 600),
        column_config={
            "Rank": st.column_config.NumberColumn("Rank", width=45),
            "Candidate": st.column_config.TextColumn("Candidate", width=110 if blind else 160),
            "Overall": st.column_config.ProgressColumn(
                "Overall", min_value=0, max_value=100, format="%.1f", width=105,
                help="80 = the evidence meets the requirements; above 80 = exceeds them (headroom); below = short"),
            "Must-haves": st.column_config.TextColumn("Must-haves", width=105,
                                                      help="Which ones are missing: the details toggle"),
            "Badges": st.column_config.TextColumn("Badges", width=90, help="Verified digital badges"),
            "Foreign credential": st.column_config.TextColumn(
                "Foreign", width=70, help="A credential from abroad: its equivalency note is on the candidate page"),
            "Status": st.column_config.TextColumn("Status", width=170,
                                                  help="Warnings (document health, failed badges) and possible "
                                                       "duplicates; in full with the details toggle"),
            "Decision": st.column_config.TextColumn("Decision", width=140),
            **{n: st.column_config.NumberColumn(n, format="%.0f") for n in comp_names}})
    picked = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if picked and 0 <= picked[0] < len(shown):
        st.session_state["ranking_nonce"] = nonce + 1  # a fresh table next time: the click is not replayed
        code = shown["_code"][picked[0]]
        st.session_state["candidate_file"] = next(r.file for r in run.results if code_of(r) == code)
        st.switch_page("ui/candidate.py")
if scored:
    c1, c2, c3 = st.columns(3)
    export_help = ("The ranking with each candidate's code, scores, flags and the newest decision (who, why, notes, "
                   "the score it was made on)" + (", names hidden (blind review)" if blind else "") + ".")
    c1.download_button("Download ranking (CSV)", ranking_csv_bytes(rows) if not stale else b"",
                       file_name=f"ranking-{run.run_id or 'run'}.csv", mime="text/csv", disabled=bool(stale),
                       help=export_help + " UTF-8 with a byte-order mark: Excel shows accents and non-Latin names.")
    c2.download_button("Download ranking (XLSX)", ranking_xlsx_bytes(rows) if not stale else b"",
                       file_name=f"ranking-{run.run_id or 'run'}.xlsx", disabled=bool(stale), help=export_help,
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    if c3.button("Compare candidates side by side"):
        st.switch_page("ui/compare.py")
if failed:
    st.subheader("Files that could not be scored")
    st.dataframe(pd.DataFrame([{"File": r.file, "Problem": r.error} for r in failed]), hide_index=True,
                 width="stretch")
for note in run.notes:
    st.info(md_text(note))
if scored:
    with st.expander("Charts: score distribution and competency coverage", expanded=True):
        st.markdown("**Score distribution**")
        st.altair_chart(score_distribution([r.overall or 0.0 for r in scored]), width="stretch")
        st.markdown("**Competency coverage** (the score in each cell; 80 = meets the requirement)")
        st.altair_chart(coverage_heatmap(run, comp_names, label_of), width="stretch")
