-- Browser sessions of web sign-in (issue 4). Only a SHA-256 digest of the session secret is
-- stored; the CSRF token is derived from the secret, so it is not stored either.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL,
    add_time INTEGER NOT NULL,
    last_seen_time INTEGER NOT NULL,
    expires_time INTEGER NOT NULL,
    revoked_time INTEGER,
    remote_address TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX sessions_token ON sessions(token_hash);
CREATE INDEX sessions_user ON sessions(workspace_id, user_id) WHERE revoked_time IS NULL;
