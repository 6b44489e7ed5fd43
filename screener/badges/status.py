"""Revocation data: W3C Bitstring Status Lists (and StatusList2021), 1EdTech revocation lists, OB2 RevocationList.

A status list credential is itself a signed credential: its proof is verified like the badge's, and a list whose
proof fails makes the badge an integrity failure (``tampered``), because a forged list could un-revoke anything.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from typing import Any

from screener.badges.model import BadgeFailure, Run

MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024  # decompressed; the spec's minimum list is 16 KiB
_BITSTRING_ENTRY_TYPES = {"BitstringStatusListEntry", "StatusList2021Entry"}
_BITSTRING_LIST_TYPES = {"BitstringStatusListCredential", "StatusList2021Credential"}
_REVOCATION_LIST_TYPES = {"1EdTechRevocationList", "RevocationList"}


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(value: Any) -> set[str]:
    return {t for t in as_list(value) if isinstance(t, str)}


def decode_bitstring(encoded: str) -> bytes:
    """``encodedList`` → raw bitstring. Multibase ``u`` (base64url) prefix optional; GZIP; bounded inflate."""
    if not isinstance(encoded, str) or not encoded:
        raise ValueError("encodedList is missing")
    candidates = [encoded[1:], encoded] if encoded.startswith("u") else [encoded]
    last_error = "not base64url"
    for text in candidates:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        except (binascii.Error, ValueError):
            continue
        if raw[:2] != b"\x1f\x8b":
            last_error = "not GZIP data"
            continue
        inflater = zlib.decompressobj(wbits=31)
        try:
            out = inflater.decompress(raw, MAX_STATUS_LIST_BYTES)
        except zlib.error as exc:
            raise ValueError(f"status list does not decompress: {exc}") from exc
        if inflater.unconsumed_tail:
            raise ValueError(f"status list inflates beyond {MAX_STATUS_LIST_BYTES // (1024 * 1024)} MiB")
        return out
    raise ValueError(f"encodedList is {last_error}")


def read_status(bits: bytes, index: int, size: int = 1) -> int:
    """Value at ``index`` (entries of ``size`` bits, most significant bit first, as the spec orders them)."""
    start = index * size
    if index < 0 or start + size > len(bits) * 8:
        raise IndexError("status index outside the list")
    value = 0
    for pos in range(start, start + size):
        value = (value << 1) | ((bits[pos // 8] >> (7 - pos % 8)) & 1)
    return value


def check_credential_status(run: Run, credential: dict[str, Any]) -> None:
    """Raise ``BadgeFailure("revoked")`` when the issuer's status data says so; note what could not be checked."""
    entries = as_list(credential.get("credentialStatus"))
    if not entries:
        run.note("no credentialStatus: the issuer publishes no revocation data for this credential")
        return
    for entry in entries:
        if not isinstance(entry, dict):
            run.skip("credentialStatus entry is not an object: status not checked")
            continue
        types = _types(entry.get("type"))
        if types & _BITSTRING_ENTRY_TYPES:
            _check_bitstring(run, credential, entry)
        elif types & _REVOCATION_LIST_TYPES:
            _check_revocation_list(run, credential, entry)
        else:
            run.skip(f"credentialStatus type {sorted(types) or '?'} is not supported: status not checked")


