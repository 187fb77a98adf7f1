-- The semantic tier of claim matching (docs/matching.md), as on SQLite:
-- one sentence embedding per claim, with the model that made it and a
-- hash of the indexed text it was made from. Derived data like
-- claim_search, rebuilt by claimtrack; never part of the record.
CREATE TABLE claim_embedding (
    claim_id bigint PRIMARY KEY REFERENCES claims (id),
    model    text NOT NULL,
    text_key bigint NOT NULL,
    -- 384 little-endian 32-bit floats, unit length.
    vector   bytea NOT NULL
);

-- The embeddings are read and kept like the search index: everyone reads
-- them, a checker and up keeps them in step with what they write.
CREATE OR REPLACE FUNCTION claimtrack_grant_search() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF to_regrole(claimtrack_role('viewer')) IS NULL THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT ON claim_search, match_statistics, search_backfill, claim_embedding TO %I',
                   claimtrack_role('viewer'));
    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON claim_search, match_statistics, search_backfill, claim_embedding TO %I',
                   claimtrack_role('checker'));
END
$$;
REVOKE ALL ON FUNCTION claimtrack_grant_search() FROM PUBLIC;
SELECT claimtrack_grant_search();
