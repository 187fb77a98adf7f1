-- A claim's search vector is written by claimtrack with its index row
-- instead of being computed by the server: the normalized text's words
-- split at spaces, weighted and placed as `setweight(to_tsvector('simple',
-- ..))` of each part placed them. The parser of `to_tsvector` took 4.0 s
-- of 100,000 claims' index rows where reading the vectors as text took
-- 1.6 s, and it reads a letter as the server's locale does, where SQLite's
-- tokenizer and claimtrack's queries take the normalized words as they
-- are. Existing vectors stay as computed; `claims verify` names any that
-- differs from what claimtrack writes, and `claims reindex` writes them
-- all again.
ALTER TABLE claim_search ALTER COLUMN document DROP EXPRESSION;
ALTER TABLE claim_search ALTER COLUMN document SET NOT NULL;
