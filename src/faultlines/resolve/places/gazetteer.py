"""Look place names up in the on-disk index: ``get_gazetteer().lookup("Deir Ezzor")``."""

from __future__ import annotations

import functools
import math
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from faultlines.resolve.places.index import ensure_index, load_admin1, load_supplement
from faultlines.resolve.places.keys import fold, name_key, skeleton_key, split_descriptor
from faultlines.resolve.places.model import (
    ACLED_PRECISION,
    ADMIN1,
    ADMIN2,
    COUNTRY,
    FEATURE_PRECISION,
    NEAR,
    PlaceCandidate,
)

# How well a name matched: the entry's main name, one of its other names, or only the skeleton.
MAIN_MATCH, ALIAS_MATCH, SKELETON_MATCH = 1.0, 0.9, 0.6
# Answers kept per gazetteer before the caches start afresh (bounds memory in long-running servers).
_CACHE_LIMIT = 100_000


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry as stored, with how well the asked name matched it."""

    id: int
    name: str
    latitude: float
    longitude: float
    country: str
    admin1_code: str
    geonames_id: int | None
    feature: str
    population: int
    supplement: bool
    match: float


def population_prior(population: int) -> float:
    """0..1: how much a place's size speaks for it when nothing else does."""
    return min(math.log10(population + 1), 7.0) / 7.0


