"""ACLED-style coding of a whole report: pick the one main event the report describes.

ACLED codes each report (or note) as a single event, folding the follow-up facts into the
sub-event type: a protest that police disperse is a "Protest with intervention", an abduction
that ends in a killing is an "Attack". ``main_event`` applies those conventions to the
candidates that :func:`faultlines.extract.events.extract_events` returns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from faultlines.extract.arguments import noun_phrase
from faultlines.extract.events import EventCandidate, is_tagged
from faultlines.extract.ontology import by_id

#: Main-event preference when a report holds several events (earlier wins).
PRIORITY = (
    "suicide_bomb", "chemical_weapon", "government_regains_territory", "nonstate_overtakes_territory",
    "nonviolent_territory_transfer", "air_strike", "shelling", "grenade", "remote_explosive",
    "sexual_violence", "armed_clash", "attack", "abduction", "excessive_force_against_protesters",
    "mob_violence", "violent_demonstration", "protest_with_intervention", "peaceful_protest",
    "disrupted_weapons_use", "looting_property_destruction", "arrest", "agreement",
    "headquarters_established", "withdrawal", "pledge_allegiance", "merger", "split", "disavowal", "alliance",
    "rivalry", "group_formed", "group_dissolved", "rename", "mobilize", "change_to_group_activity", "other",
)  # fmt: skip  # fmt: skip
PROTEST_TYPES = frozenset({"peaceful_protest", "violent_demonstration", "protest_with_intervention"})
_INTERVENTION_WORDS = frozenset({
    "disperse", "intervene", "teargas", "tear", "detain", "arrest", "baton", "stop", "prevent", "break",
    "cordon", "block", "remove", "evict", "crackdown", "clear", "kettle",
})  # fmt: skip
_INTERVENTION_VERBS = frozenset(
    {"disperse", "intervene", "detain", "arrest", "evict", "kettle", "beat", "raid", "stop"}
)
#: Subjects that make a fight "mob violence" rather than an armed clash.
MOB_SUBJECTS = frozenset({
    "mob", "crowd", "rioter", "supporter", "student", "resident", "villager", "user", "youth", "local",
    "people", "worker", "vigilante", "relative", "neighbour", "neighbor", "family", "fan", "trader",
})  # fmt: skip
_LETHAL_WORDS = frozenset({"live", "bullet", "kill", "dead", "shoot", "shot", "fire", "gunfire", "ammunition"})
_VIOLENT_PROTEST_WORDS = frozenset({
    "stone", "rock", "molotov", "tyre", "tire", "vandalize", "vandalise", "smash", "violently", "riot",
    "rioter", "loot", "torch", "petrol", "brick", "clash", "bottle", "barricade", "pyrotechnic",
    "firecracker", "throw",
})  # fmt: skip


def _rank(event: EventCandidate) -> tuple[int, int]:
    type_rank = PRIORITY.index(event.type) if event.type in PRIORITY else len(PRIORITY)
    return type_rank, event.trigger[0]


def _as_type(event: EventCandidate, type_id: str) -> EventCandidate:
    event_type = by_id(type_id)
    return replace(
        event,
        type=type_id,
        acled_event_type=event_type.acled_event_type,
        acled_sub_event_type=event_type.acled_sub_event_type,
        plover_type=event_type.plover_type,
    )


_FORCES = frozenset(
    {"police", "force", "soldier", "troop", "officer", "military", "army", "authority", "guard", "policeman"}
)
_PARTICIPANTS = frozenset(
    {"protester", "protestor", "demonstrator", "participant", "people", "activist", "student", "worker"}
)


def _is_intervention(token: Token) -> bool:
    """Forces dispersing or detaining participants: "police dispersed", "5 protesters were detained"."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in _INTERVENTION_VERBS:
        return False
    for child in token.children:
        heads = (
            [child] if child.dep_ in ("nsubj", "nsubjpass") else [c for c in child.children if child.dep_ == "agent"]
        )
        for head in heads:
            lemma = head.lemma_.lower()
            if (child.dep_ != "nsubjpass" and lemma in _FORCES) or (
                child.dep_ == "nsubjpass" and lemma in _PARTICIPANTS
            ):
                return True
    return False


