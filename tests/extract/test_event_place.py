"""Which place an event takes: the town, not the region or the container that qualifies it
(real pipeline: selective parse, gazetteer, joins)."""

from __future__ import annotations

from datetime import date

import pytest

from faultlines.analysis import analyze
from faultlines.events_join import join_events
from faultlines.extract import main_event
from faultlines.extract.events import EventCandidate
from faultlines.records import EventRecord, MentionRecord


def _main_record(text: str) -> EventRecord:
    analysed = analyze(text, date(2023, 5, 3))
    main = main_event(analysed.doc, analysed.candidates)
    assert main is not None, "no event found"
    record = join_events([main], analysed.doc.text, date(2023, 5, 3), analysed.result.mentions)[0]
    assert record.place is not None, "event without a place"
    return record


def _main_place(text: str) -> dict[str, object]:
    place = _main_record(text).place
    assert place is not None
    return place


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a region in brackets qualifies the town; the town is where it happened
        ("On 3 May 2023, in Aracaju (Sergipe), nurses held a march to demand higher pay.", "Aracaju"),
        # "Town, Region": the region after the comma is the town's container
        ("On 3 May 2023, in Cuautla, Morelos, teachers staged a protest to demand unpaid wages.", "Cuautla"),
        # the NER calls "Yakovlivka, Kharkiv" an organisation; the gazetteer knows both names
        ("On 3 May 2023, Russian forces shelled the village of Yakovlivka, Kharkiv. Two houses burned.", "Yakovlivka"),
        # a locative names the place of the event, not the town the actors came from
        ("On 3 May 2023, farmers from Colombo gathered in Kandy to protest against fuel prices.", "Kandy"),
        # the region is the town's container even where the parser makes it the event's argument
        ("On 3 May 2023, Israeli forces demolished a shop in Anata (Al Quds, West Bank).", "‘Anātā"),
        # "X town" is a place whatever the NER labels X
        ("On 3 May 2023, gunmen attacked a checkpoint at Qanawat town in As Sweida.", "Qanawāt"),
        # an ACLED note that says where the event is coded
        ("On 3 May 2023, students protested at exam centres across Bihar state (coded as Patna).", "Patna"),
    ],
)
def test_the_event_takes_the_town(text: str, town: str) -> None:
    place = _main_place(text)
    assert place["name"] == town
    assert place["precision"] == "town"


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # the origin after "from" is not where it happened; the destination with its region in brackets is
        ("On 3 May 2023, people held a march and walked from Colombo to Kandy (Kandy, Central) demanding lower "
         "fuel prices.", "Kandy"),
        # a country in the event's own phrase loses to the town a locative names in the same clause
        ("On 3 May 2023, dozens of people protested outside the parliament in Chisinau against the war in Ukraine.",
         "Chisinau"),
        # a square named after someone is no town of that name
        ("On 3 May 2023, nurses gathered in Rosselli square in Siena (Toscana) to protest against low wages.",
         "Siena"),
        # the town an ACLED note qualifies with its region in brackets beats a town named later in the clause
        ("On 3 May 2023, over 1000 vehicles drove into the downtown core in Halifax (Nova Scotia) to demonstrate "
         "against vaccine mandates and to show solidarity with the demonstration in Ottawa. [size=no report]",
         "Halifax"),
    ],
)  # fmt: skip
def test_the_event_takes_the_place_the_text_marks(text: str, town: str) -> None:
    assert _main_place(text)["name"] == town


def _mention(text: str, name: str, precision: str, country: str, admin1: str) -> MentionRecord:
    start = text.index(name)
    place = {"name": name, "precision": precision, "country": country, "admin1": admin1}
    return MentionRecord("place", 0, start, start + len(name), name, {"place": place, "container": None})


def _candidate(text: str, trigger: str, places: list[str]) -> EventCandidate:
    at = text.index(trigger)
    return EventCandidate(
        type="peaceful_protest",
        acled_event_type="Protests",
        acled_sub_event_type="Peaceful protest",
        plover_type=None,
        trigger=(at, at + len(trigger)),
        places=tuple((text.index(p), text.index(p) + len(p)) for p in places),
        sentence_span=(0, len(text)),
        evidence=text,
    )


def test_a_country_in_the_event_phrase_loses_to_the_town_a_locative_names() -> None:
    text = "On 1 March 2022, people protested outside the parliament in Chisinau - Buiucani against the war in Ukraine."
    mentions = [_mention(text, "Chisinau", "town", "MD", "Chisinau"), _mention(text, "Ukraine", "country", "UA", "")]
    event = join_events([_candidate(text, "protested", ["Ukraine"])], text, None, mentions)[0]
    assert event.place is not None and event.place["name"] == "Chisinau"


def test_a_name_the_gazetteer_lacks_takes_the_place_bracketed_after_it() -> None:
    text = "On 19 June 2022, two fighters were wounded in an attack in Hissa-e-Awal (Khinj) district, Kapisa."
    mentions = [_mention(text, "Khinj", "town", "AF", "Panjshir"), _mention(text, "Kapisa", "region", "AF", "Kapisa")]
    event = join_events([_candidate(text, "attack", ["Hissa-e-Awal", "Kapisa"])], text, None, mentions)[0]
    assert event.place is not None and event.place["name"] == "Khinj"  # not the province around it


def test_a_coded_place_the_gazetteer_found_abroad_is_not_taken() -> None:
    text = (
        "On 3 May 2023, Houthi forces fired drones at military positions west of Taizz (coded to Barh axis) "
        "(Maqbanah, Taizz). Casualties unknown."
    )
    assert _main_place(text)["country"] == "YE"  # the gazetteer's Barh is a town in India


