"""Hostile applicant inputs shared by the app tests: a résumé and a badge whose text carries Markdown/HTML that
would make a browser fetch an outside URL (a tracking pixel) or show a live link if it were ever rendered."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIXEL = "http://203.0.113.9/px.png"  # TEST-NET-3: never routable, so a leak is seen and harmless
IMG = f"![p]({PIXEL})"
LINK = "[click me](http://203.0.113.9/go)"
HTML_IMG = '<img src="http://203.0.113.9/html.png">'
AUTOLINK = "www.tracker-203-0-113-9.example/t"
# Every form a reviewer's browser could be tricked by; none may reach a rendered element as syntax.
MARKERS = (IMG, LINK, HTML_IMG, AUTOLINK, ":red[alert]", "$x^2$")

RESUME_NAME = "mallory_hostile_financial_analyst.txt"
BADGE_NAME = "mallory_hostile_pm.json"


def hostile_resume() -> str:
    return f"""Mallory {IMG} Hostile
Financial Analyst {LINK}
Atlanta, GA * (404) 555-0100 * mallory@example.net

Profile:
Financial analyst {IMG} with budgeting, variance analysis and Excel experience. {HTML_IMG} {AUTOLINK}
:red[alert] $x^2$ <script>alert(1)</script>

Work History:

Financial Analyst {IMG}, Evil Corp {LINK}, Atlanta, GA
Aug. 2020 - Present
  * Prepared the monthly variance analysis {IMG} in Excel and SAP for 14 clinics.
  * Built the annual budget and rolling forecast {LINK}.

Education:
Bachelor of Science {IMG} in Accounting, University of {LINK}, Accra, Ghana, 2012 - 2016

Certifications:
  * Project management badge https://badges.northwind-skills.example/credentials/c0ffee00-project-management
"""


def hostile_badge() -> bytes:
    """An Open Badges 3.0 credential (its proof no longer matches) with Markdown in its achievement and issuer."""
    src = ROOT / "sample_data" / "badges" / "emily_carter_project_management_FORGED.json"
    data = json.loads(src.read_text(encoding="utf-8"))
    data["name"] = f"Badge {IMG} {LINK}"
    data["issuer"]["name"] = f"Issuer {IMG} {HTML_IMG}"
    data["credentialSubject"]["achievement"]["name"] = f"Project management {IMG} {LINK}"
    return json.dumps(data).encode()


def write_inputs(folder: Path) -> list[Path]:
    """Write the hostile résumé and its badge file (matched to it by file name) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    cv = folder / RESUME_NAME
    cv.write_text(hostile_resume(), encoding="utf-8")
    badge = folder / BADGE_NAME
    badge.write_bytes(hostile_badge())
    return [cv, badge]


DOCX_NAME = "mallory_hyperlink_cv.docx"
DOCX_BADGE_URL = "https://www.credly.com/badges/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"


def hostile_docx() -> bytes:
    """A DOCX résumé whose badge hyperlink has Markdown (an image and a link) as its visible text."""
    import io

    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    doc.add_paragraph("Mallory Hyperlink")
    doc.add_paragraph("mallory.hyperlink@example.net")
    doc.add_paragraph("Summary")
    doc.add_paragraph(f"Financial analyst {IMG} with budgeting and variance analysis in Excel.")
    doc.add_paragraph("Badges")
    para = doc.add_paragraph("Badge: ")
    rel = para.part.relate_to(DOCX_BADGE_URL, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = f"{IMG} {LINK}"
    run.append(text)
    link.append(run)
    para._p.append(link)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
