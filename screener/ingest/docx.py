"""Word (.docx) résumés: zip safety checks first, then the body XML walked in document order.

Paragraphs and tables come out where they stand, text boxes after the paragraph that anchors them (the
DrawingML choice only, never its VML fallback copy), headers first and footers last (each once). Runs that
are hidden (``w:vanish``), white or smaller than 4 pt are kept out of the text and reported.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from screener.errors import CorruptDocument, FileTooLarge, UnsupportedFileType
from screener.ingest.document import make_document
from screener.ingest.health import HiddenText
from screener.ingest.limits import DEFAULT_LIMITS, Limits, human_size, limit_label
from screener.ingest.normalize import BULLET, normalize_text
from screener.models import Document, Link

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEADER_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"

_ROW_CHARS = 300  # a table row longer than this is page layout, not a line of data
TINY_HALF_POINTS = 8  # w:sz is in half-points: below 8 means under 4 pt
_WHITE = re.compile(r"^(?:FFFFFF|FEFEFE|FDFDFD|FCFCFC|FBFBFB|FAFAFA)$", re.I)
_HYPERLINK_FIELD = re.compile(r'HYPERLINK\s+"([^"]+)"', re.I)
_FILLED_SHAPE_MARKERS = (b"fillcolor=", b"<a:solidFill", b'behindDoc="1"', b"<v:group", b"<a:gradFill", b"<a:blipFill")
# Entries below this size may compress very well without being a threat (tiny, repetitive XML).
_RATIO_MIN_ENTRY = 1024 * 1024


@lru_cache(maxsize=256)
def _q(tag: str) -> str:
    """Clark notation for a prefixed name: "w:p" → "{…wordprocessingml…}p"."""
    prefix, local = tag.split(":")
    return f"{{{ {'w': W, 'mc': MC, 'r': R}[prefix] }}}{local}"


def check_zip(data: bytes, file: str, limits: Limits) -> None:
    """Refuse archives that would be unsafe to unpack, before any XML is parsed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise CorruptDocument("not a valid Word document (the file is damaged)", file=file) from None
    if len(infos) > limits.max_docx_entries:
        raise CorruptDocument(
            f"the Word document has {len(infos)} parts inside (limit {limits.max_docx_entries}); it was not opened",
            file=file,
        )
    total = sum(i.file_size for i in infos)
    if total > limits.max_docx_uncompressed:
        raise FileTooLarge(
            f"the Word document unpacks to {human_size(total)}, over the "
            f"{limit_label(limits.max_docx_uncompressed)} limit; it was not opened",
            file=file,
        )
    packed = sum(i.compress_size for i in infos)
    for info in infos:
        name = info.filename.replace("\\", "/")
        if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in name.split("/"):
            raise CorruptDocument("the Word document contains unsafe file paths; it was not opened", file=file)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= _RATIO_MIN_ENTRY and ratio > limits.max_compression_ratio:
            raise CorruptDocument(
                f"the Word document is compressed suspiciously well ({ratio:.0f}:1, a 'zip bomb'); it was not opened",
                file=file,
            )
    if total >= _RATIO_MIN_ENTRY and total / max(packed, 1) > limits.max_compression_ratio:
        raise CorruptDocument(
            f"the Word document is compressed suspiciously well ({total / max(packed, 1):.0f}:1, a 'zip bomb'); "
            "it was not opened",
            file=file,
        )
    if "word/document.xml" not in {i.filename for i in infos}:
        raise CorruptDocument("not a valid Word document (the main document part is missing)", file=file)


@dataclass
class _RunStyle:
    vanish: bool | None = None
    color: str | None = None
    size: int | None = None

    def over(self, base: _RunStyle) -> _RunStyle:
        return _RunStyle(
            self.vanish if self.vanish is not None else base.vanish,
            self.color if self.color is not None else base.color,
            self.size if self.size is not None else base.size,
        )


def _on(el: Any) -> bool:
    val = el.get(_q("w:val"))
    return val is None or val.lower() not in ("0", "false", "off", "none")


