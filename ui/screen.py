"""Screen page: pick a rubric, upload résumés (or use the samples), see candidates ranked by skills."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from screener.errors import ScreenerError
from screener.pipeline import ScreenOptions, screen
from screener.report import ranking_rows, rows_csv
from ui.blind import blind_toggle, view_run
from ui.common import SAMPLE_MAP, SAMPLES, extractor, get_rubric, md_text, rubric_choices
from ui.notice import first_run_notice
from ui.runs import current_run, open_app_store, past_runs_picker

UPLOAD_TYPES = ["pdf", "docx", "doc", "txt", "json", "png", "jpg", "jpeg", "svg", "jwt"]

st.title("Skills Screener")
st.caption("Rank applicants on evidence of the skills a role needs — not on where, or whether, they studied. "
           "Scores are decision support for a person, not decisions.")
first_run_notice()  # what it does, what it never scores, who decides (ui/notice.py)

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
use_samples = st.checkbox("Include the sample résumés", value=not uploads,
                          help=f"{len([p for p in SAMPLES.glob('*') if p.is_file()])} demo files in sample_data/")
blind = blind_toggle()  # on by default; one redaction stage for every page and export (ui/blind.py)
online = st.toggle("Verify badge links online", value=False,
                   help="Fetch Open Badges links from the internet through the safe fetcher (http/https only, public "
                        "addresses only, 256 KB and 10 s per request). The sample set's demo badges are always answered from its offline map.")


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
    st.session_state["run_rubric"] = rubric
    st.session_state["rubric_path"] = rubric_path


first_visit = current_run() is None and "auto_ran" not in st.session_state  # else: the most recent stored run
if st.button("Screen", type="primary") or (first_visit and use_samples):
    st.session_state["auto_ran"] = True
    run_screen()

past_runs_picker()
run = st.session_state.get("run")
if run is None:
    st.info("Choose a rubric and press **Screen**.")
    st.stop()
run = view_run(run)  # blind review: the redacted run (revealed candidates excepted)
if run.rubric_role != rubric.role:
    st.info(f"Showing results for **{md_text(run.rubric_role)}**. Press **Screen** to rank for **{md_text(rubric.role)}**.")
    rubric = st.session_state.get("run_rubric") or get_rubric(st.session_state["rubric_path"])

comp_names = [c.name for c in rubric.competencies]
rows = ranking_rows(run, comp_names, blind=blind)
scored = [r for r in run.results if r.overall is not None]
failed = [r for r in run.results if r.overall is None]
c1, c2, c3, c4 = st.columns(4)
c1.metric("Candidates scored", len(scored))
c2.metric("Files with errors", len(failed))
c3.metric("Must-haves met", sum(1 for r in scored if r.must_haves_met))
c4.metric("Verified badges", sum(r.verified_badges for r in scored))

st.subheader(f"Ranking — {md_text(run.rubric_role)}")
st.caption("Weights: " + " · ".join(f"{md_text(c.name)} {rubric.weight_share(c):.0%}" for c in rubric.competencies)
           + f" · as of {run.as_of.isoformat()}")
table = pd.DataFrame([{
    "Rank": r["rank"], "Candidate": r["candidate"], "Overall": r["overall"] if r["overall"] != "" else None,
    "Must-haves": "✅ met" if r["must_haves_met"] == "yes" else (f"🚩 missing: {r['missing_must_haves']}"
                                                                 if r["must_haves_met"] == "no" else ""),
    "Degree": r["degree"].split(" (", 1)[0], "Verified badges": r["verified_badges"],
    "Foreign credential": "🌍 see note" if r["foreign_credential"] == "yes" else "",
    **{n: (r[n] if r[n] != "" else None) for n in comp_names},
    "Warnings": ("⚠️ " + r["warnings"]) if r["warnings"] else "", "File": r["file"],
} for r in rows if not r["error"]])
if not table.empty:
    st.dataframe(
        table, hide_index=True, width="stretch",
        column_config={"Overall": st.column_config.ProgressColumn(
            "Overall", min_value=0, max_value=100, format="%.1f",
            help="80 = the evidence meets the requirements; above 80 = exceeds them (headroom); below = short"),
                       **{n: st.column_config.NumberColumn(n, format="%.0f") for n in comp_names}})
if failed:
    st.subheader("Files that could not be scored")
    st.dataframe(pd.DataFrame([{"File": r.file, "Problem": r.error} for r in failed]), hide_index=True,
                 width="stretch")
for note in run.notes:
    st.info(md_text(note))

if scored:
    labels = {r.file: (row["candidate"] or r.file) for r, row in zip(run.results, rows, strict=True)
              if r.overall is not None}
    pick = st.selectbox("Open a candidate", list(labels), format_func=lambda f: f"{labels[f]} ({f})")
    if st.button("Show evidence"):
        st.session_state["candidate_file"] = pick
        st.switch_page("ui/candidate.py")

st.download_button("Download ranking (CSV)", rows_csv(rows), file_name="ranking.csv", mime="text/csv")
