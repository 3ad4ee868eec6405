"""Ingest orchestration: inputs -> stored documents -> processed documents.

Two steps per input, each safe to kill at any moment:

1. *store*: every input becomes a document row (status ``pending``) or a further source of a
   document already stored (exact or near duplicate), one transaction per input;
2. *process*: every pending document is analysed (all pipeline stages) and its results are
   written together with ``status = 'processed'`` in one transaction.

With one worker all inputs are stored first; with several, the workers analyse the first documents
while later inputs are still being read.

A re-run finds every input already recorded (nothing added) and finishes whatever was pending.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import IO, Any

from faultlines.ingest.dedupe import (
    NEAR_DUPLICATE_THRESHOLD,
    estimated_similarity,
    lsh_band_keys,
    minhash_signature,
)
from faultlines.ingest.readers import FieldMap, RawDocument, Skipped, iter_inputs
from faultlines.progress import NullProgress, Progress
from faultlines.store import transaction, utcnow

log = logging.getLogger(__name__)


@dataclass
class IngestOptions:
    """How to read the inputs and how to process them."""

    fields: dict[str, str] = field(default_factory=dict)
    input_format: str | None = None
    max_bytes: int | None = None
    workers: int = 1


def run_ingest(
    conn: sqlite3.Connection,
    paths: Sequence[str],
    options: IngestOptions,
    *,
    stdin: IO[str] | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Ingest ``paths`` into the store and process what is new; return the summary."""
    progress = progress or NullProgress()
    run_id = _start_run(conn, paths, options)
    counts: Counter[str] = Counter()
    skipped: list[dict[str, str]] = []
    reader_args: dict[str, Any] = {"fields": FieldMap(**options.fields), "stdin": stdin}
    if options.max_bytes is not None:
        reader_args["max_bytes"] = options.max_bytes
    if options.input_format:
        reader_args["input_format"] = options.input_format
    from faultlines.processing import process_pending

    reading = _read_inputs(conn, run_id, iter_inputs(list(paths), **reader_args), counts, skipped, progress)
    processed = process_pending(conn, workers=options.workers, progress=progress, reading=reading)
    summary = {
        "documents_added": counts["added"],
        "duplicates": counts["exact_duplicate"] + counts["near_duplicate"],
        "exact_duplicates": counts["exact_duplicate"],
        "near_duplicates": counts["near_duplicate"],
        "already_stored": counts["seen"],
        "skipped": skipped,
        **processed,
    }
    _finish_run(conn, run_id, summary)
    return summary


def _read_inputs(
    conn: sqlite3.Connection,
    run_id: int,
    items: Iterable[RawDocument | Skipped],
    counts: Counter[str],
    skipped: list[dict[str, str]],
    progress: Progress,
) -> Iterator[None]:
    """Store the inputs one by one, yielding after each (so that processing may start on the first
    documents while later ones are read); tallies what became of them in ``counts`` and ``skipped``."""
    progress.start(None, "reading")
    for item in items:
        if isinstance(item, Skipped):
            skipped.append({"path": item.origin, "reason": item.reason})
            _record_skip(conn, run_id, item)
            log.warning("skipped %s: %s", item.origin, item.reason)
        else:
            counts[store_document(conn, item)] += 1
        progress.advance()
        yield None
    progress.finish()


def store_document(conn: sqlite3.Connection, raw: RawDocument) -> str:
    """Store one input; return ``added``, ``exact_duplicate``, ``near_duplicate`` or ``seen``."""
    signature = minhash_signature(raw.text)
    band_keys = lsh_band_keys(signature)
    with transaction(conn):
        row = conn.execute(
            "SELECT document_id FROM document_sources WHERE content_hash = ? LIMIT 1", (raw.content_hash,)
        ).fetchone()
        if row is not None:
            return _add_copy(conn, row[0], raw, "exact_duplicate", 1.0)
        match = _near_duplicate_of(conn, signature, band_keys)
        if match is not None:
            return _add_copy(conn, match[0], raw, "near_duplicate", match[1])
        document_id = _insert_document(conn, raw, signature)
        _insert_source(conn, document_id, raw, "original", 1.0)
        conn.executemany(
            "INSERT OR IGNORE INTO document_lsh (band_key, document_id) VALUES (?, ?)",
            [(key, document_id) for key in band_keys],
        )
        return "added"


