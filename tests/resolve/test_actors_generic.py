"""Unnamed actors under ACLED's conventional names ("Protesters (France)", "Unidentified Armed
Group (Nigeria)"), with ``resolve_actors(..., generic=True)``. Real pipeline on short texts."""

from __future__ import annotations

from datetime import date

from faultlines.annotate import get_nlp
from faultlines.eval.actors import generic_name
from faultlines.kb.countries import country_index, load_countries
from faultlines.resolve.actors import resolve_actors


def _names(text: str, country: str | None, *, generic: bool = True) -> dict[str, str]:
    mentions = resolve_actors(get_nlp()(text), published=date(2022, 5, 5), country=country, generic=generic)
    return {m.text: m.provisional_name or m.key for m in mentions}


def test_unidentified_gunmen_and_a_civilian_get_acled_names() -> None:
    names = _names("On 5 May 2022, unidentified gunmen abducted a civilian in Kaduna.", "NG")
    assert names["unidentified gunmen"] == "Unidentified Armed Group (Nigeria)"
    assert names["a civilian"] == "Civilians (Nigeria)"


def test_protesters_and_demonstrators_are_one_actor() -> None:
    mentions = resolve_actors(
        get_nlp()("Around 100 protesters gathered in Bordeaux; police dispersed the demonstrators."),
        published=date(2022, 2, 5),
        country="FR",
        generic=True,
    )
    keys = {m.text: m.key for m in mentions}
    assert keys["protesters"] == keys["demonstrators"]
    assert keys["police"] == "state-fr-police"


def test_a_mob_is_rioters_and_an_unnamed_gang_is_an_unidentified_gang() -> None:
    assert _names("A mob lynched a suspected thief in Nairobi.", "KE")["A mob"] == "Rioters (Kenya)"
    gang = _names("Members of an unnamed gang exchanged fire with police officers.", "BR")
    assert gang["unnamed gang"] == "Unidentified Gang (Brazil)"


def test_a_demonym_in_front_gives_the_country() -> None:
    names = _names("On 13 May 2022, Palestinian rioters clashed with Israeli military forces.", "IL")
    assert names["rioters"] == "Rioters (Palestinian Territory)"


def test_gang_members_without_a_name_are_an_unidentified_gang() -> None:
    names = _names("At least one gang member attacked police and military officers in Izalco.", "SV")
    assert names["one gang member"] == "Unidentified Gang (El Salvador)"


def test_civilian_infrastructure_names_no_civilians() -> None:
    names = _names("Russian forces shelled civilian infrastructure in Sokolivka.", "UA")
    assert not any(name.startswith("Civilians") for name in names.values())


def test_a_named_group_keeps_its_span() -> None:
    names = _names("Suspected Boko Haram militants attacked civilians in Borno.", "NG")
    assert "Unidentified Armed Group (Nigeria)" not in names.values()
    assert names["civilians"] == "Civilians (Nigeria)"


def test_generic_actors_are_off_by_default() -> None:
    names = _names("Protesters clashed with police in Nairobi.", "KE", generic=False)
    assert "Protesters" not in names


def test_without_a_country_the_bare_category_is_the_name() -> None:
    assert _names("Rioters clashed with police.", None)["Rioters"] == "Rioters"


def test_scorer_reads_acled_generic_names_in_the_resolver_spelling() -> None:
    countries = country_index(load_countries())
    assert generic_name("Protesters (Kenya)", countries) == "Protesters (Kenya)"
    assert generic_name("Unidentified Armed Group (Syria)", countries) == "Unidentified Armed Group (Syria)"
    assert generic_name("Al Shabaab", countries) is None
