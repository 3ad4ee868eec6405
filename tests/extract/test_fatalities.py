"""Fatality counts read from the phrases reporters and ACLED coders use."""

from __future__ import annotations

import pytest

from faultlines.extract.fatalities import number_value, parse_fatalities


@pytest.mark.parametrize(
    ("text", "best", "low", "high"),
    [
        ("at least 17 people were killed in the attack", 17, 17, None),
        ("The raid left more than 500 dead.", 501, 501, None),
        ("two soldiers were killed near the checkpoint", 2, 2, 2),
        ("a dozen fighters were killed", 12, 12, 12),
        ("dozens of civilians were killed", 24, 24, 99),
        ("scores dead after the blast", 40, 40, 199),
        ("clashes in Kirkuk province that cost 17 lives", 17, 17, 17),
        ("Taliban forces opened fire, killing 1-3 and injuring 3 protesters.", 1, 1, 3),
        ("12 civilians, including a woman and a child, were killed in the air strikes", 12, 12, 12),
        ("There was one fatality.", 1, 1, 1),
        ("Casualties: 2 fatalities.", 2, 2, 2),
        ("up to 30 people were killed", 30, 0, 30),
        ("There were no casualties.", 0, 0, 0),
    ],
)
def test_counts_bounds_and_vague_quantities(text: str, best: int, low: int, high: int | None) -> None:
    found = parse_fatalities(text)
    assert found is not None
    assert (found.best, found.low, found.high) == (best, low, high)
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    "text",
    [
        "Casualties unknown.",
        "Fighters freed more than 500 prisoners.",
        "17 people were injured in the protest.",
    ],
)
def test_no_count_when_no_deaths_are_stated(text: str) -> None:
    assert parse_fatalities(text) is None


def test_number_words_and_ranges() -> None:
    assert number_value("twenty-five") == (25, 25)
    assert number_value("two hundred") == (200, 200)
    assert number_value("1,200") == (1200, 1200)
    assert number_value("3 to 5") == (3, 5)
    assert number_value("whatever") is None
