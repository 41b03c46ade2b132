-- The audit log of security events (issue 4): sign-ins, tokens, users, roles, teams,
-- workspaces and record deletions. Append-only; read newest first, per workspace.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    at INTEGER NOT NULL,
    actor_user_id INTEGER REFERENCES users(id),  -- NULL: the CLI operator, or an unknown user
    event TEXT NOT NULL,
    subject_type TEXT NOT NULL DEFAULT '',
    subject_id INTEGER,
    detail TEXT NOT NULL DEFAULT '',
    remote_address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_ws ON audit_log(workspace_id, id);
CREATE INDEX audit_log_event ON audit_log(workspace_id, event, id);
