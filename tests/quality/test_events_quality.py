"""CI gate: event typing and fatalities of the rules on the ACLED development notes.

Scores the first 2,000 notes (a deterministic subset; the full 4,441 take about twice as
long) with the rules only; the TF-IDF baseline is not part of the gate.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from faultlines.eval.events import score

LIMIT = 2000
#: Floors just below the measured values (see the scorer's output for the numbers).
#: Measured on these 2,000 notes: weighted F1 0.862, accuracy 0.853, event type 0.879,
#: fatalities 0.941, pre-filter keeps the main event of every note (1.0).
FLOORS = {
    "sub_event_weighted_f1": 0.85,
    "sub_event_accuracy": 0.84,
    "event_type_accuracy": 0.865,
    "fatalities_exact": 0.93,
    "prefilter_main_event_kept": 0.995,
}


@pytest.mark.quality
def test_events_quality(shared_dir: Path) -> None:
    result = score(shared_dir, limit=LIMIT)
    assert result["notes"] == LIMIT
    low = {name: result[name] for name, floor in FLOORS.items() if result[name] < floor}
    assert not low, f"below floor: {low} (floors {FLOORS})"
