"""`faultlines reprocess`: run the pipeline again over every stored document."""

from __future__ import annotations

import click

import faultlines
from faultlines.cli.common import BarProgress, db_option, echo_json, json_option, workers_option


@click.command("reprocess")
@db_option
@json_option
@workers_option
def command(db_path: str, as_json: bool, workers: int) -> None:
    """Re-run every pipeline stage over the stored documents.

    Use it after a knowledge-base or model update. Analyst corrections (merged actors,
    added aliases, rejected events) are kept and applied again.
    """
    with faultlines.open(db_path) as fl:
        result = fl.reprocess(workers=workers, progress=BarProgress())
    if as_json:
        echo_json(result)
        return
    click.echo(f"{result['documents_processed']} documents processed, {len(result['documents_failed'])} failed.")
    for item in result["documents_failed"]:
        click.echo(f"  failed document {item['document']}: {item['reason']}")
