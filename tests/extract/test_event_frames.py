"""Argument frames: a heading glued to the next line, "the local unit of X", a pronoun partner in a
headline, and a noun event restated in a "comes days after" frame. Real pipeline (full analysis)."""

from __future__ import annotations

from datetime import date

from faultlines.analysis import analyze_document
from faultlines.records import EventRecord

PUBLISHED = date(2014, 6, 25)


def _events(text: str, type_id: str) -> list[EventRecord]:
    return [e for e in analyze_document(text, PUBLISHED).events if e.type == type_id]


def _id(ref: dict | None) -> str | None:
    return ref.get("actor_id") if ref else None


def test_the_local_unit_of_a_group_under_a_glued_headline_is_that_group() -> None:
    text = (
        "ISIL strengthened on Syria border after Qaeda unit joins it\n"
        "The local unit of Al-Qaeda's Syrian branch in the town of Albu Kamal on the Iraqi border pledged "
        "loyalty Wednesday to the Islamic State of Iraq and the Levant."
    )
    pledges = _events(text, "pledge_allegiance")
    agents = {(_id(e.actor1), _id(e.actor2)) for e in pledges}
    assert ("jabhat-al-nusra", "islamic-state-of-iraq-and-the-levant") in agents, agents


def test_it_in_a_headline_is_the_headline_s_earlier_actor() -> None:
    text = (
        "ISIL strengthened on Syria border after Qaeda unit joins it\n"
        "The local unit of Al-Qaeda's Syrian branch in the town of Albu Kamal on the Iraqi border pledged "
        "loyalty Wednesday to the Islamic State of Iraq and the Levant."
    )
    headline = [e for e in _events(text, "pledge_allegiance") if _id(e.actor1) == "al-qaida"]
    assert headline, [(_id(e.actor1), _id(e.actor2)) for e in _events(text, "pledge_allegiance")]
    assert _id(headline[0].actor2) == "islamic-state-of-iraq-and-the-levant"


def test_an_oath_restated_days_after_another_event_takes_neither_its_actor_nor_its_date() -> None:
    text = (
        "Al-Nusra fighters in Albu Kamal pledged loyalty to ISIL on Wednesday. Al-Nusra's oath of loyalty in "
        "Albu Kamal comes days after Iraqi security forces abandoned Al-Qaim, and ISIL seized it on Saturday."
    )
    pledges = _events(text, "pledge_allegiance")
    restated = [e for e in pledges if "oath" in e.text]
    assert restated, [e.text for e in pledges]
    assert all(_id(e.actor2) != "state-iq-military" for e in restated)
    assert all(e.date_start != "2014-06-21" for e in restated)
    withdrawal = _events(text, "withdrawal")
    assert withdrawal and withdrawal[0].date_start == "2014-06-21"


def test_a_branch_or_faction_of_a_group_acts_for_that_group() -> None:
    text = "The local branch of the Free Syrian Army in Daraa pledged allegiance to ISIL on Monday."
    pledge = _events(text, "pledge_allegiance")[0]
    assert _id(pledge.actor1) == "free-syrian-army"
    pledge = _events("A faction of Ahrar al-Sham joined Jabhat al-Nusra in Idlib on Monday.", "pledge_allegiance")[0]
    assert (_id(pledge.actor1), _id(pledge.actor2)) == ("ahrar-al-sham", "jabhat-al-nusra")
