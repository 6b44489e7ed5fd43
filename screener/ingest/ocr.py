"""OCR for scanned résumés: image-only PDF pages and PNG/JPEG uploads, read by Tesseract.

Tesseract comes from the Debian packages ``tesseract-ocr`` and ``tesseract-ocr-eng`` (the English model is in
the package; nothing is downloaded at run time) and runs as a child process of the ingest worker, on one
thread, under the worker's memory cap and a time limit, killed with the worker if the worker is killed.
Chosen over RapidOCR 1.4 (rapidocr-onnxruntime, whose wheel ships Chinese/English PP-OCRv4 models) after
measuring both on 16 scanned pages of the development PDFs (``benchmarks/ocr.py --rapidocr``): character
error rate 0.031 vs 0.276 (RapidOCR's model drops the spaces between English words and uses full-width
punctuation), skill F1 0.94 vs 0.76, 1.05 vs 3.4 CPU-seconds per page, 58 MB vs 520 MB resident.

Per page: the image is bounded (pixels checked before decoding), converted to grey, brought to 200–300 dpi,
deskewed (projection profile of the ink), and recognised; Tesseract's word boxes, each stretched to its line,
go through the same reading-order code as PDF words (``layout.page_lines``: columns, right-hand dates,
table rows), so the parse stage sees the same kind of text as from a PDF text layer.
"""

from __future__ import annotations

import ctypes
import html
import io
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from screener.errors import CorruptDocument, EmptyDocument, FileTooLarge, UnsupportedFileType
from screener.ingest.layout import page_lines
from screener.ingest.limits import DEFAULT_LIMITS, Limits
from screener.ingest.normalize import normalize_text
from screener.models import Document, HealthFlag

if TYPE_CHECKING:  # numpy and Pillow are imported when a scan is read, not when ingest is
    from PIL import Image

#: Decoded pixels above which an image is refused before it is decoded (decompression bombs): 40 MP is a
#: letter page scanned at 600 dpi or a 40-megapixel photo.
MAX_PIXELS = 40_000_000
#: Longest side, in pixels, an image is reduced to before OCR (a page at about 400 dpi).
MAX_SIDE = 4400
#: Pages of one PDF read by OCR; the rest are flagged as not read.
MAX_OCR_PAGES = 5
#: Resolution at which an image-only PDF page is rendered for OCR, and to which smaller images are enlarged.
RENDER_DPI = 200
#: Images finer than this are reduced to it before OCR.
MAX_DPI = 300
#: Words Tesseract is less sure of than this (0–100) are dropped when they hold no letter or digit (speckles,
#: rules and borders read as "|", "—", "~").
_JUNK_CONFIDENCE = 60
#: A lone dash (as in "2018 – 2022") is kept from this confidence up: Tesseract is unsure of short marks.
_DASH_CONFIDENCE = 30
_DASHES = frozenset({"-", "–", "—", "−"})
#: Mean confidence under which the OCR flag asks the reader to check the text against the original.
LOW_CONFIDENCE = 75.0
_LANG = "eng"
#: What Tesseract reads a bullet glyph as, when it stands alone at the start of a line.
_BULLET_LOOKALIKES = frozenset({"e", "o", "°", "»", "«", "+", "*", "¢", "©", "®", "-", "—", "–", "=", ">", "•", "·"})


@dataclass
class OcrWord:
    """A recognised word in page points (y up, like a PDF), its box stretched to its line's height."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    conf: float


@dataclass
class OcrPage:
    lines: list[str]
    multi_column: bool
    confidence: float | None  # mean word confidence (0–100) weighted by length; None when no word was read
    chars: int  # characters of recognised words
    skew: float  # degrees the page was turned back before recognition


@lru_cache(maxsize=1)
def tesseract() -> str | None:
    """Path of a Tesseract binary that has the English model, or None when OCR is not installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    langs = {line.strip() for line in (out.stdout + out.stderr).splitlines()}
    return exe if _LANG in langs else None


def available() -> bool:
    return tesseract() is not None


