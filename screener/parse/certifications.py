"""Certifications and licences as listed, with issuer and date, and projects from projects sections.

    >>> parse_certification_line("AWS Certified Solutions Architect – Associate — Amazon Web Services (2022)")
    Certification(name='AWS Certified Solutions Architect – Associate', issuer='Amazon Web Services', ...)

Licence words (PE, RN, CPA, "Chartered Accountant", "Registered", "Crea", "Cédula Profesional") make an
entry ``kind="licence"``; they come from ``data/credential_words.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from screener.models import Certification, Project, Section
from screener.parse._data import BULLET_RE, alternation, body_start, clean, iter_lines, lines_in, load, trim_span
from screener.parse.dates import DateMention, DateRange, find_dates
from screener.parse.sections import heading_name, is_heading_word

_ISSUED_BY = re.compile(r"\s*(?:,\s*)?(?:issued by|issuer|by|from|emitido por|expedido por|délivré par|ausgestellt von)"
                        r"\s*:?\s+(?P<i>[^,()|]+)", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_STRONG_SPLIT = re.compile(r"\s+[—|]\s+")
_WEAK_SPLIT = re.compile(r"\s+[-–]\s+")
_ID = re.compile(r"\b(?:credential id|license (?:no|number|#)|licence (?:no|number)|id|no\.?|n[ºo°])\s*[:#]?\s*"
                 r"[\w-]*\d[\w-]*|(?<=\s)#?\d{4,}\s*$", re.IGNORECASE)
_ORG = re.compile(r"^(?:[A-Z][\w&.'’-]*|of|the|and|for|de|do|da|&)(?:\s+(?:[A-Z][\w&.'’-]*|of|the|and|for|de|do|da|&))"
                  r"{0,7}(?:\s+\([A-Z][\w&.-]{1,10}\))?$")


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load("credential_words")
    licence = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in data["licence_abbreviations"]) +
                         r")(?![^\W_])")
    licence_ci = re.compile(r"(?<![^\W_])" + alternation(data["licence_words"]) + r"(?![^\W_])", re.IGNORECASE)
    certish = re.compile(r"(?<![^\W_])" + alternation(data["certification_words"]) + r"(?![^\W_])", re.IGNORECASE)
    return licence, licence_ci, certish


def _issuer_after_separator(line: str) -> tuple[str, str]:
    """("Amazon Web Services", name) from "name — Amazon Web Services" / "name, Texas Board of Nursing".

    An en dash or hyphen before a level word ("– Associate", "- Professional") is part of the name.
    """
    levels = _levels()
    line = re.sub(r"[\s,;—–-]+$", "", line)
    for splitter in (_STRONG_SPLIT, _WEAK_SPLIT):
        parts = splitter.split(line)
        if len(parts) >= 2:
            right = clean(parts[-1])
            if right and _ORG.match(right) and not levels.fullmatch(right):
                left = line[:line.rfind(parts[-1])]
                return right, re.sub(r"\s+[-–—|]\s*$", "", left)
    comma = [p.strip() for p in line.split(",")]
    if len(comma) >= 2 and len(comma[-1].split()) >= 2 and _ORG.match(comma[-1]) and not levels.fullmatch(comma[-1]):
        return clean(comma[-1]), ",".join(comma[:-1])
    return "", line


@lru_cache(maxsize=1)
def _levels() -> re.Pattern[str]:
    return re.compile(alternation(load("credential_words")["level_words"]), re.IGNORECASE)


def _names_credential(text: str) -> bool:
    licence, licence_ci, certish = _cues()
    return bool(licence.search(text) or licence_ci.search(text) or certish.search(text))


def _kind(name: str) -> str:
    licence, licence_ci, _c = _cues()
    return "licence" if licence.search(name) or licence_ci.search(name) else "certification"


def parse_certification_line(line: str, *, today: date | None = None, span: tuple[int, int] = (0, 0)) -> \
        Certification | None:
    """One listed certification or licence; None for an empty or decorative line."""
    line = BULLET_RE.sub("", line, count=1).strip()
    if not re.search(r"[^\W\d_]{2}", line):
        return None
    # (a remark after ";" that names another credential is about that one: "EIT — FE exam passed 2024; working
    # toward PE licensure")
    head, sep, tail = line.partition(";")
    in_progress = not_yet_held(head) or bool(sep) and not_yet_held(tail) and not _names_credential(tail)
    towards = _WORKING_TOWARDS.match(line)
    if towards:  # "Preparing for the Terraform Associate exam": the certification's name
        line = re.sub(r"\s+exams?\b", "", line[towards.end():], count=1, flags=re.IGNORECASE)
    url = ""
    um = _URL.search(line)
    if um:
        url = um.group(0).rstrip(").,")
        line = (line[:um.start()] + line[um.end():]).strip()
    when = None
    for d in find_dates(line, today=today):
        if isinstance(d, DateMention):
            when = d.date
        elif isinstance(d, DateRange):
            when = d.start
        line = line[:d.span[0]] + " " * (d.span[1] - d.span[0]) + line[d.span[1]:]
        break
    line = re.sub(r"\(\s*\)", " ", line)
    # what follows ";" is a remark ("; number available on request"), as are bracketed notes and "in progress"
    head, sep, _tail = line.partition(";")
    if sep and re.search(r"[^\W\d_]{3}", head):
        line = head
    line = _NOTE_PAREN.sub(" ", line)
    line = re.sub(r"\(\s*[,;]?\s*\)", " ", line)
    line = _NOTE_TAIL.sub("", line.rstrip(" ,;"))
    line = _ID.sub(" ", line)
    issuer = ""
    im = _ISSUED_BY.search(line)
    if im:
        issuer = clean(im["i"])
        line = line[:im.start()] + line[im.end():]
    pm = re.search(r"\((?P<i>[^()]{2,60})\)\s*[,.]?\s*$", line.strip())
    if not issuer and pm and not re.fullmatch(r"[A-Z]{2,6}", pm["i"].strip()) and _ORG.match(pm["i"].strip()):
        issuer = clean(pm["i"])
        line = line.strip()[:pm.start()]
    if not issuer:
        issuer, line = _issuer_after_separator(line.strip())
    name = clean(re.sub(r"\s{2,}", " ", line))
    if not name:
        return None
    return Certification(name=name, issuer=issuer, date=when, kind=_kind(name + " " + issuer),  # type: ignore[arg-type]
                         url=url, span=span, in_progress=in_progress)


# A line that only points at the entry above ("Verify badge", "Certificate: https://…", "Credential ID 123")
_POINTER = re.compile(r"^(?:verify|verification|verified|credential|certificate|badge|link|url|view)\b[\w ]{0,20}:?\s*"
                      r"(?:https?://\S+|www\.\S+)?\s*$", re.IGNORECASE)
# Notes after the credential itself: "(digital badge, 2023)", "— in progress", "; number available on request"
_NOTE_PAREN = re.compile(r"\((?P<n>[^()]*\b(?:badge|issued|awarded|in progress|pending|expires?|expiry|valid|"
                         r"request|renewed|passed|exams?|applied|member)\b[^()]*)\)", re.IGNORECASE)
_NOTE_TAIL = re.compile(r"(?:\s+[—–-]\s+|,\s*|\s+)(?:(?:application|applied|exam|registration)\s+)?(?:in progress|pending|applied|member since|valid (?:until|through)|"
                        r"member|expires?|expiry|renewed|not yet|expected|anticipated|ongoing|planned)\b.*$",
                        re.IGNORECASE)
# a certification or licence listed but not held: a note that says so ("in progress", "expected 2027", "exam
# scheduled"), or a line that opens with working towards it (English, Portuguese, Spanish)
_IN_PROGRESS = re.compile(r"\b(?:not\s+yet|pending|in[\s-]progress|working\s+towards?|preparing\s+for|expected|"
                          r"anticipated|eligible\s+for|candidate(?:\s+for)?|planned|applying\s+for|studying\s+for|"
                          r"scheduled|will\s+sit|to\s+be\s+taken|ongoing|in\s+preparation|pursuing|enrolled\s+in|"
                          r"registered\s+for|em\s+andamento|en\s+curso|en\s+tr[aá]mite)\b", re.IGNORECASE)


def not_yet_held(text: str) -> bool:
    """Whether a certification's or licence's line says it is not held yet ("PE exam scheduled for May 2027")."""
    return bool(_IN_PROGRESS.search(text))


_WORKING_TOWARDS = re.compile(r"^\W*(?:currently\s+)?(?:preparing for|studying for|working (?:towards?|on)|pursuing|"
                              r"enrolled in|registered for)\s+(?:the\s+)?", re.IGNORECASE)


def _entries(text: str, section: Section) -> list[tuple[int, int, str, str]]:
    """(start, end, text, url) of each listed entry, with its wrapped lines joined to it.

    In a bulleted list every bullet opens an entry and the lines under it belong to it; in an unbulleted
    list a line that starts in lower case continues the one above. A line that is only a link or a
    "Verify" label gives its URL to the entry above.
    """
    body = body_start(text, section.start, section.end, section.heading)
    raw: list[tuple[int, int, str, bool]] = []
    for s, e in lines_in(text, body, section.end):
        s, e = trim_span(text, s, e)
        if s >= e:
            continue
        line = text[s:e]
        if is_heading_word(line):
            raw.append((s, e, "", False))  # a sub-heading inside the list ("Badges") ends the entry above
            continue
        m = BULLET_RE.match(line)
        raw.append((s, e, line, bool(m and m.end() > 0)))
    out: list[list[Any]] = []
    closed = True
    opened_by_bullet = False  # whether the entry above began with a bullet: then unbulleted lines wrap it
    for s, e, line, bullet in raw:
        if not line:
            closed = True
            continue
        indented = s > 0 and text[s - 1] in " \t"
        um = _URL.search(line)
        pointer = bool(_POINTER.match(line)) or bool(um and um.start() == 0 and len(line) == um.end())
        if out and pointer:
            if um and not out[-1][3]:
                out[-1][3] = um.group(0).rstrip(").,")
            out[-1][1] = e
            continue
        if pointer and not um:
            continue
        continues = out and not closed and not bullet and (opened_by_bullet or indented or line[:1].islower())
        closed = False
        if continues:
            out[-1][1] = e
            out[-1][2] = f"{out[-1][2]} {line}"
            continue
        opened_by_bullet = bullet
        out.append([s, e, line, ""])
    return [(s, e, line, url) for s, e, line, url in out]


def find_certifications(text: str, sections: list[Section] | tuple[Section, ...], *,
                        today: date | None = None) -> list[Certification]:
    """Entries of certification sections, plus certification-looking lines elsewhere ("AWS Certified … (2022)")."""
    out: list[Certification] = []
    _lic, _lic_ci, certish = _cues()
    for sec in sections:
        if sec.name != "certifications":
            continue
        for s, e, line, url in _entries(text, sec):
            c = parse_certification_line(line, today=today, span=(s, e))
            if c:
                if url and not c.url:
                    c = replace(c, url=url)
                out.append(c)
    for section in sections:
        if section.name in ("certifications", "education", "contact", "summary"):
            continue
        for s, e in iter_lines(text[section.start:section.end]):
            s, e = trim_span(text, section.start + s, section.start + e)
            line = BULLET_RE.sub("", text[s:e], count=1)
            if not (5 < len(line) <= 120) or line.endswith("."):
                continue
            if re.match(r"(?:[\w&+.-]+\s+){0,4}(?:certified|certification|certificate|certificação|certificación|"
                        r"licensed|registered|chartered)\b", line, re.IGNORECASE) and certish.search(line):
                c = parse_certification_line(line, today=today, span=(s, e))
                if c:
                    out.append(c)
    return out


def find_projects(text: str, sections: list[Section] | tuple[Section, ...]) -> list[Project]:
    """Project names from projects sections: each header-like line starts one, running to the next."""
    out: list[Project] = []
    for section in sections:
        if section.name != "projects":
            continue
        heads: list[tuple[int, int, str]] = []
        first = True
        for s, e in iter_lines(text[section.start:section.end]):
            s, e = trim_span(text, section.start + s, section.start + e)
            raw = text[s:e]
            if first:
                first = False
                if heading_name(raw):
                    continue
            bullet = BULLET_RE.match(raw)
            # bullets, and wrapped bullet text (starts in lower case), belong to the project above
            if not raw or (bullet and bullet.end() > 0) or raw[:1].islower():
                continue
            name = _URL.sub(" ", raw)
            name = re.sub(r"^\s*(?:[\w-]+\.)+(?:com|org|io|net|dev)/\S*\s*\d?\s*", " ", name)
            for d in find_dates(name):
                name = name[:d.span[0]] + " " + name[d.span[1]:]
                break
            name = clean(re.sub(r"^(?:project(?: name)?|projeto|proyecto|projet)\s*[:\-]\s*", "", clean(name),
                                flags=re.IGNORECASE))
            if not name or len(name) > 80 or name.endswith(".") or len(name.split()) > 10:
                continue
            if re.match(r"(?:tools used|technologies|tech stack|environment|role|client|duration|team size)\b",
                        name, re.IGNORECASE):
                continue
            heads.append((s, e, name))
        for i, (s, _e, name) in enumerate(heads):
            end = heads[i + 1][0] if i + 1 < len(heads) else section.end
            out.append(Project(name=name, span=trim_span(text, s, end)))
    return out


__all__ = ["find_certifications", "find_projects", "not_yet_held", "parse_certification_line"]
