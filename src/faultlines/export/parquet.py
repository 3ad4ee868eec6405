"""Parquet: one typed row per event, written in record batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

BATCH_ROWS = 2048

_EVIDENCE = pa.struct(
    [
        ("document", pa.int64()),
        ("sentence", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
    ]
)
SCHEMA = pa.schema(
    [
        ("id", pa.int64()),
        ("type", pa.string()),
        ("acled_event_type", pa.string()),
        ("acled_sub_event_type", pa.string()),
        ("plover_type", pa.string()),
        ("actor1_id", pa.string()),
        ("actor1", pa.string()),
        ("actor2_id", pa.string()),
        ("actor2", pa.string()),
        ("associated_actors1", pa.list_(pa.string())),
        ("associated_actors2", pa.list_(pa.string())),
        ("place", pa.string()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("place_precision", pa.string()),
        ("date_start", pa.date32()),
        ("date_end", pa.date32()),
        ("date_precision", pa.string()),
        ("fatalities_best", pa.int64()),
        ("fatalities_low", pa.int64()),
        ("fatalities_high", pa.int64()),
        ("modality", pa.string()),
        ("attribution", pa.string()),
        ("confidence", pa.float64()),
        ("evidence", pa.list_(_EVIDENCE)),
    ]
)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def parquet_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event flattened to the columns of ``SCHEMA``."""
    a1, a2, place, deaths = event["actor1"], event["actor2"], event["place"] or {}, event["fatalities"] or {}
    return {
        "id": event["id"],
        "type": event["type"],
        "acled_event_type": event["acled_event_type"],
        "acled_sub_event_type": event["acled_sub_event_type"],
        "plover_type": event["plover_type"],
        "actor1_id": a1["id"] if a1 else None,
        "actor1": a1["name"] if a1 else None,
        "actor2_id": a2["id"] if a2 else None,
        "actor2": a2["name"] if a2 else None,
        "associated_actors1": [a["name"] for a in event["associated_actors1"] if a],
        "associated_actors2": [a["name"] for a in event["associated_actors2"] if a],
        "place": place.get("name"),
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "latitude": place.get("latitude"),
        "longitude": place.get("longitude"),
        "place_precision": place.get("precision"),
        "date_start": _day(event["date"]["start"]),
        "date_end": _day(event["date"]["end"]),
        "date_precision": event["date"]["precision"],
        "fatalities_best": deaths.get("best"),
        "fatalities_low": deaths.get("low"),
        "fatalities_high": deaths.get("high"),
        "modality": event["modality"],
        "attribution": event["attribution"],
        "confidence": event["confidence"],
        "evidence": [{k: ev[k] for k in ("document", "sentence", "start", "end", "text")} for ev in event["evidence"]],
    }


def _batches(events: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    rows = (parquet_row(event) for event in events)
    while batch := list(islice(rows, BATCH_ROWS)):
        yield batch


def write_parquet(events: Iterable[dict[str, Any]], out: IO[bytes]) -> dict[str, int]:
    """Write events to a Parquet file batch by batch; returns how many rows were written."""
    written = 0
    with pq.ParquetWriter(out, SCHEMA) as writer:
        for batch in _batches(events):
            writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
            written += len(batch)
    return {"rows": written, "skipped": 0}
