"""Match extracted events against the seed annotation (tests/extract/seed_events_gold.json)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from faultlines.extract.events import EventCandidate, extract_events

GOLD = Path(__file__).with_name("seed_events_gold.json")


@dataclass
class SeedDoc:
    key: str
    text: str
    events: list[EventCandidate]


def load_gold() -> dict[str, Any]:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def actor_mentions(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Char spans of ``names`` in ``text`` (longest first, no overlaps): what the resolver marks."""
    spans: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE):
            if not any(match.start() < e and s < match.end() for s, e in spans):
                spans.append((match.start(), match.end()))
    return sorted(spans)


def extract_seeds(nlp: Language, seeds_dir: Path, *, with_actors: bool = True) -> dict[str, SeedDoc]:
    gold = load_gold()
    docs: dict[str, SeedDoc] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        key = path.name[:3]
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        spans = actor_mentions(text, gold["actors"][key]) if with_actors else None
        docs[key] = SeedDoc(key, text, extract_events(doc, actor_spans=spans))
    return docs


def pipeline_seeds(seeds_dir: Path) -> dict[str, SeedDoc]:
    """The seeds' event candidates as ingest makes them: selective parsing, the real actor resolver."""
    from faultlines.analysis import analyze

    docs: dict[str, SeedDoc] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs[path.name[:3]] = SeedDoc(path.name[:3], text, analyze(text, None).candidates)
    return docs


def _same(gold: str, found: str | None) -> bool:
    if not found:
        return False
    g, f = gold.lower(), found.lower()
    return g in f or (len(f) >= 3 and f in g)


def matches(item: dict[str, Any], event: EventCandidate, text: str) -> bool:
    """True when ``event`` is the annotated event ``item``, with every annotated argument."""
    if event.type not in item["type"] or item["anchor"].lower() not in event.evidence.lower():
        return False
    surface = event.surface(text)
    for role in ("actor1", "actor2"):
        if role in item and not any(_same(item[role], s) for s in surface[role]):
            return False
    if "place" in item and not any(_same(item["place"], s) for s in surface["places"]):
        return False
    if "time" in item and not _same(item["time"], surface["time"]):
        return False
    if "modality" in item and event.modality != item["modality"]:
        return False
    return not ("fatalities" in item and (event.fatalities is None or event.fatalities.best != item["fatalities"]))


def evaluate(docs: dict[str, SeedDoc]) -> dict[str, Any]:
    """Recall over the annotation; precision over extracted events in annotated sentences."""
    gold = load_gold()["events"]
    missed = []
    for item in gold:
        doc = docs[item["seed"]]
        if not any(matches(item, e, doc.text) for e in doc.events):
            missed.append(item)
    typed = 0
    for doc in docs.values():
        for event in doc.events:
            anchored = [g for g in gold if g["seed"] == doc.key and g["anchor"].lower() in event.evidence.lower()]
            if anchored:
                typed += any(event.type in g["type"] for g in anchored)
    in_annotated = sum(
        1
        for doc in docs.values()
        for e in doc.events
        if any(g["seed"] == doc.key and g["anchor"].lower() in e.evidence.lower() for g in gold)
    )
    return {
        "gold": len(gold),
        "recall": round(1 - len(missed) / len(gold), 4),
        "precision_in_annotated_sentences": round(typed / in_annotated, 4) if in_annotated else 0.0,
        "missed": missed,
    }
