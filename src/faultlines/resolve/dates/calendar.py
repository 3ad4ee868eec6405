"""Calendar arithmetic: the day spans of months, weeks, seasons, quarters and parts of them."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Span = tuple[date, date]

#: Meteorological seasons of the northern hemisphere (first month, length 3). Winter starts in
#: December of the named year: "winter 2014" is December 2014 to February 2015.
SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def month_span(year: int, month: int) -> Span:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def months_span(year: int, first: int, count: int) -> Span:
    """``count`` months starting at ``first`` of ``year`` (may run into the next year)."""
    start_year, start_month = add_months(year, first, 0)
    end_year, end_month = add_months(year, first, count - 1)
    return date(start_year, start_month, 1), month_span(end_year, end_month)[1]


def year_span(year: int) -> Span:
    """1 January to 31 December."""
    return date(year, 1, 1), date(year, 12, 31)


def week_span(day: date) -> Span:
    """The Monday-to-Sunday week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def season_span(year: int, season: str) -> Span:
    """The three months of a named season starting in ``year``."""
    return months_span(year, SEASON_FIRST_MONTH[season], 3)


def quarter_span(year: int, quarter: int) -> Span:
    """Quarter 1-4 of a year."""
    return months_span(year, 3 * (quarter - 1) + 1, 3)


def half_span(year: int, half: int) -> Span:
    """Half 1 or 2 of a year."""
    return months_span(year, 6 * (half - 1) + 1, 6)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) ``delta`` months after ``month`` of ``year``."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_months(day: date, delta: int) -> date:
    """The same day-of-month ``delta`` months later, clipped to the month's length."""
    year, month = add_months(day.year, day.month, delta)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift_years(day: date, delta: int) -> date:
    """The same day ``delta`` years later (29 February becomes 28 February)."""
    return shift_months(day, 12 * delta)


def part_of_month(year: int, month: int, part: str) -> Span:
    """Early (1-10), mid (11-20) or late (21-end) part of a month."""
    first, last = month_span(year, month)
    if part == "early":
        return first, date(year, month, 10)
    if part == "mid":
        return date(year, month, 11), date(year, month, 20)
    return date(year, month, 21), last


def part_of_year(year: int, part: str) -> Span:
    """Early (January-April), mid (May-August) or late (September-December) part of a year."""
    first_month = {"early": 1, "mid": 5, "late": 9}[part]
    return months_span(year, first_month, 4)


def part_of_decade(decade: int, part: str) -> Span:
    """Early (years 0-3), mid (3-6) or late (7-9) part of a decade such as 1990."""
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}[part]
    return date(decade + first, 1, 1), date(decade + last, 12, 31)


def last_weekday_on_or_before(day: date, weekday: int) -> date:
    """The latest date with ``weekday`` (Monday = 0) on or before ``day``."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def year_on_or_before(reference: date, month: int, day: int = 1) -> int:
    """The year that puts ``month``/``day`` on or before ``reference``."""
    if (month, day) <= (reference.month, reference.day):
        return reference.year
    return reference.year - 1


def year_on_or_after(reference: date, month: int, day: int) -> int:
    """The year that puts ``month``/``day`` on or after ``reference``."""
    if (month, day) >= (reference.month, reference.day):
        return reference.year
    return reference.year + 1


def first_weekday_on_or_after(day: date, weekday: int) -> date:
    """The earliest date with ``weekday`` (Monday = 0) on or after ``day``."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)
