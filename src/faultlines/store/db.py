"""SQLite connection, pragmas and named migrations."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from faultlines.errors import DatabaseError

log = logging.getLogger(__name__)

MIGRATIONS_PACKAGE = "faultlines.store.migrations"


def utcnow() -> str:
    """The current UTC time as an ISO string (one place to freeze the clock in tests)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path``, migrated to the latest schema.

    WAL mode lets readers (the web UI) work while an ingest writes; each document is
    written in its own transaction, so a killed run leaves a consistent file.
    """
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise DatabaseError(
            f"cannot create the database {path}: folder {path.parent} does not exist",
            hint="create the folder first or pass another --db path",
        )
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"cannot use {path} as a faultlines database: {exc}",
            hint="point --db (or FAULTLINES_DB) at a faultlines database or a new file name",
        ) from exc
    return conn


def available_migrations() -> list[tuple[str, str]]:
    """The packaged migrations as (name, sql), in name order."""
    folder = resources.files(MIGRATIONS_PACKAGE)
    found = [
        (entry.name.removesuffix(".sql"), entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".sql")
    ]
    return sorted(found)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the database, oldest first."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY name")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every packaged migration not yet recorded; return the names applied now."""
    done = set(applied_migrations(conn))
    applied = []
    for name, sql in available_migrations():
        if name in done:
            continue
        log.info("applying migration %s", name)
        with transaction(conn):
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, utcnow()))
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (executescript would commit our transaction)."""
    lines = [line.split("--", 1)[0] if "--" in line else line for line in sql.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction: committed on success, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
