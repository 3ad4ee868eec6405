"""Shared fixtures: the shared development data and fresh databases."""

from __future__ import annotations

from pathlib import Path

import pytest

from faultlines.eval.shared import find_shared

SHARED = find_shared()
SKIP_NO_SHARED = "needs ../shared (the team's development data), absent in a user's fresh clone"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder; the test is skipped with a reason when it is absent."""
    if SHARED is None:
        pytest.skip(SKIP_NO_SHARED)
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    """The five seed articles."""
    return shared_dir / "seeds"


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh SQLite database file."""
    return tmp_path / "test.db"
