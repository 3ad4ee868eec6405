"""`faultlines events`: the event table."""

from __future__ import annotations

import click

import faultlines
from faultlines.cli.common import db_option, echo_json, echo_table, iso_day, json_option


@click.command("events")
@click.option("--actor", help="Only events with this actor (id, name or alias) on either side.")
@click.option("--type", "event_type", help="Only this faultlines type (e.g. armed_clash) or ACLED sub-event type.")
@click.option("--from", "date_from", callback=iso_day, help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", callback=iso_day, help="Only events on or before this date (YYYY-MM-DD).")
@click.option("--place", help="Only events at a place (or first-level region) whose name contains this.")
@click.option("--limit", type=click.IntRange(min=1), help="Show at most N events.")
@db_option
@json_option
def command(
    actor: str | None,
    event_type: str | None,
    date_from: str | None,
    date_to: str | None,
    place: str | None,
    limit: int | None,
    db_path: str,
    as_json: bool,
) -> None:
    """List events with type, actors, place, date, fatalities and modality; --json adds the evidence."""
    with faultlines.open(db_path) as fl:
        events = fl.events(
            actor=actor, event_type=event_type, date_from=date_from, date_to=date_to, place=place, limit=limit
        )
    if as_json:
        echo_json(events)
        return
    echo_table(
        [
            (
                e["id"],
                e["date"]["start"] or "-",
                e["type"],
                e["actor1"]["name"] if e["actor1"] else "-",
                e["actor2"]["name"] if e["actor2"] else "-",
                e["place"]["name"] if e["place"] else "-",
                e["fatalities"]["best"] if e["fatalities"] else "",
                e["modality"],
            )
            for e in events
        ],
        ["id", "date", "type", "actor1", "actor2", "place", "deaths", "modality"],
    )
