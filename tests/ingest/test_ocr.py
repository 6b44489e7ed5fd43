"""OCR of scanned résumés: image-only PDF pages and PNG/JPEG uploads (fixtures generated here with reportlab,
rendered, skewed and noised like a phone or office scan), reading order, health flag, limits."""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from screener.errors import DocumentError, EmptyDocument, FileTooLarge, NoTextLayer, UnsupportedFileType
from screener.ingest import detect_kind, ingest_bytes, is_badge_png, ocr
from screener.ingest.limits import Limits

needs_ocr = pytest.mark.skipif(
    not ocr.available(), reason="OCR not installed (apt-get install tesseract-ocr tesseract-ocr-eng; `make test` does)"
)

RESUME_LINES = [
    ("Maria Gonzalez", 18),
    ("maria.gonzalez@example.com | Austin, TX", 11),
    ("EXPERIENCE", 13),
    ("Senior Data Engineer", 11),
    ("Acme Analytics, Austin", 11),
    ("Built streaming pipelines in Python and Apache Kafka on Kubernetes.", 11),
    ("Cut warehouse costs by 30 percent with PostgreSQL partitioning.", 11),
    ("Data Analyst", 11),
    ("Globex Corporation, Dallas", 11),
    ("Wrote SQL reports and Tableau dashboards for the finance team.", 11),
    ("EDUCATION", 13),
    ("BSc Computer Science, University of Texas at Austin, 2015", 11),
    ("SKILLS", 13),
    ("Python, SQL, Apache Kafka, Kubernetes, PostgreSQL, Tableau", 11),
]
DATES = {"Senior Data Engineer": "Jan 2019 - Present", "Data Analyst": "Jun 2015 - Dec 2018"}
BULLETED = {"Built streaming", "Cut warehouse", "Wrote SQL"}


def resume_pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    y = 720.0
    for text, size in RESUME_LINES:
        c.setFont("Helvetica-Bold" if size > 11 else "Helvetica", size)
        if any(text.startswith(b) for b in BULLETED):
            c.drawString(72, y, "\u2022")
            c.drawString(86, y, text)
        else:
            c.drawString(72, y, text)
        if text in DATES:
            c.drawRightString(540, y, DATES[text].replace(" - ", " \u2013 "))
        y -= size + 11
    c.showPage()
    c.save()
    return buf.getvalue()


def two_column_pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 730, "Jordan Lee")
    c.setFont("Helvetica", 11)
    for i in range(1, 11):
        c.drawString(72, 690 - 22 * i, f"Left column sentence {i} about the data platform work")
    for i in range(1, 9):
        c.drawString(370, 683 - 27 * i, f"Right column line {i} lists an award")
    c.showPage()
    c.save()
    return buf.getvalue()


def scan(pdf: bytes, *, angle: float, dpi: int = 150, noise: float = 14.0, seed: int = 1) -> list[Image.Image]:
    """Every page as a grey image, turned ``angle`` degrees, with Gaussian noise (a scan of a print)."""
    rng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(pdf)
    out = []
    for page in doc:
        img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
        arr = np.asarray(img, dtype=np.float32) + rng.normal(0, noise, (img.height, img.width))
        out.append(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)))
    doc.close()
    return out


def encode(images: list[Image.Image], fmt: str, dpi: int = 150) -> bytes:
    buf = io.BytesIO()
    if fmt == "PDF":
        images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    elif fmt == "JPEG":
        images[0].save(buf, "JPEG", quality=85)
    else:
        images[0].save(buf, "PNG")
    return buf.getvalue()


@dataclass
class Scans:
    pdf: bytes
    png: bytes
    jpeg: bytes


@pytest.fixture(scope="module")
def resume_scans() -> Scans:
    pages = scan(resume_pdf(), angle=1.5)
    return Scans(encode(pages, "PDF"), encode(pages, "PNG"), encode(pages, "JPEG"))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _cer(hyp: str, ref: str) -> float:
    a, b = _flat(hyp), _flat(ref)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1] / max(1, len(b))


def _expected_text() -> str:
    lines = []
    for text, _ in RESUME_LINES:
        line = ("• " + text) if any(text.startswith(b) for b in BULLETED) else text
        lines.append(f"{line}  {DATES[text]}" if text in DATES else line)
    return "\n".join(lines)


