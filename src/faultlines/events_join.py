"""Join extracted event candidates with the resolved actors, places and dates of their document.

The extractor gives character spans; resolution gives mentions. An argument span takes the
resolved mention that overlaps it. An event without a place of its own takes the nearest place
mention of its sentence, then of the sentences before it (``place_precision`` says which); an event
without a time of its own takes the time in its sentence, or the publication date when it sits in
the lead of a dated report (news convention), and otherwise stays undated rather than borrowing
the article's date.
"""

from __future__ import annotations

import re
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


#: Event types whose sides are organisations: a person the text ties to an organisation (its leader,
#: commander, spokesman) stands for it there ("Baghdadi announced the merger" -> ISI).
ORGANISATION_TYPES = frozenset({
    "pledge_allegiance", "merger", "split", "disavowal", "alliance", "rivalry", "group_formed",
    "group_dissolved", "rename", "armed_clash", "nonstate_overtakes_territory", "government_regains_territory",
    "nonviolent_territory_transfer", "headquarters_established", "withdrawal", "air_strike", "shelling",
    "remote_explosive", "suicide_bomb", "chemical_weapon", "mobilize",
})  # fmt: skip


def as_organisation(ref: dict[str, Any] | None, actors: list[MentionRecord]) -> dict[str, Any] | None:
    """The organisation a person reference stands for (``via_person`` names the person); other
    references, and people with no organisation the store can name, come back unchanged."""
    if not ref or ref.get("kind") != "person" or not ref.get("organisation_id"):
        return ref
    org_id = ref["organisation_id"]
    for mention in actors:
        if mention.value.get("actor_id") == org_id and mention.value.get("kind") != "person":
            return {**mention.value, "text": mention.text, "via_person": ref["actor_id"]}
    if str(org_id).startswith("prov-"):
        return ref  # a discovered organisation not named in this document: nothing to store it by
    return {"actor_id": org_id, "provisional": False, "name": org_id, "kind": None, "text": ref.get("text"),
            "via_person": ref["actor_id"]}  # fmt: skip


def _actors(spans: tuple[tuple[int, int], ...], actors: list[MentionRecord], type_id: str = "") -> list[dict[str, Any]]:
    refs = [_actor_ref(_overlapping(actors, span)) for span in spans]
    if type_id in ORGANISATION_TYPES:
        refs = [as_organisation(ref, actors) for ref in refs]
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


_SENTENCE_END = re.compile(r"""[.!?]["'”’)]*\s""")


def _in_lead(candidate: Any, text: str) -> bool:
    """True when the event's sentence is a headline line or the first full sentence of the text
    (no sentence-final punctuation before it), however the text was split into sentences."""
    return _SENTENCE_END.search(text, 0, candidate.sentence_span[0]) is None


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _dateline_before(candidate: Any, times: list[MentionRecord], text: str) -> MentionRecord | None:
    """A day-precise date standing alone on its line just before the event's sentence: the dateline
    of a report inside a digest ("The Daily Star (Lebanon)\n25 June, 2014\n\nThe move ...")."""
    start = candidate.sentence_span[0]
    before = [m for m in times if m.end <= start]
    for mention in reversed(before):
        if len(_PARAGRAPH_BREAK.findall(text, mention.end, start)) > 1:
            return None  # only the paragraph right after the dateline
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        rest = line.replace(mention.text, "")
        if mention.value.get("precision") == "day" and sum(ch.isalpha() for ch in rest) <= 3:
            return mention
    return None


def _when(
    candidate: Any, times: list[MentionRecord], published: date | None, text: str = ""
) -> tuple[str | None, str | None, str | None]:
    resolved = [m for m in times if m.value.get("start")]
    hit = _overlapping(resolved, candidate.time) if candidate.time else None
    if hit is None:
        same = [m for m in resolved if m.sentence == candidate.sentence_index]
        hit = min(same, key=lambda m: abs(m.start - candidate.trigger[0])) if same else None
    if hit is None:
        hit = _dateline_before(candidate, resolved, text)
    if hit is not None:
        return hit.value["start"], hit.value["end"], hit.value["precision"]
    if published is not None and (candidate.sentence_index < LEAD_SENTENCES or _in_lead(candidate, text)):
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
        actor1, actor2 = _actors(c.actor1, actors, c.type), _actors(c.actor2, actors, c.type)
        place, place_precision = _place(c, places)
        start, end, precision = _when(c, times, published, text)
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
