"""Territorial control intervals per place from captures, recaptures, transfers, withdrawals and pledges.

Per place and in date order: a gain (capture, government recapture, non-violent transfer, base
established, or a local unit pledging to a group there) closes the current interval and opens one for the
new holder; the first gain at a place whose loser is known (actor2) also records the loser's earlier hold.
A gain that days later ends with the defenders' withdrawal dates the change to that withdrawal.
A withdrawal closes the withdrawing holder's interval (an unnamed withdrawer, like an unnamed
captor, does not end a known hold) and opens one with an unknown holder until the next
gain; a withdrawal at a place nobody was known to hold records the withdrawer's earlier hold. Gains on
the same day (or same period) by different holders are a holder contradiction; the rule picks one.
An undated report in a dated document counts as of its publication date; undated documents
and places at country or region level do not enter the control map.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from faultlines.extract.ontology import ontology
from faultlines.reconcile.actors import ActorFold
from faultlines.reconcile.claims import Claim, Contradiction, choose
from faultlines.reconcile.dates import UNDATED, When
from faultlines.reconcile.groups import Evidence, Occurrence
from faultlines.reconcile.places import PlaceIndex
from faultlines.reconcile.relations import Transition, as_reported
from faultlines.store.facts import content_hash

Coalitions = dict[tuple[str, int], str]
"""(folded member, document) -> the coalition that document lists it in."""


def coalitions_from(steps: list[Transition], folds: ActorFold) -> Coalitions:
    """Coalition memberships stated in the text, by member and document."""
    return {(folds.fold(t.a) or t.a, e[0]): t.b for t in steps if t.membership for e in t.evidence}


@dataclass
class Step:
    """A gain or loss of a place at a date."""

    place: int
    effect: str
    holder: str | None
    loser: str | None
    when: When
    occ: Occurrence
    dispute: tuple[list[Claim], int, str] | None = None
    earlier: list[Evidence] = field(default_factory=list)


@dataclass
class ControlFact:
    """A control interval ready to be stored."""

    place: int
    holder: str | None
    start: When
    until: When = UNDATED
    evidence: list[tuple[Evidence, str]] = field(default_factory=list)
    confidence: float = 0.0
    disputes: list[tuple[list[Claim], int, str]] = field(default_factory=list)

    def signature(self) -> str:
        """Hash of everything stored for the interval."""
        raw = [
            self.place,
            self.holder,
            self.start.iso(),
            self.start.precision,
            self.until.iso(),
            self.until.precision,
            sorted(self.evidence),
            self.confidence,
        ]
        return content_hash(raw)


def control_types() -> dict[str, str]:
    """Event type -> holder_gains / holder_loses, from the ontology, plus a local unit's pledge."""
    found = {t.id: t.control for t in ontology() if t.control}
    found["pledge_allegiance"] = "holder_gains"
    return found


#: "A coalition of rebel groups led by the Nusra Front captured ...": the captor named is the leading member.
_LED_COALITION = re.compile(r"\b(coalition|alliance|groups|factions)\b[^.;]{0,60}\bled by\b", re.IGNORECASE)


def coalition_captor(occ: Occurrence, holder: str | None, coalitions: Coalitions, folds: ActorFold) -> str | None:
    """The coalition that took a place when the report credits a coalition led by ``holder`` and one of its
    documents lists ``holder`` among that coalition's members; otherwise ``holder``."""
    if holder is None or not any(_LED_COALITION.search(e[4]) for e in occ.evidence):
        return holder
    for document in sorted(occ.documents):
        coalition = coalitions.get((folds.fold(holder) or holder, document))
        if coalition is not None:
            return coalition
    return holder


def control_steps(
    occurrences: list[Occurrence],
    places: PlaceIndex,
    folds: ActorFold | None = None,
    coalitions: Coalitions | None = None,
) -> list[Step]:
    """Gains and losses of controllable places from dated, not-only-denied canonical events (a capture
    credited to a coalition's leading member goes to the coalition, see :func:`coalition_captor`)."""
    effects = control_types()
    steps = []
    for occ in occurrences:
        effect = effects.get(occ.type)
        if not effect or occ.denied_only or not places.controllable(occ.place):
            continue
        when = occ.when if occ.when.dated else as_reported(occ)
        if when is None or occ.place is None:
            continue
        if occ.type == "pledge_allegiance":
            if occ.actor2:
                steps.append(Step(occ.place, effect, occ.actor2, None, when, occ))
        elif effect == "holder_gains":
            holder = coalition_captor(occ, occ.actor1, coalitions, folds) if folds and coalitions else occ.actor1
            steps.append(Step(occ.place, effect, holder, occ.actor2, when, occ))
        elif occ.actor1 is not None or occ.when.dated:
            # an undated loss by nobody named ("troops fleeing") dates nothing and frees nothing
            steps.append(Step(occ.place, effect, occ.actor1, None, when, occ))
    return steps


def build_control(steps: list[Step], folds: ActorFold) -> list[ControlFact]:
    """Control intervals of every place."""
    by_place: dict[int, list[Step]] = defaultdict(list)
    for step in steps:
        by_place[step.place].append(step)
    facts: list[ControlFact] = []
    for place_steps in by_place.values():
        place_steps.sort(key=lambda s: (s.when.start or "", 0 if s.effect == "holder_loses" else 1, s.occ.id))
        place_steps = _completed_on_withdrawal(place_steps, folds)
        kept = [f for f in _run_place(_resolve_rivals(place_steps, folds), folds) if not _empty(f)]
        facts += _coalesce(kept, folds)
    return facts


def _empty(fact: ControlFact) -> bool:
    return fact.start.dated and fact.start.iso() == fact.until.iso()


