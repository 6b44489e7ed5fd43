"""Work-history kinds of issue 15 part 1, each an invented résumé with its ground truth: wrapped bullets and
paragraphs, lost dates, names before a description, neighbouring columns and tool names that are never employers."""

from __future__ import annotations

from datetime import date

import pytest

from screener.models import Document
from screener.parse import parse_document

TODAY = date(2026, 1, 15)
NOW = "present"


def _roles(text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = Document(file="cv.txt", kind="txt", text=text, pages=(text,))
    return [(r.title, r.employer, str(r.start) if r.start else None, r.end_label())
            for r in parse_document(doc, today=TODAY).roles]


CASES = {
    "a bullet wrapped onto a short line right above the next header": (
        "EXPERIENCE\nSoftware Engineer  Jan 2021 - Present\nBrightwave • Denver, CO\n"
        "• Built the search feature end to end, improving discovery through API design and\n"
        "performance tuning\nData Engineer  Jul 2018 - Dec 2020\nQuarrytide • Boulder, CO\n• Built pipelines.\n",
        [("Software Engineer", "Brightwave", "2021-01", NOW), ("Data Engineer", "Quarrytide", "2018-07", "2020-12")]),
    "a paragraph wrapped onto a line holding years is not a role": (
        "Experience\n2012  2020 Larchfield, insurance company\n. Senior Developer\n"
        "I moved the portal to a new platform and wrote a number of tools, then I developed and implemented several\n"
        "applications for direct data transfer from Portal 2010 to 2019.\n"
        "2009  2011. Acorn Tech, software company, Junior developer\nBuilt sites.\n",
        [("Senior Developer", "Larchfield", "2012", "2020"), ("Junior developer", "Acorn Tech", "2009", "2011")]),
    "a header whose years were lost keeps the full stop after them": (
        "Experience\n2009  2011. Acorn Tech, software company, Junior developer\nBuilt sites.\n"
        ". Brindle, Media company, Web-master\nMember of a team of developers.\nEducation:\n",
        [("Junior developer", "Acorn Tech", "2009", "2011"), ("Web-master", "Brindle", None, None)]),
    "the employer opens a description that starts with a list after a colon": (
        "Experience\nLead developer        2020 – Present        Halvard Performed a developer role while leading the web and mobile team.\n"
        "Senior developer        2014 – 2020        Halvard Developed applications: «Flight Log» for pilots; a site.\n",
        [("Lead developer", "Halvard", "2020", NOW), ("Senior developer", "Halvard", "2014", "2020")]),
    "an employer whose name joins words with '&' or 'of' opens the description": (
        "Experience\nLead developer        2020 – Present        Hale & Birch Performed a developer role while leading the web team.\n"
        "Senior developer        2014 – 2020        Bank of Lisbon Developed applications for the branches and the cashier desk.\n",
        [("Lead developer", "Hale & Birch", "2020", NOW), ("Senior developer", "Bank of Lisbon", "2014", "2020")]),
    "undated 'Organisation:' then the title, a side column glued across a gap and its headings between": (
        "Hard skills\nPython, Go\nWork experience\n\nVim, Emacs\nMake  Orvel Works:\nBash  Junior C++ developer\n"
        "> Moved old data structures to an asynchronous model\nSoft skills\nTeamwork > Unit tests\n"
        "Location Scouts:  -\nLanguages\nLocation manager\nEnglish > Search for spaces to film advertisements\n"
        "German  Harbour Gallery:\nExhibition space assistant\nEducation\nState University, School of history\n",
        [("Junior C++ developer", "Orvel Works", None, None), ("Location manager", "Location Scouts", None, None),
         ("Exhibition space assistant", "Harbour Gallery", None, None)]),
    "undated employer line first, then the title, a side heading glued before the employer": (
        "FRONT END DEVELOPER\nWORK EXPERIENCE\nCONTACTS   Quillbrook Ltd, Rehovot, Israel\n\nFront End Developer\n\n"
        "Migrated the layout to a responsive model\nEDUCATION\n2019 Coding Center Ltd. Israel\n",
        [("Front End Developer", "Quillbrook Ltd", None, None)]),
    "title and employer above a dates line the reader cannot date, 'Ongoing' kept": (
        "EXPERIENCE\nJob Title 1\nCompany 1\nDate: Month 20XX – Ongoing  Location: Location\n• Job description 1\n"
        "Job Title 2\nCompany 2\nDate: Month 20XX – Ongoing  Location: Location\n• Job description 2\nPROJECTS\n",
        [("Job Title 1", "Company 1", None, NOW), ("Job Title 2", "Company 2", None, NOW)]),
    "employer, title and dates in a left column, the description glued on the right, the stack after the dates": (
        "Work experience\nHarbor Mesh ( Norway, Oslo) I was designing the backend for the telecom customers support\n"
        "Software Engineer application as a part of the huge international team\n"
        "June 2019 - December 2019 - Java, Apache Camel, Hibernate\n• Docker, Jenkins\n"
        "Orvel ( Sweden, Lund) Developed visual database query builder and related tools.\n"
        "Java Developer - Java, Eclipse\nOctober 2014 - June 2017 - DB2, Jazz, Jenkins\nEducation\n",
        [("Software Engineer", "Harbor Mesh", "2019-06", "2019-12"), ("Java Developer", "Orvel", "2014-10", "2017-06")]),
    "a place after the employer is no stack list": (
        "Experience\nJan 2020 - Present - Brightwave, Austin, TX\nData Engineer\nBuilt pipelines.\n",
        [("Data Engineer", "Brightwave", "2020-01", NOW)]),
    "title and employer in capitals on one line, the city in capitals below": (
        "EXPERIENCE\n12.2022–10.2025\nJUNIOR PYTHON DEVELOPER CORVANA & VARGA ASSOCIATES\nTAMPERE\n• Built a portal.\n"
        "01/2019 — 08/2021\nSYSTEM ADMINISTRATOR BLUEFEN S.R.O.\nTAMPERE\n• Ran servers.\n"
        "2016 - 2018\nFULL STACK JAVA DEVELOPER INETEX LTD\nREHOVOT\n",
        [("JUNIOR PYTHON DEVELOPER", "CORVANA & VARGA ASSOCIATES", "2022-12", "2025-10"),
         ("SYSTEM ADMINISTRATOR", "BLUEFEN S.R.O.", "2019-01", "2021-08"),
         ("FULL STACK JAVA DEVELOPER", "INETEX LTD", "2016", "2018")]),
    "a city alone in brackets after the employer": (
        "Professional Experience\nLumeo B.V. (Sofia)\t05/2022 — present\nFrontend Developer\n• Built APIs.\n"
        "QA Automation Engineer, Amber Compass Logistics (Utrecht)\t07.2017–10.2021\n• Tests.\n"
        "Orvel (Contract)\t2015 - 2017\nData Analyst\n",
        [("Frontend Developer", "Lumeo B.V.", "2022-05", NOW),
         ("QA Automation Engineer", "Amber Compass Logistics", "2017-07", "2021-10"),
         ("Data Analyst", "Orvel (Contract)", "2015", "2017")]),
    "a start date alone: after the header, on its own line, or after 'since'": (
        "Professional Experience\niOS Developer, Veloria Group, Raleigh, NC\t2022\n• Automated pipelines.\n"
        "Scrum Master, VLGG Group, Toronto, Canada\tMay 2019\n• Dashboards.\n"
        "Database Administrator\n2017\nPellham Labs, Austin, TX\n• Tuned queries.\n"
        "Software Engineer - Ivylane AB\t2015\n• Tested.\nData Analyst, Quarrytide\nSince March 2012\n• Reports.\n",
        [("iOS Developer", "Veloria Group", "2022", None), ("Scrum Master", "VLGG Group", "2019-05", None),
         ("Database Administrator", "Pellham Labs", "2017", None), ("Software Engineer", "Ivylane AB", "2015", None),
         ("Data Analyst", "Quarrytide", "2012-03", NOW)]),
    "the end of a range wrapped onto the next line is no start date alone": (
        "EXPERIENCE\nDec 2021 –\nCurrent\niOS Developer – Zentaro Labs\n• Optimised alerting.\n"
        "October 2019 –\nOctober 2021\nFrontend Developer — Pellham & Petrenko Partners\n• Designed an app.\n",
        [("iOS Developer", "Zentaro Labs", "2021-12", NOW),
         ("Frontend Developer", "Pellham & Petrenko Partners", "2019-10", "2021-10")]),
    "bulleted 'YYYY – YYYY: Title, Company (City)' headers longer than a line of bullets": (
        "EXPERIENCE\n• 2023 - present: Frontend Developer, SVN Group (Denver)\n• Designed a billing service.\n"
        "• 2021 – 2022: Software Engineer, Northern Meadow Media (Toronto)\n• Documented a system used by many.\n",
        [("Frontend Developer", "SVN Group", "2023", NOW), ("Software Engineer", "Northern Meadow Media", "2021", "2022")]),
    "jobs under a heading nobody listed, right after a skills list": (
        "Professional Skills\nKafka, .NET, React, Selenium\nMy journey so far\n"
        "Technical Support Specialist, Vantor & Dorfman Partners\nDecember 2023 — December 2025\n• Tested releases.\n"
        "Scrum Master, Solvick Ltd, Graz, Austria\nMarch 2021 — August 2023\n• Ran sprints.\nEducation\n"
        "Eastbrook University\nBachelor of Science, 2015 - 2019\n",
        [("Technical Support Specialist", "Vantor & Dorfman Partners", "2023-12", "2025-12"),
         ("Scrum Master", "Solvick Ltd", "2021-03", "2023-08")]),
    "a skills list with years in it stays a skills list": (
        "Skills\nPython (2015 - 2020), Java, SQL\nEducation\nEastbrook University\n", []),
    "employer and place beside the dates, the title on the line below": (
        "Professional Experience\nBright Grain Health — Tallinn\t09.2021 - 10.2025\nScrum Master\n• Migrated.\n"
        "Granholm GmbH — Denver\nOct 2016–Apr 2019\nSenior Software Engineer\n• Optimised an app.\n",
        [("Scrum Master", "Bright Grain Health", "2021-09", "2025-10"),
         ("Senior Software Engineer", "Granholm GmbH", "2016-10", "2019-04")]),
    "undated entries: a header line or a title and a name above their bullets": (
        "Work Experience\nJunior Python Developer – Nexora Networks\n• Migrated the release process.\n"
        "Senior Software Engineer – XXFZ Analytics\n• Designed test suites.\nNetwork Engineer\nOrbelle Digital\n"
        "• Built internal dashboards.\nSoftware Engineer\nIron River Robotics, Valencia, Spain\n• Tested suites.\n"
        "Education\nElmhurst Coding Academy\n",
        [("Junior Python Developer", "Nexora Networks", None, None),
         ("Senior Software Engineer", "XXFZ Analytics", None, None),
         ("Network Engineer", "Orbelle Digital", None, None), ("Software Engineer", "Iron River Robotics", None, None)]),
    "a short line of prose above bullets is no undated entry": (
        "Work Experience\nKey results below\n• Built things.\n", []),
    "a skills column's tool or language glued after the title; a place the section names opening a title": (
        "EXPERIENCE SKILLS\nVK,Remote  Developer Unity3D\nAPRIL 2020 - PRESENT C#\nPorted games.\n"
        "Advalange,Moscow Developer Git\nJULY 2019 - APRIL 2020\nBuilt workflow tools.\n"
        "Artteam,MoscowDeveloper English -B2\nSEPTEMBER 2017 - JULY 2019\nMade an application.\n"
        "Machine Learning Engineer Intern Prometheus,\nRingCentral\nMay 2016 - Oct 2016\nBuilt pipelines.\n",
        [("Developer", "VK", "2020-04", NOW), ("Developer", "Advalange", "2019-07", "2020-04"),
         ("Developer", "Artteam", "2017-09", "2019-07"),
         ("Machine Learning Engineer Intern", "RingCentral", "2016-05", "2016-10")]),
    "a start date opening the right-hand column of an education line, in capitals like the work history's": (
        "EXPERIENCE\n JAN 2022 - APR 2022 FRONT END DEVELOPER INTERN\nSERVC During the internship I did many tasks.\n"
        "EDUCATION\nMA In Jurisprudence\nSaratov State Law Academy | APRIL 2021 SQL FREELANCE\n\n"
        "OCT 2020 - DEC 2020 LEGAL ADVISER\nNORNICKEL Norilsk Nikel is the world's largest producer of nickel\n",
        [("FRONT END DEVELOPER INTERN", "SERVC", "2022-01", "2022-04"), ("SQL FREELANCE", "", "2021-04", None),
         ("LEGAL ADVISER", "NORNICKEL", "2020-10", "2020-12")]),
    "title, a line of the other column, the dates alone, then the employer": (
        "EXPERIENCE\nFirst role line\nNetwork Engineer\nof existing Wi-Fi networks (Aruba and Cisco)\n"
        "Feb 2017 - Sep 2018 (1 year 8 months)\nUkrtelecom ISP\nNetwork Design:\n(Internet Service Provider)\n",
        [("Network Engineer", "Ukrtelecom ISP", "2017-02", "2018-09")]),
    "a year over a list of names, and a tool over one word, are no roles": (
        "Experience\nWeb Developer – Atlantic Studio\n2012\n• Built sites.\nPortfolio\n2015\nPeer Realty\n"
        "Walker Dunlop\n\nExchange Server\nKnowledge\n• Administered mail servers.\n",
        [("Web Developer", "Atlantic Studio", "2012", None)]),
    "a left column of headings and dates read before the main column: headers paired with the ranges in order": (
        "Clara Vale\nAbout me\nSkills\nWork Experience\nMay 2022 – Present\nDec 2018 - Nov 2021\nEducation\n"
        "Languages\nAndroid Developer\nclara.vale@example.com | Brno, Czech Republic\n"
        "Android Developer with experience in Node.js, Git, Django and more, building apps for banks.\n"
        "MySQL, Python, PostgreSQL\nAndroid Developer, Tessaly Ltd\n• Built nightly data pipelines.\n"
        "Cloud Architect, DP Digital, Tampere, Finland\n• Migrated a mobile banking app.\n"
        "Eastbrook State University\nBachelor of Science, 2015\nEnglish – fluent\n",
        [("Android Developer", "Tessaly Ltd", "2022-05", NOW), ("Cloud Architect", "DP Digital", "2018-12", "2021-11")]),
    "a title holding an organisation word above dates alone, the employer opening the description below": (
        "Experience\nStack: React, Redux, TypeScript.\nLogistics Scientist (Staff)\n2016 – 2022\n"
        "Olsti Mone Developed applications: «Flight Log» for pilots; the company's business card website.\n",
        [("Logistics Scientist (Staff)", "Olsti Mone", "2016", "2022")]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_role_kinds(name: str) -> None:
    text, expected = CASES[name]
    assert _roles(text) == expected


@pytest.mark.parametrize("title", ["Location manager", "Logistics manager", "Head of Logistics",
                                   "Head of Media Relations"])
def test_an_undated_organisation_colon_then_a_title_holding_an_organisation_word(title: str) -> None:
    """"Haldor Freight:" / "Logistics manager": an organisation word ("Logistics", "Media") inside a title that a
    title word ends, or that heads an area ("Head of …"), keeps the line a title."""
    text = ("Hard skills\nPython, Go\nWork experience\n\nVim, Emacs\nMake  Orvel Works:\nBash  Junior C++ developer\n"
            "> Moved old data structures to an asynchronous model\nSoft skills\nTeamwork > Unit tests\n"
            f"Haldor Freight:  -\nLanguages\n{title}\nEnglish > Planned routes for the night shipments\n"
            "German  Harbour Gallery:\nExhibition space assistant\nEducation\nState University, School of history\n")
    assert [(t, e) for t, e, _s, _e in _roles(text)] == [
        ("Junior C++ developer", "Orvel Works"), (title, "Haldor Freight"), ("Exhibition space assistant", "Harbour Gallery")]


@pytest.mark.parametrize("arrangement", ["Freelance", "Freelancer", "Self-employed"])
def test_a_line_saying_how_one_worked_is_no_job_title(arrangement: str) -> None:
    """"Freelance" / "Web Developer" / dates: the job is the title; how it was worked stands where the employer
    would (it was the title, and "Web Developer" the employer)."""
    text = (f"EXPERIENCE\n{arrangement}\nWeb Developer\n2019 – 2021\nBuilt sites for small shops.\n\n"
            "Developer  2021 – Present\nHalvard Ltd\nBuilt APIs.\n")
    assert _roles(text)[0] == ("Web Developer", arrangement, "2019", "2021")
