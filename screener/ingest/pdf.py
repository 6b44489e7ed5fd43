"""PDF résumés: text in reading order from pypdfium2 character boxes, hidden-text checks, link annotations.

Per page: every character's loose box and its text object (fill colour, render mode) come from the raw
PDFium API through lean ctypes prototypes (the per-character calls dominate the cost). Characters that
are invisible (render mode 3/7, background colour, fully transparent), tiny (< 4 pt) or off the page are
kept out of the text and reported. Visible characters become words; ``layout.py`` puts the words of a
page in reading order (columns, sidebars, right-margin dates).
"""

from __future__ import annotations

import ctypes
import re
import struct
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from screener.errors import CorruptDocument, EmptyDocument, EncryptedDocument, NoTextLayer
from screener.ingest import ocr
from screener.ingest.document import make_document
from screener.ingest.health import HiddenText
from screener.ingest.layout import page_lines
from screener.ingest.limits import DEFAULT_LIMITS, Limits
from screener.ingest.normalize import normalize_chars, normalize_text
from screener.models import Document, Link

TINY_PT = 4.0
# A loose character box is about 1.0–1.3 em tall; only boxes under this height get the exact font size query.
_TINY_BOX_PT = 5.5
_OFF_PAGE_MARGIN = 1.0
# Channel distance under which text counts as the colour of what it is drawn on.
_SAME_COLOUR = 40
_RENDER_INVISIBLE = (3, 7)
_RENDER_STROKE = (1, 5)
_RECT = struct.Struct("4f")  # FS_RECTF as laid out in memory
_RGBA = struct.Struct("4I")  # four unsigned ints: r, g, b, a
_UNKNOWN = "?"  # a text object not classified yet (its background decides)
# Characters that end a word without a box of their own: white space (exactly what str.isspace accepts, all
# below U+3001) and PDFium's marks for a hyphen at a line break.
_BREAKS = frozenset(c for c in map(chr, range(0x3001)) if c.isspace()) | {"\x02", "\ufffe"}


def _fast(fn: Any, restype: Any, *argtypes: Any) -> Any:
    """A ctypes prototype for a PDFium function taking plain ints/void pointers (skips per-call type checks)."""
    address = ctypes.cast(fn, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)  # type: ignore[arg-type]


_vp, _int, _dbl = ctypes.c_void_p, ctypes.c_int, ctypes.c_double
_loose_box = _fast(pdfium_c.FPDFText_GetLooseCharBox, _int, _vp, _int, _vp)
_text_object = _fast(pdfium_c.FPDFText_GetTextObject, _vp, _vp, _int)
_font_size = _fast(pdfium_c.FPDFText_GetFontSize, _dbl, _vp, _int)
_fill_colour = _fast(pdfium_c.FPDFPageObj_GetFillColor, _int, _vp, _vp, _vp, _vp, _vp)
_stroke_colour = _fast(pdfium_c.FPDFPageObj_GetStrokeColor, _int, _vp, _vp, _vp, _vp, _vp)
_render_mode = _fast(pdfium_c.FPDFTextObj_GetTextRenderMode, _int, _vp)
_get_object = _fast(pdfium_c.FPDFPage_GetObject, _vp, _vp, _int)
_object_type = _fast(pdfium_c.FPDFPageObj_GetType, _int, _vp)
_count_objects = _fast(pdfium_c.FPDFPage_CountObjects, _int, _vp)
_bounds = _fast(pdfium_c.FPDFPageObj_GetBounds, _int, _vp, _vp, _vp, _vp, _vp)
_draw_mode = _fast(pdfium_c.FPDFPath_GetDrawMode, _int, _vp, _vp, _vp)


