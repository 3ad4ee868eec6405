"""Find calendar dates written in text: "21 June 2014", "June 21, 2014", "01Jun15", "06/25/2014"..."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from faultlines.ingest.model import Precision

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_COMPACT_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:gmt|utc|[a-z]{2,4}t))?)"

EARLIEST_YEAR = 1900


@dataclass(frozen=True)
class FoundDate:
    """A date found in a string, with its precision and where it was."""

    date: dt.date
    precision: Precision
    text: str
    start: int
    end: int


def _day_month_year(m: re.Match[str]) -> tuple[int, int, int] | None:
    return int(m["year"]), MONTHS[m["month"].lower()], int(m["day"])


def _compact(m: re.Match[str]) -> tuple[int, int, int] | None:
    return 2000 + int(m["yy"]), MONTHS[m["month"].lower()], int(m["day"])


def _slashed(m: re.Match[str]) -> tuple[int, int, int] | None:
    first, second = int(m["a"]), int(m["b"])
    # US order (month/day) unless the first number cannot be a month.
    month, day = (second, first) if first > 12 else (first, second)
    return int(m["year"]), month, day


def _dotted(m: re.Match[str]) -> tuple[int, int, int] | None:
    return int(m["year"]), int(m["b"]), int(m["a"])


def _iso(m: re.Match[str]) -> tuple[int, int, int] | None:
    return int(m["year"]), int(m["mo"]), int(m["day"])


_Parser = Callable[[re.Match[str]], tuple[int, int, int] | None]
_DAY_PATTERNS: tuple[tuple[re.Pattern[str], _Parser], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), parser)
    for pattern, parser in (
        (rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", _day_month_year),
        (rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", _day_month_year),
        (rf"\b{_YEAR}-(?P<mo>[01]\d)-(?P<day>[0-3]\d)\b", _iso),
        (rf"\b(?P<day>[0-3]\d){_COMPACT_MONTH}(?P<yy>\d\d)\b", _compact),
        (rf"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/{_YEAR}\b", _slashed),
        (rf"\b(?P<a>[0-3]?\d)\.(?P<b>[01]?\d)\.{_YEAR}\b", _dotted),
    )
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE)
_YEAR_ONLY = re.compile(rf"\b{_YEAR}\b")


def _plausible(year: int, today: dt.date) -> bool:
    return EARLIEST_YEAR <= year <= today.year + 1


#: Every date form here holds a digit: a line without one is not searched.
_DIGIT = re.compile(r"\d")


def find_day_dates(text: str, today: dt.date | None = None) -> list[FoundDate]:
    """All full dates (day precision) in ``text``, in order, without overlaps."""
    if not _DIGIT.search(text):
        return []
    today = today or dt.date.today()
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern, parser in _DAY_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            parts = parser(m)
            date = _safe_date(parts)
            if date and _plausible(date.year, today):
                found.append(FoundDate(date, "day", m.group(0), m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def _safe_date(parts: tuple[int, int, int] | None) -> dt.date | None:
    if parts is None:
        return None
    try:
        return dt.date(*parts)
    except ValueError:
        return None


def find_dates(text: str, today: dt.date | None = None) -> list[FoundDate]:
    """Full dates, else "June 2014" (month precision), else a lone year (year precision)."""
    if not _DIGIT.search(text):
        return []
    today = today or dt.date.today()
    days = find_day_dates(text, today)
    if days:
        return days
    months = [
        FoundDate(dt.date(int(m["year"]), MONTHS[m["month"].lower()], 1), "month", m[0], m.start(), m.end())
        for m in _MONTH_YEAR.finditer(text)
        if _plausible(int(m["year"]), today)
    ]
    if months:
        return months
    return [
        FoundDate(dt.date(int(m["year"]), 1, 1), "year", m[0], m.start(), m.end())
        for m in _YEAR_ONLY.finditer(text)
        if _plausible(int(m["year"]), today)
    ]


def iter_lines(text: str) -> Iterator[tuple[int, str]]:
    """(character offset, stripped line) for every non-empty line of ``text``."""
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            yield offset + raw.index(stripped[0]), stripped
        offset += len(raw) + 1