# ---------------------------------------------------------------- reading scans


@needs_ocr
@pytest.mark.parametrize(("fmt", "kind", "name"), [("pdf", "pdf", "scan.pdf"), ("png", "image", "scan.png"),
                                                   ("jpeg", "image", "photo.jpg")])
def test_scan_is_read_by_ocr_with_its_text_and_flag(resume_scans: Scans, fmt: str, kind: str, name: str) -> None:
    doc = ingest_bytes(getattr(resume_scans, fmt), name)
    assert doc.kind == kind
    assert _cer(doc.text, _expected_text()) < 0.05, doc.text
    for line in ("Maria Gonzalez", "Acme Analytics, Austin", "Globex Corporation, Dallas", "EXPERIENCE"):
        assert line in doc.text.splitlines(), line
    flag = next(f for f in doc.health if f.code == "ocr")
    assert flag.severity == "warning"
    conf = float(re.search(r"mean confidence (\d+)%", flag.message).group(1))  # type: ignore[union-attr]
    assert 80 <= conf <= 100
    assert ("Page 1 was read by OCR" if kind == "pdf" else "The image was read by OCR") in flag.message
    assert float(doc.metadata["ocr_confidence"]) == pytest.approx(conf, abs=0.51)


@needs_ocr
def test_photo_lit_unevenly_is_read() -> None:
    img = scan(resume_pdf(), angle=-1.0, seed=6)[0]
    a = np.asarray(img, dtype=np.float32)
    yy, xx = np.mgrid[0:a.shape[0], 0:a.shape[1]]
    light = np.clip(0.4 + 0.35 * xx / a.shape[1] + 0.4 * yy / a.shape[0], 0.3, 1.0)  # dark top-left corner
    dim = Image.fromarray(np.clip(a * light, 0, 255).astype(np.uint8))
    doc = ingest_bytes(encode([dim], "JPEG"), "photo.jpg")
    assert _cer(doc.text, _expected_text()) < 0.05, doc.text


@needs_ocr
def test_dates_on_the_right_stay_on_their_title_row_and_bullets_survive(resume_scans: Scans) -> None:
    lines = ingest_bytes(resume_scans.png, "scan.png").text.splitlines()
    assert any(re.fullmatch(r"Senior Data Engineer\s+Jan 2019 \W? ?Present", line) for line in lines), lines
    assert any(re.fullmatch(r"Data Analyst\s+Jun 2015 \W? ?Dec 2018", line) for line in lines), lines
    bullets = [line for line in lines if line.startswith("• ")]
    assert len(bullets) >= 2, lines


@needs_ocr
def test_skills_come_out_of_a_scan_as_from_the_text_layer(resume_scans: Scans) -> None:
    from datetime import date

    from screener.pipeline import build_profile

    text_doc = ingest_bytes(resume_pdf(), "cv.pdf")
    scan_doc = ingest_bytes(resume_scans.pdf, "scan.pdf")
    want = {s.label for s in build_profile(text_doc, as_of=date(2026, 1, 1)).skills}
    got = {s.label for s in build_profile(scan_doc, as_of=date(2026, 1, 1)).skills}
    assert len(want) >= 5
    assert len(want & got) / len(want) >= 0.85, (want, got)
    assert len(got - want) <= 1, got - want


@needs_ocr
def test_two_column_scan_is_read_column_after_column() -> None:
    doc = ingest_bytes(encode(scan(two_column_pdf(), angle=-1.2, seed=3), "PNG"), "two.png")
    left = [int(n) for n in re.findall(r"Left\s+column\s+sentence\s+(\d+)", doc.text)]
    right = [int(n) for n in re.findall(r"Right\s+column\s+line\s+(\d+)", doc.text)]
    assert left == list(range(1, 11)) and right == list(range(1, 9)), doc.text
    assert doc.text.rfind("Left column") < doc.text.find("Right column")
    assert "multi-column" in {f.code for f in doc.health}


@needs_ocr
@pytest.mark.parametrize("angle", [-2.5, -1.0, 0.0, 1.4, 3.0])
def test_skew_is_measured(angle: float) -> None:
    img = scan(resume_pdf(), angle=angle, noise=10)[0]
    assert ocr.estimate_skew(img) == pytest.approx(angle, abs=0.25)


