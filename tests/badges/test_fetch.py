"""The badge fetchers: offline map, in-memory map, cache, and the real HTTP fetcher against a local test server.

The local server is bound to 127.0.0.1 inside this test only. Loopback is refused by the policy, so the HTTP tests
use ``allow_loopback_for_tests=True`` plus a spy resolver that maps made-up ``*.test`` names to 127.0.0.1 (or to
private addresses, to prove they are refused before any connection).
"""

from __future__ import annotations

import datetime as dt
import gzip
import ipaddress
import json
import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from screener.badges.fetch import (
    MAX_BODY_BYTES,
    CachingFetcher,
    FetchResponse,
    HttpFetcher,
    MappingFetcher,
    OfflineMapFetcher,
    _default_connector,
)
from screener.errors import FetchError, UnsafeURL

BADGES = Path(__file__).parent.parent / "fixtures" / "urlpolicy"

# ------------------------------------------------------------------------------------------- offline map


@pytest.fixture()
def offline_map(tmp_path: Path) -> Path:
    folder = tmp_path / "world"
    (folder / "files").mkdir(parents=True)
    (folder / "files" / "assertion.json").write_text('{"id": "https://badges.example.org/a"}', encoding="utf-8")
    (folder / "files" / "big.json").write_bytes(b"x" * (MAX_BODY_BYTES + 1))
    (folder / "files" / "exact.json").write_bytes(b"y" * MAX_BODY_BYTES)
    outside = tmp_path / "outside.json"
    outside.write_text('{"outside": true}', encoding="utf-8")
    mapping: dict[str, Any] = {
        "https://badges.example.org/a": "files/assertion.json",
        "https://badges.example.org/gone": {"status": 410},
        "https://badges.example.org/missing": {"status": 404},
        "https://badges.example.org/r1": {"status": 301, "redirect": "https://badges.example.org/r2"},
        "https://badges.example.org/r2": {"status": 302, "redirect": "/a"},
        "https://badges.example.org/no-status-redirect": {"redirect": "https://badges.example.org/a"},
        "https://badges.example.org/to-private": {"status": 302, "redirect": "http://10.20.30.40/internal/badge.json"},
        "https://badges.example.org/to-hex-loopback": {"status": 307, "redirect": "http://0x7f000001/"},
        "https://badges.example.org/to-file": {"status": 302, "redirect": "file:///etc/passwd"},
        "https://badges.example.org/to-metadata-name": {"status": 302, "redirect": "http://metadata.google.internal/"},
        "https://badges.example.org/loop": {"status": 302, "redirect": "https://badges.example.org/loop"},
        "https://badges.example.org/big": "files/big.json",
        "https://badges.example.org/exact": "files/exact.json",
        "https://badges.example.org/outside": "../outside.json",
        "https://badges.example.org/absent-file": "files/nope.json",
        "https://badges.example.org/inline": {"status": 200, "body": {"k": 1}},
        "http://127.0.0.1/listed-but-unsafe": "files/assertion.json",
        "http://localhost/listed-but-unsafe": "files/assertion.json",
    }
    for n in range(7):
        mapping[f"https://badges.example.org/chain/{n}"] = {
            "status": 302,
            "redirect": f"https://badges.example.org/chain/{n + 1}",
        }
    mapping["https://badges.example.org/chain/7"] = "files/assertion.json"
    path = folder / "MAP.json"
    path.write_text(json.dumps(mapping), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("url", "status", "final_url", "body_start"),
    [
        ("https://badges.example.org/a", 200, "https://badges.example.org/a", b'{"id"'),
        ("HTTPS://Badges.Example.org:443/a#frag", 200, "https://badges.example.org/a", b'{"id"'),
        ("https://badges.example.org/gone", 410, "https://badges.example.org/gone", b""),
        ("https://badges.example.org/missing", 404, "https://badges.example.org/missing", b""),
        ("https://badges.example.org/unlisted", 404, "https://badges.example.org/unlisted", b""),
        ("https://badges.example.org/r1", 200, "https://badges.example.org/a", b'{"id"'),
        ("https://badges.example.org/no-status-redirect", 200, "https://badges.example.org/a", b'{"id"'),
        ("https://badges.example.org/outside", 200, "https://badges.example.org/outside", b'{"outside"'),
        ("https://badges.example.org/exact", 200, "https://badges.example.org/exact", b"yyy"),
        ("https://badges.example.org/inline", 200, "https://badges.example.org/inline", b'{"k": 1}'),
        ("https://badges.example.org/chain/2", 200, "https://badges.example.org/chain/7", b'{"id"'),
    ],
)
def test_offline_map_answers(offline_map: Path, url: str, status: int, final_url: str, body_start: bytes) -> None:
    response = OfflineMapFetcher.from_file(offline_map).get(url)
    assert (response.url, response.status, response.final_url) == (url, status, final_url)
    assert response.body.startswith(body_start)
    assert response.fetched_at.endswith("Z")
    dt.datetime.fromisoformat(response.fetched_at)


