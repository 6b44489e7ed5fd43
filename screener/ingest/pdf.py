"""PDF résumés: text in reading order from pypdfium2 character boxes, hidden-text checks, link annotations.

Per page: every character's loose box and its text object (fill colour, render mode) come from the raw
PDFium API through lean ctypes prototypes (the per-character calls dominate the cost). Characters that
are invisible (render mode 3/7, background colour, fully transparent), tiny (< 4 pt) or off the page are
kept out of the text and reported. Visible characters become words; ``layout.py`` puts the words of a
page in reading order (columns, sidebars, right-margin dates).
"""

from __future__ import annotations

import ctypes
import math
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
_NOT_BUILT: dict[int, list[Any]] = {}  # marks an index not built yet (compared by identity)
_UNKNOWN = "?"  # a text object not classified yet (its background decides)
# Characters that end a word without a box of their own: white space (exactly what str.isspace accepts, all
# below U+3001) and PDFium's marks for a hyphen at a line break.
_BREAKS = frozenset(c for c in map(chr, range(0x3001)) if c.isspace()) | {"\x02", "\ufffe"}
_HYPHEN_MARKS = str.maketrans({"\x02": "-", "\ufffe": "-"})


class _Handle(ctypes.c_void_p):
    """A PDFium handle as returned (a subclass of c_void_p is not turned into an int), to pass straight back."""


def _raw(fn: Any, restype: Any) -> Any:
    """A PDFium function called without per-argument conversion (about 40 % cheaper per call than a typed
    prototype, which matters for the per-character calls): handles and out-pointers are passed as ctypes objects
    (a handle, ``byref``), indexes as plain ints; never a bare int as a pointer."""
    address = ctypes.cast(fn, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype)(address)  # type: ignore[arg-type]  # no argument types declared


_int, _dbl = ctypes.c_int, ctypes.c_double
_loose_box = _raw(pdfium_c.FPDFText_GetLooseCharBox, _int)  # (textpage, index, byref FS_RECTF)
_text_object = _raw(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)  # (textpage, index) -> address or None
_font_size = _raw(pdfium_c.FPDFText_GetFontSize, _dbl)  # (textpage, index)
_fill_colour = _raw(pdfium_c.FPDFPageObj_GetFillColor, _int)  # (object, byref r, g, b, a)
_stroke_colour = _raw(pdfium_c.FPDFPageObj_GetStrokeColor, _int)
_render_mode = _raw(pdfium_c.FPDFTextObj_GetTextRenderMode, _int)  # (object)
_get_object = _raw(pdfium_c.FPDFPage_GetObject, _Handle)  # (page, index)
_object_type = _raw(pdfium_c.FPDFPageObj_GetType, _int)  # (object)
_count_objects = _raw(pdfium_c.FPDFPage_CountObjects, _int)  # (page)
_bounds = _raw(pdfium_c.FPDFPageObj_GetBounds, _int)  # (object, byref left, bottom, right, top)
_draw_mode = _raw(pdfium_c.FPDFPath_GetDrawMode, _int)  # (object, byref fill mode, byref stroke)


