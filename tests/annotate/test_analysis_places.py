"""One place pass per document: the places found before the actors still give unqualified state
forces their state, and the places stored after them exclude the actors' names."""

from __future__ import annotations

from faultlines.analysis import analyze_document


def _by_kind(text: str) -> dict[str, list[tuple[str, object]]]:
    found: dict[str, list[tuple[str, object]]] = {"actor": [], "place": []}
    for mention in analyze_document(text, None).mentions:
        if mention.kind == "actor":
            found["actor"].append((mention.text, mention.value["actor_id"]))
        elif mention.kind == "place":
            found["place"].append((mention.text, (mention.value["place"] or {}).get("country")))
    return found


def test_the_army_takes_the_state_of_the_places_named() -> None:
    # no state is named: only the places (resolved before the actors) say whose army this is
    found = _by_kind("The army shelled villages near Hawija and Baiji on Monday.")
    assert found["actor"] == [("The army", "state-iq-military")]
    assert found["place"] == [("Hawija", "IQ"), ("Baiji", "IQ")]
    found = _by_kind("Clashes in Rutba: the army shelled the town of Al-Qaim.")
    assert ("the army", "state-iq-military") in found["actor"]


def test_a_place_name_inside_an_actor_name_is_no_place() -> None:
    found = _by_kind("The Islamic State of Iraq withdrew from Tikrit, officials in Baghdad said.")
    assert ("Islamic State of Iraq", "islamic-state-of-iraq") in found["actor"]
    assert [name for name, _ in found["place"]] == ["Tikrit", "Baghdad"]


def test_a_name_followed_by_its_bracketed_region_is_a_place_whatever_the_ner_says() -> None:
    # spaCy labels "Angra dos Reis" a PERSON; the bracketed region after it marks it as a place
    found = _by_kind("On 3 May 2022, police shot a man in Angra dos Reis (Rio de Janeiro).")
    assert ("Angra dos Reis", "BR") in found["place"]


def test_the_ground_a_force_abandons_is_a_place_whatever_the_ner_says() -> None:
    # spaCy labels "Al-Qaim" a PERSON here; the verb of leaving ground marks it as a place
    found = _by_kind(
        "Al-Nusra's oath of loyalty in Albu Kamal comes days after Iraqi security forces abandoned Al-Qaim, "
        "just across the border."
    )
    assert ("Al-Qaim", "IQ") in found["place"]


def test_the_ground_shelled_is_a_place_whatever_the_ner_says() -> None:
    # spaCy labels "Pervomaisk" an ORG here; what is shelled is ground
    found = _by_kind("On 14 April 2022, Ukrainian forces shelled Pervomaisk, Luhansk with 122mm caliber mortar.")
    assert ("Pervomaisk", "UA") in found["place"]


def test_a_city_after_a_locative_is_a_place_whatever_the_ner_says() -> None:
    # the small model labels "Aleppo" here NORP and "Palmyra" PERSON
    found = _by_kind("Fighting erupted in Aleppo on Monday between rebels and government forces.")
    assert ("Aleppo", "SY") in found["place"]
    found = _by_kind("Islamic State fighters entered Palmyra on Wednesday, Syrian state media said.")
    assert [name for name, _ in found["place"]] == ["Palmyra"]


def test_every_item_of_a_list_after_a_locative_is_a_place() -> None:
    found = _by_kind("Rebels from the Islamic Front, in Aleppo, Idlib and Hama provinces, joined the offensive.")
    assert {name for name, _ in found["place"]} >= {"Idlib", "Hama"}


def test_a_name_before_a_possessive_or_its_own_place_is_not_listed() -> None:
    found = _by_kind("The decision came at Obama's request, officials in Washington said.")
    assert [name for name, _ in found["place"]] == ["Washington"]
