-- The search index's pending list (GIN's "fast update": new entries are
-- appended to an unsorted list and merged into the index later) is read
-- whole by every search until it is merged, which happens only when it
-- reaches gin_pending_list_limit (4 MB by default) or at a vacuum. After
-- a 100,000-claim import it held 3,754 claims in 221 pages, and each word
-- looked up cost 2.2 ms instead of 0.15; a desk logging claims one at a
-- time keeps it long for weeks. 64 kB (the smallest) bounds the scan to
-- a few pages, while a bulk import still merges its entries in batches:
-- the same 100,000 claims imported in 13.2 s against 13.8 s with 4 MB,
-- and 16.9 s with no pending list at all (fastupdate = off).
ALTER INDEX claim_search_document SET (gin_pending_list_limit = 64);
-- Merge what an earlier import left in it.
SELECT gin_clean_pending_list('claim_search_document'::regclass);
