"""A small hand-written store for reconciliation rules: documents, actors, places and events written
directly (no NLP), so each rule can be tested on exactly the reports it is about."""

from __future__ import annotations

import calendar
import hashlib
from pathlib import Path
from typing import Any

import faultlines
from faultlines.api import Faultlines
from faultlines.store import transaction

ACTORS = [
    # id, name, kind, renamed_to, parent
    ("isi", "Islamic State of Iraq", "rebel_group", "isil", None),
    ("isil", "Islamic State of Iraq and the Levant", "rebel_group", "is", None),
    ("is", "Islamic State", "rebel_group", None, None),
    ("aq", "al-Qaeda", "rebel_group", None, None),
    ("nusra", "Jabhat al-Nusra", "rebel_group", None, None),
    ("fsa", "Free Syrian Army", "rebel_group", None, None),
    ("jrtn", "JRTN", "rebel_group", None, None),
    ("iraq-army", "Iraqi security forces", "state_forces", None, None),
    ("baghdadi", "Abu Bakr al-Baghdadi", "person", None, "is"),
]
PLACES = [
    # id, name, feature, country, admin1, parent
    (1, "Iraq", "country", "IQ", None, None),
    (2, "Al-Qaim", "populated place", "IQ", "Anbar", None),
    (3, "Al-Qaim border crossing", "border crossing", "IQ", "Anbar", 2),
    (4, "Mosul", "populated place", "IQ", "Nineveh", None),
    (5, "Anbar", "admin1 region", "IQ", "Anbar", None),
]


def interval(date: str | None) -> tuple[str | None, str | None, str | None]:
    """``2014``, ``2014-02`` or ``2014-02-02`` as (start, end, precision)."""
    if date is None:
        return None, None, None
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31", "year"
    if len(date) == 7:
        last = calendar.monthrange(int(date[:4]), int(date[5:7]))[1]
        return f"{date}-01", f"{date}-{last:02d}", "month"
    return date, date, "day"


class Corpus:
    """Write documents and events into a fresh store and run the real reconciler over them."""

    def __init__(self, path: Path) -> None:
        self.fl: Faultlines = faultlines.open(path)
        self.conn = self.fl.conn
        self._events = 0
        with transaction(self.conn):
            self.conn.execute("PRAGMA defer_foreign_keys = ON")
            self.conn.executemany(
                "INSERT INTO actors (id, name, kind, renamed_to, parent_id) VALUES (?, ?, ?, ?, ?)", ACTORS
            )
            self.conn.executemany(
                "INSERT INTO actor_aliases (actor_id, alias, alias_key) VALUES (?, ?, lower(?))",
                [(a[0], a[1], a[1]) for a in ACTORS] + [("isil", "ISIL", "isil"), ("fsa", "FSA", "fsa")],
            )
            self.conn.executemany(
                "INSERT INTO places (id, key, name, feature, country, admin1, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(p[0], f"test:{p[0]}", *p[1:]) for p in PLACES],
            )

    def document(self, text: str, published: str | None = None, copies: int = 1) -> int:
        """Store a processed document (and ``copies - 1`` syndicated near-copies of it)."""
        digest = hashlib.sha256(text.encode()).hexdigest()
        with transaction(self.conn):
            cursor = self.conn.execute(
                "INSERT INTO documents (content_hash, text, published, published_precision, status, ingested_at) "
                "VALUES (?, ?, ?, 'day', 'processed', '2024-01-01')",
                (digest, text, published),
            )
            doc = int(cursor.lastrowid or 0)
            for i in range(copies):
                self.conn.execute(
                    "INSERT INTO document_sources (document_id, origin, content_hash, relation, seen_at) "
                    "VALUES (?, ?, ?, ?, '2024-01-01')",
                    (doc, f"copy{i}", f"{digest}{i}", "original" if i == 0 else "near_duplicate"),
                )
        return doc

    def event(
        self,
        doc: int,
        event_type: str,
        actor1: str | None = None,
        actor2: str | None = None,
        *,
        place: int | None = None,
        date: str | None = None,
        modality: str = "asserted",
        fatalities: int | None = None,
        sentence: int = 0,
    ) -> int:
        """Store an extracted event with one piece of evidence (the whole document text)."""
        self._events += 1
        start, end, precision = interval(date)
        text = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc,)).fetchone()[0]
        with transaction(self.conn):
            cursor = self.conn.execute(
                "INSERT INTO events (fingerprint, document_id, type, actor1_id, actor2_id, place_id, date_start, "
                "date_end, date_precision, modality, fatalities_best, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-01-01')",
                (
                    f"fp{self._events}-{doc}",
                    doc,
                    event_type,
                    actor1,
                    actor2,
                    place,
                    start,
                    end,
                    precision,
                    modality,
                    fatalities,
                ),
            )
            event_id = int(cursor.lastrowid or 0)
            self.conn.execute(
                "INSERT INTO evidence (subject_kind, subject_id, role, document_id, sentence, start, end, text) "
                "VALUES ('event', ?, 'supports', ?, ?, 0, ?, ?)",
                (event_id, doc, sentence, len(text), text),
            )
        return event_id

    def report(self, text: str, published: str | None, event_type: str, *args: Any, **kwargs: Any) -> int:
        """A one-event document; returns the event id."""
        return self.event(self.document(text, published), event_type, *args, **kwargs)

    def reconcile(self) -> dict[str, Any]:
        """Run the real reconciler."""
        return self.fl.reconcile()

    def canonical(self, event_id: int) -> int:
        """The canonical event an event was merged into (itself if none)."""
        row = self.conn.execute("SELECT COALESCE(canonical_id, id) FROM events WHERE id = ?", (event_id,)).fetchone()
        return int(row[0])
