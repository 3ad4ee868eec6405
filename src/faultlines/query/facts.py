"""Shared readers for the facts the reconciler derives: actor and place references, evidence, dates."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from faultlines.store.actors import canonical_id, find_actor


def actor_ref(conn: sqlite3.Connection, actor_id: str | None) -> dict[str, Any] | None:
    """``{"id", "name"}`` of the actor an id now stands for (merges followed), or None."""
    if not actor_id:
        return None
    actor_id = canonical_id(conn, actor_id)
    row = conn.execute("SELECT id, name FROM actors WHERE id = ?", (actor_id,)).fetchone()
    return {"id": row["id"], "name": row["name"]} if row else None


def place_name_filter(column: str, name: str) -> tuple[str, list[str]]:
    """A condition (and its parameters) keeping the rows whose place id ``column`` is a place called
    ``name``, in part: its gazetteer name, its first-level region, or any name the reports used for
    it ("Palmyra" finds Tadmur, "Kobani" Ayn al-Arab)."""
    pattern = f"%{name}%"
    sql = (
        f"{column} IN (SELECT id FROM places WHERE name LIKE ? OR admin1 LIKE ? "
        "UNION SELECT place_id FROM mentions WHERE kind = 'place' AND place_id IS NOT NULL AND text LIKE ?)"
    )
    return sql, [pattern, pattern, pattern]


def place_ref(conn: sqlite3.Connection, place_id: int | None, precision: str | None = None) -> dict[str, Any] | None:
    """A place as events show it: name, coordinates, country, admin1 and precision."""
    if place_id is None:
        return None
    row = conn.execute(
        "SELECT id, name, latitude, longitude, country, admin1, precision FROM places WHERE id = ?", (place_id,)
    ).fetchone()
    if row is None:
        return None
    place = dict(row)
    if precision is not None:
        place["precision"] = precision
    return place


def evidence_for(conn: sqlite3.Connection, subject_kind: str, subject_id: int) -> list[dict[str, Any]]:
    """Evidence rows of one fact, as ``document``, ``sentence``, ``start``, ``end``, ``text`` and ``role``."""
    rows = conn.execute(
        "SELECT document_id AS document, sentence, start, end, text, role FROM evidence "
        "WHERE subject_kind = ? AND subject_id = ? ORDER BY document_id, start",
        (subject_kind, subject_id),
    )
    return [dict(r) for r in rows]


def interval_fields(row: sqlite3.Row) -> dict[str, Any]:
    """The validity interval and confidence of a relation or control row, as the JSON shapes give them."""
    return {
        "from": row["valid_from"],
        "from_precision": row["from_precision"],
        "until": row["valid_until"],
        "until_precision": row["until_precision"],
        "confidence": row["confidence"],
    }


def valid_at(valid_from: str | None, valid_until: str | None, at: str) -> bool:
    """True when the interval [from, until) contains the ISO date ``at``; open ends are unbounded."""
    return (valid_from is None or valid_from <= at) and (valid_until is None or at < valid_until)


def same_actor_ids(conn: sqlite3.Connection, ref: str) -> set[str]:
    """Every actor id that stands for the actor named by ``ref``: analyst merges and renames folded."""
    from faultlines.reconcile.actors import ActorFold

    folds = ActorFold(conn)
    root = folds.fold(find_actor(conn, ref))
    return {r[0] for r in conn.execute("SELECT id FROM actors") if folds.fold(r[0]) == root}


def valid_at_sql(at: str | None) -> tuple[str, list[str]]:
    """SQL condition (and parameters) equal to :func:`valid_at` on ``valid_from``/``valid_until`` columns."""
    if not at:
        return "1", []
    return "(valid_from IS NULL OR valid_from <= ?) AND (valid_until IS NULL OR ? < valid_until)", [at, at]


class RefCache:
    """Actor and place references and evidence for many facts at once (one query per kind, not per row)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._actors: dict[str, dict[str, Any] | None] = {}
        self._places: dict[int, dict[str, Any] | None] = {}

    def actor(self, actor_id: str | None) -> dict[str, Any] | None:
        """As :func:`actor_ref`, cached."""
        if not actor_id:
            return None
        if actor_id not in self._actors:
            self._actors[actor_id] = actor_ref(self.conn, actor_id)
        return self._actors[actor_id]

    def place(self, place_id: int | None) -> dict[str, Any] | None:
        """As :func:`place_ref`, cached."""
        if place_id is None:
            return None
        if place_id not in self._places:
            self._places[place_id] = place_ref(self.conn, place_id)
        return self._places[place_id]

    def evidence_of(self, subject_kind: str, rows: list[sqlite3.Row]) -> dict[int, list[dict[str, Any]]]:
        """Evidence of relation or control rows: the stored JSON copy when there is one, else the table."""
        found: dict[int, list[dict[str, Any]]] = {}
        missing = []
        for row in rows:
            if row["evidence_json"] is not None:
                found[row["id"]] = json.loads(row["evidence_json"])
            else:
                missing.append(row["id"])
        found.update(self.evidence(subject_kind, missing))
        return found

    def evidence(self, subject_kind: str, subject_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        """As :func:`evidence_for` for many subjects: subject id -> evidence rows."""
        found: dict[int, list[dict[str, Any]]] = {i: [] for i in subject_ids}
        keys = ("document", "sentence", "start", "end", "text", "role")
        cursor = self.conn.cursor()
        cursor.row_factory = None
        for chunk in range(0, len(subject_ids), 900):
            ids = subject_ids[chunk : chunk + 900]
            rows = cursor.execute(
                "SELECT subject_id, document_id, sentence, start, end, text, role FROM evidence "
                f"WHERE subject_kind = ? AND subject_id IN ({','.join('?' * len(ids))}) "
                "ORDER BY subject_id, document_id, start",
                [subject_kind, *ids],
            )
            for row in rows:
                found[row[0]].append(dict(zip(keys, row[1:], strict=True)))
        return found
