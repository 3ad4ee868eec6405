"""Cross-document event merging: each new event joins a matching canonical event or becomes one.

Two events match when their type family is the same, their date intervals overlap (an undated event
needs both actors, or an actor and the place, to agree, or - next to a dated report of one
document - the place and an adjacent sentence), no role names two different actors (renames,
merges and leaders folded), their places are the same or one lies inside the other (a report placed
only in a country does not absorb a local one), and something positively ties them: a shared actor,
the same place, or adjacent sentences of one document.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from faultlines.reconcile.actors import ActorFold
from faultlines.reconcile.dates import When, narrower
from faultlines.reconcile.places import PlaceIndex

log = logging.getLogger(__name__)

_FAMILIES = {
    "nonstate_overtakes_territory": "territory",
    "government_regains_territory": "territory",
    "nonviolent_territory_transfer": "territory",
    "headquarters_established": "territory",
    "air_strike": "remote",
    "shelling": "remote",
    "remote_explosive": "remote",
    "grenade": "remote",
    "chemical_weapon": "remote",
    "suicide_bomb": "remote",
}
SYMMETRIC = frozenset({"armed_clash", "alliance", "rivalry", "merger", "split", "agreement", "consult"})

_COLUMNS = (
    "id, document_id, type, actor1_id, actor2_id, place_id, date_start, date_end, date_precision, "
    "canonical_id, modality, place_precision"
)
# A country borrowed from the surrounding text says almost nothing about where an event was: it must
# not keep a report from joining the local one it belongs to.
_WEAK_PLACE = "inferred_from_context"


def family(event_type: str) -> str:
    """The type family events must share to be one event (a capture and a takeover are one)."""
    return _FAMILIES.get(event_type, event_type)


@dataclass
class Group:
    """A canonical event and what its members say together."""

    id: int
    family: str
    actor1: str | None
    actor2: str | None
    place: int | None
    when: When
    documents: set[int] = field(default_factory=set)
    sentences: set[tuple[int, int]] = field(default_factory=set)

    def actors(self) -> set[str]:
        """Both folded actors that are known."""
        return {a for a in (self.actor1, self.actor2) if a}


@dataclass
class Candidate:
    """An event being matched, with folded actors."""

    id: int
    document_id: int
    family: str
    actor1: str | None
    actor2: str | None
    place: int | None
    when: When
    sentence: int

    def actors(self) -> set[str]:
        """Both folded actors that are known."""
        return {a for a in (self.actor1, self.actor2) if a}


class Matcher:
    """The canonical events in memory, indexed by family, month and anchor (an actor, the place or the
    document), since a match needs a shared anchor; undated events are found through their actors."""

    def __init__(self, folds: ActorFold, places: PlaceIndex) -> None:
        self.folds = folds
        self.places = places
        self._index_: dict[tuple[str, str | None, str], list[Group]] = defaultdict(list)
        self._by_actor: dict[tuple[str, str], list[Group]] = defaultdict(list)
        self._by_document: dict[tuple[str, int], list[Group]] = defaultdict(list)
        self.groups: dict[int, Group] = {}

    def add(self, group: Group) -> None:
        """Index a canonical event."""
        self.groups[group.id] = group
        self._index(group)

    def _index(self, group: Group) -> None:
        anchors = _anchors(group.actors(), group.place, {d for d, _ in group.sentences})
        months: list[str | None] = list(_months(group.when)) if group.when.dated else [None]
        for month in months:
            for anchor in anchors:
                self._index_[(group.family, month, anchor)].append(group)
        for actor in group.actors():
            self._by_actor[(group.family, actor)].append(group)
        for document in {d for d, _ in group.sentences}:
            if group not in self._by_document[(group.family, document)]:
                self._by_document[(group.family, document)].append(group)

    def candidates(self, event: Candidate) -> Iterator[Group]:
        """Canonical events that might match ``event`` (each at most once)."""
        seen: set[int] = set()
        pools: list[list[Group]] = []
        if event.when.dated:
            anchors = _anchors(event.actors(), event.place, {event.document_id})
            for month in [*_months(event.when), None]:
                pools += [self._index_.get((event.family, month, anchor), []) for anchor in anchors]
        else:
            pools += [self._by_actor.get((event.family, a), []) for a in sorted(event.actors())]
            pools.append(self._by_document.get((event.family, event.document_id), []))
        for pool in pools:
            for group in pool:
                if group.id not in seen:
                    seen.add(group.id)
                    yield group

    def matches(self, group: Group, event: Candidate) -> bool:
        """The matching rule of the module docstring."""
        if not self._actors_agree(group, event) or not self._places_agree(group.place, event.place):
            return False
        shared_actor = bool(group.actors() & event.actors())
        same_place = group.place is not None and group.place == event.place
        if group.when.dated and event.when.dated:
            if not group.when.overlaps(event.when):
                return False
            near = any(d == event.document_id and abs(s - event.sentence) <= 1 for d, s in group.sentences)
            return shared_actor or same_place or near
        both_actors = len(group.actors() & event.actors()) == 2
        beside = same_place and (group.when.dated or event.when.dated) and self._next_sentence(group, event)
        return both_actors or (shared_actor and same_place) or beside

    @staticmethod
    def _next_sentence(group: Group, event: Candidate) -> bool:
        """One document goes on about a dated event in the next sentence (a second source's toll)."""
        return any(d == event.document_id and abs(s - event.sentence) <= 1 for d, s in group.sentences)

    def _places_agree(self, a: int | None, b: int | None) -> bool:
        """Same place or one inside the other; a country-wide report never absorbs a local one."""
        if a is None or b is None or a == b:
            return True
        levels = {p.level for p in (self.places.get(a), self.places.get(b)) if p is not None}
        return 0 not in levels and self.places.compatible(a, b)

    def _actors_agree(self, group: Group, event: Candidate) -> bool:
        if event.family in SYMMETRIC:
            mine, theirs = group.actors(), event.actors()
            if mine and theirs and not (mine & theirs):
                return False
            return not (len(mine) == 2 and len(theirs) == 2 and mine != theirs)
        return all(not (a and b and a != b) for a, b in ((group.actor1, event.actor1), (group.actor2, event.actor2)))

    def absorb(self, group: Group, event: Candidate) -> None:
        """Add what ``event`` says to ``group`` and re-index it under anything new."""
        before = (group.actors(), group.when)
        if event.family in SYMMETRIC:
            extra = sorted(event.actors() - group.actors())
            for actor in extra:
                if group.actor1 is None:
                    group.actor1 = actor
                elif group.actor2 is None:
                    group.actor2 = actor
        else:
            group.actor1 = group.actor1 or event.actor1
            group.actor2 = group.actor2 or event.actor2
        group.place = self.places.finer(group.place, event.place)
        if not group.when.dated:
            group.when = event.when
        elif event.when.dated:
            group.when = narrower(group.when, event.when)
        group.documents.add(event.document_id)
        group.sentences.add((event.document_id, event.sentence))
        if (group.actors(), group.when) != before:
            self._index(group)


def _anchors(actors: set[str], place: int | None, documents: set[int]) -> list[str]:
    """What can tie two reports: each actor, the place, each document."""
    return (
        [f"a:{a}" for a in sorted(actors)]
        + ([f"p:{place}"] if place is not None else [])
        + [f"d:{d}" for d in sorted(documents)]
    )


def _months(when: When) -> list[str]:
    """The months an interval touches (at most 13)."""
    assert when.start is not None
    start, end = when.start[:7], (when.end or when.start)[:7]
    year, month = int(start[:4]), int(start[5:7])
    out: list[str] = []
    while len(out) < 13:
        key = f"{year:04d}-{month:02d}"
        out.append(key)
        if key >= end:
            break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _candidate(row: sqlite3.Row, folds: ActorFold, places: PlaceIndex, sentence: int) -> Candidate:
    place = row["place_id"]
    info = places.get(place)
    if row["place_precision"] == _WEAK_PLACE and info is not None and info.level == 0:
        place = None
    return Candidate(
        id=row["id"],
        document_id=row["document_id"],
        family=family(row["type"]),
        actor1=folds.fold(row["actor1_id"]),
        actor2=folds.fold(row["actor2_id"]),
        place=place,
        when=When(row["date_start"], row["date_end"], row["date_precision"]),
        sentence=sentence,
    )


def _first_sentences(conn: sqlite3.Connection, where: str) -> dict[int, int]:
    rows = conn.execute(
        f"SELECT subject_id, MIN(sentence) FROM evidence WHERE subject_kind = 'event' AND from_event IS NULL "
        f"AND subject_id IN (SELECT id FROM events WHERE {where}) GROUP BY subject_id"
    )
    return {r[0]: r[1] for r in rows}


def load_matcher(conn: sqlite3.Connection, folds: ActorFold, places: PlaceIndex) -> Matcher:
    """The canonical events already reconciled, with what their members say."""
    matcher = Matcher(folds, places)
    where = "status = 'active' AND reconciled = 1"
    sentences = _first_sentences(conn, where)
    rows = conn.execute(f"SELECT {_COLUMNS} FROM events WHERE {where} ORDER BY canonical_id IS NOT NULL, id").fetchall()
    for row in rows:
        event = _candidate(row, folds, places, sentences.get(row["id"], 0))
        if row["canonical_id"] is None:
            group = Group(event.id, event.family, event.actor1, event.actor2, event.place, event.when)
            group.documents.add(event.document_id)
            group.sentences.add((event.document_id, event.sentence))
            matcher.add(group)
        elif (home := matcher.groups.get(row["canonical_id"])) is not None:
            matcher.absorb(home, event)
    return matcher


def merge_pending(conn: sqlite3.Connection, folds: ActorFold, places: PlaceIndex) -> tuple[int, set[int]]:
    """Match every active event not yet reconciled; return (events merged, canonical ids touched).

    Reports of one event inside one document are joined first (so a sentence naming the group and the
    next naming the town make one event), then each such local event is matched against the store.
    """
    where = "status = 'active' AND reconciled = 0"
    pending = conn.execute(f"SELECT {_COLUMNS} FROM events WHERE {where} ORDER BY document_id, id").fetchall()
    if not pending:
        return 0, set()
    sentences = _first_sentences(conn, where)
    matcher = load_matcher(conn, folds, places)
    links: list[tuple[int | None, int]] = []
    for local, members in _local_groups(
        [_candidate(r, folds, places, sentences.get(r["id"], 0)) for r in pending], folds, places
    ):
        probe = Candidate(
            local.id,
            next(iter(local.documents)),
            local.family,
            local.actor1,
            local.actor2,
            local.place,
            local.when,
            min(s for _, s in local.sentences),
        )
        group = next((g for g in matcher.candidates(probe) if matcher.matches(g, probe)), None)
        if group is None:
            matcher.add(local)
            links += [(None if m.id == local.id else local.id, m.id) for m in members]
            continue
        for member in members:
            matcher.absorb(group, member)
            links.append((group.id, member.id))
    conn.execute(f"UPDATE events SET reconciled = 1 WHERE {where}")
    conn.executemany("UPDATE events SET canonical_id = ? WHERE id = ?", [link for link in links if link[0] is not None])
    conn.executemany(
        "INSERT OR IGNORE INTO evidence (subject_kind, subject_id, role, document_id, sentence, start, end, text, "
        "from_event) SELECT 'event', ?, 'supports', document_id, sentence, start, end, text, subject_id "
        "FROM evidence WHERE subject_kind = 'event' AND subject_id = ? AND from_event IS NULL",
        [(c, e) for c, e in links if c is not None],
    )
    merged = sum(1 for c, _ in links if c is not None)
    touched = {c or e for c, e in links}
    _fill_canonical(conn, matcher, touched)
    log.info("reconciled %d new events, %d merged into others", len(pending), merged)
    return merged, touched


def _fill_canonical(conn: sqlite3.Connection, matcher: Matcher, touched: set[int]) -> None:
    """Give a canonical event the date and place its other reports know when its own report lacks them
    (an undated article's pledge takes the day and town of the dated one)."""
    for canonical in touched:
        group = matcher.groups.get(canonical)
        row = conn.execute(
            "SELECT place_id, place_precision, date_start FROM events WHERE id = ?", (canonical,)
        ).fetchone()
        if group is None or row is None:
            continue
        info = matcher.places.get(row["place_id"])
        weak = row["place_id"] is None or (
            row["place_precision"] == _WEAK_PLACE and info is not None and info.level == 0
        )
        if weak and group.place is not None and group.place != row["place_id"]:
            conn.execute(
                "UPDATE events SET place_id = ?, place_precision = (SELECT place_precision FROM events "
                "WHERE (id = ? OR canonical_id = ?) AND place_id = ? LIMIT 1) WHERE id = ?",
                (group.place, canonical, canonical, group.place, canonical),
            )
        if row["date_start"] is None and group.when.dated:
            conn.execute(
                "UPDATE events SET date_start = ?, date_end = ?, date_precision = ? WHERE id = ?",
                (group.when.start, group.when.end, group.when.precision, canonical),
            )


def _local_groups(events: list[Candidate], folds: ActorFold, places: PlaceIndex) -> list[tuple[Group, list[Candidate]]]:
    """Join the pending reports of one event within each document (events come sorted by document)."""
    out: list[tuple[Group, list[Candidate]]] = []
    local: Matcher | None = None
    document = None
    members: dict[int, list[Candidate]] = {}
    for event in events:
        if event.document_id != document or local is None:
            out += [(local.groups[k], v) for k, v in members.items()] if local is not None else []
            local, document, members = Matcher(folds, places), event.document_id, {}
        group = next((g for g in local.candidates(event) if local.matches(g, event)), None)
        if group is None:
            group = Group(event.id, event.family, event.actor1, event.actor2, event.place, event.when)
            group.documents.add(event.document_id)
            group.sentences.add((event.document_id, event.sentence))
            local.add(group)
            members[group.id] = [event]
        else:
            local.absorb(group, event)
            members[group.id].append(event)
    if local is not None:
        out += [(local.groups[k], v) for k, v in members.items()]
    return out


def repair(conn: sqlite3.Connection) -> int:
    """Send back for matching every event whose canonical event is gone, rejected or not canonical."""
    broken = conn.execute(
        "SELECT e.id FROM events e LEFT JOIN events c ON c.id = e.canonical_id "
        "WHERE e.canonical_id IS NOT NULL AND (c.id IS NULL OR c.status != 'active' OR c.canonical_id IS NOT NULL "
        "OR e.status != 'active')"
    ).fetchall()
    conn.executemany("UPDATE events SET canonical_id = NULL, reconciled = 0 WHERE id = ?", [(r[0],) for r in broken])
    conn.execute(
        "DELETE FROM evidence WHERE subject_kind = 'event' AND from_event IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM events d WHERE d.id = evidence.from_event AND d.canonical_id = evidence.subject_id "
        "AND d.status = 'active')"
    )
    return len(broken)
