"""`faultlines score`: measure a component against annotated data."""

from __future__ import annotations

import click

from faultlines.cli.common import echo_json, echo_table, json_option
from faultlines.errors import UsageError
from faultlines.eval.registry import run_scorer, scorers
from faultlines.eval.shared import require_shared


def _flatten(value: object, prefix: str = "") -> list[tuple[str, object]]:
    """Nested metrics as (dotted name, value) rows."""
    if isinstance(value, dict):
        return [row for key, inner in value.items() for row in _flatten(inner, f"{prefix}{key}.")]
    return [(prefix.rstrip("."), round(value, 4) if isinstance(value, float) else value)]


@click.command("score")
@click.argument("name", required=False)
@click.option(
    "--shared",
    "shared_path",
    type=click.Path(file_okay=False),
    help="The shared development data folder (default: ../shared or $FAULTLINES_SHARED).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N items.")
@json_option
def command(name: str | None, shared_path: str | None, limit: int | None, as_json: bool) -> None:
    """Score component NAME against the annotated development data (no NAME: list scorers)."""
    available = scorers()
    if name is None:
        for scorer_name, func in sorted(available.items()):
            click.echo(f"{scorer_name:10} {(func.__doc__ or '').strip().splitlines()[0]}")
        return
    if name not in available:
        raise UsageError(f"no scorer named {name!r}", hint=f"choose one of: {', '.join(sorted(available))}")
    report = run_scorer(name, require_shared(shared_path), limit=limit)
    if as_json:
        echo_json(report)
        return
    echo_table(_flatten(report), ["metric", "value"])
