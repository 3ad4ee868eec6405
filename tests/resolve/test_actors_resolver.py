"""Actor resolution on short texts with the real pipeline: acronyms, descriptions, time,
people, discovery and analyst corrections."""

from __future__ import annotations

from datetime import date

from faultlines.annotate import get_nlp
from faultlines.kb import default_kb
from faultlines.resolve.actors import (
    ActorMention,
    document_country,
    provisional_actor,
    provisional_key,
    resolve_actors,
)


def _resolve(text: str, published: date | None = None, **kwargs: object) -> list[ActorMention]:
    return resolve_actors(get_nlp()(text), published=published, **kwargs)  # type: ignore[arg-type]


def _by_text(mentions: list[ActorMention]) -> dict[str, str | None]:
    return {m.text: m.actor_id or m.provisional_key for m in mentions}


def test_mentions_carry_offsets_sentence_and_method() -> None:
    text = "Clashes erupted in Aleppo. Later, Ahrar al-Sham fighters withdrew."
    mention = next(m for m in _resolve(text) if m.actor_id == "ahrar-al-sham")
    assert text[mention.char_start : mention.char_end] == "Ahrar al-Sham"
    assert (mention.sentence, mention.method, mention.provisional) == (1, "kb", False)


def test_acronym_defined_in_the_document_for_an_unknown_group() -> None:
    text = (
        "The Brigade of the Desert Lions (BDL) attacked a checkpoint near Palmyra. "
        "Two BDL fighters were killed in the clashes."
    )
    found = {m.text: m for m in _resolve(text)}
    assert found["Brigade of the Desert Lions"].provisional
    assert found["BDL"].method == "acronym"
    assert found["BDL"].provisional_key == found["Brigade of the Desert Lions"].provisional_key


def test_acronym_explained_after_it() -> None:
    text = "ISIS – an acronym for the Islamic State of Iraq and the Levant – took the town."
    found = _by_text(_resolve(text))
    assert found["ISIS"] == "islamic-state-of-iraq-and-the-levant"


def test_descriptions_resolve_to_the_described_group() -> None:
    text = (
        "Al-Qaeda's Syrian branch fought the so-called caliphate. "
        "The jihadist group led by Abu Bakr al-Baghdadi advanced on Mosul."
    )
    found = _by_text(_resolve(text, date(2015, 5, 1)))
    assert found["Al-Qaeda's Syrian branch"] == "jabhat-al-nusra"
    assert found["so-called caliphate"] == "islamic-state"
    assert found["The jihadist group led by"] == "islamic-state"
    assert found["Abu Bakr al-Baghdadi"] == "abu-bakr-al-baghdadi"


def test_rename_chain_gives_the_name_in_force_at_the_date() -> None:
    text = "ISIL fighters and Islamic State militants attacked the town."
    assert set(_by_text(_resolve(text, date(2015, 3, 1))).values()) == {"islamic-state"}
    assert set(_by_text(_resolve(text, date(2013, 9, 1))).values()) == {"islamic-state-of-iraq-and-the-levant"}
    undated = _by_text(_resolve(text))
    assert undated == {"ISIL": "islamic-state-of-iraq-and-the-levant", "Islamic State": "islamic-state"}


def test_a_generic_islamic_state_is_not_the_group() -> None:
    assert _resolve("The movement wants to establish an Islamic state in the region.") == []


def test_people_are_linked_to_their_organisation_from_the_text() -> None:
    text = "Abu Khalid al-Homsi, a commander of the Levant Front, said the town had fallen."
    person = next(m for m in _resolve(text, date(2015, 6, 1)) if m.kind == "person")
    assert person.provisional and person.method == "leader"
    assert (person.organisation_id, person.role) == ("levant-front", "commander")
    assert provisional_actor(person).parent == "levant-front"


def test_known_leader_gets_the_organisation_in_force() -> None:
    mention = _resolve("Abu Mohammad al-Julani spoke on Sunday.", date(2014, 3, 1))[0]
    assert (mention.actor_id, mention.organisation_id) == ("abu-muhammad-al-julani", "jabhat-al-nusra")