def test_an_event_without_a_place_of_its_own_takes_the_next_sentence_one_and_says_so() -> None:
    # the sentence splitter cuts after "Corp.": the protest's own sentence names no place
    record = _main_record(
        "On 3 May 2023, protesters gathered outside the Marriott Hotel for the Acme Corp. Inc. shareholders meeting "
        "in Hartford (Connecticut) to oppose its investments. [size=no report]"
    )
    assert record.place is not None and record.place["name"] == "Hartford"
    assert record.place_precision == "inferred_from_context"


def test_a_note_closing_with_its_coded_place_takes_it_but_not_another_event_s() -> None:
    text = (
        "On 1 June 2022, bomb threats arrived at schools in Srpska. Similar threats came earlier in Sarajevo. "
        "(Coded to Banja Luka)"
    )
    sarajevo = _mention(text, "Sarajevo", "town", "BA", "Federation")
    banja_luka = _mention(text, "Banja Luka", "town", "BA", "Srpska")
    banja_luka = MentionRecord("place", 2, banja_luka.start, banja_luka.end, banja_luka.text, banja_luka.value)
    sarajevo = MentionRecord("place", 1, sarajevo.start, sarajevo.end, sarajevo.text, sarajevo.value)
    event = join_events([_candidate(text, "threats", [])], text, None, [sarajevo, banja_luka])[0]
    assert event.place is not None and event.place["name"] == "Banja Luka"

    other = text.replace("(Coded to Banja Luka)", "(fatalities coded to Banja Luka event)")
    moved = [MentionRecord("place", m.sentence, other.index(m.text), other.index(m.text) + len(m.text), m.text, m.value)
             for m in (sarajevo, banja_luka)]  # fmt: skip
    event = join_events([_candidate(other, "threats", [])], other, None, moved)[0]
    assert event.place is not None and event.place["name"] == "Sarajevo"


def test_where_a_source_is_based_is_not_where_the_event_happened() -> None:
    text = (
        "Fighting between rebel factions raged in Deir ez-Zor on Friday. More than 1,000 people have been killed "
        "in the infighting since 3 January, according to the Syrian Observatory for Human Rights, a monitoring "
        "group based in Britain. The London-based group said 40 fighters were killed in Raqqa."
    )
    analysed = analyze(text, date(2014, 1, 20))
    records = join_events(analysed.candidates, analysed.doc.text, date(2014, 1, 20), analysed.result.mentions)
    countries = {(r.place or {}).get("country") for r in records}
    assert records and "GB" not in countries
    assert countries <= {"SY"}


def test_a_country_argument_loses_to_the_town_of_that_country_in_the_clause() -> None:
    text = (
        "On 3 May 2023, Russian forces launched a rocket attack on Kramatorsk, Donetsk, in their war against Ukraine."
    )
    place = _main_place(text)
    assert place["name"] == "Kramatorsk" and place["precision"] == "town"


def test_a_country_argument_keeps_a_town_of_another_country_out() -> None:
    text = "On 1 March 2022, Russian forces fired missiles at Ukraine from Belgorod."
    mentions = [_mention(text, "Belgorod", "town", "RU", "Belgorod"), _mention(text, "Ukraine", "country", "UA", "")]
    event = join_events([_candidate(text, "fired", ["Ukraine"])], text, None, mentions)[0]
    assert event.place is not None and event.place["name"] == "Ukraine"  # not the town the missiles came from


def test_a_splitter_fragment_does_not_hide_the_next_sentence_place() -> None:
    # "B.C." ends a sentence for the splitter: "highways." is a fragment, the places come after it
    record = _main_record(
        "On 3 May 2023, hundreds of people joined a convoy to protest hazardous road conditions on B.C. highways. "
        "They drove from Surrey to Vancouver (British Columbia). [size=hundreds]"
    )
    assert record.place is not None and record.place["admin1"] == "British Columbia"
    assert record.place_precision == "inferred_from_context"


def test_a_closing_location_remark_codes_the_event() -> None:
    record = _main_record(
        "On 3 May 2023, North Korean soldiers clashed with smugglers and killed two of them. Units were put on "
        "high alert ahead of the holiday. Location coded at Pyongyang."
    )
    assert record.place is not None and record.place["name"] == "Pyongyang"


def test_a_coded_place_abroad_of_the_town_the_note_names_is_not_taken() -> None:
    record = _main_record(
        "On 3 May 2023, three militia members were killed during an operation by Taliban forces in Lal Wa Sar "
        "Jangal [location coded to Kamran], Ghor."
    )
    assert record.place is not None and record.place["country"] == "AF"  # the gazetteer's Kamran is Cam Ranh


def test_a_town_of_the_line_beats_the_region_countryside_around_it() -> None:
    text = (
        "On 3 May 2023, a Russian military patrol took place near Al-Bukamal crossing point in Deir ez Zor countryside."
    )
    mentions = [
        _mention(text, "Al-Bukamal", "near", "SY", "Deir ez-Zor"),
        _mention(text, "Deir ez Zor countryside", "near", "SY", "Deir ez-Zor"),
    ]
    mentions[1].value["place"]["feature"] = "admin1 region"  # the countryside resolves to the governorate
    event = join_events([_candidate(text, "patrol", ["Deir ez Zor countryside"])], text, None, mentions)[0]
    assert event.place is not None and event.place["name"] == "Al-Bukamal"
