-- Deal labels (issue 6): the workspace's managed list of coloured labels, and the labels of each
-- deal as the ascending comma list of their ids ("3,7"; empty for none), so that a deal's row
-- carries them to every list and a label filter is one LIKE on ',' || label_ids || ','.
-- Deleting a label takes it off every deal.
CREATE TABLE deal_labels (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    color TEXT NOT NULL,
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX deal_labels_workspace ON deal_labels(workspace_id, is_deleted, id);
ALTER TABLE deals ADD COLUMN label_ids TEXT NOT NULL DEFAULT '';
