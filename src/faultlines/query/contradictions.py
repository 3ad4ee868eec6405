"""Read contradictions between sources: the claims, their evidence and the value chosen."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from faultlines.query.facts import actor_ref, evidence_for


def _subject(conn: sqlite3.Connection, kind: str, subject_id: int) -> dict[str, Any]:
    subject: dict[str, Any] = {"kind": kind, "id": subject_id}
    if kind == "event":
        row = conn.execute("SELECT type FROM events WHERE id = ?", (subject_id,)).fetchone()
        subject["label"] = row["type"] if row else None
    elif kind == "relation":
        row = conn.execute("SELECT kind, actor_a, actor_b FROM relations WHERE id = ?", (subject_id,)).fetchone()
        if row is not None:
            a, b = actor_ref(conn, row["actor_a"]), actor_ref(conn, row["actor_b"])
            names = [ref["name"] if ref else "?" for ref in (a, b)]
            subject["label"] = f"{row['kind']} {names[0]} / {names[1]}"
        else:
            subject["label"] = None
    elif kind == "control":
        row = conn.execute(
            "SELECT p.name FROM control c JOIN places p ON p.id = c.place_id WHERE c.id = ?", (subject_id,)
        ).fetchone()
        subject["label"] = f"control of {row['name']}" if row else None
    return subject


def list_contradictions(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every recorded contradiction with ``subject``, ``field``, ``claims`` (value + evidence) and ``chosen``."""
    out = []
    for row in conn.execute("SELECT * FROM contradictions ORDER BY id").fetchall():
        claims = []
        chosen = None
        for claim in conn.execute(
            "SELECT id, value FROM contradiction_claims WHERE contradiction_id = ? ORDER BY id", (row["id"],)
        ):
            value = json.loads(claim["value"])
            claims.append({"id": claim["id"], "value": value, "evidence": evidence_for(conn, "claim", claim["id"])})
            if claim["id"] == row["chosen_claim"]:
                chosen = value
        out.append(
            {
                "id": row["id"],
                "subject": _subject(conn, row["subject_kind"], row["subject_id"]),
                "field": row["field"],
                "claims": claims,
                "chosen": chosen,
                "rule": row["rule"],
            }
        )
    return out
