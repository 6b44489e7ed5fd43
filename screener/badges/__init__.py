"""Digital badges as verified evidence: Open Badges 2.0/3.0 verification with issuer key binding.

Usage::

    from screener.badges import verify_badge
    from screener.badges.fetch import OfflineMapFetcher
    verdict = verify_badge(png_bytes, fetcher=OfflineMapFetcher({}, Path(".")), email="a@example.com")
"""

from screener.badges.issuers import KnownIssuer, KnownIssuers
from screener.badges.model import PRECEDENCE, VERDICTS, Alignment, BadgeVerdict, Verdict
from screener.badges.verify import verify_badge, verify_file_or_url

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
