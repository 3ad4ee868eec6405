"""The value type of the time normaliser and interval comparisons for reconciliation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

#: Precision names, finest first. A precision names the calendar unit closest to the width of
#: the interval: "mid-May" (11-20 May) is ``week``, "late 2014" (Sep-Dec) is ``season``.
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "season", "quarter", "half", "year", "decade")

#: Where an interval's reference point came from.
ANCHOR_ABSOLUTE = "absolute"  # the expression names its own year ("8 April 2013")
ANCHOR_PUBLISHED = "published"  # deictic, resolved against the publication date ("yesterday")
ANCHOR_TEXT = "text"  # anaphoric, resolved against the date in force in the text ("same month")


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression found in a text, normalised to an inclusive interval of days.

    ``char_start``/``char_end`` are offsets into the text given to the finder (for
    :func:`~faultlines.resolve.dates.normalise` they cover the phrase itself). An expression
    that cannot be resolved has ``start = end = None`` and a ``reason``.
    """

    text: str
    char_start: int
    char_end: int
    start: date | None
    end: date | None
    precision: str
    relative: bool
    anchor: str
    kind: str
    reason: str | None = None

    @property
    def resolved(self) -> bool:
        """True when the expression has an interval."""
        return self.start is not None and self.end is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with ISO days (or None)."""
        # the fields are plain values: a shallow copy is what dataclasses.asdict gives, only faster
        out = {name: getattr(self, name) for name in self.__dataclass_fields__}
        out["start"] = self.start.isoformat() if self.start else None
        out["end"] = self.end.isoformat() if self.end else None
        return out


def precision_rank(precision: str) -> int:
    """Position of ``precision`` in :data:`PRECISIONS` (finer is smaller); unknown sorts last."""
    return PRECISIONS.index(precision) if precision in PRECISIONS else len(PRECISIONS)


def interval_overlap(a: TimeExpression, b: TimeExpression) -> int:
    """Number of days the two intervals share (0 when disjoint or either is unresolved)."""
    if not (a.resolved and b.resolved):
        return 0
    assert a.start and a.end and b.start and b.end
    first, last = max(a.start, b.start), min(a.end, b.end)
    return max(0, (last - first).days + 1)


def intervals_compatible(a: TimeExpression, b: TimeExpression) -> bool:
    """True when both can describe the same moment: the intervals overlap.

    "June 2014" and "21 June 2014" are compatible; "2013" and "February 2014" are not.
    Unresolved expressions are compatible with anything (they assert nothing).
    """
    if not (a.resolved and b.resolved):
        return True
    return interval_overlap(a, b) > 0
