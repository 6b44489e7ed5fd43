"""extract_posting_skills: requirement cues, list lines, tags and benefit blocks in a job posting."""

from __future__ import annotations

import pytest

from screener.extract import extract_posting_skills

POSTING = """Senior Backend Engineer
Role:
Full Stack Developer
Experience level:
Mid-Level
Technologies
python django postgresql docker
About the role
You will design and build the services behind our payments platform and work closely with product.
Requirements:
* Experience with Docker, Kubernetes and AWS
* Knowledge of REST APIs is a plus
* Proficiency in Python
* Ability to work in large collaborative teams to achieve our goals
* Familiarity with message queues
* Excellent communication skills
* Experience with cloud technologies such as AWS, GCP or Azure
* Responsible for code reviews
Your tasks:
- Design scalable backend services
- Write well-tested code
We offer:
- Flexible working hours
- Private health insurance
- Paid time off
"""


def _found(text: str) -> list[str]:
    return [m.text for m in extract_posting_skills(text)]


@pytest.mark.parametrize("phrase", [
    "python", "django", "postgresql", "docker",  # tag line under "Technologies"
    "Docker", "Kubernetes", "AWS",  # coordinated object of "experience with"
    "REST APIs",  # object of "knowledge of", cut before "is a plus"
    "Python",
    "work in large collaborative teams",  # "ability to ...", cut before "to achieve"
    "message queues",
    "communication skills",  # a posting's requirement keeps its "skills"
    "cloud technologies", "GCP", "Azure",  # "such as" opens a list
    "code reviews",  # "responsible for ..."
    "Design scalable backend services", "Write well-tested code",  # task list lines, whole
])
def test_finds_requirement(phrase: str) -> None:
    assert phrase in _found(POSTING)


@pytest.mark.parametrize("phrase", ["Flexible working hours", "Private health insurance", "Paid time off",
                                    "Docker, Kubernetes and AWS", "REST APIs is a plus",
                                    "Full Stack Developer", "Mid-Level"])  # metadata values are no skills
def test_skips_benefits_and_unsplit_lists(phrase: str) -> None:
    found = " | ".join(_found(POSTING))
    assert phrase not in found


def test_flattened_posting_tags() -> None:
    text = ("Frontend Engineer Date posted: 2021-03-28 Job type: Full-time Technologies reactjs django go docker "
            "Job description Join us as one of the first engineers to build the product with React or Vue. " * 3)
    found = _found(text)
    assert {"reactjs", "django", "go", "docker"} <= set(found)


def test_mentions_are_spans_of_the_text() -> None:
    for m in extract_posting_skills(POSTING):
        assert POSTING[m.start:m.end] == m.text
        assert m.id and m.label


def test_more_than_the_resume_extractor() -> None:
    from screener.extract import get_extractor

    assert len(_found(POSTING)) > len(get_extractor().extract(POSTING))


@pytest.mark.parametrize("text", ["", "   ", "Requirements:", "Experience with -  -  and", "Knowledge of , , or",
                                  "Technologies\n", "* \n* \n"])
def test_empty_or_bare_text(text: str) -> None:
    assert extract_posting_skills(text) == []


def test_sense_of_an_ambiguous_name_from_the_posting() -> None:
    text = "Requirements:\n* Experience with Java, XML, web services, Unity and C#\n"
    labels = {m.text: m.label for m in extract_posting_skills(text)}
    assert labels["Unity"] == "Unity (digital game creation systems)"
