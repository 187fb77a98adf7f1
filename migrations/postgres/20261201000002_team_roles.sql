-- The desk's roles, set up by `claims team init` and kept by `claims team
-- add|remove`. Four PostgreSQL group roles named after the database, each
-- holding the one before, with the rights below; members are login roles
-- granted one of them. The rights are PostgreSQL's, so they hold for any
-- program that connects, psql included:
--
--   viewer   reads everything;
--   checker  also logs sources, articles and claims, and marks claims
--            unverified or disputed (the status trigger refuses the rest);
--   editor   also every status, edits, withdrawals, merges and links;
--   admin    also adds and removes members.

-- Sets the desk up: the four roles and their rights. Run by the owner.
CREATE FUNCTION claimtrack_team_init() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    viewer  text := claimtrack_role('viewer');
    checker text := claimtrack_role('checker');
    editor  text := claimtrack_role('editor');
    admin   text := claimtrack_role('admin');
    kind    text;
BEGIN
    IF NOT claimtrack_is_owner() THEN
        RAISE EXCEPTION 'only the owner of the database (%) can set up its team', (SELECT tableowner FROM pg_tables
            WHERE schemaname = current_schema() AND tablename = 'operations') USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT 1 FROM team) THEN
        RAISE EXCEPTION 'the team of % is already set up (claims team list shows it)', current_database()
            USING ERRCODE = 'unique_violation';
    END IF;
    FOREACH kind IN ARRAY ARRAY[viewer, checker, editor, admin] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = kind) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', kind);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', viewer, checker);
    EXECUTE format('GRANT %I TO %I', checker, editor);
    EXECUTE format('GRANT %I TO %I', editor, admin);

    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), viewer);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', viewer);
    EXECUTE format('GRANT SELECT ON sources, source_aliases, speaks_for, articles, operations, article_snapshots,
                    claims, claim_tags, status_events, claim_links, journal_backfill, team, team_members TO %I', viewer);
    EXECUTE format('GRANT SELECT ON _sqlx_migrations TO %I', viewer);

    EXECUTE format('GRANT INSERT ON sources, source_aliases, speaks_for, articles, claims, claim_tags,
                    status_events, operations TO %I', checker);
    -- What logging and marking move on a claim: its status and rating
    -- (through its history), its quote's place in the snapshot, its origin.
    EXECUTE format('GRANT UPDATE (status, rating, updated_at, quote_start, quote_end, quote_prefix, quote_suffix,
                    snapshot_id, origin) ON claims TO %I', checker);

    EXECUTE format('GRANT UPDATE ON claims, sources, source_aliases, speaks_for, articles TO %I', editor);
    EXECUTE format('GRANT INSERT ON claim_links, article_snapshots TO %I', editor);
    EXECUTE format('GRANT DELETE ON claim_links, claim_tags, speaks_for, source_aliases, sources TO %I', editor);

    -- Every member may call them; they refuse all but admins, by name.
    EXECUTE format('GRANT EXECUTE ON FUNCTION claimtrack_team_add(text, text, text), claimtrack_team_remove(text) TO %I', viewer);

    INSERT INTO team (database, created_at, created_by) VALUES (current_database(), claimtrack_now(), session_user);
END
$$;

-- Makes WHO (a login) a member in role KIND until the day LAST_DAY (NULL: no end),
-- creating the login role when there is none (it then has no password:
-- the server's authentication rules decide how it signs in). Run by an
-- admin (as the owner, which alone may create roles).
CREATE FUNCTION claimtrack_team_add(who text, kind text, last_day text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    other text;
BEGIN
    IF NOT claimtrack_may('admin') THEN
        RAISE EXCEPTION '% is not an admin of %: only admins add members', session_user, current_database()
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM team) THEN
        RAISE EXCEPTION 'the team of % is not set up: run claims team init first', current_database()
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF kind NOT IN ('viewer', 'checker', 'editor', 'admin') THEN
        RAISE EXCEPTION 'unknown role %: expected viewer, checker, editor or admin', kind
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF who IN (claimtrack_role('viewer'), claimtrack_role('checker'), claimtrack_role('editor'), claimtrack_role('admin')) THEN
        RAISE EXCEPTION '% is one of the team''s roles, not a person', who USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', who);
    END IF;
    FOREACH other IN ARRAY ARRAY['viewer', 'checker', 'editor', 'admin'] LOOP
        IF pg_has_role(who, claimtrack_role(other), 'MEMBER')
           AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
                       WHERE r.rolname = claimtrack_role(other) AND u.rolname = who) THEN
            EXECUTE format('REVOKE %I FROM %I', claimtrack_role(other), who);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', claimtrack_role(kind), who);
    INSERT INTO team_members (login, role, until, added_by, added_at)
    VALUES (who, kind, last_day, session_user, claimtrack_now())
    ON CONFLICT (login) DO UPDATE SET role = EXCLUDED.role, until = EXCLUDED.until,
        added_by = EXCLUDED.added_by, added_at = EXCLUDED.added_at;
END
$$;

-- Takes WHO off the team: its role is revoked (the login itself stays,
-- since it may belong to other databases). Run by an admin.
CREATE FUNCTION claimtrack_team_remove(who text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    kind text;
BEGIN
    IF NOT claimtrack_may('admin') THEN
        RAISE EXCEPTION '% is not an admin of %: only admins remove members', session_user, current_database()
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT role INTO kind FROM team_members WHERE login = who;
    IF kind IS NULL THEN
        RAISE EXCEPTION '% is not on the team of %', who, current_database() USING ERRCODE = 'no_data_found';
    END IF;
    EXECUTE format('REVOKE %I FROM %I', claimtrack_role(kind), who);
    DELETE FROM team_members WHERE login = who;
    RETURN kind;
END
$$;

REVOKE ALL ON FUNCTION claimtrack_team_init(), claimtrack_team_add(text, text, text), claimtrack_team_remove(text) FROM PUBLIC;
