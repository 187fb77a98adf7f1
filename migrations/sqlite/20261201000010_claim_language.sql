-- The language a claim was made in, as a BCP 47 tag ("en", "pt-BR"): data
-- sets carry it (Fact Check Tools' languageCode, ClaimReview's
-- inLanguage), desks that check claims in several languages filter and
-- publish by it, and an export must not drop it. NULL: not recorded.
ALTER TABLE claims ADD COLUMN language TEXT
    CHECK (language IS NULL OR (length(language) BETWEEN 2 AND 35 AND language NOT GLOB '*[^A-Za-z0-9-]*'));

-- Like a claim's words, its language changes only after the operation that
-- records the change is in the journal (claims_change_follows_journal,
-- which cannot be edited, covers the columns that existed before).
CREATE TRIGGER claims_language_follows_journal
BEFORE UPDATE OF language ON claims
WHEN NEW.language IS NOT OLD.language AND NOT EXISTS (
    SELECT 1 FROM operations o
    WHERE o.id = (SELECT max(id) FROM operations)
      AND o.claim_id = NEW.id
)
BEGIN
    SELECT RAISE(ABORT, 'a claim changes only after the operation that records it is in the journal');
END;
