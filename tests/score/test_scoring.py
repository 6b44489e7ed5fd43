"""Evidence → level → score, must-haves, degree policy and licence flags, on hand-built profiles.

These tests build profiles directly (no parser, no lexicon) so they pin the scoring model alone.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from screener.models import Certification, Document, PartialDate, Profile, Role, Section, SkillMention
from screener.rubric import parse_rubric
from screener.score.evidence import competency_terms, context_line
from screener.score.levels import experience, recency_weight
from screener.score.model import BadgeSummary, EquivalencyNote
from screener.score.scoring import degree_status, licence_status, score_candidate

AS_OF = date(2026, 12, 1)


class FakeResolver:
    """Resolves names to ids like the extractor does; SQL's neighbour is PostgreSQL."""

    class C:
        def __init__(self, cid: str) -> None:
            self.id = cid

    def resolve(self, name: str) -> list:
        return [self.C(f"skill:{name.casefold()}")]

    def related(self, cid: str) -> list[str]:
        return ["skill:postgresql"] if cid == "skill:sql" else []


def build(text: str, *, roles: list[Role] = (), sections: list[Section] = (), certs: list[Certification] = (),
          skill_words: list[str] = ()) -> Profile:
    """A profile whose skills are every occurrence of ``skill_words`` in ``text``."""
    doc = Document(file="cv.txt", kind="txt", text=text)
    prof = Profile(document=doc, sections=tuple(sections), roles=tuple(roles), certifications=tuple(certs))
    mentions = []
    for w in skill_words:
        start = 0
        while (i := text.find(w, start)) != -1:
            mentions.append(SkillMention(w, f"skill:{w.casefold()}", w, i, i + len(w), prof.section_at(i)))
            start = i + len(w)
    return Profile(document=doc, sections=prof.sections, roles=prof.roles, certifications=prof.certifications,
                   skills=tuple(sorted(mentions, key=lambda m: m.start)))


RUBRIC = parse_rubric("""
role: Analyst
competencies:
  - name: SQL
    skills: [SQL]
    weight: 3
    required_level: 3
    must_have: true
  - name: Python
    skills: [Python]
    weight: 1
    required_level: 2
""")


def score(profile: Profile, rubric=RUBRIC, **kw):
    terms = [competency_terms(c, FakeResolver()) for c in rubric.competencies]
    return score_candidate(profile, rubric, terms, as_of=AS_OF, candidate="A", **kw)


def two_role_profile() -> Profile:
    text = ("EXPERIENCE\nData Analyst — Acme\nJan 2021 – Present\nBuilt SQL reports.\n"
            "Junior Analyst — Beta\n2018 – 2020\nWrote SQL and Python.\nSKILLS\nSQL, Python, Excel\n")
    exp_start = 0
    skills_start = text.index("SKILLS")
    r1 = Role("Data Analyst", "Acme", start=PartialDate(2021, 1), current=True,
              span=(text.index("Data Analyst"), text.index("Junior")))
    r2 = Role("Junior Analyst", "Beta", start=PartialDate(2018), end=PartialDate(2020),
              span=(text.index("Junior"), skills_start))
    sections = [Section("experience", "EXPERIENCE", exp_start, skills_start),
                Section("skills", "SKILLS", skills_start, len(text))]
    return build(text, roles=[r1, r2], sections=sections, skill_words=["SQL", "Python"])


def test_role_evidence_years_and_level() -> None:
    res = score(two_role_profile())
    sql = res.competency("SQL")
    assert sql is not None
    # 2018–2020 (36 months) + Jan 2021–Dec 2026 (72 months), no overlap
    assert sql.years == 9.0
    # level 4 of 3 required: met, and the score is above the 80 that "meets the requirement" means
    assert sql.level == 4 and sql.met and 80.0 < sql.score < 100.0 and sql.headroom > 1.0
    assert any("Exceeds the requirement by" in w for w in sql.why)
    kinds = [e.kind for e in sql.evidence]
    assert kinds.count("role") == 2 and "skills-list" in kinds
    assert all(e.quote == "SQL" for e in sql.evidence)
    assert sql.evidence[0].strength == 0.8 and sql.evidence[0].role.startswith("Data Analyst — Acme")
    assert any("years in 2 role(s)" in w for w in sql.why)
    assert res.must_haves_met is True
    # Python only in the older role: 3 years, recency-weighted less
    py = res.competency("Python")
    assert py is not None and py.years == 3.0 and py.weighted_years < 3.0 and py.last_used_months == 72


