"""JSON Resume files: validate against the shipped schema, then render plain text with English headings.

The rendered layout is a contract with the parser (see ``render``): name, label, contact line, profile URLs,
then SUMMARY, EXPERIENCE, EDUCATION, SKILLS, CERTIFICATIONS, AWARDS, PROJECTS, VOLUNTEERING, LANGUAGES.
Schema: JSON Resume ``schema.json`` (MIT, JSON Resume contributors), in ``data/jsonresume-schema.json``.
"""

from __future__ import annotations

import calendar
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from screener.errors import InvalidJSONResume
from screener.ingest.document import make_document
from screener.ingest.limits import DEFAULT_LIMITS, Limits
from screener.ingest.normalize import normalize_chars
from screener.ingest.text import decode_text
from screener.models import Document, Link

_SECTIONS = (
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
)
_DATE_FIELDS = ("startDate", "endDate", "date", "releaseDate")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    schema = json.loads(resources.files("screener.ingest").joinpath("data/jsonresume-schema.json").read_text("utf-8"))
    return jsonschema.Draft7Validator(schema)


def _path(parts: Any) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def _check_dates(value: Any, path: list[Any], problems: list[str]) -> None:
    """Calendar check the schema's pattern does not make ("2019-13", "2021-02-30")."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _DATE_FIELDS and isinstance(item, str) and item:
                m = _DATE_RE.match(item)
                ok = bool(m)
                if m and m.group(2):
                    month = int(m.group(2))
                    ok = 1 <= month <= 12
                    if ok and m.group(3):
                        ok = 1 <= int(m.group(3)) <= calendar.monthrange(int(m.group(1)), month)[1]
                if not ok:
                    problems.append(
                        f"{_path([*path, key])}: {item!r} is not a valid date (use YYYY, YYYY-MM or YYYY-MM-DD)"
                    )
            else:
                _check_dates(item, [*path, key], problems)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_dates(item, [*path, i], problems)


def validate(obj: Any, file: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise InvalidJSONResume(
            "the JSON file is not a JSON Resume (expected an object with basics, work, …)", file=file
        )
    if not any(key in obj for key in _SECTIONS if key != "meta"):
        raise InvalidJSONResume(
            "the JSON file is not a JSON Resume (it has none of basics, work, education, skills)", file=file
        )
    problems: list[str] = []
    for err in sorted(_validator().iter_errors(obj), key=lambda e: list(map(str, e.absolute_path))):
        where = _path(err.absolute_path)
        if err.validator == "pattern" and err.absolute_path and str(err.absolute_path[-1]) in _DATE_FIELDS:
            problems.append(f"{where}: {err.instance!r} is not a valid date (use YYYY, YYYY-MM or YYYY-MM-DD)")
        elif err.validator == "type":
            problems.append(f"{where}: expected {err.validator_value}, found {type(err.instance).__name__}")
        else:
            problems.append(f"{where}: {err.message}")
    _check_dates(obj, [], problems)
    if problems:
        unique = list(dict.fromkeys(problems))
        more = f" (and {len(unique) - 3} more)" if len(unique) > 3 else ""
        raise InvalidJSONResume("; ".join(unique[:3]) + more, file=file)
    return obj


def _s(value: Any) -> str:
    return " ".join(normalize_chars(str(value)).split()) if value not in (None, "") else ""


def _date(value: Any) -> str:
    """JSON Resume date as rendered: YYYY and YYYY-MM kept, YYYY-MM-DD shortened to YYYY-MM."""
    text = _s(value)
    return text[:7] if re.match(r"^\d{4}-\d{2}-\d{2}$", text) else text


def _dates(item: dict[str, Any], present: bool = True) -> str:
    start, end = _date(item.get("startDate")), _date(item.get("endDate"))
    if not start and not end:
        return ""
    if not end:
        end = "Present" if present else ""
    return f"{start} – {end}" if start and end else start or end


def _join(*parts: str, sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def _location(loc: Any) -> str:
    if not isinstance(loc, dict):
        return _s(loc)
    return _join(_s(loc.get("city")), _s(loc.get("region")), _s(loc.get("countryCode")))


def _experience(lines: list[str], items: list[Any], title_key: str, org_key: str) -> None:
    for n, item in enumerate(i for i in items if isinstance(i, dict)):
        if n:
            lines.append("")
        head = _s(item.get(title_key))
        org = _join(_s(item.get(org_key)), _s(item.get("location")))
        lines.append(f"{head} — {org}" if head and org else head or org)
        dates = _dates(item)
        if dates:
            lines.append(dates)
        if _s(item.get("summary")):
            lines.append(_s(item.get("summary")))
        for h in item.get("highlights") or []:
            if _s(h):
                lines.append(f"• {_s(h)}")


def render(resume: dict[str, Any]) -> str:
    """Plain text in the fixed layout the parser relies on."""
    lines: list[str] = []
    raw_basics = resume.get("basics")
    basics: dict[str, Any] = raw_basics if isinstance(raw_basics, dict) else {}
    for key in ("name", "label"):
        if _s(basics.get(key)):
            lines.append(_s(basics.get(key)))
    contact = _join(
        _s(basics.get("email")),
        _s(basics.get("phone")),
        _s(basics.get("url")),
        _location(basics.get("location")),
        sep=" | ",
    )
    if contact:
        lines.append(contact)
    for profile in basics.get("profiles") or []:
        if isinstance(profile, dict) and _s(profile.get("url")):
            lines.append(_s(profile.get("url")))

    def section(title: str) -> None:
        lines.extend(["", title])

    if _s(basics.get("summary")):
        section("SUMMARY")
        lines.append(_s(basics.get("summary")))
    if resume.get("work"):
        section("EXPERIENCE")
        _experience(lines, resume["work"], "position", "name")
    if resume.get("education"):
        section("EDUCATION")
        for n, ed in enumerate(e for e in resume["education"] if isinstance(e, dict)):
            if n:
                lines.append("")
            degree = " in ".join(p for p in (_s(ed.get("studyType")), _s(ed.get("area"))) if p)
            inst = _s(ed.get("institution"))
            lines.append(f"{degree} — {inst}" if degree and inst else degree or inst)
            dates = _dates(ed, present=False)
            if dates:
                lines.append(dates)
            if _s(ed.get("score")):
                lines.append(f"Score: {_s(ed.get('score'))}")
            courses = [_s(c) for c in ed.get("courses") or [] if _s(c)]
            if courses:
                lines.append("Courses: " + ", ".join(courses))
    if resume.get("skills"):
        section("SKILLS")
        for sk in resume["skills"]:
            if not isinstance(sk, dict):
                continue
            keywords = ", ".join(_s(k) for k in sk.get("keywords") or [] if _s(k))
            name = _s(sk.get("name"))
            lines.append(f"{name}: {keywords}" if name and keywords else name or keywords)
    if resume.get("certificates"):
        section("CERTIFICATIONS")
        for cert in resume["certificates"]:
            if not isinstance(cert, dict):
                continue
            tail = _join(_s(cert.get("issuer")), _date(cert.get("date")))
            name = _s(cert.get("name"))
            lines.append(f"{name} — {tail}" if name and tail else name or tail)
            if _s(cert.get("url")):
                lines.append(_s(cert.get("url")))
    if resume.get("awards"):
        section("AWARDS")
        for aw in resume["awards"]:
            if not isinstance(aw, dict):
                continue
            tail = _join(_s(aw.get("awarder")), _date(aw.get("date")))
            title = _s(aw.get("title"))
            lines.append(f"{title} — {tail}" if title and tail else title or tail)
            if _s(aw.get("summary")):
                lines.append(_s(aw.get("summary")))
    if resume.get("projects"):
        section("PROJECTS")
        for n, pr in enumerate(p for p in resume["projects"] if isinstance(p, dict)):
            if n:
                lines.append("")
            name, desc = _s(pr.get("name")), _s(pr.get("description"))
            lines.append(f"{name}: {desc}" if name and desc else name or desc)
            dates = _dates(pr, present=False)
            if dates:
                lines.append(dates)
            for h in pr.get("highlights") or []:
                if _s(h):
                    lines.append(f"• {_s(h)}")
            if _s(pr.get("url")):
                lines.append(_s(pr.get("url")))
    if resume.get("volunteer"):
        section("VOLUNTEERING")
        _experience(lines, resume["volunteer"], "position", "organization")
    if resume.get("languages"):
        section("LANGUAGES")
        for lang in resume["languages"]:
            if isinstance(lang, dict):
                name, level = _s(lang.get("language")), _s(lang.get("fluency"))
                lines.append(f"{name} — {level}" if name and level else name or level)
    return "\n".join(lines).strip() + "\n"


def _structured_links(value: Any, found: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url" and isinstance(item, str) and item.strip():
                found.append(item.strip())
            else:
                _structured_links(item, found)
    elif isinstance(value, list):
        for item in value:
            _structured_links(item, found)


def read_jsonresume(data: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    try:
        obj = json.loads(decode_text(data, file))
    except json.JSONDecodeError as exc:
        raise InvalidJSONResume(
            f"the file is not valid JSON (line {exc.lineno}, column {exc.colno})", file=file
        ) from None
    except RecursionError:
        raise InvalidJSONResume("the JSON file is nested too deeply to read", file=file) from None
    resume = validate(obj, file)
    text = render(resume).rstrip("\n")
    urls: list[str] = []
    _structured_links(resume, urls)
    links = [Link(url=u, text=u, source="structured") for u in dict.fromkeys(urls)]
    return make_document(
        file=file,
        kind="jsonresume",
        data=data,
        pages=[text],
        links=links,
        metadata={"title": _s((resume.get("basics") or {}).get("name"))}
        if isinstance(resume.get("basics"), dict)
        else {},
        structured=resume,
    )
