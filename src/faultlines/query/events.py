"""Read events with their resolved arguments and evidence."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from faultlines.query.facts import actor_ref, place_name_filter
from faultlines.store.actors import canonical_id, find_actor


def _place(conn: sqlite3.Connection, place_id: int | None, precision: str | None) -> dict[str, Any] | None:
    if place_id is None:
        return None
    row = conn.execute(
        "SELECT name, latitude, longitude, country, admin1 FROM places WHERE id = ?", (place_id,)
    ).fetchone()
    return {**dict(row), "precision": precision} if row else None


def _evidence(conn: sqlite3.Connection, event_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT document_id AS document, sentence, start, end, text FROM evidence "
        "WHERE subject_kind = 'event' AND subject_id = ? ORDER BY document_id, start",
        (event_id,),
    )
    return [dict(r) for r in rows]


def _as_dict(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    fatalities = None
    if row["fatalities_best"] is not None:
        fatalities = {"best": row["fatalities_best"], "low": row["fatalities_low"], "high": row["fatalities_high"]}
    return {
        "id": row["id"],
        "type": row["type"],
        "acled_event_type": row["acled_event_type"],
        "acled_sub_event_type": row["acled_sub_event_type"],
        "plover_type": row["plover_type"],
        "actor1": actor_ref(conn, row["actor1_id"]),
        "actor2": actor_ref(conn, row["actor2_id"]),
        "associated_actors1": [actor_ref(conn, a) for a in json.loads(row["assoc_actor1_ids"] or "[]")],
        "associated_actors2": [actor_ref(conn, a) for a in json.loads(row["assoc_actor2_ids"] or "[]")],
        "place": _place(conn, row["place_id"], row["place_precision"]),
        "date": {"start": row["date_start"], "end": row["date_end"], "precision": row["date_precision"]},
        "fatalities": fatalities,
        "modality": row["modality"],
        "attribution": row["attribution"],
        "confidence": row["confidence"],
        "evidence": _evidence(conn, row["id"]),
    }


def _filters(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    event_type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    place: str | None = None,
    modality: str | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause (with ``?`` placeholders) and its parameters for the event filters."""
    where = ["e.status = 'active'", "e.canonical_id IS NULL"]
    params: list[Any] = []
    if actor:
        actor_id = find_actor(conn, actor)
        ids = [actor_id] + [
            r[0]
            for r in conn.execute("SELECT id FROM actors WHERE merged_into IS NOT NULL")
            if canonical_id(conn, r[0]) == actor_id
        ]
        marks = ",".join("?" * len(ids))
        where.append(f"(e.actor1_id IN ({marks}) OR e.actor2_id IN ({marks}))")
        params += ids + ids
    if event_type:
        where.append("(e.type = ? OR e.acled_sub_event_type = ? COLLATE NOCASE)")
        params += [event_type, event_type]
    if date_from:
        where.append("e.date_end >= ?")
        params.append(date_from)
    if date_to:
        where.append("e.date_start <= ?")
        params.append(date_to)
    if place:
        condition, values = place_name_filter("e.place_id", place)
        where.append(condition)
        params += values
    if modality:
        where.append("e.modality = ?")
        params.append(modality)
    return " AND ".join(where), params


def list_events(conn: sqlite3.Connection, **filters: Any) -> list[dict[str, Any]]:
    """Active events in date order (undated last); the filters and paging of :func:`iter_events`."""
    return list(iter_events(conn, **filters))


def iter_events(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    event_type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    place: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    modality: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Active events in date order (undated last), one at a time (exports never hold the whole set).

    Filtered by actor, type, date range, place and modality: ``actor`` is an id, name or alias (merged
    actors included); ``place`` matches the place or first-level region name; a date filter keeps events
    whose interval overlaps the range; ``offset`` skips the first events (paging, with ``limit``).
    """
    where, params = _filters(
        conn,
        actor=actor,
        event_type=event_type,
        date_from=date_from,
        date_to=date_to,
        place=place,
        modality=modality,
    )
    sql = f"SELECT e.* FROM events e WHERE {where} ORDER BY e.date_start IS NULL, e.date_start, e.document_id, e.id"
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
    for row in conn.execute(sql, params):
        yield _as_dict(conn, row)


def count_events(conn: sqlite3.Connection, **filters: str | None) -> int:
    """How many events :func:`iter_events` would give for these filters, without ``limit``/``offset``."""
    where, params = _filters(conn, **filters)
    return int(conn.execute(f"SELECT COUNT(*) FROM events e WHERE {where}", params).fetchone()[0])


def event_date_range(conn: sqlite3.Connection) -> dict[str, str | None]:
    """``{"from", "until"}``: the earliest start and latest end date of the active events."""
    first, last = conn.execute(
        "SELECT MIN(date_start), MAX(date_end) FROM events WHERE status = 'active' AND canonical_id IS NULL"
    ).fetchone()
    return {"from": first, "until": last}


def document_evidence(conn: sqlite3.Connection, document_id: int) -> list[dict[str, Any]]:
    """Every evidence span in one document: ``subject_kind``, ``subject_id``, ``role``, offsets and text."""
    rows = conn.execute(
        "SELECT subject_kind, subject_id, role, sentence, start, end, text FROM evidence "
        "WHERE document_id = ? ORDER BY start, id",
        (document_id,),
    )
    return [dict(r) for r in rows]
