"""Titles told from employers by shape, not by known words: the area a title heads ("Head of <Area>"), a bracketed
level, an organisation's initials, a legal suffix with a full stop, a list glued to a title. Every name below is
invented; the DOCX fixtures go through ingest and parse end to end."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document as WordDocument

from screener.ingest import ingest_bytes
from screener.parse import parse_document
from screener.parse.roles import split_header

TODAY = date(2025, 1, 15)


@pytest.mark.parametrize(("units", "expected"), [
    # the area after "Head of" runs as far as its words name occupations; the invented name glued after it is
    # the employer
    (["Head of Logistics Brunavex, Lyon, France"], ("Head of Logistics", "Brunavex", "Lyon, France")),
    (["Head of Business Development Quillomar, Porto, Portugal"],
     ("Head of Business Development", "Quillomar", "Porto, Portugal")),
    (["Director of Procurement Telvaro Group"], ("Director of Procurement", "Telvaro Group", "")),
    (["HEAD OF COMPLIANCE"], ("HEAD OF COMPLIANCE", "", "")),
    # a bracketed level belongs to the title; the name after it is the employer
    (["Warehouse Supervisor (Lead) Ostrava Pumps, Brno, Czechia"],
     ("Warehouse Supervisor (Lead)", "Ostrava Pumps", "Brno, Czechia")),
    # a tool or a language with its level glued after a title whose last words are its area
    (["Head of Billing Kubernetes"], ("Head of Billing", "", "")),
    (["Head of Training English -B2"], ("Head of Training", "", "")),
    (["Quality Analyst (Junior) Kubernetes,"], ("Quality Analyst (Junior)", "", "")),
    # an organisation's initials and name glued after the title, a tool and a city after commas
    (["Field Technician QRT Morvane, Kubernetes, Haifa"], ("Field Technician", "QRT Morvane", "Kubernetes, Haifa")),
    # a legal suffix ending with a full stop ends the employer's field
    (["Dravik Holdings AG. Payments Auditor (Senior)"], ("Payments Auditor (Senior)", "Dravik Holdings AG", "")),
    (["Solmera Inc.. Senior Architect"], ("Senior Architect", "Solmera Inc", "")),
    # a converter glued the last item of a list written without spaces to the title
    (["Nortavia Labs,ValenciaData Specialist"], ("Data Specialist", "Nortavia Labs", "Valencia")),
    (["Nortavia Labs,ValenciaData Specialist English -B2"], ("Data Specialist", "Nortavia Labs", "Valencia")),
])
def test_title_shapes(units: list[str], expected: tuple[str, str, str]) -> None:
    assert split_header(units) == expected


def test_tool_names_in_camel_case_are_not_split() -> None:
    assert split_header(["Brightmoor,JavaScript Developer"]) == ("JavaScript Developer", "Brightmoor", "")


def test_words_of_occupations_after_head_of_stop_at_an_organisation_word() -> None:
    # "Bank" names occupations ("bank teller") but is an organisation word: it starts the employer's name
    assert split_header(["Head of Compliance Bank Elvoria"])[1] == "Bank Elvoria"


def _docx(paragraphs: list[str]) -> bytes:
    doc = WordDocument()
    for p in paragraphs:
        doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _roles(paragraphs: list[str]) -> list[tuple[str, str, str, str]]:
    parsed = parse_document(ingest_bytes(_docx(paragraphs), "cv.docx"), today=TODAY)
    return [(r.title, r.employer, str(r.start or ""), str(r.end or "")) for r in parsed.roles]


def test_docx_head_of_area_glued_to_employer_with_dates_below() -> None:
    roles = _roles(["Ilse Marwen", "Work history",
                    "Head of Logistics Brunavex, Lyon, France",
                    "Oct 2021 - Mar 2024  Set up from scratch a profitable trade in cut flowers and seasonal plants for",
                    "garden centres across the region;",
                    "Warehouse Supervisor (Lead) Ostrava Pumps, Brno, Czechia",
                    "Apr 2015 - Sep 2021  Ran the night shift of forty people, the stock counts and the paperwork of",
                    "the loading bays.",
                    "Education", "Brno Technical Lyceum, 2014"])
    assert [r[:2] for r in roles] == [("Head of Logistics", "Brunavex"), ("Warehouse Supervisor (Lead)", "Ostrava Pumps")]
    assert [r[2][:4] for r in roles if r[2]] == ["2021", "2015"]


def test_docx_employer_with_legal_suffix_or_web_name_then_title_then_project() -> None:
    roles = _roles(["Teodor Vask", "Experience",
                    "2023 - Dravik Holdings AG. Payments Auditor (Senior). Orchid Valley Hospital Network",
                    "project. Tasks performed: settlement audits, reports.",
                    "2021 - Solmera Inc.. Senior Architect. Orchid Valley Hospital Network",
                    "project. Tasks performed: ledger design.",
                    "2019 - Kestrova.io. Billing Developer. Orchid Valley Hospital Network",
                    "project. Tasks performed: invoices.",
                    "Education", "Brno Technical Lyceum, 2014"])
    assert [r[:2] for r in roles] == [("Payments Auditor (Senior)", "Dravik Holdings AG"),
                                      ("Senior Architect", "Solmera Inc"), ("Billing Developer", "Kestrova.io")]


def test_docx_undated_employer_known_by_its_place_then_title() -> None:
    # an employer with no organisation word, known by the place after it, beside the side column's heading in
    # the plural; then its title on a line of its own, no dates
    roles = _roles(["QUALITY ANALYST (SENIOR)", "Haifa, Israel", "WORK EXPERIENCE",
                    "CONTACTS   Morvane & Tellis, Ashdod, Israel", "",
                    "Quality Analyst (Senior)", "",
                    "Moved the test suites to a shared runner and cut the nightly run from six hours to one,",
                    "", "SKILLS", "Python"])
    assert [r[:2] for r in roles] == [("Quality Analyst (Senior)", "Morvane & Tellis")]


def test_docx_interleaved_columns_employer_in_capitals_then_the_other_columns_sentence() -> None:
    # a two-column page converted line by line: the side column's heading opens the employer's line and the
    # description column's sentence follows the employer in capitals (two words, one an organisation word)
    roles = _roles(["MARTA DUNVEL", "EXPERIENCE",
                    "OCT 2020 - DEC 2022 QUALITY AUDITOR",
                    "LANGUAGES TORVANE LTD Torvane Glass is the largest maker of bottles",
                    "in the north.",
                    "Hebrew Audited the bottling lines of three plants",
                    "EDUCATION", "Ostrava Technical Lyceum, 2014"])
    assert [r[:2] for r in roles] == [("QUALITY AUDITOR", "TORVANE LTD")]


def test_docx_undated_title_then_name_known_by_its_place() -> None:
    # entries whose dates were never written: "<Title> <Name>, City, Country" opening a block, no organisation
    # word in the name; the line under it is the project, then the description
    roles = _roles(["Ruben Halvard", "Experience", "",
                    "Quality Analyst Morvane-Tellis, Ashdod, Israel",
                    "Harbour crane telemetry",
                    "Checked the sensor feeds of the harbour cranes and reported faults to the crews.", "",
                    "Head of Training Kestrova.io, Lyon, France",
                    "Onboarding platform",
                    "Wrote the onboarding courses for new support staff and ran them every month.", "",
                    "Education", "Ostrava Technical Lyceum, 2014"])
    assert [r[:2] for r in roles] == [("Quality Analyst", "Morvane-Tellis"), ("Head of Training", "Kestrova.io")]


def test_letter_spaced_tools_are_never_the_employer() -> None:
    # "M S S QL, P L S QL": a side column's tools whose letters a converter spaced out, after the dates
    title, employer, _ = split_header(["Cloud Programmer (Staff) - Java, Spring, Jenkins", "M S S QL, P L S QL"])
    assert (title, employer) == ("Cloud Programmer (Staff)", "")
    assert split_header(["Analyst", "J P Morgan"])[1] == "J P Morgan"


@pytest.mark.parametrize(("units", "expected"), [
    # a legal suffix's own full stop, then a title: two fields
    (["Dravik Ltd. Senior Payments Auditor"], ("Senior Payments Auditor", "Dravik Ltd", "")),
    # the other column's sentence glued after the area a title heads
    (["Head of Training a wide range of courses"], ("Head of Training", "", "")),
])
def test_more_title_shapes(units: list[str], expected: tuple[str, str, str]) -> None:
    assert split_header(units) == expected
