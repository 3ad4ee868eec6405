"""Confidence of an event from its independent sources and how each reports it.

Each document is one independent source (syndicated near-copies are stored as one document with several
``document_sources`` rows, so they do not count twice). A document's weight is the strongest modality it
reports the event with; independent sources combine as ``1 - prod(1 - weight)``; a denial halves the result.
"""

from __future__ import annotations

from collections.abc import Iterable

MODALITY_WEIGHT = {"asserted": 0.6, "reported": 0.5, "hedged": 0.35, "planned": 0.2, "denied": 0.0}
DIRECTNESS = {"asserted": 0, "reported": 1, "hedged": 2, "planned": 3, "denied": 4}


def event_confidence(reports: Iterable[tuple[int, str]]) -> float:
    """Confidence from ``(document_id, modality)`` pairs of every report of one event."""
    best: dict[int, float] = {}
    denied = False
    for document_id, modality in reports:
        denied = denied or modality == "denied"
        weight = MODALITY_WEIGHT.get(modality, 0.4)
        best[document_id] = max(best.get(document_id, 0.0), weight)
    doubt = 1.0
    for weight in best.values():
        doubt *= 1.0 - weight
    value = 1.0 - doubt
    if denied:
        value *= 0.5
    return round(value, 3)
