-- AlterTable
ALTER TABLE "groups" ADD COLUMN     "archived_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "partnerships" ADD COLUMN     "pending_manager_email" TEXT;

-- AlterTable
ALTER TABLE "tags" ADD COLUMN     "archived_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "instance_setup" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "completed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "owner_user_id" INTEGER NOT NULL,

    CONSTRAINT "instance_setup_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "instance_setup_single_row" CHECK ("id")
);

-- CreateTable
CREATE TABLE "password_resets" (
    "token_hash" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "password_resets_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "program_slug_redirects" (
    "program_id" INTEGER NOT NULL,
    "old_slug" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "program_slug_redirects_pkey" PRIMARY KEY ("program_id","old_slug")
);

-- CreateTable
CREATE TABLE "invitations" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "nonce_hash" TEXT NOT NULL,
    "invited_by_user_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_user_id" INTEGER,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "program_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "actor_user_id" INTEGER,
    "actor_label" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateIndex
CREATE INDEX "password_resets_user_id_idx" ON "password_resets"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "program_slug_redirects_old_slug_key" ON "program_slug_redirects"("old_slug");

-- CreateIndex
CREATE INDEX "invitations_program_id_email_idx" ON "invitations"("program_id", "email");

-- CreateIndex
CREATE INDEX "audit_events_program_id_created_at_id_idx" ON "audit_events"("program_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_events_program_id_actor_user_id_created_at_idx" ON "audit_events"("program_id", "actor_user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_events_program_id_kind_created_at_idx" ON "audit_events"("program_id", "kind", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program_slug_redirects" ADD CONSTRAINT "program_slug_redirects_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One open invitation per address and program (accepted and revoked ones are history).
CREATE UNIQUE INDEX "invitations_program_id_open_email_key" ON "invitations"("program_id", lower("email")) WHERE "accepted_at" IS NULL AND "revoked_at" IS NULL;