def _coalesce(facts: list[ControlFact], folds: ActorFold) -> list[ControlFact]:
    """Join back-to-back intervals of one holder (a withdrawal and return on the same day leave no gap)."""
    out: list[ControlFact] = []
    for fact in facts:
        last = out[-1] if out else None
        if (
            last is not None
            and last.holder is not None
            and folds.fold(last.holder) == folds.fold(fact.holder)
            and last.until.iso() == fact.start.iso()
        ):
            last.until = fact.until
            last.evidence = [(e, r) for e, r in last.evidence if r != "closes"]
            last.evidence += [(e, "supports" if r == "opens" else r) for e, r in fact.evidence]
            last.disputes += fact.disputes
            continue
        out.append(fact)
    return out


#: Days an assault may last between a first gain and the defenders' final withdrawal.
ASSAULT_DAYS = 7


def _completed_on_withdrawal(steps: list[Step], folds: ActorFold) -> list[Step]:
    """A place falls when its defenders withdraw: a holder's gain followed within days by its gain on the
    day another side withdrew from the place (a compound overrun on Friday, the city taken on Sunday as
    the troops pull out) is part of the assault, and the interval opens on the later day."""
    gains = [s for s in steps if s.effect == "holder_gains" and s.holder and s.when.precision == "day"]
    exits = {s.when.start for s in steps if s.effect == "holder_loses" and s.holder and s.when.precision == "day"}
    dropped: set[int] = set()
    for first in gains:
        final = next(
            (
                g
                for g in gains
                if g is not first
                and g.when.start in exits
                and folds.fold(g.holder) == folds.fold(first.holder)
                and 0 < _days(first.when, g.when) <= ASSAULT_DAYS
                and not any(
                    s.effect == "holder_loses"
                    and s.when.start == g.when.start
                    and folds.fold(s.holder) == folds.fold(g.holder)
                    for s in steps
                )
            ),
            None,
        )
        if final is not None:
            final.earlier += first.occ.evidence
            dropped.add(id(first))
    return [s for s in steps if id(s) not in dropped]


def _days(a: When, b: When) -> int:
    assert a.start is not None and b.start is not None
    return (date.fromisoformat(b.start[:10]) - date.fromisoformat(a.start[:10])).days


def _resolve_rivals(steps: list[Step], folds: ActorFold) -> list[Step]:
    """Gains of one place in one period by different holders: keep the chosen one, record the dispute."""
    kept: list[Step] = []
    for step in steps:
        rival = next(
            (
                k
                for k in kept
                if k.effect == step.effect == "holder_gains"
                and k.when.precision == step.when.precision
                and k.when.overlaps(step.when)
                and folds.fold(k.holder) != folds.fold(step.holder)
                and k.holder
                and step.holder
            ),
            None,
        )
        if rival is None:
            kept.append(step)
            continue
        claims = [_claim(rival, folds), _claim(step, folds)]
        chosen, rule = choose(claims)
        winner = rival if chosen == 0 else step
        winner.dispute = (claims, chosen, rule)
        if winner is step:
            kept[kept.index(rival)] = step
    return kept


def _claim(step: Step, folds: ActorFold) -> Claim:
    members = step.occ.members
    return Claim(
        value=folds.fold(step.holder),
        documents=step.occ.documents,
        precision_rank=step.when.rank,
        directness=min(m.directness for m in members),
        reported=max((m.published or "") for m in members),
        evidence=step.occ.evidence,
    )


def _run_place(steps: list[Step], folds: ActorFold) -> list[ControlFact]:
    current: ControlFact | None = None
    done: list[ControlFact] = []
    for step in steps:
        evidence = step.occ.evidence
        if step.effect == "holder_gains":
            if current is not None and (
                (step.holder is None and current.holder is not None)  # an unnamed captor
                or folds.fold(current.holder) == folds.fold(step.holder)
            ):
                current.evidence += [(e, "supports") for e in evidence]
                continue
            if current is not None:
                done.append(_close(current, step))
            elif not done and step.loser:
                done.append(_close(ControlFact(step.place, step.loser, UNDATED, confidence=step.occ.confidence), step))
            current = ControlFact(
                step.place,
                step.holder,
                step.when,
                evidence=[(e, "opens") for e in evidence] + [(e, "supports") for e in step.earlier],
                confidence=step.occ.confidence,
            )
            if step.dispute is not None:
                current.disputes.append(step.dispute)
            continue
        holder = current.holder if current is not None else None
        if current is not None and holder is not None and not step.holder:
            continue  # an unnamed side withdrew: not evidence that the known holder left
        if current is not None and holder is None:
            current.evidence += [(e, "supports") for e in evidence]
            continue
        if current is not None and step.holder and folds.fold(holder) != folds.fold(step.holder):
            continue  # someone else withdrew from a place another holds: no change
        if current is not None:
            done.append(_close(current, step))
        elif not done and step.holder:
            done.append(_close(ControlFact(step.place, step.holder, UNDATED, confidence=step.occ.confidence), step))
        current = ControlFact(
            step.place, None, step.when, evidence=[(e, "opens") for e in evidence], confidence=step.occ.confidence
        )
    return done + ([current] if current is not None else [])


def _close(fact: ControlFact, step: Step) -> ControlFact:
    fact.until = step.when
    fact.evidence += [(e, "closes") for e in step.occ.evidence]
    return fact


def control_contradictions(facts: list[ControlFact]) -> list[Contradiction]:
    """Holder contradictions attached to the interval the chosen claim opened."""
    return [Contradiction("control", f.signature(), "holder", *f.disputes[0]) for f in facts if f.disputes]
