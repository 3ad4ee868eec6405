"""Shared helpers of the place tests: resolve every place a text names, pick one by its text."""

from __future__ import annotations

from faultlines.eval.places import event_mention
from faultlines.resolve.places import PlaceCandidate, PlaceContext, PlaceMention, find_place_mentions, resolve_places


def resolve_text(text: str, *countries: str) -> tuple[list[PlaceMention], list[PlaceCandidate | None]]:
    """The place mentions of ``text`` and their resolution, with ``countries`` as the actors' countries."""
    mentions = find_place_mentions(text)
    return mentions, resolve_places(mentions, context=PlaceContext(countries=countries))


def event_place(text: str, *countries: str) -> PlaceCandidate | None:
    """The place an ACLED-style note gives its event (as the place scorer chooses it)."""
    mentions, results = resolve_text(text, *countries)
    chosen = event_mention(mentions, results, text)
    return None if chosen is None else results[chosen]


def result_for(text: str, mention: str, *countries: str) -> PlaceCandidate | None:
    """The resolution of the mention written ``mention``; fails when the finder missed it."""
    mentions, results = resolve_text(text, *countries)
    for m, r in zip(mentions, results, strict=True):
        if m.text == mention:
            return r
    raise AssertionError(f"{mention!r} not found among {[m.text for m in mentions]}")
