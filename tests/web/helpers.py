"""Data and helpers shared by the web tests."""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from faultlines.web import create_app

# A report whose text tries to run a script: the UI must show it as text.
SCRIPT_REPORT = (
    "BAGHDAD, 3 March 2015 -- <script>window.__pwned = true</script> Gunmen attacked a checkpoint "
    'near Samarra on Monday, police said. <img src=x onerror="window.__pwned = true">'
)

# Invented actors and a place, so the relation and control fixtures cannot clash with what the
# reconciler derives from the demo corpus.
ALPHA, BETA, GAMMA = "test-alpha-brigade", "test-beta-front", "test-gamma-council"
EARLY, LATE = "2014-03-01", "2015-03-01"


def seed_facts(conn: sqlite3.Connection) -> dict[str, Any]:
    """Insert two relation intervals, two control intervals and a contradiction; return their dates and ids."""
    conn.executemany(
        "INSERT INTO actors (id, name, kind, provisional, origin) VALUES (?, ?, 'rebel_group', 0, 'analyst')",
        [(ALPHA, "Alpha Brigade"), (BETA, "Beta Front"), (GAMMA, "Gamma Council")],
    )
    place = conn.execute(
        "INSERT INTO places (key, name, latitude, longitude, country, admin1, precision) "
        "VALUES ('test|testville', 'Testville', 35.2, 38.3, 'SY', 'Ar Raqqah', 'town')"
    ).lastrowid
    relations = [
        (ALPHA, BETA, "alliance", "2014-01-01", "2014-09-01"),
        (ALPHA, GAMMA, "affiliation", "2014-01-01", "2014-09-01"),
        (ALPHA, BETA, "rivalry", "2014-09-01", None),
    ]
    conn.executemany(
        "INSERT INTO relations (actor_a, actor_b, kind, valid_from, from_precision, valid_until, until_precision, "
        "confidence) VALUES (?, ?, ?, ?, 'day', ?, 'day', 0.9)",
        relations,
    )
    conn.executemany(
        "INSERT INTO control (place_id, holder_id, valid_from, from_precision, valid_until, until_precision, "
        "confidence) VALUES (?, ?, ?, 'day', ?, 'day', 0.8)",
        [(place, ALPHA, "2014-01-01", "2014-10-01"), (place, BETA, "2014-10-01", None)],
    )
    event_id, document_id, text = conn.execute(
        "SELECT e.id, ev.document_id, ev.text FROM events e JOIN evidence ev "
        "ON ev.subject_kind = 'event' AND ev.subject_id = e.id ORDER BY e.id LIMIT 1"
    ).fetchone()
    contradiction = conn.execute(
        "INSERT INTO contradictions (subject_kind, subject_id, field, rule, created_at) "
        "VALUES ('event', ?, 'fatalities', 'most specific source', '2026-01-01T00:00:00')",
        (event_id,),
    ).lastrowid
    claims = [
        conn.execute(
            "INSERT INTO contradiction_claims (contradiction_id, value) VALUES (?, ?)", (contradiction, json.dumps(v))
        ).lastrowid
        for v in (25, 40)
    ]
    conn.execute("UPDATE contradictions SET chosen_claim = ? WHERE id = ?", (claims[0], contradiction))
    conn.execute(
        "INSERT INTO evidence (subject_kind, subject_id, document_id, sentence, start, end, text) "
        "VALUES ('claim', ?, ?, 0, 0, ?, ?)",
        (claims[1], document_id, len(text), text),
    )
    return {"place": place, "event": event_id}


def copy_store(source: Path, target: Path) -> Path:
    """A private copy of a store (for tests that write)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(db: Path, *, write: bool = False) -> Iterator[str]:
    """The real app over ``db`` served by uvicorn in a thread on a free local port; yields its base URL."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db, write=write), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
