"""About page: what the tool is for, how it scores, the data sources and their licences."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.notice import show_notice

st.title("About Skills Screener")
st.markdown("""
Skills Screener helps a hiring manager judge every applicant on **evidence of the skills a role needs** — not on
where, or whether, they studied. It exists for the people degree filters leave out: immigrant professionals whose
foreign degrees and licences go unrecognised, and people who learned through work, certificates and digital badges.

**How it scores.** Each competency of the role's rubric collects evidence quoted from the résumé (used in a dated
role, listed as a certification, a project, a skills list) or from a verified digital badge. Evidence becomes a
level (0 none · 1 aware · 2 working · 3 proficient · 4 expert) and a 0–100 score: **80 means the evidence
meets the required level**, less is short of it in proportion, and the rest up to 100 is headroom earned by
evidence beyond the requirement. The overall score is the weighted mean. Who someone is never counts: names,
contact details, links, page headers and references are not evidence. Must-haves that are not met are flagged, never hidden. A degree is never part of the score: it is
a flag, and "or equivalent" always applies. The same files and rubric give the same output.

**Foreign credentials** get equivalency notes (likely U.S. equivalent, ISCED 2011 level, licensing path for
regulated professions). An evaluation by a NACES or AICE member is authoritative; these notes are guidance.

**Scores are decision support, not decisions.** A person reviews every candidate; the evidence behind each number
is shown so it can be checked and challenged.
""")
st.subheader("Notice to reviewers and applicants")
show_notice()
st.subheader("Data sources and licences")
root = Path(__file__).resolve().parent.parent
for path in (root / "screener" / "extract" / "data" / "ATTRIBUTION.txt",):
    if path.is_file():
        st.text(path.read_text(encoding="utf-8"))
st.markdown("""
- JSON Resume schema — JSON Resume contributors, MIT licence.
- JSON-LD contexts for Open Badges and Verifiable Credentials — 1EdTech (Apache-2.0), W3C (W3C Software and
  Document License); shipped with the app, never fetched.
- Sample résumés in `sample_data/` are fictional, written for this project (CC0).
""")
