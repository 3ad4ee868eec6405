"""Read territorial control intervals per place, optionally those valid at a date."""

from __future__ import annotations

import sqlite3
from typing import Any

from faultlines.query.facts import RefCache, interval_fields, place_name_filter, valid_at_sql


def _as_dict(refs: RefCache, row: sqlite3.Row, evidence: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "place": refs.place(row["place_id"]),
        "holder": refs.actor(row["holder_id"]),
        **interval_fields(row),
        "evidence": evidence,
    }


def list_control(conn: sqlite3.Connection, *, place: str | None = None, at: str | None = None) -> list[dict[str, Any]]:
    """Control intervals by place then start date; ``place`` matches a place or region name, or a
    name the reports used for the place (substring)."""
    where, at_params = valid_at_sql(at)
    sql = f"SELECT c.* FROM control c JOIN places p ON p.id = c.place_id WHERE {where}"
    params: list[Any] = list(at_params)
    if place:
        condition, values = place_name_filter("c.place_id", place)
        sql += f" AND {condition}"
        params += values
    sql += " ORDER BY p.name, c.valid_from IS NOT NULL, c.valid_from, c.id"
    rows = conn.execute(sql, params).fetchall()
    refs = RefCache(conn)
    evidence = refs.evidence_of("control", rows)
    return [_as_dict(refs, row, evidence[row["id"]]) for row in rows]
