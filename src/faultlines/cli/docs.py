"""`faultlines docs`: list the stored documents."""

from __future__ import annotations

import click

import faultlines
from faultlines.cli.common import db_option, echo_json, echo_table, json_option


@click.command("docs")
@db_option
@json_option
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many documents.")
def command(db_path: str, as_json: bool, limit: int | None) -> None:
    """List the stored documents with their publication date, how it was found, and sources."""
    with faultlines.open(db_path) as fl:
        docs = fl.documents(limit=limit)
    if as_json:
        echo_json(docs)
        return
    echo_table(
        [
            (
                d["id"],
                d["published"] or "-",
                d["published_method"],
                ", ".join(sorted({s["source"] for s in d["sources"] if s["source"]})) or "-",
                len(d["sources"]),
                d["title"] or d["path"],
            )
            for d in docs
        ],
        ["id", "published", "found by", "sources", "copies", "title"],
    )
