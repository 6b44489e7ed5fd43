"""A whole résumé through ``parse_document``: every Profile field, and JSON Resume documents."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from screener.models import Document, PartialDate, to_jsonable
from screener.parse import merged_months, parse_document

FIXTURES = Path(__file__).parent.parent / "fixtures" / "parse"
TODAY = date(2025, 1, 15)


def _doc() -> Document:
    text = (FIXTURES / "full_resume_pt_en.txt").read_text(encoding="utf-8")
    return Document(file="full_resume_pt_en.txt", kind="txt", text=text)


def test_full_resume_fields() -> None:
    doc = _doc()
    p = parse_document(doc, today=TODAY)
    assert p.skills == ()
    assert (p.contact.name, p.contact.email, p.contact.phone, p.contact.location) == (
        "Mariana Oliveira Costa", "mariana.costa@example.com", "+55 19 98765-4321", "Campinas, SP")
    assert [s.name for s in p.sections] == ["contact", "summary", "experience", "education", "certifications",
                                            "languages", "projects"]
    assert [(r.title, r.employer, r.location, str(r.start), r.end_label()) for r in p.roles] == [
        ("Engenheira de Projetos", "Embraco Compressores Ltda.", "Joinville, SC", "2019-03", "present"),
        ("Design Engineer", "Bosch Termotecnologia S.A.", "Aveiro, Portugal", "2016-09", "2019-02"),
        ("Estagiária de Engenharia", "WEG Equipamentos Elétricos S.A.", "Jaraguá do Sul, SC", "2015-06", "2015-08"),
    ]
    first = p.roles[0]
    assert "SolidWorks" in doc.text[first.span[0]:first.span[1]]
    assert "Bosch" not in doc.text[first.span[0]:first.span[1]]
    (edu,) = p.education
    assert edu.credential == "Bacharel em Engenharia Mecânica"
    assert edu.field == "Engenharia Mecânica"
    assert edu.institution == "Universidade Estadual de Campinas (UNICAMP)"
    assert (edu.start, edu.end, edu.grade, edu.country) == (PartialDate(2011), PartialDate(2016), "Nota 8,5", "BR")
    assert [(c.name, c.issuer, str(c.date), c.kind) for c in p.certifications] == [
        ("Registro Profissional", "Crea-SP", "2017", "licence"),
        ("Certified SolidWorks Professional (CSWP)", "Dassault Systèmes", "2020", "certification"),
    ]
    assert [(lang.name, lang.level) for lang in p.languages] == [
        ("Português", "nativo"), ("English", "C1"), ("Spanish", "intermediate")]
    assert [pr.name for pr in p.projects] == ["Low-noise compressor mount"]
    periods = [(r.start, r.end, r.current) for r in p.roles if r.start]
    assert merged_months(periods, today=TODAY) == 71 + 30 + 3  # Mar 2019–Jan 2025, Sep 2016–Feb 2019, summer 2015


def test_parse_is_deterministic_and_jsonable() -> None:
    a = parse_document(_doc(), today=TODAY)
    b = parse_document(_doc(), today=TODAY)
    assert a == b
    assert json.dumps(to_jsonable(a.roles)) == json.dumps(to_jsonable(b.roles))


def test_json_resume_uses_structured_fields_and_locates_spans() -> None:
    structured = {
        "basics": {"name": "Ada Obi", "email": "ada@example.com", "location": {"city": "Lagos", "countryCode": "NG"}},
        "work": [{"name": "Paystack", "position": "Backend Engineer", "startDate": "2020-02", "location": "Lagos"},
                 {"name": "Andela", "position": "Software Developer", "startDate": "2017-05-01",
                  "endDate": "2020-01-31"}],
        "education": [{"institution": "University of Lagos", "area": "Computer Science", "studyType": "BSc",
                       "startDate": "2012", "endDate": "2016", "score": "Second Class Upper"}],
        "certificates": [{"name": "ICAN Associate Chartered Accountant", "issuer": "ICAN", "date": "2019-06-01"}],
        "languages": [{"language": "English", "fluency": "Native"}, {"language": "Yoruba", "fluency": "Fluent"}],
        "projects": [{"name": "Ledger CLI"}],
    }
    text = ("Ada Obi\nada@example.com | Lagos, NG\n\nEXPERIENCE\nBackend Engineer — Paystack, Lagos\n2020-02 – Present\n"
            "• Payments APIs\nSoftware Developer — Andela\n2017-05 – 2020-01\n• Client work\n\nEDUCATION\n"
            "BSc in Computer Science — University of Lagos\n2012 – 2016\n\nCERTIFICATIONS\n"
            "ICAN Associate Chartered Accountant — ICAN\n\nLANGUAGES\nEnglish (Native), Yoruba (Fluent)\n\n"
            "PROJECTS\nLedger CLI\n")
    doc = Document(file="ada.json", kind="jsonresume", text=text, structured=structured)
    p = parse_document(doc, today=TODAY)
    assert p.contact.name == "Ada Obi"
    assert [(r.title, r.employer, str(r.start), r.end_label()) for r in p.roles] == [
        ("Backend Engineer", "Paystack", "2020-02", "present"), ("Software Developer", "Andela", "2017-05", "2020-01")]
    assert text[p.roles[0].span[0]:p.roles[0].span[1]].startswith("Backend Engineer — Paystack")
    assert "Andela" not in text[p.roles[0].span[0]:p.roles[0].span[1]]
    (edu,) = p.education
    assert (edu.institution, edu.field, edu.grade) == ("University of Lagos", "Computer Science", "Second Class Upper")
    assert text[edu.span[0]:edu.span[1]].startswith("BSc in Computer Science")
    assert p.certifications[0].kind == "licence" and p.certifications[0].date == PartialDate(2019, 6)
    assert [(x.name, x.level) for x in p.languages] == [("English", "Native"), ("Yoruba", "Fluent")]
    assert p.projects[0].name == "Ledger CLI"


def test_json_resume_spans_hold_after_characters_that_casefold_longer() -> None:
    import json as _json

    from screener.ingest import ingest_bytes
    from screener.parse import parse_document

    resume = {"basics": {"name": "Jürgen Groß", "summary": "Straße, Maß und İstanbul. " + "ß" * 120},
              "work": [{"name": "Weißbier GmbH", "position": "Data Engineer", "startDate": "2019-01",
                        "highlights": ["Built Spark jobs."]}]}
    doc = ingest_bytes(_json.dumps(resume, ensure_ascii=False).encode(), "r.json")
    [role] = parse_document(doc).roles
    assert doc.text[role.span[0]:role.span[1]].startswith("Data Engineer")
