-- claimtrack on PostgreSQL: the schema the SQLite migrations reach by their
-- tenth, in one step (a team database starts empty), with the same
-- guarantees enforced by the same kind of triggers, and the ones a shared
-- server needs on top: nothing truncated, the actor of every operation and
-- status event is the session's user, its time is the server's.
--
-- Texts that the journal hashes (timestamps, evidence lists, old and new
-- values) are stored as the exact text claimtrack hashed, as on SQLite, so
-- that `claims verify` recomputes the same chain on both backends.

-- The owner of the tables (who ran the migrations, normally the set-up
-- account) may do anything, as an owner can in PostgreSQL anyway (it can
-- drop any trigger); everyone else is held to the rules below.
CREATE FUNCTION claimtrack_is_owner() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(session_user, (SELECT tableowner FROM pg_tables
                                      WHERE schemaname = current_schema() AND tablename = 'operations'), 'MEMBER')
$$;

CREATE FUNCTION claimtrack_refuse() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END
$$;

-- A UTC timestamp as claimtrack writes them: 2017-12-18T09:30:00.000000Z.
CREATE DOMAIN claimtrack_time AS text
    CHECK (VALUE ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$');
-- A calendar day, YYYY-MM-DD, that exists.
CREATE DOMAIN claimtrack_day AS text
    CHECK (VALUE ~ '^\d{4}-\d{2}-\d{2}$' AND to_char(VALUE::date, 'YYYY-MM-DD') = VALUE);
CREATE DOMAIN claimtrack_status AS text
    CHECK (VALUE IN ('unverified', 'disputed', 'confirmed', 'refuted', 'unverifiable', 'retracted'));

CREATE TABLE sources (
    id            bigint PRIMARY KEY,
    name          text NOT NULL CHECK (length(btrim(name)) > 0),
    -- The name folded by claimtrack (NFKC, full case folding, default
    -- ignorables out): unique, so look-alike spellings are one source.
    name_key      text NOT NULL UNIQUE,
    name_skeleton text,
    kind          text NOT NULL CHECK (kind IN ('person', 'organization', 'government', 'agency', 'media', 'group')),
    description   text,
    job           text,
    party         text,
    region        text,
    created_at    claimtrack_time NOT NULL
);
CREATE INDEX sources_skeleton ON sources (name_skeleton);

CREATE TABLE source_aliases (
    alias_key text PRIMARY KEY,
    alias     text NOT NULL CHECK (length(btrim(alias)) > 0),
    source_id bigint NOT NULL REFERENCES sources (id)
);
CREATE INDEX source_aliases_source ON source_aliases (source_id);

CREATE TABLE speaks_for (
    speaker_id bigint NOT NULL REFERENCES sources (id),
    org_id     bigint NOT NULL REFERENCES sources (id),
    role       text NOT NULL DEFAULT '',
    since      claimtrack_day,
    until      claimtrack_day,
    PRIMARY KEY (speaker_id, org_id, role),
    CHECK (speaker_id <> org_id),
    CHECK (since IS NULL OR until IS NULL OR since <= until)
);
CREATE INDEX speaks_for_org ON speaks_for (org_id);

CREATE TABLE articles (
    id           bigint PRIMARY KEY,
    uuid         uuid NOT NULL UNIQUE,
    -- The short id people see: the UUID's last 8 hex digits. Byte order
    -- ("C"), so that a prefix is a range the index serves.
    short_id     text COLLATE "C" GENERATED ALWAYS AS (right(replace(uuid::text, '-', ''), 8)) STORED,
    url          text NOT NULL UNIQUE,
    title        text NOT NULL,
    publisher    text,
    published_on claimtrack_day,
    body         text,
    body_sha256  text CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
    created_at   claimtrack_time NOT NULL,
    CHECK ((body IS NULL) = (body_sha256 IS NULL))
);
CREATE INDEX articles_short_id ON articles (short_id);

CREATE TABLE operations (
    id         bigint PRIMARY KEY,
    kind       text NOT NULL CHECK (length(kind) > 0),
    claim_id   bigint,
    source_id  bigint,
    article_id bigint,
    old        text CHECK (old IS NULL OR old::jsonb IS NOT NULL),
    new        text CHECK (new IS NULL OR new::jsonb IS NOT NULL),
    note       text,
    actor      text NOT NULL,
    at         claimtrack_time NOT NULL,
    undoes     bigint REFERENCES operations (id),
    hash       text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX operations_claim ON operations (claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX operations_source ON operations (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX operations_article ON operations (article_id) WHERE article_id IS NOT NULL;
CREATE INDEX operations_undoes ON operations (undoes) WHERE undoes IS NOT NULL;
CREATE INDEX operations_actor ON operations (actor);

CREATE TABLE article_snapshots (
    id          bigint PRIMARY KEY,
    article_id  bigint NOT NULL REFERENCES articles (id),
    body        text NOT NULL,
    body_sha256 text NOT NULL CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
    replaced_at claimtrack_time NOT NULL,
    replaced_by bigint NOT NULL REFERENCES operations (id)
);
CREATE INDEX article_snapshots_article ON article_snapshots (article_id, id);

CREATE TABLE claims (
    id           bigint PRIMARY KEY,
    uuid         uuid NOT NULL UNIQUE,
    short_id     text COLLATE "C" GENERATED ALWAYS AS (right(replace(uuid::text, '-', ''), 8)) STORED,
    article_id   bigint REFERENCES articles (id),
    source_id    bigint NOT NULL REFERENCES sources (id),
    text         text NOT NULL CHECK (length(btrim(text)) > 0),
    quote        text,
    said_on      claimtrack_day,
    -- Denormalised from the history for fast reports; only the history moves it.
    status       claimtrack_status NOT NULL,
    rating       text,
    created_at   claimtrack_time NOT NULL,
    updated_at   claimtrack_time NOT NULL,
    quote_start  bigint,
    quote_end    bigint,
    quote_prefix text,
    quote_suffix text,
    origin       text,
    withdrawn_at claimtrack_time,
    -- Checked at commit: a copy writes the snapshots after the claims.
    snapshot_id  bigint REFERENCES article_snapshots (id) DEFERRABLE INITIALLY DEFERRED,
    language     text CHECK (language ~ '^[A-Za-z0-9-]{2,35}$')
);
CREATE INDEX claims_short_id ON claims (short_id);
-- A source's claims, withdrawn or not (the duplicate check of `add`).
CREATE INDEX claims_source ON claims (source_id, said_on);
CREATE INDEX claims_source_status ON claims (source_id, status, said_on) WHERE withdrawn_at IS NULL;
CREATE INDEX claims_article ON claims (article_id);
CREATE INDEX claims_said_on ON claims (said_on);
CREATE INDEX claims_origin ON claims (origin) WHERE origin IS NOT NULL;

-- Tags match ASCII case-insensitively, as on SQLite (NOCASE).
CREATE TABLE claim_tags (
    claim_id bigint NOT NULL REFERENCES claims (id),
    tag      text NOT NULL CHECK (length(btrim(tag)) > 0)
);
CREATE UNIQUE INDEX claim_tags_unique
    ON claim_tags (claim_id, translate(tag, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'));
CREATE INDEX claim_tags_tag
    ON claim_tags (translate(tag, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'));

CREATE TABLE status_events (
    id           bigint PRIMARY KEY,
    claim_id     bigint NOT NULL REFERENCES claims (id) DEFERRABLE INITIALLY DEFERRED,
    from_status  claimtrack_status,
    to_status    claimtrack_status NOT NULL,
    rating       text,
    note         text,
    evidence     text NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(evidence::jsonb) = 'array'),
    actor        text NOT NULL,
    at           claimtrack_time NOT NULL,
    operation_id bigint,
    effective_on claimtrack_day CHECK (effective_on IS NULL OR effective_on <= substr(at, 1, 10))
);
CREATE INDEX status_events_claim ON status_events (claim_id, id, at, to_status);
CREATE INDEX status_events_operation ON status_events (operation_id);

CREATE TABLE claim_links (
    from_claim bigint NOT NULL REFERENCES claims (id),
    relation   text NOT NULL CHECK (relation IN ('contradicts', 'supports', 'repeats', 'denies', 'retracts')),
    to_claim   bigint NOT NULL REFERENCES claims (id),
    actor      text NOT NULL,
    created_at claimtrack_time NOT NULL,
    PRIMARY KEY (from_claim, relation, to_claim),
    CHECK (from_claim <> to_claim)
);
CREATE INDEX claim_links_to ON claim_links (to_claim);

-- History older than the journal (a copied SQLite file's): the events up
-- to this id are covered by the journal's `upgrade` operation.
CREATE TABLE journal_backfill (events_upto bigint NOT NULL);

-- The desk: who may do what, until when (see `claims team`). A row per
-- member; the roles themselves are PostgreSQL roles named after the
-- database (DB_viewer, DB_checker, DB_editor, DB_admin), each holding the
-- one before.
CREATE TABLE team (
    database   text PRIMARY KEY,
    created_at claimtrack_time NOT NULL,
    created_by text NOT NULL
);
CREATE TABLE team_members (
    login    text PRIMARY KEY,
    role     text NOT NULL CHECK (role IN ('viewer', 'checker', 'editor', 'admin')),
    until    claimtrack_day,
    added_by text NOT NULL DEFAULT session_user,
    added_at claimtrack_time NOT NULL
);

-- The group role of a kind in this database.
CREATE FUNCTION claimtrack_role(kind text) RETURNS text
LANGUAGE sql STABLE AS $$ SELECT current_database() || '_' || kind $$;

-- Whether the session's user may act as `kind` today: a member of that
-- role (or a higher one), whose membership has not run out. Without a
-- team (a database only its owner uses), the owner may do anything.
CREATE FUNCTION claimtrack_may(kind text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT claimtrack_is_owner() OR (
        EXISTS (SELECT 1 FROM pg_roles WHERE rolname = claimtrack_role(kind))
        AND pg_has_role(session_user, claimtrack_role(kind), 'MEMBER')
        AND NOT EXISTS (SELECT 1 FROM team_members
                        WHERE login = session_user AND until IS NOT NULL AND until < to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD'))
    )
$$;

-- The server's time, as claimtrack writes it.
CREATE FUNCTION claimtrack_now() RETURNS text
LANGUAGE sql VOLATILE AS $$
    SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

-- Append-only tables: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE TRIGGER operations_no_update BEFORE UPDATE ON operations
    FOR EACH ROW EXECUTE FUNCTION claimtrack_refuse('the journal is append-only: an operation cannot be changed');
CREATE TRIGGER operations_no_delete BEFORE DELETE ON operations
    FOR EACH ROW EXECUTE FUNCTION claimtrack_refuse('the journal is append-only: an operation cannot be deleted');
CREATE TRIGGER operations_no_truncate BEFORE TRUNCATE ON operations
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_refuse('the journal is append-only: it cannot be truncated');
CREATE TRIGGER status_events_no_update BEFORE UPDATE ON status_events
    FOR EACH ROW EXECUTE FUNCTION claimtrack_refuse('status history is append-only: an event cannot be changed');
CREATE TRIGGER status_events_no_delete BEFORE DELETE ON status_events
    FOR EACH ROW EXECUTE FUNCTION claimtrack_refuse('status history is append-only: an event cannot be deleted');
CREATE TRIGGER status_events_no_truncate BEFORE TRUNCATE ON status_events
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_refuse('status history is append-only: it cannot be truncated');
CREATE TRIGGER article_snapshots_no_update BEFORE UPDATE ON article_snapshots
    FOR EACH ROW EXECUTE FUNCTION claimtrack_refuse('article snapshots are append-only: a snapshot cannot be changed');
CREATE TRIGGER article_snapshots_no_delete BEFORE DELETE ON article_snapshots
    FOR EACH ROW EXECUTE FUNCTION claimtrack_refuse('article snapshots are append-only: a snapshot cannot be deleted');
CREATE TRIGGER article_snapshots_no_truncate BEFORE TRUNCATE ON article_snapshots
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_refuse('article snapshots are append-only: they cannot be truncated');
-- Claims, sources and articles hold what the history refers to.
CREATE TRIGGER claims_no_truncate BEFORE TRUNCATE ON claims
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_refuse('claims cannot be truncated: their history refers to them');
CREATE TRIGGER sources_no_truncate BEFORE TRUNCATE ON sources
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_refuse('sources cannot be truncated: the journal refers to them');
CREATE TRIGGER articles_no_truncate BEFORE TRUNCATE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_refuse('articles cannot be truncated: the journal refers to them');
CREATE TRIGGER claim_tags_no_truncate BEFORE TRUNCATE ON claim_tags
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_refuse('tags cannot be truncated: the journal recorded them');
CREATE TRIGGER claim_links_no_truncate BEFORE TRUNCATE ON claim_links
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_refuse('links cannot be truncated: the journal recorded them');
CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims
    FOR EACH ROW EXECUTE FUNCTION claimtrack_refuse('status history is append-only: a claim with history cannot be deleted');

-- The journal: ids in order, time never backwards, the actor the session's
-- user and the time the server's (for everyone but the owner, who copies
-- a whole database in with its own history: `claims copy`).
CREATE FUNCTION operations_append_in_order() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    last operations%ROWTYPE;
BEGIN
    -- One writer at a time appends to the chain.
    PERFORM pg_advisory_xact_lock(hashtext('claimtrack journal'));
    SELECT * INTO last FROM operations ORDER BY id DESC LIMIT 1;
    IF NEW.id IS DISTINCT FROM coalesce(last.id, 0) + 1 THEN
        RAISE EXCEPTION 'the journal is append-only: an operation id must follow the last one'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.at < last.at THEN
        RAISE EXCEPTION 'an operation is earlier than the one before it: the journal cannot run backwards'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NOT claimtrack_is_owner() THEN
        IF NEW.actor IS DISTINCT FROM session_user::text THEN
            RAISE EXCEPTION 'an operation''s actor is the database user who makes it (%), not %', session_user, NEW.actor
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF abs(extract(epoch FROM (NEW.at::timestamp - clock_timestamp() AT TIME ZONE 'UTC'))) > 300 THEN
            RAISE EXCEPTION 'an operation''s time is the server''s (%), not %', claimtrack_now(), NEW.at
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT claimtrack_may('checker') THEN
            RAISE EXCEPTION '% may not change this database (a viewer, or a membership that has run out)', session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER operations_append_in_order BEFORE INSERT ON operations
    FOR EACH ROW EXECUTE FUNCTION operations_append_in_order();

-- Status events: in order, continuing the claim's history, belonging to
-- the operation appended after them, by the session's user; a checker
-- marks unverified or disputed only.
CREATE FUNCTION status_events_continue_history() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    previous status_events%ROWTYPE;
    last_id bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('claimtrack journal'));
    SELECT max(id) INTO last_id FROM status_events;
    IF NEW.id IS DISTINCT FROM coalesce(last_id, 0) + 1 THEN
        RAISE EXCEPTION 'status history is append-only: an event id must follow the last one'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    -- History older than the journal (copied from a SQLite file that had
    -- it) belongs to no operation; it comes before the first one.
    IF NEW.operation_id IS NULL AND claimtrack_is_owner() AND NOT EXISTS (SELECT 1 FROM operations) THEN
        NULL;
    ELSIF NEW.operation_id IS DISTINCT FROM coalesce((SELECT max(id) FROM operations), 0) + 1 THEN
        RAISE EXCEPTION 'a status event must belong to the operation appended after it'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    SELECT * INTO previous FROM status_events WHERE claim_id = NEW.claim_id ORDER BY id DESC LIMIT 1;
    IF NEW.from_status IS DISTINCT FROM previous.to_status THEN
        RAISE EXCEPTION 'status event does not continue the claim''s history'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.at < previous.at THEN
        RAISE EXCEPTION 'status event is earlier than the claim''s previous event: history cannot run backwards'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NOT claimtrack_is_owner() THEN
        IF NEW.actor IS DISTINCT FROM session_user::text THEN
            RAISE EXCEPTION 'a status event''s actor is the database user who records it (%), not %', session_user, NEW.actor
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.to_status NOT IN ('unverified', 'disputed') AND NOT claimtrack_may('editor') THEN
            RAISE EXCEPTION '% is a checker: marking a claim % takes an editor', session_user, NEW.to_status
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER status_events_continue_history BEFORE INSERT ON status_events
    FOR EACH ROW EXECUTE FUNCTION status_events_continue_history();

-- The claim follows its history: status, rating and time of change.
CREATE FUNCTION status_events_move_claim() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claims
    SET status = NEW.to_status,
        rating = coalesce(NEW.rating, rating),
        updated_at = greatest(updated_at, NEW.at)
    WHERE id = NEW.claim_id
      AND (status IS DISTINCT FROM NEW.to_status OR updated_at < NEW.at
           OR (NEW.rating IS NOT NULL AND rating IS DISTINCT FROM NEW.rating));
    RETURN NULL;
END
$$;
CREATE TRIGGER status_events_move_claim AFTER INSERT ON status_events
    FOR EACH ROW EXECUTE FUNCTION status_events_move_claim();

-- A claim is inserted after its history, in the status and with the
-- rating its history gives; its status and rating change only by history;
-- its id never; its words, speaker, article, date, language or withdrawal
-- only after the operation that records the change.
CREATE FUNCTION claims_follow_history() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    latest status_events%ROWTYPE;
    latest_rating text;
    operation operations%ROWTYPE;
BEGIN
    SELECT * INTO latest FROM status_events WHERE claim_id = NEW.id ORDER BY id DESC LIMIT 1;
    SELECT rating INTO latest_rating FROM status_events
        WHERE claim_id = NEW.id AND rating IS NOT NULL ORDER BY id DESC LIMIT 1;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status IS DISTINCT FROM latest.to_status OR NEW.rating IS DISTINCT FROM latest_rating THEN
            RAISE EXCEPTION 'a claim is inserted only after its history, in the status and with the rating its history gives'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.uuid IS DISTINCT FROM OLD.uuid THEN
        RAISE EXCEPTION 'a claim''s id cannot change: its history would be lost'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.status IS DISTINCT FROM latest.to_status THEN
        RAISE EXCEPTION 'a claim''s status changes only by appending a status event'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.rating IS DISTINCT FROM OLD.rating AND NEW.rating IS DISTINCT FROM latest_rating THEN
        RAISE EXCEPTION 'a claim''s rating changes only by appending a status event'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF (NEW.source_id, NEW.article_id, NEW.text, NEW.quote, NEW.said_on, NEW.withdrawn_at, NEW.language)
        IS DISTINCT FROM (OLD.source_id, OLD.article_id, OLD.text, OLD.quote, OLD.said_on, OLD.withdrawn_at, OLD.language)
    THEN
        SELECT * INTO operation FROM operations ORDER BY id DESC LIMIT 1;
        IF NOT (operation.claim_id IS NOT DISTINCT FROM NEW.id
                OR (operation.kind = 'source.merge' AND operation.source_id = NEW.source_id)) THEN
            RAISE EXCEPTION 'a claim changes only after the operation that records it is in the journal'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER claims_follow_history BEFORE INSERT OR UPDATE ON claims
    FOR EACH ROW EXECUTE FUNCTION claims_follow_history();

-- Sources and articles keep their ids; a source's name is not another's
-- alias, nor an alias another's name; an article's body is replaced only
-- once it was kept as a snapshot.
CREATE FUNCTION source_id_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id THEN
        RAISE EXCEPTION 'a source''s id cannot change' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE FUNCTION article_identity_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.uuid IS DISTINCT FROM OLD.uuid THEN
        RAISE EXCEPTION 'an article''s id cannot change' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.body IS NOT NULL AND NEW.body IS DISTINCT FROM OLD.body
        AND NOT EXISTS (SELECT 1 FROM article_snapshots
                        WHERE id = (SELECT max(id) FROM article_snapshots)
                          AND article_id = OLD.id AND body_sha256 = OLD.body_sha256 AND body = OLD.body)
    THEN
        RAISE EXCEPTION 'an article''s body is replaced only after it is kept as a snapshot'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER sources_id_fixed BEFORE UPDATE ON sources FOR EACH ROW EXECUTE FUNCTION source_id_fixed();
CREATE TRIGGER articles_identity_fixed BEFORE UPDATE ON articles FOR EACH ROW EXECUTE FUNCTION article_identity_fixed();

CREATE FUNCTION source_name_not_an_alias() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM source_aliases WHERE alias_key = NEW.name_key AND source_id <> NEW.id) THEN
        RAISE EXCEPTION 'name is already an alias of another source' USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE FUNCTION source_alias_not_a_name() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM sources WHERE name_key = NEW.alias_key AND id <> NEW.source_id) THEN
        RAISE EXCEPTION 'alias is already the name of another source' USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER sources_name_not_an_alias BEFORE INSERT OR UPDATE ON sources FOR EACH ROW EXECUTE FUNCTION source_name_not_an_alias();
CREATE TRIGGER source_aliases_not_a_name BEFORE INSERT OR UPDATE ON source_aliases FOR EACH ROW EXECUTE FUNCTION source_alias_not_a_name();

-- Nobody but the owner holds any right until `claims team init` grants them.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;

-- A membership that has run out (`claims team add --until`) reads nothing
-- either: every table shows rows only to a member whose time is not up.
-- (The owner is not held by row security; the check runs once a query.)
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['sources', 'source_aliases', 'speaks_for', 'articles', 'operations',
                             'article_snapshots', 'claims', 'claim_tags', 'status_events', 'claim_links',
                             'journal_backfill', 'team', 'team_members']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY member_in_time ON %I USING ((SELECT claimtrack_may(''viewer''))) WITH CHECK ((SELECT claimtrack_may(''checker'')))', t);
    END LOOP;
END
$$;
