"""Text that is never evidence, and where a role's evidence ends: table tests on parsed text résumés."""

from __future__ import annotations

from datetime import date

import pytest

from screener.ingest import ingest_bytes
from screener.parse import parse_document
from screener.score.exclusions import EMPLOYER_NAME, evidence_role, excluded_at, name_tokens, never_evidence

AS_OF = date(2026, 12, 1)


def profile(text: str):
    return parse_document(ingest_bytes(text.encode(), "cv.txt"), today=AS_OF)


def reason_at(text: str, needle: str, nth: int = 0) -> str | None:
    """Why the ``nth`` occurrence of ``needle`` is never evidence (None when it may be evidence)."""
    prof = profile(text)
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    x = excluded_at(never_evidence(prof), pos, pos + len(needle))
    return x.reason if x else None


CV = """Go Eun-ji
Seoul, South Korea | go.eunji@example.com | linkedin.com/in/go-eunji | github.com/goeunji

EXPERIENCE
Backend Engineer — Kakao
2019 – present
• Built services in Go and Python; profile: https://gitlab.com/go-eunji/tools
• Mentored by Dr. Helm on Kafka pipelines.
Go Eun-ji 2
• Deployed with Helm charts on Kubernetes.

SKILLS
Go, Python, Rust, Helm

References available upon request.
"""


@pytest.mark.parametrize(("needle", "nth", "reason"), [
    ("Seoul, South Korea", 0, "contact block"),
    ("linkedin.com/in/go-eunji", 0, "contact block"),
    ("go.eunji@example.com", 0, "contact block"),
    ("gitlab.com/go-eunji/tools", 0, "web address"),      # a URL inside a role
    ("Go Eun-ji", 1, "name"),                             # a page footer inside a role: the name
    ("2\n", 0, "page header or footer"),                  # … and its page number
    ("Dr. Helm", 0, "name"),                              # an honorific makes a word a name… (not the candidate's,
    ("References available", 0, "reference"),             # but a referee's name is never evidence either)
    ("Go and Python", 0, None),                           # the skill Go, used in a role
    ("Go, Python", 0, None),                              # the skill Go, listed: a name word used as a word
    ("Helm charts", 0, None),
    ("Helm\n", 0, None),
])
def test_what_is_never_evidence(needle: str, nth: int, reason: str | None) -> None:
    if needle == "Dr. Helm":
        # only the candidate's own name tokens are masked after an honorific
        text = CV.replace("Go Eun-ji", "Helm Jonas")
        assert reason_at(text, "Dr. Helm") == "name"
        assert reason_at(CV, "Dr. Helm") is None
        return
    assert reason_at(CV, needle, nth) == reason


@pytest.mark.parametrize(("name", "tokens"), [
    ("Go Eun-ji", ["Go", "Eun-ji"]),
    ("Wei Zhang (张伟)", ["Wei", "Zhang"]),
    ("Chinedu Okafor, ACA", ["Chinedu", "Okafor"]),
    ("María José de la Cruz", ["María", "José", "de", "la", "Cruz"]),
    ("", []),
])
def test_name_tokens(name: str, tokens: list[str]) -> None:
    assert name_tokens(name) == tokens


@pytest.mark.parametrize(("line", "masked"), [
    ("Giulia Scala 2", True),       # footer: the name and a page number
    ("Scala | Page 2 of 3", True),  # the surname and a page mark
    ("Scala 2.13", False),          # a version, not a page number
    ("Scala", False),               # a skill alone on a line of a list
    ("Scala, Java", False),
    ("SCALA, Giulia", True),        # "Surname, Given"
    ("G. Scala", True),             # initial and surname
    ("GGiulia Scala    Page 2", True),  # a drop capital glued on by text extraction
    ("giulia.scala@mail.example", True),
    ("see github.com/giuliascala", True),
])
def test_name_forms_inside_experience(line: str, masked: bool) -> None:
    text = ("Giulia Scala\nMilan, Italy\n\nEXPERIENCE\nData Engineer — Acme\n2020 – present\n• Built Spark jobs.\n"
            f"{line}\n• More work.\n")
    prof = profile(text)
    pos = text.index(line, text.index("EXPERIENCE"))
    scala = line.casefold().find("scala")
    at = pos + max(scala, 0)
    assert (excluded_at(never_evidence(prof), at, at + 5) is not None) is masked


