import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../observability/logger.mjs";

interface IngestLogEntry {
  programId: number;
  method: string;
  path: string;
  status: number;
  message: string;
  actionKey?: string | null;
}

export const INGEST_LOG_RETENTION_DAYS = 30;

/**
 * Records one API request. Never throws: a logging failure must not turn an accepted request
 * into an error. Occasionally prunes the program's entries older than the retention period.
 */
export async function writeIngestLog(prisma: PrismaClient, entry: IngestLogEntry): Promise<void> {
  // NUL cannot be stored in text, and embedded PGlite refuses some unpaired surrogates
  // ("\udfff\udfff", "\ufeff\udc00": "invalid byte sequence"). Whatever the client sent
  // (messages quote unknown keys), the log keeps a readable trace.
  const clean = (text: string) => text.replaceAll("\u0000", "\uFFFD").toWellFormed();
  try {
    await prisma.ingestLog.create({
      data: {
        programId: entry.programId,
        method: entry.method,
        path: clean(entry.path.slice(0, 500)),
        status: entry.status,
        outcome: entry.status < 400 ? "accepted" : "rejected",
        message: clean(entry.message.slice(0, 2000)),
        actionKey: entry.actionKey ? clean(entry.actionKey.slice(0, 255)) : null,
      },
    });
    if (Math.random() < 0.01) {
      await prisma.$executeRaw`DELETE FROM ingest_logs WHERE program_id = ${entry.programId}
        AND created_at < now() - make_interval(days => ${INGEST_LOG_RETENTION_DAYS})`;
    }
  } catch (error) {
    logger().error({ err: error }, "Could not write the ingest log");
  }
}
