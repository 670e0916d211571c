-- AlterTable
ALTER TABLE "programs" ADD COLUMN     "embed_secret" TEXT;
