"""Analyst corrections of events: reject one, or edit its type, date, place, actors or fatalities.

Corrections are keyed by the event fingerprint (stable over re-processing), recorded in ``corrections``
and replayed after every processing run. Applying one sends the event (and any event merged into it)
back to reconciliation, so the change flows into relations, control and the state at a date.
"""

from __future__ import annotations

import sqlite3
from typing import Any

EDITABLE = (
    "type",
    "date_start",
    "date_end",
    "date_precision",
    "place_id",
    "actor1_id",
    "actor2_id",
    "fatalities_best",
    "fatalities_low",
    "fatalities_high",
)


def apply_reject(conn: sqlite3.Connection, fingerprint: str, payload: dict[str, Any]) -> None:
    """Mark the event rejected; reconciliation re-homes anything merged into it."""
    row = conn.execute(
        "SELECT id FROM events WHERE fingerprint = ? AND status != 'rejected'", (fingerprint,)
    ).fetchone()
    if row is None:
        return
    conn.execute("UPDATE events SET status = 'rejected' WHERE id = ?", (row[0],))
    _unreconcile(conn, row[0])


def apply_edit(conn: sqlite3.Connection, fingerprint: str, payload: dict[str, Any]) -> None:
    """Set the edited columns; when anything changed, the event is matched again."""
    changes = {k: v for k, v in payload.get("changes", {}).items() if k in EDITABLE}
    row = conn.execute("SELECT * FROM events WHERE fingerprint = ?", (fingerprint,)).fetchone()
    if row is None or not changes or all(row[k] == v for k, v in changes.items()):
        return
    sets = ", ".join(f"{k} = ?" for k in changes)
    conn.execute(f"UPDATE events SET {sets} WHERE id = ?", [*changes.values(), row["id"]])
    _unreconcile(conn, row["id"])


def _unreconcile(conn: sqlite3.Connection, event_id: int) -> None:
    conn.execute(
        "UPDATE events SET reconciled = 0, canonical_id = NULL WHERE id = ? OR canonical_id = ?", (event_id, event_id)
    )
