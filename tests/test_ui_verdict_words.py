"""Badge verdicts in words: a badge that could not be fetched is said to be unchecked, not forged."""

from __future__ import annotations

import pytest

from ui.common import verdict_words


@pytest.mark.parametrize(("verdict", "reasons", "words"), [
    ("valid", (), "✅ Verified"),
    ("invalid-signature", ("the signature does not match the issuer's key",), "signature does not check out"),
    ("invalid-signature", ("the badge at https://b.example/1 could not be retrieved (timed out: limit 10 s)",),
     "could not be checked"),
    ("revoked", ("the badge at x could not be retrieved",), "⛔ Revoked"),
])
def test_verdict_words(verdict: str, reasons: tuple[str, ...], words: str) -> None:
    assert words in verdict_words(verdict, reasons)
