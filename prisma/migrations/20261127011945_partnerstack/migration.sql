-- CreateEnum
CREATE TYPE "RewardOrigin" AS ENUM ('rule', 'imported', 'backfill');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('running', 'done', 'failed');

-- AlterTable
ALTER TABLE "actions" ADD COLUMN     "imported_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "programs" ALTER COLUMN "delivery_domains" SET DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "rewards" ADD COLUMN     "origin" "RewardOrigin" NOT NULL DEFAULT 'rule',
ALTER COLUMN "rule_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "partnerstack_connections" (
    "program_id" INTEGER NOT NULL,
    "base_url" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "secret_key_sealed" TEXT NOT NULL,
    "webhook_secret_sealed" TEXT NOT NULL,
    "connected_by" INTEGER,
    "synced_through" TIMESTAMPTZ(3),
    "synced_at" TIMESTAMPTZ(3),
    "sync_error" TEXT,
    "sync_locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partnerstack_connections_pkey" PRIMARY KEY ("program_id")
);

-- CreateTable
CREATE TABLE "partnerstack_imports" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'running',
    "base_url" TEXT NOT NULL,
    "rerun_rules" BOOLEAN NOT NULL DEFAULT false,
    "requested_by" INTEGER,
    "error" TEXT,
    "locked_until" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "partnerstack_imports_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "partnerstack_import_steps" (
    "program_id" INTEGER NOT NULL,
    "import_id" INTEGER NOT NULL,
    "resource" TEXT NOT NULL,
    "cursor" TEXT,
    "fetched" INTEGER NOT NULL DEFAULT 0,
    "stored" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "elapsed_ms" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partnerstack_import_steps_pkey" PRIMARY KEY ("program_id","import_id","resource")
);

-- CreateIndex
CREATE INDEX "partnerstack_imports_program_id_started_at_idx" ON "partnerstack_imports"("program_id", "started_at");

-- AddForeignKey
ALTER TABLE "partnerstack_connections" ADD CONSTRAINT "partnerstack_connections_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerstack_imports" ADD CONSTRAINT "partnerstack_imports_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerstack_import_steps" ADD CONSTRAINT "partnerstack_import_steps_program_id_import_id_fkey" FOREIGN KEY ("program_id", "import_id") REFERENCES "partnerstack_imports"("program_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