def test_tech_names_with_dots_are_not_web_addresses() -> None:
    text = "Ana Lima\n\nSKILLS\nASP.NET, Node.js, VB.NET\n"
    prof = profile(text)
    for word in ("ASP.NET", "Node.js", "VB.NET"):
        i = text.index(word)
        assert excluded_at(never_evidence(prof), i, i + len(word)) is None, word


ROLES = """Ana Lima

EXPERIENCE
Waiter — Bistro Uno
1991 – 1995
• Served tables.

SKILLS
Microsoft Excel, SQL

ADDITIONAL INFORMATION
Course in data analysis
2014-08 – 2014-10
Python, SQL
"""


NO_HEADING = """Ana Lima

EXPERIENCE
Waiter — Bistro Uno
1991 – 1995
• Served tables and kept the Excel stock sheet.
• Key skills - cash handling, Excel
Computer proficiencies include: MS Word, Excel, PowerPoint
TECHNICAL SKILL SET
SQL, Python
"""


@pytest.mark.parametrize(("needle", "in_role"), [
    ("Excel stock", True),
    ("cash handling", True),                # a job's own "Key skills" line stays the job's
    ("MS Word", False),                     # a general skills list under a role, no heading between
    ("SQL, Python", False),
])
def test_skills_list_without_a_heading_is_not_role_evidence(needle: str, in_role: bool) -> None:
    prof = profile(NO_HEADING)
    at = NO_HEADING.index(needle)
    assert prof.role_at(at) is not None  # the role parser's span runs on; the evidence stage stops it
    assert (evidence_role(prof, at) is not None) is in_role


@pytest.mark.parametrize(("needle", "in_role"), [
    ("Served tables", True),
    ("Microsoft Excel", False),     # a skills list after a role is not that role's evidence
    ("Python, SQL", False),         # a course date under "Additional information" is not a role
])
def test_evidence_role(needle: str, in_role: bool) -> None:
    prof = profile(ROLES)
    at = ROLES.index(needle)
    assert (evidence_role(prof, at) is not None) is in_role


def test_a_candidate_named_go_keeps_go_the_language_through_the_pipeline() -> None:
    from pathlib import Path

    from screener.pipeline import ScreenOptions, screen
    from screener.rubric import load_rubric

    cv = ("Go Eun-ji\ngo.eunji@example.com | linkedin.com/in/go-eunji\n\nEXPERIENCE\nBackend Engineer — Kakao\n"
          "2019 – present\n• Portfolio: github.com/go-eunji\nGo Eun-ji 2\n• Built payment services.\n\n"
          "SKILLS\nGo, Python\n")
    rubric = load_rubric(Path(__file__).resolve().parents[2] / "rubrics" / "software-engineer.yaml")
    opts = ScreenOptions(as_of=AS_OF, sandbox=False)
    res = screen(rubric, [("go.txt", cv.encode())], options=opts).results[0]
    langs = res.competency("Programming languages")
    assert langs is not None
    quotes = sorted((e.quote, e.kind) for e in langs.evidence)
    assert quotes == [("Go", "skills-list"), ("Python", "skills-list")]  # listed, never "used in a role" via a URL
    assert langs.years == 0.0


