"""The notice applicants and reviewers are owed before the tool is used: what it does, what it never scores, and
that a person decides. Shown on the About page and on the first run of a session."""

from __future__ import annotations

import streamlit as st

NOTICE = """
**What this tool does.** Skills Screener reads résumés and compares the evidence in them with the skills a role's
rubric lists, quoting that evidence, and gives each candidate scores from 0 to 100.

**What it never uses in a score:** names, demographics (sex, race or ethnicity, age, national origin, disability),
photos, addresses or zip codes, or degrees. A degree requirement is a flag that equivalent experience, certification
or a verified badge can meet. Blind review hides identity for first review.

**Scores support a person's decision; they are not decisions.** Nothing is rejected automatically. Decisions are
recorded with the reviewer's name and reasons in a tamper-evident log; decision records are kept 3 years (Colorado
SB 26-189). Applicants can receive a plain-language explanation and ask for a human review or a correction
(Fairness page). In NYC, Local Law 144 requires an independent bias audit before an automated tool is used.
"""


def show_notice() -> None:
    st.markdown(NOTICE)


def first_run_notice() -> None:
    """The notice, open on the first run of a browser session and folded away after it (always one click away)."""
    first = not st.session_state.get("notice_seen")
    st.session_state["notice_seen"] = True
    with st.expander("What this tool does, what it never uses in a score, and who decides", expanded=first):
        st.markdown(NOTICE)