@pytest.mark.parametrize(
    ("url", "error", "message"),
    [
        ("https://badges.example.org/to-private", UnsafeURL, "redirect to unsafe URL: http://10.20.30.40/"),
        ("https://badges.example.org/to-hex-loopback", UnsafeURL, "loopback address 127.0.0.1"),
        ("https://badges.example.org/to-file", UnsafeURL, "scheme 'file'"),
        ("https://badges.example.org/to-metadata-name", UnsafeURL, "cloud metadata name"),
        ("http://127.0.0.1/listed-but-unsafe", UnsafeURL, "loopback address"),
        ("http://localhost/listed-but-unsafe", UnsafeURL, "localhost name"),
        ("http://2130706433/listed-but-unsafe", UnsafeURL, "loopback address"),
        ("https://badges.example.org/loop", FetchError, "too many redirects"),
        ("https://badges.example.org/chain/0", FetchError, "too many redirects"),
        ("https://badges.example.org/big", FetchError, "too large"),
        ("https://badges.example.org/absent-file", FetchError, "does not exist"),
    ],
)
def test_offline_map_refusals(offline_map: Path, url: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        OfflineMapFetcher.from_file(offline_map).get(url)
    assert message in str(info.value)


def test_offline_map_allows_exactly_five_redirects(offline_map: Path) -> None:
    fetcher = OfflineMapFetcher.from_file(offline_map)
    assert fetcher.get("https://badges.example.org/chain/2").status == 200  # 2 -> 7 is five hops
    with pytest.raises(FetchError):
        fetcher.get("https://badges.example.org/chain/1")  # six hops


@pytest.mark.parametrize("content", ["[1, 2]", "not json", '{"a": 1'])
def test_offline_map_file_must_be_an_object(tmp_path: Path, content: str) -> None:
    path = tmp_path / "MAP.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FetchError):
        OfflineMapFetcher.from_file(path)


def test_offline_map_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="does not exist"):
        OfflineMapFetcher.from_file(tmp_path / "nope.json")


def test_offline_map_on_development_world() -> None:
    """The fixture world format (worlds.json) works as a map: the redirect to a private address is refused."""
    world = {
        "https://badges.example.net/assertions/redirect-1": {
            "redirect": "http://10.20.30.40/internal/badge.json",
            "status": 302,
        },
        "http://10.20.30.40/internal/badge.json": "hostile-urls.txt",
    }
    fetcher = OfflineMapFetcher(world, BADGES)
    with pytest.raises(UnsafeURL, match="private address 10.20.30.40"):
        fetcher.get("https://badges.example.net/assertions/redirect-1")


