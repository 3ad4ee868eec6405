"""The state of the system at a date: relations and control valid then."""

from __future__ import annotations

import sqlite3
from typing import Any

from faultlines.query.control import list_control
from faultlines.query.relations import list_relations


def state_at(conn: sqlite3.Connection, at: str) -> dict[str, Any]:
    """``{"at", "relations", "control"}``: every relation and control interval valid on ISO date ``at``."""
    return {"at": at, "relations": list_relations(conn, at=at), "control": list_control(conn, at=at)}
