-- CreateEnum
CREATE TYPE "Role" AS ENUM ('owner', 'manager', 'viewer');

-- CreateEnum
CREATE TYPE "TargetType" AS ENUM ('customer', 'partnership');

-- CreateEnum
CREATE TYPE "RewardStatus" AS ENUM ('pending', 'approved', 'declined', 'paid');

-- CreateEnum
CREATE TYPE "ApiKeyMode" AS ENUM ('test', 'live');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programs" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "programs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "program_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("program_id","user_id")
);

-- CreateTable
CREATE TABLE "groups" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "groups_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "tags" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "partnerships" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "partner_key" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "group_id" INTEGER NOT NULL,
    "manager_user_id" INTEGER,
    "is_marketplace" BOOLEAN NOT NULL DEFAULT false,
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partnerships_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "partnership_tags" (
    "program_id" INTEGER NOT NULL,
    "partnership_id" INTEGER NOT NULL,
    "tag_id" INTEGER NOT NULL,

    CONSTRAINT "partnership_tags_pkey" PRIMARY KEY ("program_id","partnership_id","tag_id")
);

-- CreateTable
CREATE TABLE "customers" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "customer_key" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT,
    "partnership_id" INTEGER NOT NULL,
    "meta" JSONB NOT NULL DEFAULT '{}',
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "action_types" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_types_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "actions" (
    "program_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "action_type_id" INTEGER NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 1,
    "target_type" "TargetType" NOT NULL,
    "partnership_id" INTEGER NOT NULL,
    "customer_id" INTEGER,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMPTZ(3),
    "request_hash" TEXT,
    "reward_outcome" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "actions_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "reward_rules" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "action_type_id" INTEGER NOT NULL,
    "min_value" INTEGER,
    "group_id" INTEGER,
    "amount_cents" INTEGER NOT NULL,
    "multiply_by_value" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reward_rules_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "rewards" (
    "program_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "partnership_id" INTEGER NOT NULL,
    "action_id" BIGINT NOT NULL,
    "rule_id" INTEGER NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "RewardStatus" NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "rewards_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "mode" "ApiKeyMode" NOT NULL DEFAULT 'live',
    "public_key" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "ingest_logs" (
    "program_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "action_key" TEXT,

    CONSTRAINT "ingest_logs_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "saved_views" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "programs_slug_key" ON "programs"("slug");

-- CreateIndex
CREATE INDEX "memberships_program_id_role_idx" ON "memberships"("program_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "groups_program_id_key_key" ON "groups"("program_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "tags_program_id_name_key" ON "tags"("program_id", "name");

-- CreateIndex
CREATE INDEX "partnerships_program_id_group_id_idx" ON "partnerships"("program_id", "group_id");

-- CreateIndex
CREATE INDEX "partnerships_program_id_manager_user_id_idx" ON "partnerships"("program_id", "manager_user_id");

-- CreateIndex
CREATE INDEX "partnerships_program_id_email_idx" ON "partnerships"("program_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "partnerships_program_id_partner_key_key" ON "partnerships"("program_id", "partner_key");

-- CreateIndex
CREATE INDEX "partnership_tags_program_id_tag_id_idx" ON "partnership_tags"("program_id", "tag_id");

-- CreateIndex
CREATE INDEX "customers_program_id_partnership_id_idx" ON "customers"("program_id", "partnership_id");

-- CreateIndex
CREATE UNIQUE INDEX "customers_program_id_customer_key_key" ON "customers"("program_id", "customer_key");

-- CreateIndex
CREATE UNIQUE INDEX "action_types_program_id_name_key" ON "action_types"("program_id", "name");

-- CreateIndex
CREATE INDEX "actions_program_id_created_at_id_idx" ON "actions"("program_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "actions_program_id_updated_at_id_idx" ON "actions"("program_id", "updated_at", "id");

-- CreateIndex
CREATE INDEX "actions_program_id_occurred_at_id_idx" ON "actions"("program_id", "occurred_at", "id");

-- CreateIndex
CREATE INDEX "actions_program_id_partnership_id_occurred_at_idx" ON "actions"("program_id", "partnership_id", "occurred_at");

-- CreateIndex
CREATE INDEX "actions_program_id_action_type_id_occurred_at_idx" ON "actions"("program_id", "action_type_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "actions_program_id_key_key" ON "actions"("program_id", "key");

-- CreateIndex
CREATE INDEX "reward_rules_program_id_action_type_id_active_idx" ON "reward_rules"("program_id", "action_type_id", "active");

-- CreateIndex
CREATE INDEX "rewards_program_id_action_id_idx" ON "rewards"("program_id", "action_id");

-- CreateIndex
CREATE INDEX "rewards_program_id_partnership_id_created_at_idx" ON "rewards"("program_id", "partnership_id", "created_at");

-- CreateIndex
CREATE INDEX "rewards_program_id_created_at_id_idx" ON "rewards"("program_id", "created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_public_key_key" ON "api_keys"("public_key");

-- CreateIndex
CREATE INDEX "ingest_logs_program_id_created_at_idx" ON "ingest_logs"("program_id", "created_at");

-- CreateIndex
CREATE INDEX "ingest_logs_program_id_outcome_created_at_idx" ON "ingest_logs"("program_id", "outcome", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "saved_views_program_id_name_key" ON "saved_views"("program_id", "name");

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "groups" ADD CONSTRAINT "groups_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tags" ADD CONSTRAINT "tags_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_program_id_group_id_fkey" FOREIGN KEY ("program_id", "group_id") REFERENCES "groups"("program_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_program_id_manager_user_id_fkey" FOREIGN KEY ("program_id", "manager_user_id") REFERENCES "memberships"("program_id", "user_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership_tags" ADD CONSTRAINT "partnership_tags_program_id_partnership_id_fkey" FOREIGN KEY ("program_id", "partnership_id") REFERENCES "partnerships"("program_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership_tags" ADD CONSTRAINT "partnership_tags_program_id_tag_id_fkey" FOREIGN KEY ("program_id", "tag_id") REFERENCES "tags"("program_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_program_id_partnership_id_fkey" FOREIGN KEY ("program_id", "partnership_id") REFERENCES "partnerships"("program_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_types" ADD CONSTRAINT "action_types_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_program_id_action_type_id_fkey" FOREIGN KEY ("program_id", "action_type_id") REFERENCES "action_types"("program_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_program_id_partnership_id_fkey" FOREIGN KEY ("program_id", "partnership_id") REFERENCES "partnerships"("program_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_program_id_customer_id_fkey" FOREIGN KEY ("program_id", "customer_id") REFERENCES "customers"("program_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reward_rules" ADD CONSTRAINT "reward_rules_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reward_rules" ADD CONSTRAINT "reward_rules_program_id_action_type_id_fkey" FOREIGN KEY ("program_id", "action_type_id") REFERENCES "action_types"("program_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reward_rules" ADD CONSTRAINT "reward_rules_program_id_group_id_fkey" FOREIGN KEY ("program_id", "group_id") REFERENCES "groups"("program_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_program_id_partnership_id_fkey" FOREIGN KEY ("program_id", "partnership_id") REFERENCES "partnerships"("program_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_program_id_action_id_fkey" FOREIGN KEY ("program_id", "action_id") REFERENCES "actions"("program_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_program_id_rule_id_fkey" FOREIGN KEY ("program_id", "rule_id") REFERENCES "reward_rules"("program_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_logs" ADD CONSTRAINT "ingest_logs_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Checks Prisma cannot express (it leaves them alone in later diffs)
ALTER TABLE "actions" ADD CONSTRAINT "actions_value_positive" CHECK ("value" >= 1);
ALTER TABLE "reward_rules" ADD CONSTRAINT "reward_rules_amount_nonnegative" CHECK ("amount_cents" >= 0);
ALTER TABLE "reward_rules" ADD CONSTRAINT "reward_rules_min_value_positive" CHECK ("min_value" IS NULL OR "min_value" >= 1);
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_amount_nonnegative" CHECK ("amount_cents" >= 0);
