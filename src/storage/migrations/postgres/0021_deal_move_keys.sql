-- 0021: the same rules as the SQLite migration of this number: deals.stage_id and
-- deals.pipeline_id lose their foreign keys (stages and pipelines are never deleted, and the
-- deal use cases accept only a stage of the deal's workspace). On SQLite the keys cost every
-- stage move a statement journal; here they cost a lookup of the stage and pipeline rows.
ALTER TABLE deals DROP CONSTRAINT IF EXISTS deals_stage_id_fkey;
ALTER TABLE deals DROP CONSTRAINT IF EXISTS deals_pipeline_id_fkey;
