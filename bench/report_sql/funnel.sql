-- The funnel of the first pipeline, all time, as plain SQL for the sqlite3 tool: per stage, the
-- deals that reached it (put in it or a later stage), moved on, and are won, lost or open there.
WITH pipeline AS (
  SELECT id FROM pipelines WHERE workspace_id = 1 AND is_deleted = 0 ORDER BY order_nr LIMIT 1),
stage AS (
  SELECT id, order_nr FROM stages
  WHERE workspace_id = 1 AND is_deleted = 0 AND pipeline_id = (SELECT id FROM pipeline)),
deepest AS (
  SELECT e.deal_id, MAX(s.order_nr) AS top
  FROM deal_events e JOIN stage s ON s.id = e.to_stage_id JOIN deals d ON d.id = e.deal_id
  WHERE e.workspace_id = 1 AND e.kind IN ('created', 'stage_moved') AND d.status <> 'deleted'
  GROUP BY e.deal_id),
reach AS (
  SELECT s.id AS stage_id, s.order_nr, COUNT(*) AS reached, SUM(d.value) AS reached_value,
         SUM(m.top > s.order_nr) AS moved_on,
         SUM(d.stage_id = s.id AND d.status = 'won') AS won,
         SUM(d.stage_id = s.id AND d.status = 'lost') AS lost,
         SUM(d.stage_id = s.id AND d.status = 'open') AS open
  FROM stage s JOIN deepest m ON m.top >= s.order_nr JOIN deals d ON d.id = m.deal_id
  GROUP BY s.id)
SELECT * FROM reach ORDER BY order_nr;
