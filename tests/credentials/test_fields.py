"""A rubric's field of study is met by a degree that names it in its own language: the degree flag must not turn on
the language a degree was awarded in ("Bacharelado em Ciência da Computação" is computer science)."""

from __future__ import annotations

from datetime import date

import pytest

from screener.credentials.fields import field_matches


@pytest.mark.parametrize("entry, field", [
    ("Licenciatura en Ciencias de la Computación, Universidad de Buenos Aires", "computer science"),
    ("Bacharelado em Ciência da Computação, Universidade de São Paulo", "computer science"),
    ("Diplom-Informatiker (Dipl.-Inf.), Technische Universität München", "computer science"),
    ("Специалист, Прикладная информатика", "computer science"),
    ("计算机科学与技术 学士", "computer science"),
    ("Ingeniería de Software, Universidad de Chile", "software engineering"),
    ("Diplom-Ingenieur Maschinenbau", "mechanical engineering"),
    ("Diplom-Ingenieur Maschinenbau", "engineering"),
    ("Licenciatura en Enfermería", "nursing"),
    ("Kinesiología y Fisiatría, Universidad de Chile", "physical therapy"),
    ("Ciências Contábeis, PUC-SP", "accounting"),
    ("Licence en Sciences Économiques", "economics"),
    ("B.S. Computer Science", "Computer Science"),
    ("B.A. Underwater Basket Weaving", "basket weaving"),  # a field the table does not know: its words
])
def test_a_field_in_any_language_meets_the_rubrics(entry: str, field: str) -> None:
    assert field_matches(entry, field)


@pytest.mark.parametrize("entry, field", [
    ("B.A. History, University of Lagos", "computer science"),
    ("Engineer's Degree - Urban Construction and Management", "business administration"),
    ("Bacharelado em Direito", "computer science"),
    ("B.A. Basket Design", "basket weaving"),
])
def test_another_field_does_not(entry: str, field: str) -> None:
    assert not field_matches(entry, field)


@pytest.mark.parametrize("education", [
    "Licenciatura en Ciencias de la Computación, Universidad de Buenos Aires, Argentina, 2016",
    "Bacharelado em Ciência da Computação, Universidade de São Paulo, Brasil, 2016",
    "Diplom-Informatiker (Dipl.-Inf.), Technische Universität München, 2016",
    "Bachelor of Engineering (B.E.), Computer Science, Anna University, Chennai, India, 2016",
    "Специалист, Прикладная информатика, Уральский федеральный университет, 2016",
])
def test_a_foreign_degree_in_the_field_meets_the_degree_requirement(education: str) -> None:
    """With two years of experience (short of the four that stand in), a Brazilian computer-science bachelor's read
    'not met' where 'B.S. in Computer Science' read 'met'."""
    from pathlib import Path

    from screener.pipeline import ScreenOptions, screen
    from screener.rubric import load_rubric

    cv = ("Alex Morgan\nalex.morgan@example.com\n\nEXPERIENCE\nSoftware Engineer, Brightwater Logistics, 2023 - 2024\n"
          "- Built payment services in Python and Go on Kubernetes.\n\nEDUCATION\n" + education +
          "\n\nSKILLS\nPython, Go, SQL, Docker, Kubernetes\n")
    rubric = load_rubric(Path(__file__).resolve().parents[2] / "rubrics" / "software-engineer.yaml")
    res = screen(rubric, [("cv.txt", cv.encode())], options=ScreenOptions(as_of=date(2026, 12, 1), sandbox=False))
    degree = res.results[0].degree
    assert degree is not None and degree.status == "met by equivalent", degree
    assert "experience" not in degree.detail, degree
