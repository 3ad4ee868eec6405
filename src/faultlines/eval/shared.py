"""Locate the shared development data and read the ACLED development file."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from faultlines.errors import UsageError

ACLED_DEV = Path("data/acled/acled-2022-dev.csv")


def find_shared(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """Return the shared data folder: ``explicit``, ``$FAULTLINES_SHARED``, or ``../shared``.

    ``../shared`` is looked for beside the repository root and beside the working directory.
    Returns None when none exists (a user's fresh clone has no shared data).
    """
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    if os.environ.get("FAULTLINES_SHARED"):
        candidates.append(Path(os.environ["FAULTLINES_SHARED"]))
    repo_root = Path(__file__).resolve().parents[3]
    candidates += [repo_root.parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for path in candidates:
        if (path / "PRODUCT.md").exists() or (path / "data").is_dir():
            return path.resolve()
    return None


def require_shared(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Like :func:`find_shared` but raise a UsageError with a hint when it is missing."""
    found = find_shared(explicit)
    if found is None:
        raise UsageError(
            "the shared development data (../shared) was not found",
            hint="pass --shared PATH or set FAULTLINES_SHARED to the folder holding data/acled/",
        )
    return found


@dataclass(frozen=True)
class AcledRow:
    """One ACLED development event: the fields the scorers compare against."""

    event_id: str
    event_date: str
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str
    actor2: str
    assoc_actor_2: str
    country: str
    iso: int | None
    admin1: str
    admin2: str
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    source: str
    notes: str
    fatalities: int


def _int(value: str) -> int | None:
    return int(float(value)) if value.strip() else None


def iter_acled_dev(shared: Path, limit: int | None = None) -> Iterator[AcledRow]:
    """Yield the rows of the ACLED development file in file order (first ``limit`` rows)."""
    with (shared / ACLED_DEV).open(encoding="utf-8", newline="") as handle:
        for i, rec in enumerate(csv.DictReader(handle)):
            if limit is not None and i >= limit:
                return
            yield AcledRow(
                event_id=rec["event_id_cnty"],
                event_date=rec["event_date"],
                time_precision=_int(rec["time_precision"]) or 1,
                event_type=rec["event_type"],
                sub_event_type=rec["sub_event_type"],
                actor1=rec["actor1"],
                assoc_actor_1=rec["assoc_actor_1"],
                actor2=rec["actor2"],
                assoc_actor_2=rec["assoc_actor_2"],
                country=rec["country"],
                iso=_int(rec["iso"]),
                admin1=rec["admin1"],
                admin2=rec["admin2"],
                location=rec["location"],
                latitude=float(rec["latitude"]),
                longitude=float(rec["longitude"]),
                geo_precision=_int(rec["geo_precision"]) or 1,
                source=rec["source"],
                notes=rec["notes"],
                fatalities=_int(rec["fatalities"]) or 0,
            )
