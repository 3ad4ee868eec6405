"""General rules of the place finder and resolver, each on a sentence written like a conflict note (real index)."""

from __future__ import annotations

from pathlib import Path

from faultlines.resolve.places import find_place_mentions, get_gazetteer, resolve_places
from faultlines.resolve.places.geo import distance_km
from faultlines.resolve.places.keys import fold, name_key

from .places_helpers import event_place, resolve_text, result_for

# -- spelling variants must lie where the text points ---------------------------------------------


def test_a_spelling_variant_abroad_is_not_taken_for_a_square_at_home() -> None:
    text = "Retired teachers protested in Nijmeh square in Sidon city (Sayda) against the banks."
    mentions, results = resolve_text(text, "LB")
    found = [(m.text, r.country) for m, r in zip(mentions, results, strict=True) if r is not None]
    assert all(country == "LB" for _text, country in found), found


def test_a_spelling_variant_outside_the_documents_region_is_not_the_village() -> None:
    text = (
        "On 11 March 2022, near Ma Yoe Kone village, Myaung township (Sagaing district, Sagaing region), "
        "local defence forces attacked a military column."
    )
    place = result_for(text, "Ma Yoe Kone village", "MM")
    assert place is None or place.admin1 == "Sagaing"  # not Mei Ya Kone near Yangon


# -- names that head a group of people or an organisation ---------------------------------------------


def test_a_name_heading_a_militia_is_an_actor_not_a_place() -> None:
    mentions = find_place_mentions("Fano militias clashed with the army in Gondar (Amhara). Casualties unknown.")
    texts = [m.text for m in mentions]
    assert "Fano" not in texts  # not Fano, Italy
    assert "Gondar" in texts


def test_youth_and_clan_groups_are_actors() -> None:
    texts = [m.text for m in find_place_mentions("Bakooki youth fought with Buganda youth at a village in Rakai.")]
    assert "Buganda" not in texts and "Rakai" in texts


def test_the_head_word_of_an_organisation_is_not_a_place() -> None:
    text = "Supporters of the Confederation of Indigenous Nationalities blocked a road near Latacunga (Cotopaxi)."
    texts = [m.text for m in find_place_mentions(text)]
    assert "Confederation" not in texts  # Confederation, Saskatchewan
    assert "Latacunga" in texts


def test_a_partys_initials_in_brackets_are_not_a_container() -> None:
    text = (
        "People, among them the President of the Treviso Province (LN) and several mayors, "
        "gathered in Pieve di Soligo (Treviso, Veneto) against the war."
    )
    mentions = find_place_mentions(text)
    province = next(m for m in mentions if m.text.startswith("Treviso Province"))
    assert province.container is None
    place = event_place(text, "IT")
    assert place is not None and place.name == "Pieve di Soligo"


# -- where the text says the place is -------------------------------------------------------------------


def test_a_township_word_marks_a_place() -> None:
    text = "In Moe Bye town, Pekon township (Taunggyi district, Shan State), the KNDF attacked a post."
    assert "Pekon township" in [m.text for m in find_place_mentions(text)]


def test_kazakh_regions_are_known_under_their_short_names() -> None:
    region = get_gazetteer().lookup("Qaraghandy region", country="KZ")[0]
    assert region.feature == "admin1 region"
    place = result_for("Workers protested in Zhezkazgan township in Qaraghandy region.", "Zhezkazgan township", "KZ")
    # Zhezkazgan now lies in Ulytau region: the town named "in Qaraghandy region" is not it, nor is Karagandy city.
    assert place is not None and place.feature == "admin1 region" and place.precision == "near"


def test_a_town_centre_then_its_province() -> None:
    text = "Residents held a demonstration in Gaziosmanpasa town center, Istanbul, against the project."
    place = result_for(text, "Gaziosmanpasa town", "TR")
    assert place is not None and place.admin1 == "Istanbul"


def test_from_names_an_origin_not_the_events_place() -> None:
    text = "Russian forces abducted a boy from Melitopol at a checkpoint in Vasylivka, Zaporizhia."
    place = event_place(text, "UA", "RU")
    assert place is not None and place.name == "Vasylivka"


def test_al_quds_in_the_west_bank_is_east_jerusalem() -> None:
    text = "Israeli police detained a protester in Al Quds - Shaykh Jarrah (Al Quds, West Bank)."
    place = event_place(text, "IL", "PS")
    assert place is not None and place.country == "PS"
    assert distance_km(place.latitude, place.longitude, 31.78, 35.23) < 10


