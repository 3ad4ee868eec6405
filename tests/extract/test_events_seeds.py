"""The five seed articles against faultlines' own event annotation (seed_events_gold.json).

Actor mentions are marked from the annotation's per-article name list, standing in for the
actor resolver, so the test measures the extractor and not the resolver.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from .seed_scoring import SeedDoc, evaluate, extract_seeds, load_gold, matches, pipeline_seeds

#: Measured on the 61 annotated events: recall 0.934 with actor mentions, 0.803 without;
#: precision 0.730 (share of events in annotated sentences whose type is annotated there; 0.699
#: before issue #5 dropped "launched an offensive" as group formed, rejected merger/calls, drones sent).
#: After the argument frames (glued headline's line subject, pronoun partner, "comes days after"
#: restatements): recall 0.951 with actor mentions, 0.820 without; precision 0.730 / 0.727 unchanged.
#: Session 4 (a split "between X and Y", "has for months clashed", the date of the trigger's own stretch
#: between commas, "capture of fallujah" in lower-cased text): every one of the 61 found with actor
#: mentions (1.0) and through the real pipeline (selective parse, resolver's actors: 1.0, precision
#: 0.725); 0.869 without actor mentions; precision 0.733 / 0.730.
RECALL_FLOOR_WITH_ACTORS = 1.0
RECALL_FLOOR_WITHOUT_ACTORS = 0.86
PRECISION_FLOOR = 0.72


@pytest.fixture(scope="module")
def seed_docs(nlp: Language, seeds_dir: Path) -> dict[str, SeedDoc]:
    return extract_seeds(nlp, seeds_dir)


def _find(docs: dict[str, SeedDoc], anchor: str, **fields: Any) -> None:
    item = next(
        g for g in load_gold()["events"] if g["anchor"] == anchor and all(g.get(k) == v for k, v in fields.items())
    )
    doc = docs[item["seed"]]
    found = [
        e.surface(doc.text) | {"type": e.type, "modality": e.modality}
        for e in doc.events
        if anchor.lower() in e.evidence.lower()
    ]
    assert any(matches(item, e, doc.text) for e in doc.events), f"{item} not in {found}"


def test_border_crossing_taken_after_rebels_left(seed_docs: dict[str, SeedDoc]) -> None:
    _find(seed_docs, "took control of an Iraq-Syria border crossing")
    _find(seed_docs, "Syrian rebels withdrew overnight")
    _find(seed_docs, "Al-Nusra Front left", actor1="FSA")
    _find(seed_docs, "Al-Nusra Front left", actor1="Al-Nusra Front")


def test_albu_kamal_pledge_and_al_qaim_changing_hands(seed_docs: dict[str, SeedDoc]) -> None:
    _find(seed_docs, "pledged loyalty Wednesday")
    _find(seed_docs, "Iraqi security forces abandoned Al-Qaim")
    _find(seed_docs, "seized it on Saturday")


def test_merger_rejection_prison_raids_and_disavowal(seed_docs: dict[str, SeedDoc]) -> None:
    _find(seed_docs, "2 groups merging")
    _find(seed_docs, "rejected merger")
    _find(seed_docs, "statement denying merger")
    _find(seed_docs, "simultaneous raids on taji")
    _find(seed_docs, "publicly disavowed relations isil")


def test_recall_and_precision_on_the_seed_annotation(seed_docs: dict[str, SeedDoc]) -> None:
    result = evaluate(seed_docs)
    assert result["recall"] >= RECALL_FLOOR_WITH_ACTORS, result["missed"]
    assert result["precision_in_annotated_sentences"] >= PRECISION_FLOOR


def test_recall_without_known_actors(nlp: Language, seeds_dir: Path) -> None:
    result = evaluate(extract_seeds(nlp, seeds_dir, with_actors=False))
    assert result["recall"] >= RECALL_FLOOR_WITHOUT_ACTORS, result["missed"]


@pytest.mark.slow
def test_the_ingest_pipeline_finds_every_annotated_seed_event(seeds_dir: Path) -> None:
    """As ingest runs it: only the gated sentences parsed, actors from the resolver, not the annotation."""
    result = evaluate(pipeline_seeds(seeds_dir))
    assert result["recall"] >= RECALL_FLOOR_WITH_ACTORS, result["missed"]
    assert result["precision_in_annotated_sentences"] >= PRECISION_FLOOR
