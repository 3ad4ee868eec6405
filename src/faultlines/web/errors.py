"""Error responses: coded faultlines errors and bad parameters become JSON with a message, never a 500."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from faultlines.errors import DatabaseError, FaultlinesError, InputError, NotFoundError, UsageError
from faultlines.web.store import ReadOnlyError

log = logging.getLogger(__name__)

_STATUS: list[tuple[type[FaultlinesError], int]] = [
    (NotFoundError, 404),
    (UsageError, 422),
    (InputError, 422),
    (ReadOnlyError, 403),
    (DatabaseError, 503),
]


def status_for(exc: FaultlinesError) -> int:
    """The HTTP status a coded error maps to (400 for any other code)."""
    return next((status for cls, status in _STATUS if isinstance(exc, cls)), 400)


def _field(loc: tuple[object, ...] | list[object]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body")]
    return ".".join(parts) or "request"


async def _on_faultlines_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, FaultlinesError)
    return JSONResponse({"error": exc.code, "message": exc.message, "hint": exc.hint}, status_code=status_for(exc))


async def _on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [f"{_field(e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in exc.errors()]
    log.info("bad request parameters: %s", problems)
    return JSONResponse(
        {
            "error": UsageError.code,
            "message": "bad parameter — " + "; ".join(problems),
            "hint": "see /docs for the parameters each route takes",
            "detail": [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()],
        },
        status_code=422,
    )


def install(app: FastAPI) -> None:
    """Register the error handlers on ``app``."""
    app.add_exception_handler(FaultlinesError, _on_faultlines_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
