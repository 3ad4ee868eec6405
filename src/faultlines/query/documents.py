"""Read documents and the sources that carried them."""

from __future__ import annotations

import sqlite3
from typing import Any

from faultlines.errors import NotFoundError

_COLUMNS = (
    "id, title, path, source, url, external_id, published, published_precision, "
    "published_method, published_text, format, language, status, status_detail, ingested_at"
)


def _sources(conn: sqlite3.Connection, document_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT origin, source, url, title, external_id, published, relation, similarity "
        "FROM document_sources WHERE document_id = ? ORDER BY id",
        (document_id,),
    )
    return [dict(row) for row in rows]


def _as_dict(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    doc = dict(row)
    doc["sources"] = _sources(conn, doc["id"])
    return doc


def list_documents(conn: sqlite3.Connection, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Documents in ingest order, each with ``sources`` (every copy seen, duplicates included)."""
    sql = f"SELECT {_COLUMNS} FROM documents ORDER BY id"
    params: tuple[int, ...] = ()
    if limit is not None:
        sql += " LIMIT ?"
        params = (limit,)
    return [_as_dict(conn, row) for row in conn.execute(sql, params)]


def get_document(conn: sqlite3.Connection, document_id: int) -> dict[str, Any]:
    """One document with its full text and sources."""
    row = conn.execute(f"SELECT {_COLUMNS}, text FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no document with id {document_id}", hint="`faultlines docs` lists the stored documents")
    return _as_dict(conn, row)
