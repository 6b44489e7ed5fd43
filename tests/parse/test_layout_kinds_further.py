"""Further layout kinds applicants send, each an invented plain-text résumé with its ground truth: several seasons
listed one after another, quarters, a work history under a '… Summary' heading, an employer glued to its town by a
hyphen, Chinese/Japanese dates in an English résumé, and West African school-leaving certificates."""

from __future__ import annotations

import pytest
from layout_docs import TODAY, parse_text, text_roles

from screener.parse.dates import parse_date_range

NOW = "present"


_parse = parse_text
_roles = text_roles


HEAD = "Tomasz Ferreira-Lund\ntomasz.fl@example.com | (555) 318-2290 | Madison, WI\n\n"


# --- 1. several seasons listed: one range from the first season's start to the last one's end ---------------------

def test_seasons_listed_one_after_another() -> None:
    text = HEAD + (
        "EXPERIENCE\n"
        "Field Research Intern\nBluegill Ecology Lab, Minocqua, WI\nSummer 2018, Summer 2019\n• Sampled lakes.\n\n"
        "Lab Assistant\nHarwick College, Appleton, WI\nFall 2019 – Spring 2021\n• Prepared reagents.\n\n"
        "Lifeguard | Cedar Pines Aquatic Center | Summer 2015, Summer 2016, Summer 2017\n• Guarded the pool.\n\n"
        "EDUCATION\nB.S. Biology, Harwick College, 2021\n")
    assert _roles(text) == [
        ("Field Research Intern", "Bluegill Ecology Lab", "Minocqua, WI", "2018-06", "2019-08"),
        ("Lab Assistant", "Harwick College", "Appleton, WI", "2019-09", "2021-05"),
        ("Lifeguard", "Cedar Pines Aquatic Center", "", "2015-06", "2017-08")]


@pytest.mark.parametrize(("written", "start", "end"), [
    ("Summer 2018, Summer 2019", "2018-06", "2019-08"),
    ("Summer 2016 & Summer 2017", "2016-06", "2017-08"),
    ("Fall 2020, Spring 2021", "2020-09", "2021-05"),
])
def test_season_list_is_one_range(written: str, start: str, end: str) -> None:
    r = parse_date_range(written, today=TODAY)
    assert r is not None and (str(r.start), str(r.end)) == (start, end) and r.text == written


# --- 2. quarters: a start quarter opens at its first month, an end quarter closes at its last ---------------------

def test_quarter_dates() -> None:
    text = HEAD + (
        "EXPERIENCE\n"
        "Pricing Analyst\nWrenfield Mutual, Columbus, OH\nQ2 2020 – Present\n• Built rating models.\n\n"
        "Operations Analyst\nDunmore Logistics, Dayton, OH\nQ1 2018 – Q1 2020\n• Planned routes.\n\n"
        "Junior Analyst | Pelham Savings Bank | Q4 2015 - Q3 2017\n• Reconciled ledgers.\n\n"
        "EDUCATION\nB.A. Economics, Kenyon College, 2015\n")
    assert _roles(text) == [
        ("Pricing Analyst", "Wrenfield Mutual", "Columbus, OH", "2020-04", NOW),
        ("Operations Analyst", "Dunmore Logistics", "Dayton, OH", "2018-01", "2020-03"),
        ("Junior Analyst", "Pelham Savings Bank", "", "2015-10", "2017-09")]


@pytest.mark.parametrize(("written", "start", "end"), [
    ("Q1 2019 – Q3 2021", "2019-01", "2021-09"),
    ("Q3 2016 to Q4 2016", "2016-07", "2016-12"),
    ("2017 Q2 – 2019 Q4", "2017-04", "2019-12"),
    ("Q2/2021 - Q1/2023", "2021-04", "2023-03"),
])
def test_quarter_range(written: str, start: str, end: str) -> None:
    r = parse_date_range(written, today=TODAY)
    assert r is not None and (str(r.start), str(r.end)) == (start, end) and r.text == written


def test_quarter_to_present_and_no_quarter_in_words() -> None:
    r = parse_date_range("Q2 2020 – Present", today=TODAY)
    assert r is not None and str(r.start) == "2020-04" and r.current
    # a quarter's name without a year, or a Q glued to other letters, is no date
    assert parse_date_range("Q2 targets met", today=TODAY) is None


