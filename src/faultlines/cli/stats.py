"""`faultlines stats`: counts of what the store holds."""

from __future__ import annotations

import click

import faultlines
from faultlines.cli.common import db_option, echo_json, echo_table, json_option


@click.command("stats")
@db_option
@json_option
def command(db_path: str, as_json: bool) -> None:
    """Show how many documents, sources, mentions, actors, events and so on the store holds."""
    with faultlines.open(db_path) as fl:
        stats = fl.stats()
    if as_json:
        echo_json(stats)
        return
    echo_table(sorted(stats.items()), ["what", "count"])
