"""What exports read from the store: filtered events, one at a time, and the facts around them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from faultlines.query import events as query_events
from faultlines.store.actors import canonical_id


@dataclass(frozen=True)
class Filters:
    """The filters every export accepts; ``None`` means no filter."""

    actor: str | None = None
    event_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None

    def given(self) -> list[str]:
        """Names of the filters that are set."""
        return [name for name, value in vars(self).items() if value]


def iter_events(conn: sqlite3.Connection, filters: Filters) -> Iterator[dict[str, Any]]:
    """Events in ``faultlines events --json`` shape, read from the store one at a time."""
    return query_events.iter_events(
        conn,
        actor=filters.actor,
        event_type=filters.event_type,
        date_from=filters.date_from,
        date_to=filters.date_to,
        place=filters.place,
    )


@dataclass(frozen=True)
class ActorInfo:
    """What an export needs to know about a canonical actor."""

    id: str
    name: str
    kind: str
    country: str | None
    parent_id: str | None
    active_from: str | None
    active_until: str | None


@dataclass(frozen=True)
class EventExtras:
    """Columns of an event that its JSON shape leaves out."""

    acled_precision: int | None
    geonames_id: int | None
    feature: str | None
    created_at: str | None
    sources: tuple[str, ...]


class StoreFacts:
    """Cached look-ups of actors, place precision and document sources for one export run."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._actors: dict[str, ActorInfo | None] = {}
        self._sources: dict[int, tuple[str, ...]] = {}

    def actor(self, actor_id: str | None) -> ActorInfo | None:
        """The actor an id now stands for (merges followed), or None."""
        if not actor_id:
            return None
        if actor_id not in self._actors:
            row = self.conn.execute(
                "SELECT id, name, kind, country, parent_id, active_from, active_until FROM actors WHERE id = ?",
                (canonical_id(self.conn, actor_id),),
            ).fetchone()
            self._actors[actor_id] = ActorInfo(*row) if row else None
        return self._actors[actor_id]

    def effective_kind(self, actor_id: str | None) -> str | None:
        """The actor's kind; a person takes the kind of the organisation they belong to."""
        seen: set[str] = set()
        info = self.actor(actor_id)
        while info is not None and info.kind == "person" and info.parent_id and info.id not in seen:
            seen.add(info.id)
            parent = self.actor(info.parent_id)
            if parent is None:
                break
            info = parent
        return info.kind if info else None

    def document_sources(self, document_id: int) -> tuple[str, ...]:
        """Names of every source that carried a document (its syndicated copies included)."""
        if document_id not in self._sources:
            rows = self.conn.execute(
                "SELECT source FROM documents WHERE id = ? AND source IS NOT NULL "
                "UNION ALL SELECT source FROM document_sources WHERE document_id = ? AND source IS NOT NULL",
                (document_id, document_id),
            )
            names = dict.fromkeys(r[0] for r in rows if r[0])
            self._sources[document_id] = tuple(names)
        return self._sources[document_id]

    def extras(self, event: dict[str, Any]) -> EventExtras:
        """Place precision, gazetteer id, creation time and sources of one event."""
        row = self.conn.execute(
            "SELECT e.created_at, e.document_id, p.acled_precision, p.geonames_id, p.feature "
            "FROM events e LEFT JOIN places p ON p.id = e.place_id WHERE e.id = ?",
            (event["id"],),
        ).fetchone()
        documents = dict.fromkeys([row["document_id"], *(ev["document"] for ev in event["evidence"])])
        sources = dict.fromkeys(name for doc in documents for name in self.document_sources(doc))
        return EventExtras(
            row["acled_precision"], row["geonames_id"], row["feature"], row["created_at"], tuple(sources)
        )

    @cached_property
    def version(self) -> str:
        """The faultlines version that wrote the export."""
        from faultlines import __version__

        return __version__
