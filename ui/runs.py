"""The app's link to the run store: a browser session shows its own run, else the most recent stored one, so a
reload or a new session keeps everything (uploads are stored with the run); past runs are listed and reopened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from screener.errors import ScreenerError
from screener.pipeline import ScreeningRun, load_run, run_rubric
from screener.store import Store, open_store
from screener.workflow.staleness import InputsSignature
from ui.common import SAMPLES, md_text, rubric_choices


def open_app_store() -> Store | None:
    """The store (``$SCREENER_DB`` or the per-user data folder); None, with a warning, when it cannot be opened."""
    try:
        return open_store()
    except ScreenerError as exc:
        st.warning("Runs are not being saved: " + md_text(exc.user_message()))
        return None


def show_run(store: Store, run_id: str) -> ScreeningRun:
    """Load a stored run into this session."""
    run = load_run(store, run_id)
    st.session_state["run"] = run
    st.session_state["run_rubric"] = run_rubric(store, run_id)
    st.session_state.pop("candidate_file", None)
    # the samples box opens as the run was screened: ticked on an upload-only run, it read as if the samples were in
    # the ranking shown (and pressing Screen would add them)
    record = store.run_record(run_id)
    st.session_state["run_used_samples"] = str(SAMPLES.resolve()) in {str(x) for x in record.inputs}
    # the rubric picker opens on the run's own rubric when the library has it (a run screened from the command
    # line with rubrics/data-analyst.yaml read "out of date: the rubric chosen (Software Engineer) is not the one"),
    # its file found by the same signature the staleness check compares
    same_role = [path for path, role in rubric_choices() if role.removesuffix(" (yours)") == run.rubric_role]
    if same_role:
        st.session_state["rubric_path"] = next(
            (p for p in same_role if InputsSignature.of(Path(p).read_text(encoding="utf-8-sig"), (), samples=False)
             .rubric_sha256 == record.rubric_sha256), same_role[0])
    return run


def current_run() -> ScreeningRun | None:
    """This session's run, else the most recent stored run (loaded into the session), else None."""
    run = st.session_state.get("run")
    if run is not None:
        return run
    try:
        with open_store() as store:
            latest = store.latest_run()
            return show_run(store, latest.id) if latest is not None else None
    except ScreenerError:
        return None


def past_runs_picker() -> None:
    """An expander listing stored runs, newest first, with a button to reopen one."""
    try:
        with open_store() as store:
            runs = store.list_runs()
            if not runs:
                return
            with st.expander(f"Past runs ({len(runs)})"):
                labels: dict[str, Any] = {r.id: r for r in runs}
                current = getattr(st.session_state.get("run"), "run_id", "")
                pick = st.selectbox("Run", list(labels), index=list(labels).index(current) if current in labels else 0,
                                    format_func=lambda i: f"{labels[i].created[:16].replace('T', ' ')} — "
                                                          f"{labels[i].rubric} — {labels[i].scored}/{labels[i].files} "
                                                          f"scored ({labels[i].status})")
                if st.button("Open this run"):
                    show_run(store, pick)
                    st.rerun()
    except ScreenerError as exc:
        st.warning("Past runs cannot be listed: " + md_text(exc.user_message()))
