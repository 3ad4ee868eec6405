"""The timeline of an actor (or of a pair): its events, relation changes and changes of control, by date.

An actor stands for all its names: analyst merges and renames (ISI -> ISIL -> IS) are folded together.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from faultlines.errors import NotFoundError
from faultlines.query import events as events_query
from faultlines.query.control import list_control
from faultlines.query.facts import actor_ref, same_actor_ids
from faultlines.query.relations import list_relations
from faultlines.store.actors import find_actor


def get_event(conn: sqlite3.Connection, event_id: int) -> dict[str, Any]:
    """One event as ``faultlines events --json`` shows it, plus ``source_count``, ``status`` and
    ``canonical_id`` (the event it was merged into) and ``duplicates`` (events merged into it)."""
    row = conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no event {event_id}", hint="`faultlines events` lists the event ids")
    event = events_query._as_dict(conn, row)
    event.update(
        {
            "fingerprint": row["fingerprint"],
            "status": row["status"],
            "canonical_id": row["canonical_id"],
            "source_count": row["source_count"],
            "duplicates": [r[0] for r in conn.execute("SELECT id FROM events WHERE canonical_id = ?", (event_id,))],
        }
    )
    return event


def actor_timeline(conn: sqlite3.Connection, actor: str, with_actor: str | None = None) -> dict[str, Any]:
    """``{"actor", "with", "items"}``; each item has ``date``, ``kind`` (event, relation_opens,
    relation_closes, control_gained, control_lost) and the ``event``, ``relation`` or ``control`` it is about."""
    ids = same_actor_ids(conn, actor)
    other = same_actor_ids(conn, with_actor) if with_actor else None
    items = _event_items(conn, ids, other) + _relation_items(conn, ids, other)
    if other is None:
        items += _control_items(conn, ids)
    items.sort(key=lambda i: (i["date"] is None, i["date"] or "", i["kind"]))
    main_id = find_actor(conn, actor)
    return {
        "actor": actor_ref(conn, main_id),
        "with": actor_ref(conn, find_actor(conn, with_actor)) if with_actor else None,
        "items": items,
    }


def _event_items(conn: sqlite3.Connection, ids: set[str], other: set[str] | None) -> list[dict[str, Any]]:
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT * FROM events WHERE status = 'active' AND canonical_id IS NULL "
        f"AND (actor1_id IN ({marks}) OR actor2_id IN ({marks}))",
        [*ids, *ids],
    ).fetchall()
    items = []
    for row in rows:
        if other is not None and not {row["actor1_id"], row["actor2_id"]} & other:
            continue
        items.append({"date": row["date_start"], "kind": "event", "event": events_query._as_dict(conn, row)})
    return items


def _relation_items(conn: sqlite3.Connection, ids: set[str], other: set[str] | None) -> list[dict[str, Any]]:
    items = []
    for rel in list_relations(conn):
        sides = {rel["a"]["id"] if rel["a"] else None, rel["b"]["id"] if rel["b"] else None}
        if not sides & ids or (other is not None and not sides & other):
            continue
        items.append({"date": rel["from"], "kind": "relation_opens", "relation": rel})
        if rel["until"]:
            items.append({"date": rel["until"], "kind": "relation_closes", "relation": rel})
    return items


def _control_items(conn: sqlite3.Connection, ids: set[str]) -> list[dict[str, Any]]:
    items = []
    for ctl in list_control(conn):
        if ctl["holder"] and ctl["holder"]["id"] in ids:
            items.append({"date": ctl["from"], "kind": "control_gained", "control": ctl})
            if ctl["until"]:
                items.append({"date": ctl["until"], "kind": "control_lost", "control": ctl})
    return items
