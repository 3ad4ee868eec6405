"""Rebuild the default actor knowledge base (src/faultlines/data/actors/actors.jsonl.gz).

Usage: .venv/bin/python scripts/build_kb.py [--shared PATH]

Reads the UCDP actor list and the Phoenix dictionaries from the shared data folder, the
hand-kept curated.json beside the KB file, and writes the KB. Re-runnable; output is sorted.
"""

from __future__ import annotations

import argparse
import logging

from faultlines.eval.shared import require_shared
from faultlines.kb.build import KB_FILE, build_kb, write_kb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared data folder (default: ../shared)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    actors = build_kb(require_shared(args.shared))
    meta = {"sources": ["UCDP actor list 22.1 (CC BY 4.0)", "Phoenix dictionaries (MIT)", "GeoNames", "curated"]}
    size = write_kb(actors, KB_FILE, meta)
    logging.info("wrote %d actors to %s (%d bytes)", len(actors), KB_FILE, size)


if __name__ == "__main__":
    main()
