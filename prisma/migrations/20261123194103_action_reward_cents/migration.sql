-- AlterTable
ALTER TABLE "actions" ADD COLUMN     "reward_cents" INTEGER NOT NULL DEFAULT 0;

-- Backfill from the rewards each action made.
UPDATE "actions" a SET "reward_cents" = r.total
FROM (SELECT "program_id", "action_id", sum("amount_cents")::int AS total FROM "rewards" GROUP BY "program_id", "action_id") r
WHERE a."program_id" = r."program_id" AND a."id" = r."action_id";
