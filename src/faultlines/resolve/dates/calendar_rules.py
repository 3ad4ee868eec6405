"""Rules for expressions that name calendar dates: days, ranges, months, parts, seasons, years.

A month or day written without a year ("in April", "June 21") is the latest one on or before
the publication date (on or after it in a sentence about the future); in an undated document it
takes the year of the date in force.
"""

from __future__ import annotations

from datetime import date

from faultlines.resolve.dates import calendar as cal
from faultlines.resolve.dates.anchors import (
    Groups,
    YearRef,
    implicit_year,
    month_number,
    norm,
    safe_date,
    single_day,
    two_digit_year,
    year_ref,
)
from faultlines.resolve.dates.lexicon import ORDINALS, part_name
from faultlines.resolve.dates.model import ANCHOR_ABSOLUTE, ANCHOR_PUBLISHED, ANCHOR_TEXT
from faultlines.resolve.dates.reading import (
    NO_PUBLISHED,
    Context,
    Reading,
    absolute,
    anchored,
    no_published,
    unresolved,
)

# -- days ----------------------------------------------------------------------------------------


def rule_day(groups: Groups, ctx: Context) -> Reading | None:
    month, day = month_number(groups["m"]), int(groups["d"] or 0)
    ref = year_ref(groups, "y", ctx) or implicit_year(month, day, ctx)
    return single_day(ref.year, month, day, ref.anchor, ref.reason)


def rule_day_compact(groups: Groups, ctx: Context) -> Reading | None:
    year = two_digit_year(groups["y"] or "")
    return single_day(year, month_number(groups["m"]), int(groups["d"] or 0), ANCHOR_ABSOLUTE, None)


#: Slashed dates whose order is ambiguous (03/04/2014) are read month first, as in US wires.
NUMERIC_MONTH_FIRST = True


def rule_day_numeric(groups: Groups, ctx: Context) -> Reading | None:
    first, second = int(groups["a"] or 0), int(groups["b"] or 0)
    month_first = second > 12 or (NUMERIC_MONTH_FIRST and first <= 12)
    month, day = (first, second) if month_first else (second, first)
    return single_day(two_digit_year(groups["y"] or ""), month, day, ANCHOR_ABSOLUTE, None)


def rule_day_digits(groups: Groups, ctx: Context) -> Reading | None:
    """ISO (2014-06-25) and dotted day-first (25.06.2014) dates."""
    year, month, day = int(groups["y"] or 0), int(groups["m"] or 0), int(groups["d"] or 0)
    return single_day(year, month, day, ANCHOR_ABSOLUTE, None)


# -- ranges --------------------------------------------------------------------------------------


def rule_range_days(groups: Groups, ctx: Context) -> Reading | None:
    first_month = month_number(groups.get("m1") or groups.get("m2"))
    last_month = month_number(groups.get("m2") or groups.get("m1"))
    first_day, last_day = int(groups["d1"] or 0), int(groups["d2"] or 0)
    wraps = (first_month, first_day) > (last_month, last_day)
    anchor = ANCHOR_ABSOLUTE
    if groups.get("y"):
        last_year = int(groups["y"] or 0)
        first_year = int(groups["y1"] or 0) if groups.get("y1") else last_year - wraps
    else:
        ref = YearRef(int(groups["y1"] or 0), ANCHOR_ABSOLUTE) if groups.get("y1") else None
        ref = ref or implicit_year(first_month, first_day, ctx)
        if ref.year is None:
            return unresolved("day", ref.anchor, ref.reason or NO_PUBLISHED)
        first_year, last_year, anchor = ref.year, ref.year + wraps, ref.anchor
    start = safe_date(first_year, first_month, first_day)
    end = safe_date(last_year, last_month, last_day)
    if start is None or end is None or start > end:
        return None
    return Reading(start, end, "day", anchor)


def rule_range_months(groups: Groups, ctx: Context) -> Reading | None:
    first, last = month_number(groups["m1"]), month_number(groups["m2"])
    wraps = first > last
    end_ref = year_ref(groups, "y", ctx)
    if end_ref is not None:
        if end_ref.year is None:
            return unresolved("month", end_ref.anchor, end_ref.reason or NO_PUBLISHED)
        last_year = end_ref.year
        first_year = int(groups["y1"] or 0) if groups.get("y1") else last_year - wraps
        anchor = end_ref.anchor
    else:
        ref = YearRef(int(groups["y1"] or 0), ANCHOR_ABSOLUTE) if groups.get("y1") else None
        ref = ref or implicit_year(first, 1, ctx)
        if ref.year is None:
            return unresolved("month", ref.anchor, ref.reason or NO_PUBLISHED)
        first_year, last_year, anchor = ref.year, ref.year + wraps, ref.anchor
    if (first_year, first) > (last_year, last):
        return None
    return Reading(cal.month_span(first_year, first)[0], cal.month_span(last_year, last)[1], "month", anchor)


def rule_range_years(groups: Groups, ctx: Context) -> Reading | None:
    first, raw_last = int(groups["y1"] or 0), groups["y2"] or ""
    last = int(raw_last) if len(raw_last) == 4 else first // 100 * 100 + int(raw_last)
    if not first < last <= first + 50:
        return None
    return absolute((date(first, 1, 1), date(last, 12, 31)), "year")


