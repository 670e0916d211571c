-- The API lists partnerships and customers newest first, keyset-paged on (created_at, id): with
-- these a page reads a range of the index instead of sorting the program's rows (issue 27).

-- CreateIndex
CREATE INDEX "customers_program_id_created_at_id_idx" ON "customers"("program_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "partnerships_program_id_created_at_id_idx" ON "partnerships"("program_id", "created_at", "id");
