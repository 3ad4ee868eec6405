"""Read relations between actors as intervals, optionally those valid at a date or involving an actor."""

from __future__ import annotations

import sqlite3
from typing import Any

from faultlines.query.facts import RefCache, interval_fields, same_actor_ids, valid_at_sql


def _as_dict(refs: RefCache, row: sqlite3.Row, evidence: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "a": refs.actor(row["actor_a"]),
        "b": refs.actor(row["actor_b"]),
        "kind": row["kind"],
        **interval_fields(row),
        "evidence": evidence,
    }


def list_relations(
    conn: sqlite3.Connection, *, at: str | None = None, actor: str | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    """Active relations ordered by start date; ``at`` keeps those valid on that ISO date.

    ``actor`` (id, name or alias) keeps relations with that actor on either side, under any of its names
    (analyst merges and renames folded). ``kind`` keeps one relation kind.
    """
    where, params = valid_at_sql(at)
    sql = f"SELECT * FROM relations WHERE status = 'active' AND {where}"
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    if actor:
        ids = sorted(same_actor_ids(conn, actor))
        marks = ",".join("?" * len(ids))
        sql += f" AND (actor_a IN ({marks}) OR actor_b IN ({marks}))"
        params += ids + ids
    rows = conn.execute(sql + " ORDER BY valid_from IS NULL, valid_from, id", params).fetchall()
    refs = RefCache(conn)
    evidence = refs.evidence_of("relation", rows)
    return [_as_dict(refs, row, evidence[row["id"]]) for row in rows]