def _rpr_style(rpr: Any) -> _RunStyle:
    style = _RunStyle()
    if rpr is None:
        return style
    for child in rpr:
        tag = child.tag
        if tag in (_q("w:vanish"), _q("w:specVanish")):
            style.vanish = _on(child)
        elif tag == _q("w:color"):
            style.color = child.get(_q("w:val"))
        elif tag == _q("w:sz"):
            with contextlib.suppress(ValueError):
                style.size = int(float(child.get(_q("w:val"), "")))
    return style


class _Styles:
    """Run properties of named styles (with their basedOn chains) and the document defaults."""

    def __init__(self, styles_el: Any | None) -> None:
        self._raw: dict[str, tuple[str | None, _RunStyle]] = {}
        self._numbered: dict[str, bool] = {}  # paragraph styles that carry list numbering (e.g. "List Bullet")
        self._resolved: dict[str, _RunStyle] = {}
        self.defaults = _RunStyle()
        if styles_el is None:
            return
        default = styles_el.find(f"{_q('w:docDefaults')}/{_q('w:rPrDefault')}/{_q('w:rPr')}")
        self.defaults = _rpr_style(default)
        for st in styles_el.iter(_q("w:style")):
            sid = st.get(_q("w:styleId"))
            if not sid:
                continue
            based = st.find(_q("w:basedOn"))
            self._numbered[sid] = st.find(f"{_q('w:pPr')}/{_q('w:numPr')}") is not None
            self._raw[sid] = (based.get(_q("w:val")) if based is not None else None, _rpr_style(st.find(_q("w:rPr"))))

    def is_list(self, sid: str | None, depth: int = 0) -> bool:
        if not sid or sid not in self._raw or depth > 20:
            return False
        return self._numbered.get(sid, False) or self.is_list(self._raw[sid][0], depth + 1)

    def get(self, sid: str | None, depth: int = 0) -> _RunStyle:
        if not sid or sid not in self._raw or depth > 20:
            return _RunStyle()
        if sid not in self._resolved:
            parent, own = self._raw[sid]
            self._resolved[sid] = own.over(self.get(parent, depth + 1))
        return self._resolved[sid]


