-- For the web app (issue 6). The managed list of lost reasons a deal marked lost may pick from.
-- A deal keeps the reason's text in deals.lost_reason, so deleting a reason changes no deal.
CREATE TABLE lost_reasons (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    label TEXT NOT NULL,
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX lost_reasons_workspace ON lost_reasons(workspace_id, is_deleted, id);

-- The pipeline board's column totals (GET /v1/deals/summary?stage_id=S&status=open) read only
-- this index: the count, value and weighted value of a stage's open deals, with the owner and
-- visibility columns the per-viewer filter needs, without touching the table rows. On 100k
-- deals it makes a column's totals several times faster.
CREATE INDEX deals_board_totals
    ON deals(workspace_id, stage_id, status, currency, value, probability, owner_id, visible_to);
