-- The history triggers' own lookups (a claim's last event, the journal's
-- head, the latest operation) run with the rights of the tables' owner.
-- As a member, each lookup went through row security, whose policy calls
-- claimtrack_may() once per query: three queries a row, so a member's
-- event cost 0.47 ms against the owner's 0.03 ms. The functions only read
-- and refuse; who may do what is still decided by session_user, which
-- SECURITY DEFINER leaves as it is (only current_user changes).
ALTER FUNCTION status_events_continue_history() SECURITY DEFINER SET search_path = public;
ALTER FUNCTION claims_follow_history() SECURITY DEFINER SET search_path = public;
ALTER FUNCTION operations_append_in_order() SECURITY DEFINER SET search_path = public;