_FORCE_AGAINST_PROTEST = frozenset({"protest_with_intervention", "excessive_force_against_protesters"})


def _intervening_forces(doc: Doc) -> tuple[int, int] | None:
    """The forces that act on a protest: the subject of "police dispersed ...", else the first
    forces noun of the report ("tear gas fired by police")."""
    for token in doc:
        if token.pos_ == "VERB" and token.lemma_.lower() in _INTERVENTION_VERBS | _LETHAL_WORDS:
            for child in token.children:
                heads = [child] if child.dep_ == "nsubj" else [c for c in child.children if child.dep_ == "agent"]
                for head in heads:
                    if head.lemma_.lower() in _FORCES:
                        return noun_phrase(head)
    for token in doc:
        if token.lemma_.lower() in _FORCES and token.pos_ in ("NOUN", "PROPN") and token.tag:
            return noun_phrase(token)
    return None


def _is_violent_word(token: Token) -> bool:
    """A violent act word that is part of what happened, not of the protest's topic."""
    if token.lemma_.lower() not in _VIOLENT_PROTEST_WORDS:
        return False
    if token.lemma_.lower() in _MISSILES:
        return True
    first_sentence = token.sent.start == 0
    return not first_sentence or (token.pos_ == "VERB" and token.dep_ not in ("relcl", "acl"))


#: Things protesters throw or burn; they are never just the topic of a protest.
_MISSILES = frozenset({
    "stone", "rock", "molotov", "tyre", "tire", "barricade", "brick", "bottle", "petrol", "pyrotechnic",
    "firecracker",
})  # fmt: skip


def _is_violent_cue(doc: Doc, event: EventCandidate) -> bool:
    """Rioting or destruction by the protesters ("demonstrated and destroyed", "rioters")."""
    if event.type not in ("violent_demonstration", "looting_property_destruction"):
        return False
    span = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
    return span is not None and span.root.dep_ not in ("pobj", "relcl", "acl", "compound")


def _protest_subtype(doc: Doc, events: Sequence[EventCandidate], text: str) -> str:
    lemmas = {t.lemma_.lower() for t in doc}
    types = {e.type for e in events}
    if "mob_violence" in types or "mob" in lemmas:
        return "mob_violence"
    protest_words = {"protest", "protester", "protestor", "demonstrate", "demonstration", "demonstrator", "march"}
    if not lemmas & protest_words and "violent_demonstration" in types:
        return "mob_violence"  # rioters with no protest: ACLED's mob violence
    forces = lemmas & {"police", "force", "soldier", "troop", "officer", "military", "army"}
    if forces and lemmas & _LETHAL_WORDS and (lemmas & {"live", "bullet", "kill", "dead"}):
        return "excessive_force_against_protesters"
    if any(_is_violent_cue(doc, e) for e in events) or any(_is_violent_word(t) for t in doc):
        return "violent_demonstration"
    if any(_is_intervention(t) for t in doc) or lemmas & {"teargas", "tear-gas"} or "tear gas" in text.lower():
        return "protest_with_intervention"
    return "peaceful_protest"


def _depth(doc: Doc, event: EventCandidate) -> int:
    """How far the trigger sits below its sentence root (0 = the main verb)."""
    token = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
    if token is None:
        return 9
    current, depth = token.root, 0
    while current.head is not current and depth < 9:
        current, depth = current.head, depth + 1
    return depth


def _led_by_mob(doc: Doc, event: EventCandidate) -> bool:
    """True when actor1 is an unorganised crowd (supporters, residents, students ...)."""
    for start, end in event.actor1:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.root.lemma_.lower() in MOB_SUBJECTS:
            return True
    return False


TERRITORY = ("government_regains_territory", "nonstate_overtakes_territory", "nonviolent_territory_transfer")


