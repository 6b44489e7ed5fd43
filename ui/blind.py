"""Blind review in the app: one switch (on by default for first review), one redaction stage applied to the whole
run before any page shows it, and an explicit, logged reveal per candidate.

Pages call :func:`blind_toggle` where the switch belongs and :func:`view_run` on the run before they show it: the
ranking, the candidate page, compare, charts and exports then all see the same redacted results (names, contact
details, addresses and zip codes, file names → candidate codes, graduation/birth years, pronouns, and the chosen
options), and only the candidates a reviewer revealed appear as they are.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st

from screener.errors import ScreenerError
from screener.fairness.redact import BlindOptions, categories, redact_candidate, result_code

_KEY = "blind"
_OPTS = "blind_options"
_REVEALED = "blind_revealed"  # {run_id: set of candidate codes}
_CACHE = "blind_view_cache"


def blind_on() -> bool:
    return bool(st.session_state.get(_KEY, True))


def blind_options() -> BlindOptions:
    opts = st.session_state.get(_OPTS)
    return opts if isinstance(opts, BlindOptions) else BlindOptions.defaults()


def blind_toggle() -> bool:
    """The blind-review switch and its options; on by default."""
    on = st.toggle("Blind review (hide identity)", value=blind_on(), key="blind_toggle",
                   help="Hides names, contact details, addresses and zip codes, file names (a candidate code stands "
                        "in), graduation and birth years, pronouns — and, as chosen below, schools, employers and "
                        "country or nationality markers — on every page and export. Skills and evidence stay. "
                        "Revealing a candidate is a separate, logged action on the candidate page.")
    st.session_state[_KEY] = on
    if on:
        cur = blind_options()
        with st.expander("What blind review hides"):
            cats = {c.id: c for c in categories()}
            for c in categories():
                if c.always:
                    st.markdown(f"- **{c.label}** — {c.purpose}")
            schools = st.checkbox("Also hide school names", value=cur.schools, help=cats["schools"].purpose)
            employers = st.checkbox("Also hide employer names", value=cur.employers, help=cats["employers"].purpose)
            nationality = st.checkbox("Also hide country and nationality markers", value=cur.nationality,
                                      help=cats["nationality"].purpose)
            st.session_state[_OPTS] = BlindOptions(schools=schools, employers=employers, nationality=nationality)
    return on


def code_of(result: Any) -> str:
    """The stable candidate code of a result (stored with it, or from its document's hash)."""
    return result_code(result)


def revealed(run: Any) -> set[str]:
    return set(st.session_state.get(_REVEALED, {}).get(getattr(run, "run_id", "") or "", set()))


def view_run(run: Any) -> Any:
    """The run as this session may see it: redacted when blind review is on (revealed candidates excepted)."""
    if run is None or not blind_on():
        return run
    opts = blind_options()
    shown = revealed(run)
    key = (id(run), getattr(run, "run_id", ""), len(run.results), opts, frozenset(shown))
    cache = st.session_state.get(_CACHE)
    if isinstance(cache, tuple) and cache[0] == key:
        return cache[1]
    results = [r if code_of(r) in shown else redact_candidate(r, code_of(r), options=opts) for r in run.results]
    view = replace(run, results=results)
    st.session_state[_CACHE] = (key, view)
    return view


def reveal_control(run: Any, result: Any) -> None:
    """On the candidate page: reveal this candidate's identity, an explicit act recorded in the decision log."""
    if not blind_on():
        return
    code = code_of(result)
    if code in revealed(run):
        st.caption(f"Identity of {code} revealed in this session (recorded in the decision log).")
        return
    with st.expander("Reveal this candidate's identity"):
        st.caption("Blind review hides identity for first review. Revealing is recorded in the tamper-evident "
                   "decision log with your name and reason.")
        reviewer = st.text_input("Your name", value=st.session_state.get("reviewer", ""), key=f"reveal_by_{code}")
        reason = st.text_input("Reason (e.g. invited to interview)", key=f"reveal_reason_{code}")
        if st.button("Reveal identity", key=f"reveal_{code}", disabled=not reviewer.strip()):
            run_id = getattr(run, "run_id", "")
            if not run_id:
                st.error("This run is not stored, so a reveal cannot be recorded; screen again with the store "
                         "available.")
                return
            from screener.store import open_store
            from screener.store.decisions import record_reveal

            try:
                with open_store() as store:
                    record_reveal(store, run_id, code, reviewer=reviewer, reason=reason)
            except ScreenerError as exc:
                st.error(exc.user_message())
                return
            st.session_state["reviewer"] = reviewer.strip()
            table = dict(st.session_state.get(_REVEALED, {}))
            table[run_id] = set(table.get(run_id, set())) | {code}
            st.session_state[_REVEALED] = table
            st.rerun()
