"""`faultlines state --at DATE`: the relation graph and the control map on a date."""

from __future__ import annotations

import click

import faultlines
from faultlines.cli.common import db_option, echo_json, echo_table, iso_day, json_option, name


@click.command("state")
@click.option("--at", required=True, callback=iso_day, help="The date (YYYY-MM-DD).")
@db_option
@json_option
def command(at: str, db_path: str, as_json: bool) -> None:
    """Show the relations and the control of places valid on a date, each with its evidence in --json."""
    with faultlines.open(db_path) as fl:
        state = fl.state(at)
    if as_json:
        echo_json(state)
        return
    click.echo(f"Relations on {at}:")
    echo_table(
        [(name(r["a"]), r["kind"], name(r["b"]), r["from"] or "?", r["until"] or "-") for r in state["relations"]],
        ["a", "kind", "b", "from", "until"],
    )
    click.echo(f"\nControl on {at}:")
    echo_table(
        [(name(c["place"]), name(c["holder"]), c["from"] or "?", c["until"] or "-") for c in state["control"]],
        ["place", "holder", "from", "until"],
    )