UNAVAILABLE_HINT = "install the Debian packages tesseract-ocr and tesseract-ocr-eng to read scanned résumés"
UNAVAILABLE_REASON = "OCR is not available (install tesseract-ocr and tesseract-ocr-eng)"


# ---------------------------------------------------------------- images


def check_pixels(width: int, height: int, file: str) -> None:
    if width <= 0 or height <= 0:
        raise CorruptDocument("the image has no pixels", file=file)
    if width * height > MAX_PIXELS:
        raise FileTooLarge(
            f"the image is {width:,} × {height:,} pixels, over the {MAX_PIXELS // 1_000_000}-megapixel limit",
            file=file,
            hint="scan or photograph the résumé at 300 dpi",
        )


def open_image(data: bytes, file: str) -> Image.Image:
    """A PNG or JPEG decoded to grey, turned upright by its EXIF orientation; the pixel count is checked from
    the header before any pixel is decoded."""
    from PIL import Image, ImageFile, ImageOps

    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        check_pixels(int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big"), file)
    try:
        img: Image.Image = Image.open(io.BytesIO(data), formats=["PNG", "JPEG"])
    except Image.DecompressionBombError:
        raise FileTooLarge(f"the image is over the {MAX_PIXELS // 1_000_000}-megapixel limit", file=file) from None
    except (OSError, ValueError, SyntaxError):
        raise CorruptDocument("not a readable PNG or JPEG image (the file is damaged)", file=file) from None
    width, height = img.size
    check_pixels(width, height, file)
    if getattr(img, "n_frames", 1) > 1:
        img.seek(0)  # an animated PNG: its first frame
    try:
        if isinstance(img, ImageFile.ImageFile) and img.format == "JPEG" and max(width, height) > MAX_SIDE:
            img.draft("L", (width * MAX_SIDE // max(width, height), height * MAX_SIDE // max(width, height)))
        img = ImageOps.exif_transpose(img) or img
        img.load()
        if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
            # transparent parts are paper, not black
            rgba = img.convert("RGBA")
            paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            img = Image.alpha_composite(paper, rgba)
        grey = img.convert("L")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise CorruptDocument("not a readable PNG or JPEG image (the file is damaged)", file=file) from None
    return _bound(grey)


def _bound(img: Image.Image) -> Image.Image:
    from PIL import Image

    side = max(img.size)
    if side <= MAX_SIDE:
        return img
    scale = MAX_SIDE / side
    return img.resize((max(1, round(img.width * scale)), max(1, round(img.height * scale))), Image.Resampling.LANCZOS)


def estimate_skew(img: Image.Image, max_degrees: float = 5.0) -> float:
    """The angle (degrees, counter-clockwise) of the text lines: the rotation whose row profile of ink is
    sharpest (text rows and the gaps between them line up with pixel rows)."""
    import numpy as np

    small = img if img.width <= 1000 else img.resize((1000, max(1, img.height * 1000 // img.width)))
    a = np.asarray(small)
    ys, xs = np.nonzero(a < 128)
    if len(ys) < 50:
        return 0.0
    if len(ys) > 40_000:
        pick = np.linspace(0, len(ys) - 1, 40_000).astype(np.int64)
        ys, xs = ys[pick], xs[pick]
    y = ys.astype(np.float64)
    x = xs.astype(np.float64) - a.shape[1] / 2

    def score(deg: float) -> float:
        t = math.radians(deg)
        rows = np.rint(y * math.cos(t) + x * math.sin(t)).astype(np.int64)
        rows -= rows.min()
        counts = np.bincount(rows)
        return float(np.dot(counts, counts))

    best = max(np.arange(-max_degrees, max_degrees + 1e-9, 0.5), key=score)
    best = max(np.arange(best - 0.5, best + 0.5 + 1e-9, 0.1), key=score)
    return float(round(best, 2))


def even_light(img: Image.Image) -> Image.Image:
    """The page with its paper made evenly white when the light falls off across it (a phone photo under a
    lamp, a shadow): each pixel divided by the paper brightness around it, so that one global threshold
    separates ink from paper everywhere. A page already evenly lit is returned as it is."""
    import numpy as np
    from PIL import Image, ImageFilter

    small = img.reduce(16) if min(img.size) >= 160 else img
    paper = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(2))
    levels = np.asarray(paper)
    lo, hi = int(levels.min()), int(levels.max())
    if hi == 0 or lo >= 0.8 * hi:
        return img
    background = np.asarray(paper.resize(img.size, Image.Resampling.BILINEAR), dtype=np.float32)
    flat = np.asarray(img, dtype=np.float32) * (255.0 / np.maximum(background, 16.0))
    return Image.fromarray(np.clip(flat, 0, 255).astype(np.uint8))


def _pgm(img: Image.Image) -> bytes:
    return b"P5\n%d %d\n255\n" % img.size + img.tobytes()


@lru_cache(maxsize=1)
def _setpriv() -> str | None:
    if not sys.platform.startswith("linux"):
        return None
    exe = shutil.which("setpriv")
    if exe is None:
        return None
    try:
        ok = subprocess.run([exe, "--pdeathsig", "KILL", "--", "true"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return exe if ok.returncode == 0 else None


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: a worker killed for its time limit takes Tesseract along


def _run_tesseract(img: Image.Image, dpi: int, timeout: float, file: str) -> str:
    exe = tesseract()
    if exe is None:
        raise UnsupportedFileType("OCR is not available on this computer", file=file, hint=UNAVAILABLE_HINT)
    env = {"OMP_THREAD_LIMIT": "1", "LC_ALL": "C", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    if "TESSDATA_PREFIX" in os.environ:
        env["TESSDATA_PREFIX"] = os.environ["TESSDATA_PREFIX"]
    cmd = [exe, "stdin", "stdout", "-l", _LANG, "--psm", "3", "--dpi", str(dpi), "hocr"]
    # Tesseract must die with the worker that runs it (a worker over its time limit is killed): util-linux's
    # setpriv sets the parent-death signal before it runs Tesseract; without it, a preexec hook does, which
    # is only safe in a process with a single thread.
    preexec = None
    setpriv = _setpriv()
    if setpriv:
        cmd = [setpriv, "--pdeathsig", "KILL", "--", *cmd]
    elif threading.active_count() == 1 and sys.platform.startswith("linux"):
        preexec = _die_with_parent
    try:
        out = subprocess.run(cmd, input=_pgm(img), capture_output=True, timeout=timeout, env=env,
                             preexec_fn=preexec, check=False)
    except subprocess.TimeoutExpired:
        raise CorruptDocument(f"OCR took longer than {timeout:.0f} s on a page", file=file) from None
    except OSError as exc:
        raise CorruptDocument(f"OCR could not be started ({exc.strerror or exc})", file=file) from None
    if out.returncode != 0:
        raise CorruptDocument("OCR failed on the image", file=file)
    return out.stdout.decode("utf-8", errors="replace")


_SPAN_RE = re.compile(r"<span class=['\"](ocr_line|ocr_caption|ocr_header|ocr_textfloat|ocrx_word)['\"][^>]*?"
                      r"title=['\"]([^'\"]*)['\"][^>]*>")
_END_SPAN = "</span>"
_TAG_RE = re.compile(r"<[^>]*>")
_BBOX_RE = re.compile(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_BASELINE_RE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
_XSIZE_RE = re.compile(r"x_size ([\d.]+)")
_WCONF_RE = re.compile(r"x_wconf (-?[\d.]+)")


def parse_hocr(hocr: str, height: int, dpi: int) -> list[OcrWord]:
    """Tesseract's hOCR → words in points (y up). Each word box runs from its line's baseline down a quarter
    of the line's text size and up the full text size, like a PDF's loose character box, so that every word
    of a line has the same height whatever its letters (Tesseract's own word boxes hug the ink)."""
    scale = 72.0 / dpi
    words: list[OcrWord] = []
    ink: list[tuple[int, int, int, int]] = []  # each word's own box in pixels (y down)
    line: tuple[float, float, float, float] | None = None  # x0, baseline at x0 (y down), slope, text size
    first = False  # the next word is the first of its line
    for m in _SPAN_RE.finditer(hocr):
        kind, title = m.group(1), m.group(2)
        box = _BBOX_RE.search(title)
        if box is None:
            continue
        x0, top, x1, bottom = (int(v) for v in box.groups())
        if kind != "ocrx_word":
            base_m = _BASELINE_RE.search(title)
            size_m = _XSIZE_RE.search(title)
            slope, offset = (float(base_m.group(1)), float(base_m.group(2))) if base_m else (0.0, 0.0)
            line = (x0, bottom + offset, slope, float(size_m.group(1)) if size_m else float(bottom - top))
            first = True
            continue
        close = hocr.find(_END_SPAN, m.end())
        text = html.unescape(_TAG_RE.sub("", hocr[m.end():close if close >= 0 else len(hocr)])).strip()
        conf_m = _WCONF_RE.search(title)
        conf = float(conf_m.group(1)) if conf_m else 0.0
        if not text or conf < 0:
            continue
        lead, first = first, False
        if lead and text in _BULLET_LOOKALIKES and line is not None and x1 - x0 <= 0.7 * line[3]:
            text = "•"  # a bullet glyph: a narrow lone mark before the line's first word
        elif conf < _JUNK_CONFIDENCE and not any(c.isalnum() for c in text) and not (
                text in _DASHES and conf >= _DASH_CONFIDENCE):
            continue  # a speck or a border read as punctuation; a dash between dates is kept
        if line is not None and bottom - top < 0.6 * line[3] and x1 - x0 > 2.5 * line[3] and conf < _JUNK_CONFIDENCE:
            continue  # long and flat: a ruled line beside a heading, read as a word ("ummm", "oom")
        if line is not None and line[3] > 0:
            lx0, base_y, slope, size = line
            baseline = base_y + slope * ((x0 + x1) / 2 - lx0)
            w_top, w_bottom = min(top, baseline - size), max(bottom, baseline + 0.25 * size)
        else:
            w_top, w_bottom = top, bottom
        words.append(OcrWord(x0 * scale, (height - w_bottom) * scale, x1 * scale, (height - w_top) * scale,
                             text, conf))
        ink.append((x0, top, x1, bottom))
    return _drop_overlapping(words, ink)


def _drop_overlapping(words: list[OcrWord], ink: list[tuple[int, int, int, int]]) -> list[OcrWord]:
    """Two words cannot share ink: where Tesseract read the same marks twice (a text line of one column run on
    into the other column's line, read again against the wrong baseline), the less confident reading goes."""
    cell = 64
    grid: dict[tuple[int, int], list[int]] = {}
    keep = [False] * len(words)
    for i in sorted(range(len(words)), key=lambda k: -words[k].conf):
        x0, y0, x1, y1 = ink[i]
        area = max(1, (x1 - x0) * (y1 - y0))
        cells = [(cx, cy) for cx in range(x0 // cell, x1 // cell + 1) for cy in range(y0 // cell, y1 // cell + 1)]
        clash = False
        for j in {j for c in cells for j in grid.get(c, ())}:
            a0, b0, a1, b1 = ink[j]
            overlap = max(0, min(x1, a1) - max(x0, a0)) * max(0, min(y1, b1) - max(y0, b0))
            if overlap > 0.3 * min(area, max(1, (a1 - a0) * (b1 - b0))):
                clash = True
                break
        if clash:
            continue
        keep[i] = True
        for c in cells:
            grid.setdefault(c, []).append(i)
    return [w for w, k in zip(words, keep, strict=True) if k]


def ocr_image(img: Image.Image, *, dpi: int, file: str, timeout: float = DEFAULT_LIMITS.timeout_s) -> OcrPage:
    """Recognise one grey page image: deskew, Tesseract, reading order."""
    from PIL import Image

    img = even_light(_bound(img.convert("L") if img.mode != "L" else img))
    skew = estimate_skew(img)
    if abs(skew) >= 0.2:
        img = img.rotate(-skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    words = parse_hocr(_run_tesseract(img, dpi, timeout, file), img.height, dpi)
    lines, multi = page_lines(words)
    weight = sum(len(w.text) for w in words)
    conf = sum(w.conf * len(w.text) for w in words) / weight if weight else None
    return OcrPage(lines=lines, multi_column=multi, confidence=conf, chars=weight, skew=skew)


def render_page(page: Any, dpi: int = RENDER_DPI) -> tuple[Image.Image, int]:
    """A PDF page (pypdfium2) rendered in grey for OCR, at ``dpi`` or less so it stays under ``MAX_PIXELS``."""
    width, height = page.get_size()
    area = max(width * height, 1.0)
    dpi = max(30, min(dpi, int(72 * math.sqrt(MAX_PIXELS / area))))
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        return bitmap.to_pil().convert("L"), dpi
    finally:
        bitmap.close()


def is_blank(img: Image.Image) -> bool:
    """Nothing to read: fewer than 1 pixel in 5,000 darker than mid-grey (a noisy but empty scan has none)."""
    hist = img.convert("L").histogram() if img.mode != "L" else img.histogram()
    return sum(hist[:128]) < 0.0002 * img.width * img.height


def image_dpi(img: Image.Image) -> int:
    """The resolution to tell Tesseract: the file's own when plausible, else the width of a letter page."""
    info = img.info.get("dpi")
    if isinstance(info, tuple) and info and 100 <= float(info[0]) <= 1200:
        return round(float(info[0]))
    return max(70, min(1200, round(img.width / 8.5)))


# ---------------------------------------------------------------- health


def ocr_flag(pages: list[int], confidence: float | None, *, image: bool = False) -> HealthFlag:
    """The "read by OCR" flag, with the mean confidence; a warning, so it shows with the candidate's warnings."""
    if image:
        where = "The image was"
    else:
        where = ("Page " if len(pages) == 1 else "Pages ") + ", ".join(map(str, pages))
        where += " was" if len(pages) == 1 else " were"
    conf = f"{confidence:.0f}%" if confidence is not None else "n/a"
    tail = (" Low confidence: check names, dates and skills against the original."
            if confidence is None or confidence < LOW_CONFIDENCE else
            " Check names, dates and numbers against the original.")
    return HealthFlag("ocr", f"{where} read by OCR (a scan with no text layer); mean confidence {conf}.{tail}",
                      "warning")


def mean_confidence(pages: list[OcrPage]) -> float | None:
    weight = sum(p.chars for p in pages if p.confidence is not None)
    if not weight:
        return None
    return sum(p.confidence * p.chars for p in pages if p.confidence is not None) / weight


# ---------------------------------------------------------------- image uploads


def read_image(data: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """A résumé sent as a PNG or JPEG photo or scan."""
    from screener.ingest.document import make_document

    if not available():
        raise UnsupportedFileType("the file is an image and OCR is not available on this computer", file=file,
                                  hint=UNAVAILABLE_HINT)
    from PIL import Image

    img = open_image(data, file)
    if is_blank(img):
        raise EmptyDocument("the image is blank: there is no text to read", file=file)
    dpi = image_dpi(img)
    if dpi > MAX_DPI:
        # A phone photo at 400+ dpi reads no better than at 300 and takes twice as long.
        img = img.resize((img.width * MAX_DPI // dpi, img.height * MAX_DPI // dpi), Image.Resampling.LANCZOS)
        dpi = MAX_DPI
    elif dpi < RENDER_DPI:
        # Small text recognises better enlarged (measured on 150 dpi scans: CER 0.042 → 0.031, +0.2 s/page).
        img = img.resize((img.width * RENDER_DPI // dpi, img.height * RENDER_DPI // dpi), Image.Resampling.BICUBIC)
        dpi = RENDER_DPI
    page = ocr_image(img, dpi=dpi, file=file, timeout=limits.timeout_s)
    text = normalize_text("\n".join(page.lines), hyphenation=False)
    return make_document(
        file=file,
        kind="image",
        data=data,
        pages=[text],
        metadata={"pages": "1", "ocr_confidence": f"{page.confidence:.1f}" if page.confidence is not None else ""},
        multi_column_pages=[1] if page.multi_column else None,
        extra_flags=[ocr_flag([1], page.confidence, image=True)],
    )
