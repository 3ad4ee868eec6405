"""Lower-cased text: a town after "near" is found even when smaller than a city, and the places
of the document outweigh population for an ambiguous name ("samarra" is not Russia's Samara)."""

from __future__ import annotations

from faultlines.resolve.places import PlaceContext, find_place_mentions, resolve_places


def _resolved(text: str) -> dict[str, str | None]:
    mentions = find_place_mentions(text)
    results = resolve_places(mentions, context=PlaceContext())
    return {m.text: (r.country if r else None) for m, r in zip(mentions, results, strict=True)}


def test_samarra_beside_tikrit_is_iraqi_in_lower_cased_text() -> None:
    found = _resolved("isil militants attacked army positions near tikrit and samarra on tuesday, killing 12 soldiers.")
    assert found == {"tikrit": "IQ", "samarra": "IQ"}


def test_a_small_word_after_in_is_still_no_place_in_lower_cased_text() -> None:
    # only words that always announce a place ("near", "outside") lower the bar, not "in"
    found = _resolved("the fighters stayed in power in samarra and tikrit for a week, killing 12 soldiers.")
    assert "power" not in found
    assert found.get("samarra") == "IQ"