def _addr(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


@dataclass
class Word:
    x0: float
    y0: float  # bottom
    x1: float
    y1: float  # top
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class PageText:
    lines: list[str]
    multi_column: bool = False
    hidden: HiddenText = field(default_factory=HiddenText)
    has_chars: bool = False


@dataclass
class _Shape:
    index: int
    box: tuple[float, float, float, float]  # left, bottom, right, top
    colour: tuple[int, int, int] | None  # None: an image (colour unknown)


class _PageStyles:
    """Visibility of each text object on one page, computed once per object."""

    def __init__(self, page_raw: object) -> None:
        self._page = page_raw
        self._cache: dict[int, str | None] = {}
        self._shapes: list[_Shape] | None = None
        self._index: dict[int, int] | None = None  # object address -> drawing order (built when needed)
        self._objects: list[tuple[int, int]] = []  # (address, FPDF_PAGEOBJ_* kind) in drawing order
        # top-level text objects with their render mode and colour, read in the same pass as the shapes
        self._texts: list[tuple[int, int, tuple[int, int, int, int] | None]] = []
        self._blend: dict[tuple[int, int, int], bool] = {}
        self._rgba = (ctypes.c_uint * 4)()
        base = ctypes.addressof(self._rgba)
        self._rgba_p = tuple(base + k * ctypes.sizeof(ctypes.c_uint) for k in range(4))

    def _colour(self, obj: int, stroke: bool) -> tuple[int, int, int, int] | None:
        fn = _stroke_colour if stroke else _fill_colour
        if not fn(obj, *self._rgba_p):
            return None
        return _RGBA.unpack_from(self._rgba)  # type: ignore[return-value]

    def _load_shapes(self) -> list[_Shape]:
        """One pass over the page's objects: filled shapes and images (with their boxes), and every top-level
        text object's render mode and colour (what ``prepare`` classifies)."""
        shapes: list[_Shape] = []
        page = _addr(self._page)
        count = _count_objects(page)
        box = (ctypes.c_float * 4)()
        base = ctypes.addressof(box)
        box_p = tuple(base + k * ctypes.sizeof(ctypes.c_float) for k in range(4))
        modes = (ctypes.c_int * 2)()
        fill_p, stroke_p = ctypes.addressof(modes), ctypes.addressof(modes) + ctypes.sizeof(ctypes.c_int)
        path, image, text_kind = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_TEXT
        objects, texts = self._objects, self._texts
        get_object, object_type, render_mode, colour_of = _get_object, _object_type, _render_mode, self._colour
        for i in range(count):
            address = get_object(page, i) or 0
            kind = object_type(address)
            objects.append((address, kind))
            if kind == text_kind:
                mode = render_mode(address)
                texts.append((address, mode, None if mode in _RENDER_INVISIBLE
                              else colour_of(address, mode in _RENDER_STROKE)))
                continue
            if kind != path and kind != image:
                continue
            if not _bounds(address, *box_p):
                continue
            bounds = (box[0], box[1], box[2], box[3])
            if kind == image:
                shapes.append(_Shape(i, bounds, None))
                continue
            _draw_mode(address, fill_p, stroke_p)
            if modes[0] == 0:
                continue
            colour = colour_of(address, False)
            if colour is None or colour[3] < 128:
                continue
            shapes.append(_Shape(i, bounds, colour[:3]))
        return shapes

    def background(self, obj: int, x: float, y: float) -> tuple[int, int, int] | None:
        """Colour under point (x, y) when the text object is drawn: last filled shape before it, else white."""
        if self._shapes is None:
            self._shapes = self._load_shapes()
        if self._index is None:
            self._index = {address: i for i, (address, _) in enumerate(self._objects)}
        order = self._index.get(obj, 1 << 30)
        for shape in reversed(self._shapes):
            left, bottom, right, top = shape.box
            if shape.index < order and left <= x <= right and bottom <= y <= top:
                return shape.colour
        return (255, 255, 255)

    def prepare(self) -> bool:
        """Classify every top-level text object of the page once (one pass over the objects instead of one
        lookup per glyph). Objects whose colour could match what lies under them stay unclassified: their
        background is looked up at their first glyph, as ``hidden_code`` does. True when no glyph of the page
        can be hidden by its style (no hidden or doubtful text object, no form XObject that could nest one)."""
        if self._shapes is None:
            self._shapes = self._load_shapes()
        all_visible = not any(kind == pdfium_c.FPDF_PAGEOBJ_FORM for _, kind in self._objects)
        blend, cache = self._blend, self._cache
        for obj, mode, colour in self._texts:
            if obj in cache:
                continue
            if mode in _RENDER_INVISIBLE:
                cache[obj] = "hidden-text"
                all_visible = False
            elif colour is None:
                cache[obj] = None
            elif colour[3] == 0:
                cache[obj] = "hidden-text"
                all_visible = False
            elif blend.get(colour[:3]) if colour[:3] in blend else self._may_blend(colour[:3]):
                all_visible = False  # decided per object at its first glyph (needs that glyph's position)
            else:
                cache[obj] = None
        return all_visible

    def hidden_code(self, obj: int, x: float, y: float) -> str | None:
        """``"hidden-text"`` when the object's glyphs cannot be seen, else None."""
        if obj in self._cache:
            return self._cache[obj]
        code: str | None = None
        mode = _render_mode(obj)
        if mode in _RENDER_INVISIBLE:
            code = "hidden-text"
        else:
            colour = self._colour(obj, stroke=mode in _RENDER_STROKE)
            if colour is not None:
                if colour[3] == 0:
                    code = "hidden-text"
                elif self._may_blend(colour[:3]):
                    bg = self.background(obj, x, y)
                    if bg is not None and _close(colour[:3], bg):
                        code = "hidden-text"
        self._cache[obj] = code
        return code

    def _may_blend(self, rgb: tuple[int, int, int]) -> bool:
        """Whether text of this colour could match what lies under it (white paper or some filled shape)."""
        if rgb in self._blend:
            return self._blend[rgb]
        if self._shapes is None:
            self._shapes = self._load_shapes()
        result = _close(rgb, (255, 255, 255)) or any(
            s.colour is not None and _close(rgb, s.colour) for s in self._shapes
        )
        self._blend[rgb] = result
        return result


def _close(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    return abs(a[0] - b[0]) < _SAME_COLOUR and abs(a[1] - b[1]) < _SAME_COLOUR and abs(a[2] - b[2]) < _SAME_COLOUR


def _page_words(page: pdfium.PdfPage, styles: _PageStyles, textpage: Any = None) -> tuple[list[Word], HiddenText, bool]:
    """Visible words of one page (in content order) and the text kept out as hidden/tiny/off-page. A text page
    passed in stays open (the caller reuses it for link anchors); one loaded here is closed."""
    own = textpage is None
    if own:
        textpage = pdfium_c.FPDFText_LoadPage(page.raw)
    hidden = HiddenText()
    words: list[Word] = []
    try:
        n = pdfium_c.FPDFText_CountChars(textpage)
        if n <= 0:
            return [], hidden, False
        buf = ctypes.create_string_buffer((n * 2 + 1) * 2)
        pdfium_c.FPDFText_GetText(textpage, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
        text = buf.raw.decode("utf-16-le", errors="replace").split("\x00", 1)[0]
        if len(text) != n:  # characters outside the BMP: fall back to one code point per index
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 32) for i in range(n))
        left, bottom, right, top = page.get_cropbox()
        lo_x, hi_x = left - _OFF_PAGE_MARGIN, right + _OFF_PAGE_MARGIN
        lo_y, hi_y = bottom - _OFF_PAGE_MARGIN, top + _OFF_PAGE_MARGIN
        tp = _addr(textpage)
        rect = pdfium_c.FS_RECTF()
        rect_p = ctypes.addressof(rect)
        unpack_rect = _RECT.unpack_from  # left, top, right, bottom: one call instead of four attribute reads
        # With no text object that could be hidden, no glyph needs its text object looked up.
        all_visible = styles.prepare()
        cache_get = styles._cache.get
        loose_box, text_object, font_size = _loose_box, _text_object, _font_size
        append_word = words.append
        chars: list[str] | None = None  # the word being built, with its box wx0, wy0, wx1, wy1
        wx0 = wy0 = wx1 = wy1 = 0.0
        last_hidden: dict[str, int] = {}
        has_chars = False
        prev_x0 = 0.0
        # the box centre is on the page when the sum of two edges is within twice the limits (halving is exact)
        lo_x2, hi_x2, lo_y2, hi_y2 = 2 * lo_x, 2 * hi_x, 2 * lo_y, 2 * hi_y
        for i, ch in enumerate(text):
            if ch in _BREAKS:
                if ch == "\x02" or ch == "\ufffe":  # PDFium's mark for a hyphen at a line break: no box of its own
                    if chars is not None:
                        chars.append("-")
                elif chars is not None:  # white space
                    append_word(Word(wx0, wy0, wx1, wy1, "".join(chars)))
                    chars = None
                continue
            has_chars = True
            loose_box(tp, i, rect_p)
            x0, y1, x1, y0 = unpack_rect(rect)
            code: str | None = None
            if (all_visible and lo_x2 <= x0 + x1 <= hi_x2 and lo_y2 <= y0 + y1 <= hi_y2
                    and y1 - y0 >= _TINY_BOX_PT):
                pass  # on the page, no text object that could be hidden, too tall to be tiny: visible
            elif (x0 + x1 < lo_x2 or x0 + x1 > hi_x2 or y0 + y1 < lo_y2 or y0 + y1 > hi_y2):
                code = "off-page-text"
            else:
                cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
                if not all_visible:
                    obj = text_object(tp, i)
                    if obj:
                        code = cache_get(obj, _UNKNOWN)
                        if code is _UNKNOWN:
                            code = styles.hidden_code(obj, cx, cy)
                if code is None and (y1 - y0) < _TINY_BOX_PT and 0 < font_size(tp, i) < TINY_PT:
                    code = "tiny-text"
            if code is not None:
                bucket = hidden.parts.setdefault(code, [])
                if last_hidden.get(code, -2) != i - 1:
                    bucket.append(" ")
                bucket.append(ch)
                last_hidden[code] = i
                if chars is not None:
                    append_word(Word(wx0, wy0, wx1, wy1, "".join(chars)))
                    chars = None
                continue
            h = y1 - y0
            if chars is not None:
                overlap = (y1 if y1 < wy1 else wy1) - (y0 if y0 > wy0 else wy0)
                word_h = wy1 - wy0
                unit = h if h > 1.0 else 1.0
                # Ligature glyphs ("ft", "fi") give two characters one box, so going back is measured from
                # the previous character's left edge, not the word's right edge.
                if (overlap < 0.5 * (h if h < word_h else word_h) or x0 - wx1 > 0.15 * unit
                        or x0 < prev_x0 - 0.5 * unit):
                    append_word(Word(wx0, wy0, wx1, wy1, "".join(chars)))
                    chars = None
            prev_x0 = x0
            if chars is None:
                wx0, wy0, wx1, wy1, chars = x0, y0, x1, y1, [ch]
            else:
                if x0 < wx0:
                    wx0 = x0
                if y0 < wy0:
                    wy0 = y0
                if x1 > wx1:
                    wx1 = x1
                if y1 > wy1:
                    wy1 = y1
                chars.append(ch)
        if chars is not None:
            append_word(Word(wx0, wy0, wx1, wy1, "".join(chars)))
        return words, hidden, has_chars
    finally:
        if own:
            pdfium_c.FPDFText_ClosePage(textpage)


def read_page(page: pdfium.PdfPage, textpage: Any = None) -> PageText:
    styles = _PageStyles(page.raw)
    words, hidden, has_chars = _page_words(page, styles, textpage)
    lines, multi = page_lines(words)
    return PageText(lines=lines, multi_column=multi, hidden=hidden, has_chars=has_chars)


_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:page\s*)?\d{1,3}\s*(?:(?:of|/)\s*\d{1,3})?\s*$|^\s*[-–]\s*\d{1,3}\s*[-–]\s*$|\bpage\s+\d{1,3}\s*(?:of|/)\s*\d{1,3}\b",
    re.I,
)


