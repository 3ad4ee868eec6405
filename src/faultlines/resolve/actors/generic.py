"""Generic actors named by ACLED's convention: "Protesters (Nigeria)", "Rioters (Kenya)",
"Civilians (Iraq)", "Unidentified Armed Group (Syria)", "Unidentified Gang (Brazil)".

Reports speak of "protesters", "a mob", "civilians", "unidentified gunmen", "an unknown armed
group", "members of an unnamed gang" without naming anyone. Such a mention becomes a
provisional actor with ACLED's conventional name, the country being the one a demonym in front
names ("Palestinian rioters") or else the document's (a bare "Protesters" when it is unknown),
so that events keep an actor an analyst recognises and one country's protesters merge across
documents. Off by default in :func:`resolve_actors`
(``generic=True`` turns it on): a named actor always wins an overlapping span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from faultlines.kb.countries import load_countries
from faultlines.resolve.actors.context import DocContext
from faultlines.resolve.actors.found import Found
from faultlines.resolve.actors.mention import ActorMention
from faultlines.resolve.actors.states import modifier_index

_UNKNOWN = r"(?:unidentified|unknown|unnamed|suspected|masked)"
_ARMED = (
    r"(?:armed\s+)?(?:gunm[ae]n|assailants?|attackers?|militants?|shooters?|perpetrators?|fighters?|m[ae]n"
    r"|individuals?|persons?|groups?|elements)"
)
# "a civilian vehicle", "the civilian population": the word qualifies a thing, names no one.
_THING = (
    r"(?:infrastructure|areas?|houses?|homes?|objects?|targets?|vehicles?|cars?|buses?|buildings?|population"
    r"|facilit\w+)"
)
_UAG = "Unidentified Armed Group"
_COUNT = r"(?:(?:an?|one|two|three|four|five|several|some|\d+)\s+)?"
#: (pattern, ACLED's category, actor kind); the first pattern that matches a span decides.
_PATTERNS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(rf"\b{_UNKNOWN}\s+(?:armed\s+)?gangs?(?:\s+members?)?\b", re.I), "Unidentified Gang", "other"),
    (re.compile(rf"\b{_COUNT}gang\s+(?:members?|suspects?)\b", re.I), "Unidentified Gang", "other"),
    (re.compile(rf"\b{_UNKNOWN}\s+{_ARMED}\b", re.I), _UAG, "other"),
    (re.compile(r"\b(?:gunm[ae]n|armed\s+(?:m[ae]n|individuals|assailants|suspects))\b", re.I), _UAG, "other"),
    (re.compile(r"\b(?:protesters|protestors|demonstrators)\b", re.I), "Protesters", "protesters"),
    (re.compile(r"\b(?:rioters|an?\s+(?:angry\s+)?mob|the\s+mob)\b", re.I), "Rioters", "protesters"),
    (
        re.compile(rf"\bcivilians\b|\b(?:a|an|one|the|another)\s+civilian\b(?!\s+{_THING})", re.I),
        "Civilians",
        "civilians",
    ),
)
CATEGORIES = tuple(dict.fromkeys(category for _, category, _ in _PATTERNS))


@cache
def _country_names() -> dict[str, str]:
    return {iso2: record.name for iso2, record in load_countries().items()}


def convention_name(category: str, country: str | None) -> str:
    """ACLED's name of a generic actor: ``"Protesters (Nigeria)"``; the bare category without a country."""
    name = _country_names().get(country or "")
    return f"{category} ({name})" if name else category


def _matches(text: str) -> Iterator[tuple[int, int, str, str]]:
    for pattern, category, kind in _PATTERNS:
        for match in pattern.finditer(text):
            yield match.start(), match.end(), category, kind


_WORD_BEFORE = re.compile(r"([A-Z][\w.-]*)\s+$")


def _demonym_country(text: str, start: int) -> str | None:
    """ "Palestinian rioters", "Sudanese civilians": the country of a demonym right before ``start``."""
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    entry = modifier_index().get(match.group(1).lower()) if match else None
    return entry[0] if entry and entry[1] == "demonym" else None


def generic_actors(ctx: DocContext, taken: list[Found]) -> list[Found]:
    """Generic mentions outside the spans of ``taken`` (named actors found before), in text order;
    their country is the one a demonym in front names, else the document's."""
    out: list[Found] = []
    for start, end, category, kind in _matches(ctx.text):
        if any(f.start < end and start < f.end for f in [*taken, *out]):
            continue
        name = convention_name(category, _demonym_country(ctx.text, start) or ctx.country)
        out.append(Found(start, end, ctx.text[start:end], "discovered", 0.5, None, name, kind))
    return sorted(out, key=lambda f: f.start)


def is_generic(mention: ActorMention) -> bool:
    """Whether ``mention`` is a generic actor of this module ("Protesters (Kenya)")."""
    name = mention.provisional_name or ""
    return mention.provisional and mention.method == "discovered" and name.split(" (")[0] in CATEGORIES