@dataclass
class _Walker:
    styles: _Styles
    hidden: HiddenText
    links: list[Link] = field(default_factory=list)
    rels: dict[str, str] = field(default_factory=dict)
    # > 0 while inside a text box, a shape or a shaded cell/paragraph: white text there may sit on a dark fill,
    # so it is not treated as hidden (the fill colour of shapes is not resolved).
    coloured_ground: int = 0
    page_coloured: bool = False

    def hidden_code(self, style: _RunStyle) -> str | None:
        if style.vanish:
            return "hidden-text"
        if style.color and _WHITE.match(style.color) and not self.coloured_ground and not self.page_coloured:
            return "hidden-text"
        if style.size is not None and style.size < TINY_HALF_POINTS:
            return "tiny-text"
        return None

    # ---- blocks -------------------------------------------------------------------------------------------
    def blocks(self, parent: Any) -> list[str]:
        lines: list[str] = []
        for child in parent:
            tag = child.tag
            if tag == _q("w:p"):
                lines.extend(self.paragraph(child))
            elif tag == _q("w:tbl"):
                lines.extend(self.table(child))
            elif tag in (_q("w:sdt"), _q("w:customXml")):
                content = child.find(_q("w:sdtContent")) if tag == _q("w:sdt") else child
                if content is not None:
                    lines.extend(self.blocks(content))
            elif tag == _q("mc:AlternateContent"):
                choice = child.find(_q("mc:Choice"))
                if choice is not None:
                    lines.extend(self.blocks(choice))
        return lines

    def table(self, tbl: Any) -> list[str]:
        lines: list[str] = []
        for tr in tbl.iter(_q("w:tr")):
            if tr.getparent() is not tbl and tr.getparent().getparent() is not tbl:
                continue  # rows of a nested table are read with their cell
            cells: list[list[str]] = []
            for tc in tr.findall(_q("w:tc")):
                merge = tc.find(f"{_q('w:tcPr')}/{_q('w:vMerge')}")
                if merge is not None and merge.get(_q("w:val")) != "restart":
                    continue  # continuation of a vertically merged cell: its text is in the first cell
                shaded = _shaded(tc.find(_q("w:tcPr")))
                self.coloured_ground += shaded
                cells.append([line for line in self.blocks(tc) if line.strip()])
                self.coloured_ground -= shaded
            if all(len(c) <= 1 for c in cells) and sum(len(c[0]) for c in cells if c) <= _ROW_CHARS:
                # A data row: cells on one line, in column order. (A sidebar cell and a main cell written
                # as one long paragraph each are a layout row: joined they would read as one line.)
                row = " | ".join(c[0] for c in cells if c)
                if row:
                    lines.append(row)
            else:
                # A layout row (sidebar cell beside a main cell): each cell as its own block.
                for cell in cells:
                    lines.extend(cell)
        return lines

    def paragraph(self, p: Any) -> list[str]:
        ppr = p.find(_q("w:pPr"))
        pstyle_id = None
        is_list = False
        if ppr is not None:
            ps = ppr.find(_q("w:pStyle"))
            pstyle_id = ps.get(_q("w:val")) if ps is not None else None
            is_list = ppr.find(_q("w:numPr")) is not None or self.styles.is_list(pstyle_id)
        base = self.styles.get(pstyle_id).over(self.styles.defaults)
        state = _ParaState(base=base)
        shaded = _shaded(ppr)
        self.coloured_ground += shaded
        self.inline(p, state)
        self.coloured_ground -= shaded
        text = "".join(state.parts)
        lines: list[str] = []
        if text.strip():
            if is_list and not text.lstrip().startswith(("•", "-", "–", "*")):
                text = BULLET + text.lstrip()
            lines.extend(text.split("\n"))
        self.coloured_ground += 1
        for box in state.boxes:
            lines.extend(self.blocks(box))
        self.coloured_ground -= 1
        return lines

    # ---- inline content -----------------------------------------------------------------------------------
    def inline(self, parent: Any, state: _ParaState) -> None:
        for child in parent:
            tag = child.tag
            if tag == _q("w:r"):
                self.run(child, state)
            elif tag == _q("w:hyperlink"):
                start = len(state.parts)
                self.inline(child, state)
                rid = child.get(_q("r:id"))
                url = self.rels.get(rid or "")
                if url:
                    anchor = " ".join("".join(state.parts[start:]).split())
                    self.links.append(Link(url=url, text=anchor, source="docx-hyperlink"))
            elif tag == _q("w:fldSimple"):
                start = len(state.parts)
                self.inline(child, state)
                m = _HYPERLINK_FIELD.search(child.get(_q("w:instr"), ""))
                if m:
                    anchor = " ".join("".join(state.parts[start:]).split())
                    self.links.append(Link(url=m.group(1), text=anchor, source="docx-hyperlink"))
            elif tag in (_q("w:del"), _q("w:moveFrom"), _q("w:pPr"), _q("w:rPr")):
                continue  # deleted revisions and properties are not text
            elif tag == _q("mc:AlternateContent"):
                choice = child.find(_q("mc:Choice"))
                if choice is not None:
                    self.inline(choice, state)
            elif tag in _CONTAINERS:
                self.inline(child, state)

    def run(self, r: Any, state: _ParaState) -> None:
        rpr = r.find(_q("w:rPr"))
        style = _rpr_style(rpr)
        rstyle = rpr.find(_q("w:rStyle")) if rpr is not None else None
        if rstyle is not None:
            style = style.over(self.styles.get(rstyle.get(_q("w:val"))))
        shaded = _shaded(rpr)
        self.coloured_ground += shaded
        code = self.hidden_code(style.over(state.base))
        self.coloured_ground -= shaded
        for child in r:
            tag = child.tag
            piece = ""
            if tag == _q("w:t"):
                piece = child.text or ""
            elif tag == _q("w:tab"):
                piece = "\t"
            elif tag in (_q("w:br"), _q("w:cr")):
                piece = "\n"
            elif tag == _q("w:noBreakHyphen"):
                piece = "-"
            elif tag == _q("w:instrText"):
                m = _HYPERLINK_FIELD.search(child.text or "")
                if m:
                    state.field_url = m.group(1)
                continue
            elif tag == _q("w:fldChar"):
                kind = child.get(_q("w:fldCharType"))
                if kind == "separate" and state.field_url:
                    state.field_start = len(state.parts)
                elif kind == "end" and state.field_url and state.field_start is not None:
                    anchor = " ".join("".join(state.parts[state.field_start :]).split())
                    self.links.append(Link(url=state.field_url, text=anchor, source="docx-hyperlink"))
                    state.field_url, state.field_start = None, None
                continue
            elif tag in (_q("w:drawing"), _q("w:pict")):
                state.boxes.extend(_text_boxes(child))
                continue
            elif tag == _q("mc:AlternateContent"):
                choice = child.find(_q("mc:Choice"))
                if choice is not None:
                    state.boxes.extend(_text_boxes(choice))
                continue
            else:
                continue
            if code is not None:
                self.hidden.add(code, piece)
            else:
                state.parts.append(piece)


