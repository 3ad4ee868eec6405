"""`faultlines when`: find and normalise the temporal expressions in a text."""

from __future__ import annotations

from datetime import date

import click

from faultlines.cli.common import echo_json, echo_table, json_option
from faultlines.errors import UsageError
from faultlines.resolve.dates import find_time_expressions


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--published {value!r} is not a date", hint="give the publication day as YYYY-MM-DD") from exc


@click.command("when")
@click.argument("text")
@click.option(
    "--published",
    metavar="YYYY-MM-DD",
    help="Publication date of the text; resolves 'Wednesday', 'last week', 'in April'. "
    "Without it such expressions are left unresolved.",
)
@json_option
def command(text: str, published: str | None, as_json: bool) -> None:
    """Show every date expression in TEXT as an interval of days with its precision.

    Example: faultlines when "ISIL seized it on Saturday" --published 2014-06-26
    """
    found = find_time_expressions(text, _published(published))
    if as_json:
        echo_json([expr.to_dict() for expr in found])
        return
    rows = [(e.text, e.start, e.end, e.precision, e.anchor, e.reason or "") for e in found]
    echo_table(rows, ["expression", "start", "end", "precision", "anchor", "note"])
