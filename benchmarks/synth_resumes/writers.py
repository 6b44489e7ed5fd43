"""Write résumé lines into DOCX (paragraphs, tables, text boxes, headers, break-joined lines) and PDF
(one column, or a side bar beside a main column) with python-docx and reportlab."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.shared import Inches, Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class Line:
    """One line of a résumé: ``kind`` is name, heading, strong (bold text), text or bullet; ``right`` is text set
    flush right on the same line (a tab stop in Word, right-aligned in a PDF); ``left`` is text in a PDF's date
    column, on the same baseline."""

    text: str
    kind: str = "text"
    right: str = ""
    left: str = ""


BOLD = ("name", "heading", "strong")


def docx_document() -> Any:
    doc = new_docx()
    doc.styles["Normal"].font.size = Pt(10)
    return doc


def add_line(target: Any, line: Line, paragraph: Any = None) -> Any:
    """Add ``line`` to a document, table cell or header (into ``paragraph`` when given)."""
    style = "List Bullet" if line.kind == "bullet" and hasattr(target, "styles") else None
    para = paragraph if paragraph is not None else target.add_paragraph(style=style)
    text = line.text if style or line.kind != "bullet" else f"• {line.text}"
    run = para.add_run(text)
    run.bold = line.kind in BOLD
    if line.kind == "name":
        run.font.size = Pt(16)
    if line.right:
        para.paragraph_format.tab_stops.add_tab_stop(Inches(6.3), WD_TAB_ALIGNMENT.RIGHT)
        para.add_run("\t" + line.right)
    return para


def add_lines(target: Any, lines: Iterable[Line], first: Any = None) -> None:
    """Add lines to ``target``; ``first`` is an empty paragraph to fill first (a new table cell has one)."""
    for line in lines:
        add_line(target, line, first)
        first = None


def add_broken_paragraph(target: Any, texts: Sequence[str]) -> None:
    """One paragraph holding several lines separated by line breaks (as PDF-to-Word converters write)."""
    para = target.add_paragraph()
    for i, text in enumerate(texts):
        run = para.add_run(text)
        if i < len(texts) - 1:
            run.add_break()


_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml"')


def _box_paragraphs(lines: Iterable[Line]) -> str:
    out = []
    for line in lines:
        bold = "<w:rPr><w:b/></w:rPr>" if line.kind in BOLD else ""
        text = f"• {line.text}" if line.kind == "bullet" else line.text
        right = f'<w:r><w:tab/><w:t xml:space="preserve">{escape(line.right)}</w:t></w:r>' if line.right else ""
        out.append(f'<w:p><w:r>{bold}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>{right}</w:p>')
    return "".join(out)


def add_text_box(doc: Any, lines: Sequence[Line], box_id: int) -> None:
    """A paragraph anchoring a text box that holds ``lines``, written as Word writes it: a DrawingML shape
    with a VML fallback of the same text (a reader must take one of the two, not both)."""
    body = _box_paragraphs(lines)
    height = 200000 * (len(lines) + 1)
    xml = (
        f'<w:p {_NS}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="5760000" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{box_id}" name="Text Box {box_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="5760000" cy="{height}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape id="box{box_id}" type="#_x0000_t202" style="width:453pt;height:'
        f'{12 * (len(lines) + 1)}pt"><v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r></w:p>'
    )
    anchor = doc.add_paragraph()
    anchor._p.getparent().replace(anchor._p, parse_xml(xml))


# --- PDF ---------------------------------------------------------------------------------------------------------

_FONTS = {"name": ("Helvetica-Bold", 16.0), "heading": ("Helvetica-Bold", 11.0), "text": ("Helvetica", 9.5),
          "bullet": ("Helvetica", 9.5), "strong": ("Helvetica-Bold", 9.5)}
_TOP, _BOTTOM = A4[1] - 50, 50


@dataclass(frozen=True)
class _Op:
    x: float
    y: float
    text: str
    font: str
    size: float
    flush_right: bool = False


def _layout(lines: Iterable[Line], x: float, width: float, gutter: float = 0.0) -> list[list[_Op]]:
    """Place lines in a column of ``width`` points at ``x``: one list of draw operations per page. With a
    ``gutter``, lines other than the name and headings start that far right and their ``left`` text (dates)
    sits in the gutter on the same baseline."""
    pages: list[list[_Op]] = [[]]
    y = _TOP
    for line in lines:
        font, size = _FONTS[line.kind]
        if line.kind == "heading":
            y -= 6
        indented = gutter if line.kind not in ("name", "heading") else 0.0
        x0, room0 = x + indented, width - indented
        indent = 10.0 if line.kind == "bullet" else 0.0
        room = room0 - indent - (8 + len(line.right) * size * 0.5 if line.right else 0)
        chunks = simpleSplit(line.text, font, size, room) or [""]
        for i, chunk in enumerate(chunks):
            if y < _BOTTOM:
                pages.append([])
                y = _TOP
            if line.left and i == 0:
                pages[-1].append(_Op(x, y, line.left, "Helvetica", size))
            if line.kind == "bullet" and i == 0:
                pages[-1].append(_Op(x0, y, "•", font, size))
            pages[-1].append(_Op(x0 + indent, y, chunk, font, size))
            if line.right and i == 0:
                pages[-1].append(_Op(x + width, y, line.right, font, size, flush_right=True))
            y -= size + 3.5
    return pages


def write_pdf(path: Path, main: Sequence[Line], side: Sequence[Line] = (), gutter: float = 0.0) -> None:
    """A PDF with ``main`` in one column (with a date column ``gutter`` points wide), or beside a side bar holding
    ``side`` when it is given."""
    columns = ([_layout(main, 50, A4[0] - 100, gutter)] if not side
               else [_layout(side, 40, 150), _layout(main, 215, 340)])
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for page in range(max(len(c) for c in columns)):
        for column in columns:
            for op in column[page] if page < len(column) else []:
                canvas.setFont(op.font, op.size)
                if op.flush_right:
                    canvas.drawRightString(op.x, op.y, op.text)
                else:
                    canvas.drawString(op.x, op.y, op.text)
        canvas.showPage()
    canvas.save()


def write_pdf_or_docx(stem: Path, lines: Sequence[Line], rng: Any, pdf_share: float) -> Path:
    """The lines as a PDF (a ``pdf_share`` of the time, by ``rng``) or a DOCX next to ``stem``; the file's path."""
    if rng.random() < pdf_share:
        write_pdf(path := stem.with_suffix(".pdf"), list(lines))
        return path
    doc = docx_document()
    add_lines(doc, lines)
    doc.save(str(path := stem.with_suffix(".docx")))
    return path
