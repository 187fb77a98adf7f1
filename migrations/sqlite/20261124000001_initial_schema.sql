-- The first claimtrack schema: sources, articles, claims, their append-only
-- status history and the links between claims.
--
-- Rows are keyed by INTEGER PRIMARY KEY internally (compact joins at a
-- million claims); the public identity of an article or claim is its UUID,
-- stored as a 16-byte BLOB. Dates are 'YYYY-MM-DD' text and timestamps are
-- 'YYYY-MM-DDTHH:MM:SS.ffffffZ' UTC text, so that plain string comparison
-- orders them correctly.

-- Marks the file as a claimtrack database, so that `claims` can refuse an
-- unrelated SQLite file instead of adding tables to it. ('ClTk')
PRAGMA application_id = 1131172971;

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- The name folded for matching (Unicode lowercase, spaces collapsed), by
    -- claimtrack itself: SQLite's NOCASE folds ASCII only, and "ПЕСКОВ" must
    -- find "Песков".
    name_key    TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'government', 'agency', 'media', 'group')),
    description TEXT,
    created_at  TEXT NOT NULL
);

-- Other names a source goes by ("Peskov", "Putin's spokesman"). An alias is
-- unique across all sources, and may not be another source's name, so that a
-- name always resolves to exactly one source.
CREATE TABLE source_aliases (
    alias_key TEXT NOT NULL PRIMARY KEY,
    alias     TEXT NOT NULL CHECK (length(trim(alias)) > 0),
    source_id INTEGER NOT NULL REFERENCES sources (id)
);
CREATE INDEX source_aliases_source ON source_aliases (source_id);

CREATE TRIGGER source_aliases_not_a_name
BEFORE INSERT ON source_aliases
WHEN EXISTS (SELECT 1 FROM sources WHERE name_key = NEW.alias_key AND id <> NEW.source_id)
BEGIN
    SELECT RAISE(ABORT, 'alias is already the name of another source');
END;

CREATE TRIGGER sources_name_not_an_alias
BEFORE INSERT ON sources
WHEN EXISTS (SELECT 1 FROM source_aliases WHERE alias_key = NEW.name_key)
BEGIN
    SELECT RAISE(ABORT, 'name is already an alias of another source');
END;

-- A person (or body) speaking for an organization: Peskov speaks for the
-- Kremlin as press secretary. `since`/`until` bound the role in time; report
-- roll-ups only credit claims made inside that range.
CREATE TABLE speaks_for (
    speaker_id INTEGER NOT NULL REFERENCES sources (id),
    org_id     INTEGER NOT NULL REFERENCES sources (id),
    role       TEXT NOT NULL DEFAULT '',
    since      TEXT,
    until      TEXT,
    PRIMARY KEY (speaker_id, org_id, role),
    CHECK (speaker_id <> org_id),
    CHECK (since IS NULL OR until IS NULL OR since <= until)
);
CREATE INDEX speaks_for_org ON speaks_for (org_id);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    uuid         BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    -- The short id shown to people: the UUID's last 8 hex digits (its random
    -- part; a UUIDv7 starts with a timestamp shared by everything made in the
    -- same minute). Indexed so that prefix lookups are range scans.
    short_id     TEXT GENERATED ALWAYS AS (lower(hex(substr(uuid, 13, 4)))) VIRTUAL,
    url          TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    publisher    TEXT,
    published_on TEXT,
    body         TEXT,
    body_sha256  TEXT,
    created_at   TEXT NOT NULL,
    CHECK ((body IS NULL) = (body_sha256 IS NULL))
);
CREATE INDEX articles_short_id ON articles (short_id);

CREATE TABLE claims (
    id         INTEGER PRIMARY KEY,
    uuid       BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    short_id   TEXT GENERATED ALWAYS AS (lower(hex(substr(uuid, 13, 4)))) VIRTUAL,
    article_id INTEGER REFERENCES articles (id),
    source_id  INTEGER NOT NULL REFERENCES sources (id),
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    quote      TEXT,
    said_on    TEXT,
    -- Denormalised from the history for fast reports; only the triggers on
    -- status_events move it (see claims_status_follows_history).
    status     TEXT NOT NULL CHECK (status IN ('unverified', 'disputed', 'confirmed', 'refuted', 'unverifiable', 'retracted')),
    rating     TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX claims_short_id ON claims (short_id);
-- Reports group by source and count statuses: a covering index makes that an
-- index-only scan. It also serves `list --by SOURCE`.
CREATE INDEX claims_source_status ON claims (source_id, status, said_on);
CREATE INDEX claims_article ON claims (article_id);
CREATE INDEX claims_said_on ON claims (said_on);

CREATE TABLE claim_tags (
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    tag      TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(tag)) > 0),
    PRIMARY KEY (claim_id, tag)
) WITHOUT ROWID;
CREATE INDEX claim_tags_tag ON claim_tags (tag, claim_id);

