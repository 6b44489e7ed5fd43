"""A clause that denies a skill or only wishes for it ("no experience with Kubernetes", "willing to learn
Terraform") is never evidence of having it, and the explanation says why it was not counted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from screener.pipeline.context import ScreenOptions, build_context
from screener.pipeline.screen_one import screen_one
from screener.rubric import load_rubric
from screener.score.negation import negated_spans

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text, scoped", [
    ("No experience with Kubernetes yet; built dashboards.", ["Kubernetes"]),
    ("No prior knowledge of Helm, Istio or Linkerd.", ["Helm, Istio or Linkerd"]),
    ("Not familiar with Docker, but built services in Go.", ["Docker,"]),
    ("Currently learning AWS. Shipped the billing API.", ["AWS"]),
    ("Willing to learn Terraform and Ansible", ["Terraform and Ansible"]),
    ("I have never used Excel at work.\nExcel power user at home.", ["Excel at work"]),
    ("Machine learning with Python and PyTorch.", []),           # "learning" as a noun is no cue
    ("Learning Python was the start; I now teach it.", []),       # nor a gerund opening a sentence
    ("Delivered the project without overtime using SQL.", []),   # "without" alone denies no skill
    ("Knowledge of Kubernetes; no downtime in five years.", []),  # "no" alone is no cue
    # a job sought names the job, not a skill had; what the sentence goes on to claim stays evidence
    ("Seeking an entry-level position as a Kubernetes and Terraform engineer where I can grow.",
     ["Seeking an entry-level position as a Kubernetes and Terraform engineer"]),
    ("Looking for a Python developer role leveraging my five years of Django.", ["Looking for a Python developer role"]),
    ("Aspiring to become a data engineer with Spark.", ["Aspiring to become a data engineer"]),
    ("Looking for bugs in Java code every day.", []),  # "looking for" a thing, not a job
    ("Objective: Secure a role as a Python developer in fintech.", ["Secure a role as a Python developer in fintech"]),
    ("Secure coding practices in Go and Rust.", []),
    ("Secured a role as lead Java engineer after two years.", []),  # done, not sought
    ("Secure coding in C and Rust; applying for patents.", []),
    # a cue written as a label: its scope is the list after the colon, to the end of the line
    ("Currently learning: Rust, Elixir\nDocker, Go", ["Rust, Elixir"]),
    ("SKILLS\nLearning: Rust, Zig\nMachine Learning: PyTorch", ["Rust, Zig"]),  # "Machine Learning" is a skill
    ("Want to learn: Kubernetes, Terraform", ["Kubernetes, Terraform"]),
    ("Deep learning: PyTorch, JAX", []),
    # organisations served are no skills: a clients label or "clients such as" (the names only)
    ("- Key clients: Oracle, SAP, Salesforce and Workday.\n- Grew revenue", ["Oracle, SAP, Salesforce and Workday"]),
    ("Implemented SAP for clients such as Acme and Globex.", ["Acme and Globex"]),
    ("Built Python tools for customers including Siemens, then moved to Go.", ["Siemens,"]),
    ("Client: Oracle (Java, Spring)", ["Oracle"]),  # the project's tools in brackets stay evidence
    ("Clients: eBay, iRobot and Nike", ["eBay, iRobot and Nike"]),
    ("Managed client relationships with SAP teams", []),
    # the people hired, named by their skills: up to the last word for them in the clause
    ("- Recruited 40 Java, Python and Kubernetes engineers for fintech clients.",
     ["40 Java, Python and Kubernetes engineers"]),
    ("Sourced Go developers and AWS architects through LinkedIn Recruiter.", ["Go developers and AWS architects"]),
    ("Hired to build Python services.", []),  # no hire named
    ("Screened Python code for security issues.", []),
    ("Hired and onboarded 12 React developers; built the onboarding portal in Django.", ["12 React developers"]),
    # what a salesperson sold, named by its products: up to the last word for what was sold
    ("- Sold Oracle and SAP licences to enterprise customers.", ["Oracle and SAP licences"]),
    ("Sales of Salesforce subscriptions to mid-market firms", ["Salesforce subscriptions"]),
    ("Sold through Salesforce CRM and tracked the pipeline in HubSpot.", []),  # the tools a seller used
])
def test_negated_spans(text: str, scoped: list[str]) -> None:
    assert [text[s:e].strip() for s, e, _ in negated_spans(text)] == scoped


def test_a_scope_stops_after_its_word_limit() -> None:
    text = "No experience with " + " ".join(f"w{i}" for i in range(30)) + " Kubernetes"
    (s, e, _), = negated_spans(text)
    assert "Kubernetes" not in text[s:e]


BASE = ("Mira Dahl\nmira@example.com\n\nSUMMARY\nData analyst.{extra}\n\nEXPERIENCE\nAnalyst  2018 - 2022\n"
        "Halvard Ltd\nBuilt reports in SQL and Python; not familiar with Docker, but deployed them with Jenkins.\n")
DENIALS = (" No experience with Kubernetes yet; not familiar with Docker. Currently learning AWS. Willing to learn "
           "Terraform.")


def _screen_text(cv: str):
    ctx = build_context(load_rubric(ROOT / "rubrics" / "software-engineer.yaml"), ScreenOptions(as_of=date(2026, 12, 1)))
    result = screen_one("cv.txt", cv.encode(), (), ctx)
    assert not result.error
    return result


def _screen(extra: str):
    return _screen_text(BASE.format(extra=extra))


def test_denied_and_wished_for_skills_never_raise_a_score() -> None:
    before, after = _screen(""), _screen(DENIALS)
    assert after.overall == before.overall
    assert [c.score for c in after.competencies] == [c.score for c in before.competencies]
    by_name = {c.name: c for c in after.competencies}
    assert by_name["Cloud platforms"].score == 0
    assert by_name["Containers and orchestration"].score == 0
    assert by_name["Delivery practices"].score > 0  # Jenkins after "but" turned the sentence: evidence


def test_the_explanation_says_why_a_named_skill_was_not_counted() -> None:
    by_name = {c.name: c for c in _screen(DENIALS).competencies}
    lines = " ".join(by_name["Containers and orchestration"].why_not)
    assert "'Kubernetes' was not counted: said not to be had" in lines
    assert "'Docker' was not counted: said not to be had" in lines
    assert "'AWS' was not counted: wished for, not yet had" in " ".join(by_name["Cloud platforms"].why_not)


CERTS = ("Mira Dahl\nmira@example.com\n\nEXPERIENCE\nAnalyst  2018 - 2022\nHalvard Ltd\nBuilt reports in SQL.\n\n"
         "CERTIFICATIONS\n{lines}\n")
IN_PROGRESS = ("AWS Certified Solutions Architect – Associate (in progress)\n"
               "Certified Kubernetes Administrator (CKA), expected 2027\n"
               "Preparing for the HashiCorp Certified: Terraform Associate exam")
EARNED = ("AWS Certified Solutions Architect – Associate, 2023\nCertified Kubernetes Administrator (CKA), 2024\n"
          "HashiCorp Certified: Terraform Associate, 2024")


def _screen_certs(lines: str):
    return {c.name: c for c in _screen_text(CERTS.format(lines=lines)).competencies}


def test_a_certification_not_yet_earned_is_no_evidence_and_says_why() -> None:
    earned, pending = _screen_certs(EARNED), _screen_certs(IN_PROGRESS)
    for name in ("Cloud platforms", "Containers and orchestration", "Delivery practices"):
        assert earned[name].score > 0 and any(e.kind == "certification" for e in earned[name].evidence)
        assert pending[name].score == 0, name
    assert any("'Kubernetes' was not counted: named by a certification not yet earned" in line
               for line in pending["Containers and orchestration"].why_not)


def test_a_certification_in_progress_is_no_substitute_for_a_degree() -> None:
    from screener.models import Certification, Document, Profile
    from screener.rubric import parse_rubric
    from screener.score.scoring import degree_status

    rubric = parse_rubric("role: Analyst\ncompetencies:\n  - {name: SQL, skills: [SQL], weight: 1}\n"
                          "degree:\n  required: true\n  level: bachelor\n  substitutes:\n    - certification: Certified Data Analyst\n")
    doc = Document(file="cv.txt", kind="txt", text="x")
    held = Profile(document=doc, certifications=(Certification(name="Certified Data Analyst"),))
    pending = Profile(document=doc, certifications=(Certification(name="Certified Data Analyst", in_progress=True),))
    assert degree_status(rubric.degree, (), held, as_of=date(2026, 12, 1)).status == "met by equivalent"
    assert degree_status(rubric.degree, (), pending, as_of=date(2026, 12, 1)).status != "met by equivalent"


@pytest.mark.parametrize("line, status", [
    ("B.S. in Computer Science, Hollowmere State University, expected May 2027", "not met"),
    ("B.S. in Computer Science, Hollowmere State University (in progress)", "not met"),
    ("B.S. in Computer Science, Hollowmere State University, 2019", "met"),
])
def test_a_degree_not_awarded_yet_meets_no_degree_requirement(line: str, status: str) -> None:
    from screener.rubric import parse_rubric

    rubric = parse_rubric("role: Analyst\ncompetencies:\n  - {name: SQL, skills: [SQL], weight: 1}\n"
                          "degree:\n  required: true\n  level: bachelor\n  substitutes:\n    - experience_years: 6\n")
    ctx = build_context(rubric, ScreenOptions(as_of=date(2026, 12, 1)))
    cv = (f"Mira Dahl\nmira@example.com\n\nEXPERIENCE\nAnalyst  2023 - 2025\nHalvard Ltd\nBuilt reports in SQL.\n\n"
          f"EDUCATION\n{line}\n")
    degree = screen_one("cv.txt", cv.encode(), (), ctx).degree
    assert degree.status == status
    if status == "not met":
        assert "not yet awarded: B.S. in Computer Science" in degree.detail


def _full_scan(text: str) -> list[tuple[int, int, str]]:
    """The reference: every cue found by scanning the whole text (no anchor words first)."""
    from screener.score.negation import _cues, _scope

    cues = _cues()
    return sorted({x for m in cues.pattern.finditer(text) if (x := _scope(text, m, cues.max_words))[1] > x[0]})


CUE_TEXTS = [
    "No experience with Kubernetes; no prior professional experience in Go. Unfamiliar with Rust, but fast.",
    "I have never used Excel. We haven't used Jira and didn't use Slack; I do not know Scala at all.",
    "Currently learning AWS, I am learning Terraform, and I'm learning Go. Still learning Rust!",
    "Willing to learn Kafka; eager to learn Spark; would like to learn Flink; interested in learning Beam.",
    "Planning to study Kotlin and hoping to pick up Swift; aiming to learn Elixir; open to learning Haskell.",
    "Lacking experience with Docker; lack of knowledge of Helm; without any experience in Istio.",
    "Not yet familiar with Terraform; inexperienced with Ansible; not proficient in Puppet.",
]


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_cues_found_near_their_anchor_words_are_every_cue(text: str) -> None:
    """Cues are looked for only near the anchor words of data/negation.yaml: the same spans as a full scan."""
    assert negated_spans(text) == _full_scan(text)
    assert negated_spans(text)


def test_every_sample_resume_gets_the_same_spans_as_a_full_scan() -> None:
    for path in sorted((ROOT / "sample_data").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert negated_spans(text) == _full_scan(text), path.name


def test_a_job_sought_in_an_objective_is_no_evidence() -> None:
    """'Seeking an entry-level position as a Kubernetes and Terraform engineer' scored 41 on each as 'mentioned'
    for a candidate with no other trace of either."""
    cv = ("Sam Patel\nsam.patel@example.com\n\nOBJECTIVE\nSeeking an entry-level position as a Kubernetes and "
          "Terraform engineer where I can grow into cloud infrastructure.\n\nEXPERIENCE\nRetail Associate, Target, "
          "2019 - 2024\n- Helped customers, handled the register and restocked shelves.\n")
    by_name = {c.name: c for c in _screen_text(cv).competencies}
    assert by_name["Containers and orchestration"].score == 0
    lines = " ".join(by_name["Containers and orchestration"].why_not)
    assert "'Kubernetes' was not counted: names the job sought, not a skill had" in lines


def test_a_client_named_in_a_role_is_no_evidence() -> None:
    """'Key clients: Oracle, SAP, Salesforce and Workday' scored an account director 96 as an SAP expert with nine
    years of use."""
    from screener.pipeline import ScreenOptions, screen
    from screener.rubric import parse_rubric

    rubric = parse_rubric("role: ERP Consultant\ncompetencies:\n  - name: SAP\n    weight: 2\n    aliases: [SAP]\n"
                          "  - name: Oracle Database\n    weight: 1\n    aliases: [Oracle]\n")
    cv = ("Dana Whitfield\ndana@example.com\n\nEXPERIENCE\nAccount Director, Brightline Consulting, 2016 - 2024\n"
          "- Key clients: Oracle, SAP, Salesforce and Workday.\n- Grew the enterprise portfolio from $4M to $11M.\n")
    res = screen(rubric, [("cv.txt", cv.encode())], options=ScreenOptions(as_of=date(2026, 12, 1), sandbox=False))
    by_name = {c.name: c for c in res.results[0].competencies}
    assert by_name["SAP"].score == 0 and by_name["Oracle Database"].score == 0
    assert "'SAP' was not counted: names a client, not a skill used" in " ".join(by_name["SAP"].why_not)


def test_a_recruiters_hires_are_not_the_recruiters_skills() -> None:
    """A technical recruiter ('Recruited 40 Java, Python and Kubernetes engineers') scored 52 on the software-engineer
    rubric, an expert with nine years in programming languages, cloud and containers."""
    cv = ("Morgan Lee\nmorgan.lee@example.com\n\nEXPERIENCE\nSenior Technical Recruiter, TalentBridge, 2016 - 2024\n"
          "- Recruited 40 Java, Python and Kubernetes engineers for fintech clients.\n"
          "- Sourced Go developers and AWS architects through LinkedIn Recruiter.\n")
    result = _screen_text(cv)
    assert result.overall == 0, [(c.name, c.score) for c in result.competencies]
    by_name = {c.name: c for c in result.competencies}
    assert "'Kubernetes' was not counted: names the people hired, not a skill used" in \
        " ".join(by_name["Containers and orchestration"].why_not)
