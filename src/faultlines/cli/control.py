"""`faultlines control`: who holds which place, as intervals."""

from __future__ import annotations

import click

import faultlines
from faultlines.cli.common import db_option, echo_json, echo_table, iso_day, json_option, name


@click.command("control")
@click.option("--place", help="Only places (or first-level regions) whose name contains this.")
@click.option("--at", callback=iso_day, help="Only control intervals valid on this date (YYYY-MM-DD).")
@db_option
@json_option
def command(place: str | None, at: str | None, db_path: str, as_json: bool) -> None:
    """List territorial control intervals: place, holder (- when unknown), from, until."""
    with faultlines.open(db_path) as fl:
        rows = fl.control(place=place, at=at)
    if as_json:
        echo_json(rows)
        return
    echo_table(
        [
            (c["id"], name(c["place"]), name(c["holder"]), c["from"] or "?", c["until"] or "-", len(c["evidence"]))
            for c in rows
        ],
        ["id", "place", "holder", "from", "until", "evidence"],
    )
