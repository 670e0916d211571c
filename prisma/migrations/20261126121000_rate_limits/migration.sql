-- Counters for rate limits (sign-in per account and per address, API per key, wrong secrets per
-- public key). In the database, so limits hold across restarts and across server processes.
-- Not program-owned: a sign-in is counted before any program is known. Buckets are hashed, so
-- no email or address is stored.
CREATE TABLE "rate_limits" (
    "bucket" TEXT NOT NULL,
    "hits" INTEGER NOT NULL,
    "window_end" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("bucket")
);
CREATE INDEX "rate_limits_window_end_idx" ON "rate_limits"("window_end");
