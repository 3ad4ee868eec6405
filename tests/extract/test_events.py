"""Event detection, typing, arguments and modality on single sentences, with the real parser."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from faultlines.errors import ModelError
from faultlines.extract.acled import main_event
from faultlines.extract.events import EventCandidate, extract_events
from faultlines.extract.triggers import might_hold_event


def events_of(nlp: Language, text: str, actors: list[str] | None = None) -> list[dict]:
    doc = nlp(text)
    spans = None
    if actors:
        spans = sorted((m.start(), m.end()) for name in actors for m in re.finditer(re.escape(name), text))
    return [e.to_dict(text) for e in extract_events(doc, actor_spans=spans)]


def only(events: list[dict], type_id: str) -> dict:
    found = [e for e in events if e["type"] == type_id]
    assert found, f"no {type_id} in {[e['type'] for e in events]}"
    return found[0]


def test_passive_capture_puts_the_captor_first(nlp: Language) -> None:
    event = only(events_of(nlp, "Al-Qaim was captured by ISIL on Saturday."), "nonstate_overtakes_territory")
    assert event["surface"]["actor1"] == ["ISIL"]
    assert event["surface"]["places"] == ["Al-Qaim"]
    assert event["surface"]["time"] == "Saturday"
    assert event["acled_sub_event_type"] == "Non-state actor overtakes territory"


def test_coordinated_agents_all_withdraw(nlp: Language) -> None:
    event = only(events_of(nlp, "The FSA and al-Nusra withdrew from Albu Kamal overnight."), "withdrawal")
    assert event["surface"]["actor1"] == ["FSA", "al-Nusra"]
    assert event["surface"]["places"] == ["Albu Kamal"]


def test_x_and_y_clashed_splits_the_sides(nlp: Language) -> None:
    event = only(events_of(nlp, "ISIL and JRTN clashed in Hawija on Friday, killing 17 fighters."), "armed_clash")
    assert event["surface"]["actor1"] == ["ISIL"]
    assert event["surface"]["actor2"] == ["JRTN"]
    assert event["surface"]["places"] == ["Hawija"]
    assert event["fatalities"]["best"] == 17


def test_apposition_does_not_hide_the_agent(nlp: Language) -> None:
    text = "Al-Nusra Front, the official Syrian franchise of al-Qaeda, pledged loyalty to ISIS on Wednesday."
    event = only(events_of(nlp, text), "pledge_allegiance")
    assert event["surface"]["actor1"] == ["Al-Nusra Front"]
    assert event["surface"]["actor2"] == ["ISIS"]
    assert event["plover_type"] == "COOPERATE"


def test_known_actor_spans_win_over_generic_heads(nlp: Language) -> None:
    text = "Gunmen loyal to the FSA and Al-Nusra Front seized the border crossing on June 17."
    event = only(events_of(nlp, text, ["FSA", "Al-Nusra Front"]), "nonstate_overtakes_territory")
    assert event["surface"]["actor1"] == ["FSA", "Al-Nusra Front"]
    assert event["surface"]["time"] == "June 17"


@pytest.mark.parametrize(
    ("text", "type_id", "modality", "attribution"),
    [
        ("ISIL took control of the crossing, security officers and witnesses said.",
         "nonstate_overtakes_territory", "reported", "security officers and witnesses"),
        ("According to the Observatory, al-Nusra pledged allegiance to ISIL.",
         "pledge_allegiance", "reported", "the Observatory"),
        ("The Levant Front was reportedly dissolved in April.", "group_dissolved", "hedged", None),
        ("Al-Julani issued a statement denying the merger.", "merger", "denied", None),
        ("Rebels did not withdraw from the town.", "withdrawal", "denied", None),
        ("The groups were planning to open new fronts against the regime.", "armed_clash", "planned", None),
        ("ISIL threatened to seize the town.", "nonstate_overtakes_territory", "planned", None),
        ("The Free Syrian Army will fight them.", "armed_clash", "planned", None),
        ("ISIL fighters captured the town of Sarwan.", "nonstate_overtakes_territory", "asserted", None),
    ],
)  # fmt: skip
def test_modality_and_attribution(
    nlp: Language, text: str, type_id: str, modality: str, attribution: str | None
) -> None:
    event = only(events_of(nlp, text), type_id)
    assert event["modality"] == modality
    if attribution:
        assert event["surface"]["attribution"] == attribution


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("Russian forces launched an airstrike near Olhivske.", "air_strike"),
        ("Ukrainian forces fired artillery at Ruski Tyshky.", "shelling"),
        ("A suicide bomber blew himself up at a checkpoint in Baghdad.", "suicide_bomb"),
        ("An IED exploded on the road to Maliha, killing one civilian.", "remote_explosive"),
        ("Militants threw a hand grenade at the police station.", "grenade"),
        ("Gunmen abducted six civilians in Bakiyawa.", "abduction"),
        ("Police arrested 66 members of the gang in Soyapango.", "arrest"),
        ("Around 2,500 people demonstrated in Regensburg against the measures.", "peaceful_protest"),
        ("Militants beheaded three villagers in Kafr Dan.", "attack"),
        ("Al-Qaeda cut ties with ISIS in February 2014.", "disavowal"),
        ("The two groups announced a merger under one name.", "merger"),
        ("The Levant Front was formed in late 2014.", "group_formed"),
        ("Jabhat al-Nusra renamed itself Jabhat Fateh al-Sham.", "rename"),
        ("Ukrainian forces shot down a Russian drone over Odesa.", "disrupted_weapons_use"),
    ],
)
def test_trigger_typing(nlp: Language, text: str, type_id: str) -> None:
    assert type_id in [e["type"] for e in events_of(nlp, text)]


def test_several_events_in_one_sentence_keep_their_own_arguments(nlp: Language) -> None:
    text = "Iraqi security forces abandoned Al-Qaim, and ISIL and other Sunni militants seized it on Saturday."
    events = events_of(nlp, text)
    withdrawal = only(events, "withdrawal")
    capture = only(events, "nonstate_overtakes_territory")
    assert withdrawal["surface"]["actor1"] == ["Iraqi security forces"]
    assert withdrawal["surface"]["places"] == ["Al-Qaim"]
    assert capture["surface"]["actor1"][0] == "ISIL"
    assert capture["surface"]["time"] == "Saturday"


def test_sentence_offsets_and_evidence_point_into_the_text(nlp: Language) -> None:
    text = "Casualties unknown. On 27 May 2022, Russian forces shelled Kharkiv."
    doc = nlp(text)
    event: EventCandidate = extract_events(doc)[0]
    start, end = event.sentence_span
    assert text[start:end] == event.evidence
    assert event.sentence_index == 1
    assert text[event.trigger[0] : event.trigger[1]] == "shelled"
    assert 0.0 < event.confidence <= 1.0


def test_main_event_folds_a_dispersal_into_the_protest(nlp: Language) -> None:
    doc = nlp("On 13 March 2022, protesters gathered in Tolyatti against the war. Police dispersed the crowd.")
    event = main_event(doc, extract_events(doc))
    assert event is not None
    assert event.acled_sub_event_type == "Protest with intervention"


def test_empty_text_gives_no_events_and_an_unparsed_doc_is_refused(nlp: Language) -> None:
    assert extract_events(nlp("")) == []
    with nlp.select_pipes(disable=["parser"]):
        doc = nlp("Rebels seized the town.")
    with pytest.raises(ModelError) as caught:
        extract_events(doc)
    assert "parser" in (caught.value.hint or "")


def test_prefilter_skips_sentences_without_any_trigger() -> None:
    assert not might_hold_event("The weather in Amman was mild and sunny.")
    assert might_hold_event("Gunmen withdrew from the town.")
    assert might_hold_event("ISIL overran Mosul.")
    assert might_hold_event("Rebels fought government troops.")
