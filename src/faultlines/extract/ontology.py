"""The faultlines event ontology: ACLED types, PLOVER types and group-relationship types.

The definitions live in ``faultlines/data/ontology/event_types.json``; this module loads
them once and answers look-ups by id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from faultlines.errors import NotFoundError

ONTOLOGY_FILE = "event_types.json"
TRIGGERS_FILE = "triggers.json"

#: Relation kinds a group-relationship event can imply (Mapping Militant Organizations vocabulary).
RELATION_KINDS = ("affiliation", "alliance", "rivalry", "merger", "split")
#: What a territory event does to the control of its place by actor1.
CONTROL_EFFECTS = ("holder_gains", "holder_loses")


@dataclass(frozen=True)
class EventType:
    """One faultlines event type and its place in the ACLED and PLOVER vocabularies."""

    id: str
    label: str
    definition: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    plover_type: str | None
    relation: str | None = None
    """Relation kind this event implies between actor1 and actor2 (see RELATION_KINDS)."""
    relation_effect: str | None = None
    """``starts`` or ``ends``: whether the relation begins or ends with this event."""
    control: str | None = None
    """Effect on actor1's control of the place (see CONTROL_EFFECTS)."""

    @property
    def is_group_relationship(self) -> bool:
        """True for pledge, merger, split, disavowal, alliance, rivalry and the like."""
        return self.relation is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return dict(self.__dict__)


def _data_text(name: str) -> str:
    return resources.files("faultlines").joinpath("data", "ontology", name).read_text(encoding="utf-8")


def _event_type(raw: dict[str, Any]) -> EventType:
    relation = raw.get("relation") or {}
    return EventType(
        id=raw["id"],
        label=raw["label"],
        definition=raw["definition"],
        acled_event_type=raw.get("acled_event_type"),
        acled_sub_event_type=raw.get("acled_sub_event_type"),
        plover_type=raw.get("plover_type"),
        relation=relation.get("kind"),
        relation_effect=relation.get("effect"),
        control=raw.get("control"),
    )


@cache
def ontology() -> tuple[EventType, ...]:
    """All faultlines event types, in the order of the data file."""
    raw = json.loads(_data_text(ONTOLOGY_FILE))
    return tuple(_event_type(item) for item in raw["types"])


@cache
def _index() -> dict[str, EventType]:
    return {event_type.id: event_type for event_type in ontology()}


def by_id(type_id: str) -> EventType:
    """The event type with id ``type_id``; raises NotFoundError naming the known ids."""
    try:
        return _index()[type_id]
    except KeyError:
        raise NotFoundError(
            f"unknown event type {type_id!r}",
            hint="use one of: " + ", ".join(sorted(_index())),
        ) from None


def by_acled_sub_event_type(sub_event_type: str) -> EventType:
    """The faultlines type that stands for an ACLED sub-event type as ACLED uses it."""
    for event_type in ontology():
        if event_type.acled_sub_event_type == sub_event_type and event_type.relation is None:
            return event_type
    raise NotFoundError(
        f"unknown ACLED sub-event type {sub_event_type!r}",
        hint="see data/ontology/event_types.json for the 25 ACLED sub-event types",
    )


@cache
def trigger_lexicon() -> dict[str, tuple[str, ...]]:
    """Trigger phrases (lower-cased lemma sequences) for each event type id."""
    raw = json.loads(_data_text(TRIGGERS_FILE))["triggers"]
    unknown = set(raw) - set(_index())
    if unknown:
        raise NotFoundError(f"trigger lexicon names unknown types {sorted(unknown)}", hint="fix triggers.json")
    return {type_id: tuple(phrases) for type_id, phrases in raw.items()}
