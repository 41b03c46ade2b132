-- The forecast's derived data (docs/reports.md, "Performance"): folded from the deals and
-- their event logs per time zone, kept current like the funnel's (report_watermarks, report
-- 'forecast'). Nothing here is a source of truth: a missing or outdated watermark, or
-- `pipecrm report rebuild`, recomputes it all.

-- One row per live deal: its pipeline, stage, current owner and visibility, state (1 open,
-- 2 won, 3 lost), the day that places it (an open deal's expected close date, a won deal's
-- local won day; NULL otherwise), its value in the base currency, the probability its weighted
-- value uses (its own, else its stage's), the stages a closed deal was ever in (comma-separated
-- ids) and `currency`: empty, or the deal's currency when it has no rate (value 0).
CREATE TABLE report_forecast_facts (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    deal_id INTEGER NOT NULL,
    pipeline_id INTEGER NOT NULL,
    stage_id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    visible_to INTEGER NOT NULL,
    state INTEGER NOT NULL,
    day INTEGER,
    value INTEGER NOT NULL,
    probability INTEGER NOT NULL,
    visited TEXT NOT NULL,
    currency TEXT NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, deal_id)
);
CREATE INDEX report_forecast_facts_unconverted
    ON report_forecast_facts(workspace_id, time_zone, currency);

-- Won deals and their value per local day (grain 1) and month (grain 2, period = its first
-- day), pipeline, owner and visibility.
CREATE TABLE report_forecast_won_sums (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    grain INTEGER NOT NULL,
    period INTEGER NOT NULL,
    pipeline_id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    visible_to INTEGER NOT NULL,
    won INTEGER NOT NULL,
    won_value INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, grain, period, pipeline_id, owner_id, visible_to)
);

-- Per stage, owner and visibility: the closed deals that were ever in the stage, and how many
-- of them are won (the empirical probability of the deals in a report's scope).
CREATE TABLE report_forecast_stage_closes (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    stage_id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    visible_to INTEGER NOT NULL,
    closed INTEGER NOT NULL,
    won INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, stage_id, owner_id, visible_to)
);

-- The open deals, packed: one row per pipeline, stage, owner, visibility and expected close
-- month (its first day as days since 1970-01-01; -1 for no expected close date), `deals` a
-- compact text list of (deal id, expected close day, value, probability) items (see
-- storage/sql/forecast_fact_table.cpp) and `items` their number.
CREATE TABLE report_forecast_lists (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    pipeline_id INTEGER NOT NULL,
    stage_id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    visible_to INTEGER NOT NULL,
    month INTEGER NOT NULL,
    items INTEGER NOT NULL,
    deals TEXT NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, pipeline_id, stage_id, owner_id, visible_to, month)
);
