"""The badge URL policy: hostile URLs are refused (with the right reason) before any request; public ones pass."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screener.badges.urlpolicy import check_address, check_url, parse_url, resolve_and_check
from screener.errors import FetchError, UnsafeURL

HOSTILE_FILE = Path(__file__).parent.parent / "fixtures" / "urlpolicy" / "hostile-urls.txt"

# (url, a fragment the refusal message must contain: the reason category)
REFUSED = [
    # schemes
    ("file:///etc/passwd", "scheme 'file'"),
    ("FILE:///etc/passwd", "scheme 'file'"),
    ("gopher://127.0.0.1:25/_HELO", "scheme 'gopher'"),
    ("ftp://example.org/badge.json", "scheme 'ftp'"),
    ("data:application/json,{}", "scheme 'data'"),
    ("javascript:alert(1)", "scheme 'javascript'"),
    ("jar:http://example.org/a.jar!/b", "scheme 'jar'"),
    ("dict://127.0.0.1:11211/stats", "scheme 'dict'"),
    ("ldap://example.org/", "scheme 'ldap'"),
    ("ws://example.org/socket", "scheme 'ws'"),
    ("netdoc:///etc/passwd", "scheme 'netdoc'"),
    ("//example.org/badge.json", "no scheme"),
    ("example.org/badge.json", "no scheme"),
    ("", "empty URL"),
    # malformed authority
    ("http:/example.org/badge.json", "malformed URL"),
    ("http:example.org/badge.json", "malformed URL"),
    ("http:///example.org/badge.json", "malformed URL"),
    ("http://", "empty host"),
    ("http:///", "malformed URL"),
    ("http://:80/", "empty host"),
    ("http:/\\127.0.0.1/", "backslash"),
    ("http:\\\\127.0.0.1\\", "backslash"),
    ("http://evil.com\\@127.0.0.1/", "backslash"),
    ("http://127.0.0.1\\.evil.com/", "backslash"),
    ("http://exa mple.org/", "whitespace"),
    ("http://example.org/a b", "whitespace"),
    ("http://exa\tmple.org/", "whitespace"),
    ("http://example.org\r\n/", "whitespace"),
    ("http://example.org\x00.evil/", "control character"),
    ("http://127.0.0.1\x7f/", "control character"),
    ("http://[::1/", "unterminated"),
    ("http://[::1]x/", "malformed authority"),
    ("http://::1/", "IPv6 address without brackets"),
    ("http://exa[mple.org/", "bracket"),
    ("http://%5B::1%5D/", "percent-encoded delimiter"),
    ("http://127.0.0.1%3A80/", "percent-encoded delimiter"),
    ("http://example.org:80:80/", "IPv6 address without brackets"),
    ("http://example.org..com/", "invalid host name"),
    ("http://-example.org/", "invalid host name"),
    ("http://exa_mple$.org/", "invalid host name"),
    # userinfo
    ("http://user@example.org/", "userinfo"),
    ("http://user:pw@example.org/", "userinfo"),
    ("http://@example.org/", "userinfo"),
    ("http://example.org@127.0.0.1/", "userinfo"),
    ("http://127.0.0.1:80@evil.com/", "userinfo"),
    ("http://evil.com%40127.0.0.1/", "userinfo"),
    ("http://evil.com%2540127.0.0.1/", "doubly percent-encoded"),
    ("http://good.org#@127.0.0.1/", "'@' right after the host"),
    ("http://good.org?@10.0.0.1/", "'@' right after the host"),
    # ports
    ("http://example.org:99999/", "invalid port"),
    ("http://example.org:0/", "invalid port"),
    ("http://example.org:-1/", "invalid port"),
    ("http://example.org:8o/", "invalid port"),
    ("http://example.org:+80/", "invalid port"),
    ("http://example.org:0x50/", "invalid port"),
    # loopback in every spelling
    ("http://127.0.0.1/badge.json", "loopback address 127.0.0.1"),
    ("HTTP://127.0.0.1/", "loopback address 127.0.0.1"),
    ("http://127.0.0.1./", "loopback address 127.0.0.1"),
    ("http://127.1/", "loopback address 127.0.0.1"),
    ("http://127.0.1/", "loopback address 127.0.0.1"),
    ("http://127.255.255.254/", "loopback address 127.255.255.254"),
    ("http://2130706433/", "loopback address 127.0.0.1"),
    ("http://0x7f000001/", "loopback address 127.0.0.1"),
    ("http://0X7F000001/", "loopback address 127.0.0.1"),
    ("http://0x7f.0.0.1/", "loopback address 127.0.0.1"),
    ("http://0x7f.1/", "loopback address 127.0.0.1"),
    ("http://0177.0.0.1/", "loopback address 127.0.0.1"),
    ("http://017700000001/", "loopback address 127.0.0.1"),
    ("http://0177.0x0.0.01/", "loopback address 127.0.0.1"),
    ("http://127.000.000.001/", "loopback address 127.0.0.1"),
    ("http://0000000177.0.0.1/", "loopback address 127.0.0.1"),
    ("http://0x00000000007f000001/", "loopback address 127.0.0.1"),
    ("http://%31%32%37.0.0.1/", "loopback address 127.0.0.1"),
    ("http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/", "loopback address 127.0.0.1"),
    ("http://127\u30020\u30020\u30021/", "loopback address 127.0.0.1"),
    ("http://127\uff0e0\uff0e0\uff0e1/", "loopback address 127.0.0.1"),
    ("http://\u2460\u2461\u2466.0.0.1/", "loopback address 127.0.0.1"),
    ("http://127.0.0.1\u200b/", "loopback address 127.0.0.1"),
    ("http://127.0.0.1:8080/assertion", "loopback address 127.0.0.1"),
    ("https://127.0.0.1:443/", "loopback address 127.0.0.1"),
    ("http://[::1]/badge.json", "loopback address ::1"),
    ("http://[0:0:0:0:0:0:0:1]/", "loopback address ::1"),
    ("http://[0000::0001]:8080/", "loopback address ::1"),
    # localhost and internal names
    ("http://localhost/", "localhost name"),
    ("http://localhost:8000/assertions/1", "localhost name"),
    ("http://LOCALHOST/", "localhost name"),
    ("http://localhost./", "localhost name"),
    ("http://badge.localhost/", "localhost name"),
    ("http://loc%61lhost/", "localhost name"),
    ("http://localhost%2e/", "localhost name"),
    ("http://\u24db\u24de\u24d2\u24d0\u24db\u24d7\u24de\u24e2\u24e3/", "localhost name"),
    ("http://local\u00adhost/", "localhost name"),
    ("http://printer.local/", "local network name"),
    ("http://box.localdomain/", "local network name"),
    ("http://metadata.google.internal/computeMetadata/v1/", "cloud metadata name"),
    ("http://METADATA.GOOGLE.INTERNAL./", "cloud metadata name"),
    ("http://metadata.goog/", "cloud metadata name"),
    ("http://instance-data.ec2.internal/", "internal network name"),
    ("http://router.home.arpa/", "internal network name"),
    ("http://wiki.intranet/", "internal network name"),
    ("http://nas.lan/", "internal network name"),
    ("http://kubernetes.default.svc.cluster.local/", "internal network name"),
    ("http://1.0.0.127.in-addr.arpa/", "reverse-DNS name"),
    ("http://abc.onion/", "onion service name"),
    ("http://metadata/", "single-label host name"),
    ("http://intranet-server/", "single-label host name"),
    ("http://127.0.0.1.nip.io/", "wildcard DNS name"),
    ("http://10.0.0.1.sslip.io/", "wildcard DNS name"),
    ("http://169.254.169.254.xip.io/", "wildcard DNS name"),
    ("http://badge.localtest.me/", "loopback address"),
    ("http://lvh.me/", "loopback address"),
    ("http://7f000001.0a000001.rbndr.us/", "DNS-rebinding"),
    ("http://make-127.0.0.1-rebind-8.8.8.8-rr.1u.ms/", "DNS-rebinding"),
    ("http://10-0-0-1.traefik.me/", "wildcard DNS name"),
    ("http://\U0001d7cf\U0001d7d0\U0001d7d5.0.0.1/", "loopback address 127.0.0.1"),
    ("http://\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54/", "localhost name"),
    ("http://evil.com%EF%BC%A0127.0.0.1/", "invalid host name"),
    ("http://127.0.0.1%2F.evil.com/", "invalid host name"),
    ("http://127.0.0.1%0d%0a/", "invalid host name"),
    ("http:%2F%2F127.0.0.1/", "malformed URL"),
    ("http://1.1.1.1 &@2.2.2.2# @3.3.3.3/", "whitespace"),
    ("http://localhost../", "invalid host name"),
    ("http://ip6-localhost/", "single-label"),
    # private
    ("http://10.0.0.7/badges/assertion.json", "private address 10.0.0.7"),
    ("http://10.1/", "private address 10.0.0.1"),
    ("http://167772161/", "private address 10.0.0.1"),
    ("http://0xa000001/", "private address 10.0.0.1"),
    ("http://012.0.0.1/", "private address 10.0.0.1"),
    ("http://172.16.0.1/", "private address 172.16.0.1"),
    ("http://172.20.10.5/badge.json", "private address 172.20.10.5"),
    ("http://172.31.255.255/", "private address 172.31.255.255"),
    ("http://192.168.1.20/badge.json", "private address 192.168.1.20"),
    ("http://0xc0.0xa8.1.1/", "private address 192.168.1.1"),
    ("http://0300.0250.0.1/", "private address 192.168.0.1"),
    ("http://192.168.257/", "private address 192.168.1.1"),
    # link-local and metadata
    ("http://169.254.169.254/latest/meta-data/", "link-local address 169.254.169.254"),
    ("http://2852039166/", "link-local address 169.254.169.254"),
    ("http://0xa9fea9fe/", "link-local address 169.254.169.254"),
    ("http://0251.0376.0251.0376/", "link-local address 169.254.169.254"),
    ("http://169.254.43518/", "link-local address 169.254.169.254"),
    ("http://169.254.170.2/v2/credentials", "link-local address"),
    ("http://[fe80::1]/badge.json", "link-local address fe80::1"),
    ("http://[FE80::abcd]/", "link-local address fe80::abcd"),
    ("http://[fe80::1%25eth0]/", "zone id"),
    ("http://[fe80::1%eth0]/", "zone id"),
    ("http://[fd00:ec2::254]/latest/meta-data/", "unique-local address fd00:ec2::254"),
    ("http://100.100.100.200/latest/meta-data/", "CGNAT"),
    ("http://192.0.0.192/opc/v1/instance/", "reserved address 192.0.0.192"),
    # CGNAT, this-network, reserved, multicast, documentation, benchmarking
    ("http://100.64.0.1/", "CGNAT"),
    ("http://100.127.255.254/", "CGNAT"),
    ("http://0.0.0.0/", "unspecified address 0.0.0.0"),
    ("http://0/", "unspecified address 0.0.0.0"),
    ("http://0.0.0.0:8000/", "unspecified address"),
    ("http://0.1.2.3/", "this-network address"),
    ("http://224.0.0.1/", "multicast address"),
    ("http://239.255.255.250:1900/", "multicast address"),
    ("http://240.0.0.1/", "reserved address"),
    ("http://255.255.255.255/", "broadcast address"),
    ("http://4294967295/", "broadcast address"),
    ("http://198.18.0.1/", "benchmarking address"),
    ("http://198.19.255.1/", "benchmarking address"),
    ("http://192.0.2.10/", "documentation address"),
    ("http://198.51.100.7/", "documentation address"),
    ("http://203.0.113.9/", "documentation address"),
    ("http://192.88.99.1/", "reserved address"),
    # malformed numeric hosts
    ("http://1.2.3.4.5/", "malformed numeric host"),
    ("http://4294967296/", "malformed numeric host"),
    ("http://256.0.0.1/", "malformed numeric host"),
    ("http://08.0.0.1/", "malformed numeric host"),
    ("http://0x7g.0.0.1/", "malformed numeric host"),
    ("http://1.2.3.0x1g/", "invalid top-level domain"),
    ("http://example.c0m/", "invalid top-level domain"),
    ("http://1.2../", "malformed numeric host"),
    # IPv6 special forms
    ("http://[::]/", "unspecified address"),
    ("http://[::ffff:127.0.0.1]/", "IPv4-mapped"),
    ("http://[::ffff:7f00:1]/", "IPv4-mapped"),
    ("http://[0:0:0:0:0:ffff:169.254.169.254]/", "IPv4-mapped"),
    ("http://[::ffff:8.8.8.8]/", "IPv4-mapped"),
    ("http://[::ffff:0:10.0.0.1]/", "IPv4-translated"),
    ("http://[::127.0.0.1]/", "IPv4-compatible"),
    ("http://[::10.0.0.1]/", "IPv4-compatible"),
    ("http://[64:ff9b::127.0.0.1]/", "NAT64"),
    ("http://[64:ff9b::a9fe:a9fe]/", "NAT64"),
    ("http://[64:ff9b:1::a00:1]/", "NAT64"),
    ("http://[2002:7f00:1::]/", "6to4"),
    ("http://[2002:a9fe:a9fe::1]/", "6to4"),
    ("http://[2002:808:808::1]/", "6to4"),
    ("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "Teredo"),
    ("http://[2001::1]/", "Teredo"),
    ("http://[2001:db8::1]/", "documentation address"),
    ("http://[3fff::1]/", "documentation address"),
    ("http://[2001:2::1]/", "benchmarking address"),
    ("http://[2001:10::1]/", "ORCHID"),
    ("http://[2001:20::1]/", "ORCHID"),
    ("http://[100::1]/", "discard-only"),
    ("http://[fc00::1]/", "unique-local address"),
    ("http://[fdff:ffff::1]/", "unique-local address"),
    ("http://[fec0::1]/", "site-local address"),
    ("http://[ff02::1]/", "multicast address"),
    ("http://[ff05::1:3]/", "multicast address"),
    ("http://[4000::1]/", "non-global IPv6 address"),
    ("http://[::ffff:127.0.0.1]:8443/", "IPv4-mapped"),
    ("http://[1.2.3.4]/", "malformed IPv6"),
    ("http://[::1::2]/", "malformed IPv6"),
    ("http://[gggg::1]/", "malformed IPv6"),
]

ALLOWED = [
    ("https://badges.example.org/a.json", "https://badges.example.org/a.json"),
    ("https://8.8.8.8/x", "https://8.8.8.8/x"),
    ("https://[2606:4700::1111]/", "https://[2606:4700::1111]/"),
    ("http://example.org/key1.json", "http://example.org/key1.json"),
    ("HTTPS://WWW.Credly.COM/badges/abc", "https://www.credly.com/badges/abc"),
    ("https://example.org:443/a", "https://example.org/a"),
    ("http://example.org:80/a", "http://example.org/a"),
    ("http://example.org:/a", "http://example.org/a"),
    ("https://example.org:8443/a", "https://example.org:8443/a"),
    ("https://example.org", "https://example.org/"),
    ("https://example.org?v=2_0", "https://example.org/?v=2_0"),
    ("https://example.org/a#frag", "https://example.org/a"),
    ("https://example.org./a", "https://example.org/a"),
    ("  https://example.org/a  ", "https://example.org/a"),
    ("https://b\u00fccher.de/x", "https://xn--bcher-kva.de/x"),
    ("https://xn--bcher-kva.de/x", "https://xn--bcher-kva.de/x"),
    ("https://%65xample.org/", "https://example.org/"),
    ("https://1.1.1.1/", "https://1.1.1.1/"),
    ("https://0x08080808/", "https://8.8.8.8/"),
    ("https://134744072/", "https://8.8.8.8/"),
    ("https://127.0.0.1.example.org/", "https://127.0.0.1.example.org/"),
    ("https://_dmarc.example.org/", "https://_dmarc.example.org/"),
    ("https://api.badgr.io/public/assertions/abc?v=2_0", "https://api.badgr.io/public/assertions/abc?v=2_0"),
    ("https://medium.com/@someone/post", "https://medium.com/@someone/post"),
    ("https://[2001:4860:4860::8888]:8443/", "https://[2001:4860:4860::8888]:8443/"),
    ("https://[2a00:1450:4001:82a::200e]/x", "https://[2a00:1450:4001:82a::200e]/x"),
    ("https://issuer.test/badge", "https://issuer.test/badge"),
    ("https://example.org/caf\u00e9/badge", "https://example.org/caf%C3%A9/badge"),
]


@pytest.mark.parametrize(("url", "reason"), REFUSED)
def test_refused_with_reason(url: str, reason: str) -> None:
    with pytest.raises(UnsafeURL) as info:
        check_url(url)
    assert reason.lower() in info.value.message.lower()


@pytest.mark.parametrize(("url", "normalised"), ALLOWED)
def test_allowed_and_normalised(url: str, normalised: str) -> None:
    assert check_url(url) == normalised


def test_table_is_large_enough() -> None:
    assert len(REFUSED) + len(ALLOWED) >= 120


def _hostile_lines() -> list[str]:
    lines = HOSTILE_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("url", _hostile_lines())
def test_development_hostile_urls_refused(url: str) -> None:
    with pytest.raises(UnsafeURL):
        check_url(url)


# ------------------------------------------------------------------ generated spellings of non-public IPv4

NON_PUBLIC_V4 = [
    ipaddress.IPv4Network(n)
    for n in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
    )
]


@st.composite
def non_public_v4(draw: st.DrawFn) -> int:
    network = draw(st.sampled_from(NON_PUBLIC_V4))
    return int(network.network_address) + draw(st.integers(0, network.num_addresses - 1))


def _spell_part(value: int, style: str) -> str:
    if style == "hex":
        return hex(value)
    if style == "HEX":
        return "0X" + format(value, "X")
    if style == "oct":
        return "0" + format(value, "o")
    return str(value)


@st.composite
def spellings(draw: st.DrawFn) -> tuple[str, int]:
    value = draw(non_public_v4())
    octets = list(value.to_bytes(4, "big"))
    shape = draw(st.sampled_from([1, 2, 3, 4]))  # number of dotted parts (inet_aton short forms)
    if shape == 1:
        parts = [value]
    elif shape == 2:
        parts = [octets[0], value & 0xFFFFFF]
    elif shape == 3:
        parts = [octets[0], octets[1], value & 0xFFFF]
    else:
        parts = octets
    styles = draw(st.lists(st.sampled_from(["dec", "hex", "HEX", "oct"]), min_size=len(parts), max_size=len(parts)))
    host = ".".join(_spell_part(p, s) for p, s in zip(parts, styles, strict=True))
    if draw(st.booleans()):
        host += "."
    return host, value


@given(spellings(), st.sampled_from(["http", "https", "HTTP"]), st.sampled_from(["", ":80", ":8080"]))
def test_generated_spellings_of_non_public_ipv4_are_refused(case: tuple[str, int], scheme: str, port: str) -> None:
    host, value = case
    with pytest.raises(UnsafeURL) as info:
        check_url(f"{scheme}://{host}{port}/badge.json")
    assert str(ipaddress.IPv4Address(value)) in info.value.message


@given(non_public_v4(), st.sampled_from(["::ffff:{}", "::{}", "64:ff9b::{}", "::ffff:0:{}"]))
def test_generated_v4_in_v6_forms_refused(value: int, template: str) -> None:
    with pytest.raises(UnsafeURL):
        check_url(f"http://[{template.format(ipaddress.IPv4Address(value))}]/")


@given(non_public_v4())
def test_generated_6to4_refused(value: int) -> None:
    v6 = ipaddress.IPv6Address((0x2002 << 112) | (value << 80))
    with pytest.raises(UnsafeURL):
        check_url(f"http://[{v6}]/")


# ------------------------------------------------------------------ check_address / resolve_and_check


@pytest.mark.parametrize(
    ("address", "safe"),
    [
        ("8.8.8.8", True),
        ("1.1.1.1", True),
        ("93.184.216.34", True),
        ("2606:4700::1111", True),
        ("2001:4860:4860::8888", True),
        ("127.0.0.1", False),
        ("10.255.255.255", False),
        ("172.31.0.1", False),
        ("192.168.0.1", False),
        ("169.254.169.254", False),
        ("100.100.100.200", False),
        ("0.0.0.0", False),
        ("255.255.255.255", False),
        ("::1", False),
        ("::", False),
        ("fe80::1", False),
        ("fd00:ec2::254", False),
        ("::ffff:10.0.0.1", False),
        ("2002:c0a8:101::", False),
        ("64:ff9b::808:808", False),
        ("2001::5efe:a00:1", False),
        ("ff02::1", False),
    ],
)
def test_check_address(address: str, safe: bool) -> None:
    ip = ipaddress.ip_address(address)
    if safe:
        check_address(ip)
    else:
        with pytest.raises(UnsafeURL):
            check_address(ip)


def _resolver(answers: list[str]):  # type: ignore[no-untyped-def]
    calls: list[tuple[str, int]] = []

    def resolve(host: str, port: int, *args: object) -> list[tuple[object, ...]]:
        calls.append((host, port))
        out: list[tuple[object, ...]] = []
        for a in answers:
            family = socket.AF_INET6 if ":" in a else socket.AF_INET
            sockaddr: tuple[object, ...] = (a, port, 0, 0) if family == socket.AF_INET6 else (a, port)
            out.append((family, socket.SOCK_STREAM, 6, "", sockaddr))
        return out

    resolve.calls = calls  # type: ignore[attr-defined]
    return resolve


def test_resolve_and_check_returns_public_addresses() -> None:
    resolver = _resolver(["93.184.216.34", "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"])
    addresses = resolve_and_check("example.org", 443, resolver)
    assert [str(a) for a in addresses] == ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"]
    assert resolver.calls == [("example.org", 443)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        (["93.184.216.34", "10.0.0.5"], "private address 10.0.0.5"),
        (["127.0.0.1"], "loopback"),
        (["::ffff:169.254.169.254"], "IPv4-mapped"),
        (["fe80::1%eth0"], "link-local"),
        ([], "has no address"),
    ],
)
def test_resolve_and_check_refuses_if_any_address_is_unsafe(answers: list[str], reason: str) -> None:
    with pytest.raises(UnsafeURL) as info:
        resolve_and_check("rebind.example.org", 80, _resolver(answers))
    assert reason in info.value.message


def test_resolve_failure_is_a_fetch_error() -> None:
    def failing(*args: object) -> list[object]:
        raise socket.gaierror("Name or service not known")

    with pytest.raises(FetchError, match="does not resolve"):
        resolve_and_check("nowhere.example.org", 443, failing)


def test_parse_url_pieces() -> None:
    parsed = parse_url("HTTPS://[2606:4700::1111]:8443/a/b?c=d#e")
    assert (parsed.scheme, parsed.host, parsed.port, parsed.path) == ("https", "2606:4700::1111", 8443, "/a/b?c=d")
    assert parsed.host_header == "[2606:4700::1111]:8443"
    assert parse_url("http://example.org").host_header == "example.org"


# ------------------------------------------------------------------ properties on arbitrary input

_URLISH = st.lists(
    st.sampled_from(list("abcxyz019.:/@%[]?#\\-_ \t") + ["0x", "%2e", "%40", ".com", "\uff0e", "\u3002", "\uff11"]),
    max_size=30,
).map("".join)


@given(st.sampled_from(["http://", "https://", "HTTP://", "http:/", ""]), _URLISH)
def test_only_unsafeurl_escapes_and_normal_form_is_stable(prefix: str, rest: str) -> None:
    from urllib.parse import urlsplit

    from urllib3.util import parse_url as urllib3_parse

    try:
        normalised = check_url(prefix + rest)
    except UnsafeURL:
        return
    # Accepted URLs are stable under re-checking, and the standard parsers agree on the host we checked.
    assert check_url(normalised) == normalised
    parsed = parse_url(normalised)
    assert (urlsplit(normalised).hostname or "") == parsed.host.lower()
    assert (urllib3_parse(normalised).host or "").strip("[]") == parsed.host
