"""Arguments, places and dates of events whose sentences the parser gets partly wrong, as news and
scraped or lower-cased copies of it often make it do."""

from __future__ import annotations

from spacy.language import Language

from faultlines.extract.events import EventCandidate, extract_events


def _events(nlp: Language, text: str, type_id: str) -> list[dict[str, object]]:
    found: list[EventCandidate] = [e for e in extract_events(nlp(text)) if e.type == type_id]
    return [e.surface(text) for e in found]


def test_both_sides_of_a_fight_between_a_group_and_rebels(nlp: Language) -> None:
    text = "As a result, fighting broke out in January between ISIL and Syrian rebels, which drew in others."
    (event,) = _events(nlp, text, "armed_clash")
    assert event["actor1"] == ["ISIL"]
    assert event["actor2"] and "rebels" in str(event["actor2"][0])
    assert event["time"] == "January"


def test_a_perfect_tense_split_by_a_time_phrase_keeps_its_subject(nlp: Language) -> None:
    text = (
        "ISIL, which is seen as the most capable militant group in Iraq, has for months clashed with groups "
        "opposed to President Bashar al-Assad in neighboring Syria."
    )
    (event,) = _events(nlp, text, "armed_clash")
    assert event["actor1"] == ["ISIL"]
    assert event["actor2"] == ["groups"]
    assert "Syria" in event["places"]


def test_each_capture_takes_the_date_of_its_own_stretch_of_a_lower_cased_sentence(nlp: Language) -> None:
    text = "in iraq, isil able capture of fallujah in january 2014, , in june 2014 able seize control of mosul."
    events = _events(nlp, text, "nonstate_overtakes_territory")
    by_trigger = {str(e["trigger"]).split()[0]: e for e in events}
    assert by_trigger["capture"]["time"] == "january 2014"
    assert by_trigger["capture"]["places"][0] == "fallujah"
    assert by_trigger["seize"]["time"] == "june 2014"
    assert by_trigger["seize"]["places"][0] == "mosul"


def test_a_date_across_a_comma_gives_way_to_the_trigger_s_own(nlp: Language) -> None:
    text = "On Monday, rebels seized the town of Ariha, which troops had taken from them on 3 March."
    (event,) = _events(nlp, text, "nonstate_overtakes_territory")
    assert event["time"] == "Monday"


def test_the_capture_of_soldiers_in_lower_case_is_no_territory(nlp: Language) -> None:
    text = "militants announced capture of soldiers near the border on tuesday."
    assert not _events(nlp, text, "nonstate_overtakes_territory")


def test_a_border_point_seized_is_ground_taken_not_property(nlp: Language) -> None:
    text = "ISIL militants seize Iraqi-Syrian border point"
    (event,) = _events(nlp, text, "nonstate_overtakes_territory")
    assert event["places"] == ["Iraqi-Syrian border point"]
    assert not _events(nlp, text, "looting_property_destruction")


def test_warplanes_that_carry_out_airstrikes_are_the_agent_s_not_the_anchor(nlp: Language) -> None:
    text = "On 9 March 2022, Turkish army warplanes carried out airstrikes against PKK forces in Duhok."
    (event,) = _events(nlp, text, "air_strike")
    assert event["trigger"] == "airstrikes"
    assert event["actor1"] == ["Turkish army warplanes"]
    assert event["actor2"] == ["PKK forces"]


def test_the_attack_of_a_known_force_is_that_force_s(nlp: Language) -> None:
    text = "Ukrainian troops repulsed the attack of the Russian forces near Kharkiv."
    spans = [(text.index("Russian forces"), text.index("Russian forces") + len("Russian forces"))]
    (event,) = [e for e in extract_events(nlp(text), actor_spans=spans) if e.type == "armed_clash"]
    assert event.surface(text)["actor1"] == ["Russian forces"]


def test_the_date_a_sentence_opens_with_beats_the_date_of_the_event_it_follows(nlp: Language) -> None:
    text = (
        "On 11 March 2022, community leaders affiliated with two groups gathered outside of East High School in "
        "Des Moines to demonstrate in favor of gun control following the 7 March 2022 drive-by shooting."
    )
    protests = _events(nlp, text, "peaceful_protest")
    assert protests and all(e["time"] == "11 March 2022" for e in protests)
