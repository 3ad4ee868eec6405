"""CI gate: actor recognition + resolution on the ACLED development notes.

Scores the first 1,500 events of the ACLED dev file (file order, deterministic; ~30 s) and
checks each metric against a floor set just below what was measured (see eval/actors.py).
Measured 2026-11-23 (issue #3 pass 3: identity militias named by ACLED's convention, coordinated
"military and police", towns abroad; coalition members, factions and gangs in the scorer) on these 1,500
events: recall 0.907, state forces 0.915, non-state 0.896, without the country hint 0.782,
precision 0.810 (pass 2: 0.874, 0.910, 0.825, 0.751, 0.804). These events lie inside the part of
the file used for error analysis (rows 0-2,999: recall 0.873 -> 0.904, state 0.922 -> 0.928,
non-state 0.809 -> 0.874, precision 0.800 -> 0.806). On the held-out events 3,000-4,440 the same
build gives recall 0.851, state 0.907, non-state 0.778, precision 0.775 (`faultlines score
actors`; before this pass: 0.822, 0.907, 0.711, 0.769).
Issue #5 pass (force words that only qualify a noun, "Gaeco police officers", country words inside a
group's name, prison guards, Mexico's National Guard, regions NER took for people; generic actors by
ACLED's convention): on these 1,500 events recall 0.907 -> 0.912, state 0.915 -> 0.923, non-state
0.896, without the hint 0.782, precision 0.810 -> 0.824; generic actors ("Protesters (Kenya)")
recall 0.210, precision 0.773 (new). Held out (3,000-4,440): recall 0.851 -> 0.859, state 0.907 ->
0.922, non-state 0.778, precision 0.775 -> 0.793, generic recall 0.205, precision 0.799.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from faultlines.eval.actors import score

LIMIT = 1500
FLOORS = {
    "recall": 0.905,
    "recall_state": 0.92,
    "recall_nonstate": 0.89,
    "recall_no_country_hint": 0.775,
    "precision": 0.815,
    "recall_generic": 0.20,
    "precision_generic": 0.76,
}


@pytest.mark.quality
def test_actor_resolution_meets_the_floors(shared_dir: Path) -> None:
    report = score(shared_dir, limit=LIMIT)
    assert report["events"] == LIMIT
    below = {k: (report[k], floor) for k, floor in FLOORS.items() if report[k] < floor}
    assert not below, f"metric below floor (measured, floor): {below}"
