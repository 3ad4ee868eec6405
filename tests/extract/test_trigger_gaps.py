"""Notes the trigger lexicon used to miss: shootings, gunfire, rescued migrants, split phrases."""

from __future__ import annotations

import pytest
from spacy.language import Language

from faultlines.extract import extract_events
from faultlines.extract.acled import main_event
from faultlines.extract.triggers import sentence_may_hold_event

CASES = [
    ("A shooting was reported in the market district on Sunday; two people were wounded.", "Attack"),
    ("Gunshots hit several passers-by near the bus station.", "Attack"),
    ("Heavy gunfire erupted between the rebels and the army near the bridge.", "Armed clash"),
    ("Border police fired without warning at a truck near the crossing, injuring the driver.", "Attack"),
    ("Federal police rescued 52 migrants hidden in a trailer on the highway.", "Arrests"),
    ("Unknown men torched six shops in the old market.", "Looting/property destruction"),
    ("About 40 soldiers set nine houses and a rice barn on fire in the village.", "Looting/property destruction"),
    ("Gunmen set the district office ablaze overnight.", "Looting/property destruction"),
    ("Two men set a shopkeeper on fire after an argument.", "Attack"),
    ("Opposition supporters set party flags on fire outside the election office.", "Peaceful protest"),
    (
        "On Thursday the militants took full control of the town after a week of fighting.",
        "Non-state actor overtakes territory",
    ),
    ("Rebels seized effective control of the border district.", "Non-state actor overtakes territory"),
    # words the lemmatizer or the tagger misreads ("raped" as "rap", "shot" as a noun)
    ("On 14 March 2022, police forces raped three girls in Omdurman.", "Sexual violence"),
    ("Two armed suspects on a motorcycle shot against a public bus in Comayaguela.", "Attack"),
    ("The Russian military forces launched an offensive operation against the Ukrainian military.", "Armed clash"),
    ("Relatives of the victim took part in a torchlight procession to demand justice.", "Peaceful protest"),
]


@pytest.mark.parametrize(("text", "sub_type"), CASES)
def test_note_gets_its_acled_sub_event_type(nlp: Language, text: str, sub_type: str) -> None:
    assert sentence_may_hold_event(text), "the parse-free gate must let the sentence through"
    doc = nlp(text)
    event = main_event(doc, extract_events(doc), text)
    assert event is not None and event.acled_sub_event_type == sub_type
    assert event.modality == "asserted"


def test_rescued_hostages_are_no_arrest(nlp: Language) -> None:
    doc = nlp("Soldiers rescued three hostages from the kidnappers' hideout.")
    assert all(e.type != "arrest" for e in extract_events(doc))


def test_without_negates_its_object_not_the_event(nlp: Language) -> None:
    doc = nlp("The rebels took control of the town without fighting.")
    modality = {e.type: e.modality for e in extract_events(doc)}
    assert modality.get("armed_clash") == "denied"
    assert all(m == "asserted" for t, m in modality.items() if t != "armed_clash")


def test_set_up_is_not_a_split_fire_phrase(nlp: Language) -> None:
    doc = nlp("The militia set up a checkpoint on the main road.")
    assert all(e.type != "looting_property_destruction" for e in extract_events(doc))


def test_a_month_inside_a_date_is_no_protest_march(nlp: Language) -> None:
    doc = nlp("On 9 March 2022, police arrested two men in Kisumu; on 1 May the court freed them.")
    assert {e.type for e in extract_events(doc)} == {"arrest"}


def test_a_funeral_procession_is_no_protest(nlp: Language) -> None:
    doc = nlp("A funeral procession for the victims moved through the town on Friday.")
    assert not [e for e in extract_events(doc) if e.type == "peaceful_protest"]
