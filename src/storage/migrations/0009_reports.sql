-- Dated exchange rates into each workspace's base currency (issue 7): how many units of the
-- base currency (workspaces.default_currency) one unit of `currency` is worth on `rate_date`.
-- Rows are never updated: changing a rate adds a version with a later entered_time, so a
-- closed deal keeps converting with the version that was current when it closed.
CREATE TABLE exchange_rates (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    currency TEXT NOT NULL,
    rate_date INTEGER NOT NULL,      -- days since 1970-01-01
    rate TEXT NOT NULL,              -- decimal text, e.g. '25400.5'
    entered_by INTEGER,                -- the user who entered it; NULL for the command line
    entered_time INTEGER NOT NULL
);
CREATE INDEX exchange_rates_lookup ON exchange_rates(workspace_id, currency, rate_date, id);

-- Forecast snapshots (issue 7): what the forecast said on a day, so a later report shows the
-- forecast of a past month against what was won in it. One row per snapshot, expected close
-- month, pipeline, owner and visibility, in the base currency; rows are never changed. Owner
-- and visible_to let the visibility views scope the rows like the deals they sum.
CREATE TABLE forecast_snapshots (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    snapshot INTEGER NOT NULL,         -- numbers the workspace's snapshots: 1, 2, ...
    taken_time INTEGER NOT NULL,
    taken_date INTEGER NOT NULL,     -- days since 1970-01-01, in the workspace's time zone
    month TEXT NOT NULL,             -- 'YYYY-MM', the deals' expected close month
    pipeline_id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    visible_to INTEGER NOT NULL,
    open_count INTEGER NOT NULL,
    open_value INTEGER NOT NULL,     -- minor units of base_currency
    weighted_value INTEGER NOT NULL,
    base_currency TEXT NOT NULL
);
CREATE INDEX forecast_snapshots_taken ON forecast_snapshots(workspace_id, taken_date, snapshot);

-- Goals (issue 7): a target for a user, a team or the whole workspace, per month, quarter or
-- year from start_date on. won_value targets are minor units of the base currency.
CREATE TABLE goals (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    assignee_type TEXT NOT NULL CHECK (assignee_type IN ('user', 'team', 'workspace')),
    assignee_id INTEGER,             -- the user or team; NULL for the workspace
    metric TEXT NOT NULL CHECK (metric IN ('won_value', 'deals_won', 'activities_done')),
    target INTEGER NOT NULL,
    period TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'year')),
    start_date INTEGER NOT NULL,     -- days since 1970-01-01: the first period's first day
    pipeline_id INTEGER,             -- deals of this pipeline only; NULL for every pipeline
    add_time INTEGER NOT NULL,
    is_deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX goals_workspace ON goals(workspace_id, id);
