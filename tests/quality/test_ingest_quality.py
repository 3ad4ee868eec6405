"""CI gate for ingest quality: near-duplicates, publication-date false positives, English check.

Runs ``faultlines.eval.ingest.score`` on all 4,441 ACLED development rows (about 2 s).
Floors sit just below the measured values (measured: recall 1.000, heavy-edit recall 0.983,
true negatives 0.9942 on same-country round-ups (3 of 514 pairs are ACLED's own near-verbatim
repeated notes), 1.000 on overlapping round-ups, no publication date wrongly found in 1.000
of the notes, English kept 1.000, whitespace-invariant hash 1.000).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from faultlines.eval.ingest import score

pytestmark = pytest.mark.quality

FLOORS = {
    "near_dup_recall": 0.99,
    "near_dup_recall_heavy_edits": 0.96,
    "near_dup_true_negative_rate": 0.988,
    "near_dup_overlap_true_negative_rate": 0.99,
    "pubdate_correct_none_rate": 0.995,
    "english_kept_rate": 0.99,
    "exact_hash_whitespace_invariance": 1.0,
}


@pytest.fixture(scope="module")
def metrics(shared_dir: Path) -> dict:
    return score(shared_dir)


def test_enough_items_were_scored(metrics: dict) -> None:
    assert metrics["acled_rows"] == 4441
    assert metrics["near_dup_articles"] >= 500 and metrics["near_dup_negative_pairs"] >= 400
    assert metrics["documents_built"] >= 4400


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_metric_at_or_above_floor(metrics: dict, name: str) -> None:
    assert metrics[name] >= FLOORS[name], f"{name} = {metrics[name]:.4f} fell below {FLOORS[name]}"
