"""Role, date and education accuracy of the parse stage against the development résumés' ground truth.

    .venv/bin/python benchmarks/accuracy_roles.py [--data ../shared/data/resumes] [-v]

(1) RenderCV PDFs (gold_roles.jsonl, from their YAML): role title, company, start and end must match exactly;
    education institution / degree / dates likewise.
    Contact names: dotin "Name" entities and the sample_data résumés' names (exact, case-insensitive for dotin).
(2) dotin texts (gold_entities.jsonl): each "Years of Experience" / "Graduation Year" entity that is a date
    range (two ends, or one end and a "present" word) is read by a small independent reader written here
    (4-digit years, English month names), and counts as found when a range that parse finds overlaps it
    with the same start and end. Designations, companies, degrees and colleges are matched to the parsed
    roles and education entries (case- and whitespace-insensitive, containment either way).
Prints the figures; exits 0. Needs the shared data folder (not part of a user's clone).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screener.models import Document, PartialDate, Profile  # noqa: E402
from screener.parse import find_date_ranges, parse_document  # noqa: E402

TODAY = date(2025, 1, 1)  # fixed "as of" date so figures are reproducible


def _read_pdf(path: Path) -> Document:
    try:
        from screener.ingest import ingest_path  # type: ignore[attr-defined]

        doc = ingest_path(path)
        if isinstance(doc, Document):
            return doc
    except (ImportError, AttributeError):
        pass
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    pages = [page.get_textpage().get_text_range() for page in pdf]
    text = "\n".join(p.replace("\r\n", "\n").replace("\r", "\n") for p in pages)
    return Document(file=path.name, kind="pdf", text=text, pages=tuple(pages))


def _norm(s: str) -> str:
    s = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", s or "")  # Markdown links in RenderCV YAML
    return re.sub(r"\s+", " ", s).strip().casefold()


def _label(d: PartialDate | None, current: bool = False) -> str | None:
    if current:
        return "present"
    return str(d) if d else None


def rendercv(data: Path, verbose: bool) -> tuple[int, int, int, int]:
    roles_ok = roles_n = edu_ok = edu_n = 0
    for line in (data / "gold_roles.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        doc = _read_pdf(data / rec["file"])
        prof = parse_document(doc, today=TODAY)
        for g in rec["roles"]:
            roles_n += 1
            want = (_norm(g["title"]), _norm(g["company"]), g["start"], g["end"])
            got = [(_norm(r.title), _norm(r.employer), _label(r.start), _label(r.end, r.current)) for r in prof.roles]
            if want in got:
                roles_ok += 1
            elif verbose:
                print(f"  rendercv miss {rec['id']}: want {want}; got {got}")
        for g in rec["education"]:
            edu_n += 1
            ok = any(_norm(e.institution) == _norm(g["institution"]) and _norm(g["degree"]) in _norm(e.credential)
                     and _norm(g["area"]) in _norm(e.credential + " " + e.field)
                     and _label(e.start) == g["start"] and _label(e.end) == g["end"] for e in prof.education)
            edu_ok += ok
            if not ok and verbose:
                print(f"  rendercv edu miss {rec['id']}: {g} vs {prof.education}")
    return roles_ok, roles_n, edu_ok, edu_n


_MONTH = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_PRESENT = re.compile(r"present|current|till|to date|date|now|onwards|today|since|recently", re.IGNORECASE)


def _gold_range(text: str) -> tuple[str, str] | None:
    """(start, end) of a gold entity text by a deliberately simple reader; None when it is not a range."""
    if re.search(r"\b(?:years?|yrs?|months?)\b", text, re.IGNORECASE):
        return None
    years = list(re.finditer(r"(?<!\d)(19[5-9]\d|20[0-2]\d)(?!\d)", text))
    if not years:
        return None

    def at(m: re.Match[str]) -> str:
        before = text[max(0, m.start() - 16):m.start()]
        mm = re.search(r"([A-Za-z]{3})[a-z]*\.?,?\s*(?:\d{1,2}(?:st|nd|rd|th)?,?\s*)?$", before)
        month = _MONTH.get(mm.group(1).casefold()) if mm else None
        nm = re.search(r"(?<!\d)(\d{1,2})\s*/\s*(?:\d{1,2}\s*/\s*)?$", before)  # 08 / 2008, 5/1/2003 (US)
        if month is None and nm and 1 <= int(nm.group(1)) <= 12:
            month = int(nm.group(1))
        return f"{m.group(1)}-{month:02d}" if month else m.group(1)

    start = at(years[0])
    if len(years) >= 2:
        return start, at(years[-1])
    if _PRESENT.search(text):
        return start, "present"
    return None


def dotin(data: Path, verbose: bool) -> dict[str, tuple[int, int]]:
    counts: dict[str, list[int]] = {k: [0, 0] for k in (
        "date ranges (all)", "role dates (experience ranges)", "education dates",
        "designations", "companies", "degrees", "colleges", "names")}
    for line in (data / "gold_entities.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = (data / rec["file"]).read_text(encoding="utf-8")
        prof = parse_document(Document(file=Path(rec["file"]).name, kind="txt", text=text), today=TODAY)
        ranges = find_date_ranges(text, today=TODAY)
        found = {(r.span, _label(r.start), _label(r.end, r.current)) for r in ranges}
        role_dates = [(r.span, _label(r.start), _label(r.end, r.current), r.date_text) for r in prof.roles]
        titles = [_norm(r.title) for r in prof.roles]
        employers = [_norm(r.employer) for r in prof.roles]
        creds = [_norm(e.credential) for e in prof.education]
        insts = [_norm(e.institution + " " + e.credential) for e in prof.education]
        gold_names = [ent["text"] for ent in rec["entities"] if ent["type"] == "Name"]
        if gold_names:
            nhit = _norm(gold_names[0]) == _norm(prof.contact.name)
            counts["names"][0] += nhit
            counts["names"][1] += 1
            if verbose and not nhit:
                print(f"  dotin name miss {rec['id']}: {gold_names[0]!r} got {prof.contact.name!r}")
        for ent in rec["entities"]:
            kind, s, e, etext = ent["type"], ent["start"], ent["end"], ent["text"]
            if kind in ("Years of Experience", "Graduation Year"):
                gold = _gold_range(etext)
                if gold is None:
                    continue
                hit = any(sp[0] < e and s < sp[1] and (a, b) == gold for sp, a, b in found)
                counts["date ranges (all)"][0] += hit
                counts["date ranges (all)"][1] += 1
                if verbose and not hit:
                    near = [(a, b) for sp, a, b in found if sp[0] < e + 5 and s - 5 < sp[1]]
                    print(f"  dotin range miss {rec['id']}: {etext!r} gold={gold} near={near}")
                if kind == "Years of Experience":
                    in_role_text = any(r.span[0] <= s < r.span[1] for r in prof.roles)
                    if in_role_text or any(sec.name == "experience" and sec.start <= s < sec.end
                                           for sec in prof.sections):
                        rhit = any(_written_at(text, dt, s) and (a, b) == gold for _sp, a, b, dt in role_dates if dt)
                        counts["role dates (experience ranges)"][0] += rhit
                        counts["role dates (experience ranges)"][1] += 1
                        if verbose and not rhit:
                            print(f"  dotin role-date miss {rec['id']}: {etext!r} gold={gold}")
                else:
                    ehit = any(e2.end is not None and (str(e2.start) if e2.start else None, str(e2.end)) == gold
                               for e2 in prof.education)
                    counts["education dates"][0] += ehit
                    counts["education dates"][1] += 1
            elif kind == "Designation" and _in_experience(prof, s):
                hit = _match(_norm(etext), titles)
                counts["designations"][0] += hit
                counts["designations"][1] += 1
                if verbose and not hit:
                    print(f"  dotin title miss {rec['id']}: {etext!r} got {sorted(titles)[:4]}")
            elif kind == "Companies worked at" and _in_experience(prof, s):
                hit = _match(_norm(etext), employers)
                counts["companies"][0] += hit
                counts["companies"][1] += 1
                if verbose and not hit:
                    print(f"  dotin company miss {rec['id']}: {etext!r} got {sorted(employers)[:4]}")
            elif kind == "Degree" and _in_section(prof, s, "education"):
                hit = _match(_norm(etext), creds)
                counts["degrees"][0] += hit
                counts["degrees"][1] += 1
                if verbose and not hit:
                    print(f"  dotin degree miss {rec['id']}: {etext!r} got {sorted(creds)[:4]}")
            elif kind == "College Name" and _in_section(prof, s, "education"):
                hit = _match(_norm(etext), insts)
                counts["colleges"][0] += hit
                counts["colleges"][1] += 1
                if verbose and not hit:
                    print(f"  dotin college miss {rec['id']}: {etext!r} got {sorted(insts)[:4]}")
    return {k: (v[0], v[1]) for k, v in counts.items()}


# The project's own demo résumés (sample_data/) and the name each one is written under.
SAMPLE_NAMES = {
    "ana_souza_mechanical_engineer.pdf": "Ana Paula Souza",
    "chinedu_okafor_financial_analyst.docx": "Chinedu Okafor",
    "emily_carter_mechanical_engineer.docx": "Emily Carter",
    "grace_mensah_financial_analyst.txt": "Grace Mensah",
    "jordan_ellis_self_taught_developer.json": "Jordan Ellis",
    "kwame_asante_registered_nurse.txt": "KWAME ASANTE",
    "lucia_hernandez_civil_engineer.txt": "LUCÍA HERNÁNDEZ",
    "priya_raman_software_engineer.pdf": "Priya Raman",
    "tomasz_nowak_data_engineer_two_column.pdf": "Tomasz Nowak",
    "wei_zhang_software_engineer.docx": "Wei Zhang (张伟)",
}


def sample_names(verbose: bool) -> tuple[int, int]:
    """Contact names of the sample_data résumés, exact (case kept) after whitespace collapsing."""
    from screener.ingest import ingest_batch

    ok = n = 0
    for name, want in sorted(SAMPLE_NAMES.items()):
        path = ROOT / "sample_data" / name
        if not path.exists():
            continue
        [doc] = ingest_batch([(name, path.read_bytes())], sandbox=False, workers=1)
        if not isinstance(doc, Document):
            continue
        got = parse_document(doc, today=TODAY).contact.name
        n += 1
        ok += got == want
        if verbose and got != want:
            print(f"  sample name miss {name}: want {want!r} got {got!r}")
    return ok, n


def _written_at(text: str, date_text: str, offset: int) -> bool:
    """True when a role's date text (whitespace collapsed) is written within a few characters of ``offset``."""
    pattern = r"\s+".join(re.escape(w) for w in date_text.split())
    m = re.compile(pattern).search(text, max(0, offset - 12))
    return bool(m and abs(m.start() - offset) <= 12)


