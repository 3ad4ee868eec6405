"""Identity militias named by a people, a place or a tribe, following ACLED's naming convention.

Reports name local armed groups by who they are or where they come from: "Katsina militiamen",
"a Niger communal militia", "Bassa ethnic militiamen", "armed Acholi", "armed men from Zamfara",
"Al Laqmush tribesmen", "Islamist militia". Such a group becomes a provisional actor with the conventional name
"<People> Ethnic Militia (<Country>)", "<Place> Communal Militia (<Country>)", "<Tribe> Tribal
Militia (<Country>)" or "Islamist Militia (<Country>)", the country being the document's. Peoples
are a hand-kept list of public facts (``peoples`` in ``data/actors/curated.json``); places come
from the gazetteer. A people the KB already knows as an identity militia resolves to it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache

from faultlines.kb.actor_kb import CURATED_FILE
from faultlines.kb.countries import load_countries
from faultlines.kb.model import Actor
from faultlines.resolve.actors.context import DocContext
from faultlines.resolve.actors.found import Found
from faultlines.resolve.actors.states import modifier_index

_NAME = r"[A-Z][a-z]+(?:[- ](?:[A-Z][a-z]+|al|el))*(?:-[A-Z][a-z]+)?"
# "Katsina militiamen", "Darfur communal militia", "Dhulbahante-Hassan Ugas sub-clan militia"
_MILITIA = re.compile(
    rf"\b(?P<name>{_NAME}(?: {_NAME})?)\s+(?:(?P<sort>ethnic|communal|tribal|clan|sub-clan)\s+)?"
    r"(?:militia|militias|militiamen|militia members)\b"
)
# "ten armed Acholi", "armed individuals suspected to be Fulani", "Massa gunmen"
_ARMED_PEOPLE = re.compile(
    rf"\b(?:armed|suspected(?: to be)?|presumed(?: to be)?)\s+(?P<name>{_NAME})\b(?!\s+[A-Z])"
    rf"|\b(?P<name2>{_NAME})\s+(?:gunmen|assailants|attackers|fighters|militants)\b"
)
# "Al Laqmush tribesmen", "members of Al al Hubayshi tribe", "tribesmen from Al Jaramah tribe"
_TRIBE_NAME = r"(?:Al|Bani|Beni|Ahl)(?: (?:al|Al|bin|[A-Z][a-z]+))+"
_TRIBE = re.compile(
    rf"\b(?P<name>{_TRIBE_NAME}) (?:tribesmen|tribal gunmen)\b"
    rf"|\b(?i:members|tribesmen|gunmen|fighters) (?:of|from) (?:the )?(?P<name2>{_TRIBE_NAME}) tribe\b"
)
# "around 200 armed men from Katsina and Zamfara"
_MEN_FROM = re.compile(
    rf"\b(?:armed men|gunmen|militiamen|armed youths?) from (?P<name>{_NAME})(?: and (?P<name2>{_NAME}))?\b"
)
_ISLAMIST = re.compile(r"\b[Ii]slamist militias?\b")
_SORTS = {"ethnic": "Ethnic", "communal": "Communal", "tribal": "Tribal", "clan": "Clan", "sub-clan": "Sub-Clan"}
_NOT_NAMES = frozenset(
    {"The", "A", "An", "Local", "Armed", "Suspected", "Presumed", "Unidentified", "Several", "Some", "Many", "Members"}
)


def _matches(pattern: re.Pattern[str], text: str, needed: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``; the scan is skipped when ``text`` holds none of the strings
    every match contains (a substring test costs far less than a regex scan of the whole text)."""
    if any(word in text for word in needed):
        yield from pattern.finditer(text)


@cache
def peoples() -> frozenset[str]:
    """Lower-cased names of peoples, ethnic groups and clans (hand-kept list in curated.json)."""
    data = json.loads(CURATED_FILE.read_text(encoding="utf-8"))
    return frozenset(name.lower() for name in data.get("peoples", ()))


def _country_name(iso2: str | None) -> str | None:
    country = load_countries().get(iso2 or "")
    return country.name if country else None


