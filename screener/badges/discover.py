"""Find digital-badge and certificate links in a résumé: URLs typed in the text and hyperlink annotations.

Each link is classified by platform from ``data/platforms.yaml`` (host patterns + path patterns): Open Badges
platforms and badge files a machine can verify, and certificate pages only a person can check. Ordinary links
(LinkedIn profiles, GitHub, personal sites) are not badges and are not returned. Discovery never fetches anything
and does not apply the fetch policy: the verifier does that, so a badge link to a private address still shows up
and gets its ``unsafe-url`` verdict.

Public API:
    find_badge_links(text, links=()) -> list[BadgeLink]   (text order, then annotation order; de-duplicated)
    platform_for(url) -> platform name | None
    classify(url) -> PlatformRule | None
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal, cast
from urllib.parse import urlsplit

import yaml

from screener.errors import BadgeError
from screener.models import Link

Kind = Literal["open-badge", "certificate-page", "badge-file"]
_KINDS = ("open-badge", "certificate-page", "badge-file")
_PLATFORMS_FILE = Path(__file__).parent / "data" / "platforms.yaml"
MAX_URL_LENGTH = 2048


@dataclass(frozen=True)
class BadgeLink:
    """A badge or certificate link found in a document."""

    url: str  # with a scheme (https:// added when the text had none)
    platform: str  # display name, e.g. "Credly"
    kind: Kind
    machine_verifiable: bool
    anchor_text: str  # the hyperlink's text, or the URL as typed
    offset: int | None  # character offset of the typed URL in the text; None for annotation links


@dataclass(frozen=True)
class PlatformRule:
    name: str
    kind: Kind
    machine_verifiable: bool
    hosts: tuple[str, ...]
    exclude_hosts: frozenset[str]
    paths: tuple[re.Pattern[str], ...]
    path_keywords: tuple[str, ...]
    source: str
    # the host patterns (shell wildcards) as one expression: a URL is tested against every rule, for every link of
    # every résumé
    host_re: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "host_re", re.compile("|".join(fnmatch.translate(h) for h in self.hosts) or "(?!)"))

    def matches(self, host: str, path: str) -> bool:
        if host in self.exclude_hosts:
            return False
        if self.host_re.match(host) is None:
            return False
        if self.path_keywords:
            bare = path.split("?", 1)[0].lower()
            if not any(word in bare for word in self.path_keywords):
                return False
        return any(pattern.match(path) for pattern in self.paths)


@lru_cache(maxsize=1)
def _rules() -> tuple[PlatformRule, ...]:
    data = yaml.safe_load(_PLATFORMS_FILE.read_text(encoding="utf-8"))
    rules: list[PlatformRule] = []
    for row in data["platforms"]:
        kind = row["kind"]
        if kind not in _KINDS:
            raise BadgeError(f"platforms.yaml: unknown kind {kind!r} for {row['name']}")
        rules.append(
            PlatformRule(
                name=str(row["name"]),
                kind=cast(Kind, kind),
                machine_verifiable=bool(row["machine_verifiable"]),
                hosts=tuple(str(h).lower() for h in row["hosts"]),
                exclude_hosts=frozenset(str(h).lower() for h in row.get("exclude_hosts", ())),
                paths=tuple(re.compile(p, re.IGNORECASE) for p in row["paths"]),
                path_keywords=tuple(str(w).lower() for w in row.get("path_keywords", ())),
                source=str(row["source"]),
            )
        )
    return tuple(rules)


# ------------------------------------------------------------------------------------------- classification


def _with_scheme(url: str) -> str:
    """Add https:// to a typed URL without a scheme; lower-case the scheme and host (paths are case-sensitive)."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    elif not re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", url):
        url = "https://" + url
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*://)([^/?#]*)", url)
    if match:
        url = match.group(1).lower() + match.group(2).lower() + url[match.end() :]
    return url


def _host_and_path(url: str) -> tuple[str, str] | None:
    """Lower-case host (real host, after any userinfo) and path+query, or None for non-web URLs."""
    try:
        parts = urlsplit(_with_scheme(url))
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return host.rstrip(".").lower(), path


def classify(url: str) -> PlatformRule | None:
    """The first platform rule that matches ``url`` (scheme optional), or None when it is not a badge link."""
    if len(url) > MAX_URL_LENGTH:
        return None  # no badge URL is this long; also bounds the regular-expression work on hostile text
    pieces = _host_and_path(url)
    if pieces is None:
        return None
    host, path = pieces
    for rule in _rules():
        if rule.matches(host, path):
            return rule
    return None


def platform_for(url: str) -> str | None:
    """Display name of the badge/certificate platform ``url`` belongs to, or None for an ordinary link."""
    rule = classify(url)
    return rule.name if rule is not None else None


