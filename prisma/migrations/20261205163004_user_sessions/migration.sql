-- CreateTable
CREATE TABLE "user_sessions" (
    "id" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions"("user_id");

-- AddForeignKey
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A password change ends every session of the user; so does leaving a program or a new role in it.
-- Triggers, so that no code path that changes these can forget (issue 23, item 9).
CREATE FUNCTION "end_sessions_of_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "user_sessions" SET "ended_at" = now() WHERE "user_id" = OLD."id" AND "ended_at" IS NULL;
  RETURN NULL;
END $$;

CREATE FUNCTION "end_sessions_of_member"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "user_sessions" SET "ended_at" = now() WHERE "user_id" = OLD."user_id" AND "ended_at" IS NULL;
  RETURN NULL;
END $$;

CREATE TRIGGER "users_password_ends_sessions" AFTER UPDATE OF "password_hash" ON "users"
  FOR EACH ROW WHEN (OLD."password_hash" IS DISTINCT FROM NEW."password_hash")
  EXECUTE FUNCTION "end_sessions_of_user"();

CREATE TRIGGER "memberships_removal_ends_sessions" AFTER DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "end_sessions_of_member"();

CREATE TRIGGER "memberships_role_ends_sessions" AFTER UPDATE OF "role" ON "memberships"
  FOR EACH ROW WHEN (OLD."role" IS DISTINCT FROM NEW."role")
  EXECUTE FUNCTION "end_sessions_of_member"();
