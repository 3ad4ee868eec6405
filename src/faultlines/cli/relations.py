"""`faultlines relations`: relations between actors as intervals."""

from __future__ import annotations

import click

import faultlines
from faultlines.cli.common import db_option, echo_json, echo_table, iso_day, json_option, name

KINDS = ("alliance", "rivalry", "affiliation", "split", "merger", "support")


@click.command("relations")
@click.option("--at", callback=iso_day, help="Only relations valid on this date (YYYY-MM-DD).")
@click.option("--actor", help="Only relations with this actor (id, name or alias) on either side.")
@click.option("--kind", type=click.Choice(KINDS), help="Only relations of this kind.")
@db_option
@json_option
def command(at: str | None, actor: str | None, kind: str | None, db_path: str, as_json: bool) -> None:
    """List relations between actors (alliance, rivalry, affiliation, split, merger, support) with dates."""
    with faultlines.open(db_path) as fl:
        relations = fl.relations(at=at, actor=actor, kind=kind)
    if as_json:
        echo_json(relations)
        return
    echo_table(
        [
            (r["id"], name(r["a"]), r["kind"], name(r["b"]), r["from"] or "?", r["until"] or "-", len(r["evidence"]))
            for r in relations
        ],
        ["id", "a", "kind", "b", "from", "until", "evidence"],
    )