def _check_bitstring(run: Run, credential: dict[str, Any], entry: dict[str, Any]) -> None:
    from screener.badges import ob3  # status lists are credentials; ob3 verifies them (import cycle by design)

    url = entry.get("statusListCredential")
    purpose = entry.get("statusPurpose", "revocation")
    try:
        index = int(str(entry.get("statusListIndex")), 10)
        size = int(str(entry.get("statusSize", 1)), 10)
    except ValueError:
        run.skip("statusListIndex is not a number: status not checked")
        return
    if not isinstance(url, str) or not url:
        run.skip("credentialStatus has no statusListCredential: status not checked")
        return
    if not 1 <= size <= 8:
        run.skip(f"statusSize {size} is not supported: status not checked")
        return
    listed = ob3.fetch_credential(run, url, what="status list credential")
    if listed is None:
        run.skip(f"status list {url} could not be retrieved: revocation not checked")
        return
    status_list, fmt = listed
    if not _types(status_list.get("type")) & _BITSTRING_LIST_TYPES:
        run.skip(f"{url} is not a status list credential: revocation not checked")
        return
    try:
        ob3.verify_status_list_integrity(run, status_list, fmt)
    except BadgeFailure as failure:
        if failure.verdict == "unsafe-url":
            raise
        raise BadgeFailure(
            "invalid-signature",
            f"tampered status list: the status list credential {url} fails its own integrity check "
            f"({failure.reason}), so it cannot be trusted",
            tampered=True,
        ) from failure
    subject = status_list.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    if not isinstance(subject, dict):
        run.skip(f"status list {url} has no credentialSubject: revocation not checked")
        return
    list_purposes = {p for p in as_list(subject.get("statusPurpose")) if isinstance(p, str)}
    if list_purposes and purpose not in list_purposes:
        run.skip(f"status list {url} is for {sorted(list_purposes)}, not {purpose!r}: status not checked")
        return
    try:
        bits = decode_bitstring(subject.get("encodedList", ""))
        value = read_status(bits, index, size)
    except (ValueError, IndexError) as exc:
        run.skip(f"status list {url}: {exc}: revocation not checked")
        return
    if value and purpose == "revocation":
        raise BadgeFailure("revoked", f"the issuer's status list {url} marks this credential revoked (index {index})")
    if value and purpose == "suspension":
        raise BadgeFailure("revoked", f"the issuer's status list {url} marks this credential suspended (index {index})")
    if purpose in ("revocation", "suspension"):
        run.note(f"status list {url}: not {'revoked' if purpose == 'revocation' else 'suspended'} (index {index})")
    else:
        run.skip(f"status purpose {purpose!r} is informational: not used for the verdict")


def _listed(entries: Any, ids: set[str]) -> dict[str, Any] | None:
    for item in as_list(entries):
        if isinstance(item, str) and item in ids:
            return {"id": item}
        if isinstance(item, dict) and item.get("id") in ids and item.get("revoked", True) is not False:
            return item
    return None


def _check_revocation_list(run: Run, credential: dict[str, Any], entry: dict[str, Any]) -> None:
    url = entry.get("id")
    if not isinstance(url, str) or not url:
        run.skip("1EdTech revocation list entry has no id: status not checked")
        return
    doc = run.get_json(url, what="revocation list")
    if doc is None:
        run.skip(f"revocation list {url} could not be retrieved: revocation not checked")
        return
    ids = {credential["id"]} if isinstance(credential.get("id"), str) else set()
    hit = _listed(doc.get("revokedCredentials", doc.get("revokedAssertions")), ids)
    if hit is not None:
        why = hit.get("revocationReason")
        raise BadgeFailure("revoked", f"the issuer's revocation list {url} lists this credential" + (
            f" ({why})" if isinstance(why, str) else ""))
    run.note(f"revocation list {url}: not listed")


def check_ob2_revocation_list(run: Run, issuer: dict[str, Any], assertion: dict[str, Any]) -> None:
    """OB2: the issuer's ``revocationList`` (a RevocationList) naming the assertion id or uid ⇒ revoked."""
    url = issuer.get("revocationList")
    if not isinstance(url, str) or not url:
        run.note("the issuer publishes no revocation list")
        return
    doc = run.get_json(url, what="revocation list")
    if doc is None:
        run.skip(f"revocation list {url} could not be retrieved: revocation not checked")
        return
    if "RevocationList" not in _types(doc.get("type")):
        run.skip(f"{url} is not a RevocationList: revocation not checked")
        return
    ids = {v for v in (assertion.get("id"), assertion.get("uid")) if isinstance(v, str)}
    hit = _listed(doc.get("revokedAssertions"), ids)
    if hit is not None:
        why = hit.get("revocationReason")
        raise BadgeFailure("revoked", f"the issuer's revocation list {url} lists this assertion" + (
            f" ({why})" if isinstance(why, str) else ""))
    run.note(f"revocation list {url}: not listed")
