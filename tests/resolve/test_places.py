"""The place resolver on the cases conflict reporting throws at it (real gazetteer index)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from faultlines.cli import main
from faultlines.resolve.places import (
    PlaceContext,
    PlaceMention,
    find_place_mentions,
    get_gazetteer,
    name_key,
    resolve_places,
)
from faultlines.resolve.places.geo import distance_km


def top(name: str, **kwargs: object):
    found = get_gazetteer().lookup(name, **kwargs)  # type: ignore[arg-type]
    assert found, f"nothing found for {name!r}"
    return found[0]


@pytest.mark.parametrize(
    ("variants", "country"),
    [
        (["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zor", "DEIR EZ ZOR"], "SY"),
        (["Al-Qaim", "Al Qa'im", "Qaim", "al qaim"], "IQ"),
        (["Albu Kamal", "Abu Kamal", "Al Bu Kamal", "Abou Kamal"], "SY"),
        (["Raqqa", "Ar-Raqqah", "Raqqah", "raqa"], "SY"),
        (["Fallujah", "Falluja", "Al-Fallujah"], "IQ"),
    ],
)
def test_transliteration_variants_reach_the_same_town(variants: list[str], country: str) -> None:
    ids = {top(v).geonames_id for v in variants}
    assert len(ids) == 1, f"variants split across entries: {ids}"
    assert top(variants[0]).country == country


def test_name_key_unifies_articles_doubling_and_endings() -> None:
    assert name_key("Ar-Raqqah") == name_key("Raqqa")
    assert name_key("Hawijah") == name_key("Hawija")
    assert name_key("Qa’im") == name_key("Qaim")
    assert name_key("Deir Ezzor") == name_key("Deir ez-Zor")


def test_lower_cased_names_resolve() -> None:
    assert top("abu ghraib").country == "IQ"
    assert top("deir ez-zor").country == "SY"


def test_lower_cased_text_still_yields_its_places() -> None:
    text = (
        "isil campaign culminated in simultaneous raids on taji , abu ghraib prisons in july 2013. "
        "in iraq, isil able capture of fallujah in january 2014, , in june 2014 seize control of mosul."
    )
    mentions = find_place_mentions(text)
    assert {m.text for m in mentions} >= {"taji", "abu ghraib", "fallujah", "mosul"}
    results = resolve_places(mentions)
    assert all(r is not None and r.country == "IQ" for r in results)


def test_taji_in_an_iraq_context_is_the_iraqi_one() -> None:
    mentions = [PlaceMention("Taji", "raids on Taji and Abu Ghraib prisons"), PlaceMention("Abu Ghraib")]
    taji = resolve_places(mentions, context=PlaceContext(countries=("IQ",)))[0]
    assert taji is not None and taji.country == "IQ"
    assert distance_km(taji.latitude, taji.longitude, 33.52, 44.27) < 25


def test_document_context_picks_the_syrian_palmyra() -> None:
    assert top("Palmyra").country != "SY"  # without context the American towns compete
    mentions = find_place_mentions("IS fighters captured Palmyra in Syria, weeks after taking Aleppo villages.")
    palmyra = resolve_places(mentions)[0]
    assert palmyra is not None and palmyra.country == "SY" and palmyra.admin1 == "Homs"


def test_the_region_named_in_the_text_picks_the_village() -> None:
    mentions = find_place_mentions("IS overran the town of Sarwan, north of Aleppo, and other Aleppo villages.")
    sarwan = resolve_places(mentions)[0]
    assert sarwan is not None and sarwan.country == "SY" and sarwan.admin1 == "Aleppo"


def test_province_versus_city() -> None:
    province = top("Kirkuk province")
    city = top("Kirkuk")
    assert (province.feature, province.precision, province.acled_precision) == ("admin1 region", "region", 3)
    assert (city.feature, city.precision, city.acled_precision) == ("populated place", "town", 1)
    assert top("Deir Ezzor province").precision == "region"
    assert top("Nineveh").precision == "region" and top("Nineveh").country == "IQ"


def test_countryside_is_near_the_region() -> None:
    found = top("Aleppo countryside")
    assert found.country == "SY" and found.admin1 == "Aleppo"
    assert (found.precision, found.acled_precision) == ("near", 2)


def test_container_phrases_are_kept() -> None:
    mentions = find_place_mentions("Fighting erupted between ISIL and JRTN in Hawija, in Kirkuk province.")
    hawija = next(m for m in mentions if m.text == "Hawija")
    assert hawija.container == "Kirkuk province"
    result = resolve_places([hawija])[0]
    assert result is not None and result.admin1 == "Kirkuk" and result.country == "IQ"


def test_acled_bracketed_region_disambiguates() -> None:
    text = "On 8 June 2022, in Villa Yapacani (Santa Cruz), a group of residents staged a demonstration."
    mentions = find_place_mentions(text)
    assert mentions[0].text == "Villa Yapacani" and mentions[0].container == "Santa Cruz"
    place = resolve_places(mentions, context=PlaceContext(countries=("BO",)))[0]
    assert place is not None and (place.country, place.admin1) == ("BO", "Santa Cruz")


def test_an_unknown_village_falls_back_to_the_region_the_text_names() -> None:
    mentions = [PlaceMention("Qqzzyvillage", container="Anbar")]
    place = resolve_places(mentions)[0]
    assert place is not None and place.admin1 == "Anbar" and place.precision == "near"


def test_an_unknown_name_resolves_to_nothing() -> None:
    assert get_gazetteer().lookup("Qqzzyvillage") == []
    assert resolve_places([PlaceMention("Qqzzyvillage")]) == [None]


def test_country_filter_only_keeps_that_country() -> None:
    found = get_gazetteer().lookup("Taji", country="CN")
    assert found and {c.country for c in found} == {"CN"}


def test_crossings_from_the_supplement() -> None:
    crossing = top("Bab al-Hawa crossing")
    assert crossing.feature == "crossing" and crossing.country == "SY"
    assert top("Al-Qaim border crossing").country == "IQ"


def test_candidate_to_dict_round_trips_through_json() -> None:
    data = json.loads(json.dumps(top("Mosul").to_dict()))
    assert data["country"] == "IQ" and data["admin1"] == "Nineveh" and data["geonames_id"] == 99072


def test_cli_geocode_json_lists_candidates_best_first() -> None:
    result = CliRunner().invoke(main, ["geocode", "Taji", "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["country"] == "IQ"
    assert {"name", "latitude", "longitude", "country", "admin1", "geonames_id", "precision", "score"} <= set(rows[0])
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_cli_geocode_table_and_country_option() -> None:
    result = CliRunner().invoke(main, ["geocode", "Taji", "--country", "China"])
    assert result.exit_code == 0, result.output
    assert "CN" in result.output and "IQ" not in result.output


def test_cli_geocode_unknown_name_exits_1_with_a_message() -> None:
    result = CliRunner().invoke(main, ["geocode", "Qqzzyvillage"])
    assert result.exit_code == 1
    assert "No place called 'Qqzzyvillage'" in result.output


def test_a_party_named_like_a_town_is_not_a_place() -> None:
    text = "The Naqshbandi Army is led by former members of Saddam Hussein's Baath party, officials in Kirkuk said."
    assert [m.text for m in find_place_mentions(text)] == ["Kirkuk"]
