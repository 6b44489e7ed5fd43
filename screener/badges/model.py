"""Result types of badge verification: one ``BadgeVerdict`` per badge, with the claims it makes and why.

A verdict is the outcome of the checks in ``../data/badges/README.md`` order; the claims (issuer, achievement,
alignments...) are shown to the hiring manager but only count as evidence when the verdict is ``valid``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, Protocol, get_args

Verdict = Literal[
    "valid",
    "expired",
    "revoked",
    "invalid-signature",
    "recipient-mismatch",
    "malformed",
    "unsupported",
    "unsafe-url",
]

# Derived from the Literal so the two cannot drift apart.
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)

# Most decisive first: when several apply, the earliest wins (README "Precedence").
PRECEDENCE: tuple[Verdict, ...] = (
    "malformed",
    "unsupported",
    "unsafe-url",
    "invalid-signature",
    "revoked",
    "expired",
    "recipient-mismatch",
    "valid",
)


@dataclass(frozen=True)
class Alignment:
    """A skill/competency the achievement aligns to (ESCO, O*NET, Credential Engine...)."""

    target_name: str
    target_url: str
    target_framework: str
    target_code: str

    def to_json(self) -> dict[str, str]:
        return {
            "target_name": self.target_name,
            "target_url": self.target_url,
            "target_framework": self.target_framework,
            "target_code": self.target_code,
        }


@dataclass(frozen=True)
class BadgeClaims:
    """What a badge says about itself. Unverified unless the verdict is ``valid``."""

    issuer: str | None = None
    issuer_url: str | None = None
    issuer_id: str | None = None
    issued_on: str | None = None
    expires: str | None = None
    achievement_name: str | None = None
    achievement_description: str | None = None
    criteria: str | None = None
    alignments: tuple[Alignment, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class BadgeVerdict:
    """The verdict on one badge, the reasons behind it and the claims it carries."""

    verdict: Verdict
    reasons: tuple[str, ...]
    format: str
    issuer: str | None
    issuer_url: str | None
    known_issuer: bool
    issued_on: str | None
    expires: str | None
    achievement_name: str | None
    achievement_description: str | None
    criteria: str | None
    alignments: tuple[Alignment, ...]
    tags: tuple[str, ...]
    recipient_checked: bool
    source: str
    tampered: bool = False
    checks_not_done: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The CLI contract (``badge verify --json``): every field, JSON-safe, stable key order."""
        return {
            "verdict": self.verdict,
            "reasons": list(self.reasons),
            "format": self.format,
            "issuer": self.issuer,
            "issuer_url": self.issuer_url,
            "known_issuer": self.known_issuer,
            "issued_on": self.issued_on,
            "expires": self.expires,
            "achievement_name": self.achievement_name,
            "achievement_description": self.achievement_description,
            "criteria": self.criteria,
            "alignments": [a.to_json() for a in self.alignments],
            "tags": list(self.tags),
            "recipient_checked": self.recipient_checked,
            "source": self.source,
            "tampered": self.tampered,
            "checks_not_done": list(self.checks_not_done),
        }


class BadgeFailure(Exception):
    """Raised inside verification to stop with a verdict (never escapes ``verify_badge``)."""

    def __init__(self, verdict: Verdict, reason: str, *, tampered: bool = False) -> None:
        self.verdict: Verdict = verdict
        self.reason = reason
        self.tampered = tampered
        super().__init__(reason)


class _Response(Protocol):
    status: int
    body: bytes
    final_url: str


class _Fetcher(Protocol):
    def get(self, url: str, *, accept: str = ...) -> Any: ...


MAX_FETCHED_JSON = 1024 * 1024
JSON_ACCEPT = "application/ld+json, application/json;q=0.9, */*;q=0.1"


@dataclass
class Run:
    """State of one verification: the fetcher, the clock, what was noted along the way."""

    fetcher: _Fetcher
    now: datetime
    email: str | None = None
    reasons: list[str] = field(default_factory=list)
    not_done: list[str] = field(default_factory=list)
    claims: BadgeClaims = field(default_factory=BadgeClaims)
    format: str = "unknown"
    recipient_checked: bool = False
    _cache: dict[str, Any] = field(default_factory=dict)

    def note(self, reason: str) -> None:
        if reason not in self.reasons:
            self.reasons.append(reason)

    def skip(self, what: str) -> None:
        if what not in self.not_done:
            self.not_done.append(what)

    def fetch(self, url: str, *, accept: str = JSON_ACCEPT) -> Any | None:
        """GET through the fetcher after the URL policy; ``None`` when the fetch itself failed."""
        from screener.badges.urlpolicy import check_url  # the policy module is shared with the fetchers
        from screener.errors import FetchError, UnsafeURL

        if url in self._cache:
            return self._cache[url]
        try:
            check_url(url)
            response = self.fetcher.get(url, accept=accept)
        except UnsafeURL as exc:
            raise BadgeFailure("unsafe-url", f"refused to fetch {url}: {exc.message}") from exc
        except FetchError as exc:
            self.skip(f"could not fetch {url}: {exc.message}")
            response = None
        self._cache[url] = response
        return response

    def fetch_ok(self, url: str, *, what: str) -> Any | None:
        """The response when ``url`` answered HTTP 200, else ``None`` (not fetched, or another status, noted)."""
        response = self.fetch(url)
        if response is None:
            return None
        if response.status != 200:
            self.note(f"{what}: {url} answered HTTP {response.status}")
            return None
        return response

    def get_json(self, url: str, *, what: str) -> dict[str, Any] | None:
        """A fetched JSON object, or ``None`` (not found, not JSON, too large) with the reason noted."""
        response = self.fetch_ok(url, what=what)
        if response is None:
            return None
        if len(response.body) > MAX_FETCHED_JSON:
            self.note(f"{what}: {url} is larger than {MAX_FETCHED_JSON // 1024} KiB")
            return None
        try:
            value = json.loads(response.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            self.note(f"{what}: {url} is not JSON")
            return None
        if not isinstance(value, dict):
            self.note(f"{what}: {url} is not a JSON object")
            return None
        return value


_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_datetime(value: Any) -> datetime:
    """ISO 8601 date/date-time (``Z`` or offset; naive means UTC) or a Unix timestamp (OB2 allows both)."""
    if isinstance(value, bool):
        raise ValueError("not a date")
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=UTC)
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        raise ValueError("not a date")
    text = value.strip()
    if text.isdigit():
        return datetime.fromtimestamp(int(text), tz=UTC)
    if _DATE_ONLY.match(text):
        return datetime.fromisoformat(text).replace(tzinfo=UTC)
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