def test_unknown_groups_get_one_key_for_all_spellings() -> None:
    first = _resolve("Fighters of Liwa Shuhada al-Yarmouk clashed with rebels.")
    second = _resolve("Liwa Shuhada al Yarmouk fighters clashed with rebels.")
    assert [m.provisional_key for m in first] == [m.provisional_key for m in second]
    assert first[0].provisional_key == provisional_key("Liwa Shuhada al-Yarmouk")
    assert first[0].method == "discovered" and first[0].kind == "rebel_group"


def test_unqualified_state_forces_need_the_country() -> None:
    text = "On 3 May, the army shelled villages and police officers arrested two men."
    assert _by_text(_resolve(text, country="SY")) == {
        "the army": "state-sy-military",
        "police officers": "state-sy-police",
    }
    assert _resolve(text) == []


def test_a_named_army_is_not_the_state_army() -> None:
    text = "In Idlib the Army of Conquest attacked the army, and the Army withdrew."
    found = _by_text(_resolve(text, country="SY"))
    assert found["Army of Conquest"] != "state-sy-military"
    assert found["the army"] == "state-sy-military"


def test_coordinated_state_forces_are_both_found() -> None:
    found = {m.actor_id for m in _resolve("Clashes between Ukrainian and Russian forces continued near Izium.")}
    assert found == {"state-ua-military", "state-ru-military"}


def test_analyst_alias_survives_reprocessing() -> None:
    text = "The Desert Hawks Brigade attacked the village."
    assert _resolve(text)[0].provisional
    kb = default_kb().with_extra_aliases({"Desert Hawks Brigade": "state-sy-military"})
    corrected = _resolve(text, kb=kb)
    assert [(m.actor_id, m.provisional) for m in corrected] == [("state-sy-military", False)]


def test_country_words_with_military_nouns_are_state_forces() -> None:
    text = (
        "Ukrainian forces shot down a Russian Orlan-10 drone. Iraqi F-16 warplanes struck an IS "
        "hideout, and IS militants attacked an Iraqi Federal Police position. The Russian Ministry "
        "of Defense claimed the town. Russian diplomats left Poland."
    )
    assert _by_text(_resolve(text, date(2022, 4, 1))) == {
        "Ukrainian forces": "state-ua-military",
        "Russian Orlan-10 drone": "state-ru-military",
        "Iraqi F-16 warplanes": "state-iq-military",
        "IS": "islamic-state",
        "Iraqi Federal Police": "state-iq-police",
        "Russian Ministry of Defense": "state-ru-military",
    }


def test_regime_nouns_and_coordinated_country_words() -> None:
    text = "Regime snipers shot a farmer. Turkish and opposition artillery shelled Kafr Antoun."
    found = _by_text(_resolve(text, date(2022, 5, 1), country="SY"))
    assert found == {"Regime snipers": "state-sy-military", "Turkish": "state-tr-military"}
    # without a country, "regime" names nobody's forces
    assert _resolve("Regime snipers shot a farmer.", date(2022, 5, 1)) == []


def test_unqualified_state_phrases_take_the_country_they_name() -> None:
    text = "Rebels fought the regime of Syrian President Bashar al-Assad. Iran has not sent troops into Iraq."
    found = _by_text(_resolve(text, date(2014, 6, 26), country="IQ"))
    assert found["the regime"] == "state-sy"
    assert "troops" not in found  # Iran's troops, not Iraq's


def test_most_named_country_is_the_documents_country() -> None:
    text = "Fighting in Mosul and Tikrit spread. Syrian rebels watched. The army withdrew from Mosul."
    assert _by_text(_resolve(text, date(2014, 6, 11)))["The army"] == "state-iq-military"
    assert document_country(["IQ", "SY", "IQ", None]) == "IQ"
    assert document_country(["IQ", "SY"]) is None


def test_a_people_is_an_armed_group_only_with_a_militia_word() -> None:
    assert _resolve("Fulani families fled the village.", date(2022, 3, 1)) == []
    found = _by_text(_resolve("Suspected armed Fulani pastoralists attacked residents.", date(2022, 3, 1)))
    assert found == {"Fulani pastoralists": "fulani"}


def test_leader_aliases_respect_their_dates() -> None:
    text = "Saleh forces clashed with Houthi fighters in Sanaa."
    assert _by_text(_resolve(text, date(2009, 8, 1)))["Saleh forces"] == "state-ye-military"
    assert "Saleh forces" not in _by_text(_resolve(text, date(2016, 8, 1)))


