"""What a rule returns: an interval with its precision and anchor, and the context it reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from faultlines.resolve.dates.model import ANCHOR_ABSOLUTE, ANCHOR_PUBLISHED, ANCHOR_TEXT


@dataclass(frozen=True)
class Reading:
    """A normalised interval (or the reason there is none)."""

    start: date | None
    end: date | None
    precision: str
    anchor: str
    reason: str | None = None

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None


@dataclass(frozen=True)
class Context:
    """What a rule may read: the publication date, the date in force, and the tense around it.

    ``future`` is set when the sentence so far speaks of what is to come ("will meet on
    Friday"): weekdays and year-less dates then look forward from publication.
    """

    published: date | None
    in_force: Reading | None = None
    future: bool = False


NO_PUBLISHED = "relative to the publication date, which is unknown"
NO_IN_FORCE = "relative to an earlier date in the text, and none precedes it"


def absolute(span: tuple[date, date], precision: str) -> Reading:
    return Reading(span[0], span[1], precision, ANCHOR_ABSOLUTE)


def anchored(span: tuple[date, date], precision: str, anchor: str) -> Reading:
    return Reading(span[0], span[1], precision, anchor)


def unresolved(precision: str, anchor: str, reason: str) -> Reading:
    return Reading(None, None, precision, anchor, reason)


def no_published(precision: str) -> Reading:
    return unresolved(precision, ANCHOR_PUBLISHED, NO_PUBLISHED)


def no_in_force(precision: str) -> Reading:
    return unresolved(precision, ANCHOR_TEXT, NO_IN_FORCE)
