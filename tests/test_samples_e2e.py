"""End to end on the sample candidates: the notes, badges and flags the demo exists to show."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest

from screener import ScreenOptions, load_rubric, screen
from screener.score.model import CandidateResult

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
OPTS = ScreenOptions(as_of=date(2026, 12, 1), offline_map=SAMPLES / "offline-map.json")


@cache
def results(rubric: str) -> dict[str, CandidateResult]:
    run = screen(load_rubric(ROOT / "rubrics" / f"{rubric}.yaml"), [SAMPLES], options=OPTS)
    return {r.file.split("_")[0]: r for r in run.results}


def test_every_sample_is_scored() -> None:
    rs = results("software-engineer")
    assert len(rs) == 10 and all(not r.error for r in rs.values())
    assert all(r.overall is not None for r in rs.values())


def test_priya_badges_verify_and_count() -> None:
    p = results("software-engineer")["priya"]
    verdicts = {b.name: b.verdict for b in p.badges}
    assert verdicts.get("Cloud Infrastructure on AWS") == "valid"
    assert verdicts.get("Kubernetes Operations") == "valid"  # baked PNG beside the résumé
    assert p.verified_badges == 2
    cloud = p.competency("Cloud platforms")
    assert cloud is not None and any(e.kind == "verified-badge" for e in cloud.evidence)


def test_priya_three_year_degree_is_contested_but_meets_the_policy() -> None:
    p = results("software-engineer")["priya"]
    notes = [n for n in p.equivalencies if n.country == "IN"]
    assert notes and notes[0].contested and notes[0].foreign
    assert "NACES or AICE" in notes[0].note
    assert p.degree is not None and p.degree.status == "met by equivalent"


def test_jordan_expired_badge_warns_and_gives_nothing() -> None:
    j = results("software-engineer")["jordan"]
    verdicts = {b.name: b.verdict for b in j.badges}
    assert verdicts.get("Full-Stack JavaScript Developer") == "valid"
    assert verdicts.get("Python for Data Analysis") == "expired"
    assert any("expired" in w for w in j.warnings)
    assert not j.equivalencies  # no degree, and none needed to rank
    assert j.degree is not None and j.degree.status == "met by equivalent"
    certificate_pages = [b for b in j.badges if b.verdict == "not verified"]
    assert certificate_pages and all(b.counts_as == "unverified certification" for b in certificate_pages)


def test_emily_forged_badge_is_refused() -> None:
    e = results("mechanical-design-engineer")["emily"]
    forged = [b for b in e.badges if "Project" in b.name]
    assert forged and forged[0].verdict == "invalid-signature" and forged[0].counts_as == "no evidence"
    assert any("failed verification" in w for w in e.warnings)
    assert e.verified_badges == 0


@pytest.mark.parametrize(
    ("rubric", "who", "country", "isced", "contested"),
    [
        ("mechanical-design-engineer", "ana", "BR", 6, False),
        ("financial-analyst", "chinedu", "NG", 6, False),
        ("civil-engineer", "lucia", "MX", 6, False),
        ("data-engineer", "tomasz", "PL", 7, False),
        ("financial-analyst", "grace", "GH", None, True),
        ("software-engineer", "wei", "CN", 6, False),
    ],
)
def test_foreign_degree_notes(rubric: str, who: str, country: str, isced: int | None, contested: bool) -> None:
    r = results(rubric)[who]
    notes = [n for n in r.equivalencies if n.country == country]
    assert notes, [(n.credential, n.country) for n in r.equivalencies]
    n = notes[0]
    assert n.foreign and n.sources and n.note.endswith("this note is guidance.")
    if isced is not None:
        assert n.isced_level == isced
    assert n.contested is contested


def test_us_degree_is_not_foreign() -> None:
    e = results("mechanical-design-engineer")["emily"]
    assert e.equivalencies and not any(n.foreign for n in e.equivalencies)


def test_foreign_degree_never_lowers_the_score() -> None:
    ana = results("mechanical-design-engineer")["ana"]
    emily = results("mechanical-design-engineer")["emily"]
    assert ana.overall is not None and emily.overall is not None and ana.overall >= emily.overall


def test_nurse_without_us_licence_is_flagged_with_the_path() -> None:
    k = results("registered-nurse")["kwame"]
    assert k.licence is not None and k.licence.required_by_law and not k.licence.found
    assert k.must_haves_met is False and any("required by law" in m for m in k.missing_must_haves)
    assert any("NCLEX" in step for step in k.licence.licensing_path)
    assert k.overall is not None and k.overall > 50  # still listed and scored on skills


def test_same_input_same_output() -> None:
    from screener.report import results_json

    rubric = load_rubric(ROOT / "rubrics" / "software-engineer.yaml")
    names = [c.name for c in rubric.competencies]
    a = results_json(screen(rubric, [SAMPLES], options=OPTS), names)
    b = results_json(screen(rubric, [SAMPLES], options=OPTS), names)
    assert a == b


def test_a_failed_badge_listed_as_a_certificate_gives_no_evidence() -> None:
    j = results("software-engineer")["jordan"]
    quotes = [e.context for c in j.competencies for e in c.evidence]
    assert quotes and not any("Python for Data Analysis" in q for q in quotes)
    e = results("mechanical-design-engineer")["emily"]
    assert not any("Certified Senior Project Manager" in ev.context for c in e.competencies for ev in c.evidence)
