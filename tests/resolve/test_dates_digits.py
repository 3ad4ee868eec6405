"""Dates written with the digits of other scripts, as copied Arabic, Persian or East Asian text
carries them, read as their ASCII twins, keeping the text and offsets of the original."""

from __future__ import annotations

from datetime import date

import pytest

from faultlines.resolve.dates.finder import ascii_digits, find_time_expressions

PUBLISHED = date(2022, 6, 1)


@pytest.mark.parametrize(
    "written",
    [
        "١٠ May ٢٠٢٢",  # Arabic-Indic
        "۱۰ May ۲۰۲۲",  # Extended Arabic-Indic (Persian, Urdu)
        "１０ May ２０２２",  # full-width
        "१० May २०२२",  # Devanagari
    ],
)
def test_a_day_in_another_script_s_digits_is_read_and_shown_as_written(written: str) -> None:
    text = f"Gunmen attacked a market on {written}, police said."
    (found,) = find_time_expressions(text, PUBLISHED)
    assert (found.start, found.end) == (date(2022, 5, 10), date(2022, 5, 10))
    assert found.text == written
    assert text[found.char_start : found.char_end] == written


def test_digit_folding_keeps_every_other_character_and_the_length() -> None:
    text = "Café ² № ١٢ — 3"
    folded = ascii_digits(text)
    assert folded == "Café ² № 12 — 3"
    assert len(folded) == len(text)