class Gazetteer:
    """Read-only access to the place index (thread-safe; one SQLite connection per thread)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or ensure_index()
        self._local = threading.local()
        supplement = load_supplement()
        self._admin1_names = self._region_names(supplement)
        self._demonyms = {fold(k): v for k, v in supplement.get("demonyms", {}).items()}
        # The index is read-only, so answers can be kept: documents name the same places again and again.
        self._query_cache: dict[tuple[str, str], tuple[Entry, ...]] = {}
        self._exists_cache: dict[tuple[str, str], bool] = {}

    @staticmethod
    def _region_names(supplement: dict) -> dict[tuple[str, str], str]:
        overrides = supplement.get("admin1", {})
        names: dict[tuple[str, str], str] = {}
        for (cc, code), (gn_name, _lat, _lon) in load_admin1().items():
            names[(cc, code)] = overrides.get(f"{cc}.{code}", {}).get("name") or gn_name
        return names

    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def clear_cache(self) -> None:
        """Forget the answers kept so far (for timing cold lookups)."""
        self._query_cache.clear()
        self._exists_cache.clear()

    # -- raw access ---------------------------------------------------------------------------
    def entries(self, name: str, *, fuzzy: bool = True) -> list[Entry]:
        """Entries whose name has the key of ``name`` (or, when none and ``fuzzy``, its skeleton)."""
        key = name_key(name)
        if not key:
            return []
        found = self._query("n.key = ?", key, MAIN_MATCH, ALIAS_MATCH)
        if not found and fuzzy and len(key) >= 4:
            found = self._query("n.skel = ?", skeleton_key(name), SKELETON_MATCH, SKELETON_MATCH)
        return found

    def entries_by_skeleton(self, name: str) -> list[Entry]:
        """Entries whose consonant skeleton equals that of ``name`` (names of 4+ letters only)."""
        skeleton = skeleton_key(name)
        if len(name_key(name).replace(" ", "")) < 4 or len(skeleton.replace(" ", "")) < 3:
            return []  # "Loule" -> "l" would match half the world
        found = self._query("n.skel = ?", skeleton, SKELETON_MATCH, SKELETON_MATCH)
        # Regions and countries are known under their spellings (aliases); a near-miss is another name.
        return [e for e in found if e.feature not in (ADMIN1, COUNTRY)]

    def _query(self, where: str, value: str, main: float, alias: float) -> list[Entry]:
        cache_key = (where, value)
        cached = self._query_cache.get(cache_key)
        if cached is None:
            cached = self._query_cache[cache_key] = tuple(self._query_uncached(where, value, main, alias))
            if len(self._query_cache) > _CACHE_LIMIT:
                self._query_cache.clear()
                self._query_cache[cache_key] = cached
        return list(cached)

    def _query_uncached(self, where: str, value: str, main: float, alias: float) -> list[Entry]:
        sql = (
            "SELECT p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.gid, p.feature, p.pop, p.supplement,"
            f" MAX(n.main) FROM name n JOIN place p ON p.id = n.place WHERE {where} GROUP BY p.id"
        )
        rows = self._con.execute(sql, (value,)).fetchall()
        return [
            Entry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9]), main if r[10] else alias)
            for r in rows
        ]

    def has_name(self, key: str) -> bool:
        """True when some entry is known under this exact name key (see :func:`name_key`)."""
        return self._exists("key", key)

    def has_skeleton(self, skeleton: str) -> bool:
        """True when some entry has this consonant skeleton (see :func:`skeleton_key`)."""
        return self._exists("skel", skeleton)

    def _exists(self, column: str, value: str) -> bool:
        found = self._exists_cache.get((column, value))
        if found is None:
            sql = f"SELECT 1 FROM name WHERE {column} = ? LIMIT 1"  # column is "key" or "skel"
            found = self._con.execute(sql, (value,)).fetchone() is not None
            if len(self._exists_cache) > _CACHE_LIMIT:
                self._exists_cache.clear()
            self._exists_cache[(column, value)] = found
        return found

    def admin1_name(self, country: str, code: str) -> str | None:
        """Name of a first-level region ("Anbar" for IQ/01), None when unknown."""
        return self._admin1_names.get((country, code)) if code else None

    def country_of_demonym(self, word: str) -> str | None:
        """ISO code for an adjective such as "Iraqi" or "Syrian"."""
        return self._demonyms.get(fold(word))

    def country_code(self, name: str) -> str | None:
        """ISO code of a country named ``name`` ("Syria", "DRC", "Burma"), None if it is none."""
        for entry in self.entries(name, fuzzy=False):
            if entry.feature == COUNTRY:
                return entry.country
        return self.country_of_demonym(name)

    # -- public lookup -----------------------------------------------------------------------
    def candidate(self, entry: Entry, score: float, precision: str | None = None) -> PlaceCandidate:
        """Turn an index entry into the public record."""
        precision = precision or FEATURE_PRECISION.get(entry.feature, "town")
        return PlaceCandidate(
            name=entry.name,
            latitude=round(entry.latitude, 5),
            longitude=round(entry.longitude, 5),
            country=entry.country,
            admin1=self.admin1_name(entry.country, entry.admin1_code),
            geonames_id=entry.geonames_id,
            feature=entry.feature,
            precision=precision,
            acled_precision=ACLED_PRECISION[precision],
            score=round(score, 4),
            population=entry.population,
        )

    def lookup(
        self, name: str, *, country: str | None = None, admin1: str | None = None, limit: int = 5
    ) -> list[PlaceCandidate]:
        """Candidates for a place name, best first.

        ``country`` (ISO alpha-2) keeps only places in that country; ``admin1`` (a region name)
        favours places in that region. A descriptor in the name picks the kind of place:
        "Deir Ezzor province" prefers the region, "Aleppo countryside" gives precision ``near``.
        """
        bare, implied = split_descriptor(name.strip())
        entries = self.entries(bare) or self.entries(name)
        if country:
            entries = [e for e in entries if e.country == country.upper()]
        region_key = name_key(admin1) if admin1 else None
        eponymous = eponymous_regions(entries)
        scored = []
        for entry in entries:
            score = entry.match + 0.3 * population_prior(entry.population) + (0.05 if entry.supplement else 0)
            if region_key and self.in_region(entry, region_key):
                score += 0.5
            score += kind_fit(entry.feature, implied, (entry.country, entry.admin1_code) in eponymous)
            scored.append((score, entry))
        scored.sort(key=lambda item: (-item[0], -item[1].population))
        precision = NEAR if implied == NEAR else None
        return [self.candidate(e, s, precision if e.feature != COUNTRY else None) for s, e in scored[:limit]]

    def in_region(self, entry: Entry, region_key: str) -> bool:
        """True when ``entry`` lies in (or is) the first-level region whose name key is given."""
        region = self.admin1_name(entry.country, entry.admin1_code)
        if region is None:
            return False
        if same_region_name(name_key(region), region_key):
            return True
        return any(
            e.feature == ADMIN1 and e.country == entry.country and e.admin1_code == entry.admin1_code
            for e in self.entries(region_key, fuzzy=False)
        )


def same_region_name(a: str, b: str) -> bool:
    """Region keys that agree: equal, or one's words inside the other's ("michoacan de ocampo")."""
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    shorter = wa if len(wa) <= len(wb) else wb
    return bool(shorter) and shorter <= (wa | wb) and (wa <= wb or wb <= wa) and max(map(len, shorter)) >= 4


def kind_fit(feature: str, implied: str | None, eponymous: bool = False) -> float:
    """Bonus (or penalty) for how well the kind of place fits the descriptor the text used.

    ``eponymous``: the region shares its name with one of its own towns ("Aleppo"); a bare name
    then means the town more often than the region.
    """
    if implied == "region":
        return 0.6 if feature == ADMIN1 else -0.2
    if implied == NEAR:
        # "Kwande LGA", "Aleppo countryside": the district or region more than a namesake town.
        return {ADMIN1: 0.3, ADMIN2: 0.2}.get(feature, 0.0)
    if implied == "town":
        return -0.3 if feature in (ADMIN1, COUNTRY) else 0.1
    if feature == ADMIN1:
        return -0.15 if eponymous else 0.1
    if feature == ADMIN2:
        return -0.1  # "Shwebo district" is coded to Shwebo town when there is one
    return 0.0


def eponymous_regions(entries: list[Entry]) -> set[tuple[str, str]]:
    """(country, admin1 code) of the regions among ``entries`` that a town among them shares a name with."""
    towns = {(e.country, e.admin1_code) for e in entries if e.feature != ADMIN1 and e.match >= ALIAS_MATCH}
    return {(e.country, e.admin1_code) for e in entries if e.feature == ADMIN1} & towns


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (the index is built on first use)."""
    return Gazetteer()
