-- The first schema refused UPDATE and DELETE on history, but a program
-- writing the file with SQLite's defaults could still get around that:
--   * `INSERT OR REPLACE` / `REPLACE INTO` deletes the conflicting row without
--     firing DELETE triggers (recursive_triggers is off by default), so an
--     event or a claim could be swapped for a forged one;
--   * `UPDATE OR REPLACE claims SET uuid = ...` deleted the claim whose uuid
--     it took;
--   * an explicit event id of 2^63-1 made SQLite pick random ids after it,
--     so later appends failed at random;
--   * a claim could be inserted with a verdict and no history, and its
--     rating changed with no event;
--   * an event could be stamped earlier than the one before it, so that a
--     history ran backwards in time.
-- Every rule below is checked by SQLite itself, whatever program writes.
-- Claimtrack writes a claim's history first and the claim after it (with
-- foreign keys deferred to the commit), so that a claim is only ever
-- inserted in the state its history gives it.

-- History: no row is replaced, ids only grow by one, time never runs back.
CREATE TRIGGER status_events_no_replace
BEFORE INSERT ON status_events
WHEN EXISTS (SELECT 1 FROM status_events WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'status history is append-only: an event cannot be replaced');
END;

CREATE TRIGGER status_events_ids_in_order
AFTER INSERT ON status_events
WHEN NEW.id <> coalesce((SELECT max(id) FROM status_events WHERE id < NEW.id), 0) + 1
BEGIN
    SELECT RAISE(ABORT, 'status history is append-only: an event id must follow the last one');
END;

-- The chain check of the first schema and the new time check look at the
-- same previous event: one trigger, one index seek per appended event
-- (a million-claim import appends a million events or more).
DROP TRIGGER status_events_continue_chain;

CREATE TRIGGER status_events_continue_history
BEFORE INSERT ON status_events
BEGIN
    SELECT CASE
        WHEN NEW.from_status IS NOT previous.to_status
            THEN RAISE(ABORT, 'status event does not continue the claim''s history')
        WHEN NEW.at < previous.at
            THEN RAISE(ABORT, 'status event is earlier than the claim''s previous event: history cannot run backwards')
    END
    FROM (SELECT 1) LEFT JOIN (
        SELECT to_status, at FROM status_events
        WHERE claim_id = NEW.claim_id ORDER BY id DESC LIMIT 1
    ) AS previous;
END;

-- Claims: never replaced, never re-keyed, never given a verdict or a
-- rating that their history does not give them.
CREATE TRIGGER claims_no_replace
BEFORE INSERT ON claims
WHEN EXISTS (SELECT 1 FROM claims WHERE id = NEW.id)
    OR EXISTS (SELECT 1 FROM claims WHERE uuid = NEW.uuid)
BEGIN
    SELECT RAISE(ABORT, 'a claim cannot be replaced: its history would be lost');
END;

-- A claim is inserted only after its history, in the status that history
-- ends in: so no claim is without history, and none has a verdict its
-- history does not give. (Its rating, set at insert from the same history,
-- is guarded on every later change below.)
CREATE TRIGGER claims_insert_follows_history
BEFORE INSERT ON claims
WHEN NEW.status IS NOT (
    SELECT to_status FROM status_events WHERE claim_id = NEW.id ORDER BY id DESC LIMIT 1
)
BEGIN
    SELECT RAISE(ABORT, 'a claim is inserted only after its history, in the status its history gives');
END;

CREATE TRIGGER claims_identity_fixed
BEFORE UPDATE OF id, uuid ON claims
WHEN NEW.id IS NOT OLD.id OR NEW.uuid IS NOT OLD.uuid
BEGIN
    SELECT RAISE(ABORT, 'a claim''s id cannot change: its history would be lost');
END;

CREATE TRIGGER claims_rating_follows_history
BEFORE UPDATE OF rating ON claims
WHEN NEW.rating IS NOT (
    SELECT rating FROM status_events
    WHERE claim_id = NEW.id AND rating IS NOT NULL ORDER BY id DESC LIMIT 1
)
BEGIN
    SELECT RAISE(ABORT, 'a claim''s rating changes only by appending a status event');
END;

-- The records claims point at: a source or an article is never replaced
-- (that would delete it under its claims), and never re-keyed.
CREATE TRIGGER sources_no_replace
BEFORE INSERT ON sources
WHEN EXISTS (SELECT 1 FROM sources WHERE id = NEW.id OR name_key = NEW.name_key)
BEGIN
    SELECT RAISE(ABORT, 'a source cannot be replaced: its claims would lose it');
END;

CREATE TRIGGER sources_id_fixed
BEFORE UPDATE OF id ON sources
WHEN NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'a source''s id cannot change');
END;

CREATE TRIGGER articles_no_replace
BEFORE INSERT ON articles
WHEN EXISTS (SELECT 1 FROM articles WHERE id = NEW.id OR uuid = NEW.uuid OR url = NEW.url)
BEGIN
    SELECT RAISE(ABORT, 'an article cannot be replaced: its claims and snapshot would be lost');
END;

CREATE TRIGGER articles_identity_fixed
BEFORE UPDATE OF id, uuid ON articles
WHEN NEW.id IS NOT OLD.id OR NEW.uuid IS NOT OLD.uuid
BEGIN
    SELECT RAISE(ABORT, 'an article''s id cannot change');
END;
