-- AlterTable
ALTER TABLE "share_links" ADD COLUMN     "embed_origins" TEXT[] DEFAULT ARRAY[]::TEXT[];
