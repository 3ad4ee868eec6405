"""Resolve the actor mentions of an annotated document.

Passes: known names (ruler + NER against the KB; identity militias named by ACLED's
convention, see :mod:`communal`) -> descriptions -> acronyms defined in the
document -> people and their organisations -> discovery of unknown groups -> names the text
declares to be one group's ("X, or the Y", "X, also known as Y"). Overlaps are
settled longest-span first. Each KB actor is finally mapped to the member of its rename chain
in force at the publication date (ISIL mentioned in 2015 -> Islamic State); without a date the
actor the name denotes is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from spacy.tokens import Doc

from faultlines.kb.actor_kb import ActorKB, default_kb
from faultlines.resolve.actors.acronyms import acronym_mentions
from faultlines.resolve.actors.aliases import unify_aliases
from faultlines.resolve.actors.communal import convention_militias
from faultlines.resolve.actors.context import DocContext
from faultlines.resolve.actors.descriptions import branch_descriptions, leader_descriptions
from faultlines.resolve.actors.discovery import discover
from faultlines.resolve.actors.found import Found, select
from faultlines.resolve.actors.generic import generic_actors
from faultlines.resolve.actors.known import coordinated_states, identity_militias, known_mentions
from faultlines.resolve.actors.leaders import link_people
from faultlines.resolve.actors.mention import ActorMention, provisional_key
from faultlines.resolve.actors.states import state_phrases


def resolve_actors(
    doc: Doc,
    *,
    published: date | None,
    kb: ActorKB | None = None,
    country: str | None = None,
    sentence_dates: Mapping[int, date] | None = None,
    generic: bool = False,
    sentence_countries: Mapping[int, str] | None = None,
) -> list[ActorMention]:
    """All actor mentions of ``doc`` (annotated by :func:`faultlines.annotate.get_nlp`), in text order.

    ``published`` is the document's date (None if unknown); ``kb`` defaults to the packaged KB
    (pass ``default_kb().with_extra_aliases(...)`` to apply analyst corrections). ``country``
    (ISO2), when known (e.g. :func:`document_country` of the resolved places' countries), gives
    unqualified state forces ("the army", "police officers") their state; without it the
    country the text names most is used. ``sentence_dates`` (sentence index -> date) resolves
    the mentions of a sentence that speaks of another time ("In 2010 the Islamic State of Iraq
    ...") with that date instead of ``published``: rename chains give the name in force then,
    and leaders' names lent to a state hold only while the leader was in office. ``generic=True``
    adds the unnamed actors ("protesters", "unidentified gunmen") under ACLED's conventional
    names ("Protesters (Kenya)", see :mod:`faultlines.resolve.actors.generic`).
    ``sentence_countries`` (sentence index -> ISO2) gives unqualified forces ("government forces
    withdrew" from a Syrian town in a report that is mostly about Iraq) the country of their own
    sentence's places before the document's.
    """
    ctx = DocContext.of(doc, kb or default_kb(), published, country, sentence_dates, sentence_countries)
    found = known_and_described(ctx)
    undescribed = select([f for f in found if f.method != "description"])
    acronyms = acronym_mentions(ctx, found)
    spans = {(a.start, a.end) for a in acronyms}
    found = [f for f in found if (f.start, f.end) not in spans] + acronyms
    found = select(found)
    people = link_people(ctx, found)
    found = select([f for f in found if f.kind != "person"] + people)
    found = select(found + discover(ctx, found))
    found = select(found + acronym_mentions(ctx, found))
    found = unify_aliases(ctx, found)
    if generic:
        found += generic_actors(ctx, found)
    nested = _people_inside_descriptions(found, link_people(ctx, undescribed))
    found = sorted(found + nested, key=lambda f: (f.start, -f.end))
    return [_mention(ctx, f) for f in found]


def _people_inside_descriptions(found: list[Found], people: list[Found]) -> list[Found]:
    """Leaders named inside a description ("Baghdadi's men") are mentions too (nested)."""
    described = [f for f in found if f.method == "description"]
    return [p for p in people if any(d.start <= p.start and p.end <= d.end for d in described)]


def known_and_described(ctx: DocContext) -> list[Found]:
    """Known-name findings plus the descriptions built on them."""
    known = select(known_mentions(ctx))
    known = select(known + state_phrases(ctx, known) + identity_militias(ctx) + convention_militias(ctx))
    return known + coordinated_states(ctx, known) + branch_descriptions(ctx, known) + leader_descriptions(ctx, known)


def _mention(ctx: DocContext, item: Found) -> ActorMention:
    sentence = ctx.sentence_of(item.start)
    if item.actor is None:
        name = item.provisional_name or item.text
        return ActorMention(
            text=item.text,
            char_start=item.start,
            char_end=item.end,
            sentence=sentence,
            actor_id=None,
            provisional=True,
            provisional_name=name,
            kind=item.kind,
            method=item.method,
            score=item.score,
            provisional_key=provisional_key(name, item.kind),
            organisation_id=item.organisation_id,
            organisation_key=item.organisation_key,
            role=item.role,
        )
    day = ctx.date_at(item.start)
    actor = ctx.kb.in_force(item.actor.id, day)
    organisation = item.organisation_id
    if organisation and organisation in ctx.kb:
        organisation = ctx.kb.in_force(organisation, day).id
    return ActorMention(
        text=item.text,
        char_start=item.start,
        char_end=item.end,
        sentence=sentence,
        actor_id=actor.id,
        provisional=False,
        provisional_name=None,
        kind=actor.kind,
        method=item.method,
        score=item.score,
        organisation_id=organisation,
        organisation_key=item.organisation_key,
        role=item.role,
        named_id=item.actor.id,
    )
