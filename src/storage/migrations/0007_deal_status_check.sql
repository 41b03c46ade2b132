-- 0007: the same status check on deals, written as comparisons instead of IN (...).
-- SQLite builds a temporary b-tree for a constant IN list of more than two values every time
-- the check runs, that is on every deal insert: about a third of the CPU of creating a deal.
-- Comparisons allow exactly the same values. SQLite cannot alter a constraint in place; its
-- documented way of changing a CHECK without copying the table is to edit the table's
-- definition in sqlite_schema (https://sqlite.org/lang_altertable.html, "the following simpler
-- procedure"). Every existing row passes the new check, because it is the same check, and a
-- connection that still holds the old definition enforces the same rule with it.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (status IN (''open'', ''won'', ''lost'', ''deleted''))',
                  'CHECK (status = ''open'' OR status = ''won'' OR status = ''lost'' OR '
                  || 'status = ''deleted'')')
WHERE type = 'table' AND name = 'deals';
PRAGMA writable_schema = RESET;
