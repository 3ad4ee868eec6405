-- 0002_reconcile: what cross-document reconciliation needs on top of 0001.

-- Events: set once an event has been matched against the canonical events (incremental runs skip it),
-- and on a canonical event the number of independent documents that report it.
ALTER TABLE events ADD COLUMN reconciled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN source_count INTEGER;
CREATE INDEX events_canonical ON events(canonical_id);
CREATE INDEX events_pending ON events(id) WHERE reconciled = 0;

-- Evidence a canonical event collected from a duplicate: the duplicate's id (NULL for own evidence).
ALTER TABLE evidence ADD COLUMN from_event INTEGER;

-- Derived facts carry a signature (hash of their content and evidence) so a re-run keeps unchanged rows,
-- and their provenance: what derived them (event / statement / rule).
ALTER TABLE relations ADD COLUMN signature TEXT;
ALTER TABLE relations ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX relations_signature ON relations(signature);
ALTER TABLE control ADD COLUMN signature TEXT;
ALTER TABLE control ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX control_signature ON control(signature);
CREATE INDEX control_from ON control(valid_from, valid_until);
ALTER TABLE contradictions ADD COLUMN signature TEXT;
CREATE UNIQUE INDEX contradictions_signature ON contradictions(signature);

-- The evidence of a relation or control row as JSON (a copy of its evidence rows, read by state queries).
ALTER TABLE relations ADD COLUMN evidence_json TEXT;
ALTER TABLE control ADD COLUMN evidence_json TEXT;

-- A claim in a contradiction: which documents carry it (JSON list), for the choice rule.
ALTER TABLE contradiction_claims ADD COLUMN documents TEXT;
