"""The same person applying twice is flagged (never merged), with the signals that matched."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from screener.fairness.redact import result_code
from screener.workflow.duplicates import contacts, duplicate_count, find_duplicates, norm_name, norm_phone


@dataclass
class R:
    file: str
    candidate: str
    text: str
    document_sha256: str
    candidate_code: str
    error: str = ""
    profile: None = None


def _find(results):
    return find_duplicates(results, text_of=lambda r: r.text)


@pytest.mark.parametrize(("a", "b", "signals"), [
    (("Ana Souza", "ana@x.com", "s1"), ("Souza, ANA", "ANA@X.COM", "s2"), ("same e-mail", "same name")),
    (("Ana Souza", "+1 (555) 201-3344", "s1"), ("A. S.", "555.201.3344", "s2"), ("same phone",)),
    (("Ana Souza", "", "s1"), ("Ana Souza", "", "s1"), ("same file", "same name")),
    (("Lucía Hernández", "", "s1"), ("LUCIA HERNANDEZ", "", "s2"), ("same name",)),
])
def test_signals(a, b, signals) -> None:
    r1 = R("a.pdf", a[0], a[1], a[2], "C-1")
    r2 = R("b.pdf", b[0], b[1], b[2], "C-2" if a[2] != b[2] else "C-1")
    d = _find([r1, r2])
    assert [m.signals for m in d.of("C-1")][0] == signals
    assert d.groups() and duplicate_count(d, ["C-1", "C-2"]) >= 1


@pytest.mark.parametrize(("a", "b"), [
    (("Ana Souza", "ana@x.com 2019-2021"), ("Ben Okafor", "ben@y.com 2019-2021")),  # a date range is not a phone
    (("Ana", "call 12345"), ("Ana", "call 12345")),  # one-word names and short numbers say nothing
    (("Ana Souza", "ana@x.com"), ("Ana Sousa", "ana2@x.com")),
    # a template's number, shared by people who never met (two résumé templates' "(123) 456-7890" were flagged)
    (("Barry Allen", "barry@x.com (123) 456-7890"), ("John Doe", "john@y.com 123.456.7890")),
    (("Barry Allen", "barry@x.com (206) 555-0123"), ("John Doe", "john@y.com 206-555-0123")),
])
def test_different_people_are_not_flagged(a, b) -> None:
    d = _find([R("a.pdf", a[0], a[1], "s1", "C-1"), R("b.pdf", b[0], b[1], "s2", "C-2")])
    assert d.flagged == set() and d.words("C-1") == ""


def test_groups_join_chains_and_words_name_the_other() -> None:
    d = _find([R("a", "Ana Souza", "ana@x.com", "s1", "C-1"), R("b", "Other Person", "ana@x.com 555 201 3344", "s2", "C-2"),
               R("c", "Third Person", "555-201-3344", "s3", "C-3"), R("d", "Dee Zee", "", "s4", "C-4")])
    assert d.groups() == [{"C-1", "C-2", "C-3"}]
    assert d.words("C-2") == "possible duplicate of C-1 (same e-mail); C-3 (same phone)"


def test_unreadable_files_match_by_bytes_only() -> None:
    d = _find([R("a", "", "", "s1", "C-1", error="unreadable"), R("b", "", "", "s1", "C-1", error="unreadable"),
               R("c", "", "", "s2", "C-2", error="unreadable")])
    assert [m.signals for m in d.of("C-1")] == [("same file",), ("same file",)]
    assert d.of("C-2") == []


def test_on_a_stored_run(run) -> None:
    d = find_duplicates(run.results)
    ana = result_code(next(r for r in run.results if r.file == "ana_souza_cv.pdf"))
    again = result_code(next(r for r in run.results if r.file == "souza_ana_resume.txt"))
    assert [m.code for m in d.of(ana)] == [again]
    assert d.of(ana)[0].signals == ("same e-mail", "same name")
    assert len(d.flagged) == 2


@pytest.mark.parametrize(("text", "want"), [("+44 20 7946 0958", "2079460958"), ("2019-2021", None), ("12345", None),
                                            ("(555) 201-3344", "5552013344")])
def test_norm_phone(text, want) -> None:
    assert norm_phone(text) == want


def test_contacts_and_names() -> None:
    emails, phones = contacts("Ana <Ana@Example.com> · +1 555 201 3344 · 2019 – 2021")
    assert emails == {"ana@example.com"} and phones == {"5552013344"}
    assert norm_name("PÉREZ, Lucía") == norm_name("Lucia Perez") == "lucia perez"
    assert norm_name("张伟 Wei") == "wei 张伟"
    assert norm_name("Candidate") is None