def test_a_sentence_about_another_time_uses_its_own_date() -> None:
    text = "The group holds Raqqa. In 2010 the Islamic State of Iraq bombed Baghdad."
    plain = _by_text(_resolve(text, date(2015, 6, 1)))
    dated = _by_text(_resolve(text, date(2015, 6, 1), sentence_dates={1: date(2010, 1, 1)}))
    assert plain["Islamic State of Iraq"] == "islamic-state"
    assert dated["Islamic State of Iraq"] == "islamic-state-of-iraq"


def test_a_masthead_is_not_a_group_but_named_fronts_are() -> None:
    text = (
        "NORTHERN FRONT ONLINE\n"
        "Tuesday 27 January 2015\n"
        "Fighters of the Levant Front and Jaysh al-Fateh attacked regime positions near Idlib.\n"
        "(c) 2015 Northern Front Online. All rights reserved.\n"
    )
    keys = {m.key for m in _resolve(text, date(2015, 1, 27))}
    assert "levant-front" in keys and provisional_key("Jaysh al-Fateh") in keys
    assert not any("northern" in key for key in keys)


def test_a_parent_acronym_in_brackets_is_not_a_new_acronym() -> None:
    # "Katiba Gourma (JNIM)" names the unit's parent; JNIM stays JNIM, the unit resolves to its KB entry
    text = "Katiba Gourma (JNIM) militants captured seven fighters near Ntillit. JNIM later denied it."
    mentions = _resolve(text, date(2022, 6, 7), country="ML")
    found = {(m.text, m.char_start): m.actor_id for m in mentions}
    assert found[("Katiba Gourma", 0)] == "katiba-gourma"
    assert {a for (t, _), a in found.items() if t == "JNIM"} == {"group-for-the-support-of-islam-and-muslims"}
    assert default_kb().get("katiba-gourma").parent == "group-for-the-support-of-islam-and-muslims"


def test_curated_press_names_and_acronyms_of_armed_groups() -> None:
    cases = [
        ("Clashes took place between JaS and Ahrar al Sham in Sosyan village.", "SY", "JaS", "levant-front"),
        (
            "HBDH militants attacked police officers in Sur town, Diyarbakir.",
            "TR",
            "HBDH",
            "peoples-united-revolutionary-movement",
        ),
        (
            "Members of the FARC Dissident group ambushed the police station.",
            "CO",
            "FARC Dissident group",
            "farc-dissidents",
        ),
        (
            "Free Syrian Police members were killed in Ras al-Ain town.",
            "SY",
            "Free Syrian Police",
            "free-syrian-police",
        ),
        (
            "The army killed a presumed AQMI militant in the Fouzar mountain area.",
            "DZ",
            "AQMI",
            "al-qaida-organization-in-the-islamic-maghreb",
        ),
        ("JWS operating under OPS shelled QSD positions near Tal Tamr.", "SY", "OPS", "operation-peace-spring"),
    ]
    for text, country, mention, actor_id in cases:
        assert _by_text(_resolve(text, date(2022, 5, 1), country=country)).get(mention) == actor_id, text


def test_a_named_royal_army_is_not_the_state_army() -> None:
    text = "Fighting broke out between soldiers and Myanmar's Royal Dragon Army near Monywa."
    found = _by_text(_resolve(text, date(2022, 5, 1), country="MM"))
    assert found["Myanmar's Royal Dragon Army"] == "myanmar-royal-dragon-army"
    assert found["soldiers"] == "state-mm-military"


def test_regional_and_federal_state_units_belong_to_the_state() -> None:
    ethiopia = _by_text(_resolve("TPLF forces clashed with Afar regional special forces in Berahle.", country="ET"))
    assert ethiopia["regional special forces"] == "state-et-police"
    somalia = _by_text(_resolve("Al Shabaab attacked a Galmudug security forces base in Baxdo village.", country="SO"))
    assert somalia["Galmudug security forces"] == "state-so-military"
    iraq = _by_text(_resolve("Iraqi Rapid Reaction Force destroyed an IS hideout in Diyala.", country="IQ"))
    assert iraq["Iraqi Rapid Reaction Force"] == "state-iq-police"
