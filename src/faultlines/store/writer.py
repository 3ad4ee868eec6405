"""Write a document's analysis into the store (inside the caller's transaction)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from faultlines.records import DocumentAnalysis, EventRecord, MentionRecord
from faultlines.store.actors import canonical_id, discovered_owner, ensure_discovered, link_discovered
from faultlines.store.db import utcnow


def clear_derived(conn: sqlite3.Connection, document_id: int) -> None:
    """Remove what an earlier processing of the document stored, before storing anew."""
    event_ids = [r[0] for r in conn.execute("SELECT id FROM events WHERE document_id = ?", (document_id,))]
    conn.executemany("DELETE FROM evidence WHERE subject_kind = 'event' AND subject_id = ?", [(i,) for i in event_ids])
    conn.execute(
        "UPDATE events SET canonical_id = NULL WHERE canonical_id IN (SELECT id FROM events WHERE document_id = ?)",
        (document_id,),
    )
    conn.execute("DELETE FROM events WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM sentences WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM mentions WHERE document_id = ?", (document_id,))


class _Known:
    """The stored actors and places one document's writing has looked up already: a document names
    the same few many times (each mention, then each event's arguments)."""

    def __init__(self) -> None:
        self.actors: set[str] = set()
        self.places: dict[str, int] = {}


def write_analysis(conn: sqlite3.Connection, document_id: int, analysis: DocumentAnalysis) -> dict[str, int]:
    """Store sentences, mentions and events of one document; return counts of what was stored."""
    clear_derived(conn, document_id)
    conn.executemany(
        "INSERT INTO sentences (document_id, idx, start, end) VALUES (?, ?, ?, ?)",
        [(document_id, s.idx, s.start, s.end) for s in analysis.sentences],
    )
    known = _Known()
    mentions = sum(_write_mention(conn, document_id, m, known) for m in analysis.mentions)
    doc_hash = conn.execute("SELECT content_hash FROM documents WHERE id = ?", (document_id,)).fetchone()[0]
    events = sum(_write_event(conn, document_id, doc_hash, e, known) for e in analysis.events)
    return {"mentions": mentions, "events": events}


def _actor_id(conn: sqlite3.Connection, value: dict[str, Any] | None, known: _Known) -> str | None:
    """The stored actor for a resolved actor reference, creating discovered actors as needed."""
    if not value:
        return None
    if value.get("provisional"):
        return _discovered_id(conn, value)
    actor_id = value.get("actor_id")
    if not actor_id:
        return None
    actor_id = str(actor_id)
    if actor_id in known.actors or conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone():
        known.actors.add(actor_id)
        return actor_id
    return None


def _discovered_id(conn: sqlite3.Connection, value: dict[str, Any]) -> str:
    """The stored actor of a discovered mention. A name another document already gave a discovered
    actor is that actor; a document that ties two stored discovered actors together ("X, or the Y")
    merges them into one."""
    actor_id, key = str(value["actor_id"]), value.get("key") or ""
    owner = discovered_owner(conn, key, actor_id) if key else None
    known = conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone() is not None
    if owner is not None and not known:
        return owner
    ensure_discovered(
        conn, actor_id, value["name"], value.get("kind") or "other", [(value.get("text") or value["name"], key)]
    )
    if owner is not None:
        link_discovered(conn, keep=canonical_id(conn, actor_id), other=owner)
    return actor_id


def place_id(conn: sqlite3.Connection, place: dict[str, Any] | None, known: _Known) -> int | None:
    """The stored place row for a gazetteer entry, inserted on first use."""
    if not place:
        return None
    key = (
        f"geonames:{place['geonames_id']}"
        if place.get("geonames_id")
        else f"{place['name']}|{place.get('country')}|{place.get('admin1')}|{place.get('feature')}".lower()
    )
    if key not in known.places:
        known.places[key] = _stored_place(conn, key, place)
    return known.places[key]


def _stored_place(conn: sqlite3.Connection, key: str, place: dict[str, Any]) -> int:
    row = conn.execute("SELECT id FROM places WHERE key = ?", (key,)).fetchone()
    if row:
        return int(row[0])
    cursor = conn.execute(
        "INSERT INTO places (key, name, latitude, longitude, country, admin1, geonames_id, feature, precision, "
        "acled_precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            key,
            place["name"],
            place.get("latitude"),
            place.get("longitude"),
            place.get("country"),
            place.get("admin1"),
            place.get("geonames_id"),
            place.get("feature"),
            place.get("precision"),
            place.get("acled_precision"),
        ),
    )
    return int(cursor.lastrowid or 0)


def _write_mention(conn: sqlite3.Connection, document_id: int, mention: MentionRecord, known: _Known) -> int:
    actor = _actor_id(conn, mention.value, known) if mention.kind == "actor" else None
    place = place_id(conn, mention.value.get("place"), known) if mention.kind == "place" else None
    cursor = conn.execute(
        "INSERT OR IGNORE INTO mentions (document_id, sentence, start, end, text, kind, actor_id, place_id, value) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document_id,
            mention.sentence,
            mention.start,
            mention.end,
            mention.text,
            mention.kind,
            actor,
            place,
            json.dumps(mention.value, default=str),
        ),
    )
    return cursor.rowcount


def event_fingerprint(doc_hash: str, event: EventRecord) -> str:
    """Stable across re-processing of the same text: document content, offsets and type."""
    raw = f"{doc_hash}|{event.start}|{event.end}|{event.type}|{event.sentence}"
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


def _write_event(conn: sqlite3.Connection, document_id: int, doc_hash: str, event: EventRecord, known: _Known) -> int:
    fatalities = event.fatalities or {}
    cursor = conn.execute(
        "INSERT OR IGNORE INTO events (fingerprint, document_id, type, acled_event_type, acled_sub_event_type, "
        "plover_type, actor1_id, actor2_id, assoc_actor1_ids, assoc_actor2_ids, place_id, place_precision, "
        "date_start, date_end, date_precision, fatalities_best, fatalities_low, fatalities_high, modality, "
        "attribution, confidence, created_at) VALUES (" + ", ".join("?" * 22) + ")",
        (
            event_fingerprint(doc_hash, event),
            document_id,
            event.type,
            event.acled_event_type,
            event.acled_sub_event_type,
            event.plover_type,
            _actor_id(conn, event.actor1, known),
            _actor_id(conn, event.actor2, known),
            json.dumps([a for a in (_actor_id(conn, v, known) for v in event.assoc_actors1) if a]),
            json.dumps([a for a in (_actor_id(conn, v, known) for v in event.assoc_actors2) if a]),
            place_id(conn, event.place, known),
            event.place_precision,
            event.date_start,
            event.date_end,
            event.date_precision,
            fatalities.get("best"),
            fatalities.get("low"),
            fatalities.get("high"),
            event.modality,
            event.attribution,
            event.confidence,
            utcnow(),
        ),
    )
    if not cursor.rowcount:
        return 0
    conn.execute(
        "INSERT OR IGNORE INTO evidence (subject_kind, subject_id, role, document_id, sentence, start, end, text) "
        "VALUES ('event', ?, 'supports', ?, ?, ?, ?, ?)",
        (cursor.lastrowid, document_id, event.sentence, event.start, event.end, event.text),
    )
    return 1
