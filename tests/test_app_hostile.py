"""Applicant text never reaches the reviewer's browser as Markdown or HTML: a hostile résumé, badge and file name
are screened through the app (AppTest) and every element that Streamlit renders as Markdown is checked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from google.protobuf.descriptor import FieldDescriptor
from hostile_inputs import (
    BADGE_NAME,
    DOCX_NAME,
    IMG,
    RESUME_NAME,
    hostile_badge,
    hostile_docx,
    hostile_resume,
)
from streamlit.testing.v1 import AppTest

from ui.common import WORD_JOINER, highlight, html_text, md_text

ROOT = Path(__file__).resolve().parent.parent
# Text a renderer would turn into an image, a link, raw HTML, a colour directive or math if it arrived unescaped.
SYNTAX = ("![", "](", "<img", "<script", "www.tracker", ":red[", "$x^2$", "http://203.0.113.9")
# Elements shown as plain text (never parsed as Markdown) and the Arrow tables (cells are plain text too).
PLAIN_TYPES = {"text", "code", "arrow_data_frame", "json", "vega_lite_chart"}  # Vega draws text, never Markdown
BROKEN_NAME = "broken ![p](http://203.0.113.9/f.png).pdf"


def _strings(msg: Any) -> Iterator[str]:
    for field, value in msg.ListFields():
        repeated = getattr(field, "is_repeated", None)
        if repeated is None:  # protobuf before 5.x
            repeated = field.label == FieldDescriptor.LABEL_REPEATED
        values = value if repeated else [value]
        for v in values:
            if field.type == FieldDescriptor.TYPE_STRING:
                yield v
            elif field.type == FieldDescriptor.TYPE_MESSAGE:
                yield from _strings(v)


def _rendered_markdown(node: Any) -> Iterator[tuple[str, str]]:
    """(element type, string) for every string of every element the browser may render as Markdown."""
    kind = getattr(node, "type", "")
    proto = getattr(node, "proto", None)
    if proto is not None and kind not in PLAIN_TYPES:
        for s in _strings(proto):
            yield kind, s
    for child in getattr(node, "children", {}).values():
        yield from _rendered_markdown(child)


def _unescaped(text: str) -> str:
    """What Markdown parses as syntax: a backslash-escaped ASCII punctuation character is a literal, so drop it."""
    return re.sub(r"\\[!-/:-@\[-`{-~]", "", text)


# GitHub-flavoured Markdown also links addresses found in the text once escapes are resolved.
AUTOLINK = re.compile(r"https?://|www\.|(?:mailto|xmpp):[\w.+-]|[\w.+-]@[\w-]+\.\w", re.IGNORECASE)


def _as_text(text: str) -> str:
    """The text Markdown shows once backslash escapes are resolved (where autolinks are looked for)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def _leaks(at: AppTest) -> list[tuple[str, str]]:
    return [(k, s) for k, s in _rendered_markdown(at._tree)
            if any(m in _unescaped(s) for m in SYNTAX) or AUTOLINK.search(_as_text(s))]


def _blind_off(at: AppTest) -> None:
    for toggle in at.toggle:
        if toggle.label.startswith("Blind"):
            toggle.set_value(False)


@pytest.fixture(scope="module")
def screened(tmp_path_factory: pytest.TempPathFactory) -> AppTest:
    mp = pytest.MonkeyPatch()
    mp.chdir(ROOT)
    mp.setenv("SCREENER_DB", str(tmp_path_factory.mktemp("store") / "screener.db"))  # never the user's store
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    at.file_uploader[0].upload(RESUME_NAME, hostile_resume().encode(), "text/plain")
    at.file_uploader[0].upload(BADGE_NAME, hostile_badge(), "application/json")
    at.file_uploader[0].upload(BROKEN_NAME, b"%PDF-1.4 not really", "application/pdf")
    at.run()
    at.checkbox[0].uncheck()
    _blind_off(at)  # the applicant's own words (names, employers, schools) are shown: the harder case
    at.run()
    at.button[0].click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    yield at
    mp.undo()


def test_screen_page_shows_no_applicant_markdown(screened: AppTest) -> None:
    files = list(screened.dataframe[0].value["File"])
    assert files == [RESUME_NAME]
    assert _leaks(screened) == []


