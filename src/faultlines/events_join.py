"""Join extracted event candidates with the resolved actors, places and dates of their document.

The extractor gives character spans; resolution gives mentions. An argument span takes the
resolved mention that overlaps it. An event without a place of its own takes the nearest place
mention of its sentence, then of the sentences before it (``place_precision`` says which); an event
without a time of its own takes the time in its sentence, or the publication date when it sits in
the lead of a dated report (news convention), and otherwise stays undated rather than borrowing
the article's date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from faultlines.records import EventRecord, MentionRecord

LEAD_SENTENCES = 2


def _overlapping(mentions: list[MentionRecord], span: tuple[int, int]) -> MentionRecord | None:
    start, end = span
    hits = [m for m in mentions if m.start < end and start < m.end]
    return max(hits, key=lambda m: m.end - m.start) if hits else None


def _actor_ref(mention: MentionRecord | None) -> dict[str, Any] | None:
    if mention is None or not mention.value.get("actor_id"):
        return None
    return {**mention.value, "text": mention.text}


def _actors(spans: tuple[tuple[int, int], ...], actors: list[MentionRecord]) -> list[dict[str, Any]]:
    refs = [_actor_ref(_overlapping(actors, span)) for span in spans]
    unique: dict[str, dict[str, Any]] = {}
    for ref in refs:
        if ref is not None:
            unique.setdefault(ref["actor_id"], ref)
    return list(unique.values())


def _place(candidate: Any, places: list[MentionRecord]) -> tuple[dict[str, Any] | None, str | None]:
    resolved = [m for m in places if m.value.get("place")]
    for span in candidate.places:
        hit = _overlapping(resolved, span)
        if hit is not None:
            return hit.value["place"], hit.value["place"].get("precision")
    same = [
        m for m in resolved if m.sentence == candidate.sentence_index and m.value["place"]["precision"] != "country"
    ]
    if same:
        nearest = min(same, key=lambda m: abs(m.start - candidate.trigger[0]))
        return nearest.value["place"], nearest.value["place"].get("precision")
    before = [m for m in resolved if m.sentence < candidate.sentence_index]
    if before:
        return before[-1].value["place"], "inferred_from_context"
    return None, None


def _when(
    candidate: Any, times: list[MentionRecord], published: date | None
) -> tuple[str | None, str | None, str | None]:
    resolved = [m for m in times if m.value.get("start")]
    hit = _overlapping(resolved, candidate.time) if candidate.time else None
    if hit is None:
        same = [m for m in resolved if m.sentence == candidate.sentence_index]
        hit = min(same, key=lambda m: abs(m.start - candidate.trigger[0])) if same else None
    if hit is not None:
        return hit.value["start"], hit.value["end"], hit.value["precision"]
    if published is not None and candidate.sentence_index < LEAD_SENTENCES:
        return published.isoformat(), published.isoformat(), "day"
    return None, None, None


def join_events(
    candidates: list[Any], text: str, published: date | None, mentions: list[MentionRecord]
) -> list[EventRecord]:
    """Resolved events for ``candidates`` (from :func:`faultlines.extract.extract_events`)."""
    actors = [m for m in mentions if m.kind == "actor"]
    places = [m for m in mentions if m.kind == "place"]
    times = [m for m in mentions if m.kind == "time"]
    records = []
    for c in candidates:
        actor1, actor2 = _actors(c.actor1, actors), _actors(c.actor2, actors)
        place, place_precision = _place(c, places)
        start, end, precision = _when(c, times, published)
        start_char, end_char = c.sentence_span
        records.append(
            EventRecord(
                type=c.type,
                acled_event_type=c.acled_event_type,
                acled_sub_event_type=c.acled_sub_event_type,
                plover_type=c.plover_type,
                actor1=actor1[0] if actor1 else None,
                actor2=actor2[0] if actor2 else None,
                assoc_actors1=actor1[1:],
                assoc_actors2=actor2[1:],
                place=place,
                place_precision=place_precision,
                date_start=start,
                date_end=end,
                date_precision=precision,
                fatalities=c.fatalities.to_dict() if c.fatalities else None,
                modality=c.modality,
                attribution=text[c.attribution[0] : c.attribution[1]] if c.attribution else None,
                confidence=c.confidence,
                sentence=c.sentence_index,
                start=start_char,
                end=end_char,
                text=text[start_char:end_char],
            )
        )
    return records
