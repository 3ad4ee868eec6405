"""The actor knowledge base: lookup by id, alias key, acronym; rename chains; leaders over time."""

from __future__ import annotations

import gzip
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from faultlines.errors import ModelError, NotFoundError
from faultlines.kb.model import Actor, first_day
from faultlines.kb.normalise import normalise_alias

log = logging.getLogger(__name__)

DEFAULT_KB_FILE = Path(__file__).resolve().parents[1] / "data" / "actors" / "actors.jsonl.gz"
CURATED_FILE = DEFAULT_KB_FILE.with_name("curated.json")
LEADER_ALIAS_GRACE_DAYS = 365


class ActorKB:
    """An immutable set of actors with alias, acronym and description indexes.

    ``with_extra_aliases`` and ``with_actors`` return new KBs, so analyst corrections and
    provisional actors from the store can be layered over the default KB at run time.
    """

    def __init__(
        self,
        actors: Iterable[Actor],
        extra_aliases: Mapping[str, str] | None = None,
        lowercase_acronyms: Iterable[str] = (),
    ) -> None:
        self._actors: dict[str, Actor] = {a.id: a for a in actors}
        self._extra: dict[str, str] = dict(extra_aliases or {})
        self.lowercase_acronyms = frozenset(lowercase_acronyms)
        self._by_key: dict[str, list[str]] = defaultdict(list)
        self._by_acronym: dict[str, list[str]] = defaultdict(list)
        self._descriptions: dict[str, str] = {}
        self._alias_periods: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
        self._by_parent: dict[str, list[tuple[int, str]]] = defaultdict(list)  # parent -> (KB position, child)
        for position, actor in enumerate(self._actors.values()):
            self._index(actor)
            if actor.parent:
                self._by_parent[actor.parent].append((position, actor.id))
        self._extra_keys = {normalise_alias(alias): actor_id for alias, actor_id in self._extra.items()}
        for key, actor_id in self._extra_keys.items():
            self._add_key(key, actor_id, front=True)

    def _add_key(self, key: str, actor_id: str, front: bool = False) -> None:
        ids = self._by_key[key]
        if actor_id in ids:
            ids.remove(actor_id)
        ids.insert(0, actor_id) if front else ids.append(actor_id)

    def _index(self, actor: Actor) -> None:
        for name in [actor.name, *actor.aliases]:
            self._add_key(normalise_alias(name), actor.id)
        for acronym in actor.acronyms:
            self._by_acronym[acronym].append(actor.id)
        for text in actor.descriptions:
            self._descriptions[normalise_alias(text)] = actor.id
        for dated in actor.dated_aliases:
            period = (first_day(dated["from"]), first_day(dated["until"]) if dated.get("until") else None)
            self._alias_periods[(actor.id, normalise_alias(dated["alias"]))].append(period)

    # -- construction ------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorKB:
        """Load a KB file (gzip or plain JSON Lines; default: the packaged KB)."""
        path = Path(path) if path else DEFAULT_KB_FILE
        if not path.exists():
            raise ModelError(
                f"actor knowledge base {path} not found",
                hint="reinstall faultlines, or rebuild it with `python scripts/build_kb.py`",
            )
        opener = gzip.open if path.suffix == ".gz" else open
        actors: list[Actor] = []
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if "_meta" not in record:
                    actors.append(Actor.from_json(record))
        lowercase = _curated_lowercase_acronyms()
        log.debug("loaded %d actors from %s", len(actors), path)
        return cls(actors, lowercase_acronyms=lowercase)

    def with_extra_aliases(self, aliases: Mapping[str, str]) -> ActorKB:
        """A KB where each ``alias -> actor_id`` (e.g. an analyst's correction) takes precedence."""
        unknown = [a for a in aliases.values() if a not in self._actors]
        if unknown:
            raise NotFoundError(
                f"unknown actor id(s): {', '.join(sorted(set(unknown)))}",
                hint="add the actor first or check the id with `faultlines actors list`",
            )
        return ActorKB(self._actors.values(), {**self._extra, **aliases}, self.lowercase_acronyms)

    def with_actors(self, actors: Iterable[Actor]) -> ActorKB:
        """A KB with extra (or replacing) actors, e.g. provisional actors kept by the store."""
        merged = {**self._actors, **{a.id: a for a in actors}}
        return ActorKB(merged.values(), self._extra, self.lowercase_acronyms)

    def without(self, actor_ids: Iterable[str]) -> ActorKB:
        """A KB without the given actors (and without aliases pointing at them)."""
        drop = set(actor_ids)
        extra = {k: v for k, v in self._extra.items() if v not in drop}
        kept = [a for a in self._actors.values() if a.id not in drop]
        return ActorKB(kept, extra, self.lowercase_acronyms)

    # -- lookup ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    @property
    def extra_aliases(self) -> dict[str, str]:
        """The run-time aliases layered over the actors' own names."""
        return dict(self._extra)

    def find(self, actor_id: str) -> Actor | None:
        """The actor with ``actor_id``, or None."""
        return self._actors.get(actor_id)

    def get(self, actor_id: str) -> Actor:
        """The actor with ``actor_id``; raise NotFoundError if there is none."""
        actor = self._actors.get(actor_id)
        if actor is None:
            raise NotFoundError(f"no actor with id {actor_id!r}", hint="search with `faultlines actors list QUERY`")
        return actor

    def candidates(self, alias_key: str) -> list[Actor]:
        """Actors having a name whose :func:`normalise_alias` key is ``alias_key`` (best first)."""
        return [self._actors[i] for i in self._by_key.get(alias_key, ()) if i in self._actors]

    def lookup(self, text: str) -> list[Actor]:
        """Actors named ``text`` (any spelling variant)."""
        return self.candidates(normalise_alias(text))

    def corrected(self, text: str) -> Actor | None:
        """The actor an analyst's alias assigns to ``text`` (it overrides every other reading)."""
        actor_id = self._extra_keys.get(normalise_alias(text))
        return self._actors.get(actor_id) if actor_id else None

    def children(self, parent_ids: Iterable[str]) -> list[Actor]:
        """Actors whose parent is one of ``parent_ids``, in KB order."""
        entries = sorted({entry for parent in parent_ids for entry in self._by_parent.get(parent, ())})
        return [self._actors[actor_id] for _, actor_id in entries]

    def by_acronym(self, acronym: str) -> list[Actor]:
        """Actors with this exact (case-sensitive) acronym."""
        return [self._actors[i] for i in self._by_acronym.get(acronym, ()) if i in self._actors]

    def by_description(self, text: str) -> Actor | None:
        """The actor a known description ("the so-called caliphate") refers to."""
        actor_id = self._descriptions.get(normalise_alias(text))
        return self._actors.get(actor_id) if actor_id else None

    def search(self, query: str, limit: int = 10, cutoff: float = 80.0) -> list[tuple[Actor, float]]:
        """Actors matching ``query`` by exact alias key (score 100) then fuzzy key similarity."""
        key = normalise_alias(query)
        found: dict[str, float] = {a.id: 100.0 for a in self.candidates(key)}
        found.update({a.id: 100.0 for a in self.by_acronym(query.strip())})
        if len(found) < limit:
            for match, score, _ in process.extract(
                key, list(self._by_key), scorer=fuzz.WRatio, limit=limit * 2, score_cutoff=cutoff
            ):
                for actor_id in self._by_key[match]:
                    found.setdefault(actor_id, float(score))
        ranked = sorted(found.items(), key=lambda kv: -kv[1])[:limit]
        return [(self._actors[i], s) for i, s in ranked if i in self._actors]

    # -- time --------------------------------------------------------------------------
    def alias_valid(self, actor_id: str, text: str, day: date | None) -> bool:
        """Whether ``text`` named the actor on ``day``.

        Aliases lent by a leader ("Saleh forces", "Maliki's government") hold from the leader's
        first day in office until a year after the last (the press keeps "pro-Hadi forces" for
        a while); other names always hold, and so does every name when the date is unknown.
        """
        periods = self._alias_periods.get((actor_id, normalise_alias(text)))
        if not periods or day is None:
            return True
        iso, late = day.isoformat(), (day - timedelta(days=LEADER_ALIAS_GRACE_DAYS)).isoformat()
        return any(start <= iso and (until is None or late < until) for start, until in periods)

    def chain(self, actor_id: str) -> list[Actor]:
        """The rename chain containing the actor, oldest name first."""
        first = self.get(actor_id)
        seen = {first.id}
        while first.renamed_from and first.renamed_from in self._actors and first.renamed_from not in seen:
            first = self._actors[first.renamed_from]
            seen.add(first.id)
        members = [first]
        while members[-1].renamed_to and members[-1].renamed_to in self._actors:
            nxt = self._actors[members[-1].renamed_to]
            if nxt in members:
                break
            members.append(nxt)
        return members

    def in_force(self, actor_id: str, day: date | None) -> Actor:
        """The member of the actor's rename chain whose name was in force on ``day``.

        With no date, or a date outside every dated interval, the actor itself is returned.
        """
        actor = self.get(actor_id)
        if day is None or not (actor.renamed_from or actor.renamed_to):
            return actor
        dated = [m for m in self.chain(actor_id) if m.active_from or m.active_until]
        return next((m for m in dated if m.active_on(day)), actor)

    def name_in_force(self, actor_id: str, day: date | None) -> str:
        """The canonical name the actor's chain went by on ``day``."""
        return self.in_force(actor_id, day).name

    def organisation_of(self, person_id: str, day: date | None = None) -> Actor | None:
        """The organisation a person belonged to on ``day`` (name in force then), or None."""
        person = self.get(person_id)
        chosen = person.parent
        for membership in person.memberships:
            start, end = membership.get("from"), membership.get("until")
            iso = day.isoformat() if day else None
            if iso is None or ((not start or iso >= start) and (not end or iso < end)):
                chosen = membership["actor"]
                break
        if chosen is None or chosen not in self._actors:
            return None
        return self.in_force(chosen, day)


@cache
def _curated_lowercase_acronyms() -> tuple[str, ...]:
    if not CURATED_FILE.exists():
        return ()
    return tuple(json.loads(CURATED_FILE.read_text(encoding="utf-8")).get("lowercase_acronyms", ()))


@cache
def default_kb() -> ActorKB:
    """The packaged default KB (loaded once per process)."""
    return ActorKB.load()
