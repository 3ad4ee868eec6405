"""Descriptions that name an actor without its name.

* "<org>'s (official) (Syrian) branch|offshoot|affiliate|franchise (in Syria)" -> the org's
  child organisation in that country ("al-Qaeda's official offshoot in Syria" -> al-Nusra);
* "the jihadist group led by <person>" / "<person>'s organization|men|followers" -> the
  person's organisation at the publication date.

Fixed phrases ("the so-called caliphate") are KB descriptions matched by the entity ruler.
"""

from __future__ import annotations

import re

from faultlines.kb.model import Actor
from faultlines.resolve.actors.context import DocContext, most_used
from faultlines.resolve.actors.found import Found

_BRANCH = re.compile(
    r"^['’]s\s+(?:official\s+|main\s+|local\s+|own\s+)?(?:([A-Z][a-z]+)\s+)?"
    r"(branch|offshoot|affiliate|franchise|arm|wing|front group|subsidiary)(?:\s+in\s+([A-Z][a-z]+))?",
)
_LED_BY = re.compile(
    r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:group|organi[sz]ation|movement|militia|faction|network|force)\s+"
    r"(?:led|headed|run|founded|commanded)\s+by\s+$",
    re.IGNORECASE,
)
_FOLLOWERS = re.compile(
    r"^['’]s\s+(organi[sz]ation|group|men|followers|fighters|loyalists|militants|movement|jihadists|forces|troops)\b"
)
_STATE_FORCES_WORDS = {"forces", "troops", "men", "fighters", "loyalists"}


def _country(ctx: DocContext, word: str | None) -> str | None:
    if not word:
        return None
    for text in (f"{word} government", f"Government of {word}"):
        for actor in ctx.kb.lookup(text):
            if actor.role == "government":
                return actor.country
    return None


def _children(ctx: DocContext, org: Actor, country: str | None) -> list[Actor]:
    chain_ids = {m.id for m in ctx.kb.chain(org.id)}
    kids = [a for a in ctx.kb.children(chain_ids) if a.kind != "person"]
    if country:
        kids = [a for a in kids if a.country == country]
    if ctx.published:
        active = [a for a in kids if a.active_on(ctx.published)]
        kids = active or kids
    return kids


def branch_descriptions(ctx: DocContext, found: list[Found]) -> list[Found]:
    """ "<org>'s Syrian branch"-style descriptions resolved to the org's child organisation."""
    text = ctx.text
    out: list[Found] = []
    for item in found:
        if item.actor is None or item.actor.kind == "person":
            continue
        match = _BRANCH.match(text[item.end : item.end + 80])
        if not match:
            continue
        country = _country(ctx, match.group(1)) or _country(ctx, match.group(3))
        kids = _children(ctx, item.actor, country)
        if len(kids) == 1:
            end = item.end + match.end()
            out.append(Found(item.start, end, text[item.start : end], "description", 0.8, kids[0], kind=kids[0].kind))
    return out


def _as_mentioned(ctx: DocContext, org: Actor, found: list[Found]) -> Actor:
    """Undated text: of the organisation's rename chain, the name the document uses most."""
    if ctx.published is not None:
        return org
    used = most_used([f.actor.id for f in found if f.actor is not None], ctx.kb.chain(org.id))
    return ctx.kb.get(used) if used else org


def _organisation(ctx: DocContext, person: Actor, found: list[Found], word: str = "") -> Actor | None:
    org = ctx.kb.organisation_of(person.id, ctx.published)
    if org is not None:
        org = _as_mentioned(ctx, org, found)
    if org is not None and org.role == "government" and word in _STATE_FORCES_WORDS:
        military = ctx.kb.find(f"{org.id}-military")
        return military or org
    return org


def leader_descriptions(ctx: DocContext, found: list[Found]) -> list[Found]:
    """ "the group led by <person>" and "<person>'s men" resolved to the person's organisation."""
    text = ctx.text
    out: list[Found] = []
    for item in found:
        if item.actor is None or item.actor.kind != "person":
            continue
        led = _LED_BY.search(text[max(0, item.start - 80) : item.start])
        if led:
            org = _organisation(ctx, item.actor, found)
            start = item.start - (len(text[max(0, item.start - 80) : item.start]) - led.start())
            if org is not None:
                span = text[start : item.start].rstrip()
                out.append(Found(start, start + len(span), span, "description", 0.8, org, kind=org.kind))
        follow = _FOLLOWERS.match(text[item.end : item.end + 30])
        if follow:
            org = _organisation(ctx, item.actor, found, follow.group(1))
            if org is not None:
                end = item.end + follow.end()
                out.append(Found(item.start, end, text[item.start : end], "description", 0.8, org, kind=org.kind))
    return out
