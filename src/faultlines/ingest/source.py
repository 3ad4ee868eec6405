"""Publisher and title stated by the text itself. Conservative: no guess beats a wrong guess.

Sources are taken only from a credit line ("[Source: By X, The Long War Journal, NJ, 01Jun15]",
"Source: http://voiceofrussia.com/..."), a wire dateline ("BAGHDAD (Reuters) - ..."), or a
publisher line directly above a date line. Attributions inside the story ("AFP reports",
"told AFP") name who the story quotes, not who published it, and are ignored.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from faultlines.ingest.datefind import find_dates, find_day_dates, iter_lines
from faultlines.ingest.pubdate import BYLINE_LINES, CREDIT_LINE, HEAD_LINES, date_only, looks_like_publisher

_URL = re.compile(r"https?://[^\s\]]+", re.IGNORECASE)
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40}(?:,[^()\n]{1,40}?)?\s*\((?P<agency>[A-Z][A-Za-z&. ]{1,30})\)\s*(?:--|—|–|-)"
)
_STATE_CODE = re.compile(r"^[A-Z]{2}$")
_MAX_SOURCE_CHARS = 60
_MAX_TITLE_WORDS = 20
_MIN_TITLE_WORDS = 3


def detect_source(text: str) -> str | None:
    """The publisher the text names for itself, or None when it does not clearly say."""
    lines = [line for _, line in iter_lines(text)]
    return _credit_source(lines) or _wire_source(lines) or _byline_source(lines)


def detect_source_url(text: str) -> str | None:
    """The URL of a "Source: http://..." credit line, the original location of the text."""
    for line in iter_lines(text):
        if CREDIT_LINE.match(line[1]):
            url = _URL.search(line[1])
            if url:
                return url.group(0).rstrip(".,;)")
    return None


def _credit_source(lines: list[str]) -> str | None:
    credits: list[tuple[str, str]] = []
    for line in lines:
        if CREDIT_LINE.match(line):
            name = _publisher_in_credit(line.split(":", 1)[1].strip(" []"))
            if name:
                days = find_day_dates(line)
                credits.append((days[0].date.isoformat() if days else "9999", name))
    return min(credits)[1] if credits else None


def _publisher_in_credit(body: str) -> str | None:
    url = _URL.search(body)
    if url:
        host = urlparse(url.group(0)).hostname or ""
        return host.removeprefix("www.") or None
    for part in (p.strip() for p in body.split(",")):
        if not part or part.lower().startswith("by ") or find_dates(part) or _STATE_CODE.match(part):
            continue
        if len(part) <= _MAX_SOURCE_CHARS and part[0].isupper():
            return part
        return None
    return None


def _wire_source(lines: list[str]) -> str | None:
    for line in lines[:HEAD_LINES]:
        m = _WIRE_DATELINE.match(line)
        if m:
            return m["agency"].strip()
    return None


def _byline_source(lines: list[str]) -> str | None:
    """A publisher line right above a date line, below the headline ("The Daily Star" / "25 June, 2014")."""
    for i in range(2, min(len(lines), BYLINE_LINES)):
        name, found = lines[i - 1], date_only(lines[i])
        # A line right under a page-header date is a headline, not a publisher.
        if found and found.precision == "day" and looks_like_publisher(name) and not date_only(lines[i - 2]):
            return name
    return None


_NAVIGATION = re.compile(
    r"^(?:skip to|log ?in|sign in|subscribe|advertisement|share on|search|menu|home\b|cookie)|[>»]", re.IGNORECASE
)


def _is_navigation(line: str) -> bool:
    """Site furniture: skip links, menus, breadcrumbs, mastheads and section labels in capitals."""
    letters = [c for c in line if c.isalpha()]
    shouting = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
    return bool(_NAVIGATION.search(line)) or shouting or "|" in line


def guess_title(text: str) -> str | None:
    """A short first line that looks like a headline, skipping navigation and date-only lines.

    A headline wrapped onto a short lower-case continuation line (a bad scrape) is joined.
    """
    lines = [line for _, line in list(iter_lines(text))[: HEAD_LINES + 6]]
    for i, line in enumerate(lines):
        words = line.split()
        if len(words) > _MAX_TITLE_WORDS:
            return None
        if _is_navigation(line) or len(words) < _MIN_TITLE_WORDS or date_only(line):
            continue
        if line.endswith((".", ":", ",", ";")):
            return None
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if following[:1].islower() and len(following.split()) <= 4:
            return f"{line} {following}"
        return line
    return None
