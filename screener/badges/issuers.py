"""Known badge issuers: a user-editable list (``config/known_issuers.yaml``) saying which issuers are recognised.

A valid signature proves integrity, not reputation: the verdict shows whether the (verified) issuer is on this
list. Organisations are matched by exact issuer id, or by the host of the issuer id; platforms (Credly, Badgr...)
are matched by host and only reported as "issued through", never as a known organisation.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from screener.errors import BadgeError

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "config" / "known_issuers.yaml"
ENV_VAR = "SCREENER_KNOWN_ISSUERS"


@dataclass(frozen=True)
class KnownIssuer:
    name: str
    kind: str  # "organisation" or "platform"
    ids: tuple[str, ...]
    hosts: tuple[str, ...]
    source: str
    note: str = ""


def issuer_host(issuer_id: str) -> str:
    """Host that controls an issuer id: the URL host, or the did:web domain. Empty for did:key, urn: ..."""
    if issuer_id.startswith("did:web:"):
        return unquote(issuer_id[len("did:web:"):].split(":")[0]).split(":")[0].lower()
    try:
        parts = urlsplit(issuer_id)
    except ValueError:
        return ""
    if parts.scheme.lower() in ("http", "https"):
        return (parts.hostname or "").lower()
    return ""


class KnownIssuers:
    """The list of recognised issuers, looked up by issuer id."""

    def __init__(self, entries: list[KnownIssuer]) -> None:
        self.entries = tuple(entries)
        self._by_id = {i: e for e in entries for i in e.ids}

    @classmethod
    def load(cls, path: Path | None = None) -> KnownIssuers:
        """Read the YAML list; a missing default file means an empty list, a broken file is a ``BadgeError``."""
        path = Path(path or os.environ.get(ENV_VAR) or DEFAULT_PATH)
        if not path.is_file():
            return cls([])
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise BadgeError(f"the known-issuers list cannot be read: {exc}", file=str(path)) from exc
        raw = data.get("issuers") if isinstance(data, dict) else None
        if not isinstance(raw, list):
            raise BadgeError("the known-issuers list must have an 'issuers:' list", file=str(path))
        return cls([_entry(item, path, n) for n, item in enumerate(raw, 1)])

    def match(self, issuer_id: str | None) -> KnownIssuer | None:
        if not issuer_id:
            return None
        if issuer_id in self._by_id:
            return self._by_id[issuer_id]
        host = issuer_host(issuer_id)
        if not host:
            return None
        for entry in self.entries:
            if any(host == h or host.endswith("." + h) for h in entry.hosts):
                return entry
        return None


def _entry(item: Any, path: Path, n: int) -> KnownIssuer:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise BadgeError(f"issuers[{n}]: each entry needs a name", file=str(path))
    kind = item.get("kind", "organisation")
    if kind not in ("organisation", "platform"):
        raise BadgeError(f"issuers[{n}].kind must be organisation or platform, not {kind!r}", file=str(path))
    ids = item.get("ids", []) or []
    hosts = item.get("hosts", []) or []
    if not isinstance(ids, list) or not isinstance(hosts, list) or not (ids or hosts):
        raise BadgeError(f"issuers[{n}] ({item['name']}): give ids and/or hosts as lists", file=str(path))
    return KnownIssuer(
        name=item["name"],
        kind=kind,
        ids=tuple(str(i) for i in ids),
        hosts=tuple(str(h).lower().strip(".") for h in hosts),
        source=str(item.get("source", "")),
        note=str(item.get("note", "")),
    )
