-- Fewer indexes for every deal write to update (issue 2's write targets). deals_stage and
-- deals_board_totals (0011) both began with (workspace_id, stage_id); one index now serves
-- both: a stage's deals in id order (a page of a board column) and, covering the columns the
-- totals and the per-viewer filter read, a column's count, value and weighted value without
-- touching the table rows.
DROP INDEX deals_board_totals;
DROP INDEX deals_stage;
CREATE INDEX deals_stage
    ON deals(workspace_id, stage_id, id, status, currency, value, probability, owner_id, visible_to);