@dataclass
class _ParaState:
    base: _RunStyle
    parts: list[str] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)
    field_url: str | None = None
    field_start: int | None = None


_CONTAINERS = frozenset(_q(t) for t in ("w:ins", "w:smartTag", "w:customXml", "w:sdt", "w:sdtContent", "w:moveTo"))


def _shaded(props: Any) -> int:
    """1 when a properties element (pPr, tcPr, rPr) gives a non-white shading or highlight, else 0."""
    if props is None:
        return 0
    shd = props.find(_q("w:shd"))
    if shd is not None:
        fill = (shd.get(_q("w:fill")) or "auto").upper()
        if fill not in ("AUTO", "FFFFFF") or shd.get(_q("w:themeFill")):
            return 1
    highlight = props.find(_q("w:highlight"))
    if highlight is not None and highlight.get(_q("w:val"), "none") not in ("none", "white"):
        return 1
    return 0


def _text_boxes(el: Any) -> Iterator[Any]:
    """Outermost w:txbxContent elements under ``el`` (inside drawings or VML shapes)."""
    tag = _q("w:txbxContent")
    for box in el.iter(tag):
        ancestor = box.getparent()
        nested = False
        while ancestor is not None and ancestor is not el:
            if ancestor.tag == tag:
                nested = True
                break
            ancestor = ancestor.getparent()
        if not nested:
            yield box


def _external_rels(part: Any) -> dict[str, str]:
    return {rid: rel.target_ref for rid, rel in part.rels.items() if rel.is_external}


_SPLIT_HEAD = re.compile(r"[b-zB-HJ-Z0-9]")


def _continues(head: str, tail: str) -> bool:
    """Whether ``tail`` is the rest of a word whose first character ``head`` a converter split off."""
    if head.isdigit():
        return tail[0].isdigit()
    if tail[0].islower():
        return len(tail) > 1 or not tail.isalpha() or head.islower()
    return head.isupper() and tail[0] in "+#"


def _heads(word: str, following: str) -> bool:
    """Whether a single character opens the word split off after it ('w ide')."""
    return len(following) > 1 and following[0].islower() and word.isalpha()


def _split_pairs(words: list[str]) -> int:
    return sum(
        1
        for a, b in zip(words, words[1:], strict=False)
        if len(a) == 1 and b and _SPLIT_HEAD.match(a) and _continues(a, b)
    )


def _rejoin_split_words(text: str) -> str:
    """Undo a PDF converter's damage that splits each word after its first character ('S oware E ngineer',
    'December 2 019 - p resent'): only when the document shows the damage throughout (a sixth of its words), and only on the lines
    that show it (single-letter words 'a' and 'I' join their neighbour only on a line damaged twice)."""
    lines = text.split("\n")
    split_lines = [line.split(" ") for line in lines]
    counts = [_split_pairs(words) for words in split_lines]
    if sum(counts) < 10 or sum(counts) < 0.15 * len(text.split()):  # damaged texts: ~1/3 of words; clean: <2%
        return text
    out = []
    for line, words, count in zip(lines, split_lines, counts, strict=True):
        if not count:
            out.append(line)
            continue
        joined: list[str] = []
        i = 0
        while i < len(words):
            w = words[i]
            if (
                len(w) == 1
                and w.isalnum()
                and (count > 1 or _SPLIT_HEAD.match(w))
                and i + 1 < len(words)
                and words[i + 1]
                and _continues(w, words[i + 1])
                and not (len(words[i + 1]) == 1 and i + 2 < len(words) and _heads(words[i + 1], words[i + 2]))
            ):
                joined.append(w + words[i + 1])
                i += 2
                continue
            joined.append(w)
            i += 1
        out.append(" ".join(joined))
    return "\n".join(out)


