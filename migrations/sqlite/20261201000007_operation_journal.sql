-- The journal: every change to the record is an operation, appended in
-- order, that keeps what it changed (old and new values), who, when and
-- why. Like the status history it is append-only, and the database itself
-- refuses to change, delete, replace or reorder an operation. Each
-- operation also carries a SHA-256 over a canonical encoding of itself and
-- the hash of the operation before it (computed by claimtrack: SQLite has no
-- hash function), so that a rewrite that gets past the triggers breaks the
-- chain, and `claims verify` names where.
--
-- Operations name the claim, source or article they touch by internal key,
-- without foreign keys: a removed source is gone from `sources`, but the
-- operation that removed it stays.
CREATE TABLE operations (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (length(kind) > 0),
    claim_id   INTEGER,
    source_id  INTEGER,
    article_id INTEGER,
    old        TEXT CHECK (old IS NULL OR json_valid(old)),
    new        TEXT CHECK (new IS NULL OR json_valid(new)),
    note       TEXT,
    actor      TEXT NOT NULL,
    at         TEXT NOT NULL,
    undoes     INTEGER REFERENCES operations (id),
    hash       TEXT NOT NULL CHECK (length(hash) = 64)
);
CREATE INDEX operations_claim ON operations (claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX operations_source ON operations (source_id) WHERE source_id IS NOT NULL;
-- `claims undo` asks whether an operation was undone already.
CREATE INDEX operations_undoes ON operations (undoes) WHERE undoes IS NOT NULL;

CREATE TRIGGER operations_no_update
BEFORE UPDATE ON operations
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only: an operation cannot be changed');
END;

CREATE TRIGGER operations_no_delete
BEFORE DELETE ON operations
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only: an operation cannot be deleted');
END;

-- No operation replaces another (INSERT OR REPLACE deletes without firing
-- delete triggers), ids only grow by one, and time never runs back.
CREATE TRIGGER operations_append_in_order
BEFORE INSERT ON operations
BEGIN
    SELECT CASE
        WHEN EXISTS (SELECT 1 FROM operations WHERE id = NEW.id)
            THEN RAISE(ABORT, 'the journal is append-only: an operation cannot be replaced')
        WHEN NEW.id IS NOT coalesce((SELECT max(id) FROM operations), 0) + 1
            THEN RAISE(ABORT, 'the journal is append-only: an operation id must follow the last one')
        WHEN NEW.at < (SELECT at FROM operations ORDER BY id DESC LIMIT 1)
            THEN RAISE(ABORT, 'an operation is earlier than the one before it: the journal cannot run backwards')
    END;
END;

-- Every status event from now on belongs to the operation that made it (a
-- mark, an import), which is appended right after its events, in the same
-- transaction: the event must name the next operation id. (No foreign key:
-- settling one when the operation is appended costs a search of the
-- history per operation. claimtrack refuses to commit with an operation
-- left open, and `claims verify` finds an event whose operation never came,
-- by the digests.) Events from before the journal keep NULL and are covered
-- by the `upgrade` operation that claimtrack appends when it first opens
-- the file.
ALTER TABLE status_events ADD COLUMN operation_id INTEGER;

CREATE TRIGGER status_events_belong_to_an_operation
BEFORE INSERT ON status_events
WHEN NEW.operation_id IS NOT coalesce((SELECT max(id) FROM operations), 0) + 1
BEGIN
    SELECT RAISE(ABORT, 'a status event must belong to the operation appended after it');
END;

-- A claim logged by mistake is withdrawn, not deleted: gone from lists and
-- reports by default, its history kept.
ALTER TABLE claims ADD COLUMN withdrawn_at TEXT;

-- A claim's words, speaker, article, date or withdrawal change only after
-- the operation that records the change (with the old and new values) is
-- in the journal: the latest operation must be about this claim, or a
-- merge of sources that moves it.
CREATE TRIGGER claims_change_follows_journal
BEFORE UPDATE OF source_id, article_id, text, quote, said_on, withdrawn_at ON claims
WHEN NOT EXISTS (
    SELECT 1 FROM operations o
    WHERE o.id = (SELECT max(id) FROM operations)
      AND (o.claim_id = NEW.id OR (o.kind = 'source.merge' AND o.source_id = NEW.source_id))
)
BEGIN
    SELECT RAISE(ABORT, 'a claim changes only after the operation that records it is in the journal');
END;

-- Reports and source listings leave withdrawn claims out: the covering
-- index they scan holds the live claims only, so that the filter costs
-- nothing. (Listings that include withdrawn claims read the table.)
DROP INDEX claims_source_status;
CREATE INDEX claims_source_status ON claims (source_id, status, said_on) WHERE withdrawn_at IS NULL;

-- History written before the journal existed is covered by one `upgrade`
-- operation, which claimtrack appends (with digests of every claim and
-- event it covers) the first time it writes to the upgraded file. This row
-- says up to which event that is still to do.
CREATE TABLE journal_backfill (events_upto INTEGER NOT NULL);
INSERT INTO journal_backfill SELECT max(id) FROM status_events HAVING count(*) > 0;
