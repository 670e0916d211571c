-- Notes on the chart's time axis (issue 29, item 4): a manager's text on a local day of the
-- program. Notes made by changes (reward rules, groups, settings) are read from audit_events.

-- CreateTable
CREATE TABLE "annotations" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "day" DATE NOT NULL,
    "text" TEXT NOT NULL,
    "author_user_id" INTEGER,
    "author_label" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotations_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateIndex
CREATE INDEX "annotations_program_id_day_idx" ON "annotations"("program_id", "day");

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
