"""Writers for derived facts: relations, control intervals and contradictions, each with evidence.

Facts are synchronised by signature (a hash of their content): a run stores the rows that are new,
deletes the rows no longer derived (with their evidence) and leaves unchanged rows, ids included, alone.
Rows without a signature were not derived here (imported or written by hand) and are never touched.
All functions run inside the caller's transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from faultlines.store.db import utcnow

EvidenceRow = tuple[int, int, int, int, str]  # document, sentence, start, end, text

_COLUMNS = {
    "relations": (
        "actor_a",
        "actor_b",
        "kind",
        "valid_from",
        "from_precision",
        "valid_until",
        "until_precision",
        "confidence",
        "origin",
    ),
    "control": (
        "place_id",
        "holder_id",
        "valid_from",
        "from_precision",
        "valid_until",
        "until_precision",
        "confidence",
        "origin",
    ),
}
_SUBJECT = {"relations": "relation", "control": "control"}


@dataclass
class FactRow:
    """A relation or control row to store: its column values and its evidence with roles."""

    signature: str
    values: dict[str, Any]
    evidence: list[tuple[EvidenceRow, str]] = field(default_factory=list)


@dataclass
class ClaimRow:
    """One claim of a contradiction: a JSON value, the documents carrying it and their evidence."""

    value: Any
    documents: list[int]
    evidence: list[EvidenceRow]


@dataclass
class ContradictionRow:
    """A contradiction to store; ``subject_id`` is the id of the event, relation or control row."""

    subject_kind: str
    subject_id: int
    field: str
    claims: list[ClaimRow]
    chosen: int
    rule: str

    def signature(self) -> str:
        """Hash of the contradiction's content."""
        raw = [
            self.subject_kind,
            self.subject_id,
            self.field,
            self.chosen,
            self.rule,
            [[c.value, sorted(c.documents), sorted(c.evidence)] for c in self.claims],
        ]
        return content_hash(raw)


def content_hash(raw: object) -> str:
    """A short stable hash of a fact's stored content (JSON, non-JSON values as strings): a re-run that
    derives the same fact keeps its row."""
    return hashlib.sha256(json.dumps(raw, default=str).encode()).hexdigest()[:32]


def sync_facts(
    conn: sqlite3.Connection, table: str, rows: Sequence[FactRow], scope: set[int] | None = None
) -> tuple[dict[str, int], int, int]:
    """Make ``table`` (relations or control) hold exactly ``rows``; return (signature -> id, added, removed).

    With ``scope`` (row ids), only those stored rows are compared with ``rows``; others stay as they are.
    """
    columns = _COLUMNS[table]
    subject = _SUBJECT[table]
    stored = {
        sig: rid
        for rid, sig in conn.execute(f"SELECT id, signature FROM {table} WHERE signature IS NOT NULL")
        if scope is None or rid in scope
    }
    wanted = {row.signature: row for row in rows}
    gone = [rid for sig, rid in stored.items() if sig not in wanted]
    _delete(conn, table, subject, gone)
    ids = {sig: rid for sig, rid in stored.items() if sig in wanted}
    marks = ", ".join("?" * (len(columns) + 1))
    added = 0
    evidence: list[tuple[Any, ...]] = []
    for sig, row in wanted.items():
        if sig in ids:
            continue
        cursor = conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}, signature, evidence_json) VALUES ({marks}, ?)",
            [row.values.get(c) for c in columns] + [sig, evidence_json(row.evidence)],
        )
        ids[sig] = int(cursor.lastrowid or 0)
        evidence += [(subject, ids[sig], role, *ev) for ev, role in row.evidence]
        added += 1
    _insert_evidence(conn, evidence)
    return ids, added, len(gone)


def _insert_evidence(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO evidence (subject_kind, subject_id, role, document_id, sentence, start, end, text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def evidence_json(evidence: Sequence[tuple[EvidenceRow, str]]) -> str:
    """The evidence as readers show it (one row per role and span, by document and offset), as JSON."""
    unique = {(role, ev[0], ev[2], ev[3]): (ev, role) for ev, role in evidence}
    rows = sorted(unique.values(), key=lambda item: (item[0][0], item[0][2], item[1]))
    return json.dumps(
        [
            {"document": ev[0], "sentence": ev[1], "start": ev[2], "end": ev[3], "text": ev[4], "role": role}
            for ev, role in rows
        ],
        ensure_ascii=False,
    )


def _delete(conn: sqlite3.Connection, table: str, subject: str, ids: list[int]) -> None:
    conn.executemany(f"DELETE FROM {table} WHERE id = ?", [(i,) for i in ids])
    conn.executemany("DELETE FROM evidence WHERE subject_kind = ? AND subject_id = ?", [(subject, i) for i in ids])


def add_evidence(
    conn: sqlite3.Connection, subject_kind: str, subject_id: int, evidence: Sequence[tuple[EvidenceRow, str]]
) -> None:
    """Attach evidence rows (with role opens / closes / supports) to a fact."""
    _insert_evidence(conn, [(subject_kind, subject_id, role, *ev) for ev, role in evidence])


def sync_contradictions(
    conn: sqlite3.Connection, rows: Sequence[ContradictionRow], scope: set[tuple[str, int]] | None = None
) -> tuple[int, int]:
    """Make ``contradictions`` hold exactly ``rows``; return (added, removed).

    With ``scope`` (subject kind and id pairs), only contradictions about those subjects are compared.
    """
    stored = {
        sig: rid
        for rid, sig, kind, subject in conn.execute(
            "SELECT id, signature, subject_kind, subject_id FROM contradictions WHERE signature IS NOT NULL"
        )
        if scope is None or (kind, subject) in scope
    }
    wanted = {row.signature(): row for row in rows}
    gone = [rid for sig, rid in stored.items() if sig not in wanted]
    for rid in gone:
        claim_ids = [
            r[0] for r in conn.execute("SELECT id FROM contradiction_claims WHERE contradiction_id = ?", (rid,))
        ]
        conn.executemany(
            "DELETE FROM evidence WHERE subject_kind = 'claim' AND subject_id = ?", [(c,) for c in claim_ids]
        )
        conn.execute("DELETE FROM contradiction_claims WHERE contradiction_id = ?", (rid,))
        conn.execute("DELETE FROM contradictions WHERE id = ?", (rid,))
    added = 0
    for sig, row in wanted.items():
        if sig in stored:
            continue
        _insert_contradiction(conn, sig, row)
        added += 1
    return added, len(gone)


def _insert_contradiction(conn: sqlite3.Connection, sig: str, row: ContradictionRow) -> None:
    cursor = conn.execute(
        "INSERT INTO contradictions (subject_kind, subject_id, field, rule, created_at, signature) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (row.subject_kind, row.subject_id, row.field, row.rule, utcnow(), sig),
    )
    cid = int(cursor.lastrowid or 0)
    for i, claim in enumerate(row.claims):
        claim_cursor = conn.execute(
            "INSERT INTO contradiction_claims (contradiction_id, value, documents) VALUES (?, ?, ?)",
            (cid, json.dumps(claim.value), json.dumps(sorted(claim.documents))),
        )
        claim_id = int(claim_cursor.lastrowid or 0)
        add_evidence(conn, "claim", claim_id, [(ev, "supports") for ev in claim.evidence])
        if i == row.chosen:
            conn.execute("UPDATE contradictions SET chosen_claim = ? WHERE id = ?", (claim_id, cid))
