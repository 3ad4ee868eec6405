"""Read the UCDP actor list (CC BY 4.0) into actors, one per name era of each UCDP actor."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from faultlines.kb.model import Actor
from faultlines.kb.normalise import normalise_alias, slugify

UCDP_FILE = Path("data/ucdp/ucdp-actor-22.1.csv")
KIND_BY_ORG = {"1": "rebel_group", "2": "political_militia", "3": "identity_militia", "4": "state_forces"}


@dataclass
class UcdpRow:
    """The fields of one UCDP row that the KB uses."""

    ucdp_id: int
    kind: str
    eras: list[tuple[str, str | None, str | None]]  # (short name, English full name, original full name)
    locations: list[str]
    splinter_of: list[int]
    allies: list[int]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _ids(value: str) -> list[int]:
    return [int(v) for v in re.findall(r"\d+", value)]


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return None if value.lower() in ("", "n/a", "na") else value


def _eras(rec: dict[str, str]) -> list[tuple[str, str | None, str | None]]:
    first = (rec["NameOrig"].strip(), _clean(rec["NameOrigFullEng"]), _clean(rec["NameOrigFull"]))
    if rec["NameChange"].strip() != "1":
        return [(rec["NameData"].strip(), first[1], first[2])]
    shorts = _split(rec["NewName"])
    fulls = _split(rec["NewNameFullEng"])
    natives = _split(rec["NewNameFullMotherTongue"])
    aligned = len(fulls) == len(shorts)
    eras = [first]
    for i, short in enumerate(shorts):
        full = fulls[i] if aligned else (fulls[-1] if fulls and i == len(shorts) - 1 else None)
        native = natives[i] if len(natives) == len(shorts) else None
        eras.append((short, _clean(full), _clean(native)))
    merged: list[tuple[str, str | None, str | None]] = []
    for era in eras:  # a "rename" to the same short name only adds a long name
        if merged and normalise_alias(merged[-1][0]) == normalise_alias(era[0]):
            prev = merged[-1]
            merged[-1] = (prev[0], era[1] or prev[1], prev[2])
        else:
            merged.append(era)
    return merged


def read_ucdp(shared: Path) -> Iterator[UcdpRow]:
    """Yield the rows of the UCDP actor list."""
    with (shared / UCDP_FILE).open(encoding="utf-8-sig", newline="") as handle:
        for rec in csv.DictReader(handle):
            yield UcdpRow(
                ucdp_id=int(rec["ActorId"]),
                kind=KIND_BY_ORG.get(rec["Org"].strip(), "other"),
                eras=_eras(rec),
                locations=_split(rec["Location"]),
                splinter_of=_ids(rec["ActorIdPrev"]),
                allies=_ids(rec["ActorIdAlliance"]),
            )


def is_acronym(name: str) -> bool:
    """Whether a short name is an acronym (``"JRTN"``, ``"SPLM/A-N"``) rather than a name."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    return bool(letters) and " " not in name.strip() and sum(c.isupper() for c in letters) >= len(letters) - 1


def era_actor(row: UcdpRow, short: str, full: str | None, native: str | None, country: str | None) -> Actor:
    """The actor of one name era of a UCDP actor (ids are made unique by the caller)."""
    if is_acronym(short) and full:
        name, acronyms, aliases = full, [short], []
    else:
        # one-word translations ("Union") are common words, not names
        name, acronyms, aliases = short, [], [full] if full and " " in full.strip() else []
    if native and normalise_alias(native) != normalise_alias(name):
        aliases.append(native)
    return Actor(
        id=slugify(name),
        name=name,
        kind=row.kind,
        country=country,
        aliases=[a for a in aliases if normalise_alias(a) != normalise_alias(name)],
        acronyms=acronyms,
        ucdp_id=row.ucdp_id,
        sources=["ucdp"],
    )
