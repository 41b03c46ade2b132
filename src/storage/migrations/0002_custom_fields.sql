-- 0002: custom fields of deals, persons and organizations, and their values.
CREATE TABLE custom_fields (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    entity TEXT NOT NULL CHECK (entity IN ('deal', 'person', 'organization')),
    field_key TEXT NOT NULL,               -- 40 lower-case hex characters
    name TEXT NOT NULL,
    field_type TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '',      -- enum/set: one "id<TAB>label" line per option
    last_option_id INTEGER NOT NULL DEFAULT 0,
    order_nr INTEGER NOT NULL,
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE UNIQUE INDEX custom_fields_key ON custom_fields(workspace_id, field_key);
CREATE INDEX custom_fields_entity ON custom_fields(workspace_id, entity, is_deleted, order_nr);
-- Custom field ids start above 1000, so they never meet the system fields' ids (1..999) in
-- the v1 field lists.
INSERT INTO sqlite_sequence(name, seq) VALUES ('custom_fields', 1000);

-- One row per set value; a cleared value has no row. `value` is the canonical text of the
-- field's type (domain::CheckFieldValue).
CREATE TABLE custom_field_values (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    field_id INTEGER NOT NULL REFERENCES custom_fields(id),
    value TEXT NOT NULL,
    PRIMARY KEY (workspace_id, entity, entity_id, field_id)
) WITHOUT ROWID;