# --- 4. the employer glued to its place by a hyphen: 'Company-City, ST' -----------------------------------------

def test_employer_hyphen_place() -> None:
    """The place goes to location, the name to employer; a hyphenated town ('Winston-Salem') or name ('Coca-Cola')
    stays whole."""
    text = HEAD + (
        "EXPERIENCE\n"
        "Software Engineer\nQuillon Robotics-Pittsburgh, PA\nFeb 2021 – Present\n• Wrote motion planners.\n\n"
        "Support Analyst, Brasswell Foods Inc.-Omaha, NE      Jun 2018 – Jan 2021\n• Ran the help desk.\n\n"
        "Renfrew Medical Group-Winston-Salem, NC\nIT Technician      Mar 2016 – May 2018\n• Imaged laptops.\n\n"
        "Intern | Harlow Street Bank – Charlotte, NC | Jun 2015 – Aug 2015\n• Tested reports.\n\n"
        "Line Cook, Hearthstone Grill, Winston-Salem, NC      Apr 2013 – May 2015\n• Ran the grill station.\n\n"
        "Dishwasher, Coca-Cola Bottling, Wilkes-Barre, PA      May 2011 – Mar 2013\n• Washed.\n\n"
        "EDUCATION\nB.S. Information Systems, Creighton University, 2016\n")
    assert _roles(text) == [
        ("Software Engineer", "Quillon Robotics", "Pittsburgh, PA", "2021-02", NOW),
        ("Support Analyst", "Brasswell Foods Inc.", "Omaha, NE", "2018-06", "2021-01"),
        ("IT Technician", "Renfrew Medical Group", "Winston-Salem, NC", "2016-03", "2018-05"),
        ("Intern", "Harlow Street Bank", "Charlotte, NC", "2015-06", "2015-08"),
        ("Line Cook", "Hearthstone Grill", "Winston-Salem, NC", "2013-04", "2015-05"),
        ("Dishwasher", "Coca-Cola Bottling", "Wilkes-Barre, PA", "2011-05", "2013-03")]


# --- 5. Chinese/Japanese dates in an English résumé ('2019年3月', '2019.03', '至今' / '現在' = present) ------------

def test_cjk_dates_in_an_english_resume() -> None:
    text = "Haruto Fujisaki\nharuto.f@example.com | +81 80 4411 2093 | Sendai, Japan\n\n" + (
        "EXPERIENCE\n"
        "Platform Engineer\nTsubame Cloud, Sendai\n2022年4月 – 現在\n• Runs the clusters.\n\n"
        "Backend Developer\nAoyama Retail Tech, Tokyo\n2019年3月 – 2022年3月\n• Wrote the order service.\n\n"
        "QA Engineer, Kirin Gate Games, Yokohama      2017.04 - 2019.02\n• Tested releases.\n\n"
        "Support Engineer, Hanabi Telecom, Chiba      2016/05 – 2017/03\n• Answered tickets.\n\n"
        "EDUCATION\nB.Eng. Information Science, Tohoku University, 2016\n")
    assert _roles(text) == [
        ("Platform Engineer", "Tsubame Cloud", "Sendai", "2022-04", NOW),
        ("Backend Developer", "Aoyama Retail Tech", "Tokyo", "2019-03", "2022-03"),
        ("QA Engineer", "Kirin Gate Games", "Yokohama", "2017-04", "2019-02"),
        ("Support Engineer", "Hanabi Telecom", "Chiba", "2016-05", "2017-03")]


@pytest.mark.parametrize(("written", "start", "end"), [
    ("2019年3月 – 2021年6月", "2019-03", "2021-06"),
    ("2018年11月～2020年1月", "2018-11", "2020-01"),
    ("2015年 – 2017年", "2015", "2017"),
    ("2016年9月至2018年7月", "2016-09", "2018-07"),
    ("2019/03 – 至今", "2019-03", None),
    ("2020年7月 - 现在", "2020-07", None),
    ("2021.09 – 現在", "2021-09", None),
])
def test_cjk_date_range(written: str, start: str, end: str | None) -> None:
    r = parse_date_range(written, today=TODAY)
    assert r is not None and str(r.start) == start and r.text == written
    assert (str(r.end) if r.end else None) == end and r.current == (end is None)


# --- 3. a work history under an 'Experience Summary' / 'Career Summary' / 'Employment Summary' heading ------------

