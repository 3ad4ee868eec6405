"""Identity militias named by ACLED's convention, coordinated state forces and town names abroad,
and how the actor scorer credits convention-named militias (short texts, real pipeline)."""

from __future__ import annotations

from datetime import date

from faultlines.annotate import get_nlp
from faultlines.eval.actors import matches, parse_acled_actor, scored_actors
from faultlines.kb import default_kb
from faultlines.kb.countries import country_index, load_countries
from faultlines.resolve.actors import ActorMention, resolve_actors


def _resolve(text: str, country: str | None) -> list[ActorMention]:
    return resolve_actors(get_nlp()(text), published=date(2022, 3, 1), country=country)


def _names(text: str, country: str | None = None) -> dict[str, str | None]:
    return {m.text: m.actor_id or m.provisional_name for m in _resolve(text, country)}


def test_a_place_militia_is_a_communal_militia_of_the_documents_country() -> None:
    found = _names("Katsina militiamen abducted six civilians in Bakiyawa (Batagarawa, Katsina).", "NG")
    assert found == {"Katsina militiamen": "Katsina Communal Militia (Nigeria)"}
    mention = _resolve("Members of a Niger communal militia attacked Gwalo.", "NG")[0]
    assert (mention.provisional, mention.kind) == (True, "identity_militia")
    assert mention.provisional_name == "Niger Communal Militia (Nigeria)"


def test_a_region_named_in_the_text_makes_a_communal_militia() -> None:
    text = "Armed men (assumed Darfur communal militia) shot six civilians in Saraf Omra (North Darfur state)."
    assert _names(text, "SD")["Darfur communal militia"] == "Darfur Communal Militia (Sudan)"


def test_armed_men_from_two_places() -> None:
    found = _names("Around 200 armed men from Katsina and Zamfara clashed with soldiers in Shika.", "NG")
    assert found["Katsina"] == "Katsina Communal Militia (Nigeria)"
    assert found["Zamfara"] == "Zamfara Communal Militia (Nigeria)"


def test_a_people_militia_is_an_ethnic_militia() -> None:
    assert _names("Suspected Meru ethnic militia shot a herder in Tigania.", "KE") == {
        "Meru ethnic militia": "Meru Ethnic Militia (Kenya)"
    }
    assert (
        _names("Ten armed Acholi attacked Madi farmers near Apaa.", "UG")["Acholi"] == "Acholi Ethnic Militia (Uganda)"
    )


def test_a_people_the_kb_knows_keeps_its_kb_actor() -> None:
    found = _names("Armed individuals suspected to be Fulani attacked miners near Jos.", "NG")
    assert found["Fulani"] == "fulani"


def test_tribesmen_and_clans() -> None:
    found = _names("Al Laqmush tribesmen clashed in Habban. Members of Al al Hubayshi tribe clashed in Qaatabah.", "YE")
    assert found["Al Laqmush tribesmen"] == "Al Laqmush Tribal Militia (Yemen)"
    assert found["Al al Hubayshi tribe"] == "Al al Hubayshi Tribal Militia (Yemen)"
    text = "Suspected Dhulbahante-Hassan Ugas sub-clan militia shot two civilians in Boocame."
    assert _names(text, "SO")["Dhulbahante-Hassan Ugas sub-clan militia"] == (
        "Dhulbahante-Hassan Ugas Sub-Clan Militia (Somalia)"
    )


def test_islamist_militia() -> None:
    assert _names("Islamist militia ambushed a truck near Tete (Mocimboa da Praia).", "MZ") == {
        "Islamist militia": "Islamist Militia (Mozambique)"
    }


def test_no_militia_where_no_people_place_or_tribe_is_named() -> None:
    text = (
        "Local militia pushed back the attackers. Houthi forces shelled the houses of the Al Ghunaim tribe. "
        "Mayi Mayi militia looted the market."
    )
    names = _names(text, "CD").values()
    assert not any(name and "Militia (" in name for name in names)


def test_coordinated_military_and_police_keep_their_roles() -> None:
    found = _names("Military and police forces of Pakistan exchanged fire with TTP militants.", "PK")
    assert found["Military"] == "state-pk-military"
    assert found["police forces of Pakistan"] == "state-pk-police"


def test_a_town_abroad_does_not_move_the_police_abroad() -> None:
    # "Sur" is a town in Oman and a district of Diyarbakir; the document is about Turkey
    assert _names("Police in Sur detained five people.", "TR")["Police"] == "state-tr-police"
    assert _names("Gulf Clan members clashed with police forces in Miraflores.", "CO")["police forces"] == (
        "state-co-police"
    )
    # a capital still names its state
    assert _names("The regime in Baghdad denied the report.", "SY")["The regime"] == "state-iq"


def test_the_scorer_credits_convention_militias_by_name_and_counts_them_in_precision() -> None:
    kb = default_kb()
    countries = country_index(load_countries())
    mentions = _resolve("Katsina militiamen abducted six civilians in Batagarawa.", "NG")
    actors = scored_actors(kb, mentions)
    assert [a.name for a in actors] == ["Katsina Communal Militia (Nigeria)"]
    right = parse_acled_actor("Katsina Communal Militia (Nigeria)", countries)
    wrong = parse_acled_actor("Zamfara Communal Militia (Nigeria)", countries)
    assert right is not None and wrong is not None
    assert matches(kb, actors[0], right)
    assert not matches(kb, actors[0], wrong)


def test_the_scorer_reads_factions_and_coalition_members() -> None:
    kb = default_kb()
    countries = country_index(load_countries())
    faction = parse_acled_actor(
        "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure Faction)", countries
    )
    coalition = parse_acled_actor("Global Coalition Against Daesh", countries)
    assert faction is not None and coalition is not None
    assert matches(kb, kb.get("imbonerakure"), faction)
    assert matches(kb, kb.get("state-us-military"), coalition)
    assert not matches(kb, kb.get("state-ru-military"), coalition)


def test_a_nations_demonym_is_no_ethnic_militia() -> None:
    names = _names("Somali militants attacked a police post in Mandera.", "KE").values()
    assert "Somali Ethnic Militia (Kenya)" not in names


def test_the_scorer_reads_acled_gang_names() -> None:
    kb = default_kb()
    gang = parse_acled_actor("Los Ardillos Gang", country_index(load_countries()))
    assert gang is not None
    assert any(matches(kb, actor, gang) for actor in kb.lookup("Los Ardillos"))
