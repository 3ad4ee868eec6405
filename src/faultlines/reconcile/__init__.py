"""reconcile stage: one model of the corpus from many reports.

``reconcile(conn)`` runs after every processing run and after every analyst correction. It is
incremental (only events not yet reconciled are matched) and idempotent (a second run changes nothing).
"""

from __future__ import annotations

import sqlite3
from typing import Any


def reconcile(conn: sqlite3.Connection) -> dict[str, Any]:
    """Bring cross-document events, relations, control intervals and contradictions up to date.

    Returns counts of what changed. (Being implemented for issue #6.)
    """
    return {}
