"""CI gate for the place resolver: ACLED event notes geocoded against ACLED's own coordinates.

Runs ``faultlines.eval.places.score`` on all 4,441 ACLED development rows (about 15 s once the
gazetteer index exists; its first build takes about 60 s more). The overall share within 25 km is
bounded by coverage: GeoNames cities500 lacks most of the villages ACLED codes, so the share over
events whose ACLED location is in the gazetteer is gated too. Measured 2026-11-22 before issue #4's
second round: within 25 km 0.806 (0.936 in the gazetteer), country 0.979, admin1 0.931, resolved 0.991.
Measured 2026-11-23 after it (spelling variants kept to the document's countries and regions, actor
and title words, one place per name, corrected Ukrainian region names): within 25 km 0.8122 (0.9394
over the 3,298 events whose place is in the gazetteer), country 0.9811, admin1 0.9399, resolved 0.991;
cold lookups about 4,500/s.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from faultlines.eval.places import score

pytestmark = pytest.mark.quality

FLOORS = {
    "within_25km": 0.808,
    "within_25km_place_in_gazetteer": 0.935,
    "country_accuracy": 0.978,
    "admin1_accuracy": 0.936,
    "resolved_share": 0.988,
}


@pytest.fixture(scope="module")
def metrics(shared_dir: Path) -> dict:
    return score(shared_dir)


def test_every_event_was_scored(metrics: dict) -> None:
    assert metrics["events"] == 4441
    assert metrics["events_place_in_gazetteer"] >= 3200


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_metric_at_or_above_floor(metrics: dict, name: str) -> None:
    assert metrics[name] >= FLOORS[name], f"{name} = {metrics[name]:.4f} fell below {FLOORS[name]}"


def test_lookups_are_fast(metrics: dict) -> None:
    assert metrics["lookups_per_second"] >= 500
