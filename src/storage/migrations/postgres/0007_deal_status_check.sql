-- 0007: the same status check on deals, written as comparisons instead of IN (...), as in the
-- SQLite schema (where a constant IN list costs a temporary b-tree on every insert). The values
-- allowed do not change.
ALTER TABLE deals DROP CONSTRAINT deals_status_check;
ALTER TABLE deals ADD CONSTRAINT deals_status_check
    CHECK (status = 'open' OR status = 'won' OR status = 'lost' OR status = 'deleted');
