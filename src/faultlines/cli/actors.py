"""`faultlines actors`: list, inspect and correct actors."""

from __future__ import annotations

from typing import Any

import click

import faultlines
from faultlines.cli.common import db_option, echo_json, echo_table, json_option


def _table(actors: list[dict[str, Any]]) -> None:
    echo_table(
        [
            (
                a["id"],
                a["name"],
                a["kind"],
                a["country"] or "-",
                "yes" if a["provisional"] else "",
                a["mentions"],
                ", ".join(a["aliases"][:4]),
            )
            for a in actors
        ],
        ["id", "name", "kind", "country", "new", "mentions", "aliases"],
    )


def _show(actor: dict[str, Any], as_json: bool) -> None:
    if as_json:
        echo_json(actor)
        return
    parent = actor["parent"]["name"] if actor["parent"] else "-"
    rows = [
        ("id", actor["id"]),
        ("name", actor["name"]),
        ("kind", actor["kind"]),
        ("country", actor["country"] or "-"),
        ("parent", parent),
        ("provisional", "yes (discovered in the corpus)" if actor["provisional"] else "no"),
        ("mentions", f"{actor['mentions']} in {actor['documents']} documents"),
        ("first seen", actor["first_seen"] or "-"),
        ("last seen", actor["last_seen"] or "-"),
        ("aliases", "; ".join(actor["aliases"][:30])),
    ]
    if actor["merged"]:
        rows.append(("merged from", ", ".join(actor["merged"])))
    echo_table(rows, ["field", "value"])


@click.group("actors", invoke_without_command=True)
@click.option("--search", "-s", help="Only actors whose name or an alias contains this text.")
@click.option("--all", "include_unseen", is_flag=True, help="Include knowledge-base actors not seen in the corpus.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True, help="Show at most N actors.")
@db_option
@json_option
@click.pass_context
def command(
    ctx: click.Context, search: str | None, include_unseen: bool, limit: int, db_path: str, as_json: bool
) -> None:
    """List the actors seen in the corpus, most mentioned first; sub-commands inspect and correct them."""
    ctx.obj = {"db_path": db_path}
    if ctx.invoked_subcommand is not None:
        return
    with faultlines.open(db_path) as fl:
        actors = fl.actors(search=search, include_unseen=include_unseen, limit=limit)
    if as_json:
        echo_json(actors)
    else:
        _table(actors)


@command.command("show")
@click.argument("actor")
@db_option
@json_option
def show(actor: str, db_path: str, as_json: bool) -> None:
    """Show ACTOR (id, name or alias): aliases, kind, country, parent, mentions, first/last seen."""
    with faultlines.open(db_path) as fl:
        _show(fl.actor(actor), as_json)


@command.command("merge")
@click.argument("keep")
@click.argument("other")
@db_option
@json_option
def merge(keep: str, other: str, db_path: str, as_json: bool) -> None:
    """Merge OTHER into KEEP: they are one actor, named as KEEP. Survives re-processing."""
    with faultlines.open(db_path) as fl:
        _show(fl.merge_actors(keep, other), as_json)


@command.command("split")
@click.argument("actor")
@click.option("--alias", "aliases", multiple=True, help="A name to move to the new actor (repeatable).")
@click.option("--name", required=True, help="Canonical name of the new actor.")
@db_option
@json_option
def split(actor: str, aliases: tuple[str, ...], name: str, db_path: str, as_json: bool) -> None:
    """Split ACTOR: the given aliases and their mentions become a new actor. Survives re-processing."""
    with faultlines.open(db_path) as fl:
        _show(fl.split_actor(actor, list(aliases), name), as_json)


@command.group("alias")
def alias() -> None:
    """Manage the names an actor is known by."""


@alias.command("add")
@click.argument("actor")
@click.argument("name")
@db_option
@json_option
def alias_add(actor: str, name: str, db_path: str, as_json: bool) -> None:
    """Add NAME as an alias of ACTOR; mentions under NAME resolve to ACTOR from now on."""
    with faultlines.open(db_path) as fl:
        _show(fl.add_alias(actor, name), as_json)
