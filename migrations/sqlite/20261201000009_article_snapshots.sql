-- An article's body is a snapshot of what was published, and quotes are
-- anchored in it. When a newer version replaces it (`claims article edit
-- --body`, or a claim file with a new body), the earlier one is kept here,
-- and the quotes anchored in it keep pointing at it (`claims.snapshot_id`;
-- NULL: the article's current body). Like the history, snapshots are
-- append-only, and the database refuses to replace a body that was not
-- kept first.
CREATE TABLE article_snapshots (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id),
    body        TEXT NOT NULL,
    body_sha256 TEXT NOT NULL CHECK (length(body_sha256) = 64),
    -- When it stopped being the current body, and by which operation.
    replaced_at TEXT NOT NULL,
    replaced_by INTEGER NOT NULL
);
CREATE INDEX article_snapshots_article ON article_snapshots (article_id, id);

CREATE TRIGGER article_snapshots_no_update
BEFORE UPDATE ON article_snapshots
BEGIN
    SELECT RAISE(ABORT, 'article snapshots are append-only: a snapshot cannot be changed');
END;

CREATE TRIGGER article_snapshots_no_delete
BEFORE DELETE ON article_snapshots
BEGIN
    SELECT RAISE(ABORT, 'article snapshots are append-only: a snapshot cannot be deleted');
END;

-- INSERT OR REPLACE deletes without firing delete triggers.
CREATE TRIGGER article_snapshots_no_replace
BEFORE INSERT ON article_snapshots
WHEN EXISTS (SELECT 1 FROM article_snapshots WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'article snapshots are append-only: a snapshot cannot be replaced');
END;

-- A body is replaced (or cleared) only once it was kept: the latest
-- snapshot must be this article's, with this body.
CREATE TRIGGER articles_body_kept_before_replaced
BEFORE UPDATE OF body ON articles
WHEN OLD.body IS NOT NULL AND NEW.body IS NOT OLD.body AND NOT EXISTS (
    SELECT 1 FROM article_snapshots
    WHERE id = (SELECT max(id) FROM article_snapshots)
      AND article_id = OLD.id AND body_sha256 = OLD.body_sha256 AND body = OLD.body
)
BEGIN
    SELECT RAISE(ABORT, 'an article''s body is replaced only after it is kept as a snapshot');
END;

ALTER TABLE claims ADD COLUMN snapshot_id INTEGER REFERENCES article_snapshots (id);
