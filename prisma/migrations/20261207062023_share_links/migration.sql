-- CreateTable
CREATE TABLE "share_links" (
    "program_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "saved_view_id" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "password_hash" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_by" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "share_links_pkey" PRIMARY KEY ("program_id","id")
);

-- CreateIndex
CREATE INDEX "share_links_program_id_saved_view_id_idx" ON "share_links"("program_id", "saved_view_id");

-- CreateIndex
CREATE UNIQUE INDEX "share_links_program_id_token_key" ON "share_links"("program_id", "token");

-- AddForeignKey
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_program_id_saved_view_id_fkey" FOREIGN KEY ("program_id", "saved_view_id") REFERENCES "saved_views"("program_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
