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

from faultlines.query import documents as documents_query
from faultlines.query import stats as stats_query
from faultlines.progress import Progress
from faultlines.store import connect


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

    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds."""
        return stats_query.store_stats(self.conn)


def open(path: str | Path = "faultlines.db") -> Faultlines:  # noqa: A001 - mirrors builtins.open
    """Open (creating and migrating if needed) the faultlines database at ``path``."""
    return Faultlines(connect(path), Path(path))
