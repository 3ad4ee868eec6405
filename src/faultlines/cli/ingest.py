"""`faultlines ingest`: read articles into the store and run the pipeline over them."""

from __future__ import annotations

import sys
from typing import Any

import click

import faultlines
from faultlines.cli.common import BarProgress, db_option, echo_json, echo_table, json_option, workers_option


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@json_option
@click.option(
    "--format",
    "input_format",
    type=click.Choice(["text", "html", "jsonl", "csv"]),
    help="Read every input as this format instead of guessing from its name and content.",
)
@click.option("--text-field", help="JSONL/CSV field holding the article text (default: text).")
@click.option("--title-field", help="JSONL/CSV field holding the title (default: title).")
@click.option("--date-field", help="JSONL/CSV field holding the publication date (default: date or published).")
@click.option("--source-field", help="JSONL/CSV field naming the source (default: source).")
@click.option("--url-field", help="JSONL/CSV field holding the URL (default: url).")
@click.option("--id-field", help="JSONL/CSV field holding the record's own id (default: id).")
@click.option("--max-bytes", type=click.IntRange(min=1), help="Skip files larger than this many bytes.")
@workers_option
def command(
    paths: tuple[str, ...],
    db_path: str,
    as_json: bool,
    input_format: str | None,
    max_bytes: int | None,
    workers: int,
    **field_options: str | None,
) -> None:
    """Ingest PATHS (files, folders, or - for stdin) and process the new documents.

    Plain text, HTML, JSON Lines and CSV are read; folders are walked recursively.
    Duplicates are stored once with every source that carried them; bad inputs are
    skipped with a reason and the batch goes on. Running it twice adds nothing.
    """
    fields = {name: value for name, value in field_options.items() if value is not None}
    with faultlines.open(db_path) as fl:
        summary = fl.ingest(
            list(paths),
            stdin=sys.stdin if "-" in paths else None,
            fields=fields,
            input_format=input_format,
            max_bytes=max_bytes,
            workers=workers,
            progress=BarProgress(),
        )
        if as_json:
            echo_json(summary)
            return
        _print_summary(summary, db_path)
        _print_found(fl)


def _print_summary(summary: dict[str, Any], db_path: str) -> None:
    click.echo(
        f"{summary['documents_added']} documents added, {summary['duplicates']} duplicates "
        f"({summary['exact_duplicates']} exact, {summary['near_duplicates']} near), "
        f"{summary['already_stored']} already stored, {len(summary['skipped'])} skipped -> {db_path}"
    )
    for item in summary["skipped"]:
        click.echo(f"  skipped {item['path']}: {item['reason']}")
    for item in summary.get("documents_failed", []):
        click.echo(f"  failed document {item['document']}: {item['reason']}")


def _print_found(fl: faultlines.Faultlines) -> None:
    """What the store now holds: the documents and what the pipeline found in them."""
    docs = fl.documents()
    if not docs:
        return
    click.echo("")
    echo_table(
        [
            (
                d["id"],
                d["published"] or "-",
                d["published_method"],
                len(d["sources"]),
                d["title"] or d["path"],
            )
            for d in docs
        ],
        ["id", "published", "found by", "copies", "title"],
    )
    stats = fl.stats()
    found = {k: v for k, v in stats.items() if k not in ("documents", "published_from", "published_until")}
    click.echo("")
    click.echo("Found: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in found.items() if v))
