-- CreateEnum
CREATE TYPE "DeliveryFrequency" AS ENUM ('daily', 'weekly', 'monthly');

-- CreateEnum
CREATE TYPE "DeliveryChannel" AS ENUM ('email', 'webhook');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sending', 'retrying', 'sent', 'failed');

-- AlterTable
ALTER TABLE "programs" ADD COLUMN     "delivery_domains" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "delivery_schedules" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "saved_view_id" INTEGER NOT NULL,
    "created_by" INTEGER NOT NULL,
    "frequency" "DeliveryFrequency" NOT NULL,
    "weekday" INTEGER,
    "month_day" INTEGER,
    "time_of_day" INTEGER NOT NULL,
    "file" TEXT NOT NULL,
    "channel" "DeliveryChannel" NOT NULL,
    "recipients" TEXT[],
    "webhook_url" TEXT,
    "webhook_secret" TEXT,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_schedules_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "deliveries" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "schedule_id" INTEGER NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    "recipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "file_name" TEXT,
    "file_bytes" INTEGER,
    "error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "delivery_files" (
    "program_id" INTEGER NOT NULL,
    "delivery_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "delivery_files_pkey" PRIMARY KEY ("program_id","delivery_id")
);

-- CreateIndex
CREATE INDEX "delivery_schedules_program_id_saved_view_id_idx" ON "delivery_schedules"("program_id", "saved_view_id");

-- CreateIndex
CREATE INDEX "delivery_schedules_program_id_next_run_at_idx" ON "delivery_schedules"("program_id", "next_run_at");

-- CreateIndex
CREATE INDEX "deliveries_program_id_status_next_attempt_at_idx" ON "deliveries"("program_id", "status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_program_id_schedule_id_due_at_key" ON "deliveries"("program_id", "schedule_id", "due_at");

-- CreateIndex
CREATE INDEX "delivery_files_program_id_expires_at_idx" ON "delivery_files"("program_id", "expires_at");

-- AddForeignKey
ALTER TABLE "delivery_schedules" ADD CONSTRAINT "delivery_schedules_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_schedules" ADD CONSTRAINT "delivery_schedules_program_id_saved_view_id_fkey" FOREIGN KEY ("program_id", "saved_view_id") REFERENCES "saved_views"("program_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_program_id_schedule_id_fkey" FOREIGN KEY ("program_id", "schedule_id") REFERENCES "delivery_schedules"("program_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_files" ADD CONSTRAINT "delivery_files_program_id_delivery_id_fkey" FOREIGN KEY ("program_id", "delivery_id") REFERENCES "deliveries"("program_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
