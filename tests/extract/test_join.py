"""Events joined with resolved mentions through the real pipeline (analysis.analyze_document)."""

from __future__ import annotations

from datetime import date

from faultlines.analysis import analyze, analyze_document
from faultlines.events_join import as_organisation
from faultlines.records import MentionRecord

TEXT = (
    "Abu Bakr al-Baghdadi, the leader of the Islamic State of Iraq, announced the merger with the Nusra Front "
    "on Tuesday.\nAl-Baghdadi met tribal elders in Raqqa."
)


def test_a_leader_stands_for_his_organisation_where_the_event_needs_one() -> None:
    events = analyze_document(TEXT, date(2013, 4, 11)).events
    merger = next(e for e in events if e.type == "merger")
    assert merger.actor1 is not None and merger.actor1["actor_id"] == "islamic-state-of-iraq-and-the-levant"
    assert merger.actor1["via_person"] == "abu-bakr-al-baghdadi"
    assert merger.actor2 is not None and merger.actor2["actor_id"] == "jabhat-al-nusra"
    meeting = next(e for e in events if e.type == "consult")
    assert meeting.actor1 is not None and meeting.actor1["actor_id"] == "abu-bakr-al-baghdadi"  # a person may meet


def test_a_person_without_a_nameable_organisation_stays_a_person() -> None:
    person = {"actor_id": "prov-person-abu-x", "kind": "person", "organisation_id": "prov-unnamed-brigade"}
    assert as_organisation(person, []) == person
    named = MentionRecord("actor", 0, 0, 7, "Brigade", {"actor_id": "prov-unnamed-brigade", "kind": "rebel_group"})
    assert as_organisation(person, [named])["actor_id"] == "prov-unnamed-brigade"  # type: ignore[index]


def test_protest_dispersed_by_police_has_the_police_as_actor2() -> None:
    text = (
        "On 10 June 2022, lawyers staged a protest in Udaipur city (Udaipur, Rajasthan), demanding an inquiry. "
        "Police dispersed the protesters."
    )
    from faultlines.extract import main_event

    analysed = analyze(text, date(2022, 6, 10))
    main = main_event(analysed.doc, analysed.candidates)
    assert main is not None and main.type == "protest_with_intervention"
    assert [text[s:e] for s, e in main.actor2] == ["Police"]


def test_the_weapon_fired_is_not_the_target() -> None:
    text = "On 11 June 2022, IRG forces fired artillery at Houthi positions in Al Malahit (Al Dhaher, Sadah)."
    events = analyze_document(text, date(2022, 6, 11)).events
    shelling = next(e for e in events if e.type == "shelling")
    assert shelling.actor2 is not None and shelling.actor2["actor_id"] == "ansarallah"
    assert shelling.date_start == "2022-06-11"
