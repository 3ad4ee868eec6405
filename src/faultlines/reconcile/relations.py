"""Relations between actors as intervals, from group-relationship events, clashes and statements.

A pledge opens an affiliation, a disavowal closes it and opens a split, a joint action (two groups taking a
place or attacking together) opens an alliance, a merger or declared alliance or
rivalry opens that relation, clashes between two non-state armed groups mean rivalry from that date, and
support by a state opens support. Opening a relation closes the ones it excludes (an alliance ends a
rivalry, a rivalry ends an alliance, a split ends affiliation, alliance and merger). Reports of the same
group-relationship event that give incompatible dates become a date contradiction; the chosen date is used.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from faultlines.extract.ontology import ontology
from faultlines.reconcile.actors import ActorFold
from faultlines.reconcile.claims import Claim, Contradiction, choose
from faultlines.reconcile.dates import UNDATED, When, narrower
from faultlines.reconcile.groups import Evidence, Occurrence
from faultlines.store.facts import content_hash

DIRECTED = frozenset({"affiliation", "support"})
CLOSES = {
    "affiliation": {"rivalry", "split"},
    "alliance": {"rivalry", "split"},
    "rivalry": {"alliance"},
    "split": {"affiliation", "alliance", "merger"},
    "merger": {"rivalry", "split"},
    "support": set(),
}
SUPPORT_TYPES = frozenset({"support", "aid"})


@dataclass
class Transition:
    """Something that starts or ends a relation between two actors at a date."""

    a: str
    b: str
    kind: str
    effect: str
    when: When
    evidence: list[Evidence]
    confidence: float
    origin: str
    order: int = 0
    contradiction: tuple[list[Claim], int, str] | None = None
    membership: bool = False
    """A coalition's member list stated in the text (member ``a`` of coalition ``b``)."""


@dataclass
class RelationFact:
    """A relation interval ready to be stored."""

    a: str
    b: str
    kind: str
    start: When
    until: When = UNDATED
    evidence: list[tuple[Evidence, str]] = field(default_factory=list)
    confidence: float = 0.0
    origin: str = "event"
    disputes: list[tuple[str, tuple[list[Claim], int, str]]] = field(default_factory=list)

    @classmethod
    def opened_by(cls, step: Transition) -> RelationFact:
        """The relation a step opens, its evidence marked as opening it."""
        return cls(
            step.a,
            step.b,
            step.kind,
            step.when,
            evidence=[(e, "opens") for e in step.evidence],
            confidence=step.confidence,
            origin=step.origin,
        )

    def signature(self) -> str:
        """Hash of everything stored for the relation (a re-run with the same facts keeps the row)."""
        raw = [
            self.a,
            self.b,
            self.kind,
            self.start.iso(),
            self.start.precision,
            self.until.iso(),
            self.until.precision,
            sorted(self.evidence),
            self.confidence,
            self.origin,
        ]
        return content_hash(raw)


def relation_effects() -> dict[str, tuple[str, str]]:
    """Event type -> (relation kind, starts/ends), from the ontology."""
    return {t.id: (t.relation, t.relation_effect) for t in ontology() if t.relation and t.relation_effect}


def transitions_from_events(occurrences: list[Occurrence], folds: ActorFold) -> list[Transition]:
    """Transitions implied by canonical events (denied-only events imply nothing)."""
    effects = relation_effects()
    explicit: list[Transition] = []
    clashes: list[Transition] = []
    for occ in occurrences:
        explicit += _joint_action(occ, folds)
        a, b = occ.actor1, occ.actor2
        if not a or not b or folds.fold(a) == folds.fold(b) or occ.denied_only:
            continue
        if occ.type in effects:
            kind, effect = effects[occ.type]
            explicit.append(Transition(a, b, kind, effect, occ.when, occ.evidence, occ.confidence, "event", occ.id))
        elif occ.type == "armed_clash" and folds.is_armed_group(a) and folds.is_armed_group(b):
            when = occ.when if occ.when.dated else as_reported(occ)
            if when is not None:  # an undated clash means rivalry as of its report, not since always
                clashes.append(
                    Transition(a, b, "rivalry", "starts", when, occ.evidence, occ.confidence, "event", occ.id)
                )
        elif occ.type in SUPPORT_TYPES and folds.is_state(a):
            explicit.append(
                Transition(a, b, "support", "starts", occ.when, occ.evidence, occ.confidence, "event", occ.id)
            )
    return _cluster(explicit, folds) + clashes


