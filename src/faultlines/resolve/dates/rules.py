"""The rule for each pattern kind: matched groups and context in, a :class:`Reading` out."""

from __future__ import annotations

from faultlines.resolve.dates.anchors import UNIT_PRECISION, Rule
from faultlines.resolve.dates.calendar_rules import (
    rule_day,
    rule_day_compact,
    rule_day_digits,
    rule_day_numeric,
    rule_decade,
    rule_half,
    rule_month_bare,
    rule_month_deictic,
    rule_month_year,
    rule_part,
    rule_quarter,
    rule_range_days,
    rule_range_months,
    rule_range_years,
    rule_season,
    rule_year,
)
from faultlines.resolve.dates.relative_rules import (
    rule_ago,
    rule_deictic,
    rule_deictic_unit,
    rule_later_that,
    rule_past_n,
    rule_range_weekdays,
    rule_recent,
    rule_same,
    rule_shift,
    rule_unit_before,
    rule_weekday,
    shift_from,
)

__all__ = ["RULES", "UNIT_PRECISION", "shift_from"]

RULES: dict[str, Rule] = {
    "day": rule_day,
    "day_compact": rule_day_compact,
    "day_numeric": rule_day_numeric,
    "day_dotted": rule_day_digits,
    "day_iso": rule_day_digits,
    "range_days": rule_range_days,
    "range_months": rule_range_months,
    "range_years": rule_range_years,
    "month_year": rule_month_year,
    "month_bare": rule_month_bare,
    "month_deictic": rule_month_deictic,
    "part": rule_part,
    "decade": rule_decade,
    "season": rule_season,
    "quarter": rule_quarter,
    "half": rule_half,
    "year": rule_year,
    "weekday": rule_weekday,
    "range_weekdays": rule_range_weekdays,
    "deictic": rule_deictic,
    "deictic_unit": rule_deictic_unit,
    "past_n": rule_past_n,
    "recent": rule_recent,
    "ago": rule_ago,
    "shift": rule_shift,
    "same": rule_same,
    "unit_before": rule_unit_before,
    "later_that": rule_later_that,
}
