-- A reward's public key was `rwd_<id>`, and ids come from one sequence shared by every program:
-- a tenant could read other programs' volume off the gaps. New rewards get a random key; the
-- rewards that exist keep the key they were known by, so stored references still resolve.
ALTER TABLE "rewards" ADD COLUMN "key" TEXT;
UPDATE "rewards" SET "key" = 'rwd_' || "id";
ALTER TABLE "rewards"
  ALTER COLUMN "key" SET DEFAULT ('rwd_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 24)),
  ALTER COLUMN "key" SET NOT NULL;
CREATE UNIQUE INDEX "rewards_program_id_key_key" ON "rewards"("program_id", "key");
