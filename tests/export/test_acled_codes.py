"""ACLED codes and values checked against ACLED's own 2022 development file."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from faultlines.export.acled import COLUMNS, disorder_type, interaction, time_precision
from faultlines.export.countries import all_countries, country


def _rows(shared_dir: Path) -> Iterator[dict[str, str]]:
    with open(shared_dir / "data" / "acled" / "acled-2022-dev.csv", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def _code(value: str) -> int:
    return int(float(value)) if value else 0


def test_columns_are_acleds_in_acleds_order(shared_dir: Path) -> None:
    with open(shared_dir / "data" / "acled" / "acled-2022-dev.csv", encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert tuple(header) == COLUMNS


def test_interaction_and_disorder_type_match_every_acled_row(shared_dir: Path) -> None:
    rows = 0
    for row in _rows(shared_dir):
        rows += 1
        assert interaction(_code(row["inter1"]), _code(row["inter2"])) == _code(row["interaction"]), row
        # The development file spells "Demonstrations" as "Demostrations".
        expected = row["disorder_type"].replace("Demostrations", "Demonstrations")
        assert disorder_type(row["event_type"], row["sub_event_type"]) == expected, row
    assert rows > 4000


def test_country_codes_and_regions_match_acled(shared_dir: Path) -> None:
    by_numeric = {}
    for row in _rows(shared_dir):
        by_numeric[_code(row["iso"])] = (row["region"], row["country"])
    assert len(by_numeric) > 100
    ours = {c.numeric: c for c in all_countries().values()}
    for numeric, (region, name) in by_numeric.items():
        assert numeric in ours, name
        assert ours[numeric].region == region, name
        assert ours[numeric].name == name
    iraq = country("iq")
    assert iraq is not None and (iraq.numeric, iraq.iso3, iraq.region) == (368, "IRQ", "Middle East")


def test_time_precision_from_date_precision() -> None:
    assert [time_precision(p) for p in ("day", "week", "month", "season", "year", None)] == [1, 2, 3, 3, 3, 3]
