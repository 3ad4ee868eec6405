"""Acronyms defined in the document: "Islamic State of Iraq and the Levant (ISIL)",
"ISIS – an acronym for the Islamic State of Iraq and the Levant"."""

from __future__ import annotations

import re
from dataclasses import replace

from faultlines.resolve.actors.context import DocContext
from faultlines.resolve.actors.found import Found

_AFTER = re.compile(r"^\s*\(\s*([A-Za-z][A-Za-z0-9\-]{1,9})\s*\)")
_BEFORE = re.compile(
    r"\b([A-Za-z][A-Za-z0-9\-]{1,9})\s*(?:[–—-]+|,)\s*(?:an?\s+)?(?:acronym|abbreviation|short)\s+(?:for|of)\s+(?:the\s+)?$"
)
_STANDS = re.compile(r"\b([A-Z][A-Z0-9\-]{1,9}),?\s+(?:which\s+)?stands\s+for\s+(?:the\s+)?$")
_DEFINING_WORDS = ("acronym", "abbreviation", "short", "stands")


def _acronym_like(token: str, name: str) -> bool:
    """Whether ``token`` could abbreviate ``name`` (mostly capitals, or initials of the name)."""
    letters = re.sub(r"[^A-Za-z]", "", token)
    if not letters or len(letters) > 10:
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name)).lower()
    return token.isupper() or letters.lower()[0] == initials[:1] or letters.lower() in initials


def _initials_fit(token: str, name: str) -> bool:
    """Whether the letters of ``token`` appear, in order, among the initials of ``name``'s words."""
    initials = iter("".join(w[0] for w in re.findall(r"[A-Za-z]+", name)).lower())
    return all(ch in initials for ch in re.sub(r"[^A-Za-z]", "", token).lower())


def _names_another(ctx: DocContext, token: str, item: Found) -> bool:
    """ "Katiba Gourma (JNIM)": a KB acronym of another actor that does not abbreviate the name
    names the group's parent or ally, not the group."""
    known = ctx.kb.by_acronym(token)
    if not known or (item.actor is not None and item.actor in known):
        return False
    return not _initials_fit(token, item.provisional_name or item.text)


def definitions(ctx: DocContext, found: list[Found]) -> dict[str, Found]:
    """Acronym -> the finding it abbreviates, from definitions next to a named mention."""
    text = ctx.text
    defined: dict[str, Found] = {}
    for item in found:
        if item.method == "acronym":
            continue
        match = _AFTER.match(text[item.end : item.end + 20])
        before = text[max(0, item.start - 60) : item.start]
        other = None
        if any(word in before for word in _DEFINING_WORDS):  # the patterns below need one of them
            other = _BEFORE.search(before) or _STANDS.search(before)
        for m in (match, other):
            if (
                m
                and _acronym_like(m.group(1), item.provisional_name or item.text)
                and not _names_another(ctx, m.group(1), item)
            ):
                defined.setdefault(m.group(1), item)
    return defined


def acronym_mentions(ctx: DocContext, found: list[Found]) -> list[Found]:
    """Mentions of the document's defined acronyms (they override the KB's reading)."""
    defined = definitions(ctx, found)
    if not defined:
        return []
    # in lower-cased text an acronym is found whatever its case: the first definition of each spelling
    by_lower: dict[str, Found] = {}
    for acronym, item in defined.items():
        by_lower.setdefault(acronym.lower(), item)
    out: list[Found] = []
    for index in ctx.tokens_with(by_lower):  # the defined acronyms in any case
        token = ctx.tokens[index]
        source = defined.get(token.text)
        if source is None and not ctx.cased(token.idx):
            source = by_lower.get(token.lower_)
        if source is None or (source.start <= token.idx < source.end):
            continue
        out.append(
            replace(
                source,
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                method="acronym",
                score=0.95,
            )
        )
    return out
