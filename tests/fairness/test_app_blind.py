"""Blind review in the app (AppTest): on by default, nothing that identifies a sample candidate on the ranking or
the candidate page, and revealing one is an explicit action recorded in the decision log."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from screener.fairness import decision_log
from screener.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_data"


def _page_text(at: AppTest) -> str:
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "code", "info", "warning", "error",
                 "success", "metric", "expander"):
        for el in getattr(at, kind, []):
            for attr in ("value", "label", "body"):
                v = getattr(el, attr, None)
                if isinstance(v, str):
                    parts.append(v)
    for df in at.dataframe:
        parts.append(df.value.to_csv())
    for sb in at.selectbox:
        parts.extend(str(o) for o in sb.options)
    return "\n".join(parts)


def _leaks(text: str) -> list[str]:
    return [x for x in _identities() if re.search(r"(?<!\w)" + re.escape(x) + r"(?!\w)", text, re.IGNORECASE)]


def _identities() -> list[str]:
    out = []
    for p in SAMPLES.iterdir():
        if p.is_file() and p.suffix in (".pdf", ".docx", ".txt", ".json") and p.name != "offline-map.json":
            stem = p.stem
            first, last = stem.split("_")[:2]
            out += [stem, first.title(), last.title(), f"{first}.{last}@example"]
    return out


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SCREENER_DB", str(tmp_path / "app.db"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=240)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_blind_by_default_then_an_explicit_logged_reveal(app: AppTest, tmp_path: Path) -> None:
    files = list(app.dataframe[0].value["File"])
    assert len(files) >= 8 and all(re.fullmatch(r"C-[0-9a-f]{8}", f) for f in files), files
    text = _page_text(app)
    assert _leaks(text) == []

    app.switch_page("ui/candidate.py").run()
    assert not app.exception, [e.message for e in app.exception]
    text = _page_text(app)
    assert _leaks(text) == []
    code = app.selectbox[0].value
    assert re.fullmatch(r"C-[0-9a-f]{8}", code)

    app.text_input(key=f"reveal_by_{code}").input("Rita Reviewer")
    app.text_input(key=f"reveal_reason_{code}").input("invited to interview").run()
    app.button(key=f"reveal_{code}").click().run()
    assert not app.exception, [e.message for e in app.exception]
    with open_store(tmp_path / "app.db") as store:
        reveals = decision_log.entries(store.conn, kind="reveal")
        assert [(e.candidate_code, e.payload["reviewer"]) for e in reveals] == [(code, "Rita Reviewer")]
        assert decision_log.verify_log(store.conn).ok
    text = _page_text(app)
    assert _leaks(text)  # the revealed candidate shows as they are

