"""`faultlines relations`: relations between actors as intervals."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

import faultlines
from faultlines.cli.common import db_option, echo_json, echo_table, json_option

KINDS = ("alliance", "rivalry", "affiliation", "split", "merger", "support")


def iso_day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Click callback: a YYYY-MM-DD date (or None)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from exc


def name(ref: dict[str, Any] | None) -> str:
    """An actor or place reference as a table cell."""
    return ref["name"] if ref else "-"


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
