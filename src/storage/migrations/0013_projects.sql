-- Project pipelines (issue 10). A pipeline's kind is 'deal' or 'project'; a project is a deal
-- in a project pipeline, so the board, stage moves, the event log and visibility are the deal
-- engine's. What only projects have lives beside the deal, keyed by its id.
ALTER TABLE pipelines ADD COLUMN kind TEXT NOT NULL DEFAULT 'deal';

-- Dates are day numbers (days since 1970-01-01); the budget is minor units of its currency.
CREATE TABLE project_details (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    deal_id INTEGER NOT NULL REFERENCES deals(id),
    start_date INTEGER,
    due_date INTEGER,
    progress INTEGER NOT NULL DEFAULT 0,
    budget INTEGER NOT NULL DEFAULT 0,
    budget_currency TEXT NOT NULL DEFAULT '',
    update_time INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, deal_id)
);

CREATE TABLE project_members (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    deal_id INTEGER NOT NULL REFERENCES deals(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    hours_per_week INTEGER NOT NULL,
    add_time INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, deal_id, user_id)
);
CREATE INDEX project_members_user ON project_members(workspace_id, user_id);

CREATE TABLE project_risks (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    deal_id INTEGER NOT NULL REFERENCES deals(id),
    description TEXT NOT NULL,
    likelihood TEXT NOT NULL,
    impact TEXT NOT NULL,
    contingency TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX project_risks_deal ON project_risks(workspace_id, deal_id, id);

CREATE TABLE project_milestones (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    deal_id INTEGER NOT NULL REFERENCES deals(id),
    name TEXT NOT NULL,
    due_date INTEGER NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX project_milestones_deal ON project_milestones(workspace_id, deal_id, due_date);

-- Deals linked to a project (the sales deals it delivers, say).
CREATE TABLE project_deals (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    deal_id INTEGER NOT NULL REFERENCES deals(id),
    linked_deal_id INTEGER NOT NULL REFERENCES deals(id),
    add_time INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, deal_id, linked_deal_id)
);
