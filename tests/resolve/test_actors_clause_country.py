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


def _analysed(text: str) -> dict[str, str | None]:
    from faultlines.analysis import analyze_document

    mentions = analyze_document(text, date(2015, 5, 22)).mentions
    return {m.text: m.value["actor_id"] for m in mentions if m.kind == "actor"}


def test_forces_leaving_a_town_of_the_report_s_second_country_are_that_country_s() -> None:
    text = (
        "Islamic State fighters took Ramadi in Iraq last week, and Iraqi officials in Baghdad vowed to retake "
        "Ramadi. In Syria, the group pressed on towards Palmyra.\n\n"
        "Islamic State fighters entered Palmyra on Wednesday after government forces withdrew, Syrian state "
        "media said."
    )
    assert _analysed(text)["government forces"] == "state-sy-military"


def test_a_lone_foreign_namesake_does_not_move_the_document_s_forces() -> None:
    text = (
        "Police fired tear gas at protesters in Diyarbakir on Monday. In Istanbul, police detained dozens. "
        "Protesters in Sur said police blocked the roads."
    )
    assert {actor for name, actor in _analysed(text).items() if name.lower() == "police"} == {"state-tr-police"}
