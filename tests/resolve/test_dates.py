"""The time normaliser on the seed articles, undated documents, look-alikes and single phrases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from faultlines.resolve.dates import (
    TimeExpression,
    find_time_expressions,
    interval_overlap,
    intervals_compatible,
    normalise,
)


def _seed(seeds_dir: Path, prefix: str) -> str:
    return next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _first(found: list[TimeExpression], text: str) -> TimeExpression:
    return next(e for e in found if e.text.lower() == text.lower())


def _interval(expr: TimeExpression) -> tuple[str | None, str | None, str]:
    return (
        expr.start.isoformat() if expr.start else None,
        expr.end.isoformat() if expr.end else None,
        expr.precision,
    )


# -- seed articles ---------------------------------------------------------------------------------


def test_lowercased_seed_000_carries_the_month_in_force(seeds_dir: Path) -> None:
    found = find_time_expressions(_seed(seeds_dir, "000"), None)
    assert _interval(_first(found, "8 april 2013")) == ("2013-04-08", "2013-04-08", "day")
    assert _interval(_first(found, "june 2013")) == ("2013-06-01", "2013-06-30", "month")
    same_month = _first(found, "same month")
    assert _interval(same_month) == ("2013-06-01", "2013-06-30", "month")
    assert same_month.anchor == "text" and same_month.relative
    assert _interval(_first(found, "july 2013")) == ("2013-07-01", "2013-07-31", "month")


def test_seed_004_weekdays_count_back_from_publication(seeds_dir: Path) -> None:
    found = find_time_expressions(_seed(seeds_dir, "004"), date(2014, 6, 26))
    assert _interval(_first(found, "Wednesday")) == ("2014-06-25", "2014-06-25", "day")
    assert _interval(_first(found, "Saturday")) == ("2014-06-21", "2014-06-21", "day")
    assert _interval(_first(found, "the spring of last year")) == ("2013-03-01", "2013-05-31", "season")
    assert _first(found, "Wednesday").anchor == "published"


def test_seed_001_bare_month_is_the_latest_before_publication(seeds_dir: Path) -> None:
    found = find_time_expressions(_seed(seeds_dir, "001"), date(2015, 6, 1))
    assert _interval(_first(found, "late 2014")) == ("2014-09-01", "2014-12-31", "season")
    # "late 2014" precedes it in the same sentence, yet April is the April before publication
    assert _interval(_first(found, "April")) == ("2015-04-01", "2015-04-30", "month")
    assert _interval(_first(found, "mid-May")) == ("2015-05-11", "2015-05-20", "week")


def test_undated_seed_003_resolves_absolute_dates_and_leaves_weekdays_open(seeds_dir: Path) -> None:
    found = find_time_expressions(_seed(seeds_dir, "003"), None)
    assert _interval(_first(found, "21 June 2014")) == ("2014-06-21", "2014-06-21", "day")
    # no year written: the year of the date in force (the dateline)
    assert _interval(_first(found, "June 17")) == ("2014-06-17", "2014-06-17", "day")
    saturday = _first(found, "Saturday")
    assert saturday.start is None and saturday.end is None
    assert saturday.reason and "publication date" in saturday.reason


# -- documents without a publication date --------------------------------------------------------


def test_undated_text_never_invents_relative_dates() -> None:
    text = "Militants withdrew yesterday. Talks collapsed last week. On 8 June 2022 the town fell."
    found = find_time_expressions(text, None)
    assert [e.text for e in found] == ["yesterday", "last week", "8 June 2022"]
    assert all(e.start is None and e.reason for e in found[:2])
    assert _interval(found[2]) == ("2022-06-08", "2022-06-08", "day")


def test_anaphora_without_an_earlier_date_is_unresolved() -> None:
    (expr,) = find_time_expressions("Two days later, the army counter-attacked.", date(2014, 6, 26))
    assert expr.start is None and expr.anchor == "text"
    assert expr.reason and "earlier date" in expr.reason


# -- formats and relatives -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("21Jun2014", None, ("2014-06-21", "2014-06-21", "day")),
        ("[Source: AFP, 01Jun15]", None, ("2015-06-01", "2015-06-01", "day")),
        ("update - 06/25/2014", None, ("2014-06-25", "2014-06-25", "day")),
        ("posted 2014-06-25", None, ("2014-06-25", "2014-06-25", "day")),
        ("clashes from 17 to 21 June", date(2014, 6, 26), ("2014-06-17", "2014-06-21", "day")),
        ("between January and March", date(2015, 6, 1), ("2015-01-01", "2015-03-31", "month")),
        ("in summer 2014", None, ("2014-06-01", "2014-08-31", "season")),
        ("earlier this year", date(2015, 6, 1), ("2015-01-01", "2015-06-01", "year")),
        ("last week", date(2014, 6, 26), ("2014-06-16", "2014-06-22", "week")),
        ("the siege began in January", date(2014, 6, 26), ("2014-01-01", "2014-01-31", "month")),
        ("The town fell three days ago.", date(2014, 6, 26), ("2014-06-23", "2014-06-23", "day")),
    ],
)
def test_single_expressions(text: str, published: date | None, expected: tuple[str, str, str]) -> None:
    (expr,) = find_time_expressions(text, published)
    assert _interval(expr) == expected


def test_shifts_follow_the_date_in_force_through_the_text() -> None:
    text = "The first raid was on 8 June 2022. Two days later a second raid followed. The next day, troops left."
    found = find_time_expressions(text, None)
    assert [_interval(e)[0] for e in found] == ["2022-06-08", "2022-06-10", "2022-06-11"]


def test_offsets_point_into_the_text() -> None:
    text = "ISIL seized it on Saturday; in june 2013 it merged."
    for expr in find_time_expressions(text, date(2014, 6, 26)):
        assert text[expr.char_start : expr.char_end] == expr.text


@pytest.mark.parametrize(
    "text",
    [
        "around 2000 people protested",
        "five fighters may be killed",
        "after the fall of Mosul",
        "the 2019 Easter Sunday attack",
        "worshippers performed the Friday prayers",
        "they met in Jan Kempdorp",
    ],
)
def test_look_alikes_are_not_dates(text: str) -> None:
    assert find_time_expressions(text, date(2022, 6, 10)) == []


# -- single phrases and interval helpers -----------------------------------------------------------


def test_normalise_one_phrase() -> None:
    mid_may = normalise("mid-May", date(2015, 6, 1))
    assert mid_may is not None and _interval(mid_may) == ("2015-05-11", "2015-05-20", "week")
    later = normalise("two days later", date(2014, 6, 26), in_force=date(2014, 6, 10))
    assert later is not None and _interval(later) == ("2014-06-12", "2014-06-12", "day")
    assert normalise("not a date at all", date(2014, 6, 26)) is None


def test_normalise_falls_back_on_dateparser() -> None:
    expr = normalise("in 3 days", date(2014, 6, 26))
    assert expr is not None and expr.kind == "dateparser"
    assert _interval(expr) == ("2014-06-29", "2014-06-29", "day")


def test_interval_helpers() -> None:
    (month,) = find_time_expressions("June 2014", None)
    (day,) = find_time_expressions("21 June 2014", None)
    (year,) = find_time_expressions("in 2013", None)
    (feb,) = find_time_expressions("February 2014", None)
    assert intervals_compatible(month, day) and interval_overlap(month, day) == 1
    assert not intervals_compatible(year, feb) and interval_overlap(year, feb) == 0


def test_to_dict_gives_iso_days() -> None:
    (expr,) = find_time_expressions("on 8 april 2013", None)
    as_dict = expr.to_dict()
    assert as_dict["start"] == "2013-04-08" and as_dict["end"] == "2013-04-08"
    assert as_dict["precision"] == "day" and as_dict["anchor"] == "absolute"


def test_shift_counted_from_an_event_is_left_open() -> None:
    text = "The town fell on 8 June 2022. The pledge came days after rebels withdrew."
    found = find_time_expressions(text, None)
    assert found[1].text == "days after" and found[1].start is None
    assert found[1].reason and "event" in found[1].reason


def test_future_sentences_look_forward_from_publication() -> None:
    published = date(2014, 6, 26)  # a Thursday
    (going,) = find_time_expressions("He will go to Riyadh on Friday.", published)
    (said,) = find_time_expressions("He said on Friday that the talks failed.", published)
    assert _interval(going)[0] == "2014-06-27"
    assert _interval(said)[0] == "2014-06-20"