@lru_cache(maxsize=1)
def _ligature_repairs() -> dict[str, str]:
    """damaged form → word (data/ligature_words.tsv, built by scripts/build_ligature_words.py)."""
    from importlib import resources

    raw = resources.files("screener.ingest").joinpath("data/ligature_words.tsv").read_text("utf-8")
    return dict(line.split("\t", 1) for line in raw.splitlines() if line and not line.startswith("#"))


_LETTERS = re.compile(r"[A-Za-z]{4,}")


def _restore_ligatures(text: str) -> str:
    """Put back the letters a PDF converter dropped with their ligature glyphs ('Soware Engineer', 'applicaons',
    'eld' → 'Software Engineer', 'applications', 'field'): only in a document with at least three different damaged
    words, and only words that are no word themselves; the case of the damaged word is kept."""
    repairs = _ligature_repairs()
    damaged = {w.lower() for w in _LETTERS.findall(text) if w.lower() in repairs}
    if len(damaged) < 3:
        return text

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        repaired = repairs.get(word.lower())
        if repaired is None:
            return word
        if word.isupper():
            return repaired.upper()
        return repaired.capitalize() if word[0].isupper() else repaired

    return _LETTERS.sub(fix, text)


def read_docx(data: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    check_zip(data, file, limits)
    import docx  # python-docx; imported here so PDF-only batches do not pay for lxml parsing set-up
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "macroEnabled" in str(exc):
            raise UnsupportedFileType(
                "macro-enabled Word documents (.docm) are not accepted", file=file, hint="save it as .docx or PDF"
            ) from None
        raise CorruptDocument("not a valid Word document (the file is damaged)", file=file) from None
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, OSError, SyntaxError, EOFError):
        raise CorruptDocument("not a valid Word document (the file is damaged)", file=file) from None
    except Exception as exc:  # lxml.etree.XMLSyntaxError and relatives: malformed XML parts
        if type(exc).__module__.startswith("lxml"):
            raise CorruptDocument("not a valid Word document (the file is damaged)", file=file) from None
        raise
    try:
        styles_el = word.styles.element
    except (KeyError, ValueError):
        styles_el = None
    hidden = HiddenText()
    walker = _Walker(styles=_Styles(styles_el), hidden=hidden)
    # White text over a filled shape drawn behind the text (sidebars, banners, converted PDFs) is visible;
    # shape geometry is not resolved, so any filled or behind-text shape makes white text count as visible.
    body_xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    if any(marker in body_xml for marker in _FILLED_SHAPE_MARKERS):
        walker.page_coloured = True
    background = word.element.find(_q("w:background"))
    if background is not None and (background.get(_q("w:color")) or "FFFFFF").upper() not in ("FFFFFF", "AUTO"):
        walker.page_coloured = True
    main = word.part
    walker.rels = _external_rels(main)
    body_lines = walker.blocks(word.element.body)

    def part_lines(reltype: str) -> list[str]:
        lines: list[str] = []
        seen: set[str] = set()
        parts = sorted(
            (rel.target_part for rel in main.rels.values() if rel.reltype == reltype and not rel.is_external),
            key=lambda p: str(p.partname),
        )
        for part in parts:
            walker.rels = _external_rels(part)
            text_lines = walker.blocks(part.element)
            key = "\n".join(text_lines).strip()
            if key and key not in seen:
                seen.add(key)
                lines.extend(text_lines)
        return lines

    header_lines = part_lines(_HEADER_RT)
    footer_lines = part_lines(_FOOTER_RT)
    text = _restore_ligatures(_rejoin_split_words(normalize_text("\n".join(header_lines + body_lines + footer_lines))))
    props = word.core_properties
    metadata = {k: v for k, v in (("title", props.title), ("author", props.author)) if v}
    return make_document(
        file=file, kind="docx", data=data, pages=[text], links=walker.links, metadata=metadata, hidden=hidden
    )