def test_mapping_fetcher_in_memory() -> None:
    fetcher = MappingFetcher(
        {
            "https://issuer.example.org/key": b"\x00bytes",
            "https://issuer.example.org/text": "plain text body",
            "https://issuer.example.org/moved": {"redirect": "https://issuer.example.org/text"},
            "https://issuer.example.org/revoked": {"status": 410, "body": "gone"},
        }
    )
    assert fetcher.get("https://issuer.example.org/key").body == b"\x00bytes"
    moved = fetcher.get("https://issuer.example.org/moved")
    assert (moved.status, moved.body, moved.final_url) == (200, b"plain text body", "https://issuer.example.org/text")
    assert fetcher.get("https://issuer.example.org/revoked").status == 410
    with pytest.raises(FetchError, match="too large"):
        MappingFetcher({"https://issuer.example.org/x": b"z" * (MAX_BODY_BYTES + 1)}).get(
            "https://issuer.example.org/x"
        )
    with pytest.raises(UnsafeURL):
        fetcher.get("http://[::1]/key")


# ------------------------------------------------------------------------------------------- cache


class _CountingFetcher:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def get(self, url: str, *, accept: str = "*/*") -> FetchResponse:
        self.calls.append(url)
        if "bad" in url:
            raise FetchError("connection failed")
        return FetchResponse(url, url, 200, f"body of {url}".encode(), "application/json", "2025-01-09T00:00:00Z")


def test_caching_fetcher_memory_and_disk(tmp_path: Path) -> None:
    inner = _CountingFetcher()
    cache = CachingFetcher(inner, tmp_path / "cache")
    first = cache.get("https://a.example.org/1")
    assert cache.get("https://a.example.org/1") == first
    assert inner.calls == ["https://a.example.org/1"]
    # A new cache over the same folder answers from disk.
    inner2 = _CountingFetcher()
    again = CachingFetcher(inner2, tmp_path / "cache").get("https://a.example.org/1")
    assert again == first and inner2.calls == []
    # Failures are not cached.
    for _ in range(2):
        with pytest.raises(FetchError):
            cache.get("https://a.example.org/bad")
    assert inner.calls.count("https://a.example.org/bad") == 2
    assert (cache.hits, cache.misses) == (1, 3)


def test_caching_fetcher_ignores_damaged_disk_entry_and_old_entries(tmp_path: Path) -> None:
    CachingFetcher(_CountingFetcher(), tmp_path).get("https://a.example.org/1")
    for body in tmp_path.glob("*.body"):
        body.write_bytes(b"tampered")
    inner = _CountingFetcher()
    CachingFetcher(inner, tmp_path).get("https://a.example.org/1")
    assert inner.calls == ["https://a.example.org/1"]
    inner_old = _CountingFetcher()
    stale = CachingFetcher(inner_old, tmp_path, max_age_s=60)  # the stored fetched_at is 2025-01-09
    stale.get("https://a.example.org/1")
    assert inner_old.calls == ["https://a.example.org/1"]


# ------------------------------------------------------------------------------------------- real HTTP


class _Server:
    def __init__(self, httpd: ThreadingHTTPServer, release: threading.Event) -> None:
        self.httpd = httpd
        self.release = release
        self.port = httpd.server_address[1]
        self.requests: list[tuple[str, dict[str, str]]] = []


def _make_handler(server_ref: dict[str, _Server]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # silence the test output
            return

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None, length: bool = True) -> None:
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            if length:
                self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            server = server_ref["server"]
            server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            path = self.path
            if path == "/ok":
                self._send(200, b'{"ok": true}', {"Content-Type": "application/ld+json"})
            elif path == "/headers":
                self._send(200, json.dumps(dict(self.headers.items())).encode(), {"Content-Type": "application/json"})
            elif path == "/gone":
                self._send(410, b"revoked")
            elif path == "/big-undeclared":
                self._send(200, b"a" * (MAX_BODY_BYTES + 10), length=False)
            elif path == "/big-declared":
                self.send_response(200)
                self.send_header("Content-Length", str(10 * MAX_BODY_BYTES))
                self.end_headers()
                self.wfile.write(b"b" * 100)
            elif path == "/gzip":
                self._send(200, gzip.compress(b'{"zipped": true}'), {"Content-Encoding": "gzip"})
            elif path == "/gzip-bomb":
                self._send(200, gzip.compress(b"\0" * (20 * MAX_BODY_BYTES)), {"Content-Encoding": "gzip"})
            elif path == "/stall":
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                self.wfile.write(b"partial")
                self.wfile.flush()
                server.release.wait(30)  # blocks until the test finishes; the client must give up first
            elif path == "/stall-headers":
                server.release.wait(30)
            elif path == "/set-cookie":
                self._send(302, b"", {"Location": "/headers", "Set-Cookie": "session=secret; Path=/"})
            elif path.startswith("/redirect?to="):
                self._send(302, b"", {"Location": path.split("=", 1)[1]})
            elif path.startswith("/chain/"):
                n = int(path.rsplit("/", 1)[1])
                if n == 0:
                    self._send(200, b"end of chain")
                else:
                    self._send(301, b"", {"Location": f"/chain/{n - 1}"})
            else:
                self._send(404, b"not found")

    return Handler


