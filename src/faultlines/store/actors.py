"""Actors in the store: the knowledge base copy, discovered actors, and analyst corrections.

Analyst corrections are rows of ``corrections``; :func:`apply_corrections` replays them, so a
re-processing (which rebuilds mentions and discovered actors) keeps every decision.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from faultlines.errors import NotFoundError, UsageError
from faultlines.store import event_corrections
from faultlines.store.db import utcnow

log = logging.getLogger(__name__)

KB_VERSION_KEY = "actor_kb_version"


class KBActor(Protocol):
    """What the store needs of a knowledge-base actor."""

    id: str
    name: str
    kind: str
    country: str | None
    parent: str | None
    active_from: str | None
    active_until: str | None
    ucdp_id: int | None
    renamed_to: str | None

    def names(self) -> list[str]: ...


def kb_fingerprint(actors: list[KBActor]) -> str:
    """A short hash of the KB content, to skip re-syncing an unchanged KB."""
    digest = hashlib.sha256()
    for actor in actors:
        digest.update(
            json.dumps(
                [
                    actor.id,
                    actor.name,
                    actor.kind,
                    actor.country,
                    actor.parent,
                    actor.renamed_to,
                    sorted(actor.names()),
                ]
            ).encode()
        )
    return digest.hexdigest()[:16]


def sync_kb(conn: sqlite3.Connection, actors: Iterable[KBActor], alias_key: Callable[[str], str]) -> int:
    """Copy the knowledge base into the ``actors`` tables (inside the caller's transaction).

    Unchanged KB: nothing is written. Columns set by analysts (``merged_into``) are kept.
    Returns the number of KB actors written.
    """
    listed = list(actors)
    fingerprint = kb_fingerprint(listed)
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (KB_VERSION_KEY,)).fetchone()
    if row and row[0] == fingerprint:
        return 0
    conn.execute("PRAGMA defer_foreign_keys = ON")
    conn.executemany(
        "INSERT INTO actors (id, name, kind, country, parent_id, active_from, active_until, ucdp_id, "
        "provisional, origin, renamed_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'kb', ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
        "country = excluded.country, parent_id = excluded.parent_id, active_from = excluded.active_from, "
        "active_until = excluded.active_until, ucdp_id = excluded.ucdp_id, renamed_to = excluded.renamed_to",
        [
            (
                a.id,
                a.name,
                a.kind,
                a.country,
                a.parent,
                a.active_from,
                a.active_until,
                a.ucdp_id,
                a.renamed_to,
            )
            for a in listed
        ],
    )
    conn.execute("DELETE FROM actor_aliases WHERE origin = 'kb'")
    conn.executemany(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, alias_key, origin) VALUES (?, ?, ?, 'kb')",
        [(a.id, name, key) for a in listed for name in a.names() if (key := alias_key(name))],
    )
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (KB_VERSION_KEY, fingerprint))
    return len(listed)


def ensure_discovered(
    conn: sqlite3.Connection, actor_id: str, name: str, kind: str, aliases: Iterable[tuple[str, str]]
) -> None:
    """Create (or extend with new aliases) a provisional actor found in the corpus."""
    conn.execute(
        "INSERT OR IGNORE INTO actors (id, name, kind, provisional, origin) VALUES (?, ?, ?, 1, 'discovered')",
        (actor_id, name, kind),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, alias_key, origin) VALUES (?, ?, ?, 'text')",
        [(actor_id, alias, key) for alias, key in aliases if key],
    )


def discovered_owner(conn: sqlite3.Connection, key: str, actor_id: str) -> str | None:
    """The discovered actor (canonical id) that another document already knows by the alias key
    ``key``, when it is not ``actor_id``; None otherwise. Only discovered actors are looked at: a KB
    alias the resolver passed over was passed over for a reason (a date, a country)."""
    row = conn.execute(
        "SELECT al.actor_id FROM actor_aliases al JOIN actors a ON a.id = al.actor_id "
        "WHERE al.alias_key = ? AND al.actor_id != ? AND a.origin = 'discovered' ORDER BY a.id LIMIT 1",
        (key, actor_id),
    ).fetchone()
    if row is None:
        return None
    owner = canonical_id(conn, row[0])
    return None if owner == canonical_id(conn, actor_id) else owner


def link_discovered(conn: sqlite3.Connection, keep: str, other: str) -> None:
    """One document names discovered actors ``keep`` and ``other`` as one group ("Jaysh al-Fateh,
    or the Army of Conquest", where another report said only "Army of Conquest"): ``other`` is
    merged into ``keep``, as an analyst merge would do, and the log says so."""
    log.info("discovered actors linked across documents: %s merged into %s", other, keep)
    conn.execute("UPDATE actors SET merged_into = ? WHERE id = ? AND merged_into IS NULL", (keep, other))


def find_actor(conn: sqlite3.Connection, ref: str) -> str:
    """The id of the actor named by ``ref``: an id, a canonical name or an alias."""
    row = conn.execute("SELECT id FROM actors WHERE id = ?", (ref,)).fetchone()
    row = (
        row
        or conn.execute(
            "SELECT id FROM actors WHERE name = ? COLLATE NOCASE ORDER BY provisional, id LIMIT 1", (ref,)
        ).fetchone()
    )
    row = (
        row
        or conn.execute(
            "SELECT a.id FROM actor_aliases al JOIN actors a ON a.id = al.actor_id "
            "WHERE al.alias = ? COLLATE NOCASE ORDER BY a.provisional, a.id LIMIT 1",
            (ref,),
        ).fetchone()
    )
    if row is None:
        raise NotFoundError(f"no actor called {ref!r}", hint="`faultlines actors --search WORD` finds actors")
    return str(canonical_id(conn, row[0]))


def canonical_id(conn: sqlite3.Connection, actor_id: str) -> str:
    """Follow analyst merges to the actor that now stands for ``actor_id``."""
    seen = {actor_id}
    while True:
        row = conn.execute("SELECT merged_into FROM actors WHERE id = ?", (actor_id,)).fetchone()
        if row is None or row[0] is None or row[0] in seen:
            return actor_id
        actor_id = row[0]
        seen.add(actor_id)


def record_correction(conn: sqlite3.Connection, kind: str, target: str, payload: dict[str, Any]) -> int:
    """Store an analyst correction and apply it now; it is replayed after every re-processing."""
    cursor = conn.execute(
        "INSERT INTO corrections (kind, target, payload, created_at) VALUES (?, ?, ?, ?)",
        (kind, target, json.dumps(payload), utcnow()),
    )
    _APPLY[kind](conn, target, payload)
    return int(cursor.lastrowid or 0)


def apply_corrections(conn: sqlite3.Connection) -> int:
    """Replay every analyst correction in the order it was made; return how many."""
    rows = conn.execute("SELECT kind, target, payload FROM corrections WHERE undone = 0 ORDER BY id").fetchall()
    for kind, target, payload in rows:
        _APPLY[kind](conn, target, json.loads(payload))
    return len(rows)


def _merge(conn: sqlite3.Connection, keep: str, payload: dict[str, Any]) -> None:
    other = payload["other"]
    if canonical_id(conn, keep) == canonical_id(conn, other):
        return
    conn.execute("UPDATE actors SET merged_into = ? WHERE id = ?", (keep, other))


def _add_alias(conn: sqlite3.Connection, actor_id: str, payload: dict[str, Any]) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, alias_key, origin) VALUES (?, ?, ?, 'analyst')",
        (actor_id, payload["alias"], payload["key"]),
    )
    conn.execute(
        "UPDATE mentions SET actor_id = ? WHERE kind = 'actor' AND json_extract(value, '$.key') = ?",
        (actor_id, payload["key"]),
    )


def _split(conn: sqlite3.Connection, actor_id: str, payload: dict[str, Any]) -> None:
    """Move some aliases (and the mentions under them) of ``actor_id`` to a new actor."""
    new_id = payload["new_id"]
    row = conn.execute("SELECT kind, country FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None:
        return
    conn.execute(
        "INSERT OR IGNORE INTO actors (id, name, kind, country, provisional, origin) VALUES (?, ?, ?, ?, 0, 'analyst')",
        (new_id, payload["name"], row[0], row[1]),
    )
    for alias, key in payload["aliases"]:
        conn.execute("DELETE FROM actor_aliases WHERE actor_id = ? AND alias_key = ?", (actor_id, key))
        conn.execute(
            "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, alias_key, origin) VALUES (?, ?, ?, 'analyst')",
            (new_id, alias, key),
        )
        conn.execute(
            "UPDATE mentions SET actor_id = ? WHERE kind = 'actor' AND actor_id = ? "
            "AND json_extract(value, '$.key') = ?",
            (new_id, actor_id, key),
        )


_APPLY: dict[str, Callable[[sqlite3.Connection, str, dict[str, Any]], None]] = {
    "merge_actors": _merge,
    "add_alias": _add_alias,
    "split_actor": _split,
    "reject_event": event_corrections.apply_reject,
    "edit_event": event_corrections.apply_edit,
}


def analyst_aliases(conn: sqlite3.Connection) -> dict[str, str]:
    """Alias key -> actor id for every alias an analyst added or moved (used by resolution)."""
    rows = conn.execute("SELECT alias_key, actor_id FROM actor_aliases WHERE origin = 'analyst' ORDER BY actor_id")
    return {key: actor_id for key, actor_id in rows}


def check_distinct(a: str, b: str) -> None:
    """Refuse to merge an actor with itself."""
    if a == b:
        raise UsageError(f"{a!r} and {b!r} are already the same actor", hint="name two different actors")
