"""Work history and education on the layouts people actually send (issue 15), one small invented résumé per kind.

Each case is the text a reader produces (line breaks, tabs and spacing as they come out of Word or a PDF
converter) with its ground truth. Names are made up; the rules under test are general (date grammar, layout
cues, title and company words), so the same kinds of documents parse the same way.
"""

from __future__ import annotations

from datetime import date

import pytest

from screener.models import Document
from screener.parse import parse_document

TODAY = date(2026, 1, 15)
NOW = "present"


def _roles(text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = Document(file="cv.txt", kind="txt", text=text, pages=(text,))
    profile = parse_document(doc, today=TODAY)
    return [(r.title, r.employer, str(r.start) if r.start else None, r.end_label()) for r in profile.roles]


def _education(text: str) -> list[tuple[str, str]]:
    doc = Document(file="cv.txt", kind="txt", text=text, pages=(text,))
    return [(e.institution, e.credential) for e in parse_document(doc, today=TODAY).education]


ROLE_CASES = {
    "title with a bracketed level, the other column's sentence glued on": (
        "Jo Doe\nWork experience\n"
        "Varnak Group ( Norway, Oslo) I was designing backend for the telecom companies customers support\n"
        "Firmware Specialist (Associate) application as a part of the huge international team\n"
        "June 2014 - December 2014 - Java, Apache Camel, Hibernate\n"
        "Torsel Solutions Ltd ( Norway, Bergen) I was responsible for building the backend for customer U I used\n"
        "Firmware Consultant (Lead) telecom carriers. I was able to make multiple infrastructure updates such\n"
        "February 2013 - May 2014 - Java, Spring\n",
        [("Firmware Specialist (Associate)", "Varnak Group", "2014-06", "2014-12"),
         ("Firmware Consultant (Lead)", "Torsel Solutions Ltd", "2013-02", "2014-05")]),
    "'Employer. Title. Description' with an organisation word in the description": (
        "Jo Doe\nWeb Dev Positions\n2020 - Mostilu. Junior Scientist. Riverside Medical Clinic of the Future\n"
        "project. Digital Factory project.\nTasks performed: Features and UX implementation, Unit testing.\n",
        [("Junior Scientist", "Mostilu", "2020", None)]),
    "'Head of <Area>' with the other column's sentence glued on": (
        "Jo Doe\nWork experience\n"
        "Prahtor Labs ( Norway, Oslo) I was responsible for building the backend for customer U I used in top 3\n"
        "Head of Security telecom carriers. I was able to make multiple infrastructure updates such\n"
        "February 2015 - December 2015 as proper configuration management, edge interfaces and redesign,\n",
        [("Head of Security", "Prahtor Labs", "2015-02", "2015-12")]),
    "tools with letters spaced out after the dates are no employer": (
        "Jo Doe\nWork experience\n"
        "Kestrel Grid ( Norway, Oslo) I was a member of core service bus development team\n"
        "Java Developer - Java, Spring, Jenkins\nJune 2017 - February 2018 - M S S QL, P L S QL\n"
        "Tarnlo ( Norway, Bergen) Developed visual database query builder and related tools.\n"
        "Java Developer - Java, Eclipse\nOctober 2014 - June 2017 - D B2, Jenkins\n",
        [("Java Developer", "Kestrel Grid", "2017-06", "2018-02"), ("Java Developer", "Tarnlo", "2014-10", "2017-06")]),
    "bullet 'YYYY – YYYY: Title, Company (Country, City)'": (
        "Pat Doe\nProfessional Experience\n"
        "2020 -  now:   Backend developer, Quillon Data (Norway, Bergen)\n• Built services.\n"
        "2017 – 2019:  Full stack developer, Bank Severny (Poland, Gdansk)\n• Reports.\n",
        [("Backend developer", "Quillon Data", "2020", NOW), ("Full stack developer", "Bank Severny", "2017", "2019")]),
    "a digit closing the line above does not hide the range": (
        "EXPERIENCE\n2021 - 2022: Developer, Tarvo Labs (Finland, Espoo)\nTools: HTML5, CSS3.\n"
        "2017 – 2019: Analyst, Norrsken Bank (Sweden, Lund)\n",
        [("Developer", "Tarvo Labs", "2021", "2022"), ("Analyst", "Norrsken Bank", "2017", "2019")]),
    "date range wrapped over two lines in a date column": (
        "Experience\nJune 2022 – Software Engineer (Front-End), Vantix, Austin, TX, USA\n"
        "Present Building user interfaces with React and Redux for several teams.\n",
        [("Software Engineer (Front-End)", "Vantix", "2022-06", NOW)]),
    "tab-separated 'Title<tabs>Company, City, Country — YYYY-present'": (
        "EXPERIENCE\nWeb Developer\t\t\tOrbel Technologies, Haifa, Israel — 2020-present\n• Angular.\n"
        "Data Engineer\t\t\t\tKestrel Group, Porto, Portugal — 2015-2017\n",
        [("Web Developer", "Orbel Technologies", "2020", NOW), ("Data Engineer", "Kestrel Group", "2015", "2017")]),
    "title glued to the company name": (
        "Work history\nBusiness Owner Larkspur, Tartu, Estonia\nOct 2018 - Mar 2022  Created from scratch a highly "
        "profitable business for cutting and selling meat and\nC# Software Developer Registry Center, Tartu, Estonia\n"
        "Jan 2016 - Oct 2018  Implemented a software development project from scratch that radically reorganized\n",
        [("Business Owner", "Larkspur", "2018-10", "2022-03"),
         ("C# Software Developer", "Registry Center", "2016-01", "2018-10")]),
    "'Title at Company, City, Country' after a range whose dash was lost": (
        "EXPERIENCE\n2020  Present Frontend developer at Novella, Gdansk, Poland\n Managed two apps.\n"
        "2017 - 2018 Full Stack developer at flatfinder.com, Lodz, Poland\n",
        [("Frontend developer", "Novella", "2020", NOW), ("Full Stack developer", "flatfinder.com", "2017", "2018")]),
    "year written before the month, 'Title in Company'": (
        "Experience:\n2019 october - now: Mobile Developer (part time) in project Keeply Ltd., Herzliya\n"
        "Stack: Java, Swift\n2017 july - 2019 october: Mobile Developer in Corvid-Group, Kaunas\nStack: Kotlin\n",
        [("Mobile Developer (part time)", "Keeply Ltd.", "2019-10", NOW),
         ("Mobile Developer", "Corvid-Group", "2017-07", "2019-10")]),
    "'Company. Title.' sentences and a start date alone": (
        "Web Dev Positions\n2022 - Helix Systems. Middle Software Engineer. Clinic of the Future project.\n"
        "Tasks performed: features.\n2021  2022 Tripora. Junior web developer. Five projects in tourism.\n",
        [("Middle Software Engineer", "Helix Systems", "2022", None), ("Junior web developer", "Tripora", "2021", "2022")]),
    "employer with a descriptor, later positions under it": (
        "Experience\n2008  2022 Gorbank, financial company\n. Senior Software Engineer\nLed the migration.\n"
        "2010 - 2015. Full-stack SharePoint developer.\nSupported the portal.\n"
        "2007  2008. Traverse avia service, air flights organization, Head engineer\nBuilt sites.\n",
        [("Senior Software Engineer", "Gorbank", "2008", "2022"),
         ("Full-stack SharePoint developer", "Gorbank", "2010", "2015"),
         ("Head engineer", "Traverse avia service", "2007", "2008")]),
    "empty employer slot between commas": (
        "EXPERIENCE\n2021 - present, FULL STACK DEVELOPER, , Rehovot, Israel.\nBuilt an engine.\n"
        "2010 - 2012, Network Engineer, , Tbilisi, Armenia.\nPlanning.\n",
        [("FULL STACK DEVELOPER", "", "2021", NOW), ("Network Engineer", "", "2010", "2012")]),
    "dates glued without a dash, 'Company, Country, City  Title'": (
        "WORKING EXPERIENCE\nApr 2020Jun 2020 Placement at Samsa Logic, Israel, Tel-Aviv  Full stack Developer\n"
        " Description: logistics.\nMar 2017Aug 2018 BNX  Real estate portal, Russia, Kazan  Front-end Developer\n",
        [("Full stack Developer", "Placement at Samsa Logic", "2020-04", "2020-06"),
         ("Front-end Developer", "BNX", "2017-03", "2018-08")]),
    "'YYYY – YYYY | Company (City, Country) |' then the title below": (
        "PROFESSIONAL EXPERIENCE\n2019 – present | Inetrix LTD (Israel, Rehovot) |\nAndroid Developer\n"
        "Project: car rental.\n2017 – 2019 | Astrosoft MIR (Riga, Latvia) |\nAndroid Developer\n",
        [("Android Developer", "Inetrix LTD", "2019", NOW), ("Android Developer", "Astrosoft MIR", "2017", "2019")]),
    "title, then 'Company | Mon YYYY - Mon YYYY'": (
        "WORK EXPERIENCE\nOutsourcing data analyst\nPinpoint | Nov 2020 - present\nCohort analysis.\n"
        "Program coordinator\nStartUp Tours | Sept 2018 - Feb 2020\nTours.\n",
        [("Outsourcing data analyst", "Pinpoint", "2020-11", NOW),
         ("Program coordinator", "StartUp Tours", "2018-09", "2020-02")]),
    "a start date and a dash, then only description": (
        "EXPERIENCE\n2020  Present Frontend developer at Novella, Gdansk, Poland\n"
        "2018 -  Designed, developed, and deployed frontend applications from scratch and implemented\n"
        "new features.\n",
        [("Frontend developer", "Novella", "2020", NOW), ("", "", "2018", None)]),
    "two-digit years and 'till now'": (
        "Experience\nSep 15 - NOW  QA Engineer, Brightwave Ltd\nTesting.\nJan 12 - Aug 15  Tester, Corvel Inc.\n",
        [("QA Engineer", "Brightwave Ltd", "2015-09", NOW), ("Tester", "Corvel Inc.", "2012-01", "2015-08")]),
    "start dates whose end lost its year; no employer borrowed from an unrelated entry": (
        "WORKING EXPERIENCE\nApr 2020Jun 2020 Placement at Samsa Logic, Israel, Tel-Aviv  Full stack Developer\n"
        " Description: logistics.\nJun 2019Oct  Front-end Developer\n Description: a media group.\n",
        [("Full stack Developer", "Placement at Samsa Logic", "2020-04", "2020-06"),
         ("Front-end Developer", "", "2019-06", None)]),
    "a redacted title (asterisks) is not a bullet": (
        "EXPERIENCE\nWeb Developer\t\t\tOrbel Technologies, Haifa, Israel — 2020-present\n"
        "*************\t\t\t\tInetrix Ltd., Rehovot, Israel — 2018-2020\n• Angular.\n",
        [("Web Developer", "Orbel Technologies", "2020", NOW), ("*************", "Inetrix Ltd.", "2018", "2020")]),
    "'YYYY  Company' with 'Role: Title.' below (dash lost)": (
        "Employment History\n2018  Flexotech AVIA Israel\nRole: Production manager.\nCompany profile: heating.\n"
        "2009  2016 Subaru Kazan -> IVECO Kazan\nRole: Car dealership director.\nAchievements: sales.\n",
        [("Production manager", "Flexotech AVIA Israel", "2018", None),
         ("Car dealership director", "Subaru Kazan -> IVECO Kazan", "2009", "2016")]),
    "undated roles stay roles with no dates (never invented)": (
        "EXPERIENCE\nWeb Developer Orbel Technologies, Haifa, Israel  2020-present\nCloud migration.\n"
        "Developing websites.\n\nFull Stack Java Developer Inetrix Ltd., Rehovot, Israel  \nP2P car sharing.\n"
        "Developing backends.\n",
        [("Web Developer", "Orbel Technologies", "2020", NOW), ("Full Stack Java Developer", "Inetrix Ltd.", None, None)]),
    "dates emptied by a converter: 'Company  Title (  )'": (
        "WORK EXPERIENCE\nTandoo  Full Stack Developer (  now)\nIntegrated payments;\n"
        "BOOKIX iGaming  Full-Stack Developer (  )\nImplemented new features;\n",
        [("Full Stack Developer", "Tandoo", None, NOW), ("Full-Stack Developer", "BOOKIX iGaming", None, None)]),
    "the description goes on after the header's full stop; a double space typed inside a title": (
        "EXPERIENCE\n2012 - 2021, Network Planning & Optimization Engineer, , Moscow, Russia. Full cycle of SWAP "
        "projects during upgrades of mobile networks, responsible for target KPI during cluster acceptance, scripts.\n"
        "2009 - 2012:  Full stack  Java/JS Developer, WebSorb (Russia, Smolensk)\n• Car renting.\n",
        [("Network Planning & Optimization Engineer", "", "2012", "2021"),
         ("Full stack Java/JS Developer", "WebSorb", "2009", "2012")]),
    "month range inside one year": (
        "Experience\n2021, July – December: Intern, Lumen Labs\nPrototypes.\n",
        [("Intern", "Lumen Labs", "2021-07", "2021-12")]),
}


@pytest.mark.parametrize("name", list(ROLE_CASES))
def test_role_kinds(name: str) -> None:
    text, expected = ROLE_CASES[name]
    assert _roles(text) == expected


EDUCATION_CASES = {
    "'(Institution, Country)' after the credential": (
        "Education:\n2011-2013: Masters in Business Administration (Torvald College, Germany)\n"
        "2006-2011: Masters in Computerized Economics (University of Economics, Latvia)\n",
        [("Torvald College", "Masters in Business Administration"),
         ("University of Economics", "Masters in Computerized Economics")]),
    "a U.S. state after a city is a place, not a Master of Arts": (
        "EDUCATION\nHarwell University, Cambridge, MA\nBachelor of Science in Physics, 2015\n",
        [("Harwell University", "Bachelor of Science in Physics")]),
    "'Specialization in …' is not an institution": (
        "Education\nMaster of Science in Computer Science\nSpecialization in AI\nMassachusetts Institute of Technology, 2019\n",
        [("Massachusetts Institute of Technology", "Master of Science in Computer Science")]),
    "a subject after the degree is not a school": (
        "EDUCATION\n2004-2009, Master, Computer science and information technology, , Volgograd, Russia\n",
        [("", "Master")]),
    "a training centre programme": (
        "EDUCATION\n2021, Tel Ran Educational Center, Special program for software developers\n",
        [("Tel Ran Educational Center", "Special program for software developers")]),
    "heading on the same line as the entry": (
        "Skills\nJava\nEDUCATION 2017 – 2019 | Petersburg Electrotechnical University, Master’s degree of Computer "
        "Engineering\n",
        [("Petersburg Electrotechnical University", "Master’s degree of Computer Engineering")]),
    "letter-spaced heading with '&'": (
        "E D U C A T I O N & C O U R S E S\nMaxim Institute of Literature| 2012 - 2017\nM.A. in Literary Translation\n",
        [("Maxim Institute of Literature", "M.A. in Literary Translation")]),
}


@pytest.mark.parametrize("name", list(EDUCATION_CASES))
def test_education_kinds(name: str) -> None:
    text, expected = EDUCATION_CASES[name]
    assert _education(text) == expected


def test_text_that_lost_its_line_breaks() -> None:
    """A Word cell written as one paragraph: fields separated only by runs of spaces, the heading glued to the
    first title, the employer opening the description."""
    text = ("Front End developer Summary A senior web developer with 10+ years development experience, who led "
            "several teams and shipped web and mobile applications for airlines.  Experience Front End Team lead / "
            "Senior Developer                    2020 – Present AviaBit Performed a developer role while leading the "
            "web and mobile application development team.  Stack: React, Redux.   Senior developer              "
            "2014 – 2020                 Aviabit Developed applications for pilots and the cashier desk.\n")
    roles = _roles(text)
    assert roles[0] == ("Front End Team lead / Senior Developer", "AviaBit", "2020", NOW)
    assert [(t, s, e) for t, _emp, s, e in roles[1:]] == [("Senior developer", "2014", "2020")]


@pytest.mark.parametrize("title", ["Architect", "Welder", "Analyst"])
def test_text_that_lost_its_line_breaks_with_a_one_word_title(title: str) -> None:
    """The heading glued to a title of one word, its dates in the next field."""
    text = ("Front End developer Summary A senior web developer with 10+ years development experience, who led "
            f"several teams.  Experience {title}                               2014 – Present Harmi Solutions Ltd "
            "Performed a developer role while leading the web team.  Stack: React, Redux.   Support Programmer"
            "              2008 – 2014                 Harmi Solutions Ltd Developed applications for pilots.\n")
    roles = _roles(text)
    assert roles[0] == (title, "Harmi Solutions Ltd", "2014", NOW)
    assert [(t, s, e) for t, _emp, s, e in roles[1:]] == [("Support Programmer", "2008", "2014")]


def test_a_heading_glued_to_a_heading_word_is_not_a_section_opening_an_entry() -> None:
    """"Experience Summary" in a flattened line is one heading, never "Experience" followed by the title
    "Summary"."""
    text = "Jane Roe  Experience Summary  Welder                 2014 – 2020   Acme Steel Ltd Welded frames.\n"
    doc = Document(file="x.txt", kind="txt", text=text, pages=[text], sha256="0" * 64)
    titles = [r.title for r in parse_document(doc, today=date(2026, 12, 1)).roles]
    assert "Summary" not in titles


QUALIFIED_HEADINGS = [
    # (heading line, section it opens); a field written before the heading noun
    ("Web Dev Positions", "experience"),
    ("Mobile Dev Internships and Courses", "experience"),
    ("Data Science Projects", "projects"),
    ("Cloud Certifications", "certifications"),
    # not headings: a title, a skill, a role whose last word is a heading noun after "of"
    ("Frontend Developer Internship", None),
    ("User Experience", None),
    ("Head of Special Projects", None),
    ("web dev positions and more words here", None),
]


@pytest.mark.parametrize(("line", "name"), QUALIFIED_HEADINGS)
def test_heading_after_its_field(line: str, name: str | None) -> None:
    from screener.parse.sections import heading_name

    assert heading_name(line) == name


def test_internships_under_a_qualified_heading_are_roles() -> None:
    text = (
        "Dana Reyes\ndana@example.com\n\nEducation\n2015 - 2019 B.Sc. in Economics, Lakeshore University\n"
        "Web Dev Internships and Courses\n2021 Northwind Labs. Frontend 12 weeks internship.\n"
        "2020 Fabrikam. Backend 6 weeks internship.\nLanguages\nEnglish (Native)\n"
    )
    assert _roles(text) == [
        ("Frontend 12 weeks internship", "Northwind Labs", "2021", None),
        ("Backend 6 weeks internship", "Fabrikam", "2020", None),
    ]


def test_side_column_heading_inside_the_work_history() -> None:
    # a two-column page converted line by line: the right column's "Languages" and "About me" headings land
    # between the left column's jobs, which go on below them
    text = (
        "Lee Moran\nlee@example.com\nEXPERIENCE\n"
        "Senior Analyst Oct 2019 - Present\nNorthwind Labs, northwind.example\n- Led the analyst team\n"
        "Languages\nBusiness analyst Oct 2017 - Oct 2019\nEnglish - fluent\nFabrikam, fabrikam.example\n"
        "German - basic\n- Remodelled the payment process\nAbout me\n"
        "Junior engineer Jan 2016  Jun 2017\nTallin Soft\nI enjoy sailing and reading.\n"
    )
    got = _roles(text)
    assert [(t, s, e) for t, _, s, e in got] == [
        ("Senior Analyst", "2019-10", NOW),
        ("Business analyst", "2017-10", "2019-10"),
        ("Junior engineer", "2016-01", "2017-06"),
    ]
    assert got[2][1] == "Tallin Soft"


def test_a_languages_section_after_the_work_history_stays_apart() -> None:
    text = (
        "Lee Moran\nlee@example.com\nEXPERIENCE\nSenior Analyst Oct 2019 - Present\nNorthwind Labs\n"
        "Languages\nEnglish - fluent\nGerman - basic (2015 - 2016 course)\n"
    )
    assert _roles(text) == [("Senior Analyst", "Northwind Labs", "2019-10", NOW)]


EMPLOYER_WITH_SITE = [
    # (line under "Business analyst Oct 2017 - Oct 2018", employer)
    ("Northwind Labs,www.northwind.example, one of the biggest retailers in the region", "Northwind Labs"),
    ("Fabrikam Group, https://fabrikam.example, logistics", "Fabrikam Group"),
    ("Tallin Soft,www.tallinsoft.example,", "Tallin Soft"),
]


@pytest.mark.parametrize(("line", "employer"), EMPLOYER_WITH_SITE)
def test_employer_line_with_its_web_site(line: str, employer: str) -> None:
    text = f"Ann Lee\nEXPERIENCE\nBusiness analyst Oct 2017 - Oct 2018\n{line}\n- Remodelled the registration process\n"
    assert _roles(text) == [("Business analyst", employer, "2017-10", "2018-10")]


def test_side_heading_between_the_dates_and_the_employer() -> None:
    text = (
        "Ann Lee\nEXPERIENCE\nSenior Analyst Oct 2019 - Present\nNorthwind Labs\n- Led the team\n"
        "Business analyst Oct 2017 - Oct 2019\nLanguages\nFabrikam Group, fabrikam.example\nEnglish - fluent\n"
        "- Remodelled the payment process\nAbout me\nJunior engineer Jan 2016 - Jun 2017\nTallin Soft\n"
    )
    assert _roles(text) == [
        ("Senior Analyst", "Northwind Labs", "2019-10", NOW),
        ("Business analyst", "Fabrikam Group", "2017-10", "2019-10"),
        ("Junior engineer", "Tallin Soft", "2016-01", "2017-06"),
    ]


@pytest.mark.parametrize(
    ("employer_line", "employer", "location"),
    [
        ("Sogna Services ( Israel, Tel-Aviv)", "Sogna Services", "Israel, Tel-Aviv"),
        ("Northwind (Russia, Saint Petersburg)", "Northwind", "Russia, Saint Petersburg"),
        ("Fabrikam (Raanana)", "Fabrikam", "Raanana"),  # a lone capitalised name in brackets is the place (issue 15)
        ("Fabrikam (Contract)", "Fabrikam (Contract)", ""),  # a kind of work is no place
    ],
)
def test_employer_with_country_and_city_in_brackets(employer_line: str, employer: str, location: str) -> None:
    from screener.parse.roles import split_header

    assert split_header(["Software Engineer", employer_line]) == ("Software Engineer", employer, location)


def test_caps_headers_interleaved_with_a_side_column() -> None:
    # a two-column page converted line by line, right column "MON YYYY - MON YYYY TITLE" then the employer in
    # capitals; the left column's contact line, education block and "LANGUAGES" heading are glued in between
    text = (
        "JO KARVANEN\nEXPERIENCE\n"
        " FEB 2023 - JUN 2023 QA ENGINEER INTERN\n"
        "www.linkedin.com/jo- TALVIKO During the internship I wrote many tests:\nkarvanen\n"
        "Automated the smoke suite\n Oulu, Finland and the release checks.\n"
        "EDUCATION\nCovered the payment pages (both\nMarch 2022-May 2022 web and mobile).\n"
        "MSc In Chemistry\nOulu Technical College |\nFinland\n"
        "SEP 2020 - NOV 2021 LAB TECHNICIAN\n"
        "LANGUAGES KEMIRAX Kemirax is a large maker of paints\nand coatings.\n"
        "Finnish Ran the daily sample checks\nEnglish\nSKILLS\nPython\n"
    )
    assert _roles(text) == [
        ("QA ENGINEER INTERN", "TALVIKO", "2023-02", "2023-06"),
        ("LAB TECHNICIAN", "KEMIRAX", "2020-09", "2021-11"),
    ]


def test_dated_degrees_after_dates_first_jobs_stay_education() -> None:
    text = (
        "Ana Ruiz\nEXPERIENCE\nJan 2020 - Present Data Engineer\nVeltra Systems\n- Pipelines\n"
        "EDUCATION\nSep 2015 - Jun 2019 BSc Computer Science\nUniversity of Leeds\n"
        "Sep 2019 - Jun 2020 Teaching Assistant\n"
    )
    assert [(t, e) for t, e, _, _ in _roles(text)] == [("Data Engineer", "Veltra Systems"), ("Teaching Assistant", "")]
    assert ("University of Leeds", "BSc Computer Science") in _education(text)


def test_dates_on_their_own_line_below_a_side_heading() -> None:
    # two columns interleaved: "Title" / (a line of the other column) / "Mon YYYY - Mon YYYY" / "Company", the
    # work history going on below the other column's "SKILLS" heading, whose heading line was glued to its own
    text = (
        "LENA VOSS\nOVERVIEW WORK EXPIRIENCE\nSeasoned support engineer\nSupport Engineer\n"
        "with long practice in the Oct 2019 - present\nfield of payments. Arvena Payments GmbH\n"
        "Ran the second-line desk.\nSKILLS Built the on-call rota.\n"
        "Release Manager\nTicketing: Jira, Zendesk\nMar 2017 - Sep 2019 (2 years 7 months)\nKontor Systems\n"
        "Cloud: AWS Planned the monthly releases.\nLANGUAGES\nGerman - native\n"
    )
    got = _roles(text)
    assert [(t, s, e) for t, _, s, e in got] == [
        ("Support Engineer", "2019-10", NOW), ("Release Manager", "2017-03", "2019-09")]


def test_whole_header_right_above_the_dates_stops_the_look_upwards() -> None:
    # "Employer,City Title" on the line above a range of months alone: the line above that one is the other
    # column's ("Shaders / URP"), never the employer
    text = (
        "Ivo Brandt\nEXPERIENCE SKILLS\nNorvik,Remote  Developer Unity3D\nAPRIL 2020 - PRESENT C#\n"
        "Ported games to WebGL.\nShaders/ URP /HDRP\nKestrel,Porto Developer Git\nJULY 2018 - APRIL 2020\n"
        "Built lab simulators.\n"
    )
    assert [(e, s, end) for _, e, s, end in _roles(text)] == [
        ("Norvik", "2020-04", NOW), ("Kestrel", "2018-07", "2020-04")]