@pytest.fixture(scope="module")
def shared_server() -> Iterator[_Server]:
    ref: dict[str, _Server] = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(ref))
    httpd.daemon_threads = True
    srv = _Server(httpd, threading.Event())
    ref["server"] = srv
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.release.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def server(shared_server: _Server) -> _Server:
    shared_server.requests.clear()
    return shared_server


class _Spy:
    """Resolver + connector spy: what was looked up and which addresses were actually connected to."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        self.names = names
        self.resolved: list[str] = []
        self.connected: list[tuple[str, int, str]] = []

    def resolve(self, host: str, port: int, *args: Any) -> list[tuple[Any, ...]]:
        self.resolved.append(host)
        if host not in self.names:
            raise socket.gaierror(f"unknown test name {host}")
        out: list[tuple[Any, ...]] = []
        for address in self.names[host]:
            if ":" in address:
                out.append((socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0)))
            else:
                out.append((socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)))
        return out

    def connect(self, ip: Any, port: int, **kwargs: Any) -> Any:
        self.connected.append((str(ip), port, kwargs["server_hostname"]))
        assert ipaddress.ip_address(str(ip)).is_loopback, f"tried to connect to {ip}"
        return _default_connector(ip, port, **kwargs)


@pytest.fixture()
def spy() -> _Spy:
    return _Spy(
        {
            "badges.test": ["127.0.0.1"],
            "other.test": ["127.0.0.1"],
            "evil.test": ["10.9.8.7"],
            "mixed.test": ["127.0.0.1", "10.9.8.7"],
            "metadata-rebind.test": ["169.254.169.254"],
        }
    )


def _fetcher(spy: _Spy, **kwargs: Any) -> HttpFetcher:
    return HttpFetcher(allow_loopback_for_tests=True, resolver=spy.resolve, connector=spy.connect, **kwargs)


def test_http_get_pins_resolved_address(server: _Server, spy: _Spy) -> None:
    response = _fetcher(spy).get(f"http://badges.test:{server.port}/ok")
    assert (response.status, response.body) == (200, b'{"ok": true}')
    assert response.content_type == "application/ld+json"
    assert spy.resolved == ["badges.test"]  # resolved once
    assert spy.connected == [("127.0.0.1", server.port, "badges.test")]
    _, headers = server.requests[0]
    assert headers["host"] == f"badges.test:{server.port}"
    assert headers["accept"].startswith("application/ld+json")
    assert headers["accept-encoding"] == "identity"


def test_http_410_is_a_response(server: _Server, spy: _Spy) -> None:
    response = _fetcher(spy).get(f"http://badges.test:{server.port}/gone")
    assert (response.status, response.body) == (410, b"revoked")


def test_http_default_policy_refuses_the_local_server(server: _Server) -> None:
    with pytest.raises(UnsafeURL, match="loopback"):
        HttpFetcher().get(f"http://127.0.0.1:{server.port}/ok")
    assert server.requests == []


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("http://10.1.2.3/internal", "private address 10.1.2.3"),
        ("http://0xa9fea9fe/latest/meta-data/", "link-local address 169.254.169.254"),
        ("http://[::ffff:10.0.0.1]/", "IPv4-mapped"),
        ("file:///etc/passwd", "scheme 'file'"),
        ("http://user@badges.test/", "userinfo"),
        ("http://localhost/", "localhost name"),
    ],
)
def test_http_redirect_to_unsafe_literal_is_refused_without_connecting(
    server: _Server, spy: _Spy, target: str, message: str
) -> None:
    with pytest.raises(UnsafeURL) as info:
        _fetcher(spy).get(f"http://badges.test:{server.port}/redirect?to={target}")
    assert "redirect to unsafe URL" in info.value.message and message in info.value.message
    assert spy.connected == [("127.0.0.1", server.port, "badges.test")]  # only the first hop
    assert spy.resolved == ["badges.test"]
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("evil.test", "private address 10.9.8.7"),
        ("mixed.test", "private address 10.9.8.7"),
        ("metadata-rebind.test", "link-local address 169.254.169.254"),
    ],
)
def test_http_redirect_to_name_resolving_to_private_is_refused_before_connect(
    server: _Server, spy: _Spy, name: str, message: str
) -> None:
    with pytest.raises(UnsafeURL, match=message):
        _fetcher(spy).get(f"http://badges.test:{server.port}/redirect?to=http://{name}:{server.port}/ok")
    assert spy.resolved == ["badges.test", name]
    assert [c[0] for c in spy.connected] == ["127.0.0.1"]
    assert len(server.requests) == 1


def test_http_name_with_any_private_address_is_refused(server: _Server, spy: _Spy) -> None:
    with pytest.raises(UnsafeURL, match="10.9.8.7"):
        _fetcher(spy).get(f"http://mixed.test:{server.port}/ok")
    assert spy.connected == [] and server.requests == []


def test_http_relative_and_cross_host_redirects(server: _Server, spy: _Spy) -> None:
    fetcher = _fetcher(spy)
    response = fetcher.get(f"http://badges.test:{server.port}/redirect?to=http://other.test:{server.port}/ok")
    assert response.final_url == f"http://other.test:{server.port}/ok"
    assert [c[2] for c in spy.connected] == ["badges.test", "other.test"]
    assert server.requests[-1][1]["host"] == f"other.test:{server.port}"


def test_http_redirect_limit(server: _Server, spy: _Spy) -> None:
    fetcher = _fetcher(spy)
    assert fetcher.get(f"http://badges.test:{server.port}/chain/5").body == b"end of chain"
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.get(f"http://badges.test:{server.port}/chain/6")


@pytest.mark.parametrize("path", ["/big-undeclared", "/big-declared", "/gzip-bomb"])
def test_http_size_cap(server: _Server, spy: _Spy, path: str) -> None:
    with pytest.raises(FetchError, match="too large"):
        _fetcher(spy).get(f"http://badges.test:{server.port}{path}")


def test_http_gzip_body_is_decoded(server: _Server, spy: _Spy) -> None:
    assert _fetcher(spy).get(f"http://badges.test:{server.port}/gzip").body == b'{"zipped": true}'


@pytest.mark.parametrize("path", ["/stall", "/stall-headers"])
def test_http_timeout(server: _Server, spy: _Spy, path: str) -> None:
    with pytest.raises(FetchError, match="did not answer in time"):
        _fetcher(spy, timeout=0.3).get(f"http://badges.test:{server.port}{path}")


def test_http_no_cookies_no_proxy(server: _Server, spy: _Spy, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(var, "http://10.66.66.66:3128")
    response = _fetcher(spy).get(f"http://badges.test:{server.port}/set-cookie")
    echoed = {k.lower(): v for k, v in json.loads(response.body).items()}
    assert "cookie" not in echoed and "authorization" not in echoed and "proxy-authorization" not in echoed
    assert {c[0] for c in spy.connected} == {"127.0.0.1"}


def test_http_connection_refused(spy: _Spy) -> None:
    with socket.socket() as probe:  # a port with nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="could not connect"):
        _fetcher(spy).get(f"http://badges.test:{port}/ok")


def test_http_unresolvable_name(spy: _Spy) -> None:
    with pytest.raises(FetchError, match="does not resolve"):
        _fetcher(spy).get("https://nowhere.test/ok")
    assert spy.connected == []


def test_http_slow_resolver_counts_against_the_time_limit(spy: _Spy) -> None:
    release = threading.Event()

    def stuck_resolver(*args: Any) -> list[Any]:
        release.wait(30)
        return []

    try:
        with pytest.raises(FetchError, match="took too long"):
            HttpFetcher(timeout=0.2, resolver=stuck_resolver, connector=spy.connect).get("https://slow-dns.test/")
    finally:
        release.set()
    assert spy.connected == []


# ------------------------------------------------------------------------------------------- TLS


def _tls_material(tmp_path: Path, hostname: str) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(hostname)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


@pytest.fixture()
def tls_server(tmp_path: Path) -> Iterator[tuple[_Server, Path, list[str | None]]]:
    cert_path, key_path = _tls_material(tmp_path, "badges.test")
    ref: dict[str, _Server] = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(ref))
    httpd.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    sni_seen: list[str | None] = []
    context.sni_callback = lambda sock, name, ctx: sni_seen.append(name)  # type: ignore[assignment,misc,return-value]
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    srv = _Server(httpd, threading.Event())
    ref["server"] = srv
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield srv, cert_path, sni_seen
    srv.release.set()
    httpd.shutdown()
    httpd.server_close()


def test_https_pinned_address_uses_sni_and_checks_certificate(
    tls_server: tuple[_Server, Path, list[str | None]], spy: _Spy
) -> None:
    srv, cert_path, sni_seen = tls_server
    context = ssl.create_default_context(cafile=str(cert_path))
    response = _fetcher(spy, ssl_context=context).get(f"https://badges.test:{srv.port}/ok")
    assert response.status == 200 and response.body == b'{"ok": true}'
    assert spy.connected == [("127.0.0.1", srv.port, "badges.test")]
    assert sni_seen == ["badges.test"]
    # Same server under a name the certificate does not cover: the certificate check fails.
    spy.names["wrong-name.test"] = ["127.0.0.1"]
    with pytest.raises(FetchError, match="secure connection"):
        _fetcher(spy, ssl_context=context).get(f"https://wrong-name.test:{srv.port}/ok")


def test_https_untrusted_certificate_fails(tls_server: tuple[_Server, Path, list[str | None]], spy: _Spy) -> None:
    srv, _, _ = tls_server
    with pytest.raises(FetchError, match="secure connection"):
        _fetcher(spy).get(f"https://badges.test:{srv.port}/ok")


class _V6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


def _ipv6_loopback_available() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _ipv6_loopback_available(), reason="this machine has no IPv6 loopback")
def test_http_over_ipv6_pinned_address() -> None:
    ref: dict[str, _Server] = {}
    httpd = _V6Server(("::1", 0), _make_handler(ref))
    httpd.daemon_threads = True
    srv = _Server(httpd, threading.Event())
    ref["server"] = srv
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        spy = _Spy({"v6.test": ["::1"]})
        response = _fetcher(spy).get(f"http://v6.test:{srv.port}/ok")
        assert response.status == 200
        assert spy.connected == [("::1", srv.port, "v6.test")]
        assert srv.requests[0][1]["host"] == f"v6.test:{srv.port}"
        # The literal form is refused by the default policy, with nothing sent.
        with pytest.raises(UnsafeURL, match="loopback address ::1"):
            HttpFetcher().get(f"http://[::1]:{srv.port}/ok")
        assert len(srv.requests) == 1
    finally:
        srv.release.set()
        httpd.shutdown()
        httpd.server_close()


def test_caching_fetcher_disk_files_are_owner_only(tmp_path: Path) -> None:
    import os
    import stat

    old = os.umask(0)  # a permissive umask must not make cached badge documents (they name recipients) readable
    try:
        CachingFetcher(_CountingFetcher(), tmp_path / "cache").get("https://a.example.org/1")
    finally:
        os.umask(old)
    files = list((tmp_path / "cache").iterdir())
    assert len(files) == 2 and all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
