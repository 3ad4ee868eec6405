"""Disagreements among the reports of one canonical event: fatalities, and occurred versus denied."""

from __future__ import annotations

from faultlines.reconcile.claims import Claim, Contradiction, choose
from faultlines.reconcile.groups import Member, Occurrence


def event_contradictions(occurrences: list[Occurrence]) -> list[Contradiction]:
    """A fatalities contradiction when reports give different tolls, an occurred one when some deny it."""
    out = []
    for occ in occurrences:
        if len(occ.members) < 2:
            continue
        tolls: dict[int, list[Member]] = {}
        for member in occ.members:
            if member.fatalities is not None:
                tolls.setdefault(member.fatalities, []).append(member)
        if len(tolls) > 1:
            out.append(_contradiction(occ, "fatalities", tolls))
        occurred: dict[str, list[Member]] = {}
        for member in occ.members:
            occurred.setdefault("denied" if member.modality == "denied" else "occurred", []).append(member)
        if len(occurred) > 1:
            out.append(_contradiction(occ, "occurred", occurred))
    return out


def _contradiction(
    occ: Occurrence, field: str, values: dict[int, list[Member]] | dict[str, list[Member]]
) -> Contradiction:
    claims = [
        Claim(
            value=value,
            documents={m.document_id for m in members},
            precision_rank=0,
            directness=min(m.directness for m in members),
            reported=max((m.published or "") for m in members),
            evidence=sorted({e for m in members for e in m.evidence}),
        )
        for value, members in values.items()
    ]
    chosen, rule = choose(claims)
    return Contradiction("event", occ.id, field, claims, chosen, rule)
