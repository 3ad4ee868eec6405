"""Unqualified police or army take the state of a place phrase in their own clause ("in several
Turkish cities") before the country the document is mostly about. Real pipeline, short texts."""

from __future__ import annotations

from datetime import date

from faultlines.annotate import get_nlp
from faultlines.resolve.actors import resolve_actors


def _ids(text: str, country: str | None = None) -> dict[str, str | None]:
    mentions = resolve_actors(get_nlp()(text), published=date(2014, 10, 8), country=country)
    return {m.text: m.actor_id for m in mentions}


def test_police_in_turkish_cities_are_turkish_in_a_report_about_syria() -> None:
    text = (
        "Islamic State fighters pressed their assault on Kobani in northern Syria. Kurdish protesters angry at "
        "Ankara's stance clashed with police in several Turkish cities the same day."
    )
    assert _ids(text, country="SY")["police"] == "state-tr-police"


def test_army_on_the_iraqi_side_is_iraqi() -> None:
    text = "Rebels shelled the crossing in Syria while the army fired back on the Iraqi side of the border."
    assert _ids(text, country="SY")["the army"] == "state-iq-military"


def test_without_a_place_phrase_the_document_country_still_decides() -> None:
    text = "Kurdish protesters clashed with police in Qamishli on Tuesday."
    assert _ids(text, country="SY")["police"] == "state-sy-police"
