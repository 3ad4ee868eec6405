"""Analyse one document: annotate -> extract -> resolve, as plain picklable records.

This runs in worker processes; it never touches the database. ``store.writer`` stores what
it returns.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

log = logging.getLogger(__name__)


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
    places the gazetteer entry, for times the normalised interval.
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


def warm_up() -> None:
    """Load the models once per process (worker initialiser)."""
    _nlp()


def _nlp() -> Any:
    from faultlines.annotate import get_nlp

    return get_nlp()


def analyze_document(text: str, published: date | None) -> DocumentAnalysis:
    """Run every pipeline stage over ``text`` published on ``published`` (None if unknown)."""
    doc = _nlp()(text)
    sentences = [SentenceRecord(i, s.start_char, s.end_char) for i, s in enumerate(doc.sents)]
    return DocumentAnalysis(sentences=sentences)
