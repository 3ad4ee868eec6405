"""The resolved actor mention and the provisional actors discovered in text."""

from __future__ import annotations

from dataclasses import dataclass

from faultlines.kb.model import Actor
from faultlines.kb.normalise import normalise_alias, slugify

METHODS = ("kb", "acronym", "description", "leader", "discovered")


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor in a document.

    ``actor_id`` is the KB actor (the member of a rename chain whose name was in force at the
    publication date) or None for a provisional actor, which carries ``provisional_name`` and a
    deterministic ``provisional_key`` (the same for every spelling variant, so the store can
    merge provisional actors across documents). For people, ``organisation_id`` (or
    ``organisation_key`` for a provisional organisation) names the group they belong to, from
    the text ("X, leader of Y") or the KB; ``role`` is the role word found ("commander").
    """

    text: str
    char_start: int
    char_end: int
    sentence: int
    actor_id: str | None
    provisional: bool
    provisional_name: str | None
    kind: str
    method: str
    score: float
    provisional_key: str | None = None
    organisation_id: str | None = None
    organisation_key: str | None = None
    role: str | None = None
    named_id: str | None = None  # the KB actor the surface form names, before date adjustment

    @property
    def key(self) -> str:
        """The actor id, or the provisional key for a provisional actor."""
        return self.actor_id or self.provisional_key or ""


def provisional_key(name: str, kind: str = "group") -> str:
    """The deterministic id of a provisional actor (``"prov-jaish-fateh"`` for "Jaysh al-Fateh")."""
    prefix = "prov-person-" if kind == "person" else "prov-"
    return prefix + slugify(normalise_alias(name))


def provisional_actor(mention: ActorMention) -> Actor:
    """An Actor record for a provisional mention (for the store to persist and merge)."""
    if not mention.provisional or not mention.provisional_key:
        raise ValueError("not a provisional mention")
    return Actor(
        id=mention.provisional_key,
        name=mention.provisional_name or mention.text,
        kind=mention.kind,
        parent=mention.organisation_id or mention.organisation_key,
        sources=["discovered"],
    )
