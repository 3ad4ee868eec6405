"""One store connection per request, and the write switch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastapi import Request

import faultlines
from faultlines.api import Faultlines
from faultlines.errors import FaultlinesError


class ReadOnlyError(FaultlinesError):
    """A correction was sent to a server started without ``--write``."""

    code = "E006"


def open_store(request: Request) -> Iterator[Faultlines]:
    """FastAPI dependency: the store opened for this request only, closed after it.

    A connection per request avoids sharing one SQLite connection between server threads.
    """
    path: Path = request.app.state.db_path
    fl = faultlines.open(path)
    try:
        yield fl
    finally:
        fl.close()


def require_write(request: Request) -> None:
    """FastAPI dependency: refuse corrections unless the server was started with ``--write``."""
    if not request.app.state.write:
        raise ReadOnlyError(
            "this server is read-only: corrections are refused",
            hint="restart it with `faultlines serve --write` to merge actors, add aliases or reject/edit events",
        )