def _refs(array: Any) -> tuple[Any, ...]:
    """``byref`` to each element of a ctypes array (out-parameters of one call)."""
    size = ctypes.sizeof(array) // len(array)
    return tuple(ctypes.byref(array, k * size) for k in range(len(array)))


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
        self._index: dict[int, int] | None = None  # text object address -> drawing order (built when needed)
        # horizontal band -> the shapes spanning it, in drawing order (None: no bands, look at every shape)
        self._bands: dict[int, list[_Shape]] | None = _NOT_BUILT
        self._has_form = False  # a form XObject (which could nest text objects of its own)
        # top-level text objects with their render mode, colour and drawing order, read in the same pass as the
        # shapes
        self._texts: list[tuple[int, int, tuple[int, int, int, int] | None, int]] = []
        self._blend: dict[tuple[int, int, int], bool] = {}
        # top-level text objects whose colour could match what lies under them (decided at their first glyph)
        self._doubtful: dict[int, tuple[int, int, int]] = {}
        self._rgba = (ctypes.c_uint * 4)()
        self._rgba_p = _refs(self._rgba)

    def _colour(self, obj: Any, stroke: bool) -> tuple[int, int, int, int] | None:
        fn = _stroke_colour if stroke else _fill_colour
        if not fn(obj, *self._rgba_p):
            return None
        return _RGBA.unpack_from(self._rgba)  # type: ignore[return-value]

    def _load_shapes(self) -> list[_Shape]:
        """One pass over the page's objects: filled shapes and images (with their boxes), and every top-level
        text object's render mode and colour (what ``prepare`` classifies)."""
        shapes: list[_Shape] = []
        page = self._page
        count = _count_objects(page)
        box = (ctypes.c_float * 4)()
        box_p = _refs(box)
        modes = (ctypes.c_int * 2)()
        fill_p, stroke_p = _refs(modes)
        rgba, rgba_p, unpack_rgba = self._rgba, self._rgba_p, _RGBA.unpack_from
        path, image, text_kind = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_TEXT
        append_text = self._texts.append
        get_object, object_type, render_mode = _get_object, _object_type, _render_mode
        fill_colour, stroke_colour = _fill_colour, _stroke_colour
        r_p, g_p, b_p, a_p = rgba_p
        for i in range(count):
            obj = get_object(page, i)
            # A text object's render mode is 0-7; anything else has -1 (one call fewer per text object).
            mode = render_mode(obj)
            if mode == 0:  # filled text, the usual kind (pages drawn a glyph per object have thousands)
                append_text((obj.value or 0, 0, unpack_rgba(rgba) if fill_colour(obj, r_p, g_p, b_p, a_p) else None, i))
                continue
            kind = text_kind if mode > 0 else object_type(obj)
            if kind == text_kind:
                address = obj.value or 0
                if mode in _RENDER_INVISIBLE:
                    append_text((address, mode, None, i))
                elif (stroke_colour if mode in _RENDER_STROKE else fill_colour)(obj, *rgba_p):
                    append_text((address, mode, unpack_rgba(rgba), i))
                else:
                    append_text((address, mode, None, i))
                continue
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                self._has_form = True
                continue
            if kind != path and kind != image:
                continue
            if not _bounds(obj, *box_p):
                continue
            bounds = (box[0], box[1], box[2], box[3])
            if kind == image:
                shapes.append(_Shape(i, bounds, None))
                continue
            _draw_mode(obj, fill_p, stroke_p)
            if modes[0] == 0:
                continue
            if not fill_colour(obj, *rgba_p):
                continue
            colour = unpack_rgba(rgba)
            if colour[3] < 128:
                continue
            shapes.append(_Shape(i, bounds, colour[:3]))
        return shapes

    def background(self, obj: int, x: float, y: float) -> tuple[int, int, int] | None:
        """Colour under point (x, y) when the text object is drawn: last filled shape before it, else white."""
        if self._shapes is None:
            self._shapes = self._load_shapes()
        if self._index is None:
            self._index = {address: order for address, _, _, order in self._texts}
        if self._bands is _NOT_BUILT:
            self._bands = _shape_bands(self._shapes)
        order = self._index.get(obj, 1 << 30)
        # only the shapes spanning the point's band can lie under it (pages drawn a glyph per object ask this
        # for every glyph, and may have a hundred shapes)
        bands = self._bands
        band = self._shapes if bands is None or not math.isfinite(y) else bands.get(int(y // _BAND_PT), [])
        for shape in reversed(band):
            left, bottom, right, top = shape.box
            if shape.index < order and left <= x <= right and bottom <= y <= top:
                return shape.colour
        return (255, 255, 255)

    def prepare(self) -> bool:
        """Classify every top-level text object of the page once, on a fresh page (one pass over the objects
        instead of one lookup per glyph; one verdict per render mode and colour). Objects whose colour could match
        what lies under them stay unclassified: their background is looked up at their first glyph, as
        ``hidden_code`` does. True when no glyph of the page can be hidden by its style (no hidden or doubtful text
        object, no form XObject that could nest one)."""
        if self._shapes is None:
            self._shapes = self._load_shapes()
        texts = self._texts
        verdicts = {style: self._style_code(*style) for style in {(mode, colour) for _, mode, colour, _ in texts}}
        self._cache.update({obj: code for obj, mode, colour, _ in texts
                            if (code := verdicts[mode, colour]) is not _UNKNOWN})
        if _UNKNOWN in verdicts.values():
            self._doubtful.update({obj: colour[:3] for obj, mode, colour, _ in texts  # type: ignore[index]
                                   if verdicts[mode, colour] is _UNKNOWN})
        return not self._has_form and all(code is None for code in verdicts.values())

    def _style_code(self, mode: int, colour: tuple[int, int, int, int] | None) -> str | None:
        """``"hidden-text"``, None (visible) or ``_UNKNOWN`` (doubtful: decided at the object's first glyph) for a
        text object of this render mode and colour."""
        if mode in _RENDER_INVISIBLE:
            return "hidden-text"
        if colour is None:
            return None
        if colour[3] == 0:
            return "hidden-text"
        return _UNKNOWN if self._may_blend(colour[:3]) else None

    def hidden_code(self, obj: int, x: float, y: float) -> str | None:
        """``"hidden-text"`` when the object's glyphs cannot be seen, else None."""
        if obj in self._cache:
            return self._cache[obj]
        code: str | None = None
        if obj in self._doubtful:  # its render mode and colour were read by ``prepare``
            bg = self.background(obj, x, y)
            code = "hidden-text" if bg is not None and _close(self._doubtful[obj], bg) else None
            self._cache[obj] = code
            return code
        handle = ctypes.c_void_p(obj)
        mode = _render_mode(handle)
        if mode in _RENDER_INVISIBLE:
            code = "hidden-text"
        else:
            colour = self._colour(handle, stroke=mode in _RENDER_STROKE)
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


_BAND_PT = 16.0
_MAX_BANDS = 256  # a shape taller than this many bands (4,096 pt: no page is) turns the index off


def _shape_bands(shapes: list[_Shape]) -> dict[int, list[_Shape]] | None:
    """Each shape under every horizontal band of ``_BAND_PT`` it spans, in drawing order; None (look at every
    shape) when some shape is too tall for bands."""
    bands: dict[int, list[_Shape]] = {}
    for shape in shapes:
        _, bottom, _, top = shape.box
        if not bottom <= top:  # NaN, or an inverted box: no point is inside it
            continue
        if not top - bottom < _MAX_BANDS * _BAND_PT:  # also an infinite box
            return None
        for k in range(int(bottom // _BAND_PT), int(top // _BAND_PT) + 1):
            bands.setdefault(k, []).append(shape)
    return bands


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
        tp = textpage
        rect = pdfium_c.FS_RECTF()
        rect_p = ctypes.byref(rect)
        unpack_rect = _RECT.unpack_from  # left, top, right, bottom: one call instead of four attribute reads
        # With no text object that could be hidden, no glyph needs its text object looked up.
        all_visible = styles.prepare()
        cache_get = styles._cache.get
        loose_box, text_object, font_size, tiny_box = _loose_box, _text_object, _font_size, _TINY_BOX_PT
        # A word is a run of the page text, kept as its start index and cut out when it ends, from a copy of the
        # text with PDFium's line-break hyphen marks written as "-" (one character for one: the same indexes).
        spelled = text.translate(_HYPHEN_MARKS) if "\x02" in text or "\ufffe" in text else text
        append_word = words.append
        start = -1  # index of the word's first character (-1: no word), with its box wx0, wy0, wx1, wy1
        wx0 = wy0 = wx1 = wy1 = 0.0
        last_hidden: dict[str, int] = {}
        has_chars = False
        prev_x0 = 0.0
        # the box centre is on the page when the sum of two edges is within twice the limits (halving is exact)
        lo_x2, hi_x2, lo_y2, hi_y2 = 2 * lo_x, 2 * hi_x, 2 * lo_y, 2 * hi_y
        for i, ch in enumerate(text):
            if ch in _BREAKS:
                # PDFium's mark for a hyphen at a line break has no box of its own and stays in the word
                if start >= 0 and ch != "\x02" and ch != "\ufffe":  # white space ends the word
                    append_word(Word(wx0, wy0, wx1, wy1, spelled[start:i]))
                    start = -1
                continue
            has_chars = True
            loose_box(tp, i, rect_p)
            x0, y1, x1, y0 = unpack_rect(rect)
            h = y1 - y0
            sx, sy = x0 + x1, y0 + y1
            if not (all_visible and lo_x2 <= sx <= hi_x2 and lo_y2 <= sy <= hi_y2 and h >= tiny_box):
                # not plainly visible (on the page, no text object that could be hidden, too tall to be tiny)
                code: str | None = None
                if sx < lo_x2 or sx > hi_x2 or sy < lo_y2 or sy > hi_y2:
                    code = "off-page-text"
                else:
                    if not all_visible:
                        obj = text_object(tp, i)
                        if obj:
                            code = cache_get(obj, _UNKNOWN)
                            if code is _UNKNOWN:
                                code = styles.hidden_code(obj, sx / 2, sy / 2)
                    if code is None and h < tiny_box and 0 < font_size(tp, i) < TINY_PT:
                        code = "tiny-text"
                if code is not None:
                    bucket = hidden.parts.setdefault(code, [])
                    if last_hidden.get(code, -2) != i - 1:
                        bucket.append(" ")
                    bucket.append(ch)
                    last_hidden[code] = i
                    if start >= 0:
                        append_word(Word(wx0, wy0, wx1, wy1, spelled[start:i]))
                        start = -1
                    continue
            if start >= 0:
                word_h = wy1 - wy0
                unit = h if h > 1.0 else 1.0
                # Ligature glyphs ("ft", "fi") give two characters one box, so going back is measured from
                # the previous character's left edge, not the word's right edge.
                if ((y1 if y1 < wy1 else wy1) - (y0 if y0 > wy0 else wy0) < 0.5 * (h if h < word_h else word_h)
                        or x0 - wx1 > 0.15 * unit or x0 < prev_x0 - 0.5 * unit):
                    append_word(Word(wx0, wy0, wx1, wy1, spelled[start:i]))
                    start = -1
            prev_x0 = x0
            if start < 0:
                wx0, wy0, wx1, wy1, start = x0, y0, x1, y1, i
            else:
                if x0 < wx0:
                    wx0 = x0
                if y0 < wy0:
                    wy0 = y0
                if x1 > wx1:
                    wx1 = x1
                if y1 > wy1:
                    wy1 = y1
        if start >= 0:
            append_word(Word(wx0, wy0, wx1, wy1, spelled[start:]))
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
