"""Annotate stage: the spaCy pipeline with the actor entity ruler in front of the NER."""

from faultlines.annotate.patterns import LABEL, actor_patterns
from faultlines.annotate.pipeline import MODEL_NAME, add_actor_ruler, build_nlp, get_nlp, load_model

__all__ = ["LABEL", "MODEL_NAME", "actor_patterns", "add_actor_ruler", "build_nlp", "get_nlp", "load_model"]
