"""Processing in several worker processes stores exactly what one process stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import faultlines
from faultlines.bench import build_mix_corpus
from faultlines.processing import _BATCH

#: Columns that hold the time of the run, not what was found.
_CLOCK_COLUMNS = {"created_at", "processed_at", "updated_at", "fetched_at", "ingested_at", "started_at"}
_RESULT_TABLES = (
    "documents", "sentences", "mentions", "events", "evidence", "actors", "actor_aliases", "places", "relations",
    "control", "contradictions",
)  # fmt: skip


def _contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        found = {}
        for table in _RESULT_TABLES:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] not in _CLOCK_COLUMNS]
            found[table] = sorted(conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
        return found
    finally:
        conn.close()


@pytest.mark.slow
def test_two_workers_store_what_one_stores(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    build_mix_corpus(corpus, documents=2 * _BATCH + 4, words=300)  # enough documents for the worker pool
    stored = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with faultlines.open(db) as fl:
            summary = fl.ingest([str(corpus)], workers=workers)
        assert summary["documents_processed"] > _BATCH and not summary["documents_failed"]
        stored[workers] = _contents(db)
    assert stored[1]["events"], "the corpus should yield events"
    for table in _RESULT_TABLES:
        assert stored[2][table] == stored[1][table], f"{table} differs between one and two workers"
