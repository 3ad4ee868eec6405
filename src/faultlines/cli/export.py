"""`faultlines export`: events and the relation graph in standard formats."""

from __future__ import annotations

import os
import sys

import click

import faultlines
from faultlines.cli.common import db_option, iso_day
from faultlines.export import FORMATS

_FORMAT_HELP = "; ".join(f"{name}: {spec.help}" for name, spec in FORMATS.items())


@click.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATS)), required=True, help=f"Output format. {_FORMAT_HELP}."
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="File to write; - is stdout (text formats, gexf and graphml). parquet needs a file.",
)
@click.option("--actor", help="Only events (or relations) with this actor (id, name or alias) on either side.")
@click.option(
    "--type", "event_type", help="Only this event type (or ACLED sub-event type); for gexf/graphml a relation kind."
)
@click.option("--from", "date_from", callback=iso_day, help="Only facts on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", callback=iso_day, help="Only facts on or before this date (YYYY-MM-DD).")
@click.option("--place", help="Only events (and control) at a place or first-level region whose name contains this.")
@db_option
def command(
    fmt: str,
    output: str,
    actor: str | None,
    event_type: str | None,
    date_from: str | None,
    date_to: str | None,
    place: str | None,
    db_path: str,
) -> None:
    """Export events (acled-csv, plover-json, jsonl, geojson, parquet) or the actor relation graph (gexf, graphml)."""
    filters = {"actor": actor, "event_type": event_type, "date_from": date_from, "date_to": date_to, "place": place}
    with faultlines.open(db_path) as fl:
        try:
            summary = fl.export(fmt, output, **filters)
        except BrokenPipeError:
            # The reader (e.g. `| head`) stopped early: not an error worth a traceback.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
    if output != "-":
        skipped = f", {summary['skipped']} left out (format cannot hold them)" if summary["skipped"] else ""
        click.echo(f"Wrote {summary['rows']} {fmt} rows to {output}{skipped}.", err=True)
