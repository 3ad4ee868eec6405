"""demo/reports reconciled and scored against the hand annotation in tests/gold/demo_events.json."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

import faultlines
from faultlines.api import Faultlines

from .gold_scoring import load_gold, score_contradictions, score_control, score_relations

pytestmark = pytest.mark.slow
log = logging.getLogger(__name__)
DEMO = Path(__file__).resolve().parents[2] / "demo" / "reports"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Faultlines]:
    """demo/reports ingested once for the module."""
    fl = faultlines.open(tmp_path_factory.mktemp("demo") / "demo.db")
    fl.ingest([str(DEMO)])
    yield fl
    fl.close()


def test_syndicated_copy_is_one_source_of_its_events(demo: Faultlines) -> None:
    row = demo.conn.execute(
        "SELECT document_id, COUNT(*) FROM document_sources WHERE origin LIKE '%05_mosul%' "
        "OR origin LIKE '%04_mosul%' GROUP BY document_id"
    ).fetchall()
    assert [r[1] for r in row] == [2]
    rows = demo.conn.execute(
        "SELECT c.source_count, COUNT(DISTINCT m.document_id) FROM events c JOIN events m "
        "ON m.id = c.id OR m.canonical_id = c.id WHERE c.canonical_id IS NULL AND c.status = 'active' "
        "AND c.id IN (SELECT id FROM events WHERE document_id = ?) GROUP BY c.id",
        (row[0][0],),
    ).fetchall()
    assert rows and all(count == documents for count, documents in rows)  # the copy is not a second source


def test_scores_against_the_gold_annotation(demo: Faultlines) -> None:
    gold = load_gold()
    scores = {
        "control": score_control(demo, gold),
        "relations": score_relations(demo, gold),
        "contradictions": score_contradictions(demo, gold),
    }
    for name, score in scores.items():
        log.warning(
            "%s: precision %.2f (%d/%d), recall %.2f (%d/%d)",
            name,
            score.precision,
            score.matched_system,
            score.system,
            score.recall,
            score.matched_gold,
            score.gold,
        )
    # floors just below the measured level (measured: relations P 0.93 (13/14) R 0.70 (14/20), control P 0.91
    # (10/11) R 0.54 (7/13), contradictions P 1.00 (4/4) R 0.25 (2/8) -- four of the eight gold contradictions
    # are claim/extent disputes the store has no field for; the others need events extraction does not give)
    assert scores["relations"].precision >= 0.9 and scores["relations"].recall >= 0.65
    # session 4: control P 1.00 (12/12) R 0.62 (8/13) -- Palmyra's "took full control", the gold's place
    # names compared with the names the reports used for the stored place (Palmyra = Tadmur), and the
    # "government forces" leaving it Syria's (their sentence's country) in a report mostly about Iraq
    assert scores["control"].precision >= 0.9 and scores["control"].recall >= 0.6
    assert scores["contradictions"].precision >= 0.9 and scores["contradictions"].matched_gold >= 2


def test_state_at_a_date_matches_the_gold_for_the_split(demo: Faultlines) -> None:
    kinds = {
        r["kind"]
        for r in demo.state("2014-03-01")["relations"]
        if r["a"]["name"].startswith(("al-Qaeda", "Islamic")) and r["b"]["name"].startswith(("al-Qaeda", "Islamic"))
    }
    assert "split" in kinds and "affiliation" not in kinds


def test_a_place_is_found_by_the_name_the_reports_use(demo: Faultlines) -> None:
    """GeoNames calls Palmyra "Tadmur": the reports' own name finds its control and its events."""
    held = demo.control(place="Palmyra")
    assert held and all(c["place"]["name"] == "Tadmur" for c in held)
    assert any(c["holder"] and c["holder"]["name"] == "Islamic State" for c in held)
    assert demo.events(place="Palmyra")
