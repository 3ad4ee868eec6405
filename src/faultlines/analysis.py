"""Analyse one document: annotate -> resolve -> extract, as plain picklable records.

This runs in worker processes; it never touches the database. ``store.writer`` stores what
it returns. Analyst corrections that change recognition (added or moved aliases) reach the
workers through :func:`configure`.
"""

from __future__ import annotations

import logging
import re
import time
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from faultlines.kb.model import Actor
from faultlines.records import DocumentAnalysis, MentionRecord, SentenceRecord

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


_WARM_UP_TEXT = "On 21 June 2014, ISIL fighters seized Al-Qaim near the Syrian border and shelled Mosul."


def warm_up(corrections: Corrections | None = None) -> None:
    """Load the models once per process (worker initialiser), and run one short text through every
    stage so that the lazily built tables (gazetteer, time rules, trigger gate) are ready too."""
    configure(corrections)
    if not _STATE.get("warm"):
        analyze_document(_WARM_UP_TEXT, None)
        _STATE["warm"] = True
        reset_stage_costs()


_STAGE_SECONDS: dict[str, float] = {}
_COUNTS: dict[str, int] = {}


def stage_costs() -> dict[str, Any]:
    """CPU seconds spent per stage (spaCy components by name, then actors, places, times, events) and
    sentence/character counts of the gate, summed over this process's analyses since the last reset."""
    return {"seconds": dict(_STAGE_SECONDS), "counts": dict(_COUNTS)}


def reset_stage_costs() -> None:
    """Forget the stage costs gathered so far in this process."""
    _STAGE_SECONDS.clear()
    _COUNTS.clear()


#: The stage clock: CPU seconds of this process, which other work on a shared machine disturbs little.
_clock = time.process_time


def _timed(stage: str, started: float) -> float:
    now = _clock()
    _STAGE_SECONDS[stage] = _STAGE_SECONDS.get(stage, 0.0) + now - started
    return now


@dataclass
class Analysed:
    """One document's analysis with its working parts: the annotated Doc and the raw event candidates
    (``result.events[i]`` is ``candidates[i]`` joined with the resolved mentions)."""

    doc: Any
    candidates: list[Any]
    result: DocumentAnalysis


def analyze_document(text: str, published: date | None, *, selective: bool = True) -> DocumentAnalysis:
    """Run every pipeline stage over ``text`` published on ``published`` (None if unknown).

    ``selective`` (the default) parses only the sentences that can hold an event (see
    :func:`faultlines.annotate.annotate_selectively`); False runs the full pipeline on the whole text.
    """
    return analyze(text, published, selective=selective).result


def analyze(text: str, published: date | None, *, selective: bool = True) -> Analysed:
    """Like :func:`analyze_document`, keeping the Doc and the event candidates (for scorers)."""
    from faultlines.events_join import join_events
    from faultlines.extract import extract_events

    if "nlp" not in _STATE:
        configure()
    doc = _annotate(text, selective)
    started = _clock()
    sentences = [SentenceRecord(i, s.start_char, s.end_char) for i, s in enumerate(doc.sents)]
    times = _time_mentions(text, published, sentences)
    started = _timed("times", started)
    place_names = _place_candidates(doc, text)
    country, place_countries = _place_countries(place_names, sentences)
    started = _timed("places", started)
    actors = _actor_mentions(doc, published, country, _sentence_dates(times), place_countries)
    started = _timed("actors", started)
    places = _place_mentions(place_names, sentences, actors)
    started = _timed("places", started)
    mentions = actors + places + times
    candidates = extract_events(doc, actor_spans=[(m.start, m.end) for m in actors], text=text)
    events = join_events(candidates, text, published, mentions)
    _timed("events", started)
    return Analysed(doc, candidates, DocumentAnalysis(sentences=sentences, mentions=mentions, events=events))


