"""The place resolver's public records: candidates, mentions and document context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Feature kinds of gazetteer entries.
POPULATED_PLACE = "populated place"
ADMIN1 = "admin1 region"
ADMIN2 = "admin2 district"
COUNTRY = "country"
CROSSING = "crossing"
LANDMARK = "landmark"
AREA = "area"

# Precision codes, finest first, and ACLED's 1-3 geo_precision for each.
TOWN, NEAR, REGION, COUNTRY_PRECISION = "town", "near", "region", "country"
ACLED_PRECISION = {TOWN: 1, NEAR: 2, REGION: 3, COUNTRY_PRECISION: 3}
FEATURE_PRECISION = {
    POPULATED_PLACE: TOWN,
    CROSSING: TOWN,
    LANDMARK: TOWN,
    ADMIN2: NEAR,
    AREA: NEAR,
    ADMIN1: REGION,
    COUNTRY: COUNTRY_PRECISION,
}


@dataclass(frozen=True)
class PlaceCandidate:
    """One gazetteer entry proposed for a mention, with how well it fits (``score``, higher is better)."""

    name: str
    latitude: float
    longitude: float
    country: str
    admin1: str | None
    geonames_id: int | None
    feature: str
    precision: str
    acled_precision: int
    score: float
    population: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (the keys are the field names)."""
        # the fields are plain values: a shallow copy is what dataclasses.asdict gives, only faster
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: the surface form, its sentence and (optionally) its character span.

    ``container`` is the place the text says this one lies in, when it says so: "Aleppo" in
    "in Sarwan (Aleppo)" or "Kirkuk province" in "Hawija, in Kirkuk province".
    """

    text: str
    sentence: str = ""
    start: int | None = None
    end: int | None = None
    container: str | None = None
    sentence_start: int | None = None
    """Where ``sentence`` starts in the text (with ``start``, where in it this mention stands)."""


@dataclass(frozen=True)
class PlaceContext:
    """What the document says about where it is: ISO alpha-2 hints, strongest first.

    ``countries`` are the countries of the actors involved (or any other known hint);
    ``publication_country`` the country of the outlet or dateline when known.
    """

    countries: tuple[str, ...] = ()
    publication_country: str | None = None
