"""Time reconciliation of a synthetic store and `state --at` queries on it.

Usage: .venv/bin/python scripts/bench_reconcile.py [EVENTS] [DB_PATH]   (defaults: 100000, a temp file)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from faultlines.reconcile.bench import run


def main() -> None:
    """Run the benchmark and print its numbers as JSON."""
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tmp) / "bench.db"
        print(json.dumps(run(path, events), indent=2))


if __name__ == "__main__":
    main()
