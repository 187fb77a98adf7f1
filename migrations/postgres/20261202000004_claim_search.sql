-- Full-text search and claim matching (docs/matching.md), as on SQLite:
-- one row per claim with its text, quote, history notes, source names and
-- tags, in the normalized form claimtrack writes (case and accents folded,
-- punctuation gone), so that the 'simple' text search configuration splits
-- it into the same words as SQLite's tokenizer. Derived data, rebuilt by
-- claimtrack at the end of every write that touches a claim; the record
-- (claims, history, journal) stays the only truth.
--
-- Weights: A the claim's text, B its quote, C the notes, D source names
-- and tags. `claims similar` finds candidates in A to C only.
CREATE TABLE claim_search (
    claim_id bigint PRIMARY KEY REFERENCES claims (id),
    text     text NOT NULL,
    quote    text NOT NULL,
    notes    text NOT NULL,
    source   text NOT NULL,
    tags     text NOT NULL,
    document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', text), 'A')
        || setweight(to_tsvector('simple', quote), 'B')
        || setweight(to_tsvector('simple', notes), 'C')
        || setweight(to_tsvector('simple', source || ' ' || tags), 'D')
    ) STORED
);
CREATE INDEX claim_search_document ON claim_search USING gin (document);

-- Documents per gram and word (by claimtrack's stable 64-bit hash), the
-- number of documents under key 0 and their total length in words under
-- key 1: the inverse document frequencies of matching.
CREATE TABLE match_statistics (
    key       bigint PRIMARY KEY,
    documents bigint NOT NULL
);

-- Set when claims exist that were logged before this migration: the next
-- write indexes them all, once.
CREATE TABLE search_backfill (pending integer NOT NULL);
INSERT INTO search_backfill SELECT 1 WHERE EXISTS (SELECT 1 FROM claims);

-- Who may read and maintain the index: everyone reads it; whoever may log
-- a claim (a checker and up) keeps it in step with what they write. It is
-- derived data: writing it directly changes no claim, no verdict and no
-- journal entry.
CREATE FUNCTION claimtrack_grant_search() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF to_regrole(claimtrack_role('viewer')) IS NULL THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT ON claim_search, match_statistics, search_backfill TO %I', claimtrack_role('viewer'));
    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON claim_search, match_statistics, search_backfill TO %I',
                   claimtrack_role('checker'));
END
$$;
REVOKE ALL ON FUNCTION claimtrack_grant_search() FROM PUBLIC;
SELECT claimtrack_grant_search();
