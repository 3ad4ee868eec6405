"""Territorial and relationship events read from their own clause: place, agents, date, evidence."""

from __future__ import annotations

from datetime import date

from faultlines.analysis import analyze_document
from faultlines.records import EventRecord

PUBLISHED = date(2014, 6, 21)


def _events(text: str, kind: str, published: date = PUBLISHED) -> list[EventRecord]:
    return [e for e in analyze_document(text, published).events if e.type == kind]


def _place(event: EventRecord) -> str | None:
    return event.place["name"] if event.place else None


def test_a_joined_heading_gives_neither_place_nor_evidence_and_the_crossing_is_the_town_s() -> None:
    text = (
        "The sources said insurgents took control of the Al-Qaim border crossing on Saturday.\n"
        "PM Maliki's aide thanks Russia for balanced stance on Iraqi crisis\n"
        "Gunmen loyal to the FSA and Al-Nusra Front seized the Iraqi side of the border crossing on June 17."
    )
    seized = [e for e in _events(text, "nonstate_overtakes_territory") if "June 17" in e.text]
    (event,) = seized
    assert _place(event) == "Al Qā’im" and event.place_precision == "inferred_from_context"
    assert event.actor1 and event.actor1["actor_id"] == "free-syrian-army"
    assert [a["actor_id"] for a in event.assoc_actors1] == ["jabhat-al-nusra"]
    assert event.date_start == "2014-06-17"
    assert "Russia" not in event.text


def test_the_object_town_wins_over_the_dateline_country() -> None:
    text = (
        "AL-QAIM, Iraq -- Fighters of the Islamic State of Iraq and the Levant seized the town of Al-Qaim "
        "and the nearby crossing into Syria on Saturday, Iraqi security officers said."
    )
    (event,) = _events(text, "nonstate_overtakes_territory")
    assert _place(event) == "Al Qā’im" and event.place_precision == "town"


def test_two_captures_in_one_sentence_with_a_pronoun_and_a_day_before() -> None:
    text = (
        "BAGHDAD, 11 June 2014 -- Militants led by the Islamic State of Iraq and the Levant (ISIL) overran "
        "Tikrit on Wednesday, security officials said, a day after they seized Mosul, Iraq's second-largest city."
    )
    events = _events(text, "nonstate_overtakes_territory", date(2014, 6, 11))
    found = {(_place(e), e.date_start, e.actor1["actor_id"] if e.actor1 else None) for e in events}
    assert found == {
        ("Tikrīt", "2014-06-11", "islamic-state-of-iraq-and-the-levant"),
        ("Mosul", "2014-06-10", "islamic-state-of-iraq-and-the-levant"),
    }
    assert len({(e.start, e.end) for e in events}) == 2  # each quoted (and stored) apart


def test_people_fleeing_towards_a_city_is_no_withdrawal_from_it() -> None:
    assert _events("Thousands of residents fled east towards Baghdad, many of them on foot.", "withdrawal") == []


def test_a_local_unit_pledging_is_placed_where_it_is_and_the_headline_takes_the_lead_date() -> None:
    text = (
        "Nusra unit in Albu Kamal swears loyalty to ISIL, monitor says\n\n"
        "BEIRUT -- The Nusra Front's fighters in Albu Kamal, the Syrian town facing Iraq's Al-Qaim, pledged "
        "allegiance to the Islamic State of Iraq and the Levant on Wednesday, the Syrian Observatory said."
    )
    events = _events(text, "pledge_allegiance", date(2014, 6, 26))
    assert {(_place(e), e.date_start) for e in events} == {("Ālbū Kamāl", "2014-06-25")}


def test_cut_its_ties_is_a_disavowal_with_its_own_date() -> None:
    text = "Al-Qaeda cut its ties with ISIL in January this year after the two organisations fell out."
    (event,) = _events(text, "disavowal", date(2014, 6, 26))
    assert event.actor1 and event.actor1["actor_id"] == "al-qaida"
    assert event.actor2 and event.actor2["actor_id"] == "islamic-state-of-iraq-and-the-levant"
    assert (event.date_start, event.date_precision) == ("2014-01-01", "month")


def test_its_fighters_stand_for_the_group_the_sentence_before_is_about() -> None:
    text = (
        "The Naqshbandi Army is led by former members of the Baath party. "
        "Its fighters have fought alongside ISIL in the offensive this month."
    )
    (event,) = _events(text, "alliance")
    assert event.actor1 and event.actor1["actor_id"] == "army-of-the-men-of-the-naqshbandi-order"
    assert event.date_precision == "month" and event.date_start == "2014-06-01"
