-- 0003: saved filters with their conditions, and webhook registrations.

CREATE TABLE filters (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('deals', 'org', 'people', 'products', 'activity')),
    user_id INTEGER NOT NULL REFERENCES users(id),
    visible_to INTEGER NOT NULL DEFAULT 1,
    temporary_flag INTEGER NOT NULL DEFAULT 0,
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX filters_ws ON filters(workspace_id, type, id);

-- One row per condition: group_nr 0 is the "and" group, 1 the "or" group.
CREATE TABLE filter_conditions (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    filter_id INTEGER NOT NULL REFERENCES filters(id),
    group_nr INTEGER NOT NULL CHECK (group_nr IN (0, 1)),
    position INTEGER NOT NULL,
    object TEXT NOT NULL,
    field TEXT NOT NULL,
    operator TEXT NOT NULL,
    value TEXT,
    extra_value TEXT
);
CREATE INDEX filter_conditions_filter ON filter_conditions(workspace_id, filter_id, group_nr, position);

CREATE TABLE webhooks (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    admin_id INTEGER NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    subscription_url TEXT NOT NULL,
    event_action TEXT NOT NULL,
    event_object TEXT NOT NULL,
    version TEXT NOT NULL,
    http_auth_user TEXT NOT NULL DEFAULT '',
    http_auth_password TEXT NOT NULL DEFAULT '',  -- sent with deliveries, never returned
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX webhooks_ws ON webhooks(workspace_id, id);
