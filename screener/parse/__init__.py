"""Parse stage: ``Document`` (text in reading order) → ``Profile`` (contact, sections, roles, education, ...).

    >>> profile = parse_document(doc, today=date(2025, 1, 1))
    >>> [(r.title, r.employer, str(r.start), r.end_label()) for r in profile.roles]
    [('Data Analyst', 'Acme Inc.', '2019-01', 'present')]

Skills are left empty (the extract stage adds them); badges are attached by the pipeline. Same document and
``today`` → same profile. For JSON Resume documents the structured fields are used as they are and located
in the rendered text for their spans.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from screener.models import (
    Certification,
    Contact,
    Document,
    EducationEntry,
    Language,
    PartialDate,
    Profile,
    Project,
    Role,
    Section,
)
from screener.parse.certifications import find_certifications, find_projects, parse_certification_line
from screener.parse.contact import find_contact
from screener.parse.dates import (
    DateMention,
    DateRange,
    find_date_ranges,
    find_dates,
    merged_months,
    months_between,
    parse_date_range,
    parse_partial_date,
)
from screener.parse.education import find_education
from screener.parse.education_kinds import education_kind
from screener.parse.languages import find_languages
from screener.parse.roles import find_roles, split_header
from screener.parse.sections import find_sections, heading_name


def parse_document(doc: Document, *, today: date | None = None) -> Profile:
    """Everything the parse stage learns from ``doc``; ``skills`` is empty. Deterministic for a given ``today``."""
    text = doc.text
    sections = tuple(find_sections(text))
    if doc.kind == "jsonresume" and isinstance(doc.structured, dict):
        return _from_json_resume(doc, sections, today)
    return Profile(
        document=doc,
        contact=find_contact(text, sections),
        sections=sections,
        roles=tuple(find_roles(text, sections, today=today)),
        education=tuple(find_education(text, sections, today=today)),
        certifications=tuple(find_certifications(text, sections, today=today)),
        languages=tuple(find_languages(text, sections)),
        projects=tuple(find_projects(text, sections)),
    )


# --- JSON Resume -------------------------------------------------------------------------------------------------

_ISO = re.compile(r"^\s*(?P<y>\d{4})(?:-(?P<m>\d{1,2}))?")


def _iso(value: Any) -> PartialDate | None:
    m = _ISO.match(str(value or ""))
    if not m:
        return None
    month = int(m["m"]) if m["m"] else None
    return PartialDate(int(m["y"]), month if month and 1 <= month <= 12 else None)


def _s(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip() if value is not None else ""


def _same_length_lower(text: str) -> str:
    """Lower-case each character where that keeps the length ("İ".lower() is two characters), so offsets hold."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class _Locator:
    """Finds each structured entry's line in the rendered text, moving forward so repeats land in order."""

    def __init__(self, text: str, sections: tuple[Section, ...]) -> None:
        self.text = text
        # lower(), not casefold(): casefold changes lengths ("ß" → "ss"), which would shift every offset after it
        self.folded = _same_length_lower(text)
        self.sections = sections

    def find(self, needles: list[str], section: str) -> int:
        bounds = [s for s in self.sections if s.name == section]
        lo = bounds[0].start if bounds else 0
        hi = bounds[-1].end if bounds else len(self.text)
        for needle in needles:
            if needle:
                at = self.folded.find(_same_length_lower(needle), lo, hi)
                if at != -1:
                    return at
        return -1

    def spans(self, starts: list[int], section: str) -> list[tuple[int, int]]:
        bounds = [s for s in self.sections if s.name == section]
        hi = bounds[-1].end if bounds else len(self.text)
        out = []
        located = sorted(s for s in starts if s >= 0)
        for s in starts:
            if s < 0:
                out.append((0, 0))
                continue
            nxt = next((x for x in located if x > s), hi)
            line_start = self.text.rfind("\n", 0, s) + 1
            end = nxt if nxt <= hi else hi
            out.append((line_start, len(self.text[:end].rstrip())))
        return out


