"""GeoJSON (RFC 7946): events and territorial control intervals as Point features.

Coordinates are ``[longitude, latitude]`` (WGS 84, no ``crs`` member). Every feature has a
``feature_kind`` property: ``event`` or ``control``. Facts whose place has no coordinates
cannot be drawn and are left out (counted as skipped).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from typing import IO, Any

from faultlines.export.source import Filters
from faultlines.query.control import list_control
from faultlines.store.actors import canonical_id, find_actor

log = logging.getLogger(__name__)


def _point(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if not place or place.get("latitude") is None or place.get("longitude") is None:
        return None
    return {"type": "Point", "coordinates": [place["longitude"], place["latitude"]]}


def _name(ref: dict[str, Any] | None) -> str | None:
    return ref["name"] if ref else None


def event_feature(event: dict[str, Any]) -> dict[str, Any] | None:
    """One event as a GeoJSON Feature, or None when its place has no coordinates."""
    geometry = _point(event["place"])
    if geometry is None:
        return None
    a1, a2, place = event["actor1"], event["actor2"], event["place"]
    properties = {
        "feature_kind": "event",
        "id": event["id"],
        "type": event["type"],
        "acled_event_type": event["acled_event_type"],
        "acled_sub_event_type": event["acled_sub_event_type"],
        "actor1": _name(a1),
        "actor1_id": a1["id"] if a1 else None,
        "actor2": _name(a2),
        "actor2_id": a2["id"] if a2 else None,
        "place": place["name"],
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "place_precision": place.get("precision"),
        "date_start": event["date"]["start"],
        "date_end": event["date"]["end"],
        "date_precision": event["date"]["precision"],
        "fatalities": event["fatalities"]["best"] if event["fatalities"] else None,
        "modality": event["modality"],
        "evidence": [" ".join(ev["text"].split()) for ev in event["evidence"]],
    }
    return {"type": "Feature", "id": f"event-{event['id']}", "geometry": geometry, "properties": properties}


def control_feature(interval: dict[str, Any]) -> dict[str, Any] | None:
    """One control interval as a GeoJSON Feature, or None when its place has no coordinates."""
    geometry = _point(interval["place"])
    if geometry is None:
        return None
    holder = interval["holder"]
    properties = {
        "feature_kind": "control",
        "id": interval["id"],
        "place": interval["place"]["name"],
        "country": interval["place"].get("country"),
        "holder": _name(holder),
        "holder_id": holder["id"] if holder else None,
        "valid_from": interval["from"],
        "from_precision": interval["from_precision"],
        "valid_until": interval["until"],
        "until_precision": interval["until_precision"],
        "confidence": interval["confidence"],
    }
    return {"type": "Feature", "id": f"control-{interval['id']}", "geometry": geometry, "properties": properties}


def control_intervals(conn: sqlite3.Connection, filters: Filters) -> list[dict[str, Any]]:
    """Control intervals matching the filters: place, holder (``actor``) and date overlap.

    A type filter names an event type, so it leaves control out altogether.
    """
    if filters.event_type:
        return []
    holder = find_actor(conn, filters.actor) if filters.actor else None
    out = []
    for interval in list_control(conn, place=filters.place):
        if holder and (interval["holder"] is None or canonical_id(conn, interval["holder"]["id"]) != holder):
            continue
        if filters.date_from and interval["until"] and interval["until"] < filters.date_from:
            continue
        if filters.date_to and interval["from"] and interval["from"] > filters.date_to:
            continue
        out.append(interval)
    return out


def write_geojson(events: Iterable[dict[str, Any]], control: Iterable[dict[str, Any]], out: IO[str]) -> dict[str, int]:
    """Write one FeatureCollection of event and control features; returns counts."""
    written = skipped = 0
    out.write('{"type": "FeatureCollection", "features": [')
    features = [(event_feature, events), (control_feature, control)]
    for build, items in features:
        for item in items:
            feature = build(item)
            if feature is None:
                skipped += 1
                continue
            out.write(",\n" if written else "\n")
            out.write(json.dumps(feature, ensure_ascii=False))
            written += 1
    out.write("\n]}\n")
    log.info("geojson: %d features, %d without coordinates left out", written, skipped)
    return {"rows": written, "skipped": skipped}
