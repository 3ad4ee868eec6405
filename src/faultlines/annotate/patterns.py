"""Entity-ruler patterns from the actor KB.

Rules (so that lower-cased text still works but "is" never becomes an actor):

* names with two or more content words, or with an Arabic article ("al-Nusra"), match
  case-insensitively (phrase patterns on LOWER), also in their hyphen/space article variants;
* one-word names match case-sensitively as written (and Title-cased);
* acronyms match case-sensitively ("IS", "FSA"); the curated list of safe ones ("ISIL",
  "JRTN") also in lower case, and those of four letters or more also Title-cased ("Isis").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from faultlines.kb.actor_kb import ActorKB
from faultlines.kb.model import Actor
from faultlines.kb.normalise import alias_tokens
from faultlines.kb.states import GENERIC_PREFIX, GENERIC_STATE_TERMS

LABEL = "ACTOR"
CASED = "cased"  # marks a pattern for the case-sensitive ruler (removed before adding)
_ARTICLE = re.compile(r"\b(al|el|ad|ash|ar|as|at|az|an)[-\s](?=\w)", re.IGNORECASE)
_SOURCE_RANK = {"curated": 0, "ucdp": 1, "geonames": 2, "phoenix": 3}


def _rank(actor: Actor) -> tuple[int, str]:
    return (min((_SOURCE_RANK.get(s, 4) for s in actor.sources), default=4), actor.id)


def lower_variants(name: str) -> set[str]:
    """Spelling variants of a multi-word name for case-insensitive matching."""
    variants = {
        name,
        _ARTICLE.sub(lambda m: f"{m.group(1)}-", name),
        _ARTICLE.sub(lambda m: f"{m.group(1)} ", name),
    }
    bare = _ARTICLE.sub("", name)
    if len(bare.split()) >= 2:
        variants.add(bare)
    return {v.lower() for v in variants}


def is_distinctive(name: str) -> bool:
    """Whether a name may match case-insensitively (several content words, or an article)."""
    return len(alias_tokens(name)) >= 2 or bool(_ARTICLE.match(name))


def _alias_patterns(name: str, actor_id: str, one_word_ok: bool = True) -> Iterator[dict[str, Any]]:
    if len(name) < 3:
        return
    if is_distinctive(name):
        for variant in sorted(lower_variants(name)):
            yield {"label": LABEL, "pattern": variant, "id": actor_id}
    elif name[:1].isupper() and one_word_ok:
        for form in sorted({name, name.title()}):
            yield {"label": LABEL, "pattern": form, "id": actor_id, CASED: True}


def _name_patterns(actor: Actor) -> Iterator[dict[str, Any]]:
    for name in [actor.name, *actor.aliases, *actor.descriptions]:
        # one-word identity-group names ("Arab", "Afar") are rarely actors on their own
        yield from _alias_patterns(name, actor.id, one_word_ok=actor.kind != "identity_militia")


def _acronym_patterns(actor: Actor, lowercase_ok: frozenset[str]) -> Iterator[dict[str, Any]]:
    for acronym in actor.acronyms:
        if len(acronym) < 2:
            continue
        forms = {acronym}
        if len(acronym) >= 4:
            forms.add(acronym.title())
        for form in sorted(forms):
            yield {"label": LABEL, "pattern": form, "id": actor.id, CASED: True}
        if acronym in lowercase_ok:
            yield {"label": LABEL, "pattern": acronym.lower(), "id": actor.id}


def generic_state_patterns() -> list[dict[str, Any]]:
    """Unqualified state-force phrases ("the army"); the resolver gives them the document's country."""
    return [
        {"label": LABEL, "pattern": phrase, "id": f"{GENERIC_PREFIX}{role}"}
        for role, phrases in GENERIC_STATE_TERMS.items()
        for phrase in phrases
    ]


def actor_patterns(kb: ActorKB) -> list[dict[str, Any]]:
    """Entity-ruler phrase patterns for every actor name, one pattern per surface form.

    Patterns carrying ``CASED: True`` match case-sensitively (one-word names, acronyms), the
    others on lower case.
    When several actors share a surface form the best-sourced actor gets it; the resolver
    disambiguates again by date and context.
    """
    seen: set[str] = set()
    patterns: list[dict[str, Any]] = []
    # analyst aliases first: they win a surface form shared with a KB name
    candidates = [p for alias, actor_id in kb.extra_aliases.items() for p in _alias_patterns(alias, actor_id)]
    candidates += generic_state_patterns()
    for actor in sorted(kb, key=_rank):
        candidates += [*_name_patterns(actor), *_acronym_patterns(actor, kb.lowercase_acronyms)]
    for pattern in candidates:
        key = f"{pattern.get(CASED, False)}:{pattern['pattern'] if pattern.get(CASED) else pattern['pattern'].lower()}"
        if key not in seen:
            seen.add(key)
            patterns.append(pattern)
    return patterns