# ---------------------------------------------------------------- bounds and refusals


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` pixels, with a few bytes of image data."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def _jpeg_claiming(width: int, height: int) -> bytes:
    """A small JPEG whose frame header (SOF0) is edited to claim ``width`` × ``height`` pixels."""
    buf = io.BytesIO()
    Image.new("L", (16, 16), 200).save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _bilevel_bomb() -> bytes:
    buf = io.BytesIO()
    Image.new("1", (8000, 6000), 1).save(buf, "PNG")  # 48 megapixels in a few kilobytes
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (_png_header_only(60_000, 60_000), "60,000 × 60,000 pixels, over the 40-megapixel limit"),
        (_png_header_only(100_000, 500), "100,000 × 500 pixels"),
        (_bilevel_bomb(), "8,000 × 6,000 pixels"),
        (_jpeg_claiming(9000, 9000), "9,000 × 9,000 pixels"),
        (_jpeg_claiming(65000, 65000), "over the 40-megapixel limit"),
    ],
)
def test_oversized_image_is_refused_before_decoding(data: bytes, words: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: True)
    with pytest.raises(FileTooLarge) as info:
        ingest_bytes(data, "huge.png")
    assert words in str(info.value)
    assert str(info.value).startswith("huge.png: the image is")


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, DocumentError, "not a readable PNG or JPEG image"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 40, DocumentError, "not a readable PNG or JPEG image"),
        (_png_header_only(0, 10), DocumentError, ""),
    ],
)
def test_damaged_image_is_a_clear_error(data: bytes, error: type[Exception], words: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: True)
    with pytest.raises(error) as info:
        ingest_bytes(data, "broken.png")
    assert words in str(info.value)


def test_render_of_a_giant_page_stays_under_the_pixel_cap() -> None:
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(14_400, 14_400)  # 200 × 200 inches, the largest page PDF allows
    img, dpi = ocr.render_page(page)
    assert img.width * img.height <= ocr.MAX_PIXELS
    assert dpi < ocr.RENDER_DPI
    page.close()
    doc.close()


@needs_ocr
def test_pages_read_by_ocr_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = scan(resume_pdf(), angle=0.8) + scan(resume_pdf(), angle=-0.8, seed=2)
    monkeypatch.setattr(ocr, "MAX_OCR_PAGES", 1)
    doc = ingest_bytes(encode(pages, "PDF"), "two_pages.pdf")
    assert doc.metadata["ocr_pages"] == "1"
    assert doc.text.count("Maria Gonzalez") == 1
    flag = next(f for f in doc.health if f.code == "no-text-layer")
    assert "Page 2" in flag.message and "only the first 1 scanned pages are read by OCR" in flag.message


def test_without_ocr_scans_are_refused_with_the_install_hint(resume_scans: Scans,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(NoTextLayer) as info:
        ingest_bytes(resume_scans.pdf, "scan.pdf")
    assert "tesseract-ocr" in str(info.value)
    with pytest.raises(UnsupportedFileType) as info2:
        ingest_bytes(resume_scans.png, "scan.png")
    assert "OCR is not available" in str(info2.value) and "tesseract-ocr" in str(info2.value)


@needs_ocr
def test_blank_scan_is_an_empty_document() -> None:
    rng = np.random.default_rng(5)
    blank = Image.fromarray(np.clip(255 + rng.normal(0, 18, (1650, 1275)), 0, 255).astype(np.uint8))
    with pytest.raises(EmptyDocument) as info:
        ingest_bytes(encode([blank], "PNG"), "blank.png")
    assert "blank" in str(info.value)


def _text_pdf_with(extra: list[Image.Image] | None) -> bytes:
    """The text-layer résumé followed by a page holding ``extra``'s image (or a blank page)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(resume_pdf())))
    if extra is None:
        writer.add_blank_page(612, 792)
    else:
        writer.append(PdfReader(io.BytesIO(encode(extra, "PDF"))))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_blank_page_after_text_is_neither_flagged_nor_read() -> None:
    doc = ingest_bytes(_text_pdf_with(None), "cv.pdf")
    assert {f.code for f in doc.health} & {"ocr", "no-text-layer"} == set()
    assert "ocr_pages" not in doc.metadata


@needs_ocr
def test_scanned_page_after_a_text_page_is_read_by_ocr() -> None:
    doc = ingest_bytes(_text_pdf_with(scan(two_column_pdf(), angle=1.0, seed=4)), "mixed.pdf")
    assert doc.metadata["ocr_pages"] == "2"
    assert doc.text.count("Maria Gonzalez") == 1 and "Jordan Lee" in doc.pages[1]
    assert next(f for f in doc.health if f.code == "ocr").message.startswith("Page 2 was read by OCR")


@needs_ocr
def test_scan_is_read_in_the_sandbox_under_its_limits(resume_scans: Scans) -> None:
    from screener.ingest import ingest_batch

    got = ingest_batch([("scan.pdf", resume_scans.pdf), ("scan.png", resume_scans.png)], workers=1,
                       limits=Limits())
    for result in got:
        assert not isinstance(result, DocumentError), result
        assert "Maria Gonzalez" in result.text


# ---------------------------------------------------------------- badges vs scans, hOCR


@pytest.mark.parametrize(
    ("data", "badge"),
    [
        (b"\x89PNG\r\n\x1a\n....iTXtopenbadges\x00\x00\x00\x00\x00https://x.test/a", True),
        (b"\x89PNG\r\n\x1a\n....iTXtopenbadgecredential\x00\x00\x00\x00\x00{}", True),
        (b"\x89PNG\r\n\x1a\n....tEXtComment\x00openbadges are great", False),
        (b"\x89PNG\r\n\x1a\n....IDAT", False),
        (b"GIF89a openbadges\x00", False),
    ],
)
def test_baked_badge_png_is_told_from_a_scan(data: bytes, badge: bool) -> None:
    assert is_badge_png(data) is badge
    if data.startswith(b"\x89PNG") and not badge:
        assert detect_kind("x.png", data) == "image"


HOCR = """<div class='ocr_page' title='bbox 0 0 1000 400'>
<span class='ocr_line' id='line_1_1' title="bbox 100 100 600 130; baseline 0 -6; x_size 30; x_descenders 6; x_ascenders 7">
<span class='ocrx_word' id='word_1_1' title='bbox 100 104 112 116; x_wconf 40'>e</span>
<span class='ocrx_word' id='word_1_2' title='bbox 130 100 260 124; x_wconf 95'>Python</span>
<span class='ocrx_word' id='word_1_3' title='bbox 270 108 300 124; x_wconf 91'>&amp;</span>
<span class='ocrx_word' id='word_1_4' title='bbox 310 100 400 130; x_wconf 12'>|</span>
<span class='ocrx_word' id='word_1_5' title='bbox 410 100 560 124; x_wconf 89'>AT&amp;T</span>
</span>
<span class='ocr_line' id='line_1_2' title="bbox 100 200 900 230; baseline 0 -6; x_size 30; x_descenders 6; x_ascenders 7">
<span class='ocrx_word' id='word_1_6' title='bbox 100 210 280 222; x_wconf 18'>ummm</span>
<span class='ocrx_word' id='word_1_7' title='bbox 300 200 460 224; x_wconf 90'>2018</span>
<span class='ocrx_word' id='word_1_8' title='bbox 470 211 490 214; x_wconf 45'>–</span>
<span class='ocrx_word' id='word_1_9' title='bbox 500 200 660 224; x_wconf 90'>2022</span>
<span class='ocrx_word' id='word_1_10' title='bbox 680 211 690 214; x_wconf 15'>-</span>
</span>
</div>"""


def test_hocr_words_get_their_line_height_and_bullets() -> None:
    words = ocr.parse_hocr(HOCR, height=400, dpi=144)
    # dropped: a low-confidence "|", a long flat rule read as "ummm", a speck read as "-"; kept: the dash in a range
    assert [w.text for w in words] == ["•", "Python", "&", "AT&T", "2018", "–", "2022"]
    # every word spans the same line band: baseline at 124 px, 30 px text size → 94..131.5 px from the top
    first_line = words[:4]
    assert {(round(w.y0, 2), round(w.y1, 2)) for w in first_line} == {
        (round((400 - 131.5) / 2, 2), round((400 - 94) / 2, 2))}
    assert words[1].x0 == 65 and words[1].conf == 95
