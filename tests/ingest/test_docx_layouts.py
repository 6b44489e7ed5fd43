"""Word layouts résumés arrive in (issue 15): tables (nested), text boxes, headers, long sidebar cells and
PDF-to-Word conversions with the lines of two columns interleaved. Each document is generated here with
python-docx (invented names) and read through ingest and parse; the roles are the ground truth."""

from __future__ import annotations

import io
from datetime import date

from docx import Document as WordDocument
from docx.oxml import parse_xml
from docx.shared import Pt

from screener.ingest import ingest_bytes
from screener.parse import parse_document

TODAY = date(2026, 1, 15)
NOW = "present"


def _bytes(doc: WordDocument) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _roles(doc: WordDocument) -> list[tuple[str, str, str | None, str | None]]:
    parsed = parse_document(ingest_bytes(_bytes(doc), "cv.docx"), today=TODAY)
    return [(r.title, r.employer, str(r.start) if r.start else None, r.end_label()) for r in parsed.roles]


def _lines(cell, *lines: str) -> None:  # type: ignore[no-untyped-def]
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def test_table_with_dates_in_the_left_cell() -> None:
    doc = WordDocument()
    doc.add_paragraph("Robin Vale")
    doc.add_paragraph("EXPERIENCE")
    table = doc.add_table(rows=2, cols=2)
    _lines(table.cell(0, 0), "Mar 2019 – Present")
    _lines(table.cell(0, 1), "Data Engineer", "Quanta Labs, Oslo", "• Built pipelines in Spark")
    _lines(table.cell(1, 0), "2015 – 2019")
    _lines(table.cell(1, 1), "Analyst", "Fjord Bank, Bergen", "• Reports")
    assert _roles(doc) == [("Data Engineer", "Quanta Labs", "2019-03", NOW), ("Analyst", "Fjord Bank", "2015", "2019")]


def test_table_of_one_line_rows() -> None:
    doc = WordDocument()
    doc.add_paragraph("Work history")
    table = doc.add_table(rows=2, cols=3)
    for r, cells in enumerate([("Jan 2020 – now", "Backend Developer", "Norvik Systems"),
                               ("2017 – 2019", "QA Engineer", "Tallin Soft Ltd")]):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    assert _roles(doc) == [("Backend Developer", "Norvik Systems", "2020-01", NOW),
                           ("QA Engineer", "Tallin Soft Ltd", "2017", "2019")]


def test_nested_table_in_the_main_column() -> None:
    doc = WordDocument()
    outer = doc.add_table(rows=1, cols=2)
    _lines(outer.cell(0, 0), "Skills", "Python", "SQL")
    main = outer.cell(0, 1)
    _lines(main, "Experience")
    inner = main.add_table(rows=2, cols=2)
    _lines(inner.cell(0, 0), "2021 – present")
    _lines(inner.cell(0, 1), "Product Manager, Lumora Inc.", "• Roadmaps")
    _lines(inner.cell(1, 0), "2018 – 2021")
    _lines(inner.cell(1, 1), "Business Analyst, Kestrel Group", "• Requirements")
    assert _roles(doc) == [("Product Manager", "Lumora Inc.", "2021", NOW),
                           ("Business Analyst", "Kestrel Group", "2018", "2021")]


_TEXTBOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing><wp:inline>
<wp:extent cx="1828800" cy="457200"/><wp:docPr id="7" name="Text Box 7"/><a:graphic>
<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>
<w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>
</wp:inline></w:drawing></w:r>"""


def test_roles_inside_a_text_box() -> None:
    doc = WordDocument()
    doc.add_paragraph("PROFESSIONAL EXPERIENCE")
    anchor = doc.add_paragraph()
    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in (
        "Senior Analyst | Fjord Bank | Bergen", "June 2018 – Dec 2022", "Risk models."))
    anchor._p.append(parse_xml(_TEXTBOX.format(paragraphs=paragraphs)))
    assert _roles(doc) == [("Senior Analyst", "Fjord Bank", "2018-06", "2022-12")]


def test_contact_in_the_header_roles_in_the_body() -> None:
    doc = WordDocument()
    doc.sections[0].header.paragraphs[0].text = "Robin Vale · robin@example.com · Experience in data"
    doc.add_paragraph("Experience")
    doc.add_paragraph("2019 - 2020: Java Developer, Amberline (Latvia, Riga)")
    doc.add_paragraph("Built services.", style="List Bullet")
    assert _roles(doc) == [("Java Developer", "Amberline", "2019", "2020")]


def test_long_sidebar_cell_beside_the_main_cell_stays_apart() -> None:
    doc = WordDocument()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Haifa, Israel   Personal qualities " + "Quick learner, flexible, a good communicator. " * 8
    _lines(table.cell(0, 1), "Experience", "Front End Developer, Aviatek", "2014 – 2020", "Built the crew app.")
    assert _roles(doc) == [("Front End Developer", "Aviatek", "2014", "2020")]
    text = ingest_bytes(_bytes(doc), "cv.docx").text
    assert not any("|" in line and "Aviatek" in line for line in text.splitlines())


def test_converted_two_columns_with_side_by_side_headings() -> None:
    """One paragraph with line breaks (a PDF converted to Word): the headings of both columns share a line and
    the skills column's lines fall between the entries of the main column."""
    doc = WordDocument()
    p = doc.add_paragraph()
    lines = ["W O R K  E X P E R I E N C E    S K I L L S", "Outsourcing data analyst", "Python", "Pinpoint | Nov 2020 - present",
             "Cohort analysis and retention reports for the product team", "SQL", "Interviewer",
             "Tableau", "Wayfare Survey | Sept 2018 - Feb 2020", "Conducted surveys of participants"]
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.font.size = Pt(10)
        if i < len(lines) - 1:
            run.add_break()
    assert _roles(doc) == [("Outsourcing data analyst", "Pinpoint", "2020-11", NOW),
                           ("Interviewer", "Wayfare Survey", "2018-09", "2020-02")]