#: Event types whose co-agents act together: a joint capture or assault means an alliance.
JOINT_TYPES = frozenset({
    "nonstate_overtakes_territory", "government_regains_territory", "armed_clash", "attack",
    "headquarters_established",
})  # fmt: skip


def _joint_action(occ: Occurrence, folds: ActorFold) -> list[Transition]:
    """Alliance openings between the armed groups that carried out one dated event together."""
    if occ.type not in JOINT_TYPES or not occ.actor1 or not occ.when.dated or occ.denied_only:
        return []
    if not folds.is_armed_group(occ.actor1):
        return []
    return [
        Transition(occ.actor1, other, "alliance", "starts", occ.when, occ.evidence, occ.confidence, "event", occ.id)
        for other in occ.co_actors
        if folds.is_armed_group(other) and folds.fold(other) != folds.fold(occ.actor1)
    ]


def as_reported(occ: Occurrence) -> When | None:
    """An undated event in a dated document: true as of the earliest publication that reports it."""
    dates = sorted(m.published for m in occ.members if m.published)
    return When(dates[0], dates[0], "day") if dates else None


def _cluster(steps: list[Transition], folds: ActorFold) -> list[Transition]:
    """One transition per (pair, kind, effect): reports with incompatible dates become claims."""
    groups: dict[tuple[str, ...], list[Transition]] = defaultdict(list)
    for step in steps:
        groups[(*_pair_key(step, folds), step.kind, step.effect)].append(step)
    out = []
    for members in groups.values():
        out.append(_combine(members))
    return out


def _combine(members: list[Transition]) -> Transition:
    dated = [m for m in members if m.when.dated]
    claims: list[tuple[When, list[Transition]]] = []
    for step in sorted(dated, key=lambda s: (s.when.rank, s.order)):
        for i, (when, carriers) in enumerate(claims):
            if when.overlaps(step.when):
                claims[i] = (narrower(when, step.when), [*carriers, step])
                break
        else:
            claims.append((step.when, [step]))
    first = min(members, key=lambda s: s.order)
    evidence = sorted({e for m in members for e in m.evidence})
    combined = Transition(
        first.a,
        first.b,
        first.kind,
        first.effect,
        UNDATED,
        evidence,
        max(m.confidence for m in members),
        "event",
        first.order,
    )
    if not claims:
        return combined
    as_claims = [
        Claim(
            value=when.as_json(),
            documents={e[0] for c in carriers for e in c.evidence},
            precision_rank=when.rank,
            evidence=sorted({e for c in carriers for e in c.evidence}),
        )
        for when, carriers in claims
    ]
    chosen, rule = choose(as_claims)
    combined.when = claims[chosen][0]
    if len(claims) > 1:
        combined.contradiction = (as_claims, chosen, rule)
    return combined


def _pair_key(step: Transition, folds: ActorFold) -> tuple[str, str]:
    fa, fb = folds.fold(step.a) or step.a, folds.fold(step.b) or step.b
    return (fa, fb) if step.kind in DIRECTED else (min(fa, fb), max(fa, fb))


