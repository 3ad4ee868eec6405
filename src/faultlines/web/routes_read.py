"""Read-only REST routes: thin shells over :mod:`faultlines.query` and :class:`faultlines.api.Faultlines`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from faultlines.api import Faultlines
from faultlines.query import events as events_query
from faultlines.query.search import search
from faultlines.web.store import open_store

router = APIRouter(prefix="/api")

Store = Annotated[Faultlines, Depends(open_store)]
Modality = Literal["asserted", "reported", "hedged", "denied", "planned"]
RelationKind = Literal["alliance", "rivalry", "affiliation", "split", "merger", "support"]
Text = Annotated[str | None, Query(max_length=200)]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@router.get("/overview", tags=["overview"], summary="Corpus, counts and date ranges")
def overview(fl: Store, request: Request) -> dict[str, Any]:
    """Counts of what the store holds, the publication and event date ranges, the documents, and ``write``."""
    return {
        "store": fl.path.name,
        "write": bool(request.app.state.write),
        "stats": fl.stats(),
        "events_dates": events_query.event_date_range(fl.conn),
        "documents": [
            {"id": d["id"], "title": d["title"], "published": d["published"], "source": d["source"]}
            for d in fl.documents()
        ],
    }


@router.get("/documents", tags=["documents"], summary="Stored documents")
def documents(fl: Store, limit: Annotated[int | None, Query(ge=1, le=10_000)] = None) -> list[dict[str, Any]]:
    """Documents in ingest order with every source that carried each."""
    return fl.documents(limit=limit)


@router.get("/documents/{document_id}", tags=["documents"], summary="One document with its evidence spans")
def document(fl: Store, document_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    """The document's text and sources, and ``evidence``: every span that supports a fact (to highlight)."""
    doc = fl.document(document_id)
    doc["evidence"] = events_query.document_evidence(fl.conn, document_id)
    return doc


@router.get("/actors", tags=["actors"], summary="Actors seen in the corpus")
def actors(
    fl: Store,
    search_text: Annotated[str | None, Query(alias="search", max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 200,
) -> list[dict[str, Any]]:
    """Actors, most mentioned first; ``search`` matches names and aliases."""
    return fl.actors(search=search_text, limit=limit)


@router.get("/actors/{ref}", tags=["actors"], summary="One actor: names, kind, relation history, events")
def actor(fl: Store, ref: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """The actor named by id, name or alias, with ``relations`` (all intervals) and its ``events``."""
    found = fl.actor(ref)
    found["relations"] = fl.relations(actor=found["id"])
    found["events"] = events_query.list_events(fl.conn, actor=found["id"], limit=500)
    return found


@router.get("/events", tags=["events"], summary="Events, filtered and paged")
def events(
    fl: Store,
    actor: Text = None,
    event_type: Annotated[str | None, Query(alias="type", max_length=100)] = None,
    place: Text = None,
    date_from: Annotated[date | None, Query(alias="from", description="YYYY-MM-DD")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="YYYY-MM-DD")] = None,
    modality: Modality | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """``{"total", "limit", "offset", "items"}``: events in date order matching every filter given."""
    filters: dict[str, Any] = {
        "actor": actor,
        "event_type": event_type,
        "place": place,
        "date_from": _iso(date_from),
        "date_to": _iso(date_to),
        "modality": modality,
    }
    return {
        "total": events_query.count_events(fl.conn, **filters),
        "limit": limit,
        "offset": offset,
        "items": events_query.list_events(fl.conn, **filters, limit=limit, offset=offset),
    }


@router.get("/events/{event_id}", tags=["events"], summary="One event with the documents of its evidence")
def event(fl: Store, event_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    """The event, and ``documents``: each document its evidence comes from, with the full text."""
    found = fl.event(event_id)
    doc_ids = list(dict.fromkeys(e["document"] for e in found["evidence"]))
    found["documents"] = [
        {k: doc[k] for k in ("id", "title", "published", "source", "text")} for doc in (fl.document(i) for i in doc_ids)
    ]
    return found


@router.get("/relations", tags=["relations"], summary="Relations between actors as intervals")
def relations(
    fl: Store,
    at: Annotated[date | None, Query(description="only relations valid on this date")] = None,
    actor: Text = None,
    kind: RelationKind | None = None,
) -> list[dict[str, Any]]:
    """Active relations by start date, optionally valid at ``at``, involving ``actor`` or of ``kind``."""
    return fl.relations(at=_iso(at), actor=actor, kind=kind)


@router.get("/control", tags=["control"], summary="Territorial control intervals")
def control(
    fl: Store,
    place: Text = None,
    at: Annotated[date | None, Query(description="only control valid on this date")] = None,
) -> list[dict[str, Any]]:
    """Who held which place from when until when; ``at`` keeps the intervals valid that day."""
    return fl.control(place=place, at=_iso(at))


@router.get("/contradictions", tags=["contradictions"], summary="Where sources disagree")
def contradictions(fl: Store) -> list[dict[str, Any]]:
    """Every recorded contradiction with its claims, their evidence and the value chosen."""
    return fl.contradictions()


@router.get("/state", tags=["state"], summary="The state of the system at a date")
def state(fl: Store, at: Annotated[date, Query(description="YYYY-MM-DD")]) -> dict[str, Any]:
    """Relations and control valid on ``at``."""
    return fl.state(at.isoformat())


@router.get("/search", tags=["search"], summary="Search documents, actors and events by text")
def search_all(
    fl: Store,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    """Documents, actors and events whose text, names or evidence contain ``q``."""
    return search(fl.conn, q, limit)
