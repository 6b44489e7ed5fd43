"""Invented people for the synthetic résumé benchmark: names, jobs, employers, schools and credentials.

Everything here is made up from generic word lists written for this benchmark (no text from the development
documents); one ``random.Random`` drives every choice, so the same seed gives the same people.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST = ("Alina", "Boris", "Carmen", "Dmitri", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca",
         "Marta", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tamar", "Umar", "Vera", "Wiktor", "Yana", "Zoran",
         "Ada", "Bruno", "Clara", "Dario", "Emma", "Felix", "Hanna", "Igor", "Lena", "Milan", "Nora", "Oskar")
LAST = ("Abramova", "Brenner", "Castell", "Dorfman", "Eskildsen", "Fournier", "Galloway", "Halvorsen", "Ivanchuk",
        "Jankowski", "Kowalczyk", "Lindqvist", "Morozov", "Nakamura", "Oliveira", "Petrenko", "Quintero", "Rasmussen",
        "Sokolova", "Tanaka", "Udovenko", "Varga", "Weissman", "Yilmaz", "Zelenko", "Almeida", "Bergstrom", "Novak")

TITLES = ("Backend Developer", "Frontend Developer", "Full Stack Developer", "Full Stack Java Developer",
          "Senior Software Engineer", "Software Engineer", "Junior Python Developer", "Data Analyst",
          "Data Engineer", "QA Automation Engineer", "Manual QA Tester", "DevOps Engineer", "Team Lead",
          "Project Manager", "Product Manager", "Android Developer", "iOS Developer", "Web Developer",
          "Machine Learning Engineer", "Database Administrator", "System Administrator", "Technical Support Specialist",
          "Business Analyst", "UX Designer", "Java / Python Developer", "Network Engineer", "Embedded C Developer",
          "Cloud Architect", "Scrum Master", "Site Reliability Engineer")

ROOTS = ("Norvale", "Quintrix", "Bluefen", "Tarnwick", "Veloria", "Kestrelon", "Mirabyte", "Zentaro", "Holloway",
         "Brightmoor", "Calvera", "Dunmore", "Feldspar", "Granholm", "Ivylane", "Lumeo", "Marrowind", "Nexora",
         "Orbelle", "Pellham", "Ravelin", "Stonebridge", "Tessaly", "Vantor", "Wexley", "Yarrowby", "Corvana",
         "Elmhurst", "Fyrdal", "Solvick")
LEGAL = ("Ltd", "Ltd.", "LLC", "Inc.", "GmbH", "S.A.", "B.V.", "Oy", "AB", "PLC", "Corp.", "LTD", "s.r.o.")
NOUNS = ("Systems", "Labs", "Technologies", "Software", "Solutions", "Group", "Digital", "Networks", "Analytics")
ADJECTIVES = ("Silver", "Northern", "Blue", "Quiet", "Copper", "Green", "Bright", "Iron", "Amber", "Harbor")
NATURE = ("Birch", "Grain", "River", "Falcon", "Cedar", "Harbor", "Summit", "Meadow", "Lantern", "Compass")
INDUSTRY = ("Analytics", "Logistics", "Insurance", "Health", "Payments", "Robotics", "Media", "Energy", "Retail")

# (city, region, country): region is a U.S. state code or the country
CITIES = (("Lisbon", "Portugal", "Portugal"), ("Gdansk", "Poland", "Poland"), ("Valencia", "Spain", "Spain"),
          ("Tallinn", "Estonia", "Estonia"), ("Riga", "Latvia", "Latvia"), ("Brno", "Czech Republic", "Czechia"),
          ("Sofia", "Bulgaria", "Bulgaria"), ("Toronto", "Canada", "Canada"), ("Leeds", "United Kingdom", "UK"),
          ("Austin", "TX", "USA"), ("Denver", "CO", "USA"), ("Raleigh", "NC", "USA"), ("Tampere", "Finland", "Finland"),
          ("Aarhus", "Denmark", "Denmark"), ("Graz", "Austria", "Austria"), ("Utrecht", "Netherlands", "Netherlands"))
# U.S. states whose codes read like degrees or titles (MA, MS, MD, PA, ME): the place must stay a place
DEGREE_LIKE_STATES = (("Worcester", "MA"), ("Springfield", "MA"), ("Jackson", "MS"), ("Oxford", "MS"),
                      ("Baltimore", "MD"), ("Pittsburgh", "PA"), ("Portland", "ME"))

PLACES = ("Eastbrook", "Westmarch", "Kellerton", "Northmere", "Ashvale", "Redcliff", "Southport", "Glenmoor")
DEGREES = (("Bachelor of Science", "degree"), ("B.Sc.", "degree"), ("BSc", "degree"), ("Bachelor of Arts", "degree"),
           ("B.A.", "degree"), ("Master of Science", "degree"), ("M.Sc.", "degree"), ("MSc", "degree"),
           ("Master's degree", "degree"), ("Bachelor's degree", "degree"), ("Master of Engineering", "degree"),
           ("Ph.D.", "degree"), ("Engineer's degree", "degree"), ("Specialist degree", "degree"),
           ("Associate of Applied Science", "degree"))
FIELDS = ("Computer Science", "Applied Mathematics", "Information Systems", "Electrical Engineering", "Economics",
          "Business Administration", "Physics", "Software Engineering", "Statistics", "Mechanical Engineering")
PROGRAMMES = ("Full Stack Web Development", "Data Science", "QA Automation", "Cloud Engineering", "UX Design",
              "Java Backend Development")
SPECIALISATIONS = ("Machine Learning", "Distributed Systems", "Financial Mathematics", "Computer Networks")

SKILLS = ("Java", "Python", "JavaScript", "TypeScript", "React", "Angular", "Node.js", "Spring Boot", "Docker",
          "Kubernetes", "PostgreSQL", "MySQL", "MongoDB", "Kafka", "AWS", "Azure", "Git", "Jenkins", "Linux", "SQL",
          "Selenium", "Terraform", "Redis", "GraphQL", "Django", "Flask", "C#", ".NET", "Figma", "Jira")
LANGUAGES = ("English – fluent", "German – intermediate", "Spanish – native", "Polish – native", "French – basic",
             "Russian – native", "Portuguese – fluent", "Hebrew – intermediate")
VERBS = ("Built", "Designed", "Maintained", "Migrated", "Automated", "Tested", "Deployed", "Documented", "Optimised")
OBJECTS = ("a billing service", "internal dashboards", "the customer portal", "REST APIs for partners",
           "nightly data pipelines", "the release process", "a mobile banking app", "test suites for the web shop",
           "monitoring and alerting", "a warehouse management system")
CLOSINGS = ("for a team of eight", "used by 40,000 customers", "with the product team", "cutting costs by 30%",
            "in close cooperation with the client", "across three offices", "")


@dataclass(frozen=True)
class Span:
    """When a job ran: year and month of its start and end (end None = still there)."""

    start: tuple[int, int]
    end: tuple[int, int] | None


@dataclass(frozen=True)
class Job:
    title: str
    company: str
    city: str
    region: str
    span: Span
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class School:
    institution: str
    credential: str
    field: str
    city: str
    region: str
    country: str
    start: int
    end: int
    kind: str  # "degree" or "program"
    specialisation: str


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    phone: str
    city: str
    headline: str
    summary: str
    skills: tuple[str, ...]
    languages: tuple[str, ...]
    jobs: tuple[Job, ...]
    schools: tuple[School, ...]


def company(rng: random.Random) -> str:
    """An employer name in one of the shapes real ones take: legal suffix, acronym, several words, '&'."""
    shape = rng.randrange(5)
    if shape == 0:
        return f"{rng.choice(ROOTS)} {rng.choice(LEGAL)}"
    if shape == 1:
        letters = "".join(rng.choice("ABCDEFGHKLMNPRSTVXZ") for _ in range(rng.choice((2, 3, 4))))
        return f"{letters} {rng.choice(NOUNS)}"
    if shape == 2:
        return f"{rng.choice(ADJECTIVES)} {rng.choice(NATURE)} {rng.choice(INDUSTRY)}"
    if shape == 3:
        return f"{rng.choice(ROOTS)} & {rng.choice(LAST)} {rng.choice(('Consulting', 'Partners', 'Associates'))}"
    return f"{rng.choice(ROOTS)} {rng.choice(NOUNS)}"


def bullet(rng: random.Random) -> str:
    closing = rng.choice(CLOSINGS)
    tools = ", ".join(rng.sample(SKILLS, 2))
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} with {tools}{' ' + closing if closing else ''}."


def spans(rng: random.Random, count: int, today: tuple[int, int] = (2026, 1)) -> list[Span]:
    """``count`` non-overlapping spans, newest first, the newest one still running more often than not."""
    year, month = today
    out: list[Span] = []
    current = rng.random() < 0.6
    for i in range(count):
        end: tuple[int, int] | None
        if i == 0 and current:
            end = None
        else:
            year, month = (year, month - rng.randint(1, 5)) if month > 5 else (year - 1, 12 - rng.randint(0, 4))
            end = (year, month)
        months = rng.randint(10, 60)
        total = year * 12 + (month - 1) - months
        year, month = divmod(total, 12)
        month += 1
        out.append(Span(start=(year, month), end=end))
    return out


def school(rng: random.Random, end: int) -> School:
    programme = rng.random() < 0.25
    if rng.random() < 0.35:
        city, region = rng.choice(DEGREE_LIKE_STATES)
        country = "United States"
    else:
        city, region, country = rng.choice(CITIES)
    if programme:
        institution = f"{rng.choice(ROOTS)} {rng.choice(('Coding Academy', 'Bootcamp', 'Tech School', 'Academy'))}"
        return School(institution, rng.choice(PROGRAMMES), "", city, region, country, end, end, "program", "")
    shape = rng.randrange(4)
    place = rng.choice(PLACES)
    institution = (f"{place} University", f"University of {place}", f"{rng.choice(ROOTS)} Institute of Technology",
                   f"{place} State University")[shape]
    credential = rng.choice(DEGREES)[0]
    spec = rng.choice(SPECIALISATIONS) if rng.random() < 0.3 else ""
    return School(institution, credential, rng.choice(FIELDS), city, region, country, end - rng.randint(2, 5), end,
                  "degree", spec)


def person(rng: random.Random) -> Person:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    jobs: list[Job] = []
    for span in spans(rng, rng.randint(2, 4)):
        city, region, _ = rng.choice(CITIES)
        title = rng.choice(TITLES)
        jobs.append(Job(title, company(rng), city, region, span, tuple(bullet(rng) for _ in range(rng.randint(1, 3)))))
    first_job = jobs[-1].span.start[0]
    schools = [school(rng, first_job - rng.randint(0, 2))]
    if rng.random() < 0.5:
        schools.insert(0, school(rng, min(2025, first_job + rng.randint(2, 6))))
    city, region, _ = rng.choice(CITIES)
    return Person(
        name=f"{first} {last}",
        email=f"{first.lower()}.{last.lower()}@example.com",
        phone=f"+{rng.randint(30, 49)} {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        city=f"{city}, {region}",
        headline=jobs[0].title,
        summary=f"{jobs[0].title} with experience in {', '.join(rng.sample(SKILLS, 3))}. {bullet(rng)}",
        skills=tuple(rng.sample(SKILLS, rng.randint(6, 10))),
        languages=tuple(rng.sample(LANGUAGES, rng.randint(2, 3))),
        jobs=tuple(jobs),
        schools=tuple(schools),
    )
