"""Place compatibility: the same place, or one inside the other (parent, region, country)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class PlaceInfo:
    """What reconciliation needs of a place."""

    id: int
    feature: str | None
    country: str | None
    admin1: str | None
    parent_id: int | None

    @property
    def level(self) -> int:
        """0 country, 1 first-level region, 2 anything finer."""
        if self.feature == "country":
            return 0
        if self.feature and self.feature.startswith("admin1"):
            return 1
        return 2


class PlaceIndex:
    """All stored places, loaded once per run."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._places = {
            row[0]: PlaceInfo(row[0], row[1], row[2], row[3], row[4])
            for row in conn.execute("SELECT id, feature, country, admin1, parent_id FROM places")
        }

    def get(self, place_id: int | None) -> PlaceInfo | None:
        """The place, or None."""
        return self._places.get(place_id) if place_id is not None else None

    def contains(self, outer_id: int, inner_id: int) -> bool:
        """True when ``inner`` lies in ``outer`` (parent chain, same region or same country)."""
        if outer_id == inner_id:
            return True
        outer, inner = self._places.get(outer_id), self._places.get(inner_id)
        if outer is None or inner is None:
            return False
        parent, steps = inner.parent_id, 0
        while parent is not None and steps < 10:
            if parent == outer_id:
                return True
            nxt = self._places.get(parent)
            parent, steps = (nxt.parent_id if nxt else None), steps + 1
        if outer.level == 0:
            return inner.country == outer.country and inner.level > 0
        if outer.level == 1:
            return inner.level == 2 and inner.country == outer.country and inner.admin1 == outer.admin1
        return False

    def compatible(self, a: int | None, b: int | None) -> bool:
        """True when either is unknown, they are equal, or one is inside the other."""
        if a is None or b is None:
            return True
        return self.contains(a, b) or self.contains(b, a)

    def finer(self, a: int | None, b: int | None) -> int | None:
        """The more specific of two compatible places."""
        if a is None:
            return b
        if b is None:
            return a
        return b if self.contains(a, b) and a != b else a

    def controllable(self, place_id: int | None) -> bool:
        """Places below region level (towns, crossings, bases) have a holder; countries and regions do not."""
        place = self.get(place_id)
        return place is not None and place.level == 2
