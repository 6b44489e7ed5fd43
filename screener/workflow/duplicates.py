"""The same person applying twice: results that share a document (same bytes, same sha256), an e-mail address, a
phone number or a name (normalised) are flagged as possible duplicates, never merged or dropped — a person decides.

    groups = find_duplicates(run.results)            # on the unredacted run: contact details are read from the text
    groups.of("C-1a2b3c4d")                          # the codes it may duplicate, with why

Names alone are a weaker signal (two people can share one), so every flag says which signals matched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..parse._data import fold
from ..parse.contact import EMAIL as _EMAIL

# A phone number: an optional +, then 7–15 digits with spaces, dots, dashes or brackets between them.
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d ().-]{5,20}\d(?!\w)")
_DATE_LIKE = re.compile(r"^\d{4}\s*[-–.]\s*\d{2,4}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")

SIGNALS = ("same file", "same e-mail", "same phone", "same name")


def norm_email(text: str) -> str:
    return text.strip().casefold()


def norm_phone(text: str) -> str | None:
    """Digits only, the last ten (a country code or trunk prefix written or not); None when not a phone number."""
    if _DATE_LIKE.match(text.strip()):
        return None
    digits = re.sub(r"\D", "", text)
    if not 7 <= len(digits) <= 15:
        return None
    last = digits[-10:]
    return None if _placeholder(last) else last


_ASCENDING = "01234567890123456789"


def _placeholder(digits: str) -> bool:
    """A template's number, shared by people who never met: "(123) 456-7890", "000-000-0000", "987-654-3210", or
    one of the North American numbers set aside for fiction (555-0100 to 555-0199)."""
    return len(set(digits)) == 1 or digits in _ASCENDING or digits[::-1] in _ASCENDING or \
        digits[-7:-2] == "55501"


def norm_name(text: str) -> str | None:
    """Accents and case folded, punctuation dropped, words sorted ("PÉREZ, Lucía" = "Lucia Perez"); None unless
    it has at least two words of letters."""
    words = re.findall(r"[^\W\d_]+", fold(text))
    if len(words) < 2:
        return None
    return " ".join(sorted(words))


def contacts(text: str) -> tuple[set[str], set[str]]:
    """(e-mail addresses, phone numbers), normalised, found in a document's text."""
    emails = {norm_email(m.group(0)) for m in _EMAIL.finditer(text or "")}
    phones = set()
    for m in _PHONE.finditer(text or ""):
        p = norm_phone(m.group(0))
        if p:
            phones.add(p)
    return emails, phones


@dataclass(frozen=True)
class DuplicateMatch:
    code: str  # the other result's candidate code
    file: str  # the other result's file (not for blind views: use the code)
    signals: tuple[str, ...]  # which of SIGNALS matched

    def words(self) -> str:
        return f"{self.code} ({', '.join(self.signals)})"


@dataclass
class Duplicates:
    """Possible duplicates of a run, by candidate code."""

    matches: dict[str, list[DuplicateMatch]] = field(default_factory=dict)

    def of(self, code: str) -> list[DuplicateMatch]:
        return self.matches.get(code, [])

    @property
    def flagged(self) -> set[str]:
        return {c for c, m in self.matches.items() if m}

    def groups(self) -> list[set[str]]:
        """Connected sets of codes (A ~ B ~ C is one group of three)."""
        seen: set[str] = set()
        out = []
        for start in sorted(self.flagged):
            if start in seen:
                continue
            group, todo = set(), [start]
            while todo:
                c = todo.pop()
                if c in group:
                    continue
                group.add(c)
                todo.extend(m.code for m in self.of(c))
            seen |= group
            out.append(group)
        return out

    def words(self, code: str) -> str:
        """"possible duplicate of C-…, C-… (same e-mail)" or ""."""
        ms = self.of(code)
        return ("possible duplicate of " + "; ".join(m.words() for m in ms)) if ms else ""


def _code(result: Any) -> str:
    from ..fairness.redact import result_code

    return result_code(result)


def _text(result: Any) -> str:
    prof = getattr(result, "profile", None)
    return prof.document.text if prof is not None and getattr(prof, "document", None) is not None else ""


def find_duplicates(results: Iterable[Any], *, text_of: Callable[[Any], str] | None = None,
                    code_of: Callable[[Any], str] | None = None) -> Duplicates:
    """Flag results of one run that look like the same person (run it on the unredacted results).

    Signals: the same document sha256; a shared e-mail address or phone number in the text; the same name
    (normalised, at least two words). Unreadable files take part through their sha256 only."""
    text_of = text_of or _text
    code_of = code_of or _code
    keys: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # (signal, value) → [(code, file)]
    for r in results:
        code, file = code_of(r), getattr(r, "file", "")
        sha = getattr(r, "document_sha256", "") or ""
        if not sha and getattr(r, "profile", None) is not None and r.profile.document is not None:
            sha = r.profile.document.sha256 or ""
        if sha:
            keys[("same file", sha)].append((code, file))
        if getattr(r, "error", ""):
            continue
        emails, phones = contacts(text_of(r))
        for e in emails:
            keys[("same e-mail", e)].append((code, file))
        for p in phones:
            keys[("same phone", p)].append((code, file))
        name = norm_name(getattr(r, "candidate", "") or "")
        if name:
            keys[("same name", name)].append((code, file))
    pairs: dict[tuple[str, str], tuple[str, set[str]]] = {}
    for (signal, _), members in keys.items():
        uniq = list(dict.fromkeys(members))
        for a_code, a_file in uniq:
            for b_code, b_file in uniq:
                if (a_code, a_file) == (b_code, b_file):
                    continue
                _, sigs = pairs.setdefault((a_code + "\0" + a_file, b_code + "\0" + b_file), (b_file, set()))
                sigs.add(signal)
    out = Duplicates()
    for (a, b), (_, sigs) in sorted(pairs.items()):
        a_code = a.split("\0", 1)[0]
        b_code, b_file = b.split("\0", 1)
        ordered = tuple(s for s in SIGNALS if s in sigs)
        out.matches.setdefault(a_code, []).append(DuplicateMatch(b_code, b_file, ordered))
    return out


def duplicate_count(dups: Duplicates, codes: Sequence[str]) -> int:
    """How many of ``codes`` are flagged as a possible duplicate of another."""
    return sum(1 for c in codes if dups.of(c))
