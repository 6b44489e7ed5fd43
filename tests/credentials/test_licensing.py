"""Regulated professions: detection from role titles and credentials, and the licensing paths shown."""

from __future__ import annotations

import pytest

from screener.credentials import detect_regulated_profession, licensing_for_profession, lookup_equivalency


@pytest.mark.parametrize(("query", "profession"), [
    ("Registered Nurse", "registered nurse"), ("RN", "registered nurse"), ("Staff Nurse, ICU", "registered nurse"),
    ("Pharmacist", "pharmacist"), ("Clinical Pharmacist", "pharmacist"),
    ("Professional Engineer", "professional engineer"), ("PE", "professional engineer"), ("P.E.", "professional engineer"),
    ("CPA", "certified public accountant"), ("Certified Public Accountant", "certified public accountant"),
    ("Physician", "physician"), ("Physical Therapist", "physical therapist"), ("Physiotherapist", "physical therapist"),
    ("PT", "physical therapist"), ("Dentist", "dentist"), ("Dental Surgeon", "dentist"), ("Attorney", "lawyer"),
    ("High School Math Teacher", "K-12 teacher"), ("PE Teacher", "K-12 teacher"),
])
def test_licensing_for_profession(query: str, profession: str) -> None:
    lp = licensing_for_profession(query)
    assert lp is not None and lp.profession == profession
    assert lp.bodies and lp.steps and lp.sources


@pytest.mark.parametrize("query", ["Software Engineer", "Data Analyst", "Project Manager", "", "Marketing Lead"])
def test_unregulated_roles(query: str) -> None:
    assert licensing_for_profession(query) is None
    assert detect_regulated_profession(query) is None


@pytest.mark.parametrize(("text", "profession"), [
    ("MBBS", "physician"), ("Bachelor of Science in Nursing", "registered nurse"), ("B.Pharm", "pharmacist"),
    ("BDS", "dentist"), ("LL.B.", "lawyer"), ("Bachelor of Physiotherapy", "physical therapist"),
    ("Bacharel em Engenharia Civil", "professional engineer"), ("B.Tech Mechanical Engineering", "professional engineer"),
    ("B.Tech Computer Science and Engineering", None), ("BSc Software Engineering", None),
    ("Doctor of Veterinary Medicine", None), ("B.Ed.", "K-12 teacher"), ("CA (ICAI)", "certified public accountant"),
])
def test_detect_from_credential(text: str, profession: str | None) -> None:
    assert detect_regulated_profession(text) == profession


@pytest.mark.parametrize(("profession", "must_mention"), [
    ("registered nurse", ["CGFNS", "NCLEX-RN", "state"]),
    ("physician", ["ECFMG", "USMLE", "residency", "WFME", "does not change"]),
    ("pharmacist", ["FPGEC", "FPGEE", "TOEFL", "NAPLEX", "five years", "1 January 2003"]),
    ("professional engineer", ["NCEES", "FE", "PE"]),
    ("certified public accountant", ["NASBA", "IQEX", "mutual recognition", "ICAI"]),
    ("physical therapist", ["FCCPT", "NPTE"]),
    ("dentist", ["CODA", "advanced standing", "INBDE", "clinical"]),
    ("lawyer", ["bar", "LL.M."]),
    ("K-12 teacher", ["state", "certification"]),
])
def test_paths_carry_the_facts(profession: str, must_mention: list[str]) -> None:
    lp = licensing_for_profession(profession)
    assert lp is not None
    text = " ".join(lp.steps + lp.bodies)
    for word in must_mention:
        assert word in text, (profession, word)


def test_equivalency_carries_licensing_path() -> None:
    eq = lookup_equivalency("MBBS", country="IN")
    assert eq.regulated_profession == "physician"
    assert eq.licensing_path and any("ECFMG" in s for s in eq.licensing_path)
    assert any("ECFMG" in s for s in eq.sources)
    assert "Regulated in the U.S." in eq.note


def test_icai_is_not_offered_iqex() -> None:
    eq = lookup_equivalency("CA (ICAI)")
    assert eq.caveat and "IQEX is not open" in eq.caveat
    cpa_canada = lookup_equivalency("CPA Canada")
    assert cpa_canada.us_equivalent and "IQEX" in cpa_canada.us_equivalent


def test_four_year_bpharm_flags_five_year_rule() -> None:
    eq = lookup_equivalency("B.Pharm", country="IN")
    assert eq.caveat and "five years" in eq.caveat
