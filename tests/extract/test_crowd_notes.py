"""ACLED notes that give a crowd's size report a demonstration, and words a clause rejects or
hands over are no events of their own (real parser)."""

from __future__ import annotations

from spacy.language import Language

from faultlines.extract.acled import main_event
from faultlines.extract.events import extract_events

LINED = "On 3 May 2023, about 50 students lined both sides of the main avenue near the campus to raise awareness."
BEATEN = "On 3 May 2023, motorists cornered and beat up two suspected robbers at a market in Ruaraka."


def _main_type(nlp: Language, text: str) -> str | None:
    doc = nlp(text)
    event = main_event(doc, extract_events(doc))
    return event.acled_sub_event_type if event else None


def test_a_crowd_size_makes_a_note_without_a_trigger_a_protest(nlp: Language) -> None:
    assert _main_type(nlp, LINED) is None
    assert _main_type(nlp, LINED + " [size=about 50]") == "Peaceful protest"


def test_a_crowd_size_makes_a_beating_mob_violence(nlp: Language) -> None:
    assert _main_type(nlp, BEATEN) == "Attack"
    assert _main_type(nlp, BEATEN + " [size=no report]") == "Mob violence"


def _types(nlp: Language, text: str) -> list[str]:
    return [e.type for e in extract_events(nlp(text))]


def test_what_a_clause_rejects_did_not_happen(nlp: Language) -> None:
    assert "demand" not in _types(nlp, "Iraq PM rejects call for unity")
    types = _types(nlp, "Al-Julani and al-Zawahiri rejected the merger.")
    assert "merger" not in types and "reject" in types
    # a merger annulled is no merger
    assert "merger" not in _types(nlp, "Al-Qaeda's leader annulled the merger of the two groups.")
    assert "merger" in _types(nlp, "The two groups announced their merger on Tuesday.")


def test_weapons_handed_over_are_no_strike(nlp: Language) -> None:
    assert "air_strike" not in _types(nlp, "Iran is sending drones and weapons to the Houthis.")
    assert "air_strike" in _types(nlp, "Russian drones struck Kharkiv overnight.")


def test_launching_an_offensive_forms_no_group(nlp: Language) -> None:
    text = (
        "The regime has rarely targeted ISIL-held areas, except in recent days after the group and other "
        "Sunni militants launched an offensive in Iraq, wresting control of Mosul."
    )
    types = _types(nlp, text)
    assert "group_formed" not in types and "armed_clash" in types
    assert "group_formed" in _types(nlp, "Rebels in Idlib launched a new group, the Levant Front.")