def test_overall_is_weighted_mean() -> None:
    res = score(two_role_profile())
    s = {c.name: c.score for c in res.competencies}
    assert res.overall == round((3 * s["SQL"] + 1 * s["Python"]) / 4, 1)


def test_no_evidence_scores_zero_and_says_why_not() -> None:
    prof = build("SKILLS\nExcel\n", sections=[Section("skills", "SKILLS", 0, 13)], skill_words=["Excel"])
    res = score(prof)
    sql = res.competency("SQL")
    assert sql is not None and sql.score == 0 and sql.level == 0 and not sql.evidence
    assert sql.why_not and sql.why_not[0].startswith("No evidence of SQL")
    assert res.must_haves_met is False and res.missing_must_haves == ("SQL",)
    assert res.overall == 0.0


def test_listed_only_is_level_one_with_why_not() -> None:
    text = "SKILLS\nSQL, Python\n"
    prof = build(text, sections=[Section("skills", "SKILLS", 0, len(text))], skill_words=["SQL", "Python"])
    res = score(prof)
    sql = res.competency("SQL")
    assert sql is not None and sql.level == 1 and sql.evidence[0].kind == "skills-list"
    # below the requirement: 80 × achieved ÷ required; achieved = level 1 + 0.2 × breadth of one listed skill
    achieved = 1 + 0.2 * (1 - math.exp(-0.3 / 2.0))
    assert sql.score == pytest.approx(80 * achieved / 3, abs=0.1)
    assert any("Only listed" in w for w in sql.why_not)
    py = res.competency("Python")
    assert py is not None and py.level == 1 and py.score == pytest.approx(80 * achieved / 2, abs=0.1)


def test_related_skill_counts_at_half_strength_level_one() -> None:
    text = "SKILLS\nPostgreSQL\n"
    prof = build(text, sections=[Section("skills", "SKILLS", 0, len(text))], skill_words=["PostgreSQL"])
    sql = score(prof).competency("SQL")
    assert sql is not None and sql.level == 1 and sql.evidence[0].related
    assert sql.evidence[0].strength == pytest.approx(0.15)
    assert any("related" in w for w in sql.why_not)


def test_excluded_spans_never_count() -> None:
    text = "SKILLS\nSQL\n"
    doc = Document(file="cv.txt", kind="txt", text=text, excluded_spans=((7, 10),))
    base = build(text, sections=[Section("skills", "SKILLS", 0, len(text))], skill_words=["SQL"])
    prof = Profile(document=doc, sections=base.sections, skills=base.skills)
    sql = score(prof).competency("SQL")
    assert sql is not None and sql.score == 0 and not sql.evidence


def test_min_years_reduces_score_and_explains() -> None:
    rubric = parse_rubric("role: R\ncompetencies:\n - {name: SQL, skills: [SQL], weight: 1, required_level: 2, "
                          "min_years: 4}\n")
    text = "EXPERIENCE\nAnalyst — Acme\n2024 – Present\nSQL daily.\n"
    role = Role("Analyst", "Acme", start=PartialDate(2024), current=True, span=(11, len(text)))
    prof = build(text, roles=[role], sections=[Section("experience", "EXPERIENCE", 0, len(text))],
                 skill_words=["SQL"])
    sql = score(prof, rubric).competency("SQL")
    assert sql is not None and sql.years == 3.0 and not sql.met
    assert "3.0 years found in dated roles, 4 required" in sql.why_not[0]
    assert sql.score < 100


def test_verified_badge_is_level_three() -> None:
    text = "SUMMARY\nAnalyst.\n"
    prof = build(text)
    mention = SkillMention("SQL", "skill:sql", "SQL", 0, 0, "badge", "badge")
    res = score(prof, badge_mentions=[(mention, "https://b.example/1", "SQL Expert — Org (verified badge)")])
    sql = res.competency("SQL")
    assert sql is not None and sql.level == 3 and sql.evidence[0].kind == "verified-badge"
    assert sql.evidence[0].strength == 1.0 and sql.evidence[0].source == "https://b.example/1"