def convention_name(name: str, sort: str, country: str | None) -> str:
    """ACLED's name for an identity militia: ``"Niger Communal Militia (Nigeria)"``."""
    country_name = _country_name(country)
    base = f"{name} {sort} Militia" if sort else f"{name} Militia"
    return f"{base} ({country_name})" if country_name else base


def _is_place(ctx: DocContext, name: str) -> bool:
    """Whether ``name`` is a place of the document's country (any country when it is unknown),
    or a word of a place the document names ("Darfur" in "North Darfur state")."""
    from faultlines.resolve.places.gazetteer import get_gazetteer

    entries = get_gazetteer().entries(name, fuzzy=False)
    if any(ctx.country is None or e.country == ctx.country for e in entries):
        return True
    words = re.compile(rf"\b{re.escape(name)}\b")
    return any(e.label_ in ("GPE", "LOC") and e.text != name and words.search(e.text) for e in ctx.ents)


def _known_people(ctx: DocContext, name: str) -> Actor | None:
    return next((a for a in ctx.kb.lookup(name) if a.kind == "identity_militia"), None)


def _sort_of(ctx: DocContext, name: str, explicit: str | None) -> str | None:
    """The naming sort of a militia ("Ethnic", "Communal"...), or None when ``name`` is neither a
    people nor a place (a group's own name such as "Mayi Mayi militia")."""
    if explicit:
        return _SORTS[explicit]
    if name.lower() in peoples():
        return "Ethnic"
    if ctx.kb.lookup(name):
        return None
    return "Communal" if _is_place(ctx, name) else None


def _found(ctx: DocContext, start: int, end: int, name: str, sort: str, kind: str = "identity_militia") -> Found:
    known = _known_people(ctx, name) if sort == "Ethnic" else None
    text = ctx.text[start:end]
    if known is not None:
        return Found(start, end, text, "kb", 0.8, known, kind=known.kind)
    provisional = convention_name(name, sort, ctx.country)
    return Found(start, end, text, "discovered", 0.7, None, provisional, kind)


def _militias(ctx: DocContext) -> Iterator[Found]:
    for match in _matches(_MILITIA, ctx.text, ("militia",)):
        words = match.group("name").split(" ")
        while words and words[0] in _NOT_NAMES:  # "Suspected Meru ethnic militia"
            words = words[1:]
        if not words or not ctx.cased(match.start()):
            continue
        name = " ".join(words)
        sort = _sort_of(ctx, name, match.group("sort"))
        if sort is not None:
            yield _found(ctx, match.end("name") - len(name), match.end(), name, sort)


def _armed_peoples(ctx: DocContext) -> Iterator[Found]:
    for match in _ARMED_PEOPLE.finditer(ctx.text):
        group = "name" if match.group("name") else "name2"
        name = match.group(group)
        # "Somali militants" are not an ethnic militia: a nation's demonym names no militia here
        if name.lower() in peoples() and modifier_index().get(name.lower(), ("", ""))[1] != "demonym":
            yield _found(ctx, match.start(group), match.end(group), name, "Ethnic")


def _tribes(ctx: DocContext) -> Iterator[Found]:
    for match in _matches(_TRIBE, ctx.text, (" trib",)):
        group = "name" if match.group("name") else "name2"
        yield _found(ctx, match.start(group), match.end(), match.group(group), "Tribal")


def _men_from_places(ctx: DocContext) -> Iterator[Found]:
    for match in _matches(_MEN_FROM, ctx.text, ("men from ", "youth from ", "youths from ")):
        for group in ("name", "name2"):
            name = match.group(group)
            if name and _sort_of(ctx, name, None) == "Communal":
                yield _found(ctx, match.start(group), match.end(group), name, "Communal")


def _islamists(ctx: DocContext) -> Iterator[Found]:
    for match in _matches(_ISLAMIST, ctx.text, ("slamist militia",)):
        name = convention_name("Islamist", "", ctx.country)
        yield Found(match.start(), match.end(), match.group(), "discovered", 0.6, None, name, "political_militia")


def convention_militias(ctx: DocContext) -> list[Found]:
    """Identity militias (and "Islamist militia") named by ACLED's convention, in text order."""
    found = [*_militias(ctx), *_armed_peoples(ctx), *_tribes(ctx), *_men_from_places(ctx), *_islamists(ctx)]
    return sorted(found, key=lambda f: f.start)
