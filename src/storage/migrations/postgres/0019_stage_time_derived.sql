-- Derived data of the stage-time report (docs/reports.md, "Performance"): the visits' durations
-- kept as packed histograms and lists so that a report reads the counts and sums it needs and
-- only the durations around its median and p90, instead of replaying every deal. Nothing here
-- is a source of truth: `pipecrm report rebuild` (or a missing or outdated watermark, report
-- 'stage-time' in report_watermarks) recomputes it all. Every row names its time zone.

-- One row per live deal: its current owner and visibility and its visits to live stages, packed
-- as "pipeline,stage,open,day,value;" (open 0: a visit that ended, on local day `day`, lasting
-- `value` seconds; open 1: the current visit of an open deal, begun on local day `day` at Unix
-- second `value`). A changed deal's old visits are taken out of the histograms and lists.
CREATE TABLE report_stage_time_facts (
    workspace_id BIGINT NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    deal_id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    visible_to BIGINT NOT NULL,
    visits TEXT NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, deal_id)
);

-- Histograms packed as "bucket:count:sum " per pipeline, stage, owner and visibility. kind 1:
-- visits that ended, per local day (grain 1, period = day number) and month (grain 2, period =
-- the month's first day), bucketed by duration, summing seconds. kind 2: the current visits of
-- open deals (grain 0, period 0), bucketed by the local day they began, summing entry times.
CREATE TABLE report_stage_time_hists (
    workspace_id BIGINT NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    pipeline_id BIGINT NOT NULL,
    kind BIGINT NOT NULL,
    grain BIGINT NOT NULL,
    period BIGINT NOT NULL,
    stage_id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    visible_to BIGINT NOT NULL,
    items TEXT NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, pipeline_id, kind, grain, period, stage_id, owner_id,
                 visible_to)
);

-- The values of one histogram bucket, per local month (kind 1: the month's first day; kind 2:
-- 0), as fixed-width (day, value) pairs: what a report reads to select the median or p90.
CREATE TABLE report_stage_time_lists (
    workspace_id BIGINT NOT NULL REFERENCES workspaces(id),
    time_zone TEXT NOT NULL,
    pipeline_id BIGINT NOT NULL,
    kind BIGINT NOT NULL,
    stage_id BIGINT NOT NULL,
    bucket BIGINT NOT NULL,
    month BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    visible_to BIGINT NOT NULL,
    items TEXT NOT NULL,
    PRIMARY KEY (workspace_id, time_zone, pipeline_id, kind, stage_id, bucket, month, owner_id,
                 visible_to)
);
