"""CI gate: actor recognition + resolution on the ACLED development notes.

Scores the first 1,500 events of the ACLED dev file (file order, deterministic; ~30 s) and
checks each metric against a floor set just below what was measured (see eval/actors.py).
Measured 2026-11-22 on these 1,500 events: recall 0.767, state forces 0.853, non-state 0.651,
without the country hint 0.594, precision 0.767.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from faultlines.eval.actors import score

LIMIT = 1500
FLOORS = {
    "recall": 0.75,
    "recall_state": 0.84,
    "recall_nonstate": 0.63,
    "recall_no_country_hint": 0.57,
    "precision": 0.75,
}


@pytest.mark.quality
def test_actor_resolution_meets_the_floors(shared_dir: Path) -> None:
    report = score(shared_dir, limit=LIMIT)
    assert report["events"] == LIMIT
    below = {k: (report[k], floor) for k, floor in FLOORS.items() if report[k] < floor}
    assert not below, f"metric below floor (measured, floor): {below}"