def _in_section(prof: Profile, offset: int, name: str) -> bool:
    return prof.section_at(offset) == name


def _in_experience(prof: Profile, offset: int) -> bool:
    return prof.section_at(offset) == "experience"


def _match(gold: str, got: list[str]) -> bool:
    return any(g and (gold == g or gold in g or (len(g) > 3 and g in gold)) for g in got)


def _pct(a: int, n: int) -> str:
    return f"{a}/{n} ({100.0 * a / n:.1f}%)" if n else "0/0"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "resumes")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = ap.parse_args(argv)
    if not (args.data / "gold_entities.jsonl").exists():
        print(f"ground truth not found under {args.data}", file=sys.stderr)
        return 2
    r_ok, r_n, e_ok, e_n = rendercv(args.data, args.verbose)
    print("RenderCV PDFs (title, company, start, end exact):")
    print(f"  roles      {_pct(r_ok, r_n)}")
    print(f"  education  {_pct(e_ok, e_n)}")
    print("dotin texts (gold entities):")
    for k, (a, n) in dotin(args.data, args.verbose).items():
        print(f"  {k:32s} {_pct(a, n)}")
    s_ok, s_n = sample_names(args.verbose)
    print("sample_data résumés:")
    print(f"  {'contact names (exact)':32s} {_pct(s_ok, s_n)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
