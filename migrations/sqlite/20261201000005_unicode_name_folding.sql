-- Source names and aliases were matched by lowercasing alone, so the same
-- person could become two sources: "José" typed composed and decomposed,
-- "Peskov" with a zero-width space or a BOM inside, "Straße" and
-- "STRASSE". Names are now folded with NFKC, full case folding and the
-- removal of default-ignorable characters; claimtrack re-keys the names of
-- an existing database right after this migration (the fold is Unicode's,
-- computed in Rust), and reports names that now collide instead of merging
-- them. `name_folding` records which fold the keys were made with.
--
-- Each source also keeps the UTS #39 confusable skeleton of its name, so
-- that a new name that merely looks like an existing one ("Реskov" with a
-- Cyrillic Р) is flagged when it is added.
ALTER TABLE sources ADD COLUMN name_skeleton TEXT;
CREATE INDEX sources_name_skeleton ON sources (name_skeleton);

CREATE TABLE name_folding (version INTEGER NOT NULL);
INSERT INTO name_folding (version) VALUES (0);
