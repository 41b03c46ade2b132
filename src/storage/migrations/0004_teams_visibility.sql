-- Teams, and per-record visibility on every kind of record (issue 4).
-- visible_to follows Pipedrive's values: 1 owner only, 3 and 5 the owner's teams,
-- 7 the whole workspace.
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    manager_user_id INTEGER REFERENCES users(id),
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE UNIQUE INDEX teams_name ON teams(workspace_id, name) WHERE is_deleted = 0;

CREATE TABLE team_members (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    team_id INTEGER NOT NULL REFERENCES teams(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    add_time INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, team_id, user_id)
) WITHOUT ROWID;
CREATE INDEX team_members_user ON team_members(workspace_id, user_id, team_id);

-- The visibility given to new records when a request names none.
ALTER TABLE workspaces ADD COLUMN default_visibility INTEGER NOT NULL DEFAULT 7;
ALTER TABLE activities ADD COLUMN visible_to INTEGER NOT NULL DEFAULT 7;
ALTER TABLE notes ADD COLUMN visible_to INTEGER NOT NULL DEFAULT 7;
