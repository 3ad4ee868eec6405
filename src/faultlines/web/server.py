"""Run the app with uvicorn, after checking the front-end libraries are installed."""

from __future__ import annotations

import logging
from pathlib import Path

from faultlines.errors import ModelError
from faultlines.web.app import VENDOR_DIR, create_app

log = logging.getLogger(__name__)

REQUIRED_FILES = (
    "vis-timeline/standalone/umd/vis-timeline-graph2d.min.js",
    "cytoscape/dist/cytoscape.min.js",
    "leaflet/dist/leaflet.js",
    "topojson-client/dist/topojson-client.min.js",
    "world-atlas/countries-110m.json",
    "swagger-ui-dist/swagger-ui-bundle.js",
)


def check_vendor(vendor_dir: Path = VENDOR_DIR) -> None:
    """Raise ModelError, saying how to fix it, when a front-end library file is missing."""
    missing = [name for name in REQUIRED_FILES if not (vendor_dir / name).is_file()]
    if missing:
        raise ModelError(
            f"the web UI's front-end libraries are not installed ({missing[0]} is missing in {vendor_dir})",
            hint="run `python3.11 scripts/bootstrap.py` (it runs `npm ci` in src/faultlines/web/vendor)",
        )


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000, write: bool = False) -> None:
    """Serve the REST API and the web UI over the store at ``db_path`` until interrupted."""
    import uvicorn

    check_vendor()
    app = create_app(db_path, write=write)
    log.info("serving %s on http://%s:%d (%s)", db_path, host, port, "write" if write else "read-only")
    uvicorn.run(app, host=host, port=port, log_level="info")
