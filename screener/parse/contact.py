"""Contact details from the top of a résumé: name, e-mail, phone and location."""

from __future__ import annotations

import re

from screener.models import Contact, Section
from screener.parse._data import clean, iter_lines
from screener.parse.sections import heading_name

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w/])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w/])")
_NAME_WORD = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ'’-]+\.?$|^[A-ZÀ-Ý]{2,}$|^[A-ZÀ-Ý]\.$|^(?:de|da|do|dos|das|del|van|von|"
                        r"der|la|le|di|bin|al)$")
_LOCATION = re.compile(r"(?:(?:Location|Address|Endereço|Dirección|Adresse|Wohnort)\s*:\s*(?P<l>[^|•\n]{3,60}))|"
                       r"(?P<c>\b[A-ZÀ-Ý][\w'’ .-]{1,30},\s*(?:[A-Z]{2}\b|[A-ZÀ-Ý][\w'’ .-]{2,30}))")
_LOC_STOP = re.compile(r"@|\d{3}|https?:|www\.|linkedin|github", re.IGNORECASE)


def looks_like_name(line: str) -> bool:
    """True for "Ana Souza", "JOHN DOE", "María José de la Cruz": 2–6 capitalised words, no digits or e-mail."""
    line = clean(re.sub(r",.*$", "", line))
    words = line.split()
    if not 2 <= len(words) <= 6 or any(c.isdigit() for c in line) or "@" in line:
        return False
    if heading_name(line):
        return False
    return all(_NAME_WORD.match(w) for w in words)


def _phone(text: str) -> str:
    for m in PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if 8 <= len(digits) <= 15 and not re.fullmatch(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}", m.group(0).strip()):
            return m.group(0).strip()
    return ""


def find_contact(text: str, sections: list[Section] | tuple[Section, ...]) -> Contact:
    """Name, e-mail, phone and location; the name comes from the first lines, the rest from anywhere near the top."""
    top_end = next((s.end for s in sections if s.name == "contact"), min(len(text), 600))
    top_end = max(top_end, min(len(text), 400))
    top = text[:top_end]
    name = ""
    name_line = -1
    for n, (s, e) in enumerate(iter_lines(top)):
        line = top[s:e].strip()
        if not line:
            continue
        if n > 12:
            break
        if looks_like_name(line):
            name = clean(re.sub(r",.*$", "", line))
            name_line = s
            break
    em = EMAIL.search(top) or EMAIL.search(text)
    phone = _phone(top) or ""
    location = ""
    contact_end = next((s.end for s in sections if s.name == "contact"), min(len(text), 400))
    for s, e in iter_lines(text[:contact_end]):
        line = text[s:e].strip()
        if not line or len(line) > 120 or s == name_line:
            continue
        for part in re.split(r"\s[|•·]\s|\s{2,}|\t|\s-\s", line):
            m = _LOCATION.search(part)
            if m and not _LOC_STOP.search(m.group(0)):
                location = clean(m["l"] or m["c"])
                break
        if location:
            break
    return Contact(name=name, email=em.group(0) if em else "", phone=phone, location=location)


__all__ = ["EMAIL", "PHONE", "find_contact", "looks_like_name"]