# ------------------------------------------------------------------------------------------- finding URLs in text

# Characters a typed URL may contain (RFC 3986 unreserved + reserved, ASCII only; typed IDNs are rare in résumés).
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
_SCHEME_URL = re.compile(rf"(?<![A-Za-z0-9+.\-])(?i:https?)://{_URL_CHARS}+")
# Without a scheme: a domain with a letter TLD followed by a path ("credly.com/badges/..."); not after '@' (emails).
_BARE_URL = re.compile(
    rf"(?<![A-Za-z0-9@.\-/:])(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{{0,62}}[A-Za-z0-9])?\.){{1,8}}[A-Za-z]{{2,24}}/{_URL_CHARS}*"
)
_TRAILING = ".,;:!?'\"*"
_PAIRS = {")": "(", "]": "[", "}": "{"}
# Line endings after which a URL obviously continues on the next line.
_CONTINUES = tuple("/-_=?&%.#")
_NEXT_TOKEN = re.compile(rf"[ \t]*\r?\n[ \t]*({_URL_CHARS}+)")


def _trim(url: str) -> str:
    """Drop trailing punctuation and closing brackets that are not part of the URL."""
    while url:
        last = url[-1]
        if last in _TRAILING or (last in _PAIRS and url.count(last) > url.count(_PAIRS[last])):
            url = url[:-1]
        else:
            break
    return url


def _is_badge(url: str) -> bool:
    return classify(url) is not None


def _maybe_rejoin(text: str, start: int, url: str) -> tuple[str, str]:
    """Rejoin a URL that a PDF or word processor broke across a line: (url, raw text span as typed).

    Only when the break is obvious: the URL ends right at the line break, the next line starts with URL
    characters (and not a new URL), and either the first part ends in a URL connector ("/", "-", "=", ...) or only
    the joined URL is a recognised badge link.
    """
    end = start + len(url)
    raw = url
    for _ in range(3):  # a long URL can span a few lines
        match = _NEXT_TOKEN.match(text, end)
        if not match:
            break
        token = _trim(match.group(1))
        if not token or re.match(r"(?i)https?://|www\.", token):
            break
        joined = url + token
        if not _is_badge(joined):
            break
        if not (url.endswith(_CONTINUES) or not _is_badge(url)):
            break
        url = joined
        end = match.start(1) + len(token)
        raw = text[start:end]
    return url, raw


def _typed_urls(text: str) -> list[tuple[int, str, str]]:
    """(offset, url, raw span) for every URL-looking string in ``text``."""
    found: dict[int, tuple[str, str]] = {}
    covered = bytearray(len(text))  # 1 where a URL with a scheme was already found (linear on hostile text)
    for pattern in (_SCHEME_URL, _BARE_URL):
        for match in pattern.finditer(text):
            start = match.start()
            if covered[start]:
                continue  # part of a URL already found with its scheme
            url = _trim(match.group(0))
            if not url or url.endswith("://"):
                continue
            url, raw = _maybe_rejoin(text, start, url)
            found[start] = (url, raw)
            covered[start : start + len(raw)] = b"\x01" * len(raw)
    return [(start, url, raw) for start, (url, raw) in sorted(found.items())]


def _dedupe_key(url: str) -> str:
    pieces = _host_and_path(url)
    if pieces is None:
        return url
    host, path = pieces
    host = host.removeprefix("www.")
    return host + path.split("#", 1)[0].rstrip("/")


def _to_link(url: str, anchor: str, offset: int | None) -> BadgeLink | None:
    full = _with_scheme(url)
    rule = classify(full)
    if rule is None:
        return None
    return BadgeLink(
        url=full,
        platform=rule.name,
        kind=rule.kind,
        machine_verifiable=rule.machine_verifiable,
        anchor_text=anchor,
        offset=offset,
    )


def find_badge_links(text: str, links: Sequence[Link] = ()) -> list[BadgeLink]:
    """Badge and certificate links in ``text`` (typed URLs, in text order) and ``links`` (annotations, in order).

    De-duplicated by host (ignoring "www.") + path + query, first occurrence kept; ordinary links are left out.
    """
    result: list[BadgeLink] = []
    seen: set[str] = set()
    for offset, url, raw in _typed_urls(text or ""):
        link = _to_link(url, raw, offset)
        if link is not None and _dedupe_key(link.url) not in seen:
            seen.add(_dedupe_key(link.url))
            result.append(link)
    for annotation in links:
        url = (annotation.url or "").strip()
        if not url:
            continue
        anchor = annotation.text or url
        link = _to_link(_trim(url), anchor, None)
        if link is not None and _dedupe_key(link.url) not in seen:
            seen.add(_dedupe_key(link.url))
            result.append(link)
    return result
