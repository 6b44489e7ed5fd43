"""The synthetic real-layout generator (benchmarks/synth_resumes) keeps its gold true to the documents it writes:
every gold title, employer, institution, credential and year is in the document's text, each kind shows the
trait it is named for, and the same seed writes the same résumés. Parser accuracy is measured by
``benchmarks/roles_synth.py``, not here."""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pypdfium2 as pdfium
import pytest

from benchmarks.synth_resumes import GOLD_NAME, KINDS, clear, generate

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PER_KIND = 3

# the trait each kind is named for, as a pattern over the document's raw text (None: shown by the layout alone)
TRAITS: dict[str, str | None] = {
    "wrapped_dates": r"\d{4} –\n(Present|present|Current|\w+ \d{4})\n",
    "year_colon_bullets": r"\d{4}[^\n:]*: [^\n]+\(",
    "two_digit_years": r"\b([A-Z][a-z]{2} \d\d|\d\d/\d\d)\b",
    "year_then_months": r"\b\d{4}, [A-Z][a-z]+ – ",
    "lost_dash": r"\b(19|20)\d\d ?((19|20)\d\d|Present)\b",
    "open_end_words": r"\d [–-] (till now|to date|current|now|till present|until now)\b",
    "pipe_separated": r"[^\n|]+ \| [^\n|]+ \| [^\n|]+",
    "capitals_city_below": r"(?m)^[A-Z][A-Z/&.\- ]{12,}([\t ].*\d.*)?$",  # (a PDF sets the dates after a space)
    "employer_city_parentheses": r"[\w.] \([A-Z][a-z]+\)",
    "title_at_company": r"\w at [A-Z]",
    "dates_beside_title": r"\t[A-Za-z0-9]",
    "docx_interleaved_columns": r"@example\.com\n[^\n]+\n",
    "docx_lebenslauf_table": r"(?m)^(?:[Ss]eit \d\d[/.]\d{4}|\d\d[/.]\d{4} – (?:\d\d[/.]\d{4}|heute))$",
    "docx_europass_2013": r"(?m)^Business or sector [A-Z]",
    "docx_europass_labels": r"(?m)^(?:Occupation or position held|Beruf oder Funktion|Fonction ou poste occupé|"
                            r"Profesión o cargo desempeñado)(?:: |\n)",
    "day_dotted_dates": r"\b\d\d\.\d\d\.\d{4} – ",
    "pdf_linkedin_export": r"\d{4} - (?:Present|[A-Z][a-z]+ \d{4}) \(\d+ (?:years?|months?)",
    "local_language_dates": r"(?:^|\s)(?:[a-zäöåąćęłńóśźż]{3,} \d{4}|\d\d\.\d{4}) – ",
}


def fold(s: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", unicodedata.normalize("NFKC", s).casefold()).split())


def docx_text(path: Path) -> str:
    """Every paragraph of the body, headers and text boxes, with tabs and line breaks, as raw text."""
    out: list[str] = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if re.fullmatch(r"word/(document|header\d*)\.xml", n)):
            for p in ElementTree.fromstring(z.read(name)).iter(f"{W}p"):
                out.append("".join(e.text or "" if e.tag == f"{W}t" else "\t" if e.tag == f"{W}tab" else "\n"
                                   for r in p.iter(f"{W}r") for e in r
                                   if e.tag in (f"{W}t", f"{W}tab", f"{W}br")))
    return "\n".join(out)


def pdf_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf).replace("\r\n", "\n")
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("synth")
    return out, generate(out, n=PER_KIND * len(KINDS), seed=7)


def _documents(corpus: tuple[Path, list[dict]], kind: str) -> list[tuple[dict, str]]:
    out, rows = corpus
    docs = []
    for row in (r for r in rows if r["kind"] == kind):
        path = out / row["file"]
        docs.append((row, pdf_text(path) if path.suffix == ".pdf" else docx_text(path)))
    return docs


def _years(value: str | None) -> set[str]:
    """How a gold date's year may be written: in full, or two digits for two-digit-year styles."""
    if not value or value == "present":
        return set()
    year = value[:4]
    return {year, year[2:]}