def test_failed_badge_gives_nothing_and_says_so() -> None:
    prof = build("SUMMARY\nAnalyst.\n")
    failed = BadgeSummary("https://b.example/2", "badge", "invalid-signature", ("tampered",), name="SQL Master")
    res = score(prof, badges=[failed])
    sql = res.competency("SQL")
    assert sql is not None and sql.score == 0
    assert any("not counted: invalid-signature" in w for w in sql.why_not)


def test_deterministic() -> None:
    a = score(two_role_profile()).to_json()
    b = score(two_role_profile()).to_json()
    assert a == b


# ------------------------------------------------------------------ degree policy

DEG = parse_rubric("""
role: R
competencies: [{name: A, skills: [a], weight: 1}]
degree:
  required: true
  level: bachelor
  substitutes:
    - experience_years: 4
    - certification: Certified SolidWorks Professional
    - badge: Cloud Infrastructure
""")


def note(cred: str, isced: int | None, *, country: str = "US", contested: bool = False) -> EquivalencyNote:
    return EquivalencyNote(cred, "Uni", country, "bachelor's degree" if isced == 6 else None, isced, contested,
                           None, None, (), "", country != "US")


@pytest.mark.parametrize(
    ("notes", "status", "piece"),
    [
        ([note("B.S. Mechanical Engineering", 6)], "met", "B.S."),
        ([note("Bacharel em Engenharia", 6, country="BR")], "met by equivalent", "Bacharel"),
        ([note("B.Sc. (3 years)", 6, country="IN", contested=True)], "met by equivalent", "evaluators differ"),
        ([note("High school diploma", 3)], "not met", "highest found: High school diploma"),
        ([], "not met", "no degree found"),
    ],
)
def test_degree_required(notes, status, piece) -> None:
    d = degree_status(DEG.degree, notes, build("x"), as_of=AS_OF)
    assert d.status == status and piece in d.detail


def test_degree_not_required_by_default() -> None:
    d = degree_status(RUBRIC.degree, [], build("x"), as_of=AS_OF)
    assert d.status == "not required" and d.label() == "not required"


def test_degree_substitutes() -> None:
    role = Role("Engineer", "X", start=PartialDate(2019, 1), current=True)
    d = degree_status(DEG.degree, [], build("x", roles=[role]), as_of=AS_OF)
    assert d.status == "met by equivalent" and "years of relevant experience" in d.detail
    cert = Certification("Certified SolidWorks Professional (CSWP)")
    d = degree_status(DEG.degree, [], build("x", certs=[cert]), as_of=AS_OF)
    assert d.status == "met by equivalent" and "CSWP" in d.detail
    badge = BadgeSummary("u", "p", "valid", (), name="Cloud Infrastructure on AWS")
    d = degree_status(DEG.degree, [], build("x"), as_of=AS_OF, badges=[badge])
    assert d.status == "met by equivalent" and "verified badge" in d.detail
    forged = BadgeSummary("u", "p", "invalid-signature", (), name="Cloud Infrastructure on AWS")
    assert degree_status(DEG.degree, [], build("x"), as_of=AS_OF, badges=[forged]).status == "not met"


def test_implied_or_equivalent_without_substitutes() -> None:
    rubric = parse_rubric("role: R\ncompetencies: [{name: A, skills: [a], weight: 1}]\n"
                          "degree: {required: true, level: bachelor}\n")
    role = Role("Dev", "X", start=PartialDate(2020), current=True)
    d = degree_status(rubric.degree, [], build("x", roles=[role]), as_of=AS_OF)
    assert d.status == "met by equivalent" and "implied" in d.detail


def test_degree_never_changes_the_score() -> None:
    prof = two_role_profile()
    with_req = parse_rubric(RUBRIC.model_dump_json().replace('"required":false', '"required":true'))
    assert score(prof).overall == score(prof, with_req).overall