def _add_copy(conn: sqlite3.Connection, document_id: int, raw: RawDocument, relation: str, sim: float) -> str:
    seen = conn.execute(
        "SELECT 1 FROM document_sources WHERE document_id = ? AND origin = ? AND content_hash = ?",
        (document_id, raw.origin, raw.content_hash),
    ).fetchone()
    if seen:
        return "seen"
    _insert_source(conn, document_id, raw, relation, sim)
    return relation


def _near_duplicate_of(conn: sqlite3.Connection, signature: bytes, band_keys: list[str]) -> tuple[int, float] | None:
    """The stored document most similar to ``signature`` above the threshold, if any."""
    if not band_keys:
        return None
    marks = ",".join("?" * len(band_keys))
    candidates = conn.execute(
        f"SELECT DISTINCT d.id, d.minhash FROM document_lsh l JOIN documents d ON d.id = l.document_id "
        f"WHERE l.band_key IN ({marks})",
        band_keys,
    ).fetchall()
    best: tuple[int, float] | None = None
    for document_id, other in candidates:
        similarity = estimated_similarity(signature, other)
        if similarity >= NEAR_DUPLICATE_THRESHOLD and (best is None or similarity > best[1]):
            best = (document_id, similarity)
    return best


def _insert_document(conn: sqlite3.Connection, raw: RawDocument, signature: bytes) -> int:
    cursor = conn.execute(
        "INSERT INTO documents (content_hash, text, title, source, url, path, external_id, published, "
        "published_precision, published_method, published_text, format, language, minhash, status, "
        "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
        (
            raw.content_hash,
            raw.text,
            raw.title,
            raw.source,
            raw.url,
            raw.origin,
            raw.external_id,
            raw.published.isoformat() if raw.published else None,
            raw.published_precision,
            raw.published_method or "none",
            raw.published_text,
            raw.format,
            raw.language,
            signature,
            utcnow(),
        ),
    )
    return int(cursor.lastrowid or 0)


def _insert_source(conn: sqlite3.Connection, document_id: int, raw: RawDocument, relation: str, sim: float) -> None:
    conn.execute(
        "INSERT INTO document_sources (document_id, origin, source, url, title, external_id, published, "
        "content_hash, relation, similarity, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document_id,
            raw.origin,
            raw.source,
            raw.url,
            raw.title,
            raw.external_id,
            raw.published.isoformat() if raw.published else None,
            raw.content_hash,
            relation,
            round(sim, 4),
            utcnow(),
        ),
    )


def _start_run(conn: sqlite3.Connection, paths: Sequence[str], options: IngestOptions) -> int:
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO ingest_runs (started_at, arguments) VALUES (?, ?)",
            (utcnow(), json.dumps({"paths": list(paths), **asdict(options)})),
        )
    return int(cursor.lastrowid or 0)


def _record_skip(conn: sqlite3.Connection, run_id: int, item: Skipped) -> None:
    with transaction(conn):
        conn.execute(
            "INSERT INTO skipped_inputs (run_id, origin, reason) VALUES (?, ?, ?)",
            (run_id, item.origin, item.reason),
        )


def _finish_run(conn: sqlite3.Connection, run_id: int, summary: dict[str, Any]) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE ingest_runs SET finished_at = ?, summary = ? WHERE id = ?",
            (utcnow(), json.dumps(summary), run_id),
        )


def reprocess_all(conn: sqlite3.Connection, *, workers: int = 1, progress: Progress | None = None) -> dict[str, Any]:
    """Mark every document pending again and process it; analyst corrections are replayed."""
    from faultlines.processing import process_pending

    with transaction(conn):
        count = conn.execute("UPDATE documents SET status = 'pending', status_detail = NULL").rowcount
    result = process_pending(conn, workers=workers, progress=progress or NullProgress())
    return {"documents": count, **result}
