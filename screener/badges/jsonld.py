"""JSON-LD canonicalisation (RDFC-1.0 / URDNA2015) with contexts shipped in ``contexts/`` only — never fetched.

A Data Integrity proof signs the canonical N-Quads of a document, so every context the document names must be
known locally; an unknown context is a ``UnknownContext`` (the verifier reports it as malformed).
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyld import jsonld

CONTEXTS_DIR = Path(__file__).parent / "contexts"


class UnknownContext(Exception):
    """A JSON-LD context URL that is not shipped with the verifier."""

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__(f"JSON-LD context {url} is not one of the contexts shipped with the verifier")


class CanonicalisationError(Exception):
    """The document cannot be turned into canonical N-Quads (bad JSON-LD)."""


class UndefinedTerms(CanonicalisationError):
    """Properties that the document's contexts do not define: JSON-LD drops them, so no proof covers them.

    Signing libraries refuse such documents ("safe mode"); a verifier that accepted them would show claims
    (an achievement name, a date) that an attacker could have added after signing without breaking the proof.
    """

    def __init__(self, terms: list[str]) -> None:
        self.terms = terms
        super().__init__(f"terms not defined by its JSON-LD contexts (not covered by the proof): {', '.join(terms)}")


@lru_cache(maxsize=1)
def _context_documents() -> dict[str, Any]:
    """URL → parsed context, read once from ``contexts/index.json``."""
    index = json.loads((CONTEXTS_DIR / "index.json").read_text(encoding="utf-8"))
    parsed: dict[str, Any] = {}
    by_file: dict[str, Any] = {}
    for url, name in index["contexts"].items():
        if name not in by_file:
            by_file[name] = json.loads((CONTEXTS_DIR / name).read_text(encoding="utf-8"))
        parsed[url] = by_file[name]
    return parsed


def known_context_urls() -> frozenset[str]:
    return frozenset(_context_documents())


def _normalise_url(url: str) -> str:
    # Contexts are identified by URL; a trailing fragment never changes the document served.
    return url.split("#", 1)[0]


def _document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    docs = _context_documents()
    key = _normalise_url(url)
    if key not in docs:
        raise UnknownContext(url)
    # pyld caches resolved contexts itself (keyed by URL), so this copy happens about once per context.
    return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(docs[key])}


def context_urls(value: Any) -> list[str]:
    """Every context URL named anywhere in a JSON-LD value (top level and nested ``@context``)."""
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, sub in item.items():
                if key == "@context":
                    ctx_items = sub if isinstance(sub, list) else [sub]
                    for ctx in ctx_items:
                        if isinstance(ctx, str):
                            found.append(ctx)
                        elif isinstance(ctx, dict):
                            stack.append(ctx)
                else:
                    stack.append(sub)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def unknown_contexts(value: Any) -> list[str]:
    known = known_context_urls()
    return [url for url in context_urls(value) if _normalise_url(url) not in known]


def canonize(document: dict[str, Any]) -> str:
    """Canonical N-Quads (RDFC-1.0, which URDNA2015 implements) of a JSON-LD document.

    Raises ``UnknownContext`` when a context is not shipped, ``UndefinedTerms`` when a property would be silently
    dropped (so unsigned), and ``CanonicalisationError`` for other invalid JSON-LD.
    """
    missing = unknown_contexts(document)
    if missing:
        raise UnknownContext(missing[0])
    dropped: list[str] = []

    def on_dropped(term: str | None) -> None:
        if term not in dropped:
            dropped.append(str(term))

    try:
        result = jsonld.JsonLdProcessor(on_property_dropped=on_dropped).normalize(
            document,
            {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": _document_loader},
        )
    except UnknownContext:
        raise
    except jsonld.JsonLdError as exc:
        cause: BaseException | None = exc
        while cause is not None:
            if isinstance(cause, UnknownContext):
                raise cause from exc
            cause = getattr(cause, "cause", None) or cause.__cause__
        raise CanonicalisationError(str(exc).splitlines()[0]) from exc
    except (RecursionError, TypeError, ValueError, KeyError) as exc:
        raise CanonicalisationError(f"invalid JSON-LD: {type(exc).__name__}") from exc
    if dropped:
        raise UndefinedTerms(dropped)
    return str(result)
