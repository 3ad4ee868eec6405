"""faultlines: turn conflict news into a source-linked, time-aware model of the conflict."""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

from faultlines.api import Faultlines, open  # noqa: E402

__all__ = ["Faultlines", "__version__", "open"]