def _annotate(text: str, selective: bool) -> Any:
    from faultlines.annotate import SelectiveStats, annotate_selectively
    from faultlines.extract.triggers import sentence_may_hold_event

    nlp = _STATE["nlp"]
    if not selective:
        started = _clock()
        doc = nlp(text)
        _timed("spacy_full", started)
        return doc
    stats = SelectiveStats()
    doc = annotate_selectively(nlp, text, sentence_may_hold_event, stats)
    for stage, seconds in stats.seconds.items():
        _STAGE_SECONDS[stage] = _STAGE_SECONDS.get(stage, 0.0) + seconds
    for name in ("sentences", "parsed_sentences", "chars", "parsed_chars"):
        _COUNTS[name] = _COUNTS.get(name, 0) + getattr(stats, name)
    return doc


_NOT_PLACES = {"PERSON", "ORG", "NORP", "ACTOR"}


def _place_candidates(doc: Any, text: str) -> list[Any]:
    """Gazetteer names in ``text`` (the text of ``doc``) that are not people or organisations, in
    text order; actors are not yet removed (see :func:`_place_mentions`)."""
    from faultlines.resolve.places import find_place_mentions

    names = [m for m in find_place_mentions(text) if m.start is not None and m.end is not None]
    spans = [(m.start or 0, m.end or 0) for m in names]
    entities = [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in _NOT_PLACES and not _org_at_place(e) and not _org_of_places(e, spans, text)
    ]
    return [m for m in names if _place_cue(text, m.start or 0, m.end or 0) or not _overlaps(m, entities)]


def _resolved_places(found: list[Any], countries: tuple[str, ...] = ()) -> list[Any]:
    from faultlines.resolve.places import PlaceContext, get_gazetteer, resolve_places

    return resolve_places(found, context=PlaceContext(countries=countries), gazetteer=get_gazetteer())


def _place_mentions(
    found: list[Any], sentences: list[SentenceRecord], actors: list[MentionRecord]
) -> list[MentionRecord]:
    """The place candidates that are not actors, resolved together (the actors' countries as context)."""
    taken = [(m.start, m.end) for m in actors]
    found = [m for m in found if not _overlaps(m, taken)]
    countries = tuple(sorted({str(m.value["country"]) for m in actors if m.value.get("country")}))
    resolved = _resolved_places(found, countries)
    starts = [s.start for s in sentences]
    return [
        MentionRecord(
            "place",
            _sentence_at(starts, m.start or 0),
            m.start or 0,
            m.end or 0,
            m.text,
            {"place": place.to_dict() if place else None, "container": m.container},
        )
        for m, place in zip(found, resolved, strict=True)
    ]


_LOCATIVE = frozenset({
    "in", "near", "at", "outside", "around", "into", "inside", "from", "towards", "toward",
    "entered", "enter", "enters", "entering",
})  # fmt: skip


def _org_at_place(ent: Any) -> bool:
    """An unknown name the NER calls ORG, PERSON or NORP right after a locative word ("in Al
    Malahit", "demonstrated in Dijon", "fighting in Aleppo", "entered Palmyra") is more likely a
    place the gazetteer may know; not before a possessive ("at Obama's request")."""
    if ent.label_ not in ("ORG", "PERSON", "NORP") or ent.start == 0 or ent.doc[ent.start - 1].lower_ not in _LOCATIVE:
        return False
    return ent.end >= len(ent.doc) or ent.doc[ent.end].tag_ != "POS"


#: Words that may sit between place names in an entity that is only a place ("Tal Madeeq town").
_PLACE_FILLER = re.compile(
    r"^(?:[\s,()\-]|\b(?:town|village|city|area|district|countryside|governorate|province|region|"
    r"neighbou?rhood|camp|of|the)\b)*$",
    re.IGNORECASE,
)


_TOWN_WORD_AFTER = re.compile(r"\s+(?:town|village|city|countryside|district|governorate|province)\b", re.I)


