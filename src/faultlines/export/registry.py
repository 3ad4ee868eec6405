"""The export formats and the one library entry point, :func:`export`."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from faultlines.errors import UsageError
from faultlines.export import acled, geo, graph, jsonl, parquet, plover
from faultlines.export.source import Filters, StoreFacts, iter_events

log = logging.getLogger(__name__)

Writer = Callable[[sqlite3.Connection, Filters, Any], dict[str, int]]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: how it is written and what it needs."""

    name: str
    help: str
    write: Writer
    binary: bool = False
    needs_file: bool = False


def _acled(conn: sqlite3.Connection, filters: Filters, out: IO[str]) -> dict[str, int]:
    return acled.write_acled_csv(iter_events(conn, filters), StoreFacts(conn), out)


def _plover(conn: sqlite3.Connection, filters: Filters, out: IO[str]) -> dict[str, int]:
    return plover.write_plover_json(iter_events(conn, filters), StoreFacts(conn), out)


def _jsonl(conn: sqlite3.Connection, filters: Filters, out: IO[str]) -> dict[str, int]:
    return jsonl.write_jsonl(iter_events(conn, filters), out)


def _parquet(conn: sqlite3.Connection, filters: Filters, out: IO[bytes]) -> dict[str, int]:
    return parquet.write_parquet(iter_events(conn, filters), out)


def _geojson(conn: sqlite3.Connection, filters: Filters, out: IO[str]) -> dict[str, int]:
    control = geo.control_intervals(conn, filters)
    return geo.write_geojson(iter_events(conn, filters), control, out)


def _gexf(conn: sqlite3.Connection, filters: Filters, out: IO[bytes]) -> dict[str, int]:
    return graph.write_gexf(graph.graph_relations(conn, filters), StoreFacts(conn), out)


def _graphml(conn: sqlite3.Connection, filters: Filters, out: IO[bytes]) -> dict[str, int]:
    return graph.write_graphml(graph.graph_relations(conn, filters), StoreFacts(conn), out)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("acled-csv", "ACLED-style CSV: ACLED's 31 columns, codes and value formats", _acled),
        ExportFormat("plover-json", "PLOVER JSON records (a JSON array, one record per line)", _plover),
        ExportFormat("jsonl", "one event per line, as `faultlines events --json`", _jsonl),
        ExportFormat("geojson", "RFC 7946 FeatureCollection of event and control points", _geojson),
        ExportFormat("parquet", "Parquet table, one typed row per event", _parquet, binary=True, needs_file=True),
        ExportFormat("gexf", "actor relation graph with edge time intervals (Gephi dynamic mode)", _gexf, binary=True),
        ExportFormat("graphml", "actor relation graph with dates as edge attributes", _graphml, binary=True),
    )
}


def _check_dates(filters: Filters) -> None:
    for name in ("date_from", "date_to"):
        value = getattr(filters, name)
        if value is None:
            continue
        try:
            date.fromisoformat(value)
        except ValueError as exc:
            raise UsageError(f"{name} {value!r} is not a date", hint="write dates as YYYY-MM-DD") from exc


def _open_file(path: Path, *, binary: bool) -> IO[Any]:
    """``path`` opened for writing: bytes, or UTF-8 text with newlines written as given."""
    if binary:
        return path.open("wb")
    return path.open("w", encoding="utf-8", newline="")


@contextlib.contextmanager
def _opened(target: str | Path | IO[Any] | None, spec: ExportFormat) -> Iterator[IO[Any]]:
    """The stream to write to: stdout for ``None``/``-``, a file written whole or not at all for a path."""
    if target is None or target == "-":
        if spec.needs_file:
            raise UsageError(f"{spec.name} is a binary file format and cannot go to stdout", hint="give -o FILE")
        yield sys.stdout.buffer if spec.binary else sys.stdout
        return
    if not isinstance(target, (str, Path)):
        yield target
        return
    path = Path(target)
    if not path.parent.is_dir():
        raise UsageError(
            f"cannot write {path}: folder {path.parent} does not exist", hint="create it or pick another -o"
        )
    partial = path.with_name(path.name + ".part")
    try:
        with _open_file(partial, binary=spec.binary) as stream:
            yield stream
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def export(
    conn: sqlite3.Connection, fmt: str, out: str | Path | IO[Any] | None = None, **filters: str | None
) -> dict[str, Any]:
    """Write the store's events or relation graph in format ``fmt`` to ``out``.

    ``out`` is a path (written to ``<path>.part`` and renamed when complete), an open stream
    (text, or binary for parquet/gexf/graphml), or ``None``/``"-"`` for stdout. ``filters``
    are ``actor``, ``event_type``, ``date_from``, ``date_to`` and ``place`` as in
    :func:`faultlines.query.events.list_events`; graph exports read ``event_type`` as a relation
    kind. Returns ``{"format", "output", "rows", "skipped"}``: rows written and facts the
    format cannot hold (e.g. events without an ACLED type in acled-csv).
    """
    spec = FORMATS.get(fmt)
    if spec is None:
        raise UsageError(f"unknown export format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
    try:
        chosen = Filters(**filters)
    except TypeError as exc:
        raise UsageError(
            f"unknown export filter in {sorted(filters)}",
            hint="filters are actor, event_type, date_from, date_to, place",
        ) from exc
    _check_dates(chosen)
    with _opened(out, spec) as stream:
        counts = spec.write(conn, chosen, stream)
        stream.flush()
    output = "-" if out is None or out == "-" else str(out) if isinstance(out, (str, Path)) else "<stream>"
    log.info("exported %s to %s: %s", fmt, output, counts)
    return {"format": fmt, "output": output, **counts}
