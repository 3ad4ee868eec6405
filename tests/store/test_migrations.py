"""The store: named migrations, WAL mode, clear errors for unusable files."""

from __future__ import annotations

from pathlib import Path

import pytest

import faultlines
from faultlines.errors import DatabaseError
from faultlines.store.db import available_migrations


def test_new_database_records_every_named_migration_once(db_path: Path) -> None:
    with faultlines.open(db_path) as fl:
        names = [r[0] for r in fl.conn.execute("SELECT name FROM migrations ORDER BY name")]
    assert names == [name for name, _ in available_migrations()]
    assert names[0] == "0001_initial"
    with faultlines.open(db_path) as fl:  # reopening applies nothing twice
        again = [r[0] for r in fl.conn.execute("SELECT name FROM migrations ORDER BY name")]
    assert again == names


def test_database_uses_wal_and_foreign_keys(db_path: Path) -> None:
    with faultlines.open(db_path) as fl:
        assert fl.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert fl.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {r[0] for r in fl.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in (
        "documents",
        "document_sources",
        "mentions",
        "actors",
        "actor_aliases",
        "places",
        "events",
        "evidence",
        "relations",
        "control",
        "contradictions",
        "corrections",
    ):
        assert table in tables


def test_a_file_that_is_not_a_database_is_refused_with_a_hint(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(DatabaseError) as info:
        faultlines.open(bogus)
    assert info.value.hint and "--db" in info.value.hint


def test_a_missing_folder_is_refused_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        faultlines.open(tmp_path / "missing" / "x.db")
