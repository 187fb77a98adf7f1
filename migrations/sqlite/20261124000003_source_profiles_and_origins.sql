-- What data sets say about a source beyond its name: LIAR gives each
-- PolitiFact speaker a job title, a (US) state and a party. Kept as plain
-- columns so that reports can group by them later.
ALTER TABLE sources ADD COLUMN job TEXT;
ALTER TABLE sources ADD COLUMN party TEXT;
ALTER TABLE sources ADD COLUMN region TEXT;

-- Where a claim came from outside claimtrack, verbatim: a data set's row id
-- ('liar:2635.json'), a fact-check's URL. Imports derive the claim's UUID
-- from it, so that importing the same rows again changes nothing.
ALTER TABLE claims ADD COLUMN origin TEXT;
