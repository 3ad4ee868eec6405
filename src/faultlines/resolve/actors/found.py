"""Working record of a mention while the resolver's passes refine it."""

from __future__ import annotations

from dataclasses import dataclass

from faultlines.kb.model import Actor

# Lower wins when two findings overlap: KB names first, then descriptions, acronyms, people, discoveries.
PRIORITY = {"description": 0, "kb": 1, "acronym": 2, "leader": 3, "discovered": 4}


@dataclass
class Found:
    """A span and what it refers to: a KB actor or a provisional name."""

    start: int
    end: int
    text: str
    method: str
    score: float
    actor: Actor | None = None
    provisional_name: str | None = None
    kind: str = "rebel_group"
    organisation_id: str | None = None
    organisation_key: str | None = None
    role: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Found) -> bool:
        return self.start < other.end and other.start < self.end


def select(found: list[Found]) -> list[Found]:
    """Non-overlapping findings: longest span first, then by method priority; in text order."""
    chosen: list[Found] = []
    taken = bytearray(max((f.end for f in found), default=0) + 1)
    for item in sorted(found, key=lambda f: (-f.length, PRIORITY[f.method], f.start)):
        if 1 not in taken[item.start : item.end]:
            chosen.append(item)
            taken[item.start : item.end] = b"\x01" * (item.end - item.start)
    return sorted(chosen, key=lambda f: f.start)
