"""Every place the five seed articles name is found and put in the right country, within 25 km.

Our own annotation of the seeds: surface form as written -> (country, latitude, longitude) for
towns, (country, admin1, precision) for regions and areas.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from faultlines.resolve.places import PlaceCandidate, find_place_mentions, resolve_places
from faultlines.resolve.places.geo import distance_km

TOWNS: dict[str, dict[str, tuple[str, float, float]]] = {
    "000": {
        "taji": ("IQ", 33.52, 44.27),
        "abu ghraib": ("IQ", 33.30, 44.10),
        "aleppo": ("SY", 36.20, 37.16),
        "idlib": ("SY", 35.93, 36.63),
        "latakia": ("SY", 35.53, 35.79),
        "raqqa": ("SY", 35.95, 39.01),
        "fallujah": ("IQ", 33.35, 43.78),
        "mosul": ("IQ", 36.34, 43.12),
    },
    "001": {
        "Aleppo": ("SY", 36.20, 37.16),
        "Palmyra": ("SY", 34.56, 38.28),
        "Ramadi": ("IQ", 33.42, 43.31),
        "Sarwan": ("SY", 36.57, 37.21),
        "Ghouta": ("SY", 33.57, 36.40),
        "Idlib": ("SY", 35.93, 36.63),
    },
    "002": {
        "Albu Kamal": ("SY", 34.45, 40.92),
        "Al-Qaim": ("IQ", 34.39, 40.99),
    },
    "003": {
        "Al-Qaim": ("IQ", 34.39, 40.99),
        "Rawa": ("IQ", 34.48, 41.92),
        "Hawija": ("IQ", 35.33, 43.77),
        "Baghdad": ("IQ", 33.34, 44.40),
    },
    "004": {
        "Albu Kamal": ("SY", 34.45, 40.92),
        "Al-Qaim": ("IQ", 34.39, 40.99),
        "Raqa": ("SY", 35.95, 39.01),
        "Muhassen": ("SY", 35.23, 40.32),
        "Mosul": ("IQ", 36.34, 43.12),
        "Baghdad": ("IQ", 33.34, 44.40),
        "Irbil": ("IQ", 36.19, 44.01),
        "Samarra": ("IQ", 34.20, 43.89),
        "Tehran": ("IR", 35.69, 51.42),
    },
}

REGIONS: dict[str, dict[str, tuple[str, str, str]]] = {
    "000": {"deir ez-zor": ("SY", "Deir ez-Zor", "region"), "anbar": ("IQ", "Anbar", "region")},
    "001": {"Aleppo countryside": ("SY", "Aleppo", "near")},
    "002": {"Deir Ezzor province": ("SY", "Deir ez-Zor", "region")},
    "003": {"Kirkuk province": ("IQ", "Kirkuk", "region")},
    "004": {"Deir Ezzor province": ("SY", "Deir ez-Zor", "region")},
}


def _resolved(seeds_dir: Path, seed: str) -> dict[str, PlaceCandidate | None]:
    text = next(seeds_dir.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    mentions = find_place_mentions(text)
    results = resolve_places(mentions)
    found: dict[str, PlaceCandidate | None] = {}
    for mention, result in zip(mentions, results, strict=True):
        found.setdefault(mention.text, result)
    return found


@pytest.mark.parametrize("seed", sorted(TOWNS))
def test_seed_towns_resolve_within_25_km(seeds_dir: Path, seed: str) -> None:
    found = _resolved(seeds_dir, seed)
    for name, (country, lat, lon) in TOWNS[seed].items():
        assert name in found, f"{seed}: {name!r} was not found in the text"
        place = found[name]
        assert place is not None, f"{seed}: {name!r} did not resolve"
        km = distance_km(place.latitude, place.longitude, lat, lon)
        assert place.country == country and km <= 25, f"{seed}: {name!r} -> {place} ({km:.0f} km off)"


@pytest.mark.parametrize("seed", sorted(REGIONS))
def test_seed_regions_resolve_to_their_province(seeds_dir: Path, seed: str) -> None:
    found = _resolved(seeds_dir, seed)
    for name, (country, admin1, precision) in REGIONS[seed].items():
        place = found.get(name)
        assert place is not None, f"{seed}: {name!r} was not found or did not resolve"
        assert (place.country, place.admin1, place.precision) == (country, admin1, precision), place
