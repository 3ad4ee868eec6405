"""Modality and attribution of an event mention.

One of ``asserted`` (stated as fact), ``reported`` (stated by a named source, whose words are
the attribution), ``hedged`` ("reportedly", "unconfirmed reports"), ``denied`` (negated,
denied or rejected) and ``planned`` (intended, threatened, ordered, future).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from faultlines.extract.arguments import CharSpan, conjuncts, noun_phrase, token_chars

MODALITIES = ("asserted", "reported", "hedged", "denied", "planned")

_DENY_VERBS = {"deny", "reject", "refute", "dismiss", "disprove", "rebuff", "oppose"}
_PLAN_VERBS = {
    "plan", "intend", "threaten", "vow", "prepare", "aim", "seek", "want", "hope", "expect", "order",
    "aspire", "propose", "pledge_to", "promise", "try", "attempt", "call", "urge", "demand", "warn",
}  # fmt: skip
_FUTURE_AUX = {"will", "shall", "would", "'ll", "going"}
_HEDGE_AUX = {"may", "might", "could"}
_HEDGE_WORDS = {
    "reportedly", "allegedly", "purportedly", "apparently", "unconfirmed", "presumably", "possibly",
    "rumoured", "rumored", "supposedly", "unverified", "probably", "likely", "perhaps",
}  # fmt: skip
_REPORT_VERBS = {
    "say", "report", "claim", "confirm", "tell", "state", "announce", "add", "declare", "note",
    "allege", "write", "tweet", "post", "quote", "cite", "explain", "insist", "suggest", "show",
}  # fmt: skip
_MAX_HOPS = 6


@dataclass(frozen=True)
class Modality:
    """Modality label plus the char span of the source it is attributed to (if any)."""

    label: str
    attribution: CharSpan | None = None


def _ancestors(token: Token) -> list[Token]:
    found: list[Token] = []
    current = token
    for _ in range(_MAX_HOPS):
        if current.head is current:
            break
        current = current.head
        found.append(current)
    return found


def _is_negated(token: Token) -> bool:
    """ "did not attack", "no clashes were reported", "took the town without fighting" (the fighting
    is negated, not the taking: "fired without warning" and "withdrew without a fight" happened)."""
    if any(child.dep_ == "neg" for child in token.children):
        return True
    if any(child.lower_ == "no" for child in token.children if child.dep_ == "det"):
        return True
    return token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "without"


_GOVERNED_DEPS = {
    "xcomp",
    "ccomp",
    "dobj",
    "pobj",
    "prep",
    "acl",
    "advcl",
    "relcl",
    "pcomp",
    "attr",
    "oprd",
    "compound",
    "amod",
}


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the words that govern it as a complement, up to the sentence root.

    Climbing stops at a subject: in "protesters demanded X" the protest is not demanded.
    """
    chain = [trigger]
    current = trigger
    for _ in range(_MAX_HOPS):
        if current.head is current or current.dep_ not in _GOVERNED_DEPS:
            break
        current = current.head
        chain.append(current)
    return chain


def _source_of(verb: Token) -> CharSpan | None:
    """Span of the subject of a reporting verb, covering coordinated subjects."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent"):
            head = child if child.dep_ == "nsubj" else next((c for c in child.children if c.dep_ == "pobj"), None)
            if head is None or (head.pos_ == "PRON" and head.lower_ in ("it", "this", "that")):
                return None
            parts = conjuncts(head)
            spans = [noun_phrase(t) for t in parts]
            return min(s[0] for s in spans), max(s[1] for s in spans)
    return None


def _according_to(sentence: Span) -> CharSpan | None:
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                parts = conjuncts(objects[0])
                return token_chars([t for p in parts for t in p.subtree if not t.is_punct] or parts)
            rest = [t for t in token.doc[token.i + 2 : sentence.end] if not t.is_punct]
            return token_chars(rest[:4]) if rest else None
    return None


def _reporting_source(trigger: Token, sentence: Span) -> CharSpan | None:
    for token in _ancestors(trigger):
        if token.lemma_.lower() in _REPORT_VERBS:
            return _source_of(token)
    # "X happened, sources said" / "..., AFP reports": the reporting verb hangs off the root.
    root = sentence.root
    for child in [root, *root.children]:
        if child.lemma_.lower() in _REPORT_VERBS and child.i > trigger.i and child is not trigger:
            source = _source_of(child)
            if source:
                return source
    return None


def _governing_modality(chain: list[Token]) -> str | None:
    """Modality set by the nearest governing verb: "denied", "planned" or None."""
    for token in chain[1:]:
        lemma = token.lemma_.lower()
        if lemma in _DENY_VERBS or (lemma == "refuse" and token is chain[1]):
            return "denied"
        if lemma in _PLAN_VERBS:
            return "planned"
        if lemma in _REPORT_VERBS:
            return None
    return None


@dataclass(frozen=True)
class SentenceCues:
    """What a whole sentence says about the modality of each of its events: a hedge word in it,
    and the source it names with "according to" (read once per sentence, not once per event)."""

    hedged: bool
    according_to: CharSpan | None

    @classmethod
    def of(cls, sentence: Span, text: str | None = None) -> SentenceCues:
        """The cues of ``sentence`` (whose text is ``text``, if the caller has it): its words are
        read only when the text holds a cue word at all."""
        lowered = (sentence.text if text is None else text).lower()
        hedged = any(word in lowered for word in _HEDGE_WORDS) and any(t.lower_ in _HEDGE_WORDS for t in sentence)
        return cls(hedged, _according_to(sentence) if "according" in lowered else None)


def modality_of(trigger: Token, sentence: Span, cues: SentenceCues | None = None) -> Modality:
    """Modality of the event announced by ``trigger`` (its head token) within ``sentence``
    (``cues``: the sentence's, when the caller has them already).

    Negation or a governing verb of denial gives ``denied``; intention, orders, threats or a
    future auxiliary give ``planned``; hedge words give ``hedged``; a named source gives
    ``reported``; everything else is ``asserted``.
    """
    chain = _chain(trigger)
    governed = _governing_modality(chain)
    if any(_is_negated(t) for t in chain[:2]) or governed == "denied":
        return Modality("denied", _reporting_source(trigger, sentence))
    cues = cues or SentenceCues.of(sentence)
    planned_aux = any(c.lower_ in _FUTURE_AUX for t in chain[:2] for c in t.children if c.dep_ == "aux")
    if planned_aux or governed == "planned":
        return Modality("planned", cues.according_to or _reporting_source(trigger, sentence))
    hedged_aux = any(c.lower_ in _HEDGE_AUX for t in chain[:2] for c in t.children if c.dep_ == "aux")
    if hedged_aux or cues.hedged:
        return Modality("hedged", cues.according_to or _reporting_source(trigger, sentence))
    source = cues.according_to or _reporting_source(trigger, sentence)
    if source:
        return Modality("reported", source)
    return Modality("asserted")
