"""The records that analysis produces and the store writes: plain, picklable dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SentenceRecord:
    """A sentence's index and character offsets in the document."""

    idx: int
    start: int
    end: int


@dataclass(frozen=True)
class MentionRecord:
    """A recognised actor, place or time mention.

    ``value`` carries the resolution: for actors ``actor_id`` / provisional fields, for
    places the gazetteer entry under ``place``, for times the normalised interval.
    """

    kind: str  # actor / place / time
    sentence: int
    start: int
    end: int
    text: str
    value: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EventRecord:
    """An extracted event with its resolved arguments and its evidence."""

    type: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    plover_type: str | None
    actor1: dict[str, Any] | None
    actor2: dict[str, Any] | None
    assoc_actors1: list[dict[str, Any]]
    assoc_actors2: list[dict[str, Any]]
    place: dict[str, Any] | None
    place_precision: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    fatalities: dict[str, int] | None
    modality: str
    attribution: str | None
    confidence: float
    sentence: int
    start: int
    end: int
    text: str


@dataclass
class DocumentAnalysis:
    """Everything the pipeline found in one document."""

    sentences: list[SentenceRecord] = field(default_factory=list)
    mentions: list[MentionRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
