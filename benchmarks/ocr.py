"""OCR benchmark: scans made from the development PDFs, read back by OCR, compared with their text layer.

Run: .venv/bin/python benchmarks/ocr.py [--data ../shared/data/resumes] [--dpi 150] [--rapidocr] [--keep DIR]

Each page of each development PDF (rendercv, templates, resume_matcher) is rendered in grey at ``--dpi``
(150), turned by 1–2° (alternating direction), given Gaussian noise (σ = 18 grey levels), and saved as an
image-only PDF (all pages) and as one PNG per page, and once more as a PNG lit unevenly (light falling to
35% towards one corner, as in a phone photo under a lamp). All are read through ``ingest_bytes`` (the PDF by
rendering each page for OCR, the PNGs as image uploads) and compared with the original's text layer:

- character error rate: edit distance between the OCR text and the text-layer text (whitespace runs made
  one space) over the text-layer length, summed over files;
- skill F1: the taxonomy ids the extractor finds in the OCR'd document vs in the text-layer document;
- CPU seconds per page: this process's CPU time plus Tesseract's (children), per page — one core's worth,
  steadier than wall time on a shared machine (wall time is printed beside it);
- peak resident memory of one Tesseract run on the densest page.

``--rapidocr`` also runs RapidOCR (rapidocr-onnxruntime, if installed in this environment; it is not a
dependency) on the same PNGs for the side-by-side figures in the README. Seeded: the same scans every run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screener.errors import DocumentError  # noqa: E402
from screener.ingest import ingest_bytes, ocr  # noqa: E402
from screener.models import Document  # noqa: E402

DEV_FOLDERS = ("rendercv", "templates", "resume_matcher")
AS_OF = date(2026, 1, 1)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one row at a time; the insertion chain within a row is a running minimum."""
    if not a or not b:
        return len(a) + len(b)
    bb = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    ramp = np.arange(len(bb) + 1)
    prev = ramp.copy()
    for ch in a:
        cost = np.empty(len(bb) + 1, dtype=np.int64)
        cost[0] = prev[0] + 1
        cost[1:] = np.minimum(prev[1:] + 1, prev[:-1] + (bb != ord(ch)))
        prev = np.minimum.accumulate(cost - ramp) + ramp
    return int(prev[-1])


def flat(text: str) -> str:
    return " ".join(text.split())


def make_scan(page: pdfium.PdfPage, dpi: int, angle: float, rng: np.random.Generator) -> Image.Image:
    img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    noisy = np.asarray(img, dtype=np.float32) + rng.normal(0.0, 18.0, (img.height, img.width))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def dim_corner(img: Image.Image) -> Image.Image:
    """The scan as a phone photo under a lamp: light falls off towards the top-left corner (to 35%)."""
    a = np.asarray(img, dtype=np.float32)
    yy, xx = np.mgrid[0:a.shape[0], 0:a.shape[1]]
    light = np.clip(0.45 + 0.33 * xx / a.shape[1] + 0.4 * yy / a.shape[0], 0.35, 1.0)
    return Image.fromarray(np.clip(a * light, 0, 255).astype(np.uint8))


def skill_ids(doc: Document) -> set[str]:
    from screener.pipeline import build_profile

    return {s.id for s in build_profile(doc, as_of=AS_OF).skills}


@dataclass
class Tally:
    dist: int = 0
    chars: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    pages: int = 0
    cpu: float = 0.0
    wall: float = 0.0
    confidences: list[float] = field(default_factory=list)

    def add_text(self, hyp: str, ref: str) -> float:
        d = edit_distance(flat(hyp), flat(ref))
        self.dist += d
        self.chars += len(flat(ref))
        return d / max(1, len(flat(ref)))

    def add_skills(self, hyp: set[str], ref: set[str]) -> None:
        self.tp += len(hyp & ref)
        self.fp += len(hyp - ref)
        self.fn += len(ref - hyp)

    def line(self, label: str) -> str:
        cer = self.dist / max(1, self.chars)
        p = self.tp / max(1, self.tp + self.fp)
        r = self.tp / max(1, self.tp + self.fn)
        f1 = 2 * p * r / max(1e-9, p + r)
        conf = f"  mean confidence {np.mean(self.confidences):.1f}" if self.confidences else ""
        return (f"{label:28s} pages {self.pages:3d}  CER {cer:.3f}  skill F1 {f1:.3f} (P {p:.3f} R {r:.3f})  "
                f"CPU s/page {self.cpu / max(1, self.pages):.2f}  wall s/page {self.wall / max(1, self.pages):.2f}{conf}")


