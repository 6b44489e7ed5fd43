"""Skills Screener — the Streamlit app. A thin shell: every action calls the `screener` core.

Run with `make run` (or `.venv/bin/python -m streamlit run app.py`).
"""

from pathlib import Path

import streamlit as st

from ui.workflow import reviewer_box

# The icon ships with the app: a ":material/…:" page icon is fetched from a font CDN on every page load.
ICON = Path(__file__).resolve().parent / "assets" / "icon.png"
st.set_page_config(page_title="Skills Screener", page_icon=str(ICON), layout="wide")

pages = [
    st.Page("ui/screen.py", title="Screen", icon=":material/checklist:", default=True),
    st.Page("ui/candidate.py", title="Candidate", icon=":material/person_search:"),
    st.Page("ui/compare.py", title="Compare", icon=":material/compare_arrows:"),
    st.Page("ui/rubrics.py", title="Rubrics", icon=":material/rule:"),
    st.Page("ui/fairness.py", title="Fairness", icon=":material/balance:"),
    st.Page("ui/about.py", title="About", icon=":material/info:"),
]
nav = st.navigation(pages)
reviewer_box()  # the reviewer's name, asked once per browser session, on every page (ui/workflow.py)
nav.run()