def main_event(doc: Doc, events: Sequence[EventCandidate], text: str | None = None) -> EventCandidate | None:
    """The event an ACLED coder would record for the report ``doc`` (None when none fits).

    Only asserted, reported or hedged events with an ACLED type count. The main event is the
    one closest to the main verb of the first sentence that has one; captures win over the
    fighting around them, and a protest absorbs what happens to it.
    """
    text = doc.text if text is None else text  # spaCy rebuilds doc.text on every access: once here
    usable = [e for e in events if e.acled_sub_event_type and e.modality not in ("denied", "planned")]
    if CROWD_SIZE.search(text):
        return _crowd_event(doc, events, usable, text)
    if not usable:
        return None
    first_sentence = min(e.sentence_index for e in usable)
    lead = [e for e in usable if e.sentence_index == first_sentence]
    protests = [e for e in lead if e.type in PROTEST_TYPES]
    if protests:
        main = _as_type(protests[0], _protest_subtype(doc, usable, text))
        forces = _intervening_forces(doc) if main.type in _FORCE_AGAINST_PROTEST else None
        return replace(main, actor2=(forces,)) if forces and not main.actor2 else main
    territory = [e for e in usable if e.type in TERRITORY and e.sentence_index <= first_sentence + 1]
    if territory:
        return territory[0]
    if any(e.type == "mob_violence" for e in lead):
        return next(e for e in lead if e.type == "mob_violence")
    best = min(lead, key=lambda e: (_depth(doc, e), _rank(e)))
    if best.type in ("armed_clash", "attack") and _led_by_mob(doc, best):
        return _as_type(best, "mob_violence")
    if best.type == "abduction" and any(e.type == "attack" and e.fatalities for e in usable):
        return _as_type(best, "attack")
    if best.type == "withdrawal":
        return _as_type(best, "nonviolent_territory_transfer")
    return best


#: ACLED's crowd-size tag ("[size=no report]", "[size=around 200]"): its notes give a crowd's size
#: only for demonstrations, peaceful or not (protests, riots, mob violence).
CROWD_SIZE = re.compile(r"\[size=[^\]]*\]")
_CROWD_VIOLENCE = frozenset({"attack", "armed_clash", "looting_property_destruction", "abduction"})


def _crowd_event(
    doc: Doc, events: Sequence[EventCandidate], usable: Sequence[EventCandidate], text: str
) -> EventCandidate | None:
    """The main event of a note that reports a crowd's size: its protest; else a crowd's violence
    ("motorists cornered and beat up two men") as mob violence; else the lead's first clause as a
    peaceful protest ("teachers blocked roads ... to demand the payment of salaries")."""
    if not usable:
        first = _first_clause(doc, events)
        return _as_type(first, _protest_subtype(doc, [], text)) if first is not None else None
    first_sentence = min(e.sentence_index for e in usable)
    lead = [e for e in usable if e.sentence_index == first_sentence]
    protests = [e for e in lead if e.type in PROTEST_TYPES]
    violent = [e for e in lead if e.type in _CROWD_VIOLENCE | {"mob_violence"}]
    if violent and not protests:
        best = min(violent, key=lambda e: (_depth(doc, e), _rank(e)))
        return _as_type(best, "mob_violence")
    protests = protests or [e for e in usable if e.type in PROTEST_TYPES]
    if protests:
        main = _as_type(protests[0], _protest_subtype(doc, usable, text))
        forces = _intervening_forces(doc) if main.type in _FORCE_AGAINST_PROTEST else None
        return replace(main, actor2=(forces,)) if forces and not main.actor2 else main
    best = min(lead, key=lambda e: (_depth(doc, e), _rank(e)))
    return _as_type(best, _protest_subtype(doc, usable, text))


def _first_clause(doc: Doc, events: Sequence[EventCandidate]) -> EventCandidate | None:
    """The first event of the note whatever its type, else the main verb of its first parsed
    sentence as an event with its subject as actor1 (for a note the trigger lexicon has no word for)."""
    if events:
        return min(events, key=lambda e: (e.sentence_index, _depth(doc, e), e.trigger[0]))
    for index, sentence in enumerate(doc.sents):
        if not sentence.text.strip():
            continue
        # a sentence the selective parse skipped has no root to read: its first word stands for it
        root = sentence.root if is_tagged(sentence) else sentence[0]
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        return EventCandidate(
            type="peaceful_protest",
            acled_event_type=None,
            acled_sub_event_type=None,
            plover_type=None,
            trigger=(root.idx, root.idx + len(root.text)),
            actor1=tuple(noun_phrase(s) for s in subjects[:1]),
            sentence_index=index,
            sentence_span=(sentence.start_char, sentence.end_char),
            evidence=sentence.text,
            confidence=0.3,
        )
    return None
