"""Fold actor ids for comparison: analyst merges, rename chains (ISI -> ISIL -> IS) and leaders to groups."""

from __future__ import annotations

import sqlite3

ARMED_GROUP_KINDS = frozenset({"rebel_group", "identity_militia", "political_militia"})
STATE_KINDS = frozenset({"state_forces", "external_force"})


class ActorFold:
    """Maps every actor id to the id of the organisation it stands for, loaded once per run."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._next: dict[str, str] = {}
        self.kind: dict[str, str] = {}
        for row in conn.execute("SELECT id, kind, merged_into, renamed_to, parent_id FROM actors"):
            self.kind[row[0]] = row[1]
            target = row[2] or row[3] or (row[4] if row[1] == "person" else None)
            if target:
                self._next[row[0]] = target
        self._cache: dict[str, str] = {}
        self._shown: dict[str, str] = {
            row[0]: row[1] for row in conn.execute("SELECT id, merged_into FROM actors WHERE merged_into IS NOT NULL")
        }
        self._parent = {
            row[0]: row[1]
            for row in conn.execute("SELECT id, parent_id FROM actors WHERE kind = 'person' AND parent_id IS NOT NULL")
        }

    def shown(self, actor_id: str | None) -> str | None:
        """The id a derived fact names: analyst merges followed and a leader replaced by the group he leads.

        Renames are not followed, so a relation shows the name the reports used.
        """
        if actor_id is None:
            return None
        seen = {actor_id}
        current = actor_id
        while (nxt := self._shown.get(current) or self._parent.get(current)) is not None and nxt not in seen:
            seen.add(nxt)
            current = nxt
        return current

    def fold(self, actor_id: str | None) -> str | None:
        """The root id: merges, renames and (for persons) the parent organisation followed to the end."""
        if actor_id is None:
            return None
        cached = self._cache.get(actor_id)
        if cached is not None:
            return cached
        seen = {actor_id}
        current = actor_id
        while (nxt := self._next.get(current)) is not None and nxt not in seen:
            seen.add(nxt)
            current = nxt
        self._cache[actor_id] = current
        return current

    def is_armed_group(self, actor_id: str | None) -> bool:
        """True for a non-state armed group (rebels, militias) after folding."""
        folded = self.fold(actor_id)
        return folded is not None and self.kind.get(folded) in ARMED_GROUP_KINDS

    def is_state(self, actor_id: str | None) -> bool:
        """True for state or external forces after folding."""
        folded = self.fold(actor_id)
        return folded is not None and self.kind.get(folded) in STATE_KINDS
