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

from faultlines.errors import UsageError
from faultlines.kb.normalise import normalise_alias as _alias_key
from faultlines.progress import Progress
from faultlines.query import actors as actors_query
from faultlines.query import documents as documents_query
from faultlines.query import events as events_query
from faultlines.query import stats as stats_query
from faultlines.store import actors as store_actors
from faultlines.store import connect, transaction


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

    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds."""
        return stats_query.store_stats(self.conn)


def open(path: str | Path = "faultlines.db") -> Faultlines:
    """Open (creating and migrating if needed) the faultlines database at ``path``."""
    return Faultlines(connect(path), Path(path))
