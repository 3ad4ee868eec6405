"""ACLED-style CSV: ACLED's columns in ACLED's order, with ACLED's codes.

Values follow ACLED's own files: ISO dates, "; " between several actors or sources, integer
codes. Events without an ACLED event type (faultlines' political interactions such as a
demand or a consultation) have no ACLED row and are left out.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable
from datetime import date, datetime
from typing import IO, Any

from faultlines.export.countries import country
from faultlines.export.source import StoreFacts

log = logging.getLogger(__name__)

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# ACLED actor type codes (inter1/inter2) by faultlines actor kind.
INTER_CODES = {
    "state_forces": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_force": 8,
    "other": 8,
}
_POLITICAL_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_DEMONSTRATIONS = {"Protests", "Riots"}


def time_precision(precision: str | None) -> int:
    """ACLED time_precision: 1 a known day, 2 a known week, 3 a month or longer (or unknown)."""
    return {"day": 1, "week": 2}.get(precision or "", 3)


def geo_precision(place: dict[str, Any] | None, acled_precision: int | None) -> int | None:
    """ACLED geo_precision: 1 the town, 2 near it or a small area, 3 a larger region."""
    if place is None:
        return None
    base = acled_precision or 3
    return max(base, 2) if place.get("precision") == "near" else base


def inter_code(kind: str | None) -> int:
    """ACLED inter code of an actor kind; 0 when there is no actor."""
    if kind is None:
        return 0
    return INTER_CODES.get(kind, 8)


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction: the lower code first, a lone actor's code times ten."""
    codes = sorted(code for code in (inter1, inter2) if code)
    if not codes:
        return 0
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def disorder_type(event_type: str, sub_event_type: str | None) -> str:
    """ACLED disorder_type from the event type; mob violence is a riot but political violence."""
    if sub_event_type == "Mob violence":
        return "Political violence"
    if event_type in _POLITICAL_VIOLENCE:
        return "Political violence"
    if event_type in _DEMONSTRATIONS:
        return "Demonstrations"
    return "Strategic developments"


def civilian_targeting(disorder: str, event_type: str, inter1: int, inter2: int) -> str:
    """ "Civilian targeting" when political violence is aimed at civilians, else empty."""
    aimed = event_type == "Violence against civilians" or 7 in (inter1, inter2)
    return "Civilian targeting" if aimed and "Political violence" in disorder else ""


def _names(refs: Iterable[dict[str, Any] | None]) -> str:
    return "; ".join(ref["name"] for ref in refs if ref)


def _timestamp(created_at: str | None) -> int | str:
    if not created_at:
        return ""
    return int(datetime.fromisoformat(created_at).timestamp())


def _notes(event: dict[str, Any]) -> str:
    texts = dict.fromkeys(" ".join(ev["text"].split()) for ev in event["evidence"])
    return " ".join(texts)


def acled_row(event: dict[str, Any], facts: StoreFacts) -> dict[str, Any] | None:
    """One event as an ACLED row (column name to value), or None when it has no ACLED type."""
    event_type = event["acled_event_type"]
    if not event_type:
        return None
    a1, a2 = event["actor1"], event["actor2"]
    inter1 = inter_code(facts.effective_kind(a1["id"]) if a1 else None)
    inter2 = inter_code(facts.effective_kind(a2["id"]) if a2 else None)
    disorder = disorder_type(event_type, event["acled_sub_event_type"])
    extras = facts.extras(event)
    place = event["place"] or {}
    land = country(place.get("country"))
    start = event["date"]["start"]
    tags = "" if event["modality"] == "asserted" else f"modality={event['modality']}"
    return {
        "event_id_cnty": f"{land.iso3 if land else 'XXX'}{event['id']}",
        "event_date": start or "",
        "year": date.fromisoformat(start).year if start else "",
        "time_precision": time_precision(event["date"]["precision"]),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": event["acled_sub_event_type"] or "",
        "actor1": a1["name"] if a1 else "",
        "assoc_actor_1": _names(event["associated_actors1"]),
        "inter1": inter1,
        "actor2": a2["name"] if a2 else "",
        "assoc_actor_2": _names(event["associated_actors2"]),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": civilian_targeting(disorder, event_type, inter1, inter2),
        "iso": land.numeric if land else "",
        "region": land.region if land else "",
        "country": land.name if land else "",
        "admin1": place.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": place.get("name") or "",
        "latitude": place.get("latitude", ""),
        "longitude": place.get("longitude", ""),
        "geo_precision": geo_precision(event["place"], extras.acled_precision) or "",
        "source": "; ".join(extras.sources),
        "source_scale": "",
        "notes": _notes(event),
        "fatalities": event["fatalities"]["best"] if event["fatalities"] else 0,
        "tags": tags,
        "timestamp": _timestamp(extras.created_at),
    }


def write_acled_csv(events: Iterable[dict[str, Any]], facts: StoreFacts, out: IO[str]) -> dict[str, int]:
    """Write the events as ACLED CSV rows; returns how many rows were written and skipped."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    written = skipped = 0
    for event in events:
        row = acled_row(event, facts)
        if row is None:
            skipped += 1
            continue
        writer.writerow(row)
        written += 1
    log.info("acled-csv: %d rows, %d events without an ACLED type left out", written, skipped)
    return {"rows": written, "skipped": skipped}
