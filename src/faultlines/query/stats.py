"""Counts of what the store holds."""

from __future__ import annotations

import sqlite3
from typing import Any

_COUNTS = {
    "documents": "SELECT COUNT(*) FROM documents",
    "documents_pending": "SELECT COUNT(*) FROM documents WHERE status = 'pending'",
    "documents_failed": "SELECT COUNT(*) FROM documents WHERE status = 'failed'",
    "sources": "SELECT COUNT(*) FROM document_sources",
    "duplicate_copies": "SELECT COUNT(*) FROM document_sources WHERE relation != 'original'",
    "mentions": "SELECT COUNT(*) FROM mentions",
    "actors_seen": "SELECT COUNT(DISTINCT actor_id) FROM mentions WHERE actor_id IS NOT NULL",
    "actors_discovered": "SELECT COUNT(*) FROM actors WHERE provisional = 1",
    "places_seen": "SELECT COUNT(*) FROM places",
    "events": "SELECT COUNT(*) FROM events WHERE canonical_id IS NULL AND status = 'active'",
    "relations": "SELECT COUNT(*) FROM relations WHERE status = 'active'",
    "control_intervals": "SELECT COUNT(*) FROM control",
    "contradictions": "SELECT COUNT(*) FROM contradictions",
    "corrections": "SELECT COUNT(*) FROM corrections WHERE undone = 0",
}


def store_stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts per table, and the range of publication dates."""
    stats: dict[str, Any] = {name: conn.execute(sql).fetchone()[0] for name, sql in _COUNTS.items()}
    first, last = conn.execute("SELECT MIN(published), MAX(published) FROM documents").fetchone()
    stats["published_from"] = first
    stats["published_until"] = last
    return stats
