-- The forecast, all time, as plain SQL: open deals by expected close month, raw, weighted by the
-- configured and by the empirical stage probability (closed deals ever in the stage, share won),
-- beside the value won per month.
WITH visited AS (
  SELECT DISTINCT e.deal_id, e.to_stage_id AS stage_id FROM deal_events e
  WHERE e.workspace_id = 1 AND e.kind IN ('created', 'stage_moved')),
empirical AS (
  SELECT v.stage_id, AVG(d.status = 'won') AS p
  FROM visited v JOIN deals d ON d.id = v.deal_id
  WHERE d.status IN ('won', 'lost') GROUP BY v.stage_id),
open AS (
  SELECT COALESCE(strftime('%Y-%m', d.expected_close_date * 86400, 'unixepoch'), 'none') AS month,
         COUNT(*) AS n, SUM(d.value) AS value,
         SUM(d.value * COALESCE(d.probability, s.deal_probability) / 100) AS weighted,
         SUM(CAST(d.value * COALESCE(e.p, s.deal_probability / 100.0) AS INTEGER)) AS empirical
  FROM deals d JOIN stages s ON s.id = d.stage_id LEFT JOIN empirical e ON e.stage_id = d.stage_id
  WHERE d.workspace_id = 1 AND d.status = 'open' GROUP BY month),
won AS (
  SELECT strftime('%Y-%m', won_time + 7 * 3600, 'unixepoch') AS month, COUNT(*) AS n,
         SUM(value) AS value
  FROM deals WHERE workspace_id = 1 AND status = 'won' GROUP BY month)
SELECT o.month, o.n, o.value, o.weighted, o.empirical, w.n, w.value
FROM open o LEFT JOIN won w ON w.month = o.month
UNION ALL
SELECT w.month, NULL, NULL, NULL, NULL, w.n, w.value
FROM won w WHERE w.month NOT IN (SELECT month FROM open)
ORDER BY 1;