def test_running_headers_of_pdf_pages_are_never_evidence() -> None:
    from screener.models import Document

    p1 = ("Giulia Scala\nMilan\n\nEXPERIENCE\nData Engineer — Acme\n2020 – present\n• Built Spark jobs in Scala.\n"
          "Kafka Streams Consulting Group · confidential")
    p2 = "Kafka Streams Consulting Group · confidential\n• Tuned Spark clusters.\n\nSKILLS\nScala, Spark\n"
    text = p1 + "\n" + p2
    prof = parse_document(Document(file="cv.pdf", kind="pdf", text=text, pages=(p1, p2)), today=AS_OF)
    masked = never_evidence(prof)
    for n in (0, 1):
        i = text.index("Kafka Streams", 0 if n == 0 else text.index("Kafka Streams") + 1)
        x = excluded_at(masked, i, i + 5)
        assert x is not None and x.reason == "page header or footer"
    i = text.index("Scala.")  # Scala the language, in a role, stays evidence
    assert excluded_at(masked, i, i + 5) is None


def test_a_missed_experience_heading_keeps_the_roles_and_their_evidence() -> None:
    # "P ROFESSIONAL E XPERIENCE" is not read as a heading: the roles sit in the top (contact) block
    text = ("Ana Lima\nana@example.com\nP ROFESSIONAL E XPERIENCE\nData Analyst — Acme\n2019 – present\n"
            "• Wrote SQL reports.\n\nEDUCATION\nBSc Statistics, 2015\n")
    prof = profile(text)
    i = text.index("SQL")
    assert prof.roles and evidence_role(prof, i) is not None
    assert excluded_at(never_evidence(prof), i, i + 3) is None
    j = text.index("ana@")
    assert excluded_at(never_evidence(prof), j, j + 3) is not None


@pytest.mark.parametrize(("text", "needle", "masked"), [
    # a text flattened to one line: the summary after the contact fields is not the contact block
    ('"Ana Lima  12 Elm St, Miami, FL  ana@example.com    DATA ANALYST  Analyst with six years of experience in '
     'reporting and forecasting with SQL and Excel for retail teams.  SKILLS  SQL', "SQL and", False),
    ('"Ana Lima  12 Elm St, Miami, FL  ana@example.com    DATA ANALYST  Analyst with six years of experience in '
     'reporting and forecasting with SQL and Excel for retail teams.  SKILLS  SQL', "12 Elm", True),
    # "References available on request" masks the statement, not the rest of a flattened line
    ("Ana Lima\n\nSKILLS\n" + "Excel, SQL  " * 20 + "  REFERENCES  Available on request.   More: Python, Tableau",
     "Python", False),
    ("Ana Lima\n\nSKILLS\nExcel\n\nREFERENCES\nAvailable on request.\n", "Available", True),
    ("Ana Lima\n\nSKILLS\nExcel\n\nREFEREES\nMs Jo Swift, Manager, Acme, jo@acme.example\n", "Manager", True),
])
def test_contact_and_reference_spans_are_bounded(text: str, needle: str, masked: bool) -> None:
    prof = profile(text)
    i = text.index(needle)
    assert (excluded_at(never_evidence(prof), i, i + len(needle)) is not None) is masked


@pytest.mark.parametrize("top, again", [
    ("Ruby Chen (she/her)\nruby.chen@example.com\n", "Ruby Chen"),
    ("Chen, Ruby\nruby.chen@example.com\n", "Chen, Ruby"),
    ("RUBY\nCHEN\nruby.chen@example.com\n", "RUBY CHEN"),
    ("R U B Y   C H E N\nruby.chen@example.com\n", "RUBY CHEN"),
])
def test_a_name_written_the_less_usual_ways_is_never_evidence(top: str, again: str) -> None:
    """A candidate named Ruby, whose name line has pronouns, the surname first, a line per word or spaced-out
    letters: the name written again further down (a page footer) is never a Ruby skill; Ruby in the skills list
    still is."""
    text = top + "\nEXPERIENCE\nDeveloper, Acme\n2019 - 2022\n• Built billing services.\n" + again + \
        " 2\n\nSKILLS\nRuby, SQL\n"
    assert reason_at(text, again) is not None
    assert reason_at(text, "Ruby, SQL") is None


