"""Publication date and source: from the real seed articles and from written-out cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from faultlines.ingest import detect_publication, detect_source, guess_title, parse_metadata_date


def _seed(seeds_dir: Path, prefix: str) -> str:
    (path,) = seeds_dir.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_seed_001_takes_the_original_credit_not_the_republication(seeds_dir: Path) -> None:
    found = detect_publication(_seed(seeds_dir, "001"))
    assert found is not None
    # "[Source: ..., 01Jun15]" is the original; "published on 08Jun15 by Equipo Nizkor" a later copy.
    assert (found.date, found.method, found.precision) == (dt.date(2015, 6, 1), "credit", "day")
    assert found.text == "01Jun15"


def test_seed_003_dateline(seeds_dir: Path) -> None:
    found = detect_publication(_seed(seeds_dir, "003"))
    assert found is not None
    assert (found.date, found.method) == (dt.date(2014, 6, 21), "dateline")


def test_seed_004_prefers_the_original_byline_over_the_blog_header(seeds_dir: Path) -> None:
    found = detect_publication(_seed(seeds_dir, "004"))
    assert found is not None
    assert (found.date, found.method, found.text) == (dt.date(2014, 6, 25), "byline", "25 June, 2014")


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_seeds_without_a_date_give_none(seeds_dir: Path, prefix: str) -> None:
    assert detect_publication(_seed(seeds_dir, prefix)) is None


@pytest.mark.parametrize(
    ("prefix", "source"),
    [
        ("000", None),
        ("001", "The Long War Journal"),
        ("002", None),  # "told AFP" and a bare "IB Times" line are not a stated publisher
        ("003", "voiceofrussia.com"),
        ("004", "The Daily Star (Lebanon)"),
    ],
)
def test_seed_sources(seeds_dir: Path, prefix: str, source: str | None) -> None:
    assert detect_source(_seed(seeds_dir, prefix)) == source


def test_seed_titles_skip_navigation_and_sentences(seeds_dir: Path) -> None:
    assert guess_title(_seed(seeds_dir, "001")) == (
        "With sudden advances in Aleppo, Islamic State provokes counteroffensive"
    )
    assert guess_title(_seed(seeds_dir, "003")) == "ISIL militants seize Iraqi-Syrian border point"
    assert guess_title(_seed(seeds_dir, "002")) is None


BODY = (
    "Gunmen attacked a checkpoint on the main road north of the city, killing two soldiers, "
    "officials said. The attackers fled toward the desert before reinforcements arrived."
)


def test_header_date_alone_on_first_line() -> None:
    found = detect_publication(f"Thursday 26 June 2014\n\nAttack on checkpoint\n{BODY}")
    assert found is not None
    assert (found.date, found.method) == (dt.date(2014, 6, 26), "header")


def test_posted_on_header_with_author() -> None:
    found = detect_publication(f"Checkpoint attacked\nPosted on June 21, 2014 by admin\n\n{BODY}")
    assert found is not None
    assert (found.date, found.method) == (dt.date(2014, 6, 21), "header")


def test_date_in_headline() -> None:
    found = detect_publication(f"Iraq civil war update - 06/25/2014\n\n{BODY}")
    assert found is not None
    assert (found.date, found.method) == (dt.date(2014, 6, 25), "title")


def test_earliest_credit_wins_whatever_the_order() -> None:
    text = f"{BODY}\n\nSource: Regional Monitor, 08Jun15\n[Source: The Daily Star, 01Jun15]"
    found = detect_publication(text)
    assert found is not None
    assert (found.date, found.method) == (dt.date(2015, 6, 1), "credit")
    assert detect_source(text) == "The Daily Star"


def test_event_date_in_prose_is_not_a_publication_date() -> None:
    text = "On 5 February 2022, around 2,200 people demonstrated in Karlsruhe against new measures."
    assert detect_publication(text) is None


def test_wire_dateline_names_the_agency() -> None:
    text = f"BAGHDAD, June 17, 2014 (Reuters) - {BODY}"
    found = detect_publication(text)
    assert found is not None and found.method == "dateline" and found.date == dt.date(2014, 6, 17)
    assert detect_source(text) == "Reuters"


def test_quoted_agency_is_not_the_publisher() -> None:
    assert detect_source(f"{BODY} An army major confirmed the losses, AFP reports.") is None


def test_day_first_slashes_when_the_day_cannot_be_a_month() -> None:
    found = detect_publication(f"Weekly digest - 25/06/2014\n\n{BODY}")
    assert found is not None and found.date == dt.date(2014, 6, 25)


@pytest.mark.parametrize(
    ("value", "date", "precision"),
    [
        ("2014-06-21", dt.date(2014, 6, 21), "day"),
        ("2014-06-21T14:30:00+03:00", dt.date(2014, 6, 21), "day"),
        ("2014-07", dt.date(2014, 7, 1), "month"),
        ("2014", dt.date(2014, 1, 1), "year"),
        ("June 2014", dt.date(2014, 6, 1), "month"),
        ("Sat, 21 Jun 2014 14:30:00 GMT", dt.date(2014, 6, 21), "day"),
    ],
)
def test_metadata_dates_and_their_precision(value: str, date: dt.date, precision: str) -> None:
    found = parse_metadata_date(value)
    assert found is not None
    assert (found.date, found.precision, found.method) == (date, precision, "metadata")


def test_unparseable_metadata_date_is_none() -> None:
    assert parse_metadata_date("not a date at all") is None
    assert parse_metadata_date("   ") is None
