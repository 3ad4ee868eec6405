"""JSON Lines: one event per line, in the shape of ``faultlines events --json``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any


def write_jsonl(events: Iterable[dict[str, Any]], out: IO[str]) -> dict[str, int]:
    """Write each event as one JSON line; returns how many lines were written."""
    written = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False, default=str))
        out.write("\n")
        written += 1
    return {"rows": written, "skipped": 0}