def test_licence_required_by_law_is_a_must_have() -> None:
    rubric = parse_rubric("role: Nurse\ncompetencies: [{name: A, skills: [a], weight: 1}]\n"
                          "licence: {name: RN, profession: registered nurse, required_by_law: true, "
                          "aliases: [Registered Nurse]}\n")
    res = score(build("SUMMARY\nCaring person.\n"), rubric, licensing_path=["NCLEX-RN"])
    assert res.licence is not None and not res.licence.found and res.licence.licensing_path == ("NCLEX-RN",)
    assert "licence: RN (required by law)" in res.missing_must_haves and res.must_haves_met is False
    ok = score(build("LICENCES\nRegistered Nurse, Texas Board of Nursing\n"), rubric)
    assert ok.licence is not None and ok.licence.found


def test_licence_short_names_match_case_sensitively() -> None:
    from screener.rubric import LicencePolicy

    pol = LicencePolicy(name="PE")
    assert not licence_status(pol, build("I can operate a pe pipe welder")).found
    assert licence_status(pol, build("Licensed PE in Texas")).found


# ------------------------------------------------------------------ years arithmetic


@pytest.mark.parametrize(
    ("periods", "months"),
    [
        ([((2019, 1), (2020, 12))], 24),
        ([((2019, 1), (2020, 12)), ((2020, 6), (2021, 6))], 30),  # overlap counted once
        ([((2019, 1), (2020, 12)), ((2019, 3), (2019, 9))], 24),  # nested
        ([((2015, None), (2017, None))], 36),  # bare years: Jan–Dec
        ([((2019, 1), (2019, 1))], 1),
        ([((2030, 1), (2031, 1))], 0),  # the future does not count
    ],
)
def test_union_of_role_periods(periods, months) -> None:
    roles = [Role("r", start=PartialDate(*s), end=PartialDate(*e)) for s, e in periods]
    assert experience(roles, as_of=AS_OF, horizon_years=10).months == months


def test_present_runs_to_as_of() -> None:
    r = Role("r", start=PartialDate(2026, 1), current=True)
    assert experience([r], as_of=AS_OF, horizon_years=10).months == 12


def test_recency_weight_falls_to_floor() -> None:
    assert recency_weight(0, horizon_years=10) == 1.0
    assert recency_weight(24, horizon_years=10) == 1.0
    assert 0.5 < recency_weight(60, horizon_years=10) < 1.0
    assert recency_weight(200, horizon_years=10) == 0.5


def test_context_line() -> None:
    text = "first\nthe SQL line\nlast"
    assert context_line(text, 10, 13) == "the SQL line"


def test_degree_experience_counts_relevant_roles_only() -> None:
    prof = two_role_profile()
    unrelated = Role("Barista", "Cafe", start=PartialDate(2010), end=PartialDate(2017))
    roles = (*prof.roles, unrelated)
    prof = Profile(document=prof.document, sections=prof.sections, roles=roles, skills=prof.skills)
    res = score(prof, DEG.model_copy(update={"competencies": RUBRIC.competencies}))
    assert res.degree is not None and res.degree.status == "met by equivalent"
    assert "9.0 years of relevant experience" in res.degree.detail  # the barista years do not count


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Registered Nurse (RN), Texas Board of Nursing, 2021", True),
        ("NCLEX-RN not yet taken; Registered Nurse licence pending", False),
        ("Working toward Registered Nurse licensure", False),
        ("Registered General Nurse, Nursing and Midwifery Council of Ghana", False),
    ],
)
def test_licence_in_progress_is_not_held(line: str, found: bool) -> None:
    from screener.rubric import LicencePolicy

    pol = LicencePolicy(name="RN licence", aliases=["Registered Nurse"], required_by_law=True)
    st = licence_status(pol, build(f"LICENCES\n{line}\n"))
    assert st.found is found
    if not found and "pending" in line:
        assert "not yet held" in st.detail


def test_skill_experience_per_skill() -> None:
    from screener.score.levels import skill_experience

    got = {s.label: s for s in skill_experience(two_role_profile(), as_of=AS_OF)}
    assert got["SQL"].years == 9.0 and got["SQL"].roles == 2 and got["SQL"].last_used_months == 0
    assert got["Python"].years == 3.0 and got["Python"].last_used_months == 72