def test_candidate_page_shows_no_applicant_markdown(screened: AppTest) -> None:
    screened.switch_page("ui/candidate.py")
    screened.run()
    assert not screened.exception, [e.message for e in screened.exception]
    assert screened.title[0].value == "Candidate"
    bodies = [s for _, s in _rendered_markdown(screened._tree)]
    # The hostile badge and education are shown (escaped), not dropped.
    assert any("Project management" in b and "counts as" in b for b in bodies)
    assert any(b.startswith("<div") and "Mallory" in b for b in bodies)  # the résumé text, in its HTML block
    assert _leaks(screened) == []


def test_docx_hyperlink_text_is_shown_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A DOCX badge hyperlink whose visible text is Markdown: named on the candidate page, never rendered."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SCREENER_DB", str(tmp_path / "screener.db"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    at.file_uploader[0].upload(DOCX_NAME, hostile_docx(),
                               "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    at.run()
    at.checkbox[0].uncheck()
    _blind_off(at)
    at.run()
    at.button[0].click()
    at.run()
    at.switch_page("ui/candidate.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    bodies = [s for _, s in _rendered_markdown(at._tree)]
    shown = [_as_text(b).replace(WORD_JOINER, "") for b in bodies if "counts as" in b]
    assert any(IMG in b for b in shown), shown  # the link is listed with its text, as text…
    assert _leaks(at) == []  # …and neither its text nor its address is Markdown


@pytest.mark.parametrize("text", [
    IMG, "[a](http://x.example)", "<img src=x onerror=alert(1)>", "www.example.com", "http://a.example/b",
    ":red[x] :material/home: $E=mc^2$", "**bold** _it_ `code` ~~s~~", "# heading\n\n- item\n\n> quote",
    "line1\n\n![p](http://203.0.113.9/after-blank-line.png)", "a\r\n\r\nb\\", "&lt;img&gt; &#33;[x]",
    "mail me@example.net or mailto:me@example.net", "HTTPS://EXAMPLE.COM WWW.EXAMPLE.COM xmpp:me@example.net",
])
def test_helpers_leave_no_syntax(text: str) -> None:
    for out in (md_text(text), html_text(text), highlight(text, [(0, min(3, len(text)), "tip ![t](http://t.example)")])):
        visible = _unescaped(out)
        assert "![" not in visible and "](" not in visible and "http://" not in visible and "www." not in visible
        assert "<img" not in visible and "\n\n" not in out and ":red[" not in visible and "$E" not in visible
    assert not AUTOLINK.search(_as_text(md_text(text)))
    assert "\n" not in html_text(text) and "\n" not in md_text(text)


def test_verified_badge_page_is_text_to_copy_not_a_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A badge verified from its URL shows that URL as code to copy, never as a link. The app's offline map is
    swapped for one answering an Open Badges assertion URL with the sample set's signed credential."""
    import json

    url = "https://badgr.com/public/assertions/priya-cloud-infrastructure"
    badges = ROOT / "sample_data" / "badges"
    offline = tmp_path / "map.json"
    offline.write_text(json.dumps({url: str(badges / "priya_raman_cloud_infrastructure.json"),
                                   "https://badges.northwind-skills.example/issuer": str(badges / "issuer.json")}))
    cv = ("Priya Raman\npriya.raman@example.com\n\nSummary\nBackend engineer building Python services on AWS.\n\n"
          f"Badges\nCloud Infrastructure on AWS {url}\n")
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SCREENER_DB", str(tmp_path / "screener.db"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    import ui.common

    monkeypatch.setattr(ui.common, "SAMPLE_MAP", offline)
    at.file_uploader[0].upload("zz_link_only_cv.txt", cv.encode(), "text/plain")
    at.run()
    if not at.checkbox[0].value:
        at.checkbox[0].check()  # the offline map is used with the sample set
    at.run()
    _blind_off(at)  # blind review renames files; this test picks the candidate by file
    at.button[0].click()
    at.run()
    at.switch_page("ui/candidate.py")
    at.run()
    next(s for s in at.selectbox if s.label == "Candidate").set_value("zz_link_only_cv.txt")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    run = at.session_state["run"]
    mine = next(r for r in run.results if r.file == "zz_link_only_cv.txt")
    assert [(b.source, b.verdict) for b in mine.badges] == [(url, "valid")], [b.reasons for b in mine.badges]
    assert url in [c.value for c in at.code]
    assert not any(AUTOLINK.search(_as_text(s)) for _, s in _rendered_markdown(at._tree))
