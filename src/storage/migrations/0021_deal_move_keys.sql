-- 0021: a stage move without a statement journal (issue 2's write targets), the same rules.
--
-- SQLite runs an UPDATE that sets a column with a foreign key inside a statement journal:
-- every page the statement changes is first copied aside, so that it can be undone if the key
-- turns out missing at its end. A stage move sets stage_id (and pipeline_id between
-- pipelines), so every move paid for it, about 7% of the write benchmark's move rate.
-- Stages and pipelines are never deleted (is_deleted marks them), and the deal use cases accept
-- only a stage of the deal's own workspace, a stronger check than these keys made; so the two
-- keys never refused a row the domain let through. The other keys of deals stay. The table's
-- definition is edited in place as 0007 edited its status check
-- (https://sqlite.org/lang_altertable.html, "the following simpler procedure"): dropping a
-- key leaves every existing row valid.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(replace(sql,
                          'pipeline_id INTEGER NOT NULL REFERENCES pipelines(id)',
                          'pipeline_id INTEGER NOT NULL'),
                  'stage_id INTEGER NOT NULL REFERENCES stages(id)',
                  'stage_id INTEGER NOT NULL')
WHERE type = 'table' AND name = 'deals';
PRAGMA writable_schema = RESET;
-- A schema change bumps the schema version, so other connections reload the edited definition.
CREATE TABLE migration_0021_schema_bump (x INTEGER);
DROP TABLE migration_0021_schema_bump;
