-- The managed list of lost reasons a deal marked lost may pick from (issue 6, web app).
-- A deal keeps the reason's text in deals.lost_reason, so deleting a reason changes no deal.
CREATE TABLE lost_reasons (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    label TEXT NOT NULL,
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX lost_reasons_workspace ON lost_reasons(workspace_id, is_deleted, id);