def _split(text: str) -> str:
    """A PDF converter's damage: every word after the first loses the space after its first character."""
    words = text.split()
    return " ".join(words[:1] + [w[0] + " " + w[1:] if len(w) > 1 else w for w in words[1:]])


SPLIT_CASES = [
    # (written line, damaged line, repaired line)
    ("Senior Software Engineer", "Senior S oftware E ngineer", "Senior Software Engineer"),
    ("March 2019 - present", "March 2 019 - p resent", "March 2019 - present"),
    ("I worked as a part of the team", "I w orked a s a p art o f t he t eam", "I worked as a part of the team"),
    ("Java, C++, C#", "Java, C ++, C #", "Java, C++, C#"),
]


def test_words_split_after_their_first_letter_are_rejoined() -> None:
    doc = WordDocument()
    doc.add_paragraph("Robin Vale")
    doc.add_paragraph("I am a developer with a wide experience.")  # an undamaged line stays as written
    doc.add_paragraph("Work experience")
    for written, damaged, _ in SPLIT_CASES:
        assert _split(written) == damaged
    for title, employer, dates in [
        ("Senior Software Engineer", "Northwind Labs", "March 2019 - present"),
        ("Java Developer", "Fabrikam", "June 2016 - February 2019"),
    ]:
        doc.add_paragraph(employer)
        doc.add_paragraph(_split(title))
        doc.add_paragraph(_split(dates))
        doc.add_paragraph(_split("Built the backend services for the customer support team"))
    doc_ = ingest_bytes(_bytes(doc), "cv.docx")
    text = doc_.text
    assert "I am a developer with a wide experience." in text
    for written, damaged, _ in SPLIT_CASES:
        assert damaged not in text or written == damaged
    assert "Built the backend services for the customer support team" in text
    assert _roles(doc) == [
        ("Senior Software Engineer", "Northwind Labs", "2019-03", NOW),
        ("Java Developer", "Fabrikam", "2016-06", "2019-02"),
    ]


def test_split_word_repair_leaves_undamaged_text_alone() -> None:
    from screener.ingest.docx import _rejoin_split_words

    clean = "I am a developer at a small firm, writing C and R for a B2B team.\nI built a b test rig in C.\n" * 5
    assert _rejoin_split_words(clean) == clean
    damaged = "\n".join(line for _, line, _ in SPLIT_CASES * 3)
    repaired = _rejoin_split_words(damaged).split("\n")
    assert repaired == [r for _, _, r in SPLIT_CASES * 3]


def _one_paragraph_with_breaks(lines: list[str]) -> WordDocument:
    # what PDF-to-Word converters write for a two-column page: one paragraph, one run, a <w:br/> per line, no
    # styles, indents, tabs or frames that would tell the columns apart
    doc = WordDocument()
    run = doc.add_paragraph().add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)
    return doc


def test_converted_two_columns_caps_headers_interleaved_in_one_paragraph() -> None:
    doc = _one_paragraph_with_breaks([
        "PROFILE", "QA engineer moving from chemistry to software.", "TOVE LINDQVIST", "CONTACT INFO", " + ",
        "EXPERIENCE", " ", " FEB 2023 - JUN 2023 QA ENGINEER INTERN",
        "www.linkedin.com/tove- TALVIKO During the internship I wrote many tests:", "lindqvist",
        "Automated the smoke suite", " Oulu, Finland and the release checks.", "EDUCATION",
        "Covered the payment pages (both", "March 2022-May 2022 web and mobile).", "MSc In Chemistry",
        "Oulu Technical College |", "Finland", "SEP 2020 - NOV 2021 LAB TECHNICIAN",
        "LANGUAGES KEMIRAX Kemirax is a large maker of paints", "and coatings.",
        "Finnish Ran the daily sample checks", "English", "PROFESSIONAL SKILLS", "Python", "SQL",
    ])
    assert _roles(doc) == [
        ("QA ENGINEER INTERN", "TALVIKO", "2023-02", "2023-06"),
        ("LAB TECHNICIAN", "KEMIRAX", "2020-09", "2021-11"),
    ]


def test_converted_two_columns_dates_alone_below_a_misspelt_glued_heading() -> None:
    doc = _one_paragraph_with_breaks([
        "LENA VOSS", "OVERVIEW WORK EXPIRIENCE", "Seasoned support engineer", "Support Engineer",
        "with long practice in the Oct 2019 - present", "field of payments. Arvena Payments GmbH",
        "Ran the second-line desk.", "SKILLS Built the on-call rota.", "Release Manager",
        "Ticketing: Jira, Zendesk", "Mar 2017 - Sep 2019 (2 years 7 months)", "Kontor Systems",
        "Cloud: AWS Planned the monthly releases.", "LANGUAGES", "German - native",
    ])
    assert [(t, s, e) for t, _, s, e in _roles(doc)] == [
        ("Support Engineer", "2019-10", NOW), ("Release Manager", "2017-03", "2019-09")]
