-- Who is the owner, and what a member may do, asked by every statement a
-- member runs (row security's policies call claimtrack_may) and by every
-- row the history triggers check. As SQL functions that could not be
-- inlined, each call planned its body again, over the pg_tables and
-- pg_roles views: 0.35 ms a call once warm, 2.8 ms the first time in a
-- session, so a member's `claims add` took 39 ms where the owner's took
-- 31. In PL/pgSQL each query's plan is kept for the session, and the
-- owner and the role are found through pg_class and to_regrole, without
-- the views. The answers are the same as before.
CREATE OR REPLACE FUNCTION claimtrack_is_owner() RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN pg_has_role(session_user,
                       (SELECT c.relowner FROM pg_class c
                        WHERE c.oid = to_regclass(quote_ident(current_schema()) || '.operations')),
                       'MEMBER');
END
$$;

CREATE OR REPLACE FUNCTION claimtrack_may(kind text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
    kind_role oid;
BEGIN
    IF claimtrack_is_owner() THEN
        RETURN true;
    END IF;
    -- A database without a team has no such role.
    kind_role := to_regrole(quote_ident(claimtrack_role(kind)));
    IF kind_role IS NULL OR NOT pg_has_role(session_user, kind_role, 'MEMBER') THEN
        RETURN false;
    END IF;
    RETURN NOT EXISTS (SELECT 1 FROM team_members
                       WHERE login = session_user AND until IS NOT NULL
                         AND until < to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD'));
END
$$;