-- The status history. Append-only: the triggers below make the database
-- itself refuse to change or delete an event, and refuse an event that does
-- not continue the claim's chain (its `from_status` must be the `to_status`
-- of the claim's previous event; NULL for the first).
CREATE TABLE status_events (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims (id),
    from_status TEXT CHECK (from_status IN ('unverified', 'disputed', 'confirmed', 'refuted', 'unverifiable', 'retracted')),
    to_status   TEXT NOT NULL CHECK (to_status IN ('unverified', 'disputed', 'confirmed', 'refuted', 'unverifiable', 'retracted')),
    rating      TEXT,
    note        TEXT,
    evidence    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence) AND json_type(evidence) = 'array'),
    actor       TEXT NOT NULL,
    at          TEXT NOT NULL
);
-- Ordered by (claim, id): the triggers below find a claim's latest event
-- with one seek instead of a sort on every insert, and `report --as-of`
-- (each claim's latest event before a cut-off) is covered too.
CREATE INDEX status_events_claim ON status_events (claim_id, id, at, to_status);

CREATE TRIGGER status_events_no_update
BEFORE UPDATE ON status_events
BEGIN
    SELECT RAISE(ABORT, 'status history is append-only: an event cannot be changed');
END;

CREATE TRIGGER status_events_no_delete
BEFORE DELETE ON status_events
BEGIN
    SELECT RAISE(ABORT, 'status history is append-only: an event cannot be deleted');
END;

CREATE TRIGGER status_events_continue_chain
BEFORE INSERT ON status_events
WHEN NEW.from_status IS NOT (
    SELECT to_status FROM status_events WHERE claim_id = NEW.claim_id ORDER BY id DESC LIMIT 1
)
BEGIN
    SELECT RAISE(ABORT, 'status event does not continue the claim''s history');
END;

-- Fires only when the claim would change, so that a bulk load which writes
-- claims already in their final state pays no UPDATE per event.
CREATE TRIGGER status_events_move_claim
AFTER INSERT ON status_events
WHEN (
    SELECT status IS NOT NEW.to_status
        OR updated_at < NEW.at
        OR (NEW.rating IS NOT NULL AND rating IS NOT NEW.rating)
    FROM claims WHERE id = NEW.claim_id
)
BEGIN
    UPDATE claims
    SET status = NEW.to_status,
        rating = coalesce(NEW.rating, rating),
        updated_at = max(updated_at, NEW.at)
    WHERE id = NEW.claim_id;
END;

CREATE TRIGGER claims_status_follows_history
BEFORE UPDATE OF status ON claims
WHEN NEW.status IS NOT (
    SELECT to_status FROM status_events WHERE claim_id = NEW.id ORDER BY id DESC LIMIT 1
)
BEGIN
    SELECT RAISE(ABORT, 'a claim''s status changes only by appending a status event');
END;

-- A claim with history cannot be deleted: that would delete its history.
CREATE TRIGGER claims_no_delete_with_history
BEFORE DELETE ON claims
WHEN EXISTS (SELECT 1 FROM status_events WHERE claim_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'status history is append-only: a claim with history cannot be deleted');
END;

CREATE TABLE claim_links (
    from_claim INTEGER NOT NULL REFERENCES claims (id),
    relation   TEXT NOT NULL CHECK (relation IN ('contradicts', 'supports', 'repeats', 'denies', 'retracts')),
    to_claim   INTEGER NOT NULL REFERENCES claims (id),
    actor      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (from_claim, relation, to_claim),
    CHECK (from_claim <> to_claim)
) WITHOUT ROWID;
CREATE INDEX claim_links_to ON claim_links (to_claim);
