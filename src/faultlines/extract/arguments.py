"""Event arguments from the dependency parse: agents, targets, places and times as char spans.

All spans are (start_char, end_char) offsets into the Doc's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

CharSpan = tuple[int, int]

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
#: Children that end a noun phrase: clauses, prepositions, appositions, coordination.
_PHRASE_STOP = {"relcl", "acl", "prep", "appos", "conj", "cc", "advcl", "punct", "parataxis", "ccomp", "dep"}
#: Prepositions whose object is a partner or target of the event ("clashed with X").
PARTNER_PREPS = {"with", "against", "on", "to", "from", "between", "upon", "at", "into", "toward", "towards"}
#: Prepositions whose proper-noun object is a place ("in X", "near X").
PLACE_PREPS = {
    "in",
    "near",
    "at",
    "around",
    "outside",
    "inside",
    "into",
    "across",
    "of",
    "from",
    "to",
    "on",
    "towards",
    "toward",
    "along",
    "off",
    "through",
    "over",
}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
TIME_LABELS = {"DATE", "TIME"}
ACTOR_LABELS = {"ORG", "NORP", "PERSON", "GPE"}
#: Nouns that name places even when NER misses them ("the border crossing", "the village").
PLACE_NOUNS = {
    "town", "city", "village", "crossing", "border", "province", "district", "area", "region", "airport",
    "base", "airbase", "prison", "checkpoint", "camp", "neighbourhood", "neighborhood", "road", "highway",
    "port", "field", "territory", "governorate", "county", "township", "countryside", "side", "outskirts",
    "outpost",
}  # fmt: skip
#: Words that make the noun they modify a place: "border point", "border post", "frontier post".
PLACE_MODIFIERS = frozenset({"border", "frontier"})


def token_chars(tokens: Sequence[Token]) -> CharSpan:
    """Character span covering ``tokens`` (which must be non-empty)."""
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _phrase_tokens(head: Token) -> list[Token]:
    tokens = [head]
    for child in head.children:
        if child.dep_ in _PHRASE_STOP and not (child.dep_ == "punct" and child.text in "-'’"):
            continue
        tokens.extend(_phrase_tokens(child))
    return tokens


def noun_phrase(head: Token) -> CharSpan:
    """The noun phrase of ``head`` without relative clauses, prepositions or conjuncts."""
    tokens = [t for t in _phrase_tokens(head) if t.dep_ != "det" or t.i > head.i]
    tokens = _contiguous_around(tokens, head)
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens = tokens[1:]
    return token_chars(tokens)


def _contiguous_around(tokens: list[Token], head: Token) -> list[Token]:
    """The run of consecutive token indices that contains ``head``."""
    indices = {t.i for t in tokens}
    start = end = head.i
    while start - 1 in indices:
        start -= 1
    while end + 1 in indices:
        end += 1
    return [head.doc[i] for i in range(start, end + 1)]


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("the FSA and al-Nusra")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(conjuncts(child))
    return found


def prefer_actor(head: Token, actor_spans: Sequence[CharSpan] | None) -> CharSpan:
    """Argument span for ``head``: a known actor mention inside its phrase if any, else its noun phrase.

    A known mention covering the head wins; otherwise the first one in the head's own
    subtree ("militants led by ISIL" -> ISIL when only ISIL is known).
    """
    phrase = noun_phrase(head)
    if not actor_spans:
        return _named_appos(head) or phrase
    for start, end in actor_spans:
        if start <= head.idx < end or (phrase[0] <= start and end <= phrase[1]):
            return start, end
    subtree = token_chars(list(head.subtree))
    for start, end in actor_spans:
        if subtree[0] <= start and end <= subtree[1]:
            return start, end
    return phrase


def _named_appos(head: Token) -> CharSpan | None:
    """A proper-noun apposition of a common-noun head ("the group, Jaysh al-Islam")."""
    if head.pos_ == "PROPN":
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return noun_phrase(child)
    return None


def actor_list(
    heads: Iterable[Token], actor_spans: Sequence[CharSpan] | None, *, expand: bool = True
) -> list[CharSpan]:
    """Argument spans of ``heads`` (and their conjuncts when ``expand``), in text order, no repeats."""
    spans: list[CharSpan] = []
    for head in heads:
        for token in conjuncts(head) if expand else [head]:
            if token.pos_ in ("PRON",) and token.lower_ in ("who", "which", "that"):
                continue
            if token.i > 0 and token.doc[token.i - 1].text == "(":
                continue  # "(ISIL)" after a name is an alias of that name, not another actor
            span = prefer_actor(token, actor_spans)
            if span not in spans:
                spans.append(span)
    return sorted(spans)


def is_place_like(token: Token, actor_spans: Sequence[CharSpan] | None = None) -> bool:
    """True when ``token`` names a place (place entity or place noun), not a known actor."""
    if actor_spans and any(start <= token.idx < end for start, end in actor_spans):
        return False
    if token.ent_type_ in PLACE_LABELS:
        return True
    if token.lemma_.lower() in PLACE_NOUNS:
        return True
    return any(c.dep_ in ("compound", "amod") and c.lower_ in PLACE_MODIFIERS for c in token.children)


def clause_tokens(verb: Token) -> list[Token]:
    """Tokens of ``verb``'s own clause: its subtree minus coordinated or subordinate clauses
    that have their own subject."""
    tokens: list[Token] = [verb]
    for child in verb.children:
        if child.dep_ in ("conj", "advcl", "ccomp", "relcl", "parataxis") and _has_subject(child):
            continue
        tokens.extend(child.subtree)
    return sorted(tokens, key=lambda t: t.i)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in token.children)


def clause_verb(token: Token) -> Token:
    """The verb whose clause contains ``token`` (the token itself when it is a verb)."""
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") or current.head is current:
            return current
        current = current.head
    return current


def entity_spans(tokens: Iterable[Token], labels: set[str]) -> list[CharSpan]:
    """Char spans of the named entities with ``labels`` that have a token in ``tokens``."""
    spans: list[CharSpan] = []
    for token in tokens:
        if token.ent_type_ in labels:
            span = entity_chars(token)
            if span not in spans:
                spans.append(span)
    return spans


def entity_chars(token: Token) -> CharSpan:
    """Char span of the named entity ``token`` belongs to (walks the IOB tags, no scan of doc.ents)."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def place_spans(tokens: Sequence[Token], actor_spans: Sequence[CharSpan] | None) -> list[CharSpan]:
    """Places in ``tokens``: place entities plus proper-noun objects of in/near/at... not known as actors."""
    spans = [s for s in entity_spans(tokens, PLACE_LABELS) if not _overlaps_any(s, actor_spans)]
    for token in tokens:
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS and token.pos_ == "PROPN":
            span = noun_phrase(token)
            unknown = not _overlaps_any(span, actor_spans) and not _overlaps_any(span, spans)
            if unknown and token.ent_type_ in ("", *PLACE_LABELS):
                spans.append(span)
    return sorted(spans)


def _overlaps_any(span: CharSpan, others: Sequence[CharSpan] | None) -> bool:
    return bool(others) and any(span[0] < end and start < span[1] for start, end in others or ())
