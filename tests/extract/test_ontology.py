"""The event ontology: ACLED coverage, PLOVER mapping, relation and control effects."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from faultlines.errors import NotFoundError
from faultlines.extract.ontology import (
    CONTROL_EFFECTS,
    RELATION_KINDS,
    by_acled_sub_event_type,
    by_id,
    ontology,
    trigger_lexicon,
)


def test_every_acled_sub_event_type_has_a_faultlines_type(shared_dir: Path) -> None:
    categories = shared_dir / "data" / "acled" / "acled_event_categories.csv"
    with categories.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 25
    for row in rows:
        event_type = by_acled_sub_event_type(row["sub_event_type"])
        assert event_type.acled_event_type == row["event_type"]


def test_plover_types_exist_in_the_codebook(shared_dir: Path) -> None:
    codebook = shared_dir / "data" / "plover" / "PLOVER_structured_codebook.csv"
    with codebook.open(encoding="utf-8", newline="") as handle:
        plover = {row["event"] for row in csv.DictReader(handle)}
    used = {t.plover_type for t in ontology() if t.plover_type}
    assert used <= plover


def test_group_relationship_types_imply_relations() -> None:
    assert by_id("pledge_allegiance").relation == "affiliation"
    assert by_id("pledge_allegiance").relation_effect == "starts"
    assert by_id("disavowal").relation == "affiliation"
    assert by_id("disavowal").relation_effect == "ends"
    assert by_id("merger").relation == "merger"
    assert by_id("alliance").is_group_relationship
    for event_type in ontology():
        assert event_type.relation in (None, *RELATION_KINDS)
        assert event_type.control in (None, *CONTROL_EFFECTS)
        assert event_type.definition and event_type.label


def test_territory_types_carry_their_control_effect() -> None:
    assert by_id("nonstate_overtakes_territory").control == "holder_gains"
    assert by_id("withdrawal").control == "holder_loses"


def test_unknown_type_error_lists_the_known_ids() -> None:
    with pytest.raises(NotFoundError) as caught:
        by_id("coup")
    assert "armed_clash" in (caught.value.hint or "")


def test_every_type_with_triggers_is_in_the_ontology() -> None:
    ids = {t.id for t in ontology()}
    assert set(trigger_lexicon()) <= ids
    assert len(ids) == len(ontology())
