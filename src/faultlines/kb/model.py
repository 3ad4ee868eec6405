"""The actor record of the knowledge base."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

KINDS = (
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "external_force",
    "civilians",
    "protesters",
    "person",
    "other",
)

# Roles of state actors: the government itself and its armed services.
STATE_ROLES = ("government", "military", "police")


@dataclass
class Actor:
    """One canonical actor.

    Renames are separate actors linked by ``renamed_from``/``renamed_to`` (one actor per name
    era, e.g. ISI -> ISIL -> IS), each with its ``active_from``/``active_until`` (ISO dates,
    possibly only a year ``"2014"`` or ``None`` when unknown).
    """

    id: str
    name: str
    kind: str
    country: str | None = None
    parent: str | None = None
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    active_from: str | None = None
    active_until: str | None = None
    ucdp_id: int | None = None
    renamed_from: str | None = None
    renamed_to: str | None = None
    splinter_of: list[str] = field(default_factory=list)
    allies: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    role: str | None = None
    descriptions: list[str] = field(default_factory=list)
    memberships: list[dict[str, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    # aliases valid only over a period ({"alias", "from", "until"}): a leader's name lent to the
    # state ("Saleh forces") names the state's forces only while that leader was in office
    dated_aliases: list[dict[str, str]] = field(default_factory=list)

    def names(self) -> list[str]:
        """Every name the actor is known by: canonical name, aliases and acronyms."""
        return [self.name, *self.aliases, *self.acronyms]

    def to_json(self) -> dict[str, Any]:
        """A compact JSON-able dict (empty and None fields left out)."""
        return {k: v for k, v in asdict(self).items() if v not in (None, [], "")}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Actor:
        """Inverse of :meth:`to_json`."""
        return cls(**data)

    def active_on(self, day: date) -> bool:
        """Whether ``day`` falls inside the active interval (unknown bounds are open)."""
        iso = day.isoformat()
        if self.active_from and iso < first_day(self.active_from):
            return False
        return not (self.active_until and iso >= first_day(self.active_until))


def first_day(partial: str) -> str:
    """The first day of a partial ISO date (``"2014"`` -> ``"2014-01-01"``)."""
    parts = partial.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts)
