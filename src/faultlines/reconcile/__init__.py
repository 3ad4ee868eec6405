"""reconcile stage: one model of the corpus from many reports.

``reconcile(conn)`` runs after every processing run and after every analyst correction. It is
incremental (only events not yet reconciled are matched against the canonical events) and idempotent (a
second run changes nothing). Relations, control intervals and contradictions are then re-derived from
the canonical events and synchronised by signature, so unchanged facts keep their rows.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import defaultdict
from typing import Any

from faultlines.reconcile.actors import ActorFold
from faultlines.reconcile.claims import Contradiction
from faultlines.reconcile.confidence import event_confidence
from faultlines.reconcile.control import (
    ControlFact,
    build_control,
    coalitions_from,
    control_contradictions,
    control_steps,
    control_types,
)
from faultlines.reconcile.disagreements import event_contradictions
from faultlines.reconcile.events import merge_pending, repair
from faultlines.reconcile.groups import load_occurrences
from faultlines.reconcile.places import PlaceIndex
from faultlines.reconcile.relations import (
    SUPPORT_TYPES,
    RelationFact,
    build_relations,
    relation_contradictions,
    relation_effects,
    transitions_from_events,
)
from faultlines.reconcile.scope import (
    Scope,
    inputs,
    previous_inputs,
    record_inputs,
    scope_keys,
    stored_in_scope,
    touched_scope,
)
from faultlines.reconcile.statements import statement_transitions
from faultlines.store.db import transaction
from faultlines.store.facts import (
    ClaimRow,
    ContradictionRow,
    FactRow,
    sync_contradictions,
    sync_facts,
)

log = logging.getLogger(__name__)

STATE_KEY = "reconcile_state"


def reconcile(conn: sqlite3.Connection, *, full: bool = False) -> dict[str, Any]:
    """Bring cross-document events, relations, control intervals and contradictions up to date.

    When the run only adds reports (no correction, actor merge, rejection or re-processing since the
    last run), only the actor pairs, places and events they touch are re-derived; otherwise (or with
    ``full``) everything is. Returns counts of what changed: ``events_merged``, ``events_rehomed``,
    ``scope`` (incremental / full) and, per derived table, rows ``added`` and ``removed``.
    """
    with transaction(conn):
        folds, places = ActorFold(conn), PlaceIndex(conn)
        rehomed = repair(conn)
        pending = conn.execute("SELECT COUNT(*) FROM events WHERE status = 'active' AND reconciled = 0").fetchone()[0]
        merged, touched = merge_pending(conn, folds, places)
        state = _store_state(conn)
        previous = conn.execute("SELECT value FROM settings WHERE key = ?", (STATE_KEY,)).fetchone()
        summary: dict[str, Any] = {"events_merged": merged, "events_rehomed": rehomed}
        if not full and previous is not None and previous[0] == state:
            return summary
        now, before = inputs(conn), previous_inputs(conn)
        incremental = (
            not full
            and before is not None
            and rehomed == 0
            and before["structural"] == now["structural"]
            and before["active"] + pending == now["active"]
        )
        scope = None
        if incremental:
            assert before is not None
            scope = touched_scope(conn, folds, touched)
            new_documents = {
                r[0]
                for r in conn.execute("SELECT DISTINCT document_id FROM mentions WHERE id > ?", (before["mentions"],))
            }
            stated = statement_transitions(conn, folds, new_documents) if new_documents else []
            scope.pairs.update(_pair(t.a, t.b, folds) for t in stated)
        _update_confidence(conn)
        summary["scope"] = "incremental" if scope is not None else "full"
        summary.update(_derive(conn, folds, places, scope))
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (STATE_KEY, state))
        record_inputs(conn, now)
    log.info("reconcile: %s", summary)
    return summary


def _pair(a: str, b: str, folds: ActorFold) -> tuple[str, str]:
    fa, fb = folds.fold(a) or a, folds.fold(b) or b
    return (min(fa, fb), max(fa, fb))


def _store_state(conn: sqlite3.Connection) -> str:
    """A cheap fingerprint of everything derived facts depend on; unchanged means nothing to re-derive."""
    parts = [
        conn.execute(
            "SELECT COUNT(*), MAX(id), TOTAL(canonical_id), TOTAL(status = 'active'), TOTAL(length(type)), "
            "TOTAL(COALESCE(place_id, 0)), TOTAL(length(COALESCE(actor1_id, '') || COALESCE(actor2_id, ''))), "
            "TOTAL(length(COALESCE(date_start, ''))), TOTAL(COALESCE(fatalities_best, 0)) FROM events"
        ).fetchone(),
        conn.execute("SELECT COUNT(*), MAX(id) FROM corrections").fetchone(),
        conn.execute("SELECT COUNT(*), COUNT(merged_into), COUNT(renamed_to) FROM actors").fetchone(),
        conn.execute("SELECT COUNT(*), MAX(id) FROM mentions").fetchone(),
    ]
    return repr([tuple(p) for p in parts])


def _update_confidence(conn: sqlite3.Connection) -> None:
    """Confidence and source count of every canonical event, written where they changed."""
    reports: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for key, document_id, modality in conn.execute(
        "SELECT COALESCE(canonical_id, id), document_id, modality FROM events WHERE status = 'active'"
    ):
        reports[key].append((document_id, modality))
    conn.executemany(
        "UPDATE events SET confidence = ?1, source_count = ?2 WHERE id = ?3 "
        "AND (confidence IS NOT ?1 OR source_count IS NOT ?2)",
        [(event_confidence(r), len({d for d, _ in r}), key) for key, r in reports.items()],
    )


def reopen_actor_events(conn: sqlite3.Connection, actor_ids: list[str]) -> None:
    """Send the events of these actors (and events merged into them) back for matching, after a merge."""
    marks = ",".join("?" * len(actor_ids))
    ids = [
        r[0]
        for r in conn.execute(
            f"SELECT id FROM events WHERE actor1_id IN ({marks}) OR actor2_id IN ({marks})", [*actor_ids, *actor_ids]
        )
    ]
    conn.executemany(
        "UPDATE events SET reconciled = 0, canonical_id = NULL WHERE id = ?1 OR canonical_id = ?1", [(i,) for i in ids]
    )


def _derive(conn: sqlite3.Connection, folds: ActorFold, places: PlaceIndex, scope: Scope | None) -> dict[str, Any]:
    """Re-derive relations, control and contradictions (only inside ``scope`` when given) and sync them."""
    wanted = set(relation_effects()) | set(control_types()) | SUPPORT_TYPES | {"armed_clash"}
    keys = scope_keys(conn, folds, scope) if scope is not None else None
    occurrences = load_occurrences(conn, folds, places, wanted, keys)
    steps = transitions_from_events(occurrences, folds) + statement_transitions(conn, folds)
    gains = control_steps(occurrences, places, folds, coalitions_from(steps, folds))
    stored: dict[str, set[int]] = {"relation": set(), "control": set()}
    if scope is not None:
        steps = [t for t in steps if scope.has_pair(t.a, t.b, folds)]
        gains = [g for g in gains if g.place in scope.places]
        stored = stored_in_scope(conn, folds, scope)
    relations = build_relations(steps, folds)
    control = build_control(gains, folds)
    rel_ids, rel_added, rel_removed = sync_facts(
        conn, "relations", [_relation_row(f) for f in relations], stored["relation"] if scope else None
    )
    ctl_ids, ctl_added, ctl_removed = sync_facts(
        conn, "control", [_control_row(f) for f in control], stored["control"] if scope else None
    )
    events = load_occurrences(conn, folds, places, None, scope.groups if scope is not None else None)
    disputes = relation_contradictions(relations) + control_contradictions(control) + event_contradictions(events)
    ids = {"relation": rel_ids, "control": ctl_ids}
    rows = [r for r in (_contradiction_row(c, ids) for c in disputes) if r is not None]
    subjects = None
    if scope is not None:
        subjects = {("relation", i) for i in stored["relation"] | set(rel_ids.values())}
        subjects |= {("control", i) for i in stored["control"] | set(ctl_ids.values())}
        subjects |= {("event", i) for i in scope.groups}
    con_added, con_removed = sync_contradictions(conn, rows, subjects)
    return {
        "relations": {"derived": len(rel_ids), "added": rel_added, "removed": rel_removed},
        "control": {"derived": len(ctl_ids), "added": ctl_added, "removed": ctl_removed},
        "contradictions": {"derived": len(rows), "added": con_added, "removed": con_removed},
    }


def _relation_row(f: RelationFact) -> FactRow:
    values = {
        "actor_a": f.a,
        "actor_b": f.b,
        "kind": f.kind,
        "valid_from": f.start.iso(),
        "from_precision": f.start.precision,
        "valid_until": f.until.iso(),
        "until_precision": f.until.precision,
        "confidence": f.confidence,
        "origin": f.origin,
    }
    return FactRow(f.signature(), values, f.evidence)


def _control_row(f: ControlFact) -> FactRow:
    values = {
        "place_id": f.place,
        "holder_id": f.holder,
        "valid_from": f.start.iso(),
        "from_precision": f.start.precision,
        "valid_until": f.until.iso(),
        "until_precision": f.until.precision,
        "confidence": f.confidence,
        "origin": "event",
    }
    return FactRow(f.signature(), values, f.evidence)


def _contradiction_row(item: Contradiction, ids: dict[str, dict[str, int]]) -> ContradictionRow | None:
    subject_id = item.subject if isinstance(item.subject, int) else ids[item.subject_kind].get(item.subject)
    if subject_id is None:
        return None
    claims = [ClaimRow(c.value, sorted(c.documents), c.evidence) for c in item.claims]
    return ContradictionRow(item.subject_kind, subject_id, item.field, claims, item.chosen, item.rule)
