"""Argument repairs for frames the dependency parse gets wrong or reads too literally.

- A heading the sentence splitter glued to the next line: the line's own subject is the agent
  ("...joins it\\nThe local unit of X pledged loyalty" -> the local unit of X).
- A pronoun partner ("Qaeda unit joins it") is the nearest actor named before it on its line
  other than the agent.
- A noun event restated as the subject of "comes/came days after <clause>" ("Al-Nusra's oath of
  loyalty comes days after Iraqi forces abandoned Al-Qaim"): the other clause's actors and date
  belong to the other event, not to this one.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from faultlines.extract.arguments import TIME_LABELS, CharSpan, actor_list, entity_spans

_PRONOUNS = frozenset({"it", "them", "its"})
_SEQUENCE_VERBS = frozenset({"come", "follow"})


def line_subject(sentence: Span, head: Token, line: CharSpan, actor_spans: Sequence[CharSpan] | None) -> list[CharSpan]:
    """The agent of a trigger whose parsed subject lies on another line: the first noun of the
    trigger's line, before the trigger, that the parser attached to a word off the line."""
    for token in sentence:
        if token.idx < line[0] or token.i >= head.i:
            continue
        if token.pos_ in ("NOUN", "PROPN") and not line[0] <= token.head.idx < line[1]:
            spans = actor_list([token], actor_spans, expand=False)
            return [s for s in spans if line[0] <= s[0] and s[1] <= line[1]]
    return []


def resolve_pronouns(
    text: str,
    offset: int,
    actor1: list[CharSpan],
    actor2: list[CharSpan],
    line: CharSpan,
    actor_spans: Sequence[CharSpan] | None,
) -> list[CharSpan]:
    """``actor2`` with a pronoun ("it") replaced by the nearest known actor before it on the line
    that is not the agent (dropped when there is none); ``text`` is the sentence's, from ``offset``."""
    if not actor2:
        return actor2
    out: list[CharSpan] = []
    for span in actor2:
        if text[span[0] - offset : span[1] - offset].lower() not in _PRONOUNS:
            out.append(span)
            continue
        earlier = [
            s
            for s in actor_spans or ()
            if line[0] <= s[0] and s[1] <= span[0] and s not in actor1 and not any(_overlap(s, a) for a in actor1)
        ]
        if earlier and earlier[-1] not in out:
            out.append(earlier[-1])
    return out


def _overlap(a: CharSpan, b: CharSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def is_restatement(head: Token) -> bool:
    """Whether the noun trigger ``head`` is the subject of "comes/came/follows (days) after ..."."""
    if head.pos_ != "NOUN" or head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head.head
    if verb.lemma_.lower() not in _SEQUENCE_VERBS:
        return False
    return any(t.lower_ == "after" for t in verb.subtree if t.i > verb.i)


def own_span(head: Token) -> CharSpan:
    """Characters of ``head``'s own phrase (its subtree)."""
    left, right = head.left_edge, head.right_edge
    return left.idx, right.idx + len(right.text)


def own_time(head: Token) -> CharSpan | None:
    """A time expression inside ``head``'s own phrase, if any."""
    spans = entity_spans(list(head.subtree), TIME_LABELS)
    return spans[0] if spans else None
