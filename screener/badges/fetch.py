"""The one network layer of the badge verifier: every byte the verifier reads from a URL comes through a Fetcher.

Every fetcher applies the URL policy (``urlpolicy.check_url``) to the requested URL and to every redirect hop
before anything is sent or looked up, caps redirects (5) and body size (256 KB), and reports HTTP errors such as
404/410 as ordinary responses (410 means "revoked" to the verifier). Policy refusals raise ``UnsafeURL``; failures
of a permitted fetch (timeout, too large, too many redirects, connection error) raise ``FetchError``.

- ``OfflineMapFetcher`` answers from a MAP.json (URL -> file | {"status": 404} | {"status": 302, "redirect": URL});
  used by ``badge verify --offline-map`` and by tests. ``MappingFetcher`` is the same over an in-memory dict.
- ``HttpFetcher`` is the real network: resolve once, check every address, connect to the checked address.
- ``CachingFetcher`` wraps any fetcher with an in-memory (and optional on-disk) cache.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urljoin

from screener.badges.urlpolicy import (
    AddressChecker,
    IPAddress,
    ParsedURL,
    Resolver,
    check_address,
    check_address_allowing_loopback,
    check_url,
    parse_url,
    resolve_and_check,
)
from screener.errors import FetchError, UnsafeURL, UsageError
from screener.exports import write_private

DEFAULT_ACCEPT = "application/ld+json, application/json, */*"
MAX_REDIRECTS = 5
MAX_BODY_BYTES = 256 * 1024
DEFAULT_TIMEOUT_S = 10.0
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "SkillsScreener-BadgeVerifier/1.0"

MapValue = str | bytes | Mapping[str, Any]

_CONTENT_TYPES = {
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".jwt": "application/jwt",
    ".jws": "application/jose",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".txt": "text/plain",
    ".html": "text/html",
}


def _now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class FetchResponse:
    """What one GET returned, after redirects. ``url`` is the URL asked for, ``final_url`` the last hop."""

    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str
    fetched_at: str  # ISO 8601 UTC, e.g. "2025-01-09T12:00:00Z"

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class Fetcher(Protocol):
    """Anything that can GET a URL under the fetch policy."""

    def get(self, url: str, *, accept: str = DEFAULT_ACCEPT) -> FetchResponse: ...


def _redirect_target(current: str, location: str, address_checker: AddressChecker) -> ParsedURL:
    """Resolve a Location header against the current URL and apply the full policy to the result."""
    try:
        target = urljoin(current, location.strip())
    except ValueError:
        raise UnsafeURL(f"redirect to unsafe URL: {location!r} (malformed)") from None
    try:
        return parse_url(target, address_checker=address_checker)
    except UnsafeURL as exc:
        raise UnsafeURL(f"redirect to unsafe URL: {target} ({exc.message})") from None


# --------------------------------------------------------------------------------------------- offline map


class OfflineMapFetcher:
    """Answers from a URL -> response map, applying the URL policy first, exactly as the real network would.

    Map values: a path string (relative to ``base_dir``; absolute paths and paths outside the folder are allowed,
    the map is the user's), or a dict with ``status`` (default 200, or 302 when ``redirect`` is given), optional
    ``redirect`` (URL, absolute or relative), ``path``, ``body`` (text or bytes) and ``content_type``. Raw bytes
    are taken as the body. An unlisted URL answers 404 with an empty body. No DNS lookup is ever made: names are
    judged by name and literal addresses by address.
    """

    def __init__(
        self,
        mapping: Mapping[str, MapValue],
        base_dir: Path,
        *,
        max_redirects: int = MAX_REDIRECTS,
        max_bytes: int = MAX_BODY_BYTES,
        clock: Callable[[], str] = _now_iso,
    ) -> None:
        self._mapping: dict[str, MapValue] = dict(mapping)
        self._base_dir = Path(base_dir)
        self._max_redirects = max_redirects
        self._max_bytes = max_bytes
        self._clock = clock
        # Second index by normalised URL so "HTTPS://Example.org:443/a" finds "https://example.org/a".
        # Keys the policy refuses are simply not indexed: a request for them is refused before lookup anyway.
        self._normalised: dict[str, MapValue] = {}
        for key, value in self._mapping.items():
            try:
                self._normalised.setdefault(parse_url(key).url, value)
            except UnsafeURL:
                continue

    @classmethod
    def from_file(cls, path: Path, **kwargs: Any) -> OfflineMapFetcher:
        """Load a MAP.json; string values are paths relative to the map file's folder."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FetchError(f"offline map {path} does not exist", file=str(path)) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FetchError(f"offline map cannot be read: {exc}", file=str(path)) from None
        if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
            raise FetchError("offline map must be one JSON object: URL -> file or response", file=str(path))
        return cls(data, path.parent, **kwargs)

    def _lookup(self, parsed: ParsedURL, original: str) -> MapValue | None:
        without_fragment = original.split("#", 1)[0]
        for key in (original, without_fragment):
            if key in self._mapping:
                return self._mapping[key]
        return self._normalised.get(parsed.url)

    def _read_path(self, raw: str) -> tuple[bytes, str]:
        path = Path(raw)
        if not path.is_absolute():
            path = self._base_dir / path
        try:
            size = path.stat().st_size
        except OSError:
            raise FetchError(f"offline map names a file that does not exist: {raw}") from None
        if size > self._max_bytes:
            raise FetchError(f"response too large ({size} bytes; the limit is {self._max_bytes})")
        try:
            with path.open("rb") as handle:
                body = handle.read(self._max_bytes + 1)
        except OSError as exc:
            raise FetchError(f"offline map file cannot be read: {raw} ({exc.strerror})") from None
        if len(body) > self._max_bytes:
            raise FetchError(f"response too large (over {self._max_bytes} bytes)")
        return body, _CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")

    def _answer(self, value: MapValue | None) -> tuple[int, bytes, str, str | None]:
        """(status, body, content type, redirect location) for one map entry."""
        if value is None:
            return 404, b"", "text/plain", None
        if isinstance(value, bytes):
            return 200, self._capped(value), "application/octet-stream", None
        if isinstance(value, str):
            body, content_type = self._read_path(value)
            return 200, body, content_type, None
        if not isinstance(value, Mapping):
            raise FetchError(f"offline map entry has an unknown form: {type(value).__name__}")
        redirect = value.get("redirect")
        status_raw = value.get("status", 302 if redirect else 200)
        if isinstance(status_raw, bool) or not isinstance(status_raw, int) or not 100 <= status_raw <= 599:
            raise FetchError(f"offline map entry has an invalid status: {status_raw!r}")
        body = b""
        content_type = str(value.get("content_type", "application/octet-stream"))
        if "path" in value:
            body, guessed = self._read_path(str(value["path"]))
            content_type = str(value.get("content_type", guessed))
        elif "body" in value:
            raw_body = value["body"]
            if isinstance(raw_body, (dict, list)):
                raw_body = json.dumps(raw_body)
                content_type = str(value.get("content_type", "application/json"))
            body = self._capped(raw_body if isinstance(raw_body, bytes) else str(raw_body).encode("utf-8"))
        location = str(redirect) if redirect is not None and status_raw in REDIRECT_STATUSES else None
        return status_raw, body, content_type, location

    def _capped(self, body: bytes) -> bytes:
        if len(body) > self._max_bytes:
            raise FetchError(f"response too large ({len(body)} bytes; the limit is {self._max_bytes})")
        return body

    def covers(self, url: str) -> bool:
        """Whether the map answers this URL itself (an unlisted URL would get a 404 from it)."""
        try:
            parsed = parse_url(url)
        except UnsafeURL:
            return False
        return self._lookup(parsed, url) is not None

    def get(self, url: str, *, accept: str = DEFAULT_ACCEPT) -> FetchResponse:
        parsed = parse_url(url)
        current_raw = url
        redirects = 0
        while True:
            status, body, content_type, location = self._answer(self._lookup(parsed, current_raw))
            if location is None:
                return FetchResponse(url, parsed.url, status, body, content_type, self._clock())
            if redirects >= self._max_redirects:
                raise FetchError(f"too many redirects (more than {self._max_redirects}) starting at {url}")
            redirects += 1
            parsed = _redirect_target(parsed.url, location, check_address)
            current_raw = parsed.url


class LayeredFetcher:
    """Answers from an offline map where it lists the URL, and from ``remote`` (the network) otherwise.

    Both apply the same URL policy; the map never hides a refusal.
    """

    def __init__(self, local: OfflineMapFetcher, remote: Fetcher) -> None:
        self.local = local
        self.remote = remote

    def get(self, url: str, *, accept: str = DEFAULT_ACCEPT) -> FetchResponse:
        parse_url(url)  # the policy first, whichever side answers
        if self.local.covers(url):
            return self.local.get(url, accept=accept)
        return self.remote.get(url, accept=accept)


class MappingFetcher(OfflineMapFetcher):
    """An OfflineMapFetcher over an in-memory dict, for tests: URL -> bytes | text body | response dict.

    Unlike a MAP.json, a plain string value here is the response body itself (not a path); use
    ``{"path": ...}`` to serve a file.
    """

    def __init__(self, mapping: Mapping[str, MapValue], base_dir: Path | None = None, **kwargs: Any) -> None:
        converted: dict[str, MapValue] = {
            key: (value.encode("utf-8") if isinstance(value, str) else value) for key, value in mapping.items()
        }
        super().__init__(converted, Path(base_dir) if base_dir is not None else Path.cwd(), **kwargs)


# --------------------------------------------------------------------------------------------- real network


Connector = Callable[..., Any]


def _default_connector(
    ip: IPAddress, port: int, *, scheme: str, server_hostname: str, timeout: float, ssl_context: ssl.SSLContext
) -> Any:
    """An unconnected urllib3 connection pinned to ``ip``; TLS checks the certificate against the original host."""
    from urllib3.connection import HTTPConnection, HTTPSConnection

    if scheme == "https":
        return HTTPSConnection(
            str(ip),
            port,
            timeout=timeout,
            server_hostname=server_hostname,
            assert_hostname=server_hostname,
            ssl_context=ssl_context,
        )
    return HTTPConnection(str(ip), port, timeout=timeout)


class _Deadline:
    """Shuts the socket down when the total time budget is spent, so a server that drips bytes cannot hold us.

    The socket is held here from the moment it is connected: when a response says it will close (HTTP/1.0,
    ``Connection: close``), http.client hands the socket to the response and the connection forgets it, and a
    per-read socket timeout never fires while bytes keep trickling in. Shutting the held socket down from the
    timer thread ends any blocked read, whatever stage the exchange is at.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._timer: threading.Timer | None = None
        self._sock: Any = None

    def message(self, host: str = "") -> str:
        server = f"the badge server {host}" if host else "the badge server"
        return f"timed out: {server} did not answer in time (limit {self.seconds:g} s for the whole fetch)"

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            self.expired = True
            raise FetchError(self.message())
        return left

    def hold(self, sock: Any) -> None:
        """Keep the connected socket within the timer's reach for the rest of this request."""
        self._sock = sock

    def tighten(self) -> None:
        """Bound the next blocking read of the held socket by the time left (a silent server), besides the timer."""
        left = self.remaining()
        if self._sock is not None:
            with suppress(OSError, ValueError):
                self._sock.settimeout(left)

    def arm(self, connection: Any) -> None:
        self.cancel()
        self._sock = None

        def fire() -> None:
            self.expired = True
            for sock in (self._sock, getattr(connection, "sock", None)):
                if sock is not None:
                    with suppress(OSError, ValueError):
                        sock.shutdown(socket.SHUT_RDWR)
            # Best effort from a timer thread: the blocked reader sees the shut-down socket either way.
            with suppress(Exception):
                connection.close()

        self._timer = threading.Timer(max(self.end - time.monotonic(), 0.0), fire)
        self._timer.daemon = True
        self._timer.start()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._sock = None


class HttpFetcher:
    """GET over the real network under the full fetch policy.

    http/https only; the host is resolved once and every address checked; the connection goes to the checked
    address (Host header, SNI and certificate check use the original name), so DNS cannot change between check and
    connect. No proxies (environment ignored), no cookies, no credentials, ``Accept-Encoding: identity``. Time is
    capped for the whole fetch including redirects; the body is streamed and the fetch stops past ``max_bytes``.
    Redirects are followed by hand, each hop checked like the first.

    ``resolver``, ``connector`` and ``address_checker`` are injectable for tests; ``allow_loopback_for_tests`` lets
    a test reach its own server on 127.0.0.1 / ::1 and nothing else.
    """

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        max_bytes: int = MAX_BODY_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        resolver: Resolver = socket.getaddrinfo,
        connector: Connector = _default_connector,
        address_checker: AddressChecker | None = None,
        allow_loopback_for_tests: bool = False,
        ssl_context: ssl.SSLContext | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._max_redirects = max_redirects
        self._resolver = resolver
        self._connector = connector
        if address_checker is None:
            address_checker = check_address_allowing_loopback if allow_loopback_for_tests else check_address
        self._check = address_checker
        self._ssl_context = ssl_context or ssl.create_default_context()
        self._user_agent = user_agent

    def get(self, url: str, *, accept: str = DEFAULT_ACCEPT) -> FetchResponse:
        parsed = parse_url(url, address_checker=self._check)
        deadline = _Deadline(self._timeout)
        redirects = 0
        while True:
            status, headers, body = self._one_request(parsed, accept, deadline)
            location = headers.get("location")
            if status in REDIRECT_STATUSES and location:
                if redirects >= self._max_redirects:
                    raise FetchError(f"too many redirects (more than {self._max_redirects}) starting at {url}")
                redirects += 1
                parsed = _redirect_target(parsed.url, location, self._check)
                continue
            content_type = headers.get("content-type", "application/octet-stream")
            return FetchResponse(url, parsed.url, status, body, content_type, _now_iso())

    def _one_request(self, parsed: ParsedURL, accept: str, deadline: _Deadline) -> tuple[int, dict[str, str], bytes]:
        # Resolve once and check every address before any connection is opened.
        addresses = resolve_and_check(
            parsed.host, parsed.port, self._resolver_within(deadline), address_checker=self._check
        )
        last_error: Exception | None = None
        for ip in addresses:
            self._check(ip)  # the address actually connected to is the checked one (pinning)
            try:
                return self._request_to(ip, parsed, accept, deadline)
            except _ConnectFailed as exc:
                last_error = exc.cause
                continue
        raise FetchError(f"could not connect to {parsed.host}: {last_error}")

    def _resolver_within(self, deadline: _Deadline) -> Resolver:
        """The resolver, bounded by the time left: getaddrinfo has no timeout of its own."""

        def resolve(*args: Any) -> Any:
            box: dict[str, Any] = {}

            def run() -> None:
                try:
                    box["value"] = self._resolver(*args)
                except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread below
                    box["error"] = exc

            worker = threading.Thread(target=run, daemon=True)
            worker.start()
            worker.join(deadline.remaining())
            if worker.is_alive():
                raise FetchError("looking up the badge server's address took too long")
            if "error" in box:
                raise box["error"]
            return box["value"]

        return resolve

    def _request_to(
        self, ip: IPAddress, parsed: ParsedURL, accept: str, deadline: _Deadline
    ) -> tuple[int, dict[str, str], bytes]:
        from urllib3.exceptions import HTTPError as Urllib3Error
        from urllib3.exceptions import NewConnectionError
        from urllib3.exceptions import TimeoutError as Urllib3Timeout

        def timed_out(exc: Exception) -> bool:
            if deadline.expired or isinstance(exc, (socket.timeout, TimeoutError)):
                return True
            return isinstance(exc, Urllib3Timeout) and not isinstance(exc, NewConnectionError)

        connection = self._connector(
            ip,
            parsed.port,
            scheme=parsed.scheme,
            server_hostname=parsed.host,
            timeout=deadline.remaining(),
            ssl_context=self._ssl_context,
        )
        deadline.arm(connection)
        try:
            try:
                connection.connect()
                deadline.hold(connection.sock)
                if deadline.expired:  # the timer fired before the socket was held
                    raise FetchError(deadline.message(parsed.host))
            except (OSError, Urllib3Error, ValueError) as exc:  # CertificateError is a ValueError
                if timed_out(exc):
                    raise FetchError(deadline.message(parsed.host)) from None
                if isinstance(exc, (ssl.SSLError, ValueError)) or "certificate" in str(exc).lower():
                    raise FetchError(f"secure connection to {parsed.host} failed: {exc}") from None
                raise _ConnectFailed(exc) from None
            try:
                connection.request(
                    "GET",
                    parsed.path,
                    headers={
                        "Host": parsed.host_header,
                        "Accept": accept,
                        "Accept-Encoding": "identity",
                        "User-Agent": self._user_agent,
                        "Connection": "close",
                    },
                    preload_content=False,
                    decode_content=False,
                )
                response = connection.getresponse()
                if deadline.expired:  # headers cut short by the timer read as a (broken) response
                    raise FetchError(deadline.message(parsed.host))
                headers = {k.lower(): v for k, v in response.headers.items()}
                declared = headers.get("content-length", "").strip()
                if declared.isdigit() and int(declared) > self._max_bytes:
                    raise FetchError(f"response too large ({declared} bytes; the limit is {self._max_bytes})")
                body = self._read_capped(response, deadline, parsed.host)
                body = self._decode(body, headers.get("content-encoding", "identity"))
                return response.status, headers, body
            except FetchError:
                raise
            except (OSError, Urllib3Error, http.client.HTTPException, ValueError) as exc:
                if timed_out(exc):
                    raise FetchError(deadline.message(parsed.host)) from None
                raise FetchError(f"connection to {parsed.host} failed: {exc}") from None
        finally:
            deadline.cancel()
            with suppress(Exception):  # closing a broken connection may fail; nothing to report
                connection.close()

    def _read_capped(self, response: Any, deadline: _Deadline, host: str) -> bytes:
        chunks: list[bytes] = []
        total = 0
        while True:
            deadline.tighten()  # raises once the budget is spent; the timer cuts a read already under way
            chunk = response.read(16384, decode_content=False)
            if deadline.expired:
                raise FetchError(deadline.message(host))
            if not chunk:
                break
            total += len(chunk)
            if total > self._max_bytes:
                raise FetchError(f"response too large (over {self._max_bytes} bytes)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _decode(self, body: bytes, encoding: str) -> bytes:
        """Undo gzip/deflate a server sent although we asked for identity, without letting it expand past the cap."""
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            return body
        if encoding not in ("gzip", "x-gzip", "deflate"):
            raise FetchError(f"response uses an unsupported content encoding {encoding!r}")
        wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
        try:
            decompressor = zlib.decompressobj(wbits)
            out = decompressor.decompress(body, self._max_bytes + 1)
        except zlib.error:
            try:
                decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
                out = decompressor.decompress(body, self._max_bytes + 1)
            except zlib.error as exc:
                raise FetchError(f"compressed response is corrupt: {exc}") from None
        if len(out) > self._max_bytes or decompressor.unconsumed_tail:
            raise FetchError(f"response too large once decompressed (over {self._max_bytes} bytes)")
        return out


class _ConnectFailed(Exception):
    """Connecting to one resolved address failed; the next address may still work."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(str(cause))
        self.cause = cause


# --------------------------------------------------------------------------------------------- cache


class CachingFetcher:
    """Wraps any Fetcher and remembers responses by URL (in memory, and on disk when ``cache_dir`` is given).

    Only responses are cached, never refusals or failures, so a policy change or a transient error is not frozen.
    ``max_age_s`` (None = forever) limits how old a cached ``fetched_at`` may be.
    """

    def __init__(self, inner: Fetcher, cache_dir: Path | None = None, *, max_age_s: float | None = None) -> None:
        self._inner = inner
        self._memory: dict[str, FetchResponse] = {}
        self._dir = Path(cache_dir) if cache_dir is not None else None
        self._max_age_s = max_age_s
        self.hits = 0
        self.misses = 0

    def _fresh(self, response: FetchResponse) -> bool:
        if self._max_age_s is None:
            return True
        try:
            fetched = datetime.fromisoformat(response.fetched_at)
        except ValueError:
            return False
        return (datetime.now(UTC) - fetched).total_seconds() <= self._max_age_s

    def _disk_paths(self, url: str) -> tuple[Path, Path] | None:
        if self._dir is None:
            return None
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self._dir / f"{digest}.json", self._dir / f"{digest}.body"

    def _load(self, url: str) -> FetchResponse | None:
        paths = self._disk_paths(url)
        if paths is None or not paths[0].exists() or not paths[1].exists():
            return None
        try:
            meta = json.loads(paths[0].read_text(encoding="utf-8"))
            body = paths[1].read_bytes()
            response = FetchResponse(
                url=str(meta["url"]),
                final_url=str(meta["final_url"]),
                status=int(meta["status"]),
                body=body,
                content_type=str(meta["content_type"]),
                fetched_at=str(meta["fetched_at"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a damaged cache entry is a miss, not an error
        if response.url != url or hashlib.sha256(body).hexdigest() != meta.get("sha256"):
            return None
        return response

    def _store(self, response: FetchResponse) -> None:
        paths = self._disk_paths(response.url)
        if paths is None:
            return
        meta = {k: v for k, v in asdict(response).items() if k != "body"}
        meta["sha256"] = hashlib.sha256(response.body).hexdigest()
        try:  # badge documents name their recipients: owner-only, like every file with personal data
            paths[0].parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_private(paths[1], response.body)
            write_private(paths[0], json.dumps(meta, sort_keys=True))
        except (OSError, UsageError):
            return  # caching is an optimisation; a read-only disk must not fail verification

    def get(self, url: str, *, accept: str = DEFAULT_ACCEPT) -> FetchResponse:
        cached = self._memory.get(url)
        if cached is None:
            cached = self._load(url)
        if cached is not None and self._fresh(cached):
            self._memory[url] = cached
            self.hits += 1
            return cached
        self.misses += 1
        response = self._inner.get(url, accept=accept)
        self._memory[url] = response
        self._store(response)
        return response


__all__ = [
    "DEFAULT_ACCEPT",
    "MAX_BODY_BYTES",
    "MAX_REDIRECTS",
    "CachingFetcher",
    "FetchResponse",
    "Fetcher",
    "HttpFetcher",
    "MappingFetcher",
    "OfflineMapFetcher",
    "check_url",
]
