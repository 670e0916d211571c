-- Actions carry the client's flat properties (issue 28): at most 20 keys, text/number/boolean
-- values, validated by the API. No index of their own: the tab reads a program's actions by
-- (program_id, occurred_at, id) and tests `properties ->> key` on those rows; a GIN index would
-- need btree_gin (to lead with program_id) in every PGlite opener and could not serve a filter
-- that keeps half the rows (docs/architecture/statistics.md, BENCHMARKS.md).

-- AlterTable
ALTER TABLE "actions" ADD COLUMN     "properties" JSONB NOT NULL DEFAULT '{}';
