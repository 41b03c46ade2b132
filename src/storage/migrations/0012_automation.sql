-- 0012: webhook delivery (an outbox written with each change, a delivery log) and signing
-- secrets.

ALTER TABLE webhooks ADD COLUMN secret TEXT NOT NULL DEFAULT '';  -- HMAC key, never returned

-- One row per change that some webhook subscribed to; the snapshots are JSON texts.
CREATE TABLE webhook_events (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    object TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'change', 'delete')),
    entity_id INTEGER NOT NULL,
    actor_user_id INTEGER NOT NULL,
    event_time INTEGER NOT NULL,
    current_json TEXT NOT NULL,
    previous_json TEXT NOT NULL,
    stage_change_json TEXT NOT NULL
);

-- One row per event and subscribed webhook: the outbox and the delivery log in one.
-- A claimed row is 'sending' until next_attempt_time, when it is due again.
CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    webhook_id INTEGER NOT NULL REFERENCES webhooks(id),
    event_id INTEGER NOT NULL REFERENCES webhook_events(id),
    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_status_code INTEGER,
    last_error TEXT NOT NULL DEFAULT '',
    add_time INTEGER NOT NULL,
    next_attempt_time INTEGER NOT NULL,
    delivered_time INTEGER,
    update_time INTEGER NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_attempt_time);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries(workspace_id, webhook_id, id);