_CODED_BEFORE = re.compile(r"\bcoded (?:to|as|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
#: A capitalised bracket right after a name: its container, as in "Angra dos Reis (Rio de Janeiro)".
_BRACKET_AFTER = re.compile(r"\s?\([A-Z]")
#: The object of a verb of taking or leaving ground is a place whatever the NER calls it ("abandoned Al-Qaim").
_TERRITORIAL_VERB_BEFORE = re.compile(
    r"\b(?:seiz(?:e|es|ed|ing)|captur(?:e|es|ed|ing)|abandon(?:s|ed|ing)?|overr[au]n|storm(?:s|ed)|recaptur(?:e|es|ed)|"
    r"re-?t(?:ook|aken|ake|akes)|liberat(?:e|es|ed)|besieg(?:e|es|ed)|evacuat(?:e|es|ed)|(?:took|taken|take|seized) "
    r"control of|fell to|fall of|(?:withdr[eaw]w?n?|pulled out|retreated) from)"
    r"\s+(?:the\s+(?:town|city|village)\s+of\s+)?$",
    re.I,
)
#: The object of shelling or bombing is the ground hit, whatever the NER calls it ("shelled Pervomaisk").
_BOMBARDED_BEFORE = re.compile(
    r"\b(?:shell|bomb|bombard)(?:s|ed|ing)?\s+(?:the\s+(?:town|city|village)\s+of\s+)?$", re.I
)
_OF_PLACE = re.compile(
    r"\b(?:village|town|city|district|municipality|commune|locality|settlement|sub-prefecture|prefecture|area|"
    r"outskirts|suburb)s? of\s+(?:the\s+)?$",
    re.I,
)


#: A locative word, or a list begun after one, right before a capitalised name: "in Aleppo", "entered
#: Palmyra", "in Aleppo, Idlib and Hama" (the small model calls such names NORP, PERSON or ORG).
#: A list begun right after a locative word, up to a later item: "in Aleppo, Idlib and Hama".
_LISTED_AFTER_LOCATIVE = re.compile(
    r"\b(?:in|near|outside|around|into)\s+"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?,\s+){1,3}(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?,?\s+and\s+)?$"
    r"|\b(?:in|near|outside|around|into)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?,?\s+and\s+$"
)
#: After a name: a possessive ("in Assad's"), or a place of its own ("Al-Qaim in Iraq", which starts
#: a new item rather than continuing a list).
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_OWN_PLACE_AFTER = re.compile(r"\s+in\s")


def _place_cue(text: str, start: int, end: int) -> bool:
    """A name the text itself marks as a place, whatever the NER says: "Tal Madeeq town",
    "Aleppo countryside", a bracketed container "(Cheongju)" / "(Larkana, Sindh)", "coded as Patna",
    a name followed by its bracketed container, "the village of Kodjari", a later item of a list
    after a locative ("in Aleppo, Idlib and Hama"; not "in Assad's")."""
    if _TOWN_WORD_AFTER.match(text, end) or _TOWN_WORD_AFTER.search(text, start, end):
        return True
    before = max(start - 40, 0)
    if any(
        cue.search(text, before, start)
        for cue in (_CODED_BEFORE, _OF_PLACE, _TERRITORIAL_VERB_BEFORE, _BOMBARDED_BEFORE)
    ):
        return True
    if _listed_after_locative(text, start, end):
        return True
    if _BRACKET_AFTER.match(text, end):
        return True
    return text[max(start - 1, 0) : start] == "(" and text[end : end + 1] in (")", ",")


def _listed_after_locative(text: str, start: int, end: int) -> bool:
    """A capitalised later item of a list begun after a locative ("in Aleppo, Idlib and Hama")."""
    if not text[start : start + 1].isupper() or _POSSESSIVE_AFTER.match(text, end) or _OWN_PLACE_AFTER.match(text, end):
        return False
    return bool(_LISTED_AFTER_LOCATIVE.search(text, max(start - 80, 0), start))


def _overlaps(mention: Any, spans: list[tuple[int, int]]) -> bool:
    return any((mention.start or 0) < end and start < (mention.end or 0) for start, end in spans)


