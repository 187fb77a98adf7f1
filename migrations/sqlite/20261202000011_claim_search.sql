-- Full-text search and claim matching (docs/matching.md).
--
-- `claim_search` holds one row per claim (rowid = claims.id): its text,
-- quote, the notes of its history, its source's name and aliases, and its
-- tags, each in the normalized form claimtrack writes (case and accents
-- folded, punctuation gone), so that SQLite's tokenizer and PostgreSQL's
-- split it into the same words. It is derived data, rebuilt by claimtrack
-- from the record at the end of every write that touches a claim; the
-- record itself (claims, history, journal) stays the only truth. A claim
-- written by another program is indexed when claimtrack next touches it.
--
-- The content is stored (not contentless): re-indexing a claim reads its
-- previous row to move the statistics below, and `claims similar` reads
-- candidates' normalized text without joining five tables.
CREATE VIRTUAL TABLE claim_search USING fts5(
    text, quote, notes, source, tags,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- How many indexed claims hold each character gram and each word (by a
-- stable 64-bit hash, see src/matching), and under key 0 how many claims
-- are indexed: the inverse document frequencies of matching.
CREATE TABLE match_statistics (
    key       INTEGER PRIMARY KEY,
    documents INTEGER NOT NULL
);

-- Set when claims exist that were logged before this migration: the next
-- write open indexes them all, once (SQL cannot normalize text the way
-- claimtrack does).
CREATE TABLE search_backfill (pending INTEGER NOT NULL);
INSERT INTO search_backfill SELECT 1 WHERE EXISTS (SELECT 1 FROM claims);
