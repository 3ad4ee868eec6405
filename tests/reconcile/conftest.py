"""Fixtures for the reconcile tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .corpus import Corpus


@pytest.fixture()
def corpus(tmp_path: Path) -> Iterator[Corpus]:
    """A fresh hand-written store."""
    built = Corpus(tmp_path / "rules.db")
    yield built
    built.fl.close()
