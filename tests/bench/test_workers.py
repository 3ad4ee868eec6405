"""Ingest with two worker processes stores what one process stores, on the built bench corpus."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path
from typing import Any

import pytest

import faultlines
from faultlines.bench import build_mix_corpus
from faultlines.processing import _worker_context


def _ingest(corpus: Path, db: Path, workers: int) -> tuple[dict[str, Any], list[tuple[object, ...]]]:
    with faultlines.open(db) as fl:
        summary = fl.ingest([str(corpus)], workers=workers)
        events = fl.conn.execute(
            "SELECT d.content_hash, e.type, e.fatalities_best FROM events e "
            "JOIN documents d ON d.id = e.document_id ORDER BY 1, 2, 3"
        ).fetchall()
    return summary, [tuple(row) for row in events]


@pytest.mark.slow
def test_two_workers_store_the_same_events_as_one(tmp_path: Path) -> None:
    corpus = tmp_path / "mix"
    build_mix_corpus(corpus, documents=18, words=120)
    one, events_one = _ingest(corpus, tmp_path / "one.db", 1)
    two, events_two = _ingest(corpus, tmp_path / "two.db", 2)
    assert one["documents_processed"] == two["documents_processed"] >= 16  # enough to start workers
    assert two["documents_failed"] == []
    assert (one["mentions"], one["events"]) == (two["mentions"], two["events"])
    assert events_one == events_two and len(events_one) > 10


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is the worker start method on Linux only")
def test_workers_are_forked_even_when_the_caller_spawns() -> None:
    # a spawned worker would load the spaCy model and KB rulers again, inside the run
    previous = multiprocessing.get_start_method(allow_none=True)
    multiprocessing.set_start_method("spawn", force=True)
    try:
        assert _worker_context().get_start_method() == "fork"
    finally:
        multiprocessing.set_start_method(previous, force=True)
