"""The fetch policy for badge URLs: decide, before any request, whether a URL may be contacted at all.

Badge URLs come from résumés, i.e. from strangers, so they are hostile input (server-side request forgery). This
module parses the URL authority itself instead of trusting ``urllib.parse`` (which accepts ``evil.com\\@127.0.0.1``,
``user@host`` and friends differently from the HTTP client), normalises every spelling of a host the way browsers
and C resolvers read it (decimal/hex/octal/short IPv4, IDNA/NFKC, percent-encoding, trailing dots) and then checks
the result against the address and name rules in ``data/urlpolicy.yaml``.

Public API:
    check_url(url) -> normalised URL, or raises UnsafeURL
    check_address(ip) -> None, or raises UnsafeURL
    check_address_allowing_loopback(ip) -> the same, letting 127/8 and ::1 through (tests with a local server only)
    resolve_and_check(host, port, resolver=socket.getaddrinfo) -> list of checked addresses
    parse_url(url) -> ParsedURL (the checked pieces; used by the fetchers)
"""

from __future__ import annotations

import ipaddress
import re
import socket
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote_to_bytes

import yaml

from screener.errors import FetchError, UnsafeURL

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressChecker = Callable[[IPAddress], None]
Resolver = Callable[..., Sequence[Any]]

ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_URL_LENGTH = 4096

_POLICY_FILE = Path(__file__).parent / "data" / "urlpolicy.yaml"
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# Characters a DNS label may contain after normalisation (underscore appears in real service names).
_LABEL_RE = re.compile(r"^[a-z0-9_](?:[a-z0-9_\-]{0,61}[a-z0-9_])?$")
# Dots that IDNA (UTS #46) treats as label separators.
_IDNA_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_GLOBAL_V6 = ipaddress.IPv6Network("2000::/3")


@dataclass(frozen=True)
class ParsedURL:
    """A URL that passed the syntactic checks. ``host`` is the normalised host (IP text without brackets)."""

    scheme: str
    host: str
    port: int
    path: str  # path + query, never empty ("/" at least); the fragment is dropped (it is never sent)
    ip: IPAddress | None  # set when the host is a literal IP address

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if isinstance(self.ip, ipaddress.IPv6Address) else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host_header}{self.path}"


@dataclass(frozen=True)
class _Rules:
    v4: tuple[tuple[ipaddress.IPv4Network, str], ...]
    v6: tuple[tuple[ipaddress.IPv6Network, str], ...]
    names: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = yaml.safe_load(_POLICY_FILE.read_text(encoding="utf-8"))
    v4 = tuple((ipaddress.IPv4Network(row["network"]), str(row["reason"])) for row in data["ipv4_refused"])
    v6 = tuple((ipaddress.IPv6Network(row["network"]), str(row["reason"])) for row in data["ipv6_refused"])
    rows = ((str(row["suffix"]).lower().strip("."), str(row["reason"])) for row in data["names_refused"])
    # Longest suffix first, so "metadata.google.internal" is named as metadata rather than as ".internal".
    names = tuple(sorted(rows, key=lambda row: (-len(row[0]), row[0])))
    if not v4 or not v6 or not names:
        # Fail closed: an empty policy file must never mean "allow everything".
        raise UnsafeURL("the URL policy file is empty, so no URL can be checked")
    return _Rules(v4, v6, names)


def _refuse(reason: str) -> UnsafeURL:
    # The message is the bare reason ("private address 10.0.0.1"): the verifier quotes it in its verdict reasons.
    return UnsafeURL(reason)


# --------------------------------------------------------------------------------------------- addresses


def _v4_reason(ip: ipaddress.IPv4Address) -> str | None:
    for network, reason in _rules().v4:
        if ip in network:
            if reason == "this-network address" and int(ip) == 0:
                return "unspecified address"
            if reason == "reserved address" and int(ip) == 0xFFFFFFFF:
                return "broadcast address"
            return reason
    # Belt and braces: anything Python itself does not call global is refused too.
    if not ip.is_global or ip.is_multicast or ip.is_reserved:
        return "non-public address"
    return None


