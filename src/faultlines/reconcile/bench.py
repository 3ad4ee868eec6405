"""Benchmark of reconciliation: a synthetic store of N events, timed reconcile runs and state queries."""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from pathlib import Path
from typing import Any

from faultlines.query.state import state_at
from faultlines.reconcile import reconcile
from faultlines.store import connect, transaction

TYPES = (
    ["armed_clash"] * 40
    + ["nonstate_overtakes_territory"] * 10
    + ["government_regains_territory"] * 5
    + ["withdrawal"] * 5
    + ["air_strike"] * 15
    + ["attack"] * 17
    + ["pledge_allegiance", "alliance", "rivalry", "split", "disavowal", "merger"] * 1
    + ["support"] * 2
)


def build_store(path: Path, events: int, *, seed: int = 7, duplicate_share: float = 0.3) -> dict[str, int]:
    """Write ``events`` synthetic events (a share of them re-reports of earlier ones) into a new store."""
    rng = random.Random(seed)
    conn = connect(path)
    groups = [f"group-{i}" for i in range(240)]
    states = [f"state-{i}" for i in range(12)]
    with transaction(conn):
        conn.executemany(
            "INSERT INTO actors (id, name, kind) VALUES (?, ?, ?)",
            [(g, g.title(), "rebel_group") for g in groups] + [(s, s.title(), "state_forces") for s in states],
        )
        conn.executemany(
            "INSERT INTO places (id, key, name, feature, country, admin1) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (i, f"bench:{i}", f"Town {i}", "populated place", "IQ" if i % 2 else "SY", f"R{i % 20}")
                for i in range(1, 3001)
            ],
        )
        documents = max(1, events // 5)
        conn.executemany(
            "INSERT INTO documents (id, content_hash, text, published, status, ingested_at) "
            "VALUES (?, ?, ?, ?, 'processed', '2024-01-01')",
            [
                (
                    d,
                    f"h{d}",
                    f"report {d}",
                    _day(rng),
                )
                for d in range(1, documents + 1)
            ],
        )
        rows: list[tuple[Any, ...]] = []
        evidence: list[tuple[Any, ...]] = []
        made: list[tuple[Any, ...]] = []
        for i in range(1, events + 1):
            if made and rng.random() < duplicate_share:
                base = list(rng.choice(made))
                base[1] = rng.randint(1, documents)
            else:
                kind = rng.choice(TYPES)
                a1 = rng.choice(states if kind in ("government_regains_territory", "support") else groups)
                a2 = rng.choice(groups) if kind not in ("withdrawal", "attack") else None
                base = [0, rng.randint(1, documents), kind, a1, a2, rng.randint(1, 3000), _day(rng)]
                made.append(tuple(base))
            rows.append(
                (
                    i,
                    f"fp{i}",
                    base[1],
                    base[2],
                    base[3],
                    base[4],
                    base[5],
                    base[6],
                    base[6],
                    "day",
                    rng.choice(["asserted", "asserted", "reported", "hedged"]),
                    "2024-01-01",
                )
            )
            evidence.append(("event", i, base[1], i % 40, 0, 40, f"sentence reporting event {i}"))
        conn.executemany(
            "INSERT INTO events (id, fingerprint, document_id, type, actor1_id, actor2_id, place_id, date_start, "
            "date_end, date_precision, modality, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO evidence (subject_kind, subject_id, document_id, sentence, start, end, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            evidence,
        )
    conn.close()
    return {"events": events, "documents": documents}


def add_events(conn: sqlite3.Connection, count: int, seed: int = 13) -> None:
    """Append ``count`` new events (half of them re-reports of stored ones) in new documents."""
    rng = random.Random(seed)
    top = conn.execute("SELECT MAX(id) FROM events").fetchone()[0]
    top_doc = conn.execute("SELECT MAX(id) FROM documents").fetchone()[0]
    stored = conn.execute(
        "SELECT type, actor1_id, actor2_id, place_id, date_start FROM events ORDER BY random() LIMIT ?", (count,)
    ).fetchall()
    with transaction(conn):
        for i in range(1, count // 5 + 1):
            conn.execute(
                "INSERT INTO documents (id, content_hash, text, published, status, ingested_at) "
                "VALUES (?, ?, 'new report', ?, 'processed', '2024-01-01')",
                (top_doc + i, f"new{top_doc + i}", _day(rng)),
            )
        for i in range(1, count + 1):
            kind, a1, a2, place, day = stored[i - 1] if i % 2 else (rng.choice(TYPES), None, None, None, _day(rng))
            doc = top_doc + 1 + (i - 1) // 5
            conn.execute(
                "INSERT INTO events (id, fingerprint, document_id, type, actor1_id, actor2_id, place_id, "
                "date_start, date_end, date_precision, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'day', '')",
                (top + i, f"new{top + i}", doc, kind, a1, a2, place, day, day),
            )
            conn.execute(
                "INSERT INTO evidence (subject_kind, subject_id, document_id, sentence, start, end, text) "
                "VALUES ('event', ?, ?, 0, 0, 10, 'new report')",
                (top + i, doc),
            )


def _day(rng: random.Random) -> str:
    return f"{rng.randint(2012, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def run(path: Path, events: int = 100_000, queries: int = 20) -> dict[str, Any]:
    """Build the store, reconcile it (first run and a no-op re-run), and time ``state --at`` queries."""
    built = build_store(path, events)
    conn = connect(path)
    started, cpu = time.perf_counter(), time.process_time()
    first = reconcile(conn)
    first_s, first_cpu = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    again = reconcile(conn)
    again_s = time.perf_counter() - started
    add_events(conn, 1000)
    started, cpu = time.perf_counter(), time.process_time()
    added = reconcile(conn)
    added_s, added_cpu = time.perf_counter() - started, time.process_time() - cpu
    rng = random.Random(11)
    latencies = []
    sizes = []
    for _ in range(queries):
        at = _day(rng)
        started = time.perf_counter()
        state = state_at(conn, at)
        latencies.append(time.perf_counter() - started)
        sizes.append(len(state["relations"]) + len(state["control"]))
    conn.close()
    return {
        **built,
        "reconcile_first_s": round(first_s, 2),
        "reconcile_first_cpu_s": round(first_cpu, 2),
        "reconcile_rerun_s": round(again_s, 3),
        "reconcile_after_1000_new_events_s": round(added_s, 2),
        "reconcile_after_1000_new_events_cpu_s": round(added_cpu, 2),
        "first_run": first,
        "rerun": again,
        "after_1000_new_events": added,
        "state_query_median_s": round(statistics.median(latencies), 3),
        "state_query_max_s": round(max(latencies), 3),
        "state_facts_median": statistics.median(sizes),
    }
