"""What an incremental run must re-derive: the actor pairs and places its new reports touch.

After a run that only added reports (no correction, no merge, no re-processing), relations need
re-deriving only for the pairs of actors of the touched canonical events (and pairs stated in new
documents), control only for their places, and event contradictions only for those events.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from faultlines.reconcile.actors import ActorFold
from faultlines.reconcile.groups import fill_temp

INPUTS_KEY = "reconcile_inputs"


@dataclass
class Scope:
    """Pairs (folded ids, sorted), places and canonical events to re-derive."""

    pairs: set[tuple[str, str]] = field(default_factory=set)
    places: set[int] = field(default_factory=set)
    groups: set[int] = field(default_factory=set)

    def has_pair(self, a: str | None, b: str | None, folds: ActorFold) -> bool:
        """True when the folded pair of ``a`` and ``b`` is in scope."""
        fa, fb = folds.fold(a), folds.fold(b)
        return fa is not None and fb is not None and (min(fa, fb), max(fa, fb)) in self.pairs


def inputs(conn: sqlite3.Connection) -> dict[str, Any]:
    """What decides whether a run may be incremental: corrections, actor merges and renames, rejections,
    the number of active events and the last mention seen."""
    return {
        "structural": [
            list(conn.execute("SELECT COUNT(*), MAX(id) FROM corrections").fetchone()),
            list(conn.execute("SELECT COUNT(merged_into), COUNT(renamed_to) FROM actors").fetchone()),
            conn.execute("SELECT COUNT(*) FROM events WHERE status != 'active'").fetchone()[0],
        ],
        "active": conn.execute("SELECT COUNT(*) FROM events WHERE status = 'active'").fetchone()[0],
        "mentions": conn.execute("SELECT COALESCE(MAX(id), 0) FROM mentions").fetchone()[0],
    }


def previous_inputs(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """The inputs recorded by the last derivation, or None."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (INPUTS_KEY,)).fetchone()
    try:
        return dict(json.loads(row[0])) if row else None
    except (ValueError, TypeError):
        return None


def record_inputs(conn: sqlite3.Connection, now: dict[str, Any]) -> None:
    """Remember the inputs of this derivation."""
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (INPUTS_KEY, json.dumps(now)))


def touched_scope(conn: sqlite3.Connection, folds: ActorFold, groups: set[int]) -> Scope:
    """Pairs and places of every member of the touched canonical events."""
    scope = Scope(groups=set(groups))
    fill_temp(conn, "scope_groups", groups)
    actors: dict[int, set[str]] = {}
    for key, a1, a2, place in conn.execute(
        "SELECT COALESCE(canonical_id, id), actor1_id, actor2_id, place_id FROM events WHERE status = 'active' "
        "AND (id IN (SELECT id FROM temp.scope_groups) OR canonical_id IN (SELECT id FROM temp.scope_groups))"
    ):
        actors.setdefault(key, set()).update(f for f in (folds.fold(a1), folds.fold(a2)) if f)
        if place is not None:
            scope.places.add(place)
    for folded in actors.values():
        scope.pairs.update((min(a, b), max(a, b)) for a, b in itertools.combinations(sorted(folded), 2))
    return scope


def scope_keys(conn: sqlite3.Connection, folds: ActorFold, scope: Scope) -> set[int]:
    """Canonical events with a member naming an actor of a scoped pair or placed at a scoped place."""
    members = {a for pair in scope.pairs for a in pair}
    actor_ids = [aid for aid in folds.kind if folds.fold(aid) in members]
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS scope_actors (id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.scope_actors")
    conn.executemany("INSERT OR IGNORE INTO temp.scope_actors (id) VALUES (?)", [(a,) for a in actor_ids])
    fill_temp(conn, "scope_places", scope.places)
    candidates = {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT COALESCE(canonical_id, id) FROM events WHERE status = 'active' AND ("
            "actor1_id IN (SELECT id FROM temp.scope_actors) OR actor2_id IN (SELECT id FROM temp.scope_actors) "
            "OR place_id IN (SELECT id FROM temp.scope_places))"
        )
    }
    fill_temp(conn, "scope_candidates", candidates)
    actors: dict[int, set[str]] = {}
    keys: set[int] = set()
    for key, a1, a2, place in conn.execute(
        "SELECT COALESCE(canonical_id, id), actor1_id, actor2_id, place_id FROM events WHERE status = 'active' "
        "AND (id IN (SELECT id FROM temp.scope_candidates) OR canonical_id IN (SELECT id FROM temp.scope_candidates))"
    ):
        actors.setdefault(key, set()).update(f for f in (folds.fold(a1), folds.fold(a2)) if f)
        if place in scope.places:
            keys.add(key)
    for key, folded in actors.items():
        if any((min(a, b), max(a, b)) in scope.pairs for a, b in itertools.combinations(folded, 2)):
            keys.add(key)
    return keys


def stored_in_scope(conn: sqlite3.Connection, folds: ActorFold, scope: Scope) -> dict[str, set[int]]:
    """Ids of derived relation and control rows inside the scope (the rows a scoped sync may replace)."""
    relations = {
        rid
        for rid, a, b in conn.execute("SELECT id, actor_a, actor_b FROM relations WHERE signature IS NOT NULL")
        if scope.has_pair(a, b, folds)
    }
    control = {
        rid
        for rid, place in conn.execute("SELECT id, place_id FROM control WHERE signature IS NOT NULL")
        if place in scope.places
    }
    return {"relation": relations, "control": control}
