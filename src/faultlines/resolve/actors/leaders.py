"""People linked to their organisations: from the text ("X, leader of Y", "Y commander X",
"Y's chief sharia official X", "X and Z, leaders of Y and W respectively") and from the KB."""

from __future__ import annotations

import re
from dataclasses import replace

from faultlines.resolve.actors.context import DocContext, most_used
from faultlines.resolve.actors.found import Found
from faultlines.resolve.actors.mention import provisional_key

ROLE = (
    r"(leader|head|chief|commander|emir|amir|founder|spokesman|spokesperson|deputy|official|ideologue|"
    r"cleric|member|militant|fighter|general|colonel|officer|chief of staff)"
)
_PERSON_THEN_ORG = re.compile(
    rf"^\s*,?\s*(?:who\s+(?:is|was)\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?{ROLE}s?\s+"
    r"(?:of|for|in|with)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"^\s*,\s*(?:an?\s+|the\s+)?$", re.IGNORECASE)
_ORG_ROLE_AFTER = re.compile(rf"^(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?{ROLE}\b", re.IGNORECASE)
_ORG_ROLE_BEFORE = re.compile(rf"^(?:['’]s)?\s+(?:[\w-]+\s+){{0,3}}?{ROLE}s?\s*,?\s*$", re.IGNORECASE)
_LIST_SEP = re.compile(r"^\s*(?:,|and|&)?\s*(?:,|and)?\s*$", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"^[\s,]*(?:and\s+)?respectively", re.IGNORECASE)


def _is_org(item: Found) -> bool:
    return item.kind != "person" and (item.actor is None or item.actor.kind != "person")


def _person_candidates(ctx: DocContext, found: list[Found]) -> list[Found]:
    people = [f for f in found if f.kind == "person"]
    for ent in ctx.ents:
        if ent.label_ != "PERSON" or any(f.start < ent.end_char and ent.start_char < f.end for f in found):
            continue
        name = ctx.text_of(ent)
        if _is_place_name(ctx, name):
            continue  # "Nuevo Leon, members of the National Guard": a region NER took for a person
        people.append(Found(ent.start_char, ent.end_char, name, "leader", 0.7, None, name, "person"))
    return people


def _is_place_name(ctx: DocContext, name: str) -> bool:
    """Whether ``name`` is exactly the name of a region, a district or a city of 100,000+ people
    in a country the document names (in any country when it names none)."""
    from faultlines.resolve.places.gazetteer import get_gazetteer
    from faultlines.resolve.places.model import ADMIN1, ADMIN2, POPULATED_PLACE

    if len(name.split()) > 3:
        return False
    wanted = ctx.countries | ({ctx.country} if ctx.country else set())
    return any(
        (e.feature in (ADMIN1, ADMIN2) or (e.feature == POPULATED_PLACE and e.population >= 100_000))
        and (not wanted or e.country in wanted)
        for e in get_gazetteer().entries(name, fuzzy=False)
    )


def _link(person: Found, org: Found, role: str) -> Found:
    return replace(
        person,
        organisation_id=org.actor.id if org.actor else None,
        organisation_key=None if org.actor else provisional_key(org.provisional_name or org.text),
        role=role.lower(),
    )


def _pattern_link(ctx: DocContext, person: Found, orgs: list[Found]) -> Found | None:
    text = ctx.text
    for org in orgs:
        if org.start >= person.end:
            between = text[person.end : org.start]
            m = _PERSON_THEN_ORG.match(between)
            if m:
                return _link(person, org, m.group(1))
            after = _ORG_ROLE_AFTER.match(text[org.end : org.end + 50])
            if _APPOSITION.match(between) and after:
                return _link(person, org, after.group(1))
        elif org.end <= person.start:
            m = _ORG_ROLE_BEFORE.match(text[org.end : person.start])
            if m:
                return _link(person, org, m.group(1))
    return None


def _respectively(ctx: DocContext, people: list[Found], orgs: list[Found]) -> dict[int, Found]:
    """ "A and B, leaders of X and Y respectively": pair the lists in order."""
    text = ctx.text
    links: dict[int, Found] = {}
    for i, org in enumerate(orgs):
        if not _RESPECTIVELY.match(text[org.end : org.end + 20]):
            continue
        group_orgs = [org]
        for prev in reversed(orgs[:i]):
            if _LIST_SEP.match(text[prev.end : group_orgs[0].start]):
                group_orgs.insert(0, prev)
            else:
                break
        lead = [p for p in people if p.end <= group_orgs[0].start]
        group_people: list[Found] = []
        for person in reversed(lead):
            if len(group_people) == len(group_orgs):
                break
            group_people.insert(0, person)
        if len(group_people) == len(group_orgs):
            for person, target in zip(group_people, group_orgs, strict=True):
                links[person.start] = _link(person, target, "leader")
    return links


def link_people(ctx: DocContext, found: list[Found]) -> list[Found]:
    """Person findings with their organisation (text first, then the KB); unknown people are kept
    only when the text ties them to an organisation."""
    people = sorted(_person_candidates(ctx, found), key=lambda f: f.start)
    orgs = sorted((f for f in found if _is_org(f)), key=lambda f: f.start)
    paired = _respectively(ctx, people, orgs)
    by_sentence: dict[int, list[Found]] = {}
    for item in orgs:
        by_sentence.setdefault(ctx.sentence_of(item.start), []).append(item)
    out: list[Found] = []
    for person in people:
        same_sentence = by_sentence.get(ctx.sentence_of(person.start), [])
        linked = paired.get(person.start) or _pattern_link(ctx, person, same_sentence)
        if linked is not None:
            out.append(linked)
        elif person.actor is not None:
            org = _kb_organisation(ctx, person, orgs)
            out.append(replace(person, organisation_id=org))
    return out


def _kb_organisation(ctx: DocContext, person: Found, orgs: list[Found]) -> str | None:
    """The person's KB organisation; of its rename chain, the name the document itself uses
    when the date does not decide (an undated text about al-Nusra keeps al-Nusra, not HTS)."""
    assert person.actor is not None
    org = ctx.kb.organisation_of(person.actor.id, ctx.published)
    if org is None:
        return None
    if ctx.published is None:
        mentioned = most_used([o.actor.id for o in orgs if o.actor is not None], ctx.kb.chain(org.id))
        if mentioned:
            return mentioned
    return org.id
