"""Canonical events with their members, as relations, control and contradictions read them."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from faultlines.reconcile.actors import ActorFold
from faultlines.reconcile.confidence import DIRECTNESS, event_confidence
from faultlines.reconcile.dates import When, narrower
from faultlines.reconcile.places import PlaceIndex

Evidence = tuple[int, int, int, int, str]  # document, sentence, start, end, text


@dataclass
class Member:
    """One report of an event."""

    id: int
    document_id: int
    modality: str
    when: When
    fatalities: int | None
    published: str | None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def directness(self) -> int:
        """0 asserted ... 4 denied."""
        return DIRECTNESS.get(self.modality, 2)


@dataclass
class Occurrence:
    """A canonical event: one real-world event and every report of it."""

    id: int
    type: str
    actor1: str | None
    actor2: str | None
    place: int | None
    when: When
    members: list[Member] = field(default_factory=list)
    co_actors: list[str] = field(default_factory=list)
    """Other agents acting with actor1 ("the FSA and al-Nusra took over ..."): a joint action."""

    @property
    def evidence(self) -> list[Evidence]:
        """Evidence of every member, in document order."""
        return sorted({e for m in self.members for e in m.evidence})

    @property
    def documents(self) -> set[int]:
        """The independent documents that report it."""
        return {m.document_id for m in self.members}

    @property
    def confidence(self) -> float:
        """See :mod:`faultlines.reconcile.confidence`."""
        return event_confidence((m.document_id, m.modality) for m in self.members)

    @property
    def denied_only(self) -> bool:
        """True when no report says it happened (every report denies it or only announces a plan)."""
        return all(m.modality in ("denied", "planned") for m in self.members)


def load_occurrences(
    conn: sqlite3.Connection,
    folds: ActorFold,
    places: PlaceIndex,
    types: Iterable[str] | None = None,
    keys: set[int] | None = None,
) -> list[Occurrence]:
    """Active canonical events (of ``types``, or all; only the canonical ids ``keys`` if given) with their
    members and evidence, by date."""
    where = "e.status = 'active'"
    params: list[str] = []
    if types is not None:
        wanted = sorted(set(types))
        where += f" AND e.type IN ({','.join('?' * len(wanted))})"
        params = wanted
    if keys is not None:
        fill_temp(conn, "scope_keys", keys)
        where += " AND (e.id IN (SELECT id FROM temp.scope_keys) OR e.canonical_id IN (SELECT id FROM temp.scope_keys))"
    rows = conn.execute(
        "SELECT e.id, e.type, e.canonical_id, e.document_id, e.actor1_id, e.actor2_id, e.place_id, e.date_start, "
        "e.date_end, e.date_precision, e.modality, e.fatalities_best, d.published, e.assoc_actor1_ids FROM events e "
        f"JOIN documents d ON d.id = e.document_id WHERE {where} ORDER BY e.canonical_id IS NOT NULL, e.id",
        params,
    ).fetchall()
    evidence = _own_evidence(conn, [r["id"] for r in rows], scoped=keys is not None)
    occurrences: dict[int, Occurrence] = {}
    for row in rows:
        when = When(row["date_start"], row["date_end"], row["date_precision"])
        member = Member(
            row["id"],
            row["document_id"],
            row["modality"],
            when,
            row["fatalities_best"],
            row["published"],
            evidence.get(row["id"], []),
        )
        key = row["canonical_id"] or row["id"]
        occ = occurrences.get(key)
        if occ is None:
            if row["canonical_id"] is not None:
                continue  # its canonical event is of another type or inactive; repair() re-homes it
            occ = occurrences[key] = Occurrence(row["id"], row["type"], None, None, None, when)
        _absorb(occ, member, row["actor1_id"], row["actor2_id"], row["place_id"], folds, places)
        for co_actor in json.loads(row["assoc_actor1_ids"] or "[]"):
            shown = folds.shown(co_actor) or co_actor
            if shown not in occ.co_actors and folds.fold(shown) != folds.fold(occ.actor1):
                occ.co_actors.append(shown)
    return sorted(occurrences.values(), key=lambda o: (o.when.start or "", o.id))


def _absorb(
    occ: Occurrence,
    member: Member,
    actor1: str | None,
    actor2: str | None,
    place: int | None,
    folds: ActorFold,
    places: PlaceIndex,
) -> None:
    occ.members.append(member)
    actor1, actor2 = folds.shown(actor1), folds.shown(actor2)
    occ.actor1 = occ.actor1 or actor1
    if actor2 and folds.fold(actor2) != folds.fold(occ.actor1):
        occ.actor2 = occ.actor2 or actor2
    elif actor1 and occ.actor2 is None and folds.fold(actor1) != folds.fold(occ.actor1):
        occ.actor2 = actor1
    occ.place = places.finer(occ.place, place)
    if member.when.dated:
        occ.when = narrower(occ.when, member.when) if occ.when.dated else member.when


def fill_temp(conn: sqlite3.Connection, name: str, ids: Iterable[int]) -> None:
    """A temporary table ``temp.<name>(id)`` holding ``ids`` (replacing what it held)."""
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (id INTEGER PRIMARY KEY)")
    conn.execute(f"DELETE FROM temp.{name}")
    conn.executemany(f"INSERT OR IGNORE INTO temp.{name} (id) VALUES (?)", [(i,) for i in ids])


def _own_evidence(conn: sqlite3.Connection, event_ids: list[int], *, scoped: bool) -> dict[int, list[Evidence]]:
    found: dict[int, list[Evidence]] = defaultdict(list)
    if not event_ids:
        return found
    wanted = set(event_ids)
    sql = (
        "SELECT subject_id, document_id, sentence, start, end, text FROM evidence "
        "WHERE subject_kind = 'event' AND from_event IS NULL"
    )
    if scoped:
        fill_temp(conn, "scope_members", wanted)
        sql += " AND subject_id IN (SELECT id FROM temp.scope_members)"
    for row in conn.execute(sql):
        if row[0] in wanted:
            found[row[0]].append((row[1], row[2], row[3], row[4], row[5]))
    return found
