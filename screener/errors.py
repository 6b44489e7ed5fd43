"""One exception tree for Skills Screener: every error has a stable code and a message a hiring manager understands."""

from __future__ import annotations


class ScreenerError(Exception):
    """Base of every error the screener raises on purpose.

    ``code`` is stable (for logs, tests and the UI); ``message`` is plain language;
    ``file`` names the input the error is about, when there is one.
    """

    code = "E000"

    def __init__(self, message: str, *, file: str | None = None, hint: str | None = None) -> None:
        self.message = message
        self.file = file
        self.hint = hint
        super().__init__(self.user_message())

    def user_message(self) -> str:
        """One line for a person: ``file: what is wrong (how to fix it)``."""
        text = f"{self.file}: {self.message}" if self.file else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class RubricError(ScreenerError):
    """A rubric file cannot be read or does not follow the rubric format."""

    code = "E100"


class DocumentError(ScreenerError):
    """A résumé file cannot be turned into text. One bad file never stops a batch."""

    code = "E200"


class FileTooLarge(DocumentError):
    code = "E201"


class UnsupportedFileType(DocumentError):
    code = "E202"


class EncryptedDocument(DocumentError):
    code = "E203"


class CorruptDocument(DocumentError):
    code = "E204"


class EmptyDocument(DocumentError):
    code = "E205"


class NoTextLayer(DocumentError):
    code = "E206"


class ParseTimeout(DocumentError):
    code = "E207"


class ParseMemoryExceeded(DocumentError):
    code = "E208"


class InvalidJSONResume(DocumentError):
    code = "E209"


class BadgeError(ScreenerError):
    """A badge could not be read at all (a verdict is still given where possible)."""

    code = "E300"


class UnsafeURL(BadgeError):
    """A URL the fetch policy refuses (private address, bad scheme, userinfo...). Raised before any request."""

    code = "E301"


class FetchError(BadgeError):
    """A permitted fetch failed (timeout, too large, too many redirects, connection error)."""

    code = "E302"


class CredentialError(ScreenerError):
    code = "E400"


class UsageError(ScreenerError):
    """The command line or API was called wrongly."""

    code = "E900"
