"""Districts, containers and fallbacks: where ACLED-style notes put unknown villages (real index)."""

from __future__ import annotations

import pytest

from faultlines.eval.places import event_mention
from faultlines.resolve.places import get_gazetteer
from faultlines.resolve.places.geo import distance_km

from .places_helpers import resolve_text, result_for


def test_second_level_districts_are_in_the_gazetteer() -> None:
    district = get_gazetteer().lookup("Zangon Kataf")[0]
    assert (district.country, district.admin1, district.feature) == ("NG", "Kaduna", "admin2 district")
    assert (district.precision, district.acled_precision) == ("near", 2)


def test_current_region_names_and_their_other_names() -> None:
    assert get_gazetteer().lookup("Ituri")[0].feature == "admin1 region"
    assert get_gazetteer().lookup("North Kivu")[0].admin1 == get_gazetteer().lookup("Nord-Kivu")[0].admin1
    los_rios = get_gazetteer().lookup("Los Rios", country="CL")
    assert los_rios and los_rios[0].feature == "admin1 region"


def test_an_unknown_village_falls_back_to_its_district() -> None:
    place = result_for("Niger militiamen attacked civilians in Kuchiri (Paikoro, Niger).", "Kuchiri")
    assert place is not None and (place.name, place.country) == ("Paikoro", "NG")
    assert place.acled_precision == 2


def test_a_lga_is_read_as_a_district() -> None:
    place = result_for("Gunmen invaded eight communities in Kwande LGA (Benue).", "Kwande LGA")
    assert place is not None and (place.country, place.admin1, place.acled_precision) == ("NG", "Benue", 2)
    assert get_gazetteer().lookup("Kwande LGA")[0].country == "NG"  # not Kouande (Benin), its namesake


def test_a_container_named_like_a_country_can_be_a_region() -> None:
    place = result_for("Nearly 100 people gathered in Columbus (Georgia) for a rally.", "Columbus")
    assert place is not None and (place.country, place.admin1) == ("US", "Georgia")


def test_a_nested_container_is_searched_inside_the_outer_one() -> None:
    text = "Rebels killed a constable at a weekly market in Mirtur town (Bijapur, Chhattisgarh)."
    place = result_for(text, "Mirtur town")
    assert place is not None and (place.country, place.admin1, place.precision) == ("IN", "Chhattisgarh", "near")
    assert distance_km(place.latitude, place.longitude, 18.79, 80.82) < 10  # Bijapur, not Vijayapura


def test_the_nearest_town_in_the_phrase_beats_the_province_centre() -> None:
    text = "Soldiers looted from residents of Rubeke village (Yei county, Central Equatoria state)."
    place = result_for(text, "Rubeke village")
    assert place is not None and (place.name, place.precision, place.acled_precision) == ("Yei", "near", 2)


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Ukrainian forces fired mortars at DPR positions in Shakhta, Donetsk region.", "Shakhta", "UA"),
        ("In Kyun Ywar village (Kani township, Yinmarbin district, Sagaing region), shells fell.", "Kani", "MM"),
    ],
)
def test_small_namesakes_abroad_lose_to_the_documents_country(text: str, mention: str, country: str) -> None:
    mentions, results = resolve_text(text)
    for m, r in zip(mentions, results, strict=True):
        if m.text.startswith(mention):
            assert r is None or r.country == country, r


def test_a_big_city_is_not_replaced_by_a_spelling_variant_abroad() -> None:
    place = result_for("Ukrainian citizens gathered in Duomo Square in Milano.", "Milano", "UA")
    assert place is not None and (place.country, place.name) == ("IT", "Milan")


def test_scorer_prefers_the_place_the_note_says_it_is_coded_to() -> None:
    text = "On 12 May, protesters marched in Sucre state (coded to Cumana, Sucre) for basic services."
    mentions, results = resolve_text(text, "VE")
    chosen = event_mention(mentions, results, text)
    assert chosen is not None and mentions[chosen].text == "Cumana"
    assert results[chosen] is not None and results[chosen].feature == "populated place"  # type: ignore[union-attr]
