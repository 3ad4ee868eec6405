"""Extract stage: events, their types, arguments, fatalities and modality from parsed text.

Public entry points:

- :func:`extract_events` (``doc, *, actor_spans=None -> list[EventCandidate]``)
- :func:`might_hold_event` (cheap pre-filter on raw sentence text, no parse)
- :func:`parse_fatalities` (``text -> Fatalities | None``)
- :func:`main_event` (the one event an ACLED coder would record for a report)
- :func:`ontology` / :func:`by_id` (the event types, as :class:`EventType`)
"""

from faultlines.extract.acled import main_event
from faultlines.extract.events import EventCandidate, extract_events, extract_sentence_events
from faultlines.extract.fatalities import Fatalities, parse_fatalities
from faultlines.extract.ontology import EventType, by_acled_sub_event_type, by_id, ontology
from faultlines.extract.triggers import might_hold_event

__all__ = [
    "EventCandidate",
    "EventType",
    "Fatalities",
    "by_acled_sub_event_type",
    "by_id",
    "extract_events",
    "extract_sentence_events",
    "main_event",
    "might_hold_event",
    "ontology",
    "parse_fatalities",
]
