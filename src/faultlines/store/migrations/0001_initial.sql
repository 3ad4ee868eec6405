-- 0001_initial: the whole store. Later migrations add to it; none edits a recorded one.

CREATE TABLE documents (
    id                  INTEGER PRIMARY KEY,
    content_hash        TEXT NOT NULL UNIQUE,      -- sha256 of the whitespace-normalised text
    text                TEXT NOT NULL,
    title               TEXT,
    source              TEXT,                      -- the first source that carried it
    url                 TEXT,
    path                TEXT,                      -- origin of the first copy (file, file#row, <stdin>)
    external_id         TEXT,                      -- the input's own id (JSONL/CSV `id`)
    published           TEXT,                      -- ISO date or NULL
    published_precision TEXT,                      -- day / month / year
    published_method    TEXT NOT NULL DEFAULT 'none', -- metadata / dateline / header / credit / ... / none
    published_text      TEXT,                      -- the string the date was read from
    format              TEXT,
    language            TEXT,
    minhash             BLOB,                      -- near-duplicate signature
    status              TEXT NOT NULL DEFAULT 'pending', -- pending -> processed (or failed)
    status_detail       TEXT,
    pipeline_version    TEXT,
    ingested_at         TEXT NOT NULL,
    processed_at        TEXT
);
CREATE INDEX documents_status ON documents(status);
CREATE INDEX documents_published ON documents(published);

-- Every copy of a document that ingest has seen: exact copies, syndicated near copies, re-runs.
CREATE TABLE document_sources (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    origin        TEXT NOT NULL,                   -- path, path#row or <stdin>#hash
    source        TEXT,
    url           TEXT,
    title         TEXT,
    external_id   TEXT,
    published     TEXT,
    content_hash  TEXT NOT NULL,                   -- hash of this copy's own text
    relation      TEXT NOT NULL,                   -- original / exact_duplicate / near_duplicate
    similarity    REAL NOT NULL DEFAULT 1.0,
    seen_at       TEXT NOT NULL,
    UNIQUE (document_id, origin, content_hash)
);
CREATE INDEX document_sources_hash ON document_sources(content_hash);
CREATE INDEX document_sources_origin ON document_sources(origin);

-- Locality-sensitive hashing buckets of the MinHash signatures, for near-duplicate lookup.
CREATE TABLE document_lsh (
    band_key     TEXT NOT NULL,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, document_id)
) WITHOUT ROWID;

-- One row per input the ingest could not use, so a summary can always be rebuilt.
CREATE TABLE ingest_runs (
    id            INTEGER PRIMARY KEY,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    arguments     TEXT NOT NULL,                   -- JSON
    summary       TEXT                             -- JSON
);
CREATE TABLE skipped_inputs (
    id       INTEGER PRIMARY KEY,
    run_id   INTEGER NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,
    origin   TEXT NOT NULL,
    reason   TEXT NOT NULL
);

