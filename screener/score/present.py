"""How a competency's evidence is shown to a person: one row per piece, plain words, full context on demand.

The app's candidate page and the reports read these rows; nothing here renders anything (the UI shows every
string as plain text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..rubric import Rubric
from .model import CandidateResult, CompetencyScore, Evidence, WorkHistoryEntry

#: What each kind of evidence is, in words a hiring manager reads.
KIND_LABELS: dict[str, str] = {
    "verified-badge": "Verified badge",
    "role": "Used in a dated role",
    "certification": "Certification listed, not verified",
    "project": "Project or publication",
    "education": "Education",
    "skills-list": "Listed in a skills section",
    "mention": "Mentioned elsewhere in the résumé",
}
#: Evidence in the experience section that no dated role holds.
UNDATED_ROLE_LABEL = "Named in work experience (no dated role)"
#: How each kind of measure in a quantified achievement (score/achievements.py) reads to a reviewer.
MEASURE_WORDS = {"percentage": "a percentage", "money": "an amount of money", "time": "time saved",
                 "count": "a scale (users, requests, people …)"}


def achievement_caption(role: str, measures: tuple[str, ...], *, same_role: bool) -> str:
    """'in the same role: Data Engineer, Acme · measured as a percentage' (the role left out when it is empty)."""
    where = ("in the same role: " if same_role else "") + role
    what = "measured as " + ", ".join(MEASURE_WORDS.get(m, m) for m in measures)
    return " · ".join(x for x in (where.strip().rstrip(":"), what) if x)


def strength_word(strength: float) -> str:
    """0.8 and above is strong, 0.5 and above moderate, below that weak."""
    if strength >= 0.8:
        return "strong"
    if strength >= 0.5:
        return "moderate"
    return "weak"


@dataclass(frozen=True)
class EvidenceRow:
    """One piece of evidence, ready to show."""

    skill: str  # what was found, as written (several skills of one badge joined with ", ")
    found_as: str  # "Used in a dated role — strong"
    where: str  # the role, the section, or the badge's source
    context: str  # the line around the quote (short)
    full_context: str  # the whole bullet or paragraph (for an expander)
    start: int | None = None
    end: int | None = None
    related: bool = False


def full_context(text: str, start: int, end: int, *, limit: int = 1200) -> str:
    """The bullet or paragraph holding [start, end): its lines joined back where the résumé wrapped them (the next
    line is not a new bullet and either goes on in lower case or follows a line without end punctuation)."""

    def line_at(pos: int) -> tuple[int, int]:
        ls = text.rfind("\n", 0, pos) + 1
        le = text.find("\n", pos)
        return ls, len(text) if le == -1 else le

    def joins(prev: str, cur: str) -> bool:
        return (bool(prev.strip()) and bool(cur.strip()) and not _is_bullet(cur)
                and (cur.lstrip()[:1].islower() or not prev.rstrip().endswith((".", "!", "?", ":", ";"))))

    ls, le = line_at(start)
    _, le = line_at(max(end - 1, start))
    while ls > 0 and len(text[ls:le]) < limit:
        ps, _ = line_at(ls - 1)
        if not joins(text[ps:ls - 1], text[ls:text.find("\n", ls) if text.find("\n", ls) != -1 else len(text)]):
            break
        ls = ps
    while le < len(text) and len(text[ls:le]) < limit:
        _, ne = line_at(le + 1)
        if not joins(text[text.rfind("\n", 0, le) + 1:le], text[le + 1:ne]):
            break
        le = ne
    out = re.sub(r"[ \t]+", " ", text[ls:le]).strip()
    return out if len(out) <= limit else out[:limit].rstrip() + "…"


def _is_bullet(line: str) -> bool:
    return bool(re.match(r"^\s*(?:[•●▪◦*·\-–—]|\d+[.)])\s", line))


def _found_as(e: Evidence) -> str:
    label = UNDATED_ROLE_LABEL if e.kind == "role" and not e.role else KIND_LABELS.get(e.kind, e.kind)
    words = f"{label} — {strength_word(e.strength)}"
    if e.related:
        words += f" (related skill {e.skill_label}, half strength)"
    return words


def evidence_rows(c: CompetencyScore, *, text: str = "", blind: bool = False) -> list[EvidenceRow]:
    """One row per piece of evidence of a competency, strongest first.

    A badge is one row however many of its fields name the skill (the same verified badge listed three times was
    three rows); a quote is one row per place. ``blind`` leaves out role titles and employers."""
    rows: list[EvidenceRow] = []
    badge_rows: dict[str, int] = {}
    seen: set[tuple] = set()
    for e in c.evidence:
        if e.kind == "verified-badge":
            if e.source in badge_rows:
                i = badge_rows[e.source]
                r = rows[i]
                if e.quote.casefold() not in [s.casefold() for s in r.skill.split(", ")]:
                    rows[i] = EvidenceRow(f"{r.skill}, {e.quote}", r.found_as, r.where, r.context, r.full_context,
                                          related=r.related and e.related)
                continue
            badge_rows[e.source] = len(rows)
            rows.append(EvidenceRow(e.quote, _found_as(e), e.source, e.context, e.context, related=e.related))
            continue
        key = (e.kind, e.start, e.end)
        if key in seen:
            continue
        seen.add(key)
        where = e.role if e.role and not blind else _section_words(e.section)
        fc = full_context(text, e.start, e.end) if text and e.start is not None and e.end is not None else e.context
        rows.append(EvidenceRow(e.quote, _found_as(e), where, e.context, fc, e.start, e.end, e.related))
    return rows


def _section_words(section: str) -> str:
    return {"experience": "work experience", "skills": "skills section", "summary": "summary",
            "education": "education", "certifications": "certifications", "projects": "projects",
            "publications": "publications", "volunteering": "volunteering", "other": "elsewhere in the résumé",
            "badge": "badge"}.get(section, section)


def licensing_note(result: CandidateResult, rubric: Rubric) -> str | None:
    """The U.S. licensing path, once, and only where the rubric's role is a regulated profession and the candidate's
    credential is foreign (an engineering-licence path is no use on a software role or to a U.S. graduate)."""
    from ..credentials import detect_regulated_profession, licensing_for_profession

    if not result.has_foreign_credential:
        return None
    profession = ""
    if rubric.licence is not None:
        profession = rubric.licence.profession or rubric.licence.name
    else:
        profession = detect_regulated_profession(f"{rubric.role} {rubric.description}") or ""
    if not profession:
        return None
    steps: Sequence[str] = result.licence.licensing_path if result.licence and result.licence.licensing_path else ()
    if not steps:
        path = licensing_for_profession(profession)
        steps = tuple(path.steps) if path else ()
    if not steps:
        return None
    foreign = next(e for e in result.equivalencies if e.foreign)
    return (f"{rubric.role} is a regulated profession in the U.S.; with a credential from abroad "
            f"({foreign.credential}, {foreign.country or 'abroad'}) the licensing path is: " + " → ".join(steps))


def span_words(months: int | None) -> str:
    """A role's length in words: "2 yr 3 mo", "11 mo", "" when unknown."""
    if months is None:
        return ""
    years, rest = divmod(months, 12)
    return " ".join(x for x in (f"{years} yr" if years else "", f"{rest} mo" if rest or not years else "") if x)


def dates_words(w: WorkHistoryEntry) -> str:
    """A role's dates as the candidate page shows them; an undated role says so (dates are never guessed)."""
    if not w.start:
        return "no dates given"
    if not w.end:
        return f"from {w.start} (no end given)"
    return f"{w.start} – {w.end}"


def work_history_rows(result: CandidateResult) -> list[dict[str, str]]:
    """The candidate's roles as table rows (plain text), in the order the résumé gives them."""
    return [{"Title": w.title, "Employer": w.employer, "Location": w.location, "Dates": dates_words(w),
             "Length": span_words(w.months)} for w in result.work_history]


__all__ = ["KIND_LABELS", "MEASURE_WORDS", "achievement_caption", "EvidenceRow", "dates_words", "evidence_rows", "full_context", "licensing_note",
           "span_words", "strength_word", "work_history_rows"]
