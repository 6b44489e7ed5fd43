"""A certification or licence listed but not held yet ("in progress", "expected 2027", "Preparing for the … exam")
is marked ``in_progress`` with its name cleaned of the note; one held is not, whatever words its name has
("Registered Nurse", "Working at Heights")."""

from __future__ import annotations

from datetime import date

import pytest

from screener.parse.certifications import not_yet_held, parse_certification_line

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("line, name, in_progress", [
    ("AWS Certified Developer – Associate (in progress)", "AWS Certified Developer – Associate", True),
    ("PMP — expected March 2027", "PMP", True),
    ("Cisco CCNA (exam scheduled for May 2027)", "Cisco CCNA", True),
    ("Preparing for the HashiCorp Certified: Terraform Associate exam", "HashiCorp Certified: Terraform Associate",
     True),
    ("Pursuing CompTIA Security+", "CompTIA Security+", True),
    ("Currently studying for the Quarnet Cloud Practitioner exam", "Quarnet Cloud Practitioner", True),
    ("CFA Level II Candidate", "CFA Level II Candidate", True),
    ("Certified ScrumMaster, 2019", "Certified ScrumMaster", False),
    ("Registered Nurse (RN), Texas Board of Nursing", "Registered Nurse (RN)", False),
    ("Working at Heights certificate, 2021", "Working at Heights certificate", False),
    ("Quarnet Certified Data Engineer — Quarnet Academy (2024)", "Quarnet Certified Data Engineer", False),
    ("AWS Certified Developer; in progress", "AWS Certified Developer", True),
    ("Ontario College of Teachers (OCT) — application in progress", "Ontario College of Teachers (OCT)", True),
    ("PMP, exam pending", "PMP", True),
])
def test_in_progress(line: str, name: str, in_progress: bool) -> None:
    cert = parse_certification_line(line, today=TODAY)
    assert cert is not None
    assert (cert.name, cert.in_progress) == (name, in_progress)


def test_a_remark_about_another_credential_leaves_this_one_held() -> None:
    cert = parse_certification_line("Engineer in Training (EIT) — FE exam passed 2024; working toward PE licensure",
                                    today=TODAY)
    assert cert is not None and not cert.in_progress


@pytest.mark.parametrize("line, held", [
    ("PE exam scheduled for 2027", False),
    ("Eligible for PE licensure", False),
    ("Licencia profesional en trámite", False),
    ("Professional Engineer (PE), Texas, 2019", True),
])
def test_not_yet_held(line: str, held: bool) -> None:
    assert not_yet_held(line) is not held
