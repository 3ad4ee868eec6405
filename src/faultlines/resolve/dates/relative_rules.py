"""Rules for relative expressions: deictic ones count from the publication date ("Wednesday",
"last week", "three days ago"), anaphoric ones from the date in force ("same month", "two days
later"). Without the date they need, they come back unresolved with a reason.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import dateparser

from faultlines.resolve.dates import calendar as cal
from faultlines.resolve.dates.anchors import (
    UNIT_PRECISION,
    VAGUE_DAYS,
    Groups,
    norm,
    span_reading,
    step,
    unit_name,
    unit_span,
)
from faultlines.resolve.dates.lexicon import WEEKDAYS, quantity
from faultlines.resolve.dates.model import ANCHOR_PUBLISHED, ANCHOR_TEXT, precision_rank
from faultlines.resolve.dates.reading import (
    Context,
    Reading,
    anchored,
    no_in_force,
    no_published,
    unresolved,
)

# -- relative to the publication date -----------------------------------------------------------


def rule_weekday(groups: Groups, ctx: Context) -> Reading | None:
    """A weekday is the latest such day on or before publication ("last": strictly before).

    In a sentence about the future ("will meet on Friday") it is the first on or after publication.
    """
    pub = ctx.published
    if pub is None:
        return no_published("day")
    weekday, relative = WEEKDAYS[norm(groups["weekday"])], norm(groups.get("rel"))
    if relative == "next":
        found = pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    elif relative in ("last", "past"):
        found = cal.last_weekday_on_or_before(pub - timedelta(days=1), weekday)
    elif ctx.future:
        found = cal.first_weekday_on_or_after(pub, weekday)
    else:
        found = cal.last_weekday_on_or_before(pub, weekday)
    return anchored((found, found), "day", ANCHOR_PUBLISHED)


def rule_range_weekdays(groups: Groups, ctx: Context) -> Reading | None:
    """ "from Monday to Wednesday": the latest such stretch ending on or before publication."""
    pub = ctx.published
    if pub is None:
        return no_published("day")
    end = cal.last_weekday_on_or_before(pub, WEEKDAYS[norm(groups["wd2"])])
    start = cal.last_weekday_on_or_before(end, WEEKDAYS[norm(groups["wd1"])])
    return anchored((start, end), "day", ANCHOR_PUBLISHED)


_DEICTIC_DAYS: dict[str, tuple[int, int]] = {
    "the day before yesterday": (-2, -2),
    "yesterday": (-1, -1),
    "last night": (-1, -1),
    "today": (0, 0),
    "tonight": (0, 0),
    "this morning": (0, 0),
    "this afternoon": (0, 0),
    "this evening": (0, 0),
    "tomorrow": (1, 1),
}


def rule_overnight(groups: Groups, ctx: Context) -> Reading | None:
    """The night leading into the day in force (a day-precise date in the text), else into publication."""
    anchor = ctx.in_force
    if anchor is not None and anchor.start is not None and anchor.precision == "day":
        return anchored((anchor.start - timedelta(days=1), anchor.start), "day", ANCHOR_TEXT)
    if ctx.published is None:
        return no_published("day")
    return anchored((ctx.published - timedelta(days=1), ctx.published), "day", ANCHOR_PUBLISHED)


def rule_deictic(groups: Groups, ctx: Context) -> Reading | None:
    if norm(groups["word"]) == "overnight":
        return rule_overnight(groups, ctx)
    pub = ctx.published
    if pub is None:
        return no_published("day")
    first, last = _DEICTIC_DAYS[norm(groups["word"])]
    return anchored((pub + timedelta(days=first), pub + timedelta(days=last)), "day", ANCHOR_PUBLISHED)


def rule_deictic_unit(groups: Groups, ctx: Context) -> Reading | None:
    """ "last week" is the previous calendar week; "the past week" the seven days up to publication."""
    unit, relative = unit_name(groups["unit"]), norm(groups["rel"])
    pub = ctx.published
    if pub is None:
        return no_published(unit)
    current = unit_span(pub, unit)
    if relative in ("last", "next"):
        span = unit_span(step(current[0], unit, -1 if relative == "last" else 1), unit)
    elif relative in ("earlier this", "so far this"):
        span = (current[0], pub)
    elif relative == "later this":
        span = (pub, current[1])
    elif relative in ("the past", "the last", "past"):
        span = (step(pub, unit, -1), pub)
    else:
        span = current
    return anchored(span, UNIT_PRECISION[unit], ANCHOR_PUBLISHED)


def rule_past_n(groups: Groups, ctx: Context) -> Reading | None:
    unit, count = unit_name(groups["unit"]), quantity(groups.get("qty"))
    pub = ctx.published
    if pub is None:
        return no_published(UNIT_PRECISION[unit])
    start = step(pub, unit, -count) if count else pub - timedelta(days=VAGUE_DAYS[unit][1])
    return span_reading(start, pub, ANCHOR_PUBLISHED)


def rule_recent(groups: Groups, ctx: Context) -> Reading | None:
    unit, pub = unit_name(groups["unit"]), ctx.published
    if pub is None:
        return no_published(UNIT_PRECISION[unit])
    return span_reading(pub - timedelta(days=VAGUE_DAYS[unit][1]), pub, ANCHOR_PUBLISHED)


def _days_ago(count: int, unit: str, pub: date) -> date:
    """Let dateparser count back ("3 weeks ago"); fall back on plain arithmetic."""
    base = datetime.combine(pub, time(12))
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "current",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(f"{count} {unit}s ago", languages=["en"], settings=settings)
    return parsed.date() if parsed else step(pub, unit, -count)


def rule_ago(groups: Groups, ctx: Context) -> Reading | None:
    unit, count, pub = unit_name(groups["unit"]), quantity(groups.get("qty")), ctx.published
    if pub is None:
        return no_published(UNIT_PRECISION[unit])
    if count is None:
        fewest, most = VAGUE_DAYS[unit]
        return span_reading(pub - timedelta(days=most), pub - timedelta(days=fewest), ANCHOR_PUBLISHED)
    found = _days_ago(count, unit, pub)
    span = cal.week_span(found) if unit == "fortnight" else unit_span(found, unit)
    return anchored(span, UNIT_PRECISION[unit], ANCHOR_PUBLISHED)


# -- relative to the date in force in the text ---------------------------------------------------

_LATER = {"later", "after", "afterwards", "on"}


def shift_from(groups: Groups, anchor: Reading | None) -> Reading:
    """ "two days later" moves ``anchor`` by two days, keeping its precision; "days later" widens it."""
    unit, count = unit_name(groups["unit"]), quantity(groups.get("qty"))
    if anchor is None or anchor.start is None or anchor.end is None:
        return no_in_force(UNIT_PRECISION[unit])
    sign = 1 if norm(groups["dir"]) in _LATER else -1
    if count is not None:
        start, end = step(anchor.start, unit, sign * count), step(anchor.end, unit, sign * count)
        return Reading(start, end, anchor.precision, ANCHOR_TEXT)
    fewest, most = VAGUE_DAYS[unit]
    if sign > 0:
        start, end = anchor.start + timedelta(days=fewest), anchor.end + timedelta(days=most)
    else:
        start, end = anchor.start - timedelta(days=most), anchor.end - timedelta(days=fewest)
    return span_reading(start, end, ANCHOR_TEXT)


def rule_shift(groups: Groups, ctx: Context) -> Reading | None:
    return shift_from(groups, ctx.in_force)


_SAME_DELTA = {"same": 0, "that": 0, "following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}
_DAY_UNITS = {"day", "night", "morning", "afternoon", "evening"}


def _calendar_unit(raw: str | None) -> str:
    unit = norm(raw)
    if unit in _DAY_UNITS:
        return "day"
    return "week" if unit == "weekend" else unit


def _relative_unit(unit: str, delta: int, ctx: Context) -> Reading:
    """The ``unit`` holding the date in force, moved ``delta`` units."""
    anchor = ctx.in_force
    if anchor is None or anchor.start is None or anchor.end is None:
        return no_in_force(unit)
    if precision_rank(anchor.precision) > precision_rank(unit):
        return unresolved(unit, ANCHOR_TEXT, f"the date in force is known only to the {anchor.precision}")
    base = anchor.end if delta > 0 else anchor.start
    return anchored(unit_span(step(base, unit, delta), unit), unit, ANCHOR_TEXT)


def rule_same(groups: Groups, ctx: Context) -> Reading | None:
    words = norm(groups["rel"]).split()
    return _relative_unit(_calendar_unit(groups["unit"]), _SAME_DELTA[words[-1]], ctx)


def rule_unit_before(groups: Groups, ctx: Context) -> Reading | None:
    delta = 1 if norm(groups["dir"]) in ("after", "later") else -1
    return _relative_unit(_calendar_unit(groups["unit"]), delta, ctx)


def rule_later_that(groups: Groups, ctx: Context) -> Reading | None:
    unit, anchor = _calendar_unit(groups["unit"]), ctx.in_force
    holding = _relative_unit(unit, 0, ctx)
    if holding.start is None or holding.end is None or anchor is None or anchor.start is None:
        return holding
    if norm(groups["rel"]) == "later":
        return anchored((anchor.start, holding.end), unit, ANCHOR_TEXT)
    return anchored((holding.start, anchor.start), unit, ANCHOR_TEXT)
