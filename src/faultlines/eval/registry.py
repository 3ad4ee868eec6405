"""Find the scorers: every module of ``faultlines.eval`` that defines ``score(shared, *, limit)``, plus
the named extra scorers of :data:`EXTRA` (a module may hold more than one)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import faultlines.eval as eval_package

Scorer = Callable[..., dict[str, Any]]
_NOT_SCORERS = {"shared", "registry"}
#: Scorer name -> (module of ``faultlines.eval``, function name) for scorers not named after their module.
EXTRA = {"events-e2e": ("events", "score_e2e")}


def scorers() -> dict[str, Scorer]:
    """Scorer name -> score function, by module name."""
    found: dict[str, Scorer] = {}
    for info in pkgutil.iter_modules(eval_package.__path__):
        if info.name in _NOT_SCORERS or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{eval_package.__name__}.{info.name}")
        score = getattr(module, "score", None)
        if callable(score):
            found[info.name] = score
    for name, (module_name, function) in EXTRA.items():
        found[name] = getattr(importlib.import_module(f"{eval_package.__name__}.{module_name}"), function)
    return found


def run_scorer(name: str, shared: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Run one scorer by name."""
    return scorers()[name](shared, limit=limit)
