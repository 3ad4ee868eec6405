"""Annotate stage: the spaCy pipeline with the actor entity ruler in front of the NER.

:func:`annotate_selectively` runs the statistical components only on the sentences a cheap gate
passes (see :func:`faultlines.extract.triggers.sentence_may_hold_event`).
"""

from faultlines.annotate.patterns import LABEL, actor_patterns
from faultlines.annotate.pipeline import (
    MODEL_NAME,
    SelectiveStats,
    SentenceGate,
    add_actor_ruler,
    annotate_batch,
    annotate_selectively,
    build_nlp,
    expect_texts,
    forget_expected,
    get_nlp,
    load_model,
    split_sentences,
)

__all__ = [
    "LABEL",
    "MODEL_NAME",
    "SelectiveStats",
    "SentenceGate",
    "actor_patterns",
    "add_actor_ruler",
    "annotate_batch",
    "annotate_selectively",
    "build_nlp",
    "expect_texts",
    "forget_expected",
    "get_nlp",
    "load_model",
    "split_sentences",
]
