-- Time in stage of the first pipeline, all time, as plain SQL: each entry into a stage lasts
-- until the deal's next stage move, win or loss; count, average, median and p90 days of the
-- finished ones per stage.
WITH pipeline AS (
  SELECT id FROM pipelines WHERE workspace_id = 1 AND is_deleted = 0 ORDER BY order_nr LIMIT 1),
ev AS (
  SELECT e.deal_id, e.kind, e.at, e.to_stage_id,
         LEAD(e.at) OVER (PARTITION BY e.deal_id ORDER BY e.at, e.id) AS next_at
  FROM deal_events e JOIN deals d ON d.id = e.deal_id
  WHERE e.workspace_id = 1 AND d.status <> 'deleted'
    AND e.kind IN ('created', 'stage_moved', 'won', 'lost', 'reopened')),
visit AS (
  SELECT ev.to_stage_id AS stage_id, ev.next_at - ev.at AS secs
  FROM ev JOIN stages s ON s.id = ev.to_stage_id
  WHERE ev.kind IN ('created', 'stage_moved') AND ev.next_at IS NOT NULL
    AND s.pipeline_id = (SELECT id FROM pipeline)),
ranked AS (
  SELECT stage_id, secs, ROW_NUMBER() OVER (PARTITION BY stage_id ORDER BY secs) AS rn,
         COUNT(*) OVER (PARTITION BY stage_id) AS n
  FROM visit)
SELECT stage_id, MAX(n) AS left_count, AVG(secs) / 86400.0 AS avg_days,
       MIN(CASE WHEN rn * 2 >= n THEN secs END) / 86400.0 AS median_days,
       MIN(CASE WHEN rn * 10 >= n * 9 THEN secs END) / 86400.0 AS p90_days
FROM ranked GROUP BY stage_id;