@pytest.mark.parametrize("kind", list(KINDS))
def test_gold_is_in_the_document(corpus: tuple[Path, list[dict]], kind: str) -> None:
    docs = _documents(corpus, kind)
    assert len(docs) == PER_KIND
    for row, raw in docs:
        text = f" {fold(raw)} "
        assert row["roles"] and row["education"], row["id"]
        for role in row["roles"]:
            for field in ("title", "company"):
                assert f" {fold(role[field])} " in text, (row["file"], field, role[field])
            for field in ("start", "end"):
                years = _years(role[field])
                assert not years or any(re.search(rf"(?<!\d){y}(?!\d)|{y}(?=\d{{4}})|(?<=\d{{4}}){y}", raw)
                                        for y in years), (row["file"], field, role[field])
        for entry in row["education"]:
            for field in ("institution", "credential"):
                assert f" {fold(entry[field])} " in text, (row["file"], field, entry[field])
            assert entry["end"] in raw, (row["file"], entry)


@pytest.mark.parametrize("kind", [k for k, trait in TRAITS.items() if trait])
def test_each_kind_shows_its_trait(corpus: tuple[Path, list[dict]], kind: str) -> None:
    for row, raw in _documents(corpus, kind):
        if row["file"].endswith(".pdf") and kind == "dates_beside_title":
            continue  # a PDF sets the dates flush right instead of after a tab
        assert re.search(TRAITS[kind] or "", raw), (row["file"], raw[:600])


def test_dates_follow_the_kind(corpus: tuple[Path, list[dict]]) -> None:
    _, rows = corpus
    for row in rows:
        roles = row["roles"]
        if row["kind"] == "undated_roles":
            assert all(r["start"] is None and r["end"] is None for r in roles)
        elif row["kind"] == "start_only":
            assert all(r["start"] and r["end"] is None for r in roles)
        else:
            assert all(re.fullmatch(r"\d{4}(-\d\d)?", r["start"]) for r in roles), row["id"]
            assert all(r["end"] == "present" or re.fullmatch(r"\d{4}(-\d\d)?", r["end"]) for r in roles), row["id"]
            assert all(r["end"] == "present" or r["start"] <= r["end"] for r in roles), row["id"]


def test_gold_file_is_what_the_checker_reads(corpus: tuple[Path, list[dict]]) -> None:
    out, rows = corpus
    lines = (out / GOLD_NAME).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == rows
    for row in rows:
        assert (out / row["file"]).is_file()
        assert {"id", "file", "roles", "education"} <= row.keys()
        assert all({"title", "company", "start", "end"} <= r.keys() for r in row["roles"])
        assert all({"institution", "credential"} <= e.keys() for e in row["education"])
    assert len({r["id"] for r in rows}) == len(rows)


def test_same_seed_same_resumes(tmp_path: Path) -> None:
    kinds = ["docx_interleaved_columns", "pdf_two_column", "lost_dash"]
    first = generate(tmp_path / "a", n=6, seed=3, kinds=kinds)
    again = generate(tmp_path / "b", n=6, seed=3, kinds=kinds)
    other = generate(tmp_path / "c", n=6, seed=4, kinds=kinds)
    assert first == again
    assert first != other
    assert docx_text(tmp_path / "a" / first[0]["file"]) == docx_text(tmp_path / "b" / again[0]["file"])


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown kinds"):
        generate(tmp_path, n=1, kinds=["no_such_kind"])


def test_clearing_touches_only_a_generated_folder(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(SystemExit, match="holds no"):
        clear(foreign)
    assert (foreign / "notes.txt").read_text() == "keep me"
    ours = tmp_path / "ours"
    generate(ours, n=2, kinds=["lost_dash", "pdf_two_column"])
    (ours / "notes.txt").write_text("keep me too")
    clear(ours)
    assert sorted(p.name for p in ours.iterdir()) == ["notes.txt"]


def test_never_writes_into_the_shared_data_even_through_a_link(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import benchmarks.synth_resumes as synth

    shared = tmp_path / "shared"  # a stand-in: the test never points the generator at the real ../shared
    shared.mkdir()
    link = tmp_path / "link-to-shared"
    link.symlink_to(shared)
    for where in (shared, link):
        monkeypatch.setattr(synth, "SHARED", where)
        for target in (shared / "synth", link / "synth"):
            with pytest.raises(ValueError, match="read-only"):
                generate(target, n=1)
    assert list(shared.iterdir()) == []