EMPLOYERS = """Jordan Reyes
jordan.reyes@example.com

EXPERIENCE
Senior Account Manager, Oracle, Austin, TX, 2016 - 2024
- Managed a portfolio of 40 enterprise customers and grew renewals by 18%.
Google Cloud Platform Engineer, Google, 2014 - 2016
- Moved billing jobs to BigQuery.
Teacher in English, 2012 - 2014
- Taught English and drama to secondary classes.
Oracle DBA | Brightwater Logistics | 2010 - 2012
- Tuned queries and ran backups.
"""


@pytest.mark.parametrize("needle, nth, reason", [
    ("Oracle", 0, EMPLOYER_NAME),  # working at Oracle is no Oracle Database
    ("Google", 1, EMPLOYER_NAME),  # the employer after the title
    ("Google", 0, None),  # "Google Cloud Platform" of the title is the skill
    ("English", 0, None),  # "Teacher in English": a subject, not an employer
    ("Oracle", 1, None),  # "Oracle DBA" of a title
])
def test_an_employers_name_in_its_role_header_is_no_evidence(needle: str, nth: int, reason: str | None) -> None:
    assert reason_at(EMPLOYERS, needle, nth) == reason


def test_working_at_a_vendor_is_no_skill_in_its_products() -> None:
    """An account manager who worked at Oracle and Salesforce scored 96 as an Oracle Database expert with nine
    years: the employer's name in the role header was evidence of the product."""
    from screener.pipeline import ScreenOptions, screen
    from screener.rubric import parse_rubric

    rubric = parse_rubric("role: Database Administrator\ncompetencies:\n"
                          "  - name: Oracle Database\n    weight: 3\n    aliases: [Oracle, Oracle Database]\n"
                          "  - name: Salesforce CRM\n    weight: 1\n    aliases: [Salesforce]\n")
    cv = ("Jordan Reyes\n\nEXPERIENCE\nSenior Account Manager, Oracle, Austin, TX, 2016 - 2024\n"
          "- Managed a portfolio of 40 enterprise customers and grew renewals by 18%.\n"
          "Account Executive at Salesforce, 2012 - 2016\n- Closed new business in the mid-market segment.\n\n"
          "SKILLS\nNegotiation, account management, forecasting\n")
    res = screen(rubric, [("cv.txt", cv.encode())], options=ScreenOptions(as_of=AS_OF, sandbox=False)).results[0]
    for name in ("Oracle Database", "Salesforce CRM"):
        comp = res.competency(name)
        assert comp is not None and comp.evidence == () and comp.score == 0.0, comp
    why_not = " ".join(res.competency("Oracle Database").why_not)
    assert "'Oracle' was not counted: the employer's name, not a skill used" in why_not, why_not


@pytest.mark.parametrize("bullet", [
    "- Desarrollé microservicios en Go y Java sobre Kubernetes.",  # Spanish
    "- Desenvolvi APIs em Go e Java para pagamentos.",  # Portuguese
    "- Entwicklung von Microservices mit Go und Java.",  # German
])
def test_a_name_that_is_a_word_counts_in_a_role_written_in_another_language(bullet: str) -> None:
    """'en Go y Java': the cues and joiners that make Go the language (not the verb) were English only, so a role
    written in Spanish, Portuguese or German never showed Go as used in it."""
    from pathlib import Path

    from screener.pipeline import ScreenOptions, screen
    from screener.rubric import load_rubric

    cv = ("Lucía Paredes\nlucia@example.com\n\nEXPERIENCE\nBackend Developer, Andes Pagos, 2019 - 2024\n" + bullet +
          "\n\nSKILLS\nGo, Java, Docker\n")
    rubric = load_rubric(Path(__file__).resolve().parents[2] / "rubrics" / "software-engineer.yaml")
    res = screen(rubric, [("cv.txt", cv.encode())], options=ScreenOptions(as_of=AS_OF, sandbox=False)).results[0]
    langs = res.competency("Programming languages")
    assert langs is not None
    assert ("Go", "role") in {(e.quote, e.kind) for e in langs.evidence}, langs.evidence
