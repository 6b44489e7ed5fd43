"""Every input accounted for (issue 21.7): unsupported files, same-named files, links out of a folder, NUL and
control characters, a Word 97 file renamed .docx, a decompression bomb, deeply nested JSON, a slow file under the
time limit, a huge token in the e-mail pattern."""

from __future__ import annotations

import io
import json
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest

from screener import ScreenOptions, parse_rubric, screen
from screener.report import results_json

AS_OF = date(2026, 12, 1)
RUBRIC = parse_rubric("role: Engineer\ncompetencies:\n  - {name: Python, skills: [Python], weight: 2}\n"
                      "  - {name: SQL, skills: [SQL], weight: 1}\n")
CV = ("Jane Doe\njane.doe@example.com\n\nEXPERIENCE\nSoftware Engineer, Acme Corp\nJan 2018 - Present\n"
      "• Built data services in Python and SQL\n\nSKILLS\nPython, SQL, PostgreSQL\n")
OTHER = CV.replace("Jane Doe", "Ravi Kumar").replace("jane.doe", "ravi").replace("Python and SQL", "SQL")


def _screen(inputs: list, **opts: object):
    return screen(RUBRIC, inputs, options=ScreenOptions(as_of=AS_OF, workers=1, **opts))  # type: ignore[arg-type]


def _by_file(run) -> dict:
    return {r.file: r for r in run.results}


def test_unsupported_files_in_a_folder_get_a_row(tmp_path: Path) -> None:
    (tmp_path / "cv.txt").write_text(CV)
    (tmp_path / "setup.exe").write_bytes(b"MZ" + b"\0" * 200)
    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as z:
        z.writestr("a.txt", "x")
    (tmp_path / "notes.xyz").write_bytes(b"\x01\x02\x03" * 100)
    rows = _by_file(_screen([tmp_path]))
    assert set(rows) == {"cv.txt", "setup.exe", "bundle.zip", "notes.xyz"}
    assert rows["cv.txt"].overall is not None
    assert "program" in rows["setup.exe"].error
    assert "zip" in rows["bundle.zip"].error
    assert rows["notes.xyz"].error


def test_two_same_named_files_stay_two_candidates(tmp_path: Path) -> None:
    for folder, text in (("a", CV), ("b", OTHER)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "cv.txt").write_text(text)
    run = _screen([tmp_path / "a", tmp_path / "b", ("cv.txt", CV.encode()), ("cv.txt", OTHER.encode())])
    rows = _by_file(run)
    assert sorted(rows) == ["a/cv.txt", "b/cv.txt", "cv.txt", "cv.txt (2)"]
    assert rows["a/cv.txt"].candidate == "Jane Doe" and rows["b/cv.txt"].candidate == "Ravi Kumar"
    assert rows["cv.txt"].candidate == "Jane Doe" and rows["cv.txt (2)"].candidate == "Ravi Kumar"
    assert rows["a/cv.txt"].candidate_code != rows["b/cv.txt"].candidate_code
    exported = results_json(run, ["Python", "SQL"])
    assert sorted(r["file"] for r in exported["results"]) == sorted(rows)
    for r in exported["results"]:  # each row's evidence is its own file's
        quotes = " ".join(e["context"] for c in r["competencies"] for e in c["evidence"])
        assert ("Python and SQL" in quotes) == (r["candidate"] == "Jane Doe")


def test_links_leading_outside_the_folder_are_not_followed(tmp_path: Path) -> None:
    private = tmp_path / "private"
    private.mkdir()
    (private / "secret.txt").write_text("SECRET-TOKEN-XYZ Python SQL\n")
    (private / "dir").mkdir()
    (private / "dir" / "more.txt").write_text("SECRET-TOKEN-XYZ\n")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "cv.txt").write_text(CV)
    (inbox / "link.txt").symlink_to(private / "secret.txt")
    (inbox / "linkdir").symlink_to(private / "dir")
    (inbox / "inside.txt").symlink_to(inbox / "cv.txt")  # a link that stays inside is read
    run = _screen([inbox])
    rows = _by_file(run)
    assert "outside the input folder" in rows["link.txt"].error
    assert "outside the input folder" in rows["linkdir"].error
    assert rows["inside.txt"].overall == rows["cv.txt"].overall
    assert "SECRET-TOKEN" not in json.dumps(results_json(run, ["Python", "SQL"]))


def test_nul_and_control_characters_score_like_the_clean_twin() -> None:
    dirty = CV.replace("Python", "Py\x00thon").replace("\n", "\x0b\n", 3).replace("SQL", "S\x01QL\x7f")
    dirty = "\x00" + dirty + "\x1b\x00"
    rows = _by_file(_screen([("clean.txt", CV.encode()), ("dirty.txt", dirty.encode())]))
    assert rows["dirty.txt"].error == ""
    assert rows["dirty.txt"].overall == rows["clean.txt"].overall
    assert [c.score for c in rows["dirty.txt"].competencies] == [c.score for c in rows["clean.txt"].competencies]


def test_word_97_renamed_docx_is_called_that() -> None:
    # An OLE compound file whose directory names the WordDocument stream (what Word 97–2003 writes).
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 2000
    [r] = _screen([("cv.docx", ole)]).results
    assert "Word 97" in r.error and "password" not in r.error


def test_decompression_bomb_says_it_exceeded_the_size_limit() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (150 * 1024 * 1024) + b"</w:document>")
    assert len(buf.getvalue()) < 1024 * 1024
    rows = _by_file(_screen([("bomb.docx", buf.getvalue()), ("cv.txt", CV.encode())]))
    assert "limit" in rows["bomb.docx"].error and "crash" not in rows["bomb.docx"].error
    assert rows["cv.txt"].overall is not None


def test_deeply_nested_json_is_an_error_row_and_the_batch_goes_on() -> None:
    deep = b'{"basics": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    rows = _by_file(_screen([("deep.json", deep), ("cv.txt", CV.encode())]))
    assert rows["deep.json"].overall is None and "nested" in rows["deep.json"].error
    assert rows["cv.txt"].overall is not None


def test_a_file_past_the_time_limit_is_an_error_row_naming_it() -> None:
    dashes = CV.replace("• Built", "-" * 6000 + "\n• Built")
    rows = _by_file(_screen([("dashes.txt", dashes.encode())], timeout_s=0.001))
    assert rows["dashes.txt"].overall is None
    assert "time limit" in rows["dashes.txt"].error and rows["dashes.txt"].error_code == "E207"


def test_the_dash_line_is_screened_in_bounded_time() -> None:
    dashes = CV.replace("• Built", "-" * 6000 + "\n• Built")
    start = time.process_time()
    [r] = _screen([("dashes.txt", dashes.encode())], sandbox=False).results
    assert r.overall is not None and time.process_time() - start < 5.0


@pytest.mark.parametrize("token", ["a" * 80_000, "a." * 40_000, "x@" * 40_000, "a@" + "b" * 80_000])
def test_email_pattern_is_linear_on_long_tokens(token: str) -> None:
    from screener.parse.contact import EMAIL

    start = time.process_time()
    EMAIL.search(token)
    assert time.process_time() - start < 0.5


@pytest.mark.parametrize(("text", "found"), [
    ("mail: jane.doe+cv@example.co.uk, tel", "jane.doe+cv@example.co.uk"),
    ("o'brien@mail.ie", "o'brien@mail.ie"),
    ("no address here", None),
])
def test_email_pattern_still_finds_addresses(text: str, found: str | None) -> None:
    from screener.parse.contact import EMAIL

    m = EMAIL.search(text)
    assert (m.group(0) if m else None) == found
