"""Read relations between actors as intervals, optionally those valid at a date or involving an actor."""

from __future__ import annotations

import sqlite3
from typing import Any

from faultlines.query.facts import actor_ref, evidence_for, valid_at
from faultlines.store.actors import canonical_id, find_actor


def _as_dict(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "a": actor_ref(conn, row["actor_a"]),
        "b": actor_ref(conn, row["actor_b"]),
        "kind": row["kind"],
        "from": row["valid_from"],
        "from_precision": row["from_precision"],
        "until": row["valid_until"],
        "until_precision": row["until_precision"],
        "confidence": row["confidence"],
        "evidence": evidence_for(conn, "relation", row["id"]),
    }


def list_relations(
    conn: sqlite3.Connection, *, at: str | None = None, actor: str | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    """Active relations ordered by start date; ``at`` keeps those valid on that ISO date.

    ``actor`` (id, name or alias) keeps relations with that actor on either side.
    """
    rows = conn.execute(
        "SELECT * FROM relations WHERE status = 'active' ORDER BY valid_from IS NULL, valid_from, id"
    ).fetchall()
    actor_id = find_actor(conn, actor) if actor else None
    out = []
    for row in rows:
        if at and not valid_at(row["valid_from"], row["valid_until"], at):
            continue
        if kind and row["kind"] != kind:
            continue
        if actor_id and actor_id not in (canonical_id(conn, row["actor_a"]), canonical_id(conn, row["actor_b"])):
            continue
        out.append(_as_dict(conn, row))
    return out
