-- The leaderboard, all time, as plain SQL: per owner, activities done by type, deals added,
-- won, lost, win rate, won value, average won deal and days from add to won.
WITH dl AS (
  SELECT owner_id, COUNT(*) AS added, SUM(status = 'won') AS won, SUM(status = 'lost') AS lost,
         SUM(CASE WHEN status = 'won' THEN value ELSE 0 END) AS won_value,
         AVG(CASE WHEN status = 'won' THEN (won_time - add_time) / 86400.0 END) AS days_to_win
  FROM deals WHERE workspace_id = 1 AND status <> 'deleted' GROUP BY owner_id),
act AS (
  SELECT owner_id, SUM(type = 'call') AS calls, SUM(type = 'meeting') AS meetings,
         SUM(type = 'task') AS tasks, SUM(type = 'email') AS emails, COUNT(*) AS done
  FROM activities WHERE workspace_id = 1 AND done = 1 AND is_deleted = 0 GROUP BY owner_id)
SELECT u.id, u.name, act.done, act.calls, act.meetings, act.tasks, act.emails, dl.added, dl.won,
       dl.lost, 1.0 * dl.won / NULLIF(dl.won + dl.lost, 0) AS win_rate, dl.won_value,
       dl.won_value / NULLIF(dl.won, 0) AS avg_won, dl.days_to_win
FROM users u LEFT JOIN dl ON dl.owner_id = u.id LEFT JOIN act ON act.owner_id = u.id
WHERE u.workspace_id = 1 ORDER BY dl.won_value DESC;
