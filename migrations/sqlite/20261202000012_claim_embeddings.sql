-- The semantic tier of claim matching (docs/matching.md): one sentence
-- embedding per claim, of its indexed text (claim_search's text, quote
-- and notes), with the model that made it and a hash of the text it was
-- made from, so that a claim is embedded again only when that text
-- changes. Derived data like claim_search: rebuilt by claimtrack (`claims
-- embed`, or as a write logs claims), never part of the record.
CREATE TABLE claim_embedding (
    claim_id INTEGER PRIMARY KEY REFERENCES claims (id),
    model    TEXT NOT NULL,
    text_key INTEGER NOT NULL,
    -- 384 little-endian 32-bit floats, unit length.
    vector   BLOB NOT NULL
);