def build_relations(steps: list[Transition], folds: ActorFold) -> list[RelationFact]:
    """Run every pair's transitions in date order and return the intervals they make."""
    by_pair: dict[tuple[str, str], list[Transition]] = defaultdict(list)
    for step in steps:
        fa, fb = folds.fold(step.a) or step.a, folds.fold(step.b) or step.b
        by_pair[(min(fa, fb), max(fa, fb))].append(step)
    facts: list[RelationFact] = []
    for pair_steps in by_pair.values():
        pair_steps.sort(key=lambda s: (s.when.start or "", 0 if s.effect == "ends" else 1, s.order))
        facts += _run_pair(pair_steps, folds)
    return [f for f in facts if not (f.start.dated and f.start.iso() == f.until.iso())]


def _run_pair(steps: list[Transition], folds: ActorFold) -> list[RelationFact]:
    open_: dict[tuple[str, ...], RelationFact] = {}
    done: list[RelationFact] = []
    seen_kinds: set[str] = set()
    event_kinds = {s.kind for s in steps if s.origin == "event"} | (
        {"split"}
        if any(s.origin == "event" and s.kind == "affiliation" and s.effect == "ends" for s in steps)
        else set()
    )
    queue = list(steps)
    while queue:
        step = queue.pop(0)
        key = (step.kind, *_pair_key(step, folds))
        seen_before = step.kind in seen_kinds
        seen_kinds.add(step.kind)
        if step.origin == "statement":
            _state(open_, key, step, event_kinds)
            continue
        if step.effect == "starts":
            _start(open_, done, key, step)
            continue
        match = next((k for k in open_ if k[0] == step.kind), None)
        if match is not None:
            done.append(_close(open_.pop(match), step))
        elif not seen_before:
            done.append(
                _close(
                    RelationFact(step.b, step.a, step.kind, UNDATED, confidence=step.confidence, origin=step.origin),
                    step,
                )
            )
        if step.kind == "affiliation":
            split = Transition(
                step.a,
                step.b,
                "split",
                "starts",
                step.when,
                step.evidence,
                step.confidence,
                step.origin,
                step.order,
                step.contradiction,
            )
            queue.insert(0, split)
    return done + list(open_.values())


def _state(
    open_: dict[tuple[str, ...], RelationFact], key: tuple[str, ...], step: Transition, event_kinds: set[str]
) -> None:
    """A stated relation supports the open one; it opens one only where no event speaks of these kinds."""
    same = next((k for k in open_ if k[0] == step.kind), None)
    if same is not None:
        open_[same].evidence += [(e, "supports") for e in step.evidence]
    elif not ({step.kind} | CLOSES.get(step.kind, set())) & event_kinds and not any(
        k[0] in CLOSES.get(step.kind, set()) for k in open_
    ):
        open_[key] = RelationFact.opened_by(step)


def _start(
    open_: dict[tuple[str, ...], RelationFact], done: list[RelationFact], key: tuple[str, ...], step: Transition
) -> None:
    if key in open_:
        open_[key].evidence += [(e, "supports") for e in step.evidence]
        _note_dispute(open_[key], "from", step)
        return
    for other in [k for k in open_ if k[0] in CLOSES.get(step.kind, set())]:
        done.append(_close(open_.pop(other), step))
    fact = RelationFact.opened_by(step)
    _note_dispute(fact, "from", step)
    open_[key] = fact


def _close(fact: RelationFact, step: Transition) -> RelationFact:
    fact.until = step.when
    fact.evidence += [(e, "closes") for e in step.evidence]
    _note_dispute(fact, "until", step)
    return fact


def _note_dispute(fact: RelationFact, field_name: str, step: Transition) -> None:
    if step.contradiction is not None and step.origin == "event":
        fact.disputes.append((field_name, step.contradiction))


def relation_contradictions(facts: list[RelationFact]) -> list[Contradiction]:
    """Date contradictions attached to the relations they are about (one per fact and field)."""
    out = []
    for fact in facts:
        seen: set[str] = set()
        for field_name, (claims, chosen, rule) in fact.disputes:
            if field_name in seen:
                continue
            seen.add(field_name)
            out.append(Contradiction("relation", fact.signature(), field_name, claims, chosen, rule))
    return out
