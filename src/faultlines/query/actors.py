"""Read actors: who was seen, under which names, how often and when."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from faultlines.store.actors import canonical_id, find_actor


def _merged_map(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Canonical actor id -> every actor id merged into it (itself included)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for (actor_id,) in conn.execute("SELECT id FROM actors WHERE merged_into IS NOT NULL"):
        groups[canonical_id(conn, actor_id)].append(actor_id)
    return groups


def _seen(conn: sqlite3.Connection, ids: list[str]) -> dict[str, Any]:
    marks = ",".join("?" * len(ids))
    row = conn.execute(
        f"SELECT COUNT(*), MIN(d.published), MAX(d.published), COUNT(DISTINCT m.document_id) "
        f"FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.actor_id IN ({marks})",
        ids,
    ).fetchone()
    surfaces = [
        r[0]
        for r in conn.execute(
            f"SELECT text FROM mentions WHERE actor_id IN ({marks}) GROUP BY lower(text) ORDER BY COUNT(*) DESC",
            ids,
        )
    ]
    return {
        "mentions": row[0],
        "first_seen": row[1],
        "last_seen": row[2],
        "documents": row[3],
        "seen_as": surfaces,
    }


def _aliases(conn: sqlite3.Connection, ids: list[str]) -> list[str]:
    marks = ",".join("?" * len(ids))
    names = [r[0] for r in conn.execute(f"SELECT name FROM actors WHERE id IN ({marks})", ids)]
    names += [r[0] for r in conn.execute(f"SELECT alias FROM actor_aliases WHERE actor_id IN ({marks})", ids)]
    return list(dict.fromkeys(names))


def describe_actor(conn: sqlite3.Connection, actor_id: str) -> dict[str, Any]:
    """One actor as the CLI and API show it (merged actors folded into their survivor)."""
    row = conn.execute(
        "SELECT id, name, kind, country, parent_id, active_from, active_until, ucdp_id, provisional, origin, "
        "renamed_to FROM actors WHERE id = ?",
        (actor_id,),
    ).fetchone()
    ids = [actor_id, *_merged_map(conn).get(actor_id, [])]
    seen = _seen(conn, ids)
    aliases = list(dict.fromkeys([*_aliases(conn, ids), *seen.pop("seen_as")]))
    parent = None
    if row["parent_id"]:
        prow = conn.execute("SELECT id, name FROM actors WHERE id = ?", (row["parent_id"],)).fetchone()
        parent = dict(prow) if prow else {"id": row["parent_id"], "name": None}
    return {
        "id": row["id"],
        "name": row["name"],
        "kind": row["kind"],
        "country": row["country"],
        "parent": parent,
        "aliases": aliases,
        "provisional": bool(row["provisional"]),
        "origin": row["origin"],
        "active_from": row["active_from"],
        "active_until": row["active_until"],
        "ucdp_id": row["ucdp_id"],
        "renamed_to": row["renamed_to"],
        "merged": ids[1:],
        **seen,
    }


def list_actors(
    conn: sqlite3.Connection, *, search: str | None = None, include_unseen: bool = False, limit: int = 200
) -> list[dict[str, Any]]:
    """Actors seen in the corpus (or all, with ``include_unseen``), most mentioned first.

    ``search`` matches canonical names and aliases, case-insensitively.
    """
    params: list[Any] = []
    where = ["a.merged_into IS NULL"]
    if search:
        where.append(
            "(a.name LIKE ? OR a.id IN (SELECT actor_id FROM actor_aliases WHERE alias LIKE ?) "
            "OR a.id IN (SELECT actor_id FROM mentions WHERE text LIKE ?))"
        )
        params += [f"%{search}%"] * 3
    having = "" if include_unseen or search else "HAVING mentions > 0"
    rows = conn.execute(
        f"SELECT a.id, (SELECT COUNT(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions FROM actors a "
        f"WHERE {' AND '.join(where)} GROUP BY a.id {having} ORDER BY mentions DESC, a.name LIMIT ?",
        [*params, limit],
    ).fetchall()
    actors = [describe_actor(conn, r[0]) for r in rows]
    return sorted(actors, key=lambda a: (-a["mentions"], a["name"]))


def show_actor(conn: sqlite3.Connection, ref: str) -> dict[str, Any]:
    """The actor named by id, name or alias."""
    return describe_actor(conn, find_actor(conn, ref))
