"""Recipient checks: is this badge awarded to the applicant's email? (OB2 ``recipient``, OB3 ``identifier``).

Policy (README "Recipients"): trim and lower-case the claimed email before hashing; hash the UTF-8 bytes of
identity + salt; compare hex digests case-insensitively; only ``sha256$`` and ``md5$`` are allowed prefixes.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from screener.badges.model import BadgeFailure, Run

HASH_ALGORITHMS = {"sha256": hashlib.sha256, "md5": hashlib.md5}
_EMAIL_TYPES = {"email", "emailaddress"}


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _is_hashed(hashed: Any, identity: str) -> bool:
    if isinstance(hashed, bool):
        return hashed
    if isinstance(hashed, str):
        return hashed.strip().lower() == "true"
    # "hashed" absent: an algorithm prefix still says what the value is.
    return "$" in identity and identity.split("$", 1)[0].lower() in HASH_ALGORITHMS


def validate_identity(identity: Any, hashed: Any, salt: Any) -> None:
    """Structure of one identity; raises ``malformed`` for a missing/unknown hash prefix."""
    if not isinstance(identity, str) or not identity.strip():
        raise BadgeFailure("malformed", "the recipient identity is missing")
    if salt is not None and not isinstance(salt, str):
        raise BadgeFailure("malformed", "the recipient salt is not a string")
    if _is_hashed(hashed, identity):
        algorithm, sep, digest = identity.partition("$")
        if not sep:
            raise BadgeFailure("malformed", "the hashed recipient identity has no algorithm prefix (sha256$ or md5$)")
        if algorithm.lower() not in HASH_ALGORITHMS:
            raise BadgeFailure(
                "malformed", f"recipient hash algorithm {algorithm!r} is not allowed (only sha256$ and md5$)"
            )
        size = HASH_ALGORITHMS[algorithm.lower()]().digest_size * 2
        if len(digest) != size or any(c not in "0123456789abcdefABCDEF" for c in digest):
            raise BadgeFailure("malformed", f"the {algorithm} recipient hash is not {size} hex digits")


def identity_matches(identity: str, hashed: Any, salt: Any, email: str) -> bool:
    """Whether ``email`` is the identity (plain or hashed with the salt). Call ``validate_identity`` first."""
    claimed = normalise_email(email)
    if not _is_hashed(hashed, identity):
        return hmac.compare_digest(normalise_email(identity).encode(), claimed.encode())
    algorithm, _, digest = identity.partition("$")
    computed = HASH_ALGORITHMS[algorithm.lower()]((claimed + (salt or "")).encode("utf-8")).hexdigest()
    return hmac.compare_digest(computed, digest.lower())


def validate_ob2_recipient(recipient: Any) -> None:
    if not isinstance(recipient, dict):
        raise BadgeFailure("malformed", "the assertion has no recipient object")
    validate_identity(recipient.get("identity"), recipient.get("hashed"), recipient.get("salt"))


def check_ob2_recipient(run: Run, recipient: dict[str, Any]) -> None:
    kind = str(recipient.get("type", "email")).lower()
    _compare(run, [(kind, recipient["identity"], recipient.get("hashed"), recipient.get("salt"))])


def ob3_identities(subject: dict[str, Any]) -> list[tuple[str, str, Any, Any]]:
    """(type, identityHash, hashed, salt) for each ``credentialSubject.identifier``; validates structure."""
    out = []
    identifiers = subject.get("identifier")
    for item in identifiers if isinstance(identifiers, list) else [identifiers] if identifiers else []:
        if not isinstance(item, dict):
            raise BadgeFailure("malformed", "credentialSubject.identifier entry is not an object")
        validate_identity(item.get("identityHash"), item.get("hashed"), item.get("salt"))
        out.append((str(item.get("identityType", "")).lower(), item["identityHash"], item.get("hashed"), item.get("salt")))
    return out


def check_ob3_recipient(run: Run, subject: dict[str, Any]) -> None:
    identities = ob3_identities(subject)
    if not identities:
        if run.email:
            who = subject.get("id")
            run.skip(
                "recipient not checked: the credential names its recipient only by "
                + (f"{who!r}" if isinstance(who, str) else "nothing comparable")
                + ", not by email"
            )
        return
    _compare(run, identities)


def _compare(run: Run, identities: list[tuple[str, str, Any, Any]]) -> None:
    if not run.email:
        run.skip("recipient not checked: no applicant email was given")
        return
    emails = [i for i in identities if i[0] in _EMAIL_TYPES]
    if not emails:
        kinds = ", ".join(sorted({i[0] or "?" for i in identities}))
        run.skip(f"recipient not checked: the badge identifies its recipient by {kinds}, not by email")
        return
    run.recipient_checked = True
    if any(identity_matches(identity, hashed, salt, run.email) for _, identity, hashed, salt in emails):
        run.note("awarded to the applicant's email")
        return
    raise BadgeFailure("recipient-mismatch", "the badge was awarded to a different email than the applicant's")


def check_recipient_vector(recipient_obj: Any, claimed: str) -> str:
    """Verdict of a bare recipient comparison (used for recipient test vectors): valid / recipient-mismatch /
    malformed."""
    try:
        validate_ob2_recipient(recipient_obj)
    except BadgeFailure as failure:
        return failure.verdict
    ok = identity_matches(recipient_obj["identity"], recipient_obj.get("hashed"), recipient_obj.get("salt"), claimed)
    return "valid" if ok else "recipient-mismatch"
