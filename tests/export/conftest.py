"""Stores for the export tests: the ingested demo corpus, and a small hand-built store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import faultlines
from faultlines.store import connect, transaction
from faultlines.store.db import utcnow

DEMO_REPORTS = Path(__file__).resolve().parents[2] / "demo" / "reports"

ACTORS = [
    ("isil", "Islamic State of Iraq and the Levant", "rebel_group", "IQ", None),
    ("jrtn", "Naqshbandi Army", "rebel_group", "IQ", None),
    ("al-qaeda", "al-Qaeda", "rebel_group", None, None),
    ("iraq-army", "Military Forces of Iraq", "state_forces", "IQ", None),
    ("civ-iq", "Civilians (Iraq)", "civilians", "IQ", None),
    ("baghdadi", "Abu Bakr al-Baghdadi", "person", "IQ", "isil"),
]
# (id, a, b, kind, from, until)
RELATIONS = [
    (1, "isil", "jrtn", "alliance", "2014-06-10", "2014-06-20"),
    (2, "isil", "jrtn", "rivalry", "2014-06-20", None),
    (3, "isil", "al-qaeda", "affiliation", None, "2014-02-02"),
]
# (id, key, name, lat, lon, country, admin1, acled_precision)
PLACES = [
    (1, "geonames:95446", "Hawija", 35.3294, 43.7697, "IQ", "Kirkuk", 1),
    (2, "geonames:99072", "Mosul", 36.335, 43.1189, "IQ", "Nineveh", 1),
]
# (id, type, acled type, sub type, plover, actor1, actor2, place, place precision, start, end, precision, deaths)
EVENTS = [
    (
        1,
        "armed_clash",
        "Battles",
        "Armed clash",
        "ASSAULT",
        "isil",
        "jrtn",
        1,
        "town",
        "2014-06-20",
        "2014-06-20",
        "day",
        17,
    ),
    (
        2,
        "attack",
        "Violence against civilians",
        "Attack",
        "ASSAULT",
        "baghdadi",
        "civ-iq",
        2,
        "near",
        "2014-06-09",
        "2014-06-15",
        "week",
        4,
    ),
    (3, "demand", None, None, "REQUEST", "iraq-army", None, 2, "town", "2014-07-01", "2014-07-31", "month", None),
]


def _fill(conn: sqlite3.Connection) -> None:
    now = utcnow()
    with transaction(conn):
        conn.execute(
            "INSERT INTO documents (id, content_hash, text, source, ingested_at, status) "
            "VALUES (1, 'h1', 'text', 'Tigris Monitor', ?, 'processed')",
            (now,),
        )
        conn.execute(
            "INSERT INTO document_sources (document_id, origin, source, content_hash, relation, seen_at) "
            "VALUES (1, 'copy.txt', 'Crescent News Service', 'h2', 'near_duplicate', ?)",
            (now,),
        )
        conn.executemany(
            "INSERT INTO actors (id, name, kind, country, parent_id) VALUES (?, ?, ?, ?, ?)",
            sorted(ACTORS, key=lambda a: a[4] is not None),
        )
        conn.executemany(
            "INSERT INTO relations (id, actor_a, actor_b, kind, valid_from, from_precision, valid_until, "
            "until_precision, confidence) VALUES (?, ?, ?, ?, ?, 'day', ?, 'day', 0.8)",
            RELATIONS,
        )
        conn.executemany(
            "INSERT INTO places (id, key, name, latitude, longitude, country, admin1, precision, acled_precision) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'town', ?)",
            PLACES,
        )
        conn.execute(
            "INSERT INTO control (id, place_id, holder_id, valid_from, from_precision, confidence) "
            "VALUES (1, 2, 'isil', '2014-06-10', 'day', 0.9)"
        )
        for row in EVENTS:
            conn.execute(
                "INSERT INTO events (id, fingerprint, document_id, type, acled_event_type, acled_sub_event_type, "
                "plover_type, actor1_id, actor2_id, place_id, place_precision, date_start, date_end, date_precision, "
                "fatalities_best, created_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (row[0], f"fp{row[0]}", *row[1:], now),
            )
        evidence = [
            ("event", 1, "ISIL and Naqshbandi fighters clashed in Hawija,\n killing 17."),
            ("event", 2, "Gunmen loyal to Baghdadi killed four villagers near Mosul."),
            ("relation", 2, "The former allies turned their guns on each other in Hawija."),
        ]
        conn.executemany(
            "INSERT INTO evidence (subject_kind, subject_id, document_id, sentence, start, end, text) "
            "VALUES (?, ?, 1, 0, ?, ?, ?)",
            [(kind, sid, i * 100, i * 100 + len(text), text) for i, (kind, sid, text) in enumerate(evidence)],
        )


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """A store with a few actors, relations, places, a control interval and events, built with SQL."""
    conn = connect(tmp_path_factory.mktemp("small") / "small.db")
    _fill(conn)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """demo/reports ingested once (~15 s) for every export test that needs the real pipeline."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with faultlines.open(path) as fl:
        fl.ingest([str(DEMO_REPORTS)])
    return path


@pytest.fixture()
def demo_db(demo_db_path: Path) -> Iterator[sqlite3.Connection]:
    """A connection to the ingested demo store."""
    conn = connect(demo_db_path)
    yield conn
    conn.close()
