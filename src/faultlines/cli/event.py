"""`faultlines event show|reject|edit ID`: one event and analyst corrections of it."""

from __future__ import annotations

from typing import Any

import click

import faultlines
from faultlines.cli.common import db_option, echo_json, echo_table, iso_day, json_option, name

PRECISIONS = ("day", "week", "month", "year")


def _show(event: dict[str, Any], as_json: bool) -> None:
    if as_json:
        echo_json(event)
        return
    date = event["date"]
    rows = [
        ("type", event["type"]),
        ("actor1", name(event["actor1"])),
        ("actor2", name(event["actor2"])),
        ("place", name(event["place"])),
        ("date", f"{date['start'] or '?'} .. {date['end'] or '?'} ({date['precision'] or '-'})"),
        ("fatalities", event["fatalities"]["best"] if event["fatalities"] else "-"),
        ("modality", event["modality"]),
        ("status", event["status"]),
        ("sources", event["source_count"]),
        ("confidence", event["confidence"]),
        ("merged into", event["canonical_id"] or "-"),
    ]
    rows += [("evidence", f"doc {e['document']}: {e['text']}") for e in event["evidence"]]
    echo_table(rows, ["field", "value"])


@click.group("event")
def command() -> None:
    """Show one event, reject it, or correct it (corrections survive re-processing)."""


@command.command("show")
@click.argument("event_id", type=int)
@db_option
@json_option
def show(event_id: int, db_path: str, as_json: bool) -> None:
    """Show event ID with its evidence, sources and merge links."""
    with faultlines.open(db_path) as fl:
        _show(fl.event(event_id), as_json)


@command.command("reject")
@click.argument("event_id", type=int)
@click.option("--note", help="Why the event is rejected (kept with the correction).")
@db_option
@json_option
def reject(event_id: int, note: str | None, db_path: str, as_json: bool) -> None:
    """Reject event ID: it leaves the event table, relations, control and state."""
    with faultlines.open(db_path) as fl:
        _show(fl.reject_event(event_id, note), as_json)


@command.command("edit")
@click.argument("event_id", type=int)
@click.option("--type", "event_type", help="The correct faultlines event type (e.g. armed_clash).")
@click.option("--date", "date_start", callback=iso_day, help="The correct date (YYYY-MM-DD).")
@click.option("--until", "date_end", callback=iso_day, help="Last day of the date interval (YYYY-MM-DD).")
@click.option("--precision", type=click.Choice(PRECISIONS), help="Precision of the date.")
@click.option("--place", help="The correct place (a stored place name).")
@click.option("--actor1", help="The correct first actor (id, name or alias).")
@click.option("--actor2", help="The correct second actor (id, name or alias).")
@click.option("--fatalities", type=click.IntRange(min=0), help="The correct number of fatalities.")
@db_option
@json_option
def edit(event_id: int, db_path: str, as_json: bool, **fields: Any) -> None:
    """Correct fields of event ID; relations, control and state are re-derived."""
    names = {"event_type": "type", "precision": "date_precision"}
    changes = {names.get(k, k): v for k, v in fields.items() if v is not None}
    if not changes:
        raise click.UsageError("nothing to change: give at least one of --type, --date, --place, --actor1 ...")
    with faultlines.open(db_path) as fl:
        _show(fl.edit_event(event_id, changes), as_json)