-- Sentence boundaries of processed documents (evidence points at them by index).
CREATE TABLE sentences (
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

CREATE TABLE actors (
    id             TEXT PRIMARY KEY,               -- stable slug (KB id, or disc:<key> for discovered)
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL DEFAULT 'other',
    country        TEXT,
    parent_id      TEXT REFERENCES actors(id),
    active_from    TEXT,
    active_until   TEXT,
    ucdp_id        INTEGER,
    provisional    INTEGER NOT NULL DEFAULT 0,     -- 1 for actors discovered in the corpus
    origin         TEXT NOT NULL DEFAULT 'kb',     -- kb / discovered / analyst
    merged_into    TEXT REFERENCES actors(id),     -- set by an analyst merge
    renamed_to     TEXT REFERENCES actors(id),
    renamed_on     TEXT
);
CREATE INDEX actors_name ON actors(name);

CREATE TABLE actor_aliases (
    actor_id  TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    alias_key TEXT NOT NULL,                       -- normalised form used for matching
    origin    TEXT NOT NULL DEFAULT 'kb',          -- kb / text / analyst
    PRIMARY KEY (actor_id, alias_key)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_key ON actor_aliases(alias_key);

CREATE TABLE places (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,           -- geonames:<id> or name|country|admin1
    name           TEXT NOT NULL,
    latitude       REAL,
    longitude      REAL,
    country        TEXT,
    admin1         TEXT,
    geonames_id    INTEGER,
    feature        TEXT,
    precision      TEXT,
    acled_precision INTEGER,
    parent_id      INTEGER REFERENCES places(id)
);

-- Every recognised actor, place and date mention, with character offsets.
CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence     INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    kind         TEXT NOT NULL,                    -- actor / place / time
    actor_id     TEXT REFERENCES actors(id),
    place_id     INTEGER REFERENCES places(id),
    value        TEXT,                             -- JSON: normalised interval, method, score
    UNIQUE (document_id, start, end, kind)
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_place ON mentions(place_id);

CREATE TABLE events (
    id                   INTEGER PRIMARY KEY,
    fingerprint          TEXT NOT NULL UNIQUE,     -- deterministic: re-processing finds the same row
    document_id          INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, -- first report
    type                 TEXT NOT NULL,            -- faultlines vocabulary
    acled_event_type     TEXT,
    acled_sub_event_type TEXT,
    plover_type          TEXT,
    actor1_id            TEXT REFERENCES actors(id),
    actor2_id            TEXT REFERENCES actors(id),
    assoc_actor1_ids     TEXT,                     -- JSON list
    assoc_actor2_ids     TEXT,                     -- JSON list
    place_id             INTEGER REFERENCES places(id),
    place_precision      TEXT,
    date_start           TEXT,
    date_end             TEXT,
    date_precision       TEXT,
    fatalities_best      INTEGER,
    fatalities_low       INTEGER,
    fatalities_high      INTEGER,
    modality             TEXT NOT NULL DEFAULT 'asserted',
    attribution          TEXT,
    confidence           REAL,
    canonical_id         INTEGER REFERENCES events(id), -- set when reconciled into another event
    status               TEXT NOT NULL DEFAULT 'active', -- active / rejected (analyst)
    created_at           TEXT NOT NULL
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_date ON events(date_start, date_end);
CREATE INDEX events_actor1 ON events(actor1_id);
CREATE INDEX events_actor2 ON events(actor2_id);
CREATE INDEX events_place ON events(place_id);

-- Evidence for any fact: which document, sentence and characters support it.
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    subject_kind  TEXT NOT NULL,                   -- event / relation / control / claim
    subject_id    INTEGER NOT NULL,
    role          TEXT NOT NULL DEFAULT 'supports', -- supports / opens / closes
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence      INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    UNIQUE (subject_kind, subject_id, role, document_id, start, end)
);
CREATE INDEX evidence_subject ON evidence(subject_kind, subject_id);
CREATE INDEX evidence_document ON evidence(document_id);

CREATE TABLE relations (
    id              INTEGER PRIMARY KEY,
    actor_a         TEXT NOT NULL REFERENCES actors(id),
    actor_b         TEXT NOT NULL REFERENCES actors(id),
    kind            TEXT NOT NULL,                 -- alliance / rivalry / affiliation / split / merger / support
    valid_from      TEXT,
    from_precision  TEXT,
    valid_until     TEXT,
    until_precision TEXT,
    confidence      REAL,
    status          TEXT NOT NULL DEFAULT 'active'
);
CREATE INDEX relations_pair ON relations(actor_a, actor_b);
CREATE INDEX relations_from ON relations(valid_from, valid_until);

CREATE TABLE control (
    id              INTEGER PRIMARY KEY,
    place_id        INTEGER NOT NULL REFERENCES places(id),
    holder_id       TEXT REFERENCES actors(id),    -- NULL: holder unknown (after a withdrawal)
    valid_from      TEXT,
    from_precision  TEXT,
    valid_until     TEXT,
    until_precision TEXT,
    confidence      REAL
);
CREATE INDEX control_place ON control(place_id, valid_from);

CREATE TABLE contradictions (
    id             INTEGER PRIMARY KEY,
    subject_kind   TEXT NOT NULL,                  -- event / relation / control
    subject_id     INTEGER NOT NULL,
    field          TEXT NOT NULL,                  -- date / holder / fatalities / occurred / ...
    chosen_claim   INTEGER,
    rule           TEXT,                           -- why the chosen claim won
    created_at     TEXT NOT NULL,
    UNIQUE (subject_kind, subject_id, field)
);
CREATE TABLE contradiction_claims (
    id                INTEGER PRIMARY KEY,
    contradiction_id  INTEGER NOT NULL REFERENCES contradictions(id) ON DELETE CASCADE,
    value             TEXT NOT NULL                -- JSON
);

-- Analyst decisions; replayed after every re-processing so they survive it.
CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,                     -- merge_actors / split_actor / add_alias / reject_event / edit_event
    target      TEXT NOT NULL,
    payload     TEXT NOT NULL,                     -- JSON
    note        TEXT,
    created_at  TEXT NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0
);

-- Small key/value facts about the store itself (e.g. the fingerprint of the actor KB copied in).
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT
);
