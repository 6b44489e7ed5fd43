"""Education read from whole documents as applicants send them: a DOCX table (dates in one cell, credential and
school in the next; one-line rows), and a two-column PDF (a sidebar beside the main column). Generated here with
python-docx and reportlab (invented names); institution, credential, field, country, end year and kind are the
ground truth."""

from __future__ import annotations

import io
from datetime import date

from docx import Document as WordDocument
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from screener.ingest import ingest_bytes
from screener.parse import parse_document

TODAY = date(2026, 1, 15)
Row = tuple[str, str, str, str, str, str]


def _education(data: bytes, name: str) -> list[Row]:
    prof = parse_document(ingest_bytes(data, name), today=TODAY)
    return [(e.institution, e.credential, e.field, e.country, str(e.end), e.kind) for e in prof.education]


def _docx(doc: WordDocument) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _cell(cell, *lines: str) -> None:  # type: ignore[no-untyped-def]
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def test_docx_table_dates_beside_credential_and_school() -> None:
    doc = WordDocument()
    doc.add_paragraph("Ada Okafor")
    doc.add_paragraph("EDUCATION")
    table = doc.add_table(rows=3, cols=2)
    _cell(table.cell(0, 0), "2016 – 2020")
    _cell(table.cell(0, 1), "Bachelor of Science in Computer Science", "University of Lagos, Nigeria")
    _cell(table.cell(1, 0), "2021")
    _cell(table.cell(1, 1), "Full Stack Web Development Bootcamp", "Harbor Coding Academy, Lisbon, Portugal")
    _cell(table.cell(2, 0), "2012 – 2015")
    _cell(table.cell(2, 1), "BTEC Level 3 Extended Diploma in Engineering", "Kent Technical College, United Kingdom")
    doc.add_paragraph("SKILLS")
    doc.add_paragraph("Python, SQL")
    assert _education(_docx(doc), "cv.docx") == [
        ("University of Lagos", "Bachelor of Science in Computer Science", "Computer Science", "NG", "2020", "degree"),
        ("Harbor Coding Academy", "Full Stack Web Development Bootcamp", "", "PT", "2021", "bootcamp"),
        ("Kent Technical College", "BTEC Level 3 Extended Diploma in Engineering", "Engineering", "GB", "2015",
         "vocational"),
    ]


def test_docx_table_of_one_line_rows() -> None:
    doc = WordDocument()
    doc.add_paragraph("Education")
    table = doc.add_table(rows=2, cols=3)
    for r, cells in enumerate([("Riverside TAFE", "Certificate III in Electrotechnology", "2014"),
                               ("Harvard University, Cambridge, MA", "MA in Economics", "2011")]):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    assert _education(_docx(doc), "cv.docx") == [
        ("Riverside TAFE", "Certificate III in Electrotechnology", "", "", "2014", "vocational"),
        ("Harvard University", "MA in Economics", "Economics", "", "2011", "degree"),
    ]


def _two_column_pdf(left: list[str], right: list[str]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for x, lines in ((40, left), (230, right)):
        y = 790
        for line in lines:
            c.setFont("Helvetica-Bold" if line.isupper() else "Helvetica", 10)
            c.drawString(x, y, line)
            y -= 14
    c.save()
    return buf.getvalue()


def test_two_column_pdf_education_in_the_main_column() -> None:
    left = ["CONTACT", "lena.ivers@example.org", "Porto, Portugal", "", "SKILLS", "Python", "Statistics", "SQL",
            "", "LANGUAGES", "English", "Portuguese"]
    right = ["Lena Ivers", "", "EDUCATION", "Master of Science in Data", "Science",
             "University of Porto, Porto, Portugal", "2018 – 2020", "Certificate IV in Training and Assessment",
             "Melbourne TAFE, Australia", "2015", "", "EXPERIENCE", "Data Analyst", "Lumen Analytics, Porto",
             "Jan 2021 – Present"]
    assert _education(_two_column_pdf(left, right), "cv.pdf") == [
        ("University of Porto", "Master of Science in Data Science", "Data Science", "PT", "2020", "degree"),
        ("Melbourne TAFE", "Certificate IV in Training and Assessment", "", "AU", "2015", "vocational"),
    ]
