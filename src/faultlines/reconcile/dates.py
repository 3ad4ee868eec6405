"""Date intervals at a precision: overlap, ranking, and ISO text at the precision."""

from __future__ import annotations

from dataclasses import dataclass

_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4}


@dataclass(frozen=True)
class When:
    """A date interval ``[start, end]`` (ISO days) known at ``precision``; ``start`` None = undated."""

    start: str | None
    end: str | None
    precision: str | None

    @property
    def dated(self) -> bool:
        """True when the interval has a start date."""
        return self.start is not None

    @property
    def rank(self) -> int:
        """Lower is more precise; undated ranks last."""
        if not self.start:
            return 9
        return _RANK.get(self.precision or "", 5)

    def overlaps(self, other: When) -> bool:
        """True when both are dated and their intervals share at least one day."""
        if not (self.start and other.start):
            return False
        return self.start <= (other.end or other.start) and other.start <= (self.end or self.start)

    def iso(self) -> str | None:
        """The date as ISO text at its precision: ``2014``, ``2014-02`` or ``2014-02-02``."""
        if not self.start:
            return None
        if self.precision == "year":
            return self.start[:4]
        if self.precision == "month":
            return self.start[:7]
        return self.start

    def as_json(self) -> dict[str, str | None]:
        """``{"value", "precision"}`` as contradiction claims show a date."""
        return {"value": self.iso(), "precision": self.precision}


def narrower(a: When, b: When) -> When:
    """The more precise of two compatible intervals (``a`` on a tie)."""
    return b if b.rank < a.rank else a


UNDATED = When(None, None, None)
