"""`faultlines geocode`: look a place name up in the gazetteer."""

from __future__ import annotations

import sys

import click

from faultlines.cli.common import echo_json, echo_table, json_option
from faultlines.errors import UsageError
from faultlines.resolve.places import get_gazetteer

JSON_FIELDS = (
    "name",
    "latitude",
    "longitude",
    "country",
    "admin1",
    "geonames_id",
    "feature",
    "precision",
    "acled_precision",
    "score",
    "population",
)


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper() if len(value.strip()) == 2 else get_gazetteer().country_code(value)
    if not code:
        raise UsageError(
            f"--country {value!r} is not a country I know",
            hint="give an ISO alpha-2 code such as IQ or SY, or an English country name",
        )
    return code


@click.command("geocode")
@click.argument("name")
@click.option("--country", metavar="CC", help="Only places in this country (ISO alpha-2 code or name).")
@click.option("--admin1", metavar="REGION", help="Prefer places in this first-level region, e.g. 'Anbar'.")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100), help="How many candidates to show.")
@json_option
def command(name: str, country: str | None, admin1: str | None, limit: int, as_json: bool) -> None:
    """Show the gazetteer entries NAME may mean, best first.

    Spelling variants and lower case work: "Deir Ezzor", "dayr az zawr", "Albu Kamal", "al-qaim".
    A descriptor picks the kind of place: "Kirkuk province" is the region, "Aleppo countryside"
    the area around the city. The first build of the index takes about half a minute.

    Example: faultlines geocode Taji --country IQ
    """
    found = get_gazetteer().lookup(name, country=_country(country), admin1=admin1, limit=limit)
    if not found:
        where = f" in {country}" if country else ""
        click.echo(
            f"No place called {name!r}{where} is in the gazetteer. Check the spelling, or drop --country.",
            err=True,
        )
        sys.exit(1)
    if as_json:
        echo_json([{key: c.to_dict()[key] for key in JSON_FIELDS} for c in found])
        return
    rows = [
        (
            c.name,
            c.country,
            c.admin1 or "",
            f"{c.latitude:.4f}",
            f"{c.longitude:.4f}",
            c.feature,
            c.precision,
            c.geonames_id or "",
            f"{c.score:.2f}",
        )
        for c in found
    ]
    echo_table(
        rows,
        [
            "name",
            "country",
            "admin1",
            "latitude",
            "longitude",
            "feature",
            "precision",
            "geonames_id",
            "score",
        ],
    )
