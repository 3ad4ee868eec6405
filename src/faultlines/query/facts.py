"""Shared readers for the facts the reconciler derives: actor and place references, evidence, dates."""

from __future__ import annotations

import sqlite3
from typing import Any

from faultlines.store.actors import canonical_id


def actor_ref(conn: sqlite3.Connection, actor_id: str | None) -> dict[str, Any] | None:
    """``{"id", "name"}`` of the actor an id now stands for (merges followed), or None."""
    if not actor_id:
        return None
    actor_id = canonical_id(conn, actor_id)
    row = conn.execute("SELECT id, name FROM actors WHERE id = ?", (actor_id,)).fetchone()
    return {"id": row["id"], "name": row["name"]} if row else None


def place_ref(conn: sqlite3.Connection, place_id: int | None, precision: str | None = None) -> dict[str, Any] | None:
    """A place as events show it: name, coordinates, country, admin1 and precision."""
    if place_id is None:
        return None
    row = conn.execute(
        "SELECT id, name, latitude, longitude, country, admin1, precision FROM places WHERE id = ?", (place_id,)
    ).fetchone()
    if row is None:
        return None
    place = dict(row)
    if precision is not None:
        place["precision"] = precision
    return place


def evidence_for(conn: sqlite3.Connection, subject_kind: str, subject_id: int) -> list[dict[str, Any]]:
    """Evidence rows of one fact, as ``document``, ``sentence``, ``start``, ``end``, ``text`` and ``role``."""
    rows = conn.execute(
        "SELECT document_id AS document, sentence, start, end, text, role FROM evidence "
        "WHERE subject_kind = ? AND subject_id = ? ORDER BY document_id, start",
        (subject_kind, subject_id),
    )
    return [dict(r) for r in rows]


def valid_at(valid_from: str | None, valid_until: str | None, at: str) -> bool:
    """True when the interval [from, until) contains the ISO date ``at``; open ends are unbounded."""
    return (valid_from is None or valid_from <= at) and (valid_until is None or at < valid_until)
