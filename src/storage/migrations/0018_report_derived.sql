-- Derived report data (issue 7's performance targets, docs/reports.md "Performance"): what the
-- funnel needs, folded from the deal event log and the deals' current state so that a report
-- adds up a few thousand sums instead of replaying every deal. Nothing here is a source of
-- truth: `pipecrm report rebuild` (or a missing or outdated watermark) recomputes it all.
-- Local days are in one time zone, so every row names the zone it was folded in.

-- How far the derived data of a report in one time zone is folded: the last deal_events id, the
-- latest deals.update_time and activities.update_time seen, and a fingerprint of the other inputs (base currency,
-- exchange rates, live stages in order); a different fingerprint means a full rebuild.
CREATE TABLE report_watermarks (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    report TEXT NOT NULL,
    last_event_id INTEGER NOT NULL,
    last_update_time INTEGER NOT NULL,
    last_activity_update_time INTEGER NOT NULL,
    inputs TEXT NOT NULL,
    folded_time INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, report)
);

-- One row per live deal and stage of a pipeline it reached (docs/reports.md, "Reaching a
-- stage"): the local day it first reached it, its current owner and visibility, its value in
-- the base currency, whether it reached the next stage, and its state there now (0 not there,
-- 1 open, 2 won, 3 lost). `currency` is empty, or names the deal's currency when it has no
-- rate (value 0). A changed deal's rows are subtracted from the sums and replaced.
CREATE TABLE report_funnel_facts (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    deal_id INTEGER NOT NULL,
    pipeline_id INTEGER NOT NULL,
    stage_id INTEGER NOT NULL,
    reach_day INTEGER NOT NULL,      -- days since 1970-01-01, in time_zone
    owner_id INTEGER NOT NULL,
    visible_to INTEGER NOT NULL,
    value INTEGER NOT NULL,
    moved_on INTEGER NOT NULL,
    state INTEGER NOT NULL,
    currency TEXT NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, deal_id, stage_id)
);
CREATE INDEX report_funnel_facts_unconverted
    ON report_funnel_facts(workspace_id, time_zone, pipeline_id, currency);

-- The facts added up per local day (grain 1, period = the day) and per local month (grain 2,
-- period = the month's first day), by pipeline, stage, owner and visibility: a period is its
-- whole months plus the days at either end. owner_id and visible_to let the visibility
-- predicate of the deals scope the sums.
CREATE TABLE report_funnel_sums (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    grain INTEGER NOT NULL,
    period INTEGER NOT NULL,
    pipeline_id INTEGER NOT NULL,
    stage_id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    visible_to INTEGER NOT NULL,
    reached INTEGER NOT NULL,
    reached_value INTEGER NOT NULL,
    moved_on INTEGER NOT NULL,
    moved_on_value INTEGER NOT NULL,
    now_won INTEGER NOT NULL,
    now_won_value INTEGER NOT NULL,
    now_lost INTEGER NOT NULL,
    now_lost_value INTEGER NOT NULL,
    now_open INTEGER NOT NULL,
    now_open_value INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, pipeline_id, grain, period, stage_id, owner_id, visible_to)
);

-- The leaderboard's facts: one row per live deal (its pipeline, current owner and visibility,
-- the local days it was added, won and lost — won_day and lost_day only while it is won or lost
-- — the won value in the base currency and the seconds from add to won), and one per live
-- activity marked done (owner, visibility, type, local day done).
CREATE TABLE report_deal_facts (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    deal_id INTEGER NOT NULL,
    pipeline_id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    visible_to INTEGER NOT NULL,
    add_day INTEGER NOT NULL,
    won_day INTEGER,
    won_value INTEGER NOT NULL,
    won_seconds INTEGER NOT NULL,
    lost_day INTEGER,
    currency TEXT NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, deal_id)
);
CREATE INDEX report_deal_facts_unconverted
    ON report_deal_facts(workspace_id, time_zone, currency);
CREATE TABLE report_activity_facts (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    activity_id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    visible_to INTEGER NOT NULL,
    type TEXT NOT NULL,
    done_day INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, activity_id)
);

-- Their sums per local day (grain 1) and month (grain 2), by measure ('added', 'won', 'lost'
-- per pipeline; 'done' per activity type, pipeline 0), owner and visibility.
CREATE TABLE report_leaderboard_sums (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    grain INTEGER NOT NULL,
    period INTEGER NOT NULL,
    measure TEXT NOT NULL,
    type TEXT NOT NULL,
    pipeline_id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    visible_to INTEGER NOT NULL,
    items INTEGER NOT NULL,
    value INTEGER NOT NULL,
    seconds INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, grain, period, measure, type, pipeline_id, owner_id,
                 visible_to)
);
