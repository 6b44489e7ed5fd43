"""A badge fetch ends at its overall deadline whatever the server does — including a server that answers HTTP/1.0
or ``Connection: close`` and then drips one byte at a time, which no per-read socket timeout ever catches.

The drip server listens on 127.0.0.1 in this test only; the fetcher reaches it through the test hooks
(``allow_loopback_for_tests`` and a resolver mapping ``drip.test`` to 127.0.0.1), the address still pinned.
"""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from screener.badges.fetch import HttpFetcher
from screener.errors import FetchError

DEADLINE_S = 1.5
MARGIN_S = 1.0  # thread start-up and a loaded machine; without the fix these fetches last the drip's whole 8 s
DRIP_EVERY_S = 0.2  # far inside the per-read timeout, so only a total deadline can stop the fetch
DRIP_FOR_S = 8.0

HEADS = {
    "http10-body": b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n",
    "close-body": b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n",
    "close-length": b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 100000\r\n\r\n",
    "keepalive-length": b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n",
    "close-headers": b"HTTP/1.1 200 OK\r\nConnection: close\r\nX-Slow: ",  # the headers never end
    "http10-headers": b"HTTP/1.0 200 OK\r\nX-Slow: ",
}


class DripServer:
    """Answers every request with ``HEADS[path]`` and then one byte every DRIP_EVERY_S, for DRIP_FOR_S at most;
    over TLS when given a server context."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.tls = tls
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        if self.tls is not None:
            try:
                conn = self.tls.wrap_socket(conn, server_side=True)
            except (OSError, ssl.SSLError):
                conn.close()
                return
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                data = conn.recv(4096)
                if not data:
                    return
                request += data
            path = request.split(b" ", 2)[1].decode().lstrip("/")
            end = time.monotonic() + DRIP_FOR_S
            try:
                conn.sendall(HEADS[path])
                while time.monotonic() < end and not self.stop.wait(DRIP_EVERY_S):
                    conn.sendall(b"a")
            except OSError:  # the client gave up: what the test wants
                return

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


@pytest.fixture(scope="module")
def drip() -> Iterator[DripServer]:
    server = DripServer()
    yield server
    server.close()


def _resolver(host: str, port: int, *args: Any) -> list[tuple[Any, ...]]:
    if host != "drip.test":
        raise socket.gaierror(f"unknown test name {host}")
    return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]


@pytest.mark.parametrize("path", sorted(HEADS))
def test_dripping_server_is_cut_at_the_deadline(drip: DripServer, path: str) -> None:
    fetcher = HttpFetcher(timeout=DEADLINE_S, allow_loopback_for_tests=True, resolver=_resolver)
    start = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetcher.get(f"http://drip.test:{drip.port}/{path}")
    elapsed = time.monotonic() - start
    assert elapsed < DEADLINE_S + MARGIN_S, f"{path}: the fetch lasted {elapsed:.1f} s"
    assert elapsed > DEADLINE_S - 0.2, f"{path}: ended early ({elapsed:.1f} s): {caught.value}"
    assert "timed out" in str(caught.value) and "drip.test" in str(caught.value)
    assert f"limit {DEADLINE_S:g} s" in str(caught.value)


def test_default_deadline_is_ten_seconds() -> None:
    from screener.badges.fetch import DEFAULT_TIMEOUT_S

    assert DEFAULT_TIMEOUT_S == 10.0


def test_a_dripping_badge_host_gives_a_timed_out_reason(drip: DripServer) -> None:
    from screener.badges import verify_badge

    fetcher = HttpFetcher(timeout=DEADLINE_S, allow_loopback_for_tests=True, resolver=_resolver)
    start = time.monotonic()
    result = verify_badge(f"http://drip.test:{drip.port}/close-body", fetcher=fetcher)
    assert time.monotonic() - start < DEADLINE_S + MARGIN_S
    assert result.verdict != "valid"
    assert any("timed out" in r for r in result.reasons), result.reasons


def _self_signed(folder: Path, hostname: str) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(hostname)]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.mark.parametrize("path", ["close-body", "http10-headers"])
def test_dripping_tls_server_is_cut_at_the_deadline(tmp_path: Path, path: str) -> None:
    cert, key = _self_signed(tmp_path, "drip.test")
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    server = DripServer(tls=server_ctx)
    try:
        fetcher = HttpFetcher(timeout=DEADLINE_S, allow_loopback_for_tests=True, resolver=_resolver,
                              ssl_context=ssl.create_default_context(cafile=str(cert)))
        start = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            fetcher.get(f"https://drip.test:{server.port}/{path}")
        elapsed = time.monotonic() - start
        assert DEADLINE_S - 0.2 < elapsed < DEADLINE_S + MARGIN_S, f"{path} over TLS: {elapsed:.1f} s"
    finally:
        server.close()
