"""Role layouts people use: each fixture is a small résumé text; title, employer, dates must come out right."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from screener.parse.roles import find_roles, split_header
from screener.parse.sections import find_sections

FIXTURES = Path(__file__).parent.parent / "fixtures" / "parse" / "roles"
TODAY = date(2025, 1, 15)

# file → [(title, employer, start, end or "present")]
LAYOUTS = {
    "title_company_date_one_line.txt": [("Data Analyst", "Acme Inc.", "2019-01", "present"),
                                        ("Junior Analyst", "Beta LLC", "2016-06", "2018-12")],
    "company_then_title_then_date.txt": [("Senior Engineer", "Globex Corporation", "2020-03", "present"),
                                         ("Software Developer", "Initech", "2017-02", "2020-02")],
    "title_at_company_parens.txt": [("Product Manager", "Hooli", "2019", "2021"),
                                    ("Associate Consultant", "Pied Piper Ltd", "2016", "2019")],
    "date_first_same_line.txt": [("Backend Engineer", "Umbrella Corp", "2019-01", "present"),
                                 ("Support Technician", "Wayne Enterprises", "2015-07", "2018-12")],
    "indeed_style.txt": [("Network Engineer", "Telco Solutions Pvt Ltd", "2015-05", "present"),
                         ("Intern", "Telco Solutions Pvt Ltd", "2014-06", "2014-08")],
    "date_on_the_right.txt": [("Senior Accountant", "Northwind Traders", "2018-04", "present"),
                              ("Accountant", "Northwind Traders", "2014-09", "2018-03")],
    "two_roles_same_company.txt": [("Lead Developer", "Contoso Ltd", "2020", "present"),
                                   ("Developer", "Contoso Ltd", "2017", "2020")],
    "portuguese.txt": [("Analista de Sistemas", "Banco Central do Brasil", "2019-01", "present"),
                       ("Desenvolvedor", "Totvs S.A.", "2015-03", "2018-12")],
    "spanish.txt": [("Ingeniera Civil", "Constructora Andes S.A.", "2018-01", "present")],
    "german.txt": [("Softwareentwickler", "Muster GmbH", "2020", "present")],
    "dates_merged_into_first_bullet.txt": [("Software Engineer", "Apple", "2005-06", "2007-08"),
                                           ("Software Engineer Intern", "Microsoft", "2003-06", "2003-08")],
    "dates_after_bullets.txt": [("Software Engineer", "Stripe", "2020-01", "2022-06"),
                                ("QA Engineer", "Square", "2017-07", "2019-12")],
    "title_comma_company_dash_city_dates.txt": [
        ("Senior Software Engineer", "Harbor Mesh Networks", "2019", "present"),
        ("Software Engineer", "Qiantang Cloud Technology Co., Ltd.", "2015", "2019")],
    "company_paren_location_title_dates.txt": [("Senior Project Manager", "BRIGHTLINE CONSULTING", "2009", "present"),
                                               ("Project Analyst", "NORTHGATE SYSTEMS", "2005", "2009")],
    "company_words_after_employer_city_country.txt": [
        ("Financial Analyst", "Lagoon Savings Bank Plc", "2016-03", "2020-08"),
        ("Audit Senior", "Okonkwo & Partners, Chartered Accountants", "2012-10", "2016-02")],
    "flattened_dates_company_title.txt": [("Management Official", "Riverside Motors", "2007", "present"),
                                          ("Sales Executive", "Lakeview Cars", "2003", "2007")],
    "undated_job_board_entry.txt": [("Technical Support Engineer", "Contoso Corporation", "None", None),
                                    ("Helpdesk Analyst", "Fabrikam Services", "2014-06", "2016-05")],
    "remark_after_dates.txt": [("Senior Staff Nurse", "Ridge Coast Hospital", "2018-09", "present"),
                               ("Staff Nurse", "Hillside Community Hospital", "2014-10", "2018-08")],
}

# file → locations of its roles, in order
LOCATIONS = {
    "title_comma_company_dash_city_dates.txt": ["Fremont, CA", "Hangzhou, China"],
    "company_paren_location_title_dates.txt": ["Sometown, NY", "Othertown, NJ"],
    "company_words_after_employer_city_country.txt": ["Ibadan, Nigeria", "Ibadan, Nigeria"],
    "remark_after_dates.txt": ["Kumasi, Ghana", "Kumasi, Ghana"],
    "undated_job_board_entry.txt": ["", "Pune, Maharashtra"],
}


@pytest.mark.parametrize(("name", "expected"), sorted(LOCATIONS.items()))
def test_role_locations(name: str, expected: list[str]) -> None:
    _text, roles = _roles(name)
    assert [r.location for r in roles] == expected


@pytest.mark.parametrize(("units", "expected"), [
    (["Senior Software Engineer, Bayline Networks — San Jose, CA"], ("Senior Software Engineer", "Bayline Networks",
                                                                     "San Jose, CA")),
    (["ABC CONSULTING (Sometown, NY), Senior Project Manager"], ("Senior Project Manager", "ABC CONSULTING",
                                                                 "Sometown, NY")),
    (["Northwind Traders — Senior Accountant"], ("Senior Accountant", "Northwind Traders", "")),
    (["Data Analyst | Acme Inc. | Austin, TX"], ("Data Analyst", "Acme Inc.", "Austin, TX")),
    (["Initech", "Software Developer"], ("Software Developer", "Initech", "")),
    (["ACME SYSTEMS, Denver, CO", "Network Administrator"], ("Network Administrator", "ACME SYSTEMS", "Denver, CO")),
    (["Financial Analyst — Lagoon Commercial Bank Plc", "Lagos, Nigeria"],
     ("Financial Analyst", "Lagoon Commercial Bank Plc", "Lagos, Nigeria")),
    (["Kraków, Poland", "Wisła Data Solutions sp. z o.o.", "Data Engineer"],
     ("Data Engineer", "Wisła Data Solutions sp. z o.o.", "Kraków, Poland")),
    # a unit of the employer after "in" is part of the title, the employer is written elsewhere
    (["Intern in VAS department", "Vodafone Ukraine"], ("Intern in VAS department", "Vodafone Ukraine", "")),
    (["Engineer in Payments team, Stripe"], ("Engineer in Payments team", "Stripe", "")),
    (["Mobile Developer in Corvid-Group, Kaunas"], ("Mobile Developer", "Corvid-Group", "Kaunas")),
    # "Head of <area>" glued to an organisation's name ending in an organisation word
    (["Head of Compliance Vesa Group, Ekaterinburg, Russia"], ("Head of Compliance", "Vesa Group", "Ekaterinburg, Russia")),
    (["Head of Data Science"], ("Head of Data Science", "", "")),
    # a web name as the employer, then the title, written as sentences
    (["Luvelqua.io. Billing Developer."], ("Billing Developer", "Luvelqua.io", "")),
    # an organisation's initials glued after the title; a level is part of the title
    (["Principal Technician TBST, migVisor, Herzliya, Israel"],
     ("Principal Technician", "TBST, migVisor", "Herzliya, Israel")),
    (["Software Engineer III, Acme, Austin, TX"], ("Software Engineer III", "Acme", "Austin, TX")),
])
def test_split_header_orders(units: list[str], expected: tuple[str, str, str]) -> None:
    assert split_header(units) == expected


def _roles(name: str):  # type: ignore[no-untyped-def]
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return text, find_roles(text, find_sections(text), today=TODAY)


@pytest.mark.parametrize(("name", "expected"), sorted(LAYOUTS.items()))
def test_role_layouts(name: str, expected: list[tuple[str, str, str, str]]) -> None:
    _text, roles = _roles(name)
    got = [(r.title, r.employer, str(r.start), r.end_label()) for r in roles]
    assert got == expected


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_role_spans_cover_their_block_and_do_not_overlap(name: str) -> None:
    text, roles = _roles(name)
    for role in roles:
        block = text[role.span[0]:role.span[1]]
        assert role.title.split()[0] in block
        assert " ".join(block.split()).find(role.date_text) != -1 or role.date_text in block
    for a, b in zip(roles, roles[1:], strict=False):
        assert a.span[1] <= b.span[0]


def test_location_is_kept() -> None:
    _text, roles = _roles("title_company_date_one_line.txt")
    assert roles[0].location == "Austin, TX"


def test_dated_education_line_is_not_a_role() -> None:
    text, roles = _roles("dates_after_bullets.txt")
    assert all("Computer Science" not in r.title for r in roles)
    assert len(roles) == 2


@pytest.mark.parametrize(("units", "expected"), [
    (["Software Engineer — Google, Zurich, Switzerland"], ("Software Engineer", "Google", "Zurich, Switzerland")),
    (["Google", "Software Engineer"], ("Software Engineer", "Google", "")),
    (["Apple, Software Engineer, Cupertino, CA"], ("Software Engineer", "Apple", "Cupertino, CA")),
    (["Engineer at Initech"], ("Engineer", "Initech", "")),
    (["Role: Test Lead", "Company: Contoso"], ("Test Lead", "Contoso", "")),
    (["HUMAN SERVICES, INC.", "Tampa, FL"], ("", "HUMAN SERVICES, INC.", "Tampa, FL")),
])
def test_split_header(units: list[str], expected: tuple[str, str, str]) -> None:
    assert split_header(units) == expected
