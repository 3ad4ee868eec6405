"""Analyst corrections over REST, only on a server started with ``--write``; each is recorded as a correction."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel, Field

from faultlines.api import Faultlines
from faultlines.web.store import open_store, require_write

router = APIRouter(prefix="/api", dependencies=[Depends(require_write)], tags=["corrections"])

Store = Annotated[Faultlines, Depends(open_store)]


class Merge(BaseModel):
    """Two actors that are one: ``other`` is folded into ``keep``."""

    keep: str = Field(min_length=1, max_length=200)
    other: str = Field(min_length=1, max_length=200)


class Alias(BaseModel):
    """A name under which an actor is known."""

    alias: str = Field(min_length=1, max_length=200)


class Reject(BaseModel):
    """Why an event is rejected (optional)."""

    note: str | None = Field(default=None, max_length=2000)


class Edit(BaseModel):
    """Fields of an event to change, e.g. ``{"fatalities": 12, "place": "Mosul"}``."""

    changes: dict[str, Any] = Field(min_length=1)


@router.post("/actors/merge", summary="Merge two actors (write mode)")
def merge(fl: Store, body: Merge) -> dict[str, Any]:
    """Record that ``other`` is the same actor as ``keep``; returns the surviving actor."""
    return fl.merge_actors(body.keep, body.other)


@router.post("/actors/{ref}/aliases", summary="Add an alias to an actor (write mode)")
def add_alias(fl: Store, ref: Annotated[str, Path(max_length=200)], body: Alias) -> dict[str, Any]:
    """Record a new name for the actor; mentions under that name resolve to it."""
    return fl.add_alias(ref, body.alias)


@router.post("/events/{event_id}/reject", summary="Reject an event (write mode)")
def reject_event(fl: Store, event_id: Annotated[int, Path(ge=1)], body: Reject) -> dict[str, Any]:
    """Record that the event is wrong; it leaves event lists and exports. Returns the event as now stored."""
    return fl.reject_event(event_id, note=body.note)


@router.patch("/events/{event_id}", summary="Edit an event (write mode)")
def edit_event(fl: Store, event_id: Annotated[int, Path(ge=1)], body: Edit) -> dict[str, Any]:
    """Record corrected values (type, date_start, date_end, date_precision, place, actor1, actor2, fatalities).

    Returns the event as now stored.
    """
    return fl.edit_event(event_id, body.changes)
