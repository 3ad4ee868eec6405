"""Options and output helpers shared by the CLI commands."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "faultlines.db"


def db_option(func: F) -> F:
    """``--db PATH`` (env ``FAULTLINES_DB``, default ``./faultlines.db``)."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        default=lambda: os.environ.get("FAULTLINES_DB", DEFAULT_DB),
        show_default="$FAULTLINES_DB or ./faultlines.db",
        help="SQLite database file.",
    )(func)


def json_option(func: F) -> F:
    """``--json``: machine-readable output instead of a table."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(func)


def echo_json(value: Any) -> None:
    """Print ``value`` as indented JSON on stdout."""
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))


def echo_table(rows: Iterable[Sequence[Any]], headers: Sequence[str]) -> None:
    """Print rows as a plain aligned text table."""
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, value in enumerate(row):
            widths[i] = min(max(widths[i], len(value)), 60)
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers))
    click.echo(line.rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        shown = [v if len(v) <= 60 else v[:57] + "..." for v in row]
        click.echo("  ".join(v.ljust(widths[i]) for i, v in enumerate(shown)).rstrip())


class BarProgress:
    """Draws a click progress bar on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._enabled = sys.stderr.isatty()

    def start(self, total: int | None, label: str) -> None:
        if self._enabled and total:
            self._bar = click.progressbar(length=total, label=label, file=sys.stderr)
            self._bar.__enter__()

    def advance(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def workers_option(func: F) -> F:
    """``--workers N``: processes that analyse documents in parallel."""
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Processes that analyse documents in parallel.",
    )(func)


def iso_day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Click callback: a YYYY-MM-DD date (or None), with a hint when it is not one."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from exc


def name(ref: dict[str, Any] | None) -> str:
    """An actor or place reference as a table cell."""
    return ref["name"] if ref else "-"
