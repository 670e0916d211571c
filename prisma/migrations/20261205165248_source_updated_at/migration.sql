-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "source_updated_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "partnerships" ADD COLUMN     "source_updated_at" TIMESTAMPTZ(3);
