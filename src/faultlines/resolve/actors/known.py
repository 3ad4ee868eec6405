"""Pass 1: mentions of known actors (entity-ruler matches and NER entities named in the KB)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from faultlines.annotate.patterns import LABEL
from faultlines.kb.model import Actor
from faultlines.kb.normalise import ARTICLES
from faultlines.kb.states import FORCES_ON_GROUND, GENERIC_PREFIX, state_id
from faultlines.resolve.actors.context import DocContext
from faultlines.resolve.actors.found import Found

NER_LABELS = ("ORG", "PERSON", "NORP", "FAC")
# Head words that may stay lower-case in a cased name ("the al-Nusra front").
_LOWER_OK_HEADS = frozenset(
    [
        "front",
        "army",
        "brigade",
        "brigades",
        "battalion",
        "movement",
        "council",
        "forces",
        "force",
        "group",
        "organization",
        "organisation",
        "party",
        "militia",
        "branch",
        "offshoot",
        "affiliate",
        "franchise",
        "network",
        "coalition",
    ]
)
_FUNCTION_WORDS = ARTICLES | {"of", "and", "in", "for", "wa", "wal", "bin", "ibn", "abu", "s", "'s", "’s"}


def plausible_case(span: Span, actor: Actor, ctx: DocContext) -> bool:
    """In normally cased text, a group name matched case-insensitively must look like a name.

    "establish an Islamic state" is not the Islamic State; "the al-Nusra front" still is al-Nusra.
    State actors ("Iraqi security forces") and descriptions are written in lower case anyway.
    """
    if not ctx.cased(span.start_char) or actor.kind == "state_forces":
        return True
    if span.text in actor.acronyms or any(span.text.lower() == d.lower() for d in actor.descriptions):
        return True
    if any(span.text == name for name in actor.names()):
        return True
    words = [t.text for t in span if t.is_alpha and t.lower_ not in _FUNCTION_WORDS]
    if not words:
        return False
    last_ok = words[-1][0].isupper() or words[-1].lower() in _LOWER_OK_HEADS
    return words[0][0].isupper() and last_ok


def inside_longer_name(span: Span) -> bool:
    """A one-word match glued to other capitalised words ("European Union", "Union Army") is a
    different name."""
    return len(span) == 1 and not span.text.isupper() and _glued(span)


def _generic_state(ent: Span, ctx: DocContext) -> Found | None:
    """ "the army", "police officers": the state forces of the document's country, if known."""
    if ctx.country is None or _glued(ent) or _non_state_modifier(ent):
        return None
    role = ent.ent_id_.removeprefix(GENERIC_PREFIX)
    country = FORCES_ON_GROUND.get(ctx.country, ctx.country) if role == "military" else ctx.country
    actor = ctx.kb.find(state_id(country, role))
    if actor is None:
        return None
    return Found(ent.start_char, ent.end_char, ent.text, "kb", 0.7, actor, kind=actor.kind)


_NON_STATE = frozenset(
    ["paramilitary", "rebel", "rebels", "private", "militia", "opposition", "insurgent", "own", "tribal"]
)


def _non_state_modifier(span: Span) -> bool:
    """ "a large paramilitary army", "rebel troops": not the state's forces."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in _NON_STATE


def _glued(span: Span) -> bool:
    """Whether a capitalised word sits right before or after the span ("Karenni Army")."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    glued_prev = prev is not None and not prev.is_sent_start and prev.text[:1].isupper() and prev.is_alpha
    glued_next = nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and span[-1].text[:1].isupper()
    return glued_prev or glued_next


def _candidates(span: Span, ctx: DocContext) -> list[Actor]:
    text = re.sub(r"^(the|a|an)\s+", "", span.text, flags=re.IGNORECASE)
    corrected = ctx.kb.corrected(text)
    if corrected is not None:
        return [corrected]
    found = ctx.kb.lookup(text) + ctx.kb.by_acronym(text)
    if text.upper() in ctx.kb.lowercase_acronyms:
        found += ctx.kb.by_acronym(text.upper())
    if span.ent_id_ and not found and span.ent_id_ in ctx.kb:
        found.append(ctx.kb.get(span.ent_id_))
    return found


def known_mentions(ctx: DocContext) -> list[Found]:
    """Ruler matches (and NER entities whose text is a KB name), resolved against the KB."""
    out: list[Found] = []
    for ent in ctx.doc.ents:
        if ent.label_ != LABEL and ent.label_ not in NER_LABELS:
            continue
        if ent.ent_id_.startswith(GENERIC_PREFIX):
            generic = _generic_state(ent, ctx)
            if generic is not None:
                out.append(generic)
            continue
        description = ctx.kb.by_description(ent.text)
        if description is not None:
            out.append(Found(ent.start_char, ent.end_char, ent.text, "description", 0.9, description))
            continue
        actor = ctx.choose(_candidates(ent, ctx))
        if actor is None or not plausible_case(ent, actor, ctx) or inside_longer_name(ent):
            continue
        score = 1.0 if ent.label_ == LABEL else 0.9
        out.append(Found(ent.start_char, ent.end_char, ent.text, "kb", score, actor, kind=actor.kind))
    return out


_COORDINATED = re.compile(r"\b([A-Z][a-z]+)\s*(?:,|and|&)\s*$")


def coordinated_states(ctx: DocContext, found: list[Found]) -> list[Found]:
    """ "Ukrainian and Russian forces": the first demonym shares the second one's head noun."""
    out: list[Found] = []
    for item in found:
        if item.actor is None or item.actor.kind != "state_forces" or " " not in item.text:
            continue
        match = _COORDINATED.search(ctx.doc.text[max(0, item.start - 40) : item.start])
        if not match:
            continue
        head = item.text.split(" ", 1)[1]
        actor = next((a for a in ctx.kb.lookup(f"{match.group(1)} {head}") if a.kind == "state_forces"), None)
        if actor is not None:
            start = item.start - (len(ctx.doc.text[max(0, item.start - 40) : item.start]) - match.start(1))
            end = start + len(match.group(1))
            out.append(Found(start, end, match.group(1), "kb", 0.8, actor, kind=actor.kind))
    return out
