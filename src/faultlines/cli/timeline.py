"""`faultlines timeline --actor A [--with B]`: an actor's (or a pair's) history in date order."""

from __future__ import annotations

from typing import Any

import click

import faultlines
from faultlines.cli.common import db_option, echo_json, echo_table, json_option, name


def _describe(item: dict[str, Any]) -> str:
    if item["kind"] == "event":
        e = item["event"]
        return f"{e['type']}: {name(e['actor1'])} / {name(e['actor2'])} at {name(e['place'])}"
    if "relation" in item:
        r = item["relation"]
        return f"{r['kind']}: {name(r['a'])} / {name(r['b'])}"
    c = item["control"]
    return f"{name(c['place'])} held by {name(c['holder'])}"


@click.command("timeline")
@click.option("--actor", required=True, help="The actor (id, name or alias); all its names count.")
@click.option("--with", "with_actor", help="Only what involves this second actor too.")
@db_option
@json_option
def command(actor: str, with_actor: str | None, db_path: str, as_json: bool) -> None:
    """Show an actor's events, relation changes and control changes by date."""
    with faultlines.open(db_path) as fl:
        timeline = fl.timeline(actor, with_actor)
    if as_json:
        echo_json(timeline)
        return
    echo_table([(i["date"] or "?", i["kind"], _describe(i)) for i in timeline["items"]], ["date", "kind", "what"])
