"""Publication date from metadata values or from the text itself.

Which date is "the" publication date: the date of the original text, because relative dates
in the text ("on Saturday") were written against it. So, when several are present:

1. ``dateline`` — "21 June 2014, 14:30 -- Sunni militants..." opening the story;
2. ``credit`` — "[Source: ..., 01Jun15]" or "This document has been published on 08Jun15":
   the EARLIEST credit date wins (a republication note comes after the original);
3. ``byline`` — a publisher line followed by a date line ("The Daily Star (Lebanon)" /
   "25 June, 2014"), or "By X, Agency, June 21, 2014";
4. ``header`` — a date standing alone on one of the first lines ("Thursday 26 June 2014"),
   usually the page's own posting date;
5. ``title`` — a date inside a headline-like first line ("Iraq civil war update - 06/25/2014").

Metadata (HTML meta tags, a JSON/CSV date field) is taken first by the readers when present.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import dateparser

from faultlines.ingest.datefind import TIME, WEEKDAY, FoundDate, find_dates, find_day_dates, iter_lines
from faultlines.ingest.model import DateMethod, Precision, PublicationDate

HEAD_LINES = 6
BYLINE_LINES = 40
_MAX_TITLE_WORDS = 20
_MAX_PUBLISHER_WORDS = 7

_HEADER_PREFIX = re.compile(
    r"^(?:(?:published|posted|updated|date|last updated|first published)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{WEEKDAY},?\s+)?",
    re.IGNORECASE,
)
_HEADER_SUFFIX = re.compile(rf"^(?:,?\s*(?:at\s+)?{TIME})?(?:\s+by\s+.{{1,60}})?\s*$", re.IGNORECASE)
_DATELINE_PREFIX = re.compile(r"^(?:[A-Z][A-Za-z .'’-]{1,40},\s*)?" + rf"(?:{WEEKDAY},?\s+)?", re.IGNORECASE)
_DATELINE_SUFFIX = re.compile(rf"^,?\s*(?:{TIME})?\s*(?:\([^)]{{1,40}}\))?\s*(?:--|—|–|-|:)\s*\S", re.IGNORECASE)
CREDIT_LINE = re.compile(r"^\[?\s*(?:sources?|originally published|credit|copyright)\s*:", re.IGNORECASE)
_REPUBLICATION = re.compile(
    r"\b(?:this|the)\s+(?:document|article|story|report|text)\s+(?:has\s+been|was)\s+"
    r"(?:first\s+|originally\s+)?published\b",
    re.IGNORECASE,
)
_TITLE_SEPARATORS = ("-", "–", "—", "|", ":", ",", "(")
_BY_LINE = re.compile(r"^by\s+\S", re.IGNORECASE)


def detect_publication(text: str, today: dt.date | None = None) -> PublicationDate | None:
    """The publication date the text itself states, or None (a valid answer) when it states none."""
    lines = list(iter_lines(text))
    detectors: tuple[tuple[DateMethod, Callable[[list[tuple[int, str]], dt.date | None], FoundDate | None]], ...]
    detectors = (
        ("dateline", _dateline),
        ("credit", _credit),
        ("byline", _byline),
        ("header", _header),
        ("title", _title),
    )
    for method, detector in detectors:
        found = detector(lines, today)
        if found:
            return PublicationDate(found.date, found.precision, method, found.text)
    return None


#: Longer than any prefix + date + time + "by <60 characters>" that a date-only line can hold: a
#: paragraph is not searched for dates only to find it is not one.
_MAX_DATE_LINE = 200


def date_only(line: str, today: dt.date | None = None) -> FoundDate | None:
    """The date when ``line`` holds nothing but a date (weekday, time, "Posted on" allowed)."""
    if len(line) > _MAX_DATE_LINE:
        return None
    prefix = _HEADER_PREFIX.match(line)
    start = prefix.end() if prefix else 0
    for found in find_dates(line[start:], today):
        if found.start == 0 and _HEADER_SUFFIX.match(line[start + found.end :]):
            return found
    return None


def _dateline(lines: list[tuple[int, str]], today: dt.date | None) -> FoundDate | None:
    for _, line in lines[:HEAD_LINES]:
        prefix = _DATELINE_PREFIX.match(line)
        start = prefix.end() if prefix else 0
        for found in find_day_dates(line[start:], today):
            if found.start == 0 and _DATELINE_SUFFIX.match(line[start + found.end :]):
                return found
    return None


def _credit(lines: list[tuple[int, str]], today: dt.date | None) -> FoundDate | None:
    dates = [
        found
        for _, line in lines
        if CREDIT_LINE.match(line) or _REPUBLICATION.search(line)
        for found in find_day_dates(line, today)
    ]
    return min(dates, key=lambda f: f.date) if dates else None


def looks_like_publisher(line: str) -> bool:
    """A short name-like line: capitalised, few words, no sentence punctuation at the end."""
    words = line.split()
    return (
        0 < len(words) <= _MAX_PUBLISHER_WORDS
        and line[0].isupper()
        and not line.endswith((".", "!", "?", ":", ","))
        and not find_dates(line)
    )


def _byline(lines: list[tuple[int, str]], today: dt.date | None) -> FoundDate | None:
    head = lines[:BYLINE_LINES]
    for i, (_, line) in enumerate(head):
        if _BY_LINE.match(line):
            days = find_day_dates(line, today)
            if days:
                return days[0]
        if i == 0 or i < _header_zone(head):
            continue
        found = date_only(line, today)
        if found and found.precision == "day" and looks_like_publisher(head[i - 1][1]):
            return found
    return None


def _header_zone(lines: list[tuple[int, str]]) -> int:
    """Number of leading lines that count as page header (before the first body paragraph)."""
    for i, (_, line) in enumerate(lines[:HEAD_LINES]):
        if len(line.split()) > _MAX_TITLE_WORDS:
            return i
    return min(len(lines), 2)


def _header(lines: list[tuple[int, str]], today: dt.date | None) -> FoundDate | None:
    for _, line in lines[: _header_zone(lines)]:
        found = date_only(line, today)
        if found:
            return found
    return None


def _title(lines: list[tuple[int, str]], today: dt.date | None) -> FoundDate | None:
    """A date set off from a headline: "Iraq civil war update - 06/25/2014", "21/06/2014: Headline"."""
    for _, line in lines[:3]:
        if line.endswith((".", "!", "?", ";")) or len(line.split()) > _MAX_TITLE_WORDS or date_only(line, today):
            continue
        for found in find_day_dates(line, today):
            before, after = line[: found.start].rstrip(), line[found.end :].lstrip()
            if (not after and before.endswith(_TITLE_SEPARATORS)) or (
                not before and after.startswith(_TITLE_SEPARATORS)
            ):
                return found
    return None


def parse_metadata_date(value: str, today: dt.date | None = None) -> PublicationDate | None:
    """Parse a date from metadata ("2014-06-21", "2014-06", "Sat, 21 Jun 2014 14:30:00 GMT"...)."""
    value = value.strip()
    if not value:
        return None
    iso = _parse_iso(value)
    if iso:
        return PublicationDate(iso[0], iso[1], "metadata", value)
    found = find_dates(value, today)
    if found:
        return PublicationDate(found[0].date, found[0].precision, "metadata", value)
    return _parse_with_dateparser(value)


_ISO_PARTIAL = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:[T ].*)?$")


def _parse_iso(value: str) -> tuple[dt.date, Precision] | None:
    m = _ISO_PARTIAL.match(value)
    if not m:
        return None
    try:
        if m["d"]:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"])), "day"
        if m["m"]:
            return dt.date(int(m["y"]), int(m["m"]), 1), "month"
        return dt.date(int(m["y"]), 1, 1), "year"
    except ValueError:
        return None


def _parse_with_dateparser(value: str) -> PublicationDate | None:
    data = dateparser.DateDataParser(languages=["en"]).get_date_data(value)
    if data.date_obj is None:
        return None
    precision: Precision = "month" if data.period == "month" else "year" if data.period == "year" else "day"
    return PublicationDate(data.date_obj.date(), precision, "metadata", value)
