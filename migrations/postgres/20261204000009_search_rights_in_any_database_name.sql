-- The search index's rights reach the desk's roles whatever the database
-- is called. The roles are named after the database ("Desk-2026_viewer"
-- for a database "Desk-2026"), and to_regrole reads its argument as an SQL
-- identifier: unquoted, a name with capitals or a hyphen was not found, so
-- `claims team init` set up the roles without the rights on the search
-- index and the embeddings, and every checker's write was refused
-- ("permission denied for table search_backfill"). Quoted, the name is
-- found as it is; the grants are made again for a team set up before.
CREATE OR REPLACE FUNCTION claimtrack_grant_search() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF to_regrole(quote_ident(claimtrack_role('viewer'))) IS NULL THEN
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
