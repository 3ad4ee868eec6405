"""Scorers: measure each component against annotated data.

Every module here that defines ``score(shared, *, limit=None) -> dict`` is a scorer that
``faultlines score NAME`` runs. ``shared`` is the team's shared data folder (``../shared``).
"""
