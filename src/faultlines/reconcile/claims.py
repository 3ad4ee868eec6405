"""Competing claims and the documented rule that picks the current best one.

Rule, in order: the claim carried by more independent documents; then the more precise one (a day beats a
month, a month a year); then the more direct attribution (asserted beats reported, reported beats hedged,
anything beats a denial); then the later reporting (newest publication date). Ties keep the first claim.
Every claim is kept with its evidence; nothing is overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from faultlines.reconcile.groups import Evidence

RULES = ("more sources", "more precise", "more direct attribution", "later reporting")


@dataclass
class Claim:
    """One value some sources give, with who gives it and how."""

    value: Any
    documents: set[int] = field(default_factory=set)
    precision_rank: int = 0
    directness: int = 0
    reported: str = ""
    evidence: list[Evidence] = field(default_factory=list)

    def key(self) -> tuple[int, int, int, str]:
        """Sort key of the rule: smaller wins except the publication date (compared separately)."""
        return (-len(self.documents), self.precision_rank, self.directness, self.reported)


@dataclass
class Contradiction:
    """A disagreement about one field of one fact; ``subject`` is an event id or a fact signature."""

    subject_kind: str
    subject: int | str
    field: str
    claims: list[Claim]
    chosen: int
    rule: str


def choose(claims: list[Claim]) -> tuple[int, str]:
    """Index of the winning claim and the name of the criterion that decided it."""
    best = 0
    for i, claim in enumerate(claims[1:], start=1):
        if _beats(claim, claims[best]):
            best = i
    rivals = [c for i, c in enumerate(claims) if i != best]
    return best, _deciding_rule(claims[best], rivals)


def _beats(a: Claim, b: Claim) -> bool:
    ka, kb = a.key(), b.key()
    if ka[:3] != kb[:3]:
        return ka[:3] < kb[:3]
    return ka[3] > kb[3]


def _deciding_rule(winner: Claim, rivals: list[Claim]) -> str:
    if not rivals:
        return "only claim"
    runner = min(rivals, key=lambda c: (c.key()[:3], _neg(c.reported)))
    for name, mine, theirs in zip(RULES[:3], winner.key()[:3], runner.key()[:3], strict=True):
        if mine != theirs:
            return name
    return RULES[3] if winner.reported != runner.reported else "first reported"


def _neg(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text)