def _org_of_places(ent: Any, spans: list[tuple[int, int]], text: str) -> bool:
    """An ORG entity that is nothing but gazetteer names and place words ("Yakovlivka, Kharkiv",
    "Qanawat town"), or such a PERSON in brackets or after a comma ("Estreito (Maranhao)"), is a place
    the NER mislabelled."""
    if ent.label_ == "PERSON":
        if ent.start == 0 or ent.doc[ent.start - 1].text not in ("(", ","):
            return False  # a person's name is a place only where a container would stand
    elif ent.label_ != "ORG":
        return False
    inside = sorted((s, e) for s, e in spans if ent.start_char <= s and e <= ent.end_char)
    if not inside or inside == [(ent.start_char, ent.end_char)]:
        return False  # a lone name the NER calls an organisation may well be one
    rest, cursor = [], ent.start_char
    for start, end in inside:
        rest.append(text[cursor:start])
        cursor = max(cursor, end)
    rest.append(text[cursor : ent.end_char])
    return all(_PLACE_FILLER.match(part) for part in rest)


def sentence_of(sentences: list[SentenceRecord], offset: int) -> int:
    """Index of the sentence holding character ``offset``."""
    return _sentence_at([s.start for s in sentences], offset)


def _sentence_at(starts: list[int], offset: int) -> int:
    return max(bisect_right(starts, offset) - 1, 0)


def _country_of(actor_id: str | None) -> str | None:
    actor = _STATE["kb"].find(actor_id) if actor_id else None
    return actor.country if actor else None


def _time_mentions(text: str, published: date | None, sentences: list[SentenceRecord]) -> list[MentionRecord]:
    from faultlines.resolve.dates import find_time_expressions

    starts = [s.start for s in sentences]
    return [
        MentionRecord("time", _sentence_at(starts, t.char_start), t.char_start, t.char_end, t.text, t.to_dict())
        for t in find_time_expressions(text, published)
    ]


def _place_countries(found: list[Any], sentences: list[SentenceRecord]) -> tuple[str | None, dict[int, str]]:
    """From the document's place candidates, resolved together before the actors are known, to give
    unqualified state forces ("the army") their state: the country (ISO2) they name most and, per
    sentence whose places all lie in one country the document names at least twice, that country
    ("government forces withdrew" from a Syrian town in a report mostly about Iraq are Syria's)."""
    from faultlines.resolve.actors import document_country

    located = [(m, place) for m, place in zip(found, _resolved_places(found), strict=True) if place and place.country]
    counts = Counter(str(place.country) for _, place in located)
    starts = [s.start for s in sentences]
    by_sentence: dict[int, set[str]] = {}
    for mention, place in located if starts else ():
        by_sentence.setdefault(_sentence_at(starts, mention.start or 0), set()).add(str(place.country))
    sentence_countries = {
        index: next(iter(codes))
        for index, codes in by_sentence.items()
        if len(codes) == 1 and counts[next(iter(codes))] >= 2
    }
    return document_country(counts.elements()), sentence_countries


def _sentence_dates(times: list[MentionRecord]) -> dict[int, date]:
    """Sentence index -> start date of the first dated time expression in it."""
    found: dict[int, date] = {}
    for mention in times:
        start = mention.value.get("start")
        if start and mention.sentence not in found:
            found[mention.sentence] = date.fromisoformat(str(start))
    return found


def _actor_mentions(
    doc: Any,
    published: date | None,
    country: str | None = None,
    sentence_dates: dict[int, date] | None = None,
    sentence_countries: dict[int, str] | None = None,
) -> list[MentionRecord]:
    from faultlines.kb.normalise import normalise_alias
    from faultlines.resolve.actors import resolve_actors

    records = []
    for m in resolve_actors(
        doc,
        published=published,
        kb=_STATE["kb"],
        country=country,
        sentence_dates=sentence_dates or None,
        sentence_countries=sentence_countries or None,
    ):
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
