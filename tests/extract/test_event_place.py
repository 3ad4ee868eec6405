"""Which place an event takes: the town, not the region or the container that qualifies it
(real pipeline: selective parse, gazetteer, joins)."""

from __future__ import annotations

from datetime import date

import pytest

from faultlines.analysis import analyze
from faultlines.events_join import join_events
from faultlines.extract import main_event


def _main_place(text: str) -> dict[str, object]:
    analysed = analyze(text, date(2023, 5, 3))
    main = main_event(analysed.doc, analysed.candidates)
    assert main is not None, "no event found"
    record = join_events([main], analysed.doc.text, date(2023, 5, 3), analysed.result.mentions)[0]
    assert record.place is not None, "event without a place"
    return record.place


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