def _line_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def remove_running_lines(pages: list[list[str]], edge: int = 2) -> list[list[str]]:
    """Drop page numbers, and header/footer lines repeated at the top or bottom of most pages (kept on page 1)."""
    if not pages:
        return pages
    counts: Counter[str] = Counter()
    for lines in pages:
        # On a page of a single line that line is the content, never a running header or footer.
        if len(lines) >= 2:
            counts.update({_line_key(line) for line in lines[:edge] + lines[-edge:]})
    repeat = max(2, int(0.6 * len(pages) + 0.5))
    running = {k for k, c in counts.items() if c >= repeat and len(pages) >= 2}
    out: list[list[str]] = []
    for p, lines in enumerate(pages):
        n = len(lines)
        kept: list[str] = []
        for i, line in enumerate(lines):
            at_edge = i < edge or i >= n - edge
            if at_edge and _PAGE_NUMBER_RE.search(line):
                continue
            # A running header stays on page 1 (it is often the name); a running footer goes everywhere.
            if at_edge and n >= 2 and _line_key(line) in running and (p > 0 or i >= n - edge):
                continue
            kept.append(line)
        out.append(kept)
    return out


def _links(doc: pdfium.PdfDocument, page: pdfium.PdfPage, page_no: int, shared_textpage: Any = None) -> list[Link]:
    """URI link annotations with the text under their rectangle (the anchor text, e.g. "My badge")."""
    links: list[Link] = []
    pos = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    textpage = shared_textpage
    try:
        while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(pos), ctypes.byref(link)):
            action = pdfium_c.FPDFLink_GetAction(link)
            if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
                continue
            size = pdfium_c.FPDFAction_GetURIPath(doc.raw, action, None, 0)
            if size <= 1 or size > 8192:
                continue
            buf = ctypes.create_string_buffer(size)
            pdfium_c.FPDFAction_GetURIPath(doc.raw, action, buf, size)
            url = buf.value.decode("utf-8", errors="replace").strip()
            anchor = ""
            rect = pdfium_c.FS_RECTF()
            if pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
                if textpage is None:
                    textpage = pdfium_c.FPDFText_LoadPage(page.raw)
                args = (textpage, rect.left, rect.top, rect.right, rect.bottom)
                n = pdfium_c.FPDFText_GetBoundedText(*args, None, 0)
                if 0 < n < 4096:
                    tbuf = (ctypes.c_ushort * (n + 1))()
                    got = pdfium_c.FPDFText_GetBoundedText(*args, tbuf, n + 1)
                    anchor = " ".join(bytes(tbuf)[: got * 2].decode("utf-16-le", errors="replace").split())
            if url:
                links.append(Link(url=url, text=normalize_chars(anchor).strip(), page=page_no, source="annotation"))
    finally:
        if textpage is not None and textpage is not shared_textpage:
            pdfium_c.FPDFText_ClosePage(textpage)
    return links


