"""PLOVER JSON: one record per event with PLOVER's standard field names.

Fields follow the PLOVER data-interchange specification: ``id``, ``date``/``enddate``,
``source`` and ``recipient`` (lists of actor objects with ``actor_text``, ``identifier_id``,
``identifier_text``, ``code``, ``sector``), ``event`` (list of categories), ``mode``,
``quad_code``, ``event_loc`` (a GeoNames-style location object), ``event_text``,
``cite_info``, ``coder`` and ``coded_date``. Events without a PLOVER category are left out.
The file is one JSON array with one record per line.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import IO, Any

from faultlines.export.countries import country
from faultlines.export.source import StoreFacts

log = logging.getLogger(__name__)

QUAD_CODES = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "INVESTIGATE": 2,
    "DEMAND": 3,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "SANCTION": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
# PLOVER modes (codebook vocabulary) implied by an ACLED sub-event type.
MODES = {
    "Air/drone strike": "aerial",
    "Shelling/artillery/missile attack": "heavy-weapons",
    "Remote explosive/landmine/IED": "explosives",
    "Suicide bomb": "suicide-attack",
    "Chemical weapon": "unconventional",
    "Abduction/forced disappearance": "abduct",
    "Sexual violence": "sexual",
    "Excessive force against protesters": "firearms",
    "Looting/property destruction": "destroy",
    "Peaceful protest": "demo",
    "Protest with intervention": "demo",
    "Violent demonstration": "riot",
    "Arrests": "arrest",
}
# PLOVER actor sectors by faultlines actor kind.
SECTORS = {
    "state_forces": "MIL",
    "rebel_group": "REB",
    "political_militia": "MIL",
    "identity_militia": "MIL",
    "external_force": "MIL",
    "civilians": "CVL",
    "protesters": "CVL",
}


def _actor_object(ref: dict[str, Any] | None, facts: StoreFacts) -> dict[str, Any] | None:
    if not ref:
        return None
    info = facts.actor(ref["id"])
    land = country(info.country) if info else None
    obj: dict[str, Any] = {"actor_text": ref["name"], "identifier_id": ref["id"], "identifier_text": ref["name"]}
    if land:
        obj["code"] = land.iso3
    sector = SECTORS.get(facts.effective_kind(ref["id"]) or "")
    if sector:
        obj["sector"] = sector
    return obj


def _actors(refs: Iterable[dict[str, Any] | None], facts: StoreFacts) -> list[dict[str, Any]]:
    return [obj for obj in (_actor_object(ref, facts) for ref in refs) if obj]


def _location(place: dict[str, Any] | None, geonames_id: int | None, feature: str | None) -> dict[str, Any] | None:
    if not place:
        return None
    land = country(place.get("country"))
    loc: dict[str, Any] = {
        "name": place["name"],
        "latitude": place.get("latitude"),
        "longitude": place.get("longitude"),
    }
    if geonames_id:
        loc["geonameid"] = geonames_id
    if feature:
        loc["feature"] = feature
    if land:
        loc["country code"] = land.iso2
        loc["cc3"] = land.iso3
    if place.get("admin1"):
        loc["admin1"] = place["admin1"]
    return loc


def plover_record(event: dict[str, Any], facts: StoreFacts) -> dict[str, Any] | None:
    """One event as a PLOVER record, or None when it has no PLOVER category."""
    category = event["plover_type"]
    if not category:
        return None
    extras = facts.extras(event)
    dates = event["date"]
    record: dict[str, Any] = {
        "id": f"faultlines-{event['id']}",
        "has_event": True,
        "date": dates["start"],
        "source": _actors([event["actor1"], *event["associated_actors1"]], facts),
        "recipient": _actors([event["actor2"], *event["associated_actors2"]], facts),
        "event": [category],
        "quad_code": QUAD_CODES.get(category),
    }
    if dates["end"] and dates["end"] != dates["start"]:
        record["enddate"] = dates["end"]
    mode = MODES.get(event["acled_sub_event_type"] or "")
    if mode:
        record["mode"] = [mode]
    location = _location(event["place"], extras.geonames_id, extras.feature)
    if location:
        record["event_loc"] = location
    record["event_text"] = [" ".join(ev["text"].split()) for ev in event["evidence"]]
    if event["fatalities"]:
        record["dead"] = event["fatalities"]["best"]
    record["cite_info"] = {"publication": list(extras.sources), "coder": f"faultlines {facts.version}"}
    record["coder"] = "faultlines"
    record["coded_date"] = (extras.created_at or "")[:10] or None
    record["comment"] = (
        f"faultlines type {event['type']}; modality {event['modality']}; date precision {dates['precision']}"
    )
    return record


def write_plover_json(events: Iterable[dict[str, Any]], facts: StoreFacts, out: IO[str]) -> dict[str, int]:
    """Write a JSON array of PLOVER records, one per line; returns rows written and skipped."""
    written = skipped = 0
    out.write("[")
    for event in events:
        record = plover_record(event, facts)
        if record is None:
            skipped += 1
            continue
        out.write(",\n" if written else "\n")
        out.write(json.dumps(record, ensure_ascii=False))
        written += 1
    out.write("\n]\n")
    log.info("plover-json: %d records, %d events without a PLOVER category left out", written, skipped)
    return {"rows": written, "skipped": skipped}
