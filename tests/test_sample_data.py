"""The demo content: every sample résumé exists, opens, says what the demo relies on, and holds no real contact
data; every rubric template loads; the generator is deterministic."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import docx
import jsonschema
import pypdf
import pytest

from screener.rubric import Rubric, load_rubric

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
RUBRICS = ROOT / "rubrics"
SCHEMA = ROOT / "screener" / "ingest" / "data" / "jsonresume-schema.json"
GENERATOR = ROOT / "scripts" / "make_samples.py"

# Other engineers (badges, UI, tests) rely on these exact names.
SAMPLE_FILES = [
    "ana_souza_mechanical_engineer.pdf",
    "chinedu_okafor_financial_analyst.docx",
    "lucia_hernandez_civil_engineer.txt",
    "priya_raman_software_engineer.pdf",
    "jordan_ellis_self_taught_developer.json",
    "emily_carter_mechanical_engineer.docx",
    "tomasz_nowak_data_engineer_two_column.pdf",
    "grace_mensah_financial_analyst.txt",
    "wei_zhang_software_engineer.docx",
    "kwame_asante_registered_nurse.txt",
]
RUBRIC_FILES = [
    "mechanical-design-engineer.yaml",
    "financial-analyst.yaml",
    "software-engineer.yaml",
    "civil-engineer.yaml",
    "data-engineer.yaml",
    "registered-nurse.yaml",
    "data-analyst.yaml",
    "accountant-auditor.yaml",
    "electrician.yaml",
    "teacher.yaml",
    "pharmacist.yaml",
    "physical-therapist.yaml",
]

PRIYA_BADGE = "https://badges.northwind-skills.example/credentials/3f1c9a2e-cloud-infrastructure"
JORDAN_FULLSTACK = "https://badges.northwind-skills.example/credentials/7b2d4e10-fullstack-javascript"
JORDAN_PYTHON = "https://badges.northwind-skills.example/credentials/9a8e7f66-python-data"
EMILY_BADGE = "https://badges.northwind-skills.example/credentials/c0ffee00-project-management"


def docx_text(path: Path) -> str:
    """Paragraphs and table cells in body order (the skills table is part of what the demo shows)."""
    d = docx.Document(str(path))
    out: list[str] = []
    for block in d.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for tr in block.iter():
                if tr.tag.endswith("}tr"):
                    cells = [
                        "".join(t.text or "" for t in tc.iter() if t.tag.endswith("}t"))
                        for tc in tr.iterchildren() if tc.tag.endswith("}tc")
                    ]
                    out.append(" | ".join(cells))
    return "\n".join(out)


def sample_text(name: str) -> str:
    path = SAMPLES / name
    if name.endswith(".pdf"):
        return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)
    if name.endswith(".docx"):
        return docx_text(path)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_exists_and_opens(name: str) -> None:
    path = SAMPLES / name
    assert path.is_file(), f"{name} is missing; run scripts/make_samples.py"
    if name.endswith(".pdf"):
        reader = pypdf.PdfReader(str(path))
        assert 1 <= len(reader.pages) <= 2
        assert not reader.is_encrypted
    elif name.endswith(".docx"):
        assert len(docx.Document(str(path)).paragraphs) > 10
    elif name.endswith(".json"):
        assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict)
    else:
        assert path.read_bytes().decode("utf-8").endswith("\n")
    text = sample_text(name)
    first, last = name.split("_")[:2]
    assert first.casefold() in text.casefold() and last.casefold() in text.casefold(), "the candidate's name"


@pytest.mark.parametrize(
    ("name", "phrases"),
    [
        ("ana_souza_mechanical_engineer.pdf",
         ["Bacharel em Engenharia Mecânica", "Universidade Federal de Minas Gerais (UFMG)", "Belo Horizonte, Brazil",
          "2009 – 2014", "Autodesk Certified Professional: AutoCAD", "SolidWorks", "ANSYS", "GD&T", "DFMEA",
          "sheet metal", "Portuguese", "C1", "B2"]),
        ("chinedu_okafor_financial_analyst.docx",
         ["B.Sc. Accounting", "University of Lagos", "Institute of Chartered Accountants of Nigeria (ICAN)", "ACA",
          "Houston, TX", "Lagos, Nigeria", "financial model", "IFRS", "GAAP", "Budgeting, forecasting",
          "SQL", "Power BI", "Skills and tools", "to date"]),
        ("lucia_hernandez_civil_engineer.txt",
         ["Ingeniera Civil", "Universidad Nacional Autónoma de México (UNAM)", "Cédula Profesional",
          "Construction Management Specialization", "https://www.coursera.org/verify/specialization/",
          "AutoCAD Civil 3D", "Primavera P6", "cost estimation", "OSHA 30", "FORMACIÓN ACADÉMICA", "IDIOMAS",
          "ene. 2016 – dic. 2019", "2020 – actualidad"]),
        ("priya_raman_software_engineer.pdf",
         ["B.Sc. Computer Science (three-year programme)", "University of Delhi", "Bengaluru", "Seattle",
          "Python", "Java", "AWS", "Docker", "Kubernetes", "Terraform", "PostgreSQL", "REST APIs", "CI/CD",
          "priya.raman@example.com", "Badges", "Cloud Infrastructure on AWS", "Northwind Skills Academy",
          PRIYA_BADGE, "Verify badge", "Kubernetes Operations", "priya_raman_kubernetes.png",
          "Jan 2019 – Present", "2016–2018"]),
        ("emily_carter_mechanical_engineer.docx",
         ["B.S. Mechanical Engineering", "Purdue University", "West Lafayette, IN", "2018", "SolidWorks", "FEA",
          "Certified Senior Project Manager", EMILY_BADGE, "emily.carter@example.com"]),
        ("tomasz_nowak_data_engineer_two_column.pdf",
         ["Magister inżynier (MSc Eng.) Computer Science", "Warsaw University of Technology", "Poland",
          "Python", "SQL", "Spark", "Airflow", "Kafka", "AWS", "Docker", "Warsaw", "Chicago"]),
        ("grace_mensah_financial_analyst.txt",
         ["Higher National Diploma (HND) in Accountancy", "Accra Technical University", "Ghana", "ACCA",
          "financial analysis", "Excel", "QuickBooks", "budget", "variance analysis", "SAP"]),
        ("wei_zhang_software_engineer.docx",
         ["Bachelor of Engineering (学士) in Software Engineering", "Zhejiang University", "China", "Go, C++",
          "Kubernetes", "gRPC", "Linux", "microservices", "go the extra mile"]),
        ("kwame_asante_registered_nurse.txt",
         ["BSc Nursing, University of Ghana", "Registered General Nurse", "Nursing and Midwifery Council of Ghana",
          "CGFNS", "in progress", "Accra"]),
    ],
)
def test_sample_says_what_the_demo_relies_on(name: str, phrases: list[str]) -> None:
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", sample_text(name))
    flat = re.sub(r"\s+", " ", text)
    missing = [p for p in phrases if p not in text and p not in flat]
    assert not missing, f"{name} lacks {missing}"


def test_priya_badge_link_annotation() -> None:
    """The badge URL sits behind the words "Verify badge" as a URI link annotation, as well as in the text."""
    reader = pypdf.PdfReader(str(SAMPLES / "priya_raman_software_engineer.pdf"))
    uris = [
        a.get_object()["/A"]["/URI"]
        for page in reader.pages for a in (page.get("/Annots") or [])
        if a.get_object().get("/Subtype") == "/Link"
    ]
    assert uris == [PRIYA_BADGE]


@pytest.mark.parametrize(
    ("name", "url"),
    [("chinedu_okafor_financial_analyst.docx", "https://chinedu-okafor.example.org/models"),
     ("emily_carter_mechanical_engineer.docx", EMILY_BADGE)],
)
def test_docx_hyperlink(name: str, url: str) -> None:
    d = docx.Document(str(SAMPLES / name))
    external = [r.target_ref for r in d.part.rels.values() if r.is_external]
    assert external == [url]
    assert d.element.body.xpath(".//w:hyperlink"), "the link is a real w:hyperlink, not only typed text"


def test_chinedu_skills_are_in_a_table() -> None:
    tables = docx.Document(str(SAMPLES / "chinedu_okafor_financial_analyst.docx")).tables
    assert len(tables) == 1
    cells = " ".join(c.text for row in tables[0].rows for c in row.cells)
    for skill in ("IFRS", "US GAAP", "Budgeting", "Power BI", "SQL", "Excel"):
        assert skill in cells


def test_tomasz_pdf_has_two_columns_that_share_baselines() -> None:
    """Sidebar text sits left of 40% of the page width, main text right of it, on the same baselines."""
    page = pypdf.PdfReader(str(SAMPLES / "tomasz_nowak_data_engineer_two_column.pdf")).pages[0]
    width = float(page.mediabox.width)
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if text.strip():
            runs.append((cm[4] + tm[4], round(cm[5] + tm[5], 1), text.strip()))

    page.extract_text(visitor_text=visit)
    left = {y for x, y, _ in runs if x < 0.4 * width}
    right = {y for x, y, _ in runs if x > 0.4 * width}
    assert any(t.startswith("SKILLS") for x, _, t in runs if x < 0.4 * width)
    assert any(t.startswith("EXPERIENCE") for x, _, t in runs if x > 0.4 * width)
    shared = [y for y in left if any(abs(y - r) < 3.0 for r in right)]
    assert len(shared) >= 10, "columns side by side: many baselines carry text in both"
    # The content stream holds the whole sidebar before the main column (reading order = stream order).
    first_main = next(i for i, (x, _, t) in enumerate(runs) if x > 0.4 * width and t.startswith("SUMMARY"))
    assert all(x < 0.4 * width for x, y, _ in runs[:first_main] if y < 700)


def test_jordan_json_resume() -> None:
    data = json.loads((SAMPLES / "jordan_ellis_self_taught_developer.json").read_text(encoding="utf-8"))
    assert data["education"] == [], "self-taught: no degree"
    assert data["basics"]["email"] == "jordan.ellis@example.net"
    urls = {c["name"]: c["url"] for c in data["certificates"]}
    assert urls["Full-Stack JavaScript Developer"] == JORDAN_FULLSTACK
    assert urls["Python for Data Analysis"] == JORDAN_PYTHON
    assert any("linkedin.com/learning/certificates/" in u for u in urls.values())
    assert "Responsive Web Design" in urls
    assert len(data["work"]) == 3 and "endDate" not in data["work"][0], "current role has no end date"
    keywords = {k for group in data["skills"] for k in group["keywords"]}
    assert {"JavaScript", "TypeScript", "React", "Node.js", "PostgreSQL", "Git", "Docker"} <= keywords


def test_jordan_json_resume_matches_schema() -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA.relative_to(ROOT)} is not in this tree (shipped by the ingest stage)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = json.loads((SAMPLES / "jordan_ellis_self_taught_developer.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?!\d)")


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_no_real_contact_data(name: str) -> None:
    text = sample_text(name)
    emails = EMAIL.findall(text)
    assert emails, "each résumé has an e-mail address"
    assert all(re.search(r"@example\.(com|net|org)$", e) for e in emails), emails
    phones = PHONE.findall(text)
    assert phones, "each résumé has a phone number"
    assert all(re.search(r"555[ .-]01\d\d$", p) for p in phones), phones


@pytest.mark.parametrize("name", RUBRIC_FILES)
def test_rubric_loads(name: str) -> None:
    rubric = load_rubric(RUBRICS / name)
    assert isinstance(rubric, Rubric)
    assert rubric.total_weight > 0
    assert any(c.must_have for c in rubric.competencies)


def test_every_rubric_in_folder_is_listed() -> None:
    assert sorted(p.name for p in RUBRICS.glob("*.yaml")) == sorted(RUBRIC_FILES)


@pytest.mark.parametrize(
    ("name", "required_by_law"),
    [("registered-nurse.yaml", True), ("civil-engineer.yaml", False)],
)
def test_licence_policies(name: str, required_by_law: bool) -> None:
    licence = load_rubric(RUBRICS / name).licence
    assert licence is not None and licence.required_by_law is required_by_law


@pytest.mark.parametrize("name", RUBRIC_FILES)
def test_rubric_is_commented_for_hr(name: str) -> None:
    """An HR person edits these files: every field is explained where it is set."""
    lines = (RUBRICS / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# Rubric:")
    # Every line that sets a field explains it: a comment on the line, or on the line(s) just below it.
    for i, line in enumerate(lines):
        if re.match(r"^\s*(- )?[a-z_]+:", line):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            assert "#" in line or nxt.lstrip().startswith("#"), f"{name}:{i + 1}: {line.strip()} has no comment"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_samples", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


def test_generator_is_deterministic_and_text_outputs_are_current(tmp_path: Path) -> None:
    gen = _load_generator()
    try:
        gen._font_dir()
    except SystemExit as exc:
        pytest.skip(str(exc))
    a = gen.build_all(tmp_path / "a")
    b = gen.build_all(tmp_path / "b")
    assert [p.name for p in a] == SAMPLE_FILES
    for pa, pb in zip(a, b, strict=True):
        assert pa.read_bytes() == pb.read_bytes(), f"{pa.name} differs between two builds"
    for p in a:
        if p.suffix in {".txt", ".json"}:  # independent of library versions, so they must match the commit
            assert p.read_bytes() == (SAMPLES / p.name).read_bytes(), f"{p.name}: run scripts/make_samples.py"
        if p.suffix == ".docx":
            stamps = {i.date_time for i in zipfile.ZipFile(p).infolist()}
            assert stamps == {gen.ZIP_TIME}


def test_badge_urls_are_served_by_the_offline_map() -> None:
    """The résumés' badge URLs are the contract with sample_data/offline-map.json (written by the badge stage)."""
    offline_map = SAMPLES / "offline-map.json"
    if not offline_map.is_file():
        pytest.skip("sample_data/offline-map.json is not in this tree (written by the badge stage)")
    served = json.loads(offline_map.read_text(encoding="utf-8"))
    named = {u for name in SAMPLE_FILES for u in re.findall(r"https://badges\.northwind-skills\.example/[\w/.-]+",
                                                            sample_text(name))}
    assert named == {PRIYA_BADGE, JORDAN_FULLSTACK, JORDAN_PYTHON, EMILY_BADGE}
    assert named <= set(served), sorted(named - set(served))
    assert (SAMPLES / "badges" / "priya_raman_kubernetes.png").is_file(), "the baked badge Priya's résumé names"
