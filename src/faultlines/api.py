"""The Python API: everything the CLI, the REST API and the web UI do goes through here.

import faultlines
with faultlines.open("faultlines.db") as fl:
    summary = fl.ingest(["articles/"])
    for doc in fl.documents():
        print(doc["id"], doc["title"], doc["published"])
"""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from faultlines.errors import NotFoundError, UsageError
from faultlines.kb.normalise import normalise_alias as _alias_key
from faultlines.progress import Progress
from faultlines.query import actors as actors_query
from faultlines.query import contradictions as contradictions_query
from faultlines.query import control as control_query
from faultlines.query import documents as documents_query
from faultlines.query import events as events_query
from faultlines.query import relations as relations_query
from faultlines.query import state as state_query
from faultlines.query import stats as stats_query
from faultlines.query import timeline as timeline_query
from faultlines.reconcile import reopen_actor_events
from faultlines.store import actors as store_actors
from faultlines.store import connect, transaction

_EDIT_FIELDS = ("type", "date_start", "date_end", "date_precision", "place", "actor1", "actor2", "fatalities")


class Faultlines:
    """A faultlines store: one SQLite database and the operations on it."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def __enter__(self) -> Faultlines:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self.conn.close()

    def ingest(
        self,
        paths: Sequence[str],
        *,
        stdin: IO[str] | None = None,
        fields: dict[str, str] | None = None,
        input_format: str | None = None,
        max_bytes: int | None = None,
        workers: int = 1,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """Read ``paths`` (files, folders, ``-`` for ``stdin``), store new documents and process them.

        Returns the summary: ``documents_added``, ``duplicates``, ``skipped`` (origin and
        reason of each input that could not be used), and counts of what processing found.
        """
        from faultlines.ingest.pipeline import IngestOptions, run_ingest

        options = IngestOptions(
            fields=fields or {},
            input_format=input_format,
            max_bytes=max_bytes,
            workers=workers,
        )
        return run_ingest(self.conn, paths, options, stdin=stdin, progress=progress)

    def reprocess(self, *, workers: int = 1, progress: Progress | None = None) -> dict[str, Any]:
        """Re-run every processing stage over the stored documents, keeping analyst corrections."""
        from faultlines.ingest.pipeline import reprocess_all

        return reprocess_all(self.conn, workers=workers, progress=progress)

    def documents(self, *, limit: int | None = None) -> builtins.list[dict[str, Any]]:
        """The stored documents, oldest first, with every source that carried each."""
        return documents_query.list_documents(self.conn, limit=limit)

    def document(self, document_id: int) -> dict[str, Any]:
        """One document with its text and sources; raises NotFoundError if it does not exist."""
        return documents_query.get_document(self.conn, document_id)

    # Actors -------------------------------------------------------------------------------

    def actors(
        self, *, search: str | None = None, include_unseen: bool = False, limit: int = 200
    ) -> builtins.list[dict[str, Any]]:
        """Actors seen in the corpus, most mentioned first; ``search`` matches names and aliases."""
        return actors_query.list_actors(self.conn, search=search, include_unseen=include_unseen, limit=limit)

    def actor(self, ref: str) -> dict[str, Any]:
        """One actor by id, name or alias: aliases, kind, country, parent, mentions, first/last seen."""
        return actors_query.show_actor(self.conn, ref)

    def merge_actors(self, keep: str, other: str) -> dict[str, Any]:
        """Record that ``other`` is the same actor as ``keep``; ``keep`` survives. Kept on re-processing."""
        keep_id, other_id = (
            store_actors.find_actor(self.conn, keep),
            store_actors.find_actor(self.conn, other),
        )
        store_actors.check_distinct(keep_id, other_id)
        with transaction(self.conn):
            store_actors.record_correction(self.conn, "merge_actors", keep_id, {"other": other_id})
            reopen_actor_events(self.conn, [keep_id, other_id])
        self.reconcile()
        return self.actor(keep_id)

    def add_alias(self, ref: str, alias: str) -> dict[str, Any]:
        """Add a name under which ``ref`` is known; mentions under that name resolve to it."""
        actor_id = store_actors.find_actor(self.conn, ref)
        key = _alias_key(alias)
        if not key:
            raise UsageError(f"{alias!r} has no letters to match", hint="give the name as the press writes it")
        with transaction(self.conn):
            store_actors.record_correction(self.conn, "add_alias", actor_id, {"alias": alias, "key": key})
        return self.actor(actor_id)

    def split_actor(self, ref: str, aliases: Sequence[str], name: str) -> dict[str, Any]:
        """Move ``aliases`` (and the mentions under them) of ``ref`` to a new actor called ``name``."""
        actor_id = store_actors.find_actor(self.conn, ref)
        if not aliases:
            raise UsageError("nothing to split off", hint="name the aliases to move with --alias (repeatable)")
        new_id = "analyst:" + (_alias_key(name).replace(" ", "-") or "actor")
        payload = {"new_id": new_id, "name": name, "aliases": [[a, _alias_key(a)] for a in aliases]}
        with transaction(self.conn):
            store_actors.record_correction(self.conn, "split_actor", actor_id, payload)
        return self.actor(new_id)

    # Events -------------------------------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        event_type: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        place: str | None = None,
        limit: int | None = None,
    ) -> builtins.list[dict[str, Any]]:
        """Events with actors, place, date, fatalities, modality and evidence, in date order."""
        return events_query.list_events(
            self.conn,
            actor=actor,
            event_type=event_type,
            date_from=date_from,
            date_to=date_to,
            place=place,
            limit=limit,
        )

    def event(self, event_id: int) -> dict[str, Any]:
        """One event with its evidence, source count and merge links; NotFoundError if absent."""
        return timeline_query.get_event(self.conn, event_id)

    def reject_event(self, event_id: int, note: str | None = None) -> dict[str, Any]:
        """Reject an event (kept on re-processing); relations, control and state are re-derived without it."""
        fingerprint = self._fingerprint(event_id)
        with transaction(self.conn):
            correction = store_actors.record_correction(self.conn, "reject_event", fingerprint, {"note": note})
            self.conn.execute("UPDATE corrections SET note = ? WHERE id = ?", (note, correction))
        self.reconcile()
        return self.event(event_id)

    def edit_event(self, event_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        """Correct an event: ``type``, ``date_start``/``date_end``/``date_precision``, ``place`` (a stored place
        name), ``actor1``/``actor2`` (id, name or alias), ``fatalities``. Kept on re-processing."""
        fingerprint = self._fingerprint(event_id)
        columns = self._edit_columns(changes)
        with transaction(self.conn):
            store_actors.record_correction(self.conn, "edit_event", fingerprint, {"changes": columns})
        self.reconcile()
        row = self.conn.execute("SELECT id FROM events WHERE fingerprint = ?", (fingerprint,)).fetchone()
        return self.event(int(row[0]))

    def _fingerprint(self, event_id: int) -> str:
        row = self.conn.execute("SELECT fingerprint FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no event {event_id}", hint="`faultlines events` lists the event ids")
        return str(row[0])

    def _edit_columns(self, changes: dict[str, Any]) -> dict[str, Any]:
        unknown = set(changes) - set(_EDIT_FIELDS)
        if unknown or not changes:
            raise UsageError(
                f"cannot edit {', '.join(sorted(unknown)) or 'nothing'}",
                hint="edit type, date_start, date_end, date_precision, place, actor1, actor2 or fatalities",
            )
        columns: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "place":
                columns["place_id"] = self._place_id(value) if value else None
            elif key in ("actor1", "actor2"):
                columns[f"{key}_id"] = store_actors.find_actor(self.conn, value) if value else None
            elif key == "fatalities":
                columns.update(fatalities_best=value, fatalities_low=value, fatalities_high=value)
            else:
                columns[key] = value
        if "date_start" in columns and "date_end" not in columns:
            columns["date_end"] = columns["date_start"]
        return columns

    def _place_id(self, name: str) -> int:
        row = self.conn.execute(
            "SELECT id FROM places WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1", (name,)
        ).fetchone()
        if row is None:
            raise NotFoundError(
                f"no stored place called {name!r}", hint="use a place name as `faultlines events` shows it"
            )
        return int(row[0])

    # Reconciled model ---------------------------------------------------------------------------

    def reconcile(self) -> dict[str, Any]:
        """Merge new reports into canonical events and re-derive relations, control and contradictions."""
        from faultlines.reconcile import reconcile

        return reconcile(self.conn)

    def relations(
        self, *, at: str | None = None, actor: str | None = None, kind: str | None = None
    ) -> builtins.list[dict[str, Any]]:
        """Relation intervals (``a``, ``b``, ``kind``, ``from``, ``until``, ``evidence``), optionally valid ``at``."""
        return relations_query.list_relations(self.conn, at=at, actor=actor, kind=kind)

    def control(self, *, place: str | None = None, at: str | None = None) -> builtins.list[dict[str, Any]]:
        """Control intervals (``place``, ``holder``, ``from``, ``until``, ``evidence``), optionally valid ``at``."""
        return control_query.list_control(self.conn, place=place, at=at)

    def state(self, at: str) -> dict[str, Any]:
        """The relation graph and control map valid on ISO date ``at``."""
        return state_query.state_at(self.conn, at)

    def contradictions(self) -> builtins.list[dict[str, Any]]:
        """Recorded disagreements between sources, each with its claims, evidence and chosen value."""
        return contradictions_query.list_contradictions(self.conn)

    def timeline(self, actor: str, with_actor: str | None = None) -> dict[str, Any]:
        """Events, relation changes and control changes of an actor (or a pair), in date order."""
        return timeline_query.actor_timeline(self.conn, actor, with_actor)

    # Exports ------------------------------------------------------------------------------------

    def export(self, fmt: str, out: str | Path | IO[Any] | None = None, **filters: str | None) -> dict[str, Any]:
        """Write events (acled-csv, plover-json, jsonl, geojson, parquet) or the relation graph (gexf, graphml).

        ``out`` is a path, an open stream or ``None``/``"-"`` for stdout; ``filters`` are ``actor``,
        ``event_type``, ``date_from``, ``date_to`` and ``place`` as for :meth:`events`. Returns the rows
        written and the facts the format cannot hold.
        """
        from faultlines.export import export

        return export(self.conn, fmt, out, **filters)

    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds."""
        return stats_query.store_stats(self.conn)


def open(path: str | Path = "faultlines.db") -> Faultlines:
    """Open (creating and migrating if needed) the faultlines database at ``path``."""
    return Faultlines(connect(path), Path(path))
