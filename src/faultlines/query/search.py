"""Search documents, actors and events by text (case-insensitive substring)."""

from __future__ import annotations

import sqlite3
from typing import Any

from faultlines.errors import UsageError
from faultlines.query.actors import list_actors
from faultlines.query.timeline import get_event

_SNIPPET_CONTEXT = 60


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its own ``%``, ``_`` and ``\\`` taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _snippet(text: str, query: str) -> str:
    """The part of ``text`` around the first occurrence of ``query``."""
    at = text.lower().find(query.lower())
    if at < 0:
        return text[: 2 * _SNIPPET_CONTEXT]
    start, end = max(0, at - _SNIPPET_CONTEXT), min(len(text), at + len(query) + _SNIPPET_CONTEXT)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def search_documents(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Documents whose title or text contains ``query``: id, title, published and a snippet."""
    pattern = _like(query)
    rows = conn.execute(
        "SELECT id, title, published, text FROM documents "
        "WHERE title LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
        (pattern, pattern, limit),
    )
    return [
        {"id": r["id"], "title": r["title"], "published": r["published"], "snippet": _snippet(r["text"], query)}
        for r in rows
    ]


def search_events(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Active events whose type, actors, place or evidence text contains ``query``."""
    pattern = _like(query)
    rows = conn.execute(
        "SELECT DISTINCT e.id FROM events e "
        "LEFT JOIN actors a1 ON a1.id = e.actor1_id LEFT JOIN actors a2 ON a2.id = e.actor2_id "
        "LEFT JOIN places p ON p.id = e.place_id "
        "WHERE e.status = 'active' AND e.canonical_id IS NULL AND ("
        "e.type LIKE ?1 ESCAPE '\\' OR e.acled_sub_event_type LIKE ?1 ESCAPE '\\' "
        "OR a1.name LIKE ?1 ESCAPE '\\' OR a2.name LIKE ?1 ESCAPE '\\' OR p.name LIKE ?1 ESCAPE '\\' "
        "OR e.id IN (SELECT subject_id FROM evidence WHERE subject_kind = 'event' AND text LIKE ?1 ESCAPE '\\')) "
        "ORDER BY e.date_start IS NULL, e.date_start, e.id LIMIT ?2",
        (pattern, limit),
    )
    return [get_event(conn, r[0]) for r in rows.fetchall()]


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> dict[str, Any]:
    """``{"query", "documents", "actors", "events"}`` matching ``query``, at most ``limit`` of each."""
    query = query.strip()
    if not query:
        raise UsageError("nothing to search for", hint="give a word or name, e.g. ?q=Mosul")
    return {
        "query": query,
        "documents": search_documents(conn, query, limit),
        "actors": list_actors(conn, search=query, limit=limit),
        "events": search_events(conn, query, limit),
    }
