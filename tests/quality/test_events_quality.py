"""CI gates on the ACLED development notes.

1. Event typing and fatalities of the rules on the first 2,000 notes (a deterministic subset;
   the full 4,441 take about twice as long); the TF-IDF baseline is not part of the gate.
2. End to end: the real pipeline (selective annotation, actor and place resolution, dates, the
   stored events) on the first 200 held-out notes (every tenth note of the file from row 4),
   each with ACLED's event date as publication date, scored field by field.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from faultlines.eval.events import score, score_end_to_end

LIMIT = 2000
#: Floors just below the measured values (see the scorer's output for the numbers).
#: Measured on these 2,000 notes: weighted F1 0.888, accuracy 0.882, event type 0.910 after the trigger
#: additions of issue #5's second round (shooting, gunfire, torch, rescued migrants, "set ... on fire",
#: "without warning" no longer a negation); 0.883, 0.876, 0.904 before them (0.863, 0.853, 0.880 before
#: the crowd-size rule), fatalities 0.941, pre-filter keeps the main event of every note (1.0).
#: Session 4: weighted F1 0.894, accuracy 0.887, event type 0.914 (a month in a date is no march,
#: "raped", a verb "shot", "offensive operation", processions).
FLOORS = {
    "sub_event_weighted_f1": 0.885,
    "sub_event_accuracy": 0.88,
    "event_type_accuracy": 0.905,
    "fatalities_exact": 0.93,
    "prefilter_main_event_kept": 0.995,
}


@pytest.mark.quality
def test_events_quality(shared_dir: Path) -> None:
    result = score(shared_dir, limit=LIMIT)
    assert result["notes"] == LIMIT
    low = {name: result[name] for name, floor in FLOORS.items() if result[name] < floor}
    assert not low, f"below floor: {low} (floors {FLOORS})"


END_TO_END_LIMIT = 200
#: Floors just below the values measured on these 200 notes: sub-event weighted F1 0.924, location
#: within 25 km 0.765, exact date 0.990, actors F1 0.777, fatalities 0.925. On all 444 held-out notes:
#: 0.900, 0.766 (precision 0.80, median error 1.1 km), 0.987, 0.754, 0.917; the same tree with the
#: previous place choice and main-event rules gave 0.873, 0.757, 0.978, 0.756, 0.917 (and 0.897, 0.760,
#: 0.990, 0.777, 0.925 on these 200), 0.617 location before the first place-choice fixes of issue #5.
END_TO_END_FLOORS = {
    "sub_event_weighted_f1": 0.91,
    # issue #5 round 2 (containers, namesakes, longer names): location 0.770 -> 0.775 on these 200,
    # 0.768 -> 0.770 on all 444 held-out notes (precision 0.795 -> 0.797)
    "location_within_25km": 0.775,
    "date_exact": 0.985,
    # session 4 (arguments of mis-parsed clauses, weapon subjects, "the attack of", actor resolution):
    # on these 200 sub-event 0.924, location 0.780, date 0.990, actors F1 0.777 -> 0.801, fatalities 0.925;
    # on all 444 held-out notes 0.906, 0.775, 0.989, 0.799, 0.917
    "actors_f1": 0.79,
    "fatalities_exact": 0.915,
}


@pytest.mark.quality
@pytest.mark.slow
def test_stored_events_end_to_end(shared_dir: Path) -> None:
    result = score_end_to_end(shared_dir, limit=END_TO_END_LIMIT)
    assert result["notes"] == END_TO_END_LIMIT
    low = {name: result[name] for name, floor in END_TO_END_FLOORS.items() if result[name] < floor}
    assert not low, f"below floor: {low} (floors {END_TO_END_FLOORS}; fields {result['fields']})"


def test_score_events_e2e_prints_the_per_field_table(shared_dir: Path) -> None:
    from click.testing import CliRunner

    from faultlines.cli import main

    result = CliRunner().invoke(main, ["score", "events-e2e", "--limit", "3", "--shared", str(shared_dir)])
    assert result.exit_code == 0, result.output
    for field in ("sub_event_type", "location", "date", "actors"):
        for metric in ("precision", "recall", "f1"):
            assert f"fields.{field}.{metric}" in result.output
    listing = CliRunner().invoke(main, ["score"])
    assert "events-e2e" in listing.output
