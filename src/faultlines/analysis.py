"""Analyse one document: annotate -> resolve -> extract, as plain picklable records.

This runs in worker processes; it never touches the database. ``store.writer`` stores what
it returns. Analyst corrections that change recognition (added or moved aliases) reach the
workers through :func:`configure`.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from faultlines.kb.model import Actor
from faultlines.records import DocumentAnalysis, EventRecord, MentionRecord, SentenceRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Corrections:
    """Analyst decisions that change recognition: alias key -> actor, and non-KB actors."""

    aliases: tuple[tuple[str, str, str], ...] = ()  # (alias, alias key, actor id)
    actors: tuple[tuple[str, str, str], ...] = ()  # (id, name, kind) of discovered/analyst actors


_STATE: dict[str, Any] = {}


def configure(corrections: Corrections | None = None) -> None:
    """Build this process's pipeline and KB, with the analyst's corrections layered on top."""
    from faultlines.annotate import build_nlp, get_nlp
    from faultlines.kb import default_kb

    corrections = corrections or Corrections()
    if _STATE.get("corrections") == corrections and "nlp" in _STATE:
        return
    kb = default_kb()
    if corrections.aliases:
        extra = {actor_id: Actor(id=actor_id, name=name, kind=kind) for actor_id, name, kind in corrections.actors}
        kb = kb.with_actors(extra.values())
        named: dict[str, Actor] = {}
        for alias, _key, actor_id in corrections.aliases:
            actor = named.get(actor_id) or kb.get(actor_id)
            named[actor_id] = replace(actor, aliases=[*actor.aliases, alias])
        kb = kb.with_actors(named.values()).with_extra_aliases({alias: a for alias, _k, a in corrections.aliases})
        _STATE.update(nlp=build_nlp(kb), kb=kb, corrections=corrections)
    else:
        _STATE.update(nlp=get_nlp(), kb=kb, corrections=corrections)


def warm_up(corrections: Corrections | None = None) -> None:
    """Load the models once per process (worker initialiser)."""
    configure(corrections)


def analyze_document(text: str, published: date | None) -> DocumentAnalysis:
    """Run every pipeline stage over ``text`` published on ``published`` (None if unknown)."""
    if "nlp" not in _STATE:
        configure()
    doc = _STATE["nlp"](text)
    sentences = [SentenceRecord(i, s.start_char, s.end_char) for i, s in enumerate(doc.sents)]
    actors = _actor_mentions(doc, published)
    places = _place_mentions(doc, sentences, actors)
    mentions = actors + places + _time_mentions(text, published, sentences)
    return DocumentAnalysis(sentences=sentences, mentions=mentions, events=_events(doc, published, mentions))


def _events(doc: Any, published: date | None, mentions: list[MentionRecord]) -> list[EventRecord]:
    from faultlines.events_join import join_events
    from faultlines.extract import extract_events

    spans = [(m.start, m.end) for m in mentions if m.kind == "actor"]
    return join_events(extract_events(doc, actor_spans=spans), doc.text, published, mentions)


_NOT_PLACES = {"PERSON", "ORG", "NORP", "ACTOR"}


def _place_mentions(doc: Any, sentences: list[SentenceRecord], actors: list[MentionRecord]) -> list[MentionRecord]:
    """Gazetteer names in the text that are not people or actors, resolved together."""
    from faultlines.resolve.places import PlaceContext, find_place_mentions, get_gazetteer, resolve_places

    taken = [(m.start, m.end) for m in actors]
    taken += [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _NOT_PLACES]
    found = [
        m
        for m in find_place_mentions(doc.text)
        if m.start is not None
        and m.end is not None
        and not any(m.start < end and start < m.end for start, end in taken)
    ]
    countries = tuple(sorted({str(m.value["country"]) for m in actors if m.value.get("country")}))
    resolved = resolve_places(found, context=PlaceContext(countries=countries), gazetteer=get_gazetteer())
    return [
        MentionRecord(
            "place",
            sentence_of(sentences, m.start or 0),
            m.start or 0,
            m.end or 0,
            m.text,
            {"place": place.to_dict() if place else None, "container": m.container},
        )
        for m, place in zip(found, resolved, strict=True)
    ]


def sentence_of(sentences: list[SentenceRecord], offset: int) -> int:
    """Index of the sentence holding character ``offset``."""
    starts = [s.start for s in sentences]
    return max(bisect_right(starts, offset) - 1, 0)


def _country_of(actor_id: str | None) -> str | None:
    actor = _STATE["kb"].find(actor_id) if actor_id else None
    return actor.country if actor else None


def _time_mentions(text: str, published: date | None, sentences: list[SentenceRecord]) -> list[MentionRecord]:
    from faultlines.resolve.dates import find_time_expressions

    return [
        MentionRecord("time", sentence_of(sentences, t.char_start), t.char_start, t.char_end, t.text, t.to_dict())
        for t in find_time_expressions(text, published)
    ]


def _actor_mentions(doc: Any, published: date | None) -> list[MentionRecord]:
    from faultlines.kb.normalise import normalise_alias
    from faultlines.resolve.actors import resolve_actors

    records = []
    for m in resolve_actors(doc, published=published, kb=_STATE["kb"]):
        value = {
            "actor_id": m.actor_id or m.provisional_key,
            "provisional": m.provisional,
            "name": m.provisional_name or m.text,
            "kind": m.kind,
            "method": m.method,
            "score": m.score,
            "key": normalise_alias(m.text),
            "text": m.text,
            "organisation_id": m.organisation_id or m.organisation_key,
            "role": m.role,
            "country": _country_of(m.actor_id),
        }
        records.append(MentionRecord("actor", m.sentence, m.char_start, m.char_end, m.text, value))
    return records
