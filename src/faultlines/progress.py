"""Progress reporting: library code reports, the CLI decides whether to draw a bar."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Receives progress from long-running library work."""

    def start(self, total: int | None, label: str) -> None:
        """A phase begins; ``total`` is None when unknown."""

    def advance(self, n: int = 1) -> None:
        """``n`` more items are done."""

    def finish(self) -> None:
        """The phase is over."""


class NullProgress:
    """Reports nowhere (library default)."""

    def start(self, total: int | None, label: str) -> None:
        return None

    def advance(self, n: int = 1) -> None:
        return None

    def finish(self) -> None:
        return None