def _embedded_v4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 transition form carries, for a clearer refusal message."""
    value = int(ip)
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if value >> 32 == 0 or value >> 32 == 0xFFFF0000 or value >> 32 == 0x64FF9B0000000000000000:
        return ipaddress.IPv4Address(value & 0xFFFFFFFF)
    if ip in ipaddress.IPv6Network("64:ff9b:1::/48"):
        return ipaddress.IPv4Address(value & 0xFFFFFFFF)
    return None


def _v6_reason(ip: ipaddress.IPv6Address) -> str | None:
    if ip.scope_id:
        return "IPv6 zone id"
    for network, reason in _rules().v6:
        if ip in network:
            embedded = _embedded_v4(ip)
            if embedded is not None and reason not in ("loopback address", "unspecified address"):
                return f"{reason} {ip} (embeds {embedded})"
            return f"{reason} {ip}"
    if ip not in _GLOBAL_V6:
        return f"non-global IPv6 address {ip} (only 2000::/3 is public unicast)"
    if not ip.is_global or ip.is_multicast:
        return f"non-public address {ip}"
    return None


def check_address(ip: IPAddress) -> None:
    """Raise UnsafeURL unless ``ip`` is a public (global) unicast address."""
    if isinstance(ip, ipaddress.IPv4Address):
        reason = _v4_reason(ip)
        if reason is not None:
            raise _refuse(f"{reason} {ip}")
    elif isinstance(ip, ipaddress.IPv6Address):
        reason = _v6_reason(ip)
        if reason is not None:
            raise _refuse(reason)
    else:
        raise _refuse(f"not an IP address: {ip!r}")


def check_address_allowing_loopback(ip: IPAddress) -> None:
    """Like check_address, but lets loopback through. Only for tests that run a server on 127.0.0.1 / ::1."""
    if ip.is_loopback and not (isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None):
        return
    check_address(ip)


# --------------------------------------------------------------------------------------------- host names


def _parse_ipv4_number(part: str) -> int | None:
    """One dotted part the way inet_aton and browsers read it: 0x.. hex, leading 0 octal, else decimal."""
    if part.startswith(("0x", "0X")):
        digits = part[2:]
        if digits == "":
            return 0
        return int(digits, 16) if re.fullmatch(r"[0-9a-fA-F]+", digits) else None
    if len(part) > 1 and part.startswith("0"):
        return int(part, 8) if re.fullmatch(r"[0-7]+", part) else None
    return int(part) if re.fullmatch(r"[0-9]+", part) else None


def _looks_numeric(label: str) -> bool:
    return bool(re.fullmatch(r"[0-9]+|0[xX][0-9a-fA-F]*", label))


def _parse_ipv4_host(host: str) -> ipaddress.IPv4Address | None:
    """Return the address when ``host`` is an IPv4 address in any spelling; None when it is a DNS name.

    Raises UnsafeURL for something that looks numeric but is not a valid address (e.g. ``1.2.3.4.5``, ``09.1``):
    resolvers disagree on such hosts, so they are refused rather than guessed.
    """
    parts = host.split(".")
    if not parts or not _looks_numeric(parts[-1]):
        if any(_looks_numeric(p) for p in parts) and all(_looks_numeric(p) or p == "" for p in parts):
            raise _refuse(f"malformed numeric host {host!r}")
        return None
    if len(parts) > 4 or any(p == "" for p in parts):
        raise _refuse(f"malformed numeric host {host!r}")
    numbers = [_parse_ipv4_number(p) for p in parts]
    if any(n is None for n in numbers):
        raise _refuse(f"malformed numeric host {host!r}")
    values = [n for n in numbers if n is not None]
    *head, last = values
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(values)):
        raise _refuse(f"malformed numeric host {host!r}")
    value = last
    for index, n in enumerate(head):
        value += n << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def _normalise_name(raw: str) -> str:
    """Percent-decode, NFKC/IDNA-normalise and lower-case a host name; refuse anything that is not a DNS name."""
    try:
        decoded = unquote_to_bytes(raw).decode("utf-8") if "%" in raw else raw
    except UnicodeDecodeError:
        raise _refuse("percent-encoded host is not valid UTF-8") from None
    if "%" in decoded:
        raise _refuse("doubly percent-encoded host")
    name = unicodedata.normalize("NFKC", decoded).translate(_IDNA_DOTS).lower()
    if not name.isascii():
        try:
            name = ".".join(
                label.encode("idna").decode("ascii") if not label.isascii() else label for label in name.split(".")
            )
        except UnicodeError:
            raise _refuse(f"invalid international host name {decoded!r}") from None
        name = name.lower()
    return name


def _check_name(name: str) -> None:
    """Refuse names that are local, internal or otherwise not public DNS names. ``name`` has no trailing dot."""
    if name == "":
        raise _refuse("empty host")
    if len(name) > 253:
        raise _refuse("host name too long")
    labels = name.split(".")
    for label in labels:
        if not _LABEL_RE.match(label):
            raise _refuse(f"invalid host name {name!r}")
    for suffix, reason in _rules().names:
        if name == suffix or name.endswith("." + suffix):
            raise _refuse(f"{reason} {name}")
    if len(labels) < 2:
        raise _refuse(f"single-label host name {name!r}")
    # Every delegated top-level domain is letters (or an xn-- IDN label): "1.2.3.0x1g" is no public name.
    if not re.fullmatch(r"[a-z]{2,63}|xn--[a-z0-9\-]{1,59}", labels[-1]):
        raise _refuse(f"invalid top-level domain in {name!r}")


def _parse_host(raw_host: str) -> tuple[str, IPAddress | None]:
    """Normalised host text and its literal address (if it is one). Raises UnsafeURL."""
    if raw_host.startswith("["):
        if not raw_host.endswith("]"):
            raise _refuse("unterminated IPv6 address")
        inner = raw_host[1:-1]
        if "%" in inner:
            raise _refuse("IPv6 zone id in URL")
        if not re.fullmatch(r"[0-9A-Fa-f:.]+", inner):
            raise _refuse(f"malformed IPv6 address {inner!r}")
        try:
            v6 = ipaddress.IPv6Address(inner)
        except ValueError:
            raise _refuse(f"malformed IPv6 address {inner!r}") from None
        return v6.compressed, v6
    if "[" in raw_host or "]" in raw_host:
        raise _refuse("bracket in host")
    name = _normalise_name(raw_host)
    if ":" in name:
        raise _refuse("IPv6 address without brackets")
    name = name.removesuffix(".")  # one trailing dot is the fully qualified form of the same name
    if name == "":
        raise _refuse("empty host")
    if not re.fullmatch(r"[a-z0-9._\-]+", name):
        raise _refuse(f"invalid host name {name!r}")
    v4 = _parse_ipv4_host(name)
    if v4 is not None:
        return str(v4), v4
    return name, None


# --------------------------------------------------------------------------------------------- URLs


def parse_url(url: str, *, address_checker: AddressChecker = check_address) -> ParsedURL:
    """Parse and check ``url`` against the policy (names and literal addresses; no DNS). Raises UnsafeURL."""
    if not isinstance(url, str):
        raise _refuse("URL is not text")
    url = url.strip(" \t\r\n")
    if url == "":
        raise _refuse("empty URL")
    if len(url) > MAX_URL_LENGTH:
        raise _refuse("URL too long")
    if any(ord(c) < 0x21 or ord(c) == 0x7F or c.isspace() for c in url):
        raise _refuse("whitespace or control character in URL")
    if "\\" in url:
        raise _refuse("backslash in URL")
    match = _SCHEME_RE.match(url)
    if not match:
        raise _refuse("URL has no scheme (expected http:// or https://)")
    scheme = match.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        raise _refuse(f"scheme {scheme!r} is not allowed")
    rest = url[match.end() :]
    if not rest.startswith("//") or rest.startswith("///"):
        raise _refuse("malformed URL: expected '//' and a host after the scheme")
    rest = rest[2:]
    end = len(rest)
    for delimiter in "/?#":
        position = rest.find(delimiter)
        if position != -1:
            end = min(end, position)
    authority, tail = rest[:end], rest[end:]
    # Any '@' (raw or encoded) in the authority is a userinfo trick: "https://trusted.org@evil.net/".
    lowered = authority.lower()
    if "@" in authority or "%40" in lowered:
        raise _refuse("userinfo in URL")
    if authority == "":
        raise _refuse("empty host")
    if tail[:1] in ("?", "#") and "@" in tail.split("/", 1)[0]:
        # "http://good.org#@127.0.0.1/" and "http://good.org?@10.0.0.1": parsers disagree on where the host is.
        raise _refuse("userinfo-like '@' right after the host")
    if authority.startswith("["):
        close = authority.find("]")
        if close == -1:
            raise _refuse("unterminated IPv6 address")
        raw_host, port_text = authority[: close + 1], authority[close + 1 :]
        if port_text and not port_text.startswith(":"):
            raise _refuse("malformed authority after IPv6 address")
        port_text = port_text[1:] if port_text else ""
        has_port = bool(authority[close + 1 :])
    else:
        raw_host, sep, port_text = authority.rpartition(":")
        has_port = bool(sep)
        if not sep:
            raw_host, port_text = authority, ""
    if "%3a" in raw_host.lower() or "%5b" in raw_host.lower() or "%5d" in raw_host.lower():
        raise _refuse("percent-encoded delimiter in host")
    if has_port and port_text == "":
        port = DEFAULT_PORTS[scheme]
    elif has_port:
        if not re.fullmatch(r"[0-9]{1,5}", port_text) or not 1 <= int(port_text) <= 65535:
            raise _refuse(f"invalid port {port_text!r}")
        port = int(port_text)
    else:
        port = DEFAULT_PORTS[scheme]
    host, ip = _parse_host(raw_host)
    if ip is not None:
        address_checker(ip)
    else:
        _check_name(host)
    fragment = tail.find("#")
    path = tail if fragment == -1 else tail[:fragment]
    if path == "" or path.startswith("?"):
        path = "/" + path
    if not path.isascii():
        # An HTTP request line is ASCII: send non-ASCII path characters percent-encoded as UTF-8.
        path = "".join(c if c.isascii() else quote(c, safe="") for c in path)
    return ParsedURL(scheme=scheme, host=host, port=port, path=path, ip=ip)


def check_url(url: str, *, address_checker: AddressChecker = check_address) -> str:
    """Return the normalised URL, or raise UnsafeURL with a short reason. No request and no DNS lookup is made.

    The normalised form has a lower-case scheme and host, IPv4 in dotted-quad form, IPv6 compressed, the default
    port dropped and the fragment removed. ``address_checker`` exists only so tests can reach a local server.
    """
    return parse_url(url, address_checker=address_checker).url


def resolve_and_check(
    host: str,
    port: int,
    resolver: Resolver = socket.getaddrinfo,
    *,
    address_checker: AddressChecker = check_address,
) -> list[IPAddress]:
    """Resolve ``host`` and return its addresses (deduplicated, resolver order) if EVERY one is public.

    Raises UnsafeURL when any address is not public, FetchError when the name does not resolve. Refusing when any address is unsafe (not just the first) defeats names that mix a public and a private record.
    """
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        address_checker(literal)
        return [literal]
    try:
        infos = resolver(host, port, 0, socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        # Not a policy refusal: the name simply cannot be looked up (offline machine, typo, dead domain).
        raise FetchError(f"host name {host!r} does not resolve ({exc})") from None
    addresses: list[IPAddress] = []
    for info in infos:
        raw = info[4][0]
        try:
            ip = ipaddress.ip_address(raw.split("%", 1)[0] if isinstance(raw, str) else raw)
        except ValueError:
            raise _refuse(f"resolver returned a non-address {raw!r}") from None
        if isinstance(raw, str) and "%" in raw:
            raise _refuse(f"link-local address {raw}")
        address_checker(ip)
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise _refuse(f"host name {host!r} has no address")
    return addresses
