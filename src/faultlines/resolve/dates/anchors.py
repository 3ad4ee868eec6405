"""What the rules share: years written or implied, units of time, and interval widths."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from faultlines.resolve.dates import calendar as cal
from faultlines.resolve.dates.lexicon import MONTHS, fold
from faultlines.resolve.dates.model import ANCHOR_ABSOLUTE, ANCHOR_PUBLISHED, ANCHOR_TEXT
from faultlines.resolve.dates.reading import (
    NO_IN_FORCE,
    NO_PUBLISHED,
    Context,
    Reading,
    unresolved,
)

Groups = Mapping[str, str | None]
Rule = Callable[[Groups, Context], Reading | None]

#: Vague quantities ("days later", "a few weeks ago"): (fewest, most) days they stand for.
VAGUE_DAYS: dict[str, tuple[int, int]] = {
    "day": (2, 9),
    "week": (14, 56),
    "month": (60, 330),
    "year": (730, 3650),
    "fortnight": (14, 56),
}
UNIT_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year", "fortnight": "week"}


@dataclass(frozen=True)
class YearRef:
    """A year (or why there is none) and where it came from."""

    year: int | None
    anchor: str
    reason: str | None = None


_YEAR_WORDS: dict[str, tuple[int, str]] = {
    "last": (-1, ANCHOR_PUBLISHED),
    "this": (0, ANCHOR_PUBLISHED),
    "next": (1, ANCHOR_PUBLISHED),
    "that": (0, ANCHOR_TEXT),
    "the same": (0, ANCHOR_TEXT),
    "the following": (1, ANCHOR_TEXT),
    "the next": (1, ANCHOR_TEXT),
    "the previous": (-1, ANCHOR_TEXT),
    "the preceding": (-1, ANCHOR_TEXT),
}


def norm(raw: str | None) -> str:
    """A matched word as a lexicon key (see :func:`~faultlines.resolve.dates.lexicon.fold`)."""
    return fold(raw)


def month_number(raw: str | None) -> int:
    return MONTHS[norm(raw).rstrip(".")]


def unit_name(raw: str | None) -> str:
    return norm(raw).removesuffix("s")


def year_ref(groups: Groups, name: str, ctx: Context) -> YearRef | None:
    """The year written in group ``name`` (digits or "last year"...); None when none is written."""
    digits = groups.get(name)
    if digits:
        return YearRef(int(digits), ANCHOR_ABSOLUTE)
    words = norm(groups.get(f"{name}_rel"))
    if not words:
        return None
    delta, anchor = _YEAR_WORDS[words]
    if anchor == ANCHOR_PUBLISHED:
        if ctx.published is None:
            return YearRef(None, anchor, NO_PUBLISHED)
        return YearRef(ctx.published.year + delta, anchor)
    if ctx.in_force is None or ctx.in_force.start is None:
        return YearRef(None, anchor, NO_IN_FORCE)
    return YearRef(ctx.in_force.start.year + delta, anchor)


def implicit_year(month: int, day: int, ctx: Context, *, last_day: int | None = None) -> YearRef:
    """Year of a month/day written without one: on or before publication, else the year in force.

    In a sentence about the future the day (or ``last_day`` of a span) falls on or after publication.
    """
    if ctx.published is not None and ctx.future:
        return YearRef(cal.year_on_or_after(ctx.published, month, last_day or day), ANCHOR_PUBLISHED)
    if ctx.published is not None:
        return YearRef(cal.year_on_or_before(ctx.published, month, day), ANCHOR_PUBLISHED)
    if ctx.in_force is not None and ctx.in_force.start is not None:
        return YearRef(ctx.in_force.start.year, ANCHOR_TEXT)
    return YearRef(None, ANCHOR_PUBLISHED, "no year is written and the publication date is unknown")


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def two_digit_year(raw: str) -> int:
    value = int(raw)
    if len(raw) == 4:
        return value
    return 2000 + value if value < 50 else 1900 + value


def single_day(year: int | None, month: int, day: int, anchor: str, reason: str | None) -> Reading | None:
    if year is None:
        return unresolved("day", anchor, reason or NO_PUBLISHED)
    found = safe_date(year, month, day)
    return Reading(found, found, "day", anchor) if found else None


def unit_span(day: date, unit: str) -> tuple[date, date]:
    if unit == "week":
        return cal.week_span(day)
    if unit == "month":
        return cal.month_span(day.year, day.month)
    if unit == "year":
        return cal.year_span(day.year)
    return day, day


def step(day: date, unit: str, count: int) -> date:
    if unit in ("week", "fortnight"):
        return day + timedelta(days=(14 if unit == "fortnight" else 7) * count)
    if unit == "month":
        return cal.shift_months(day, count)
    if unit == "year":
        return cal.shift_years(day, count)
    return day + timedelta(days=count)


def precision_for_width(days: int) -> str:
    """The precision name closest to an interval of ``days`` days."""
    for limit, name in (
        (1, "day"),
        (10, "week"),
        (45, "month"),
        (100, "season"),
        (200, "half"),
        (400, "year"),
    ):
        if days <= limit:
            return name
    return "decade"


def span_reading(start: date, end: date, anchor: str) -> Reading:
    return Reading(start, end, precision_for_width((end - start).days + 1), anchor)
