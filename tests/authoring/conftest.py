"""Job postings written for these tests (each kind: a tech posting with headings, a one-sentence-per-line posting,
a regulated role, a posting with no degree wording), as TXT, DOCX and PDF, with what a draft must contain."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA_ANALYST = """Data Analyst

About us
We are a logistics company with great perks, Kubernetes and Rust everywhere.

Responsibilities
- Build dashboards in Tableau for the operations team
- Write SQL queries against our PostgreSQL warehouse
- Present findings to stakeholders

Requirements
- 3+ years of experience with SQL
- Advanced Excel skills (pivot tables, VLOOKUP)
- Experience with Python or R for statistical analysis
- Bachelor's degree in Statistics, Economics or a related field

Nice to have
- Experience with Airflow
- Knowledge of Power BI is a plus

Benefits
- Free gym membership and Salesforce training
"""

BACKEND = """Senior Backend Engineer (C#)
We are hiring a senior backend engineer to build payment APIs.
You must have 5+ years of C# and .NET experience.
Experience with Microsoft SQL Server, Docker and Azure is required.
Familiarity with Kafka is a plus.
A BS in Computer Science or equivalent experience is required.
Strong communication skills.
"""

NURSE = """Registered Nurse - Intensive Care Unit
Requirements:
- Current state RN license required
- 2+ years of critical care nursing experience
- BLS and ACLS certification
- Experience with Epic electronic health records
Preferred:
- BSN preferred
"""

WAREHOUSE = """Warehouse Associate
Responsibilities:
- Operate forklifts and pallet jacks safely
- Use Microsoft Excel to track inventory
No degree needed. Forklift certification preferred.
"""


def _docx(path: Path, text: str) -> Path:
    import docx

    d = docx.Document()
    for line in text.splitlines():
        d.add_paragraph(line)
    d.save(str(path))
    return path


def _pdf(path: Path, text: str) -> Path:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter)
    y = 740
    for line in text.splitlines():
        c.drawString(60, y, line)
        y -= 14
    c.save()
    return path


@pytest.fixture()
def posting_files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "analyst.txt").write_text(DATA_ANALYST, encoding="utf-8")
    return {
        "txt": tmp_path / "analyst.txt",
        "docx": _docx(tmp_path / "analyst.docx", DATA_ANALYST),
        "pdf": _pdf(tmp_path / "analyst.pdf", DATA_ANALYST),
    }
