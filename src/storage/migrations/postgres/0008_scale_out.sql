-- 0008 (issue 5): what several servers on one database need.
-- The viewer of the running job, set per transaction by the store with
-- set_config('pipecrm.viewer_*', value, true); empty or unset (system work) reads as NULL.
-- The per-connection TEMP VIEWs (storage/sql/visibility_views.cpp) filter rows with them,
-- as SQLite's functions of the same names do.
CREATE FUNCTION pipecrm_viewer_user() RETURNS BIGINT LANGUAGE sql STABLE AS
$$ SELECT CAST(NULLIF(current_setting('pipecrm.viewer_user', true), '') AS BIGINT) $$;
CREATE FUNCTION pipecrm_viewer_workspace() RETURNS BIGINT LANGUAGE sql STABLE AS
$$ SELECT CAST(NULLIF(current_setting('pipecrm.viewer_workspace', true), '') AS BIGINT) $$;
CREATE FUNCTION pipecrm_viewer_role() RETURNS TEXT LANGUAGE sql STABLE AS
$$ SELECT NULLIF(current_setting('pipecrm.viewer_role', true), '') $$;

-- Bumped (nextval) by every server after each write transaction commits and before the writes
-- are acknowledged; DataVersion() reads last_value. Sequences are not transactional, so no
-- two writers wait on each other for it. Called once here so that last_value moves with the
-- first write too.
CREATE SEQUENCE data_version;
SELECT nextval('data_version');
