"""Actor resolution: mentions -> canonical KB actors (aliases, acronyms, descriptions, leaders,
renames over time) or provisional actors discovered in the text."""

from faultlines.kb.normalise import normalise_alias
from faultlines.resolve.actors.context import document_country
from faultlines.resolve.actors.mention import ActorMention, provisional_actor, provisional_key
from faultlines.resolve.actors.resolver import resolve_actors

__all__ = [
    "ActorMention",
    "document_country",
    "normalise_alias",
    "provisional_actor",
    "provisional_key",
    "resolve_actors",
]
