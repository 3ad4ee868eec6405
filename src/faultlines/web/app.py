"""The FastAPI application: REST routes under /api, the web UI at /, front-end libraries under /vendor."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

import faultlines
from faultlines import __version__
from faultlines.web import errors, routes_read, routes_write

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
VENDOR_DIR = Path(__file__).parent / "vendor" / "node_modules"


def create_app(db_path: str | Path, *, write: bool = False, vendor_dir: Path | None = None) -> FastAPI:
    """The app over the store at ``db_path``; corrections are accepted only when ``write`` is true.

    The store is opened once here (creating and migrating it), then once per request.
    """
    path = Path(db_path)
    faultlines.open(path).close()
    app = FastAPI(
        docs_url=None,  # served below from the local swagger-ui-dist, not from a CDN
        redoc_url=None,
        title="faultlines",
        version=__version__,
        description="Actors, events, relations, control and contradictions from conflict reporting, "
        "with the evidence for every fact." + ("" if write else " Read-only: corrections need --write."),
    )
    app.state.db_path = path
    app.state.write = write
    errors.install(app)
    app.include_router(routes_read.router)
    app.include_router(routes_write.router)
    vendor = vendor_dir or VENDOR_DIR
    if vendor.is_dir():
        app.mount("/vendor", StaticFiles(directory=vendor), name="vendor")
    else:
        log.warning("front-end libraries missing in %s: the web UI cannot draw; run scripts/bootstrap.py", vendor)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="faultlines API",
            swagger_js_url="/vendor/swagger-ui-dist/swagger-ui-bundle.js",
            swagger_css_url="/vendor/swagger-ui-dist/swagger-ui.css",
            swagger_favicon_url="/vendor/swagger-ui-dist/favicon-32x32.png",
        )

    return app
