-- 0012: webhook delivery (an outbox written with each change, a delivery log) and signing
-- secrets; automation rules and their run log; call lists; stage playbooks; campaigns.

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

-- Automation rules (admin-defined data), their conditions and actions, and the run log.
CREATE TABLE automation_rules (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    trigger_type TEXT NOT NULL,
    from_stage_id INTEGER,
    to_stage_id INTEGER,
    idle_days INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    is_deleted INTEGER NOT NULL DEFAULT 0,
    round_robin INTEGER NOT NULL DEFAULT 0,  -- assign_owner's next turn
    created_by INTEGER NOT NULL REFERENCES users(id),
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX automation_rules_trigger ON automation_rules(workspace_id, trigger_type, id);

CREATE TABLE automation_rule_conditions (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    rule_id INTEGER NOT NULL REFERENCES automation_rules(id),
    position INTEGER NOT NULL,
    field TEXT NOT NULL,
    op TEXT NOT NULL,
    value TEXT NOT NULL DEFAULT ''
);
CREATE INDEX automation_rule_conditions_rule ON automation_rule_conditions(workspace_id, rule_id, position);

CREATE TABLE automation_rule_actions (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    rule_id INTEGER NOT NULL REFERENCES automation_rules(id),
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    activity_type TEXT NOT NULL DEFAULT '',
    due_in_days INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    team_id INTEGER,
    field TEXT NOT NULL DEFAULT '',
    value TEXT,
    webhook_id INTEGER,
    campaign_id INTEGER
);
CREATE INDEX automation_rule_actions_rule ON automation_rule_actions(workspace_id, rule_id, position);

-- One row per trigger of a rule. Runs of changes are written in the change's transaction;
-- runs of time triggers carry a trigger_key so that each fires once.
CREATE TABLE automation_runs (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    rule_id INTEGER NOT NULL REFERENCES automation_rules(id),
    trigger_type TEXT NOT NULL,
    trigger_key TEXT,
    object TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    depth INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'skipped', 'failed')),
    result TEXT NOT NULL DEFAULT '',
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE UNIQUE INDEX automation_runs_once ON automation_runs(workspace_id, rule_id, trigger_key);
CREATE INDEX automation_runs_due ON automation_runs(state, id);
CREATE INDEX automation_runs_log ON automation_runs(workspace_id, rule_id, id);

-- Call lists: a segment turned into call activities for chosen reps, each rep's calls in order.
CREATE TABLE call_lists (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    filter_id INTEGER NOT NULL REFERENCES filters(id),
    strategy TEXT NOT NULL CHECK (strategy IN ('round_robin', 'least_open')),
    created_by INTEGER NOT NULL REFERENCES users(id),
    add_time INTEGER NOT NULL
);
CREATE INDEX call_lists_ws ON call_lists(workspace_id, id);

CREATE TABLE call_list_items (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    call_list_id INTEGER NOT NULL REFERENCES call_lists(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    position INTEGER NOT NULL,
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    deal_id INTEGER,
    person_id INTEGER
);
CREATE INDEX call_list_items_rep ON call_list_items(workspace_id, call_list_id, user_id, position);

-- Stage playbooks: the next activity suggested for deals in a stage (defaults in code).
CREATE TABLE stage_playbooks (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    stage_id INTEGER NOT NULL REFERENCES stages(id),
    activity_type TEXT NOT NULL,
    subject TEXT NOT NULL,
    due_in_days INTEGER NOT NULL DEFAULT 0,
    update_time INTEGER NOT NULL
);
CREATE UNIQUE INDEX stage_playbooks_stage ON stage_playbooks(workspace_id, stage_id);

-- Campaigns and promotions: an offer to a segment over a time window, and the deals they won.
CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    offer TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL,
    start_date INTEGER NOT NULL,
    end_date INTEGER NOT NULL,
    filter_id INTEGER REFERENCES filters(id),
    created_by INTEGER NOT NULL REFERENCES users(id),
    add_time INTEGER NOT NULL
);
CREATE INDEX campaigns_ws ON campaigns(workspace_id, id);

CREATE TABLE campaign_deals (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    deal_id INTEGER NOT NULL REFERENCES deals(id),
    add_time INTEGER NOT NULL
);
CREATE UNIQUE INDEX campaign_deals_once ON campaign_deals(workspace_id, campaign_id, deal_id);
