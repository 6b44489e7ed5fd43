"""Digital badges as verified evidence: Open Badges 2.0/3.0 verification with issuer key binding.

Usage::

    from screener.badges import verify_badge
    from screener.badges.fetch import OfflineMapFetcher
    verdict = verify_badge(png_bytes, fetcher=OfflineMapFetcher({}, Path(".")), email="a@example.com")
"""

from typing import TYPE_CHECKING, Any

from screener.badges.issuers import KnownIssuer, KnownIssuers
from screener.badges.model import PRECEDENCE, VERDICTS, Alignment, BadgeVerdict, Verdict

if TYPE_CHECKING:
    from screener.badges.verify import verify_badge, verify_file_or_url


def __getattr__(name: str) -> Any:
    # The verifier pulls in pyld and cryptography (≈ 0.3 s): loaded on first use, so importing a badge type (the
    # result models do) or the link finder does not pay for it.
    if name in ("verify_badge", "verify_file_or_url"):
        from screener.badges import verify

        return getattr(verify, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "PRECEDENCE",
    "VERDICTS",
    "Alignment",
    "BadgeVerdict",
    "KnownIssuer",
    "KnownIssuers",
    "Verdict",
    "verify_badge",
    "verify_file_or_url",
]