def _open(data: bytes, file: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedDocument(
                "the PDF is password-protected; ask the applicant for an unlocked copy", file=file
            ) from None
        raise CorruptDocument("not a valid PDF (the file is damaged)", file=file) from None


def read_pdf(data: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    pdf = _open(data, file)
    try:
        total = len(pdf)
        if total == 0:
            raise CorruptDocument("not a valid PDF (it has no pages)", file=file)
        count = min(total, limits.max_pages)
        pages: list[PageText] = []
        links: list[Link] = []
        scans = _Scans(file, limits)
        for i in range(count):
            page = pdf[i]
            # one text page serves both the words and the link anchors (loading it is a parse of the page)
            textpage = pdfium_c.FPDFText_LoadPage(page.raw)
            try:
                text = read_page(page, textpage)
                if not text.lines:
                    text = scans.read(page, i + 1, text)
                pages.append(text)
                links.extend(_links(pdf, page, i + 1, textpage))
            finally:
                pdfium_c.FPDFText_ClosePage(textpage)
                page.close()
        metadata = {k.lower(): str(v) for k, v in pdf.get_metadata_dict(skip_empty=True).items()}
    finally:
        pdf.close()
    metadata["pages"] = str(total)
    if scans.pages:
        conf = ocr.mean_confidence(scans.read_pages)
        metadata["ocr_pages"] = ",".join(map(str, scans.pages))
        metadata["ocr_confidence"] = f"{conf:.1f}" if conf is not None else ""
    if not any(p.has_chars for p in pages):
        raise NoTextLayer("the PDF has no text layer (scanned image); OCR is not available", file=file,
                          hint=ocr.UNAVAILABLE_HINT)
    if scans.pages and not any(p.lines for p in pages):
        raise EmptyDocument("no text was found by OCR on the scanned pages", file=file)
    hidden = HiddenText()
    for p in pages:
        for code, parts in p.hidden.parts.items():
            hidden.parts.setdefault(code, []).extend(parts)
    kept_lines = remove_running_lines([p.lines for p in pages])
    # Broken words were already joined by the layout, within one column; joining again here could glue
    # the last line of one column to the first line of the next.
    texts = [normalize_text("\n".join(lines), hyphenation=False) for lines in kept_lines]
    return make_document(
        file=file,
        kind="pdf",
        data=data,
        pages=texts,
        links=links,
        metadata=metadata,
        hidden=hidden,
        multi_column_pages=[i + 1 for i, p in enumerate(pages) if p.multi_column],
        empty_pages=[i + 1 for i, p in enumerate(pages) if not p.has_chars] if len(pages) > 1 else None,
        empty_reason=scans.skipped_reason,
        truncated=(count, total) if count < total else None,
        extra_flags=[ocr.ocr_flag(scans.pages, ocr.mean_confidence(scans.read_pages))] if scans.pages else (),
    )


class _Scans:
    """OCR of the pages that have no visible text (scanned images), at most ``ocr.MAX_OCR_PAGES`` per file."""

    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        self.pages: list[int] = []  # page numbers read by OCR
        self.read_pages: list[ocr.OcrPage] = []
        self.skipped_reason = ocr.UNAVAILABLE_REASON

    def read(self, page: pdfium.PdfPage, page_no: int, text: PageText) -> PageText:
        if not ocr.available():
            return text
        if len(self.pages) >= ocr.MAX_OCR_PAGES:
            self.skipped_reason = f"only the first {ocr.MAX_OCR_PAGES} scanned pages are read by OCR"
            return text
        image, dpi = ocr.render_page(page)
        if ocr.is_blank(image):  # nothing drawn to read: a blank page is not a scan
            return PageText(lines=[], hidden=text.hidden, has_chars=True)
        result = ocr.ocr_image(image, dpi=dpi, file=self.file, timeout=self.limits.timeout_s)
        self.pages.append(page_no)
        self.read_pages.append(result)
        # The page's own (hidden) text stays reported as hidden; what OCR sees is its visible text.
        return PageText(lines=result.lines, multi_column=result.multi_column, hidden=text.hidden,
                        has_chars=True)
