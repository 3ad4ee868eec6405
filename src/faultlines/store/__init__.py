"""The store: one SQLite file holds documents, mentions, actors, events and their evidence."""

from faultlines.store.db import connect, migrate, transaction, utcnow

__all__ = ["connect", "migrate", "transaction", "utcnow"]
