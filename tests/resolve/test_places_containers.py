"""Containers, namesakes and longer names: the rules of issue #5's second round of place fixes, each
on a sentence written the way conflict notes write places (real gazetteer index)."""

from __future__ import annotations

from faultlines.resolve.places import find_place_mentions

from .places_helpers import resolve_text, result_for

# -- a name that goes on after a particle is a longer name, not the shorter one -----------------------


def test_a_name_continued_after_a_particle_is_not_the_town_it_starts_with() -> None:
    texts = [m.text for m in find_place_mentions("Residents protested in the Dur al Naft area of Basrah city.")]
    assert "Dur" not in texts  # not Durban
    assert "Basrah city" in texts


def test_a_known_name_with_particles_is_found_whole() -> None:
    place = result_for("On 3 May 2023, in Guadalupe y Calvo, Chihuahua, gunmen burned two trucks.", "Guadalupe y Calvo")
    assert place is not None and place.country == "MX" and place.admin1 == "Chihuahua"


def test_an_elided_particle_continues_the_name_too() -> None:
    texts = [m.text for m in find_place_mentions("People gathered in Monticelli d'Ongina (Piacenza, Emilia-Romagna).")]
    assert "Monticelli" not in texts
    assert "Piacenza" in texts


def test_an_english_word_after_a_country_does_not_make_it_a_longer_name() -> None:
    texts = [m.text for m in find_place_mentions("Fighting went on in Syria as Turkish forces shelled Tell Rifaat.")]
    assert "Syria" in texts


# -- the containers the text gives ------------------------------------------------------------------


def test_an_unknown_town_falls_back_to_the_container_inside_the_outer_one() -> None:
    # the gazetteer's Irepodun lies in Kwara; the note puts this one in Ekiti
    place = result_for("On 3 May 2023, locals protested in Iworoko (Irepodun, Ekiti) over a title.", "Iworoko")
    assert place is not None and place.admin1 == "Ekiti"


def test_the_container_the_text_names_beats_the_actors_country() -> None:
    text = "On 3 May 2023, demonstrators protested in Tourou (Mokolo, Mayo-Tsanaga, Extreme-Nord) against Boko Haram."
    place = result_for(text, "Tourou", "NG")
    assert place is not None and place.country == "CM"  # not Turku, nor anything in Nigeria


def test_a_town_in_the_district_of_its_own_name_is_placed_when_the_outer_container_is_ambiguous() -> None:
    # "FCT" is also Abuja's territory; Islamabad district still holds Islamabad
    place = result_for("On 3 May 2023, activists rallied in Islamabad city (Islamabad, FCT).", "Islamabad city")
    assert place is not None and place.country == "PK"


def test_a_name_repeated_as_its_own_district_does_not_vouch_for_itself() -> None:
    place = result_for("On 3 May 2023, activists took out a rally in Hangu city (Hangu, KPK).", "Hangu city")
    assert place is not None and place.country == "PK"  # not Hangu near Tianjin


def test_located_in_gives_the_container() -> None:
    text = "On 3 May 2023, care workers protested in Gaviao located in Vila Nova de Famalicao, demanding pay."
    mentions, results = resolve_text(text)
    by_text = dict(zip([m.text for m in mentions], results, strict=True))
    assert mentions[0].container == "Vila Nova de Famalicao"
    assert all(r is None or r.country == "PT" for r in by_text.values())


def test_district_of_columbia_is_washington_not_columbia() -> None:
    text = "On 3 May 2023, people demonstrated in Washington DC - National Mall (District of Columbia)."
    place = result_for(text, "District of Columbia")
    assert place is not None and place.admin1 == "Washington, D.C."


def test_a_region_closing_the_brackets_is_the_region() -> None:
    text = "On 3 May 2023, students rallied outside a high school in Alexandria (Virginia) against cuts."
    _mentions, results = resolve_text(text)
    assert [(r.country if r else None) for r in results] == ["US", "US"]


def test_a_region_name_many_countries_share_gets_no_bracket_bonus() -> None:
    # La Paz is a region of Bolivia, El Salvador and Honduras: the city of La Paz still decides
    place = result_for("On 3 May 2023, in El Alto (La Paz), residents blocked an avenue.", "La Paz")
    assert place is not None and place.country == "BO"


def test_a_ward_takes_its_bracketed_container() -> None:
    text = "On 3 May 2023, gunmen killed two farmers in Moon ward (Kwande, Benue) and burned houses."
    mentions = find_place_mentions(text)
    assert mentions[0].text == "Moon ward" and mentions[0].container == "Kwande, Benue"
    place = result_for(text, "Moon ward")
    assert place is not None and place.country == "NG"  # not the Mon region of Myanmar


def test_a_district_is_looked_for_where_a_district_has_that_name() -> None:
    place = result_for(
        "On 3 May 2023, locals blocked a road in Bardiya district to demand a bridge.", "Bardiya district"
    )
    assert place is not None and place.country == "NP"  # not Al Bardiyah in Libya
