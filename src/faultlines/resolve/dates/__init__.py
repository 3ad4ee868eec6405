"""The time normaliser: temporal expressions in text, as intervals of days with a precision.

Use :func:`find_time_expressions` for a document and :func:`normalise` for one phrase.

Anchoring rules:

* **absolute** - the expression names its year ("8 April 2013", "summer 2014", "2014-06-25").
* **published** - deictic expressions count from the publication date: a weekday is the latest
  such day on or before it ("last Wednesday": strictly before), "yesterday", "last week" (the
  previous Monday-Sunday week), "earlier this year" (1 January to publication), "in January" and
  "June 21" without a year (the latest on or before publication).
* **text** - anaphoric expressions count from the *date in force*: the interval of the latest
  resolved expression earlier in the document ("same month", "the following day", "two days
  later"; "two days after 8 June" counts from 8 June). A shift by a number of units keeps the
  precision of what it shifts; vague shifts ("days later") widen the interval. A shift counted
  from an event ("days after rebels withdrew") is left unresolved.
* **future** - in a sentence with a future cue ("will", "is due to", "expected to") weekdays,
  year-less dates and seasons look forward from publication ("will meet on Friday").

Without a publication date, deictic expressions come back with ``start = end = None`` and a
``reason``; months and days without a year then take the year of the date in force.
Precision names the calendar unit closest to the interval's width ("mid-May" is ``week``,
"late 2014" is ``season``); ranges keep the unit of their ends ("17-21 June" is ``day``).
"""

from faultlines.resolve.dates.finder import find_time_expressions, normalise
from faultlines.resolve.dates.model import (
    ANCHOR_ABSOLUTE,
    ANCHOR_PUBLISHED,
    ANCHOR_TEXT,
    PRECISIONS,
    TimeExpression,
    interval_overlap,
    intervals_compatible,
)

__all__ = [
    "ANCHOR_ABSOLUTE",
    "ANCHOR_PUBLISHED",
    "ANCHOR_TEXT",
    "PRECISIONS",
    "TimeExpression",
    "find_time_expressions",
    "interval_overlap",
    "intervals_compatible",
    "normalise",
]
