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
    workspace_id BIGINT NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    deal_id BIGINT NOT NULL,
    pipeline_id BIGINT NOT NULL,
    stage_id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    visible_to BIGINT NOT NULL,
    state BIGINT NOT NULL,
    day BIGINT,
    value BIGINT NOT NULL,
    probability BIGINT NOT NULL,
    visited TEXT NOT NULL,
    currency TEXT NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, deal_id)
);
CREATE INDEX report_forecast_facts_unconverted
    ON report_forecast_facts(workspace_id, time_zone, currency);

-- Won deals and their value per local day (grain 1) and month (grain 2, period = its first
-- day), pipeline, owner and visibility.
CREATE TABLE report_forecast_won_sums (
    workspace_id BIGINT NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    grain BIGINT NOT NULL,
    period BIGINT NOT NULL,
    pipeline_id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    visible_to BIGINT NOT NULL,
    won BIGINT NOT NULL,
    won_value BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, grain, period, pipeline_id, owner_id, visible_to)
);

-- Per stage, owner and visibility: the closed deals that were ever in the stage, and how many
-- of them are won (the empirical probability of the deals in a report's scope).
CREATE TABLE report_forecast_stage_closes (
    workspace_id BIGINT NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    stage_id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    visible_to BIGINT NOT NULL,
    closed BIGINT NOT NULL,
    won BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, stage_id, owner_id, visible_to)
);

-- The open deals, packed: one row per pipeline, stage, owner, visibility and expected close
-- month (its first day as days since 1970-01-01; -1 for no expected close date), `deals` a
-- compact text list of (deal id, expected close day, value, probability) items (see
-- storage/sql/forecast_fact_table.cpp) and `items` their number.
CREATE TABLE report_forecast_lists (
    workspace_id BIGINT NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    pipeline_id BIGINT NOT NULL,
    stage_id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    visible_to BIGINT NOT NULL,
    month BIGINT NOT NULL,
    items BIGINT NOT NULL,
    deals TEXT NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, pipeline_id, stage_id, owner_id, visible_to, month)
);
