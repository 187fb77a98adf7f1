-- A claim was checked on insert for the status its history gives, but not
-- for the rating: a program could insert a claim whose history ends in
-- "refuted" with any rating label it liked. The insert check now holds
-- both, as `claims_rating_follows_history` already does for updates.
DROP TRIGGER claims_insert_follows_history;

CREATE TRIGGER claims_insert_follows_history
BEFORE INSERT ON claims
WHEN NEW.status IS NOT (
        SELECT to_status FROM status_events WHERE claim_id = NEW.id ORDER BY id DESC LIMIT 1
    )
    OR NEW.rating IS NOT (
        SELECT rating FROM status_events
        WHERE claim_id = NEW.id AND rating IS NOT NULL ORDER BY id DESC LIMIT 1
    )
BEGIN
    SELECT RAISE(ABORT, 'a claim is inserted only after its history, in the status and with the rating its history gives');
END;