def _from_json_resume(doc: Document, sections: tuple[Section, ...], today: date | None) -> Profile:
    data = doc.structured or {}
    text = doc.text
    loc = _Locator(text, sections)
    basics = data.get("basics") or {}
    place = basics.get("location") or {}
    location = ", ".join(_s(place.get(k)) for k in ("city", "region", "countryCode") if place.get(k))
    contact = Contact(name=_s(basics.get("name")), email=_s(basics.get("email")), phone=_s(basics.get("phone")),
                      location=location)
    if not contact.name:
        contact = find_contact(text, sections)

    work = [w for w in (data.get("work") or []) if isinstance(w, dict)]
    volunteer = [v for v in (data.get("volunteer") or []) if isinstance(v, dict)]
    role_items: list[tuple[dict[str, Any], str, str, str]] = []
    for w in work:
        role_items.append((w, _s(w.get("position")), _s(w.get("name")), "experience"))
    for v in volunteer:
        role_items.append((v, _s(v.get("position")), _s(v.get("organization")), "volunteering"))
    starts = [loc.find([f"{t} — {e}" if t and e else "", t, e], sec) for _w, t, e, sec in role_items]
    roles: list[Role] = []
    by_section: dict[str, list[int]] = {}
    for i, (_w, _t, _e, sec) in enumerate(role_items):
        by_section.setdefault(sec, []).append(i)
    spans: dict[int, tuple[int, int]] = {}
    for sec, idxs in by_section.items():
        for i, sp in zip(idxs, loc.spans([starts[i] for i in idxs], sec), strict=True):
            spans[i] = sp
    for i, (w, title, employer, _sec) in enumerate(role_items):
        start, end = _iso(w.get("startDate")), _iso(w.get("endDate"))
        current = end is None and start is not None
        date_text = ""
        sp = spans[i]
        if sp != (0, 0):
            found = find_date_ranges(text[sp[0]:sp[1]], today=today)
            date_text = re.sub(r"\s+", " ", found[0].text) if found else ""
        roles.append(Role(title=title, employer=employer, location=_s(w.get("location")), start=start, end=end,
                          current=current, date_text=date_text, span=sp))

    edu_items = [e for e in (data.get("education") or []) if isinstance(e, dict)]
    edu_starts = [loc.find([_s(e.get("institution"))], "education") for e in edu_items]
    # the rendered line starts with the credential: widen each span back to its line start
    edu_spans = loc.spans(edu_starts, "education")
    education = []
    for e, sp in zip(edu_items, edu_spans, strict=True):
        study, area = _s(e.get("studyType")), _s(e.get("area"))
        credential = f"{study} in {area}" if study and area else (study or area)
        kind = education_kind(credential=study, field=area, institution=_s(e.get("institution")))
        education.append(EducationEntry(institution=_s(e.get("institution")), credential=credential, field=area,
                                        start=_iso(e.get("startDate")), end=_iso(e.get("endDate")),
                                        grade=_s(e.get("score")), span=sp, kind=kind))

    certs = []
    for c in (data.get("certificates") or []):
        if not isinstance(c, dict) or not _s(c.get("name")):
            continue
        at = loc.find([_s(c.get("name"))], "certifications")
        sp = (at, text.find("\n", at) if text.find("\n", at) != -1 else len(text)) if at >= 0 else (0, 0)
        parsed = parse_certification_line(_s(c.get("name")))
        certs.append(Certification(name=_s(c.get("name")), issuer=_s(c.get("issuer")), date=_iso(c.get("date")),
                                   kind=parsed.kind if parsed else "certification", url=_s(c.get("url")), span=sp))
    languages = [Language(name=_s(lg.get("language")), level=_s(lg.get("fluency")))
                 for lg in (data.get("languages") or []) if isinstance(lg, dict) and _s(lg.get("language"))]
    projects = []
    for p in (data.get("projects") or []):
        if isinstance(p, dict) and _s(p.get("name")):
            at = loc.find([_s(p.get("name"))], "projects")
            projects.append(Project(name=_s(p.get("name")), span=(at, at + len(_s(p.get("name")))) if at >= 0 else
                                    (0, 0)))
    return Profile(document=doc, contact=contact, sections=sections, roles=tuple(roles), education=tuple(education),
                   certifications=tuple(certs), languages=tuple(languages), projects=tuple(projects))


__all__ = [
    "DateMention",
    "DateRange",
    "find_certifications",
    "find_contact",
    "find_date_ranges",
    "find_dates",
    "find_education",
    "find_languages",
    "find_projects",
    "find_roles",
    "find_sections",
    "heading_name",
    "merged_months",
    "months_between",
    "parse_date_range",
    "parse_document",
    "parse_partial_date",
    "split_header",
]