def tesseract_rss(img: Image.Image) -> float:
    """Peak resident memory (MB) of one Tesseract run on ``img``: its VmHWM, read while it runs (the rusage of
    a child counts the memory of the process it was forked from)."""
    peak = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.pgm"
        img.save(path)
        proc = subprocess.Popen([str(ocr.tesseract()), str(path), "stdout", "--dpi", str(ocr.RENDER_DPI), "hocr"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={"OMP_THREAD_LIMIT": "1"})
        while proc.poll() is None:
            try:
                status = Path(f"/proc/{proc.pid}/status").read_text()
            except OSError:
                break
            kb = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
            peak = max(peak, kb)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=0.01)
    return peak / 1024


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    c0 = time.process_time()
    k0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    out = fn(*args, **kwargs)
    k1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - c0 + (k1.ru_utime - k0.ru_utime) + (k1.ru_stime - k0.ru_stime)
    return out, cpu, time.perf_counter() - w0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "resumes")
    parser.add_argument("--dpi", type=int, default=150, help="resolution of the simulated scans")
    parser.add_argument("--rapidocr", action="store_true", help="also measure RapidOCR on the PNG scans")
    parser.add_argument("--keep", type=Path, help="write the scans (PDF and PNG) into this folder")
    args = parser.parse_args()
    if not ocr.available():
        sys.exit(f"OCR is not available: {ocr.UNAVAILABLE_HINT}")
    files = [p for folder in DEV_FOLDERS for p in sorted((args.data / folder).rglob("*.pdf"))]
    if not files:
        sys.exit(f"no development PDFs under {args.data}")
    rng = np.random.default_rng(2026)
    rapid = None
    if args.rapidocr:
        try:
            from rapidocr_onnxruntime import RapidOCR  # type: ignore[import-not-found]
        except ImportError:
            sys.exit("--rapidocr: pip install 'rapidocr-onnxruntime>=1.4,<1.5' into this environment first")
        rapid = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    ingest_bytes(files[0].read_bytes(), files[0].name)  # warm-up: imports, PDFium, the Tesseract check
    skill_ids(ingest_bytes(files[0].read_bytes(), files[0].name))  # loads the extractor once
    as_pdf, as_png, as_dim, rapid_png = Tally(), Tally(), Tally(), Tally()
    densest: Image.Image | None = None
    densest_chars = 0
    print(f"{'file':44s} {'pages':>5s} {'CER pdf':>8s} {'CER png':>8s} {'skills ref/ocr/both':>20s} {'conf':>5s}")
    for path in files:
        data = path.read_bytes()
        try:
            ref = ingest_bytes(data, path.name)
        except DocumentError as exc:
            print(f"{path.name:44s} skipped: {exc}")
            continue
        pdf = pdfium.PdfDocument(data)
        scans: list[Image.Image] = []
        for i in range(len(pdf)):
            angle = float(rng.uniform(1.0, 2.0)) * (1 if i % 2 == 0 else -1)
            scans.append(make_scan(pdf[i], args.dpi, angle, rng))
            if len(ref.pages[i] if i < len(ref.pages) else "") > densest_chars:
                densest_chars = len(ref.pages[i])
                densest = scans[-1].resize((scans[-1].width * ocr.RENDER_DPI // args.dpi,
                                            scans[-1].height * ocr.RENDER_DPI // args.dpi))
        pdf.close()
        buf = io.BytesIO()
        scans[0].save(buf, "PDF", resolution=args.dpi, save_all=True, append_images=scans[1:])
        scan_pdf = buf.getvalue()
        if args.keep:
            (args.keep / f"{path.stem}_scan.pdf").write_bytes(scan_pdf)
        got, cpu, wall = timed(ingest_bytes, scan_pdf, f"{path.stem}_scan.pdf")
        as_pdf.pages += len(scans)
        as_pdf.cpu += cpu
        as_pdf.wall += wall
        cer_pdf = as_pdf.add_text(got.text, ref.text)
        ref_ids, got_ids = skill_ids(ref), skill_ids(got)
        as_pdf.add_skills(got_ids, ref_ids)
        conf = float(got.metadata.get("ocr_confidence") or "nan")
        as_pdf.confidences.append(conf)
        png_d = png_n = 0
        for i, img in enumerate(scans):
            b = io.BytesIO()
            img.save(b, "PNG")
            name = f"{path.stem}_p{i + 1}.png"
            if args.keep:
                (args.keep / name).write_bytes(b.getvalue())
            page_ref = ref.pages[i] if i < len(ref.pages) else ""
            if not page_ref.strip():
                continue
            page_doc = Document(file=name, kind="pdf", text=page_ref)
            try:
                doc, cpu, wall = timed(ingest_bytes, b.getvalue(), name)
            except DocumentError as exc:
                print(f"  {name}: {exc}")
                continue
            as_png.pages += 1
            as_png.cpu += cpu
            as_png.wall += wall
            before = as_png.dist
            as_png.add_text(doc.text, page_ref)
            png_d += as_png.dist - before
            png_n += len(flat(page_ref))
            as_png.add_skills(skill_ids(doc), skill_ids(page_doc))
            as_png.confidences.append(float(doc.metadata.get("ocr_confidence") or 0))
            b = io.BytesIO()
            dim_corner(img).save(b, "PNG")
            try:
                dim, cpu, wall = timed(ingest_bytes, b.getvalue(), name)
                dim_text = dim.text
            except DocumentError:
                dim, dim_text = None, ""
            as_dim.pages += 1
            as_dim.cpu += cpu
            as_dim.wall += wall
            as_dim.add_text(dim_text, page_ref)
            as_dim.add_skills(skill_ids(dim) if dim is not None else set(), skill_ids(page_doc))
            if rapid is not None:
                arr = np.asarray(img.convert("RGB"))[:, :, ::-1].copy()
                (res, _), cpu, wall = timed(rapid, arr)
                text = "\n".join(r[1] for r in (res or []))
                rapid_png.pages += 1
                rapid_png.cpu += cpu
                rapid_png.wall += wall
                rapid_png.add_text(text, page_ref)
                rapid_png.add_skills(skill_ids(Document(file=name, kind="image", text=text or " ")),
                                     skill_ids(page_doc))
        print(f"{path.name:44s} {len(scans):5d} {cer_pdf:8.3f} {png_d / max(1, png_n):8.3f} "
              f"{len(ref_ids):>8d}/{len(got_ids)}/{len(ref_ids & got_ids):<6d} {conf:5.1f}")
    print()
    print(as_pdf.line("image-only PDF (Tesseract)"))
    print(as_png.line("PNG per page (Tesseract)"))
    print(as_dim.line("PNG, dim corner (Tesseract)"))
    if rapid is not None:
        print(rapid_png.line("PNG per page (RapidOCR)"))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: Tesseract {tesseract_rss(densest) if densest else 0:.0f} MB on the densest page at "
          f"{ocr.RENDER_DPI} dpi; this process {own:.0f} MB (extractor"
          f"{' and RapidOCR' if rapid is not None else ''} included)")
    print(f"scans: {args.dpi} dpi grey, 1–2° skew, Gaussian noise σ 18; OCR renders image-only PDF pages at "
          f"{ocr.RENDER_DPI} dpi; CPU seconds = this process + Tesseract, one thread")


if __name__ == "__main__":
    main()
