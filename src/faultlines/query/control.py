"""Read territorial control intervals per place, optionally those valid at a date."""

from __future__ import annotations

import sqlite3
from typing import Any

from faultlines.query.facts import actor_ref, evidence_for, place_ref, valid_at


def _as_dict(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "place": place_ref(conn, row["place_id"]),
        "holder": actor_ref(conn, row["holder_id"]),
        "from": row["valid_from"],
        "from_precision": row["from_precision"],
        "until": row["valid_until"],
        "until_precision": row["until_precision"],
        "confidence": row["confidence"],
        "evidence": evidence_for(conn, "control", row["id"]),
    }


def list_control(conn: sqlite3.Connection, *, place: str | None = None, at: str | None = None) -> list[dict[str, Any]]:
    """Control intervals by place then start date; ``place`` matches a place or region name (substring)."""
    sql = "SELECT c.* FROM control c JOIN places p ON p.id = c.place_id"
    params: list[Any] = []
    if place:
        sql += " WHERE p.name LIKE ? OR p.admin1 LIKE ?"
        params += [f"%{place}%", f"%{place}%"]
    sql += " ORDER BY p.name, c.valid_from IS NOT NULL, c.valid_from, c.id"
    rows = conn.execute(sql, params).fetchall()
    return [_as_dict(conn, row) for row in rows if not at or valid_at(row["valid_from"], row["valid_until"], at)]