# -- speed work must not change answers --------------------------------------------------------------------


def test_kept_answers_cannot_be_changed_by_a_caller() -> None:
    gazetteer = get_gazetteer()
    first = gazetteer.entries("Aleppo", fuzzy=False)
    first.clear()
    assert gazetteer.entries("Aleppo", fuzzy=False)


def test_repeated_and_cold_lookups_agree() -> None:
    gazetteer = get_gazetteer()
    text = "Turkish forces shelled Tawileh town in Al Hasakeh countryside and positions near Manbij."
    warm = find_place_mentions(text)
    gazetteer.clear_cache()
    cold = find_place_mentions(text)
    assert warm == cold and [m.text for m in warm][:1] == ["Tawileh town"]


def test_fold_handles_ascii_and_accents_alike() -> None:
    assert fold("Ma'arrat al-Nu`man") == "maarrat al-numan"
    assert fold("Ma’arrat") == "maarrat"
    assert fold("Dārayyā") == "darayya"
    assert name_key("Deir Ezzor") == name_key("Deir ez-Zor")


# -- one document, one place per name ----------------------------------------------------------------------


def test_every_bare_repetition_of_a_name_gets_the_same_place() -> None:
    text = (Path(__file__).parents[2] / "demo" / "reports" / "08_kobani-siege-air-strikes.txt").read_text()
    mentions, results = resolve_text(text)
    kobani = [r for m, r in zip(mentions, results, strict=True) if m.text == "Kobani"]
    assert len(kobani) >= 5
    assert all(r is not None and r.country == "SY" for r in kobani), kobani  # not Besiri (TR), not unresolved


def test_a_town_of_a_country_the_report_names_is_not_foreign() -> None:
    text = "Turkish tanks waited near Ankara. In Syria, Kurdish fighters held Kobani. Kobani did not fall."
    mentions, results = resolve_text(text)
    assert all(
        r is not None and r.country == "SY" for m, r in zip(mentions, results, strict=True) if m.text == "Kobani"
    )


def test_a_name_after_a_title_is_a_person() -> None:
    texts = [m.text for m in find_place_mentions("On Tuesday Mr. Kerry met the ministers in Vienna.")]
    assert "Kerry" not in texts and "Vienna" in texts


# -- region names as the press writes them ---------------------------------------------------------------------


def test_ukrainian_oblasts_carry_their_own_names() -> None:
    gazetteer = get_gazetteer()
    poltava = gazetteer.lookup("Poltava", country="UA")[0]
    assert (poltava.feature, poltava.admin1) == ("populated place", "Poltava")  # was labelled Zhytomyr
    assert gazetteer.lookup("Chernivtsi", country="UA")[0].admin1 == "Chernivtsi"
    place = result_for("Russian forces shelled Uspenivka, Zaporizhia region. Casualties unknown.", "Uspenivka", "UA")
    assert place is not None and place.admin1 == "Zaporizhzhia"


def test_state_abbreviations_in_brackets() -> None:
    assert get_gazetteer().lookup("KPK")[0].admin1 == "Khyber Pakhtunkhwa"
    place = event_place("Lawyers protested in Mardan (Mardan, KPK) against the arrest.", "PK")
    assert place is not None and (place.country, place.admin1) == ("PK", "Khyber Pakhtunkhwa")


def test_a_capitals_stance_is_its_governments_not_a_place() -> None:
    text = "Kurdish protesters angry at Ankara's stance clashed with police in Diyarbakir."
    assert [m.text for m in find_place_mentions(text)] == ["Diyarbakir"]
    # a possessive before a place inside the city is still the city
    assert [m.text for m in find_place_mentions("Baghdad's Sadr City was shelled.")] == ["Baghdad", "Sadr City"]


def test_a_name_said_twice_in_a_sentence_reads_the_words_before_each_time() -> None:
    text = "In Mosul, officials said the fighting went on near Mosul."
    first, second = resolve_places(find_place_mentions(text), gazetteer=get_gazetteer())
    assert first is not None and second is not None
    assert (first.precision, second.precision) == ("town", "near")


def test_a_spelling_variant_is_tried_only_in_a_country_the_text_points_to() -> None:
    text = "Four bodies were found in Kawlin town on Tuesday."  # Kawlin (Myanmar) is not in the gazetteer
    found = find_place_mentions(text)
    assert [m.text for m in found] == ["Kawlin town"]
    assert resolve_places(found, gazetteer=get_gazetteer()) == [None]  # not Lanzhou, China (once "Kao-lan")
