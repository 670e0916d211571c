import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { INGEST_LOG_RETENTION_DAYS } from "./write-ingest-log";

const INGEST_LOG_PAGE = 50;

/** The API log, newest first, keyset-paged by id (`before` = the last id of the previous page). */
export async function listIngestLog(
  prisma: PrismaClient,
  programId: number,
  options: { outcome?: "accepted" | "rejected"; before?: bigint },
) {
  const since = new Date(Date.now() - INGEST_LOG_RETENTION_DAYS * 86_400_000);
  const rows = await prisma.ingestLog.findMany({
    where: {
      programId,
      createdAt: { gte: since },
      ...(options.outcome ? { outcome: options.outcome } : {}),
      ...(options.before ? { id: { lt: options.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: INGEST_LOG_PAGE + 1,
  });
  return {
    entries: rows.slice(0, INGEST_LOG_PAGE),
    nextBefore: rows.length > INGEST_LOG_PAGE ? rows[INGEST_LOG_PAGE - 1].id : null,
  };
}
