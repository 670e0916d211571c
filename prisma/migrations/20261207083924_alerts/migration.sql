-- CreateEnum
CREATE TYPE "AlertMetric" AS ENUM ('occurrences', 'rewards', 'type');

-- CreateEnum
CREATE TYPE "AlertPer" AS ENUM ('view', 'partner', 'group');

-- CreateEnum
CREATE TYPE "AlertCondition" AS ENUM ('above', 'below', 'unusual');

-- CreateEnum
CREATE TYPE "AlertFrequency" AS ENUM ('hourly', 'daily');

-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "alert_id" INTEGER,
ADD COLUMN     "message" JSONB,
ALTER COLUMN "schedule_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "alerts" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "saved_view_id" INTEGER NOT NULL,
    "created_by" INTEGER NOT NULL,
    "metric" "AlertMetric" NOT NULL,
    "action_type_id" INTEGER,
    "per" "AlertPer" NOT NULL,
    "condition" "AlertCondition" NOT NULL,
    "threshold" DOUBLE PRECISION,
    "sensitivity" DOUBLE PRECISION,
    "frequency" "AlertFrequency" NOT NULL,
    "channel" "DeliveryChannel" NOT NULL,
    "recipients" TEXT[],
    "webhook_url" TEXT,
    "webhook_secret" TEXT,
    "next_check_at" TIMESTAMPTZ(3) NOT NULL,
    "checking_until" TIMESTAMPTZ(3),
    "last_checked_at" TIMESTAMPTZ(3),
    "check_error" TEXT,
    "snoozed_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateTable
CREATE TABLE "alert_episodes" (
    "program_id" INTEGER NOT NULL,
    "alert_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "announced" BOOLEAN NOT NULL,

    CONSTRAINT "alert_episodes_pkey" PRIMARY KEY ("program_id","alert_id","key")
);

-- CreateIndex
CREATE INDEX "alerts_program_id_saved_view_id_idx" ON "alerts"("program_id", "saved_view_id");

-- CreateIndex
CREATE INDEX "alerts_program_id_next_check_at_idx" ON "alerts"("program_id", "next_check_at");

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_program_id_alert_id_due_at_key" ON "deliveries"("program_id", "alert_id", "due_at");

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_program_id_alert_id_fkey" FOREIGN KEY ("program_id", "alert_id") REFERENCES "alerts"("program_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_program_id_saved_view_id_fkey" FOREIGN KEY ("program_id", "saved_view_id") REFERENCES "saved_views"("program_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_episodes" ADD CONSTRAINT "alert_episodes_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_episodes" ADD CONSTRAINT "alert_episodes_program_id_alert_id_fkey" FOREIGN KEY ("program_id", "alert_id") REFERENCES "alerts"("program_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A delivery is a schedule's sending or an alert's message, never both or neither.
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_schedule_or_alert"
  CHECK (("schedule_id" IS NULL) <> ("alert_id" IS NULL));