SUMMARY_JOBS = [
    ("employer above the title and its dates",
     "Gantry Hill Builders, Boise, ID\nProject Manager, Apr 2020 – Present\n• Ran the hospital wing job.\n"
     "Sawtooth Civil, Nampa, ID\nSite Engineer, Jul 2016 – Mar 2020\n• Supervised crews.\n",
     [("Project Manager", "Gantry Hill Builders", "Boise, ID", "2020-04", NOW),
      ("Site Engineer", "Sawtooth Civil", "Nampa, ID", "2016-07", "2020-03")]),
    ("employer, dates, then the title",
     "Gantry Hill Builders, Boise, ID\nApr 2020 – Present\nProject Manager\n• Ran the hospital wing job.\n"
     "Sawtooth Civil, Nampa, ID\nJul 2016 – Mar 2020\nSite Engineer\n• Supervised crews.\n",
     [("Project Manager", "Gantry Hill Builders", "Boise, ID", "2020-04", NOW),
      ("Site Engineer", "Sawtooth Civil", "Nampa, ID", "2016-07", "2020-03")]),
    ("employer alone above the title and its dates",
     "Gantry Hill Builders\nProject Manager  Apr 2020 – Present\n• Ran the hospital wing job.\n"
     "Sawtooth Civil\nSite Engineer  Jul 2016 – Mar 2020\n• Supervised crews.\n",
     [("Project Manager", "Gantry Hill Builders", "", "2020-04", NOW),
      ("Site Engineer", "Sawtooth Civil", "", "2016-07", "2020-03")]),
]


@pytest.mark.parametrize("heading", ["EXPERIENCE SUMMARY", "Career Summary"])
@pytest.mark.parametrize(("layout", "body", "gold"), SUMMARY_JOBS, ids=[c[0] for c in SUMMARY_JOBS])
def test_jobs_under_a_summary_heading(heading: str, layout: str, body: str, gold: list[tuple[str, ...]]) -> None:
    """The first job keeps the employer written above it; a summary in prose before it stays a summary."""
    text = HEAD + ("SUMMARY\nCivil engineer with ten years of site work on hospitals and schools, known for "
                   "finishing jobs early.\n\n") + heading + "\n" + body + \
        "\nEDUCATION\nB.S. Civil Engineering, Boise State University, 2016\n"
    parsed = _parse(text)
    assert [s.name for s in parsed.sections][:2] == ["contact", "summary"]
    assert _roles(text) == gold


# --- 6. West African school-leaving certificates: the school is the institution, the certificate the credential ----

def _education(text: str) -> list[tuple[str, str, str, str, str | None]]:
    return [(e.institution, e.credential, e.field, e.kind, str(e.end) if e.end else None)
            for e in _parse(text).education]


def test_west_african_school_certificates() -> None:
    text = "Adaeze Nwankwo-Bello\nadaeze.nb@example.com | +234 802 555 0147 | Abuja, Nigeria\n\n" + (
        "EXPERIENCE\nAccounts Officer, Kestrel Cement Ltd, Abuja      Feb 2020 – Present\n• Kept the ledgers.\n\n"
        "EDUCATION\n"
        "B.Sc. Economics, University of Jos, Jos, 2019\n"
        "West African Senior School Certificate Examination (WASSCE), Model Secondary School, Maitama, 2013\n"
        "National Examinations Council (NECO) SSCE, Federal Government Girls College, Bwari, 2012\n"
        "WAEC, Holy Rosary Secondary School, Onitsha, 2011\n"
        "Senior School Certificate (WAEC) – Adabraka Senior High School, Accra, Ghana, 2010\n"
        "School Leaving Certificate, Nyeri Hill Academy, Nyeri, 2009\n")
    assert _education(text) == [
        ("University of Jos", "B.Sc. Economics", "Economics", "degree", "2019"),
        ("Model Secondary School", "West African Senior School Certificate Examination (WASSCE)", "", "secondary",
         "2013"),
        ("Federal Government Girls College", "National Examinations Council (NECO) SSCE", "", "secondary", "2012"),
        ("Holy Rosary Secondary School", "WAEC", "", "secondary", "2011"),
        ("Adabraka Senior High School", "Senior School Certificate (WAEC)", "", "secondary", "2010"),
        ("Nyeri Hill Academy", "School Leaving Certificate", "", "secondary", "2009")]