# -- months, seasons, quarters, parts, years -----------------------------------------------------


def _month_reading(month: int, ref: YearRef) -> Reading:
    if ref.year is None:
        return unresolved("month", ref.anchor, ref.reason or NO_PUBLISHED)
    return anchored(cal.month_span(ref.year, month), "month", ref.anchor)


def rule_month_year(groups: Groups, ctx: Context) -> Reading | None:
    month = month_number(groups["m"])
    ref = year_ref(groups, "y", ctx)
    return _month_reading(month, ref) if ref else None


def rule_month_bare(groups: Groups, ctx: Context) -> Reading | None:
    month = month_number(groups["m"])
    return _month_reading(month, implicit_year(month, 1, ctx, last_day=31))


def rule_month_deictic(groups: Groups, ctx: Context) -> Reading | None:
    """ "last June" is the latest June before this month; "next June" the first after it."""
    month, pub = month_number(groups["m"]), ctx.published
    if pub is None:
        return no_published("month")
    relative = norm(groups["rel"])
    year = pub.year
    if relative == "last" and month >= pub.month:
        year -= 1
    elif relative == "next" and month <= pub.month:
        year += 1
    return anchored(cal.month_span(year, month), "month", ANCHOR_PUBLISHED)


def rule_part(groups: Groups, ctx: Context) -> Reading | None:
    part = part_name(groups["part"] or "")
    if groups.get("m"):
        month = month_number(groups["m"])
        month_ref = year_ref(groups, "y", ctx) or implicit_year(month, 1, ctx)
        if month_ref.year is None:
            return unresolved("week", month_ref.anchor, month_ref.reason or NO_PUBLISHED)
        return anchored(cal.part_of_month(month_ref.year, month, part), "week", month_ref.anchor)
    if groups.get("decade"):
        return absolute(cal.part_of_decade(int(groups["decade"] or 0), part), "decade")
    ref = year_ref(groups, "yp", ctx)
    if ref is None:
        return None
    if ref.year is None:
        return unresolved("season", ref.anchor, ref.reason or NO_PUBLISHED)
    return anchored(cal.part_of_year(ref.year, part), "season", ref.anchor)


def rule_decade(groups: Groups, ctx: Context) -> Reading | None:
    decade = int(groups["decade"] or 0)
    return absolute((date(decade, 1, 1), date(decade + 9, 12, 31)), "decade")


def _season_without_year(season: str, relative: str, ctx: Context) -> Reading:
    """The latest such season begun by publication ("last": ended before it; "next" or a sentence
    about the future: the first not yet over)."""
    pub = ctx.published
    if pub is None:
        if ctx.in_force is not None and ctx.in_force.start is not None:
            return anchored(cal.season_span(ctx.in_force.start.year, season), "season", ANCHOR_TEXT)
        return no_published("season")
    spans = [cal.season_span(y, season) for y in range(pub.year - 2, pub.year + 2)]
    if relative == "last":
        chosen = [s for s in spans if s[1] < pub][-1]
    elif relative == "next":
        chosen = next(s for s in spans if s[0] > pub)
    elif ctx.future:
        chosen = next(s for s in spans if s[1] >= pub)
    else:
        chosen = [s for s in spans if s[0] <= pub][-1]
    return anchored(chosen, "season", ANCHOR_PUBLISHED)


def rule_season(groups: Groups, ctx: Context) -> Reading | None:
    season, relative = norm(groups["season"]), norm(groups.get("rel"))
    ref = year_ref(groups, "y", ctx)
    if ref is None:
        reading = _season_without_year(season, relative, ctx)
    elif ref.year is None:
        return unresolved("season", ref.anchor, ref.reason or NO_PUBLISHED)
    else:
        reading = anchored(cal.season_span(ref.year, season), "season", ref.anchor)
    if relative in ("early", "mid", "late") and reading.start is not None:
        offset = {"early": 0, "mid": 1, "late": 2}[relative]
        year, month = cal.add_months(reading.start.year, reading.start.month, offset)
        return anchored(cal.month_span(year, month), "month", reading.anchor)
    return reading


def rule_quarter(groups: Groups, ctx: Context) -> Reading | None:
    number = int(groups["n"] or 0) if groups.get("n") else ORDINALS[norm(groups.get("ord"))]
    ref = year_ref(groups, "y", ctx)
    if ref is None or ref.year is None:
        return unresolved("quarter", ANCHOR_PUBLISHED, (ref and ref.reason) or NO_PUBLISHED)
    return anchored(cal.quarter_span(ref.year, number), "quarter", ref.anchor)


def rule_half(groups: Groups, ctx: Context) -> Reading | None:
    number = min(2, ORDINALS[norm(groups.get("ord"))])
    ref = year_ref(groups, "y", ctx)
    if ref is None or ref.year is None:
        return unresolved("half", ANCHOR_PUBLISHED, (ref and ref.reason) or NO_PUBLISHED)
    return anchored(cal.half_span(ref.year, number), "half", ref.anchor)


def rule_year(groups: Groups, ctx: Context) -> Reading | None:
    return absolute(cal.year_span(int(groups["y"] or 0)), "year")
