"""Coded errors: every error a user can meet says what went wrong and how to fix it."""

from __future__ import annotations


class FaultlinesError(Exception):
    """Base class for faultlines errors; ``code`` is stable, ``hint`` tells how to fix it."""

    code = "E000"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text}\nHint: {self.hint}" if self.hint else text


class DatabaseError(FaultlinesError):
    """The database cannot be opened, migrated or written."""

    code = "E001"


class InputError(FaultlinesError):
    """An input cannot be read as a document (the batch goes on without it)."""

    code = "E002"


class NotFoundError(FaultlinesError):
    """A named document, actor, event or place does not exist in the store."""

    code = "E003"


class UsageError(FaultlinesError):
    """Arguments that cannot work together or cannot be parsed."""

    code = "E004"


class ModelError(FaultlinesError):
    """A model or data package that faultlines needs is missing."""

    code = "E005"
