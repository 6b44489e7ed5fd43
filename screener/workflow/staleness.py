"""Is the ranking on screen still the answer to what is on screen? A screening's inputs are summarised as a
signature (the rubric text's sha256, the uploads' names and sha256s, whether the sample set was included); when
the current choices differ from the run's, the ranking is stale and says why.

    sig = InputsSignature.of(rubric_yaml, [(name, data), ...], samples=True)
    sig.changes(run_sig)        # ["the rubric changed since the last screening", ...] — empty when current
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class InputsSignature:
    rubric_sha256: str
    uploads: tuple[tuple[str, str], ...]  # (file name, sha256), sorted
    samples: bool

    @classmethod
    def of(cls, rubric_yaml: str, uploads: Sequence[tuple[str, bytes]], *, samples: bool) -> InputsSignature:
        return cls(_sha(rubric_yaml.encode("utf-8")), tuple(sorted((n, _sha(d)) for n, d in uploads)), samples)

    def changes(self, before: InputsSignature | None) -> list[str]:
        """What changed since ``before`` (the last screening's signature), in words; empty when nothing did."""
        if before is None:
            return []
        out = []
        if self.rubric_sha256 != before.rubric_sha256:
            out.append("the rubric changed since the last screening")
        if self.uploads != before.uploads:
            added = len(set(self.uploads) - set(before.uploads))
            removed = len(set(before.uploads) - set(self.uploads))
            bits = [f"{added} added" if added else "", f"{removed} removed" if removed else ""]
            out.append("the uploaded files changed (" + ", ".join(b for b in bits if b) + ")")
        if self.samples != before.samples:
            out.append("the sample résumés were " + ("included" if self.samples else "left out") + " since")
        return out
