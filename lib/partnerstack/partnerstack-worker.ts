import "server-only";
import { startPollLoop, wakePollLoop } from "../background/poll-loop";
import { config } from "../config/config.mjs";
import type { OpenDatabase } from "../db/open";
import { openConnection } from "./connection";
import { partnerStackClient } from "./partnerstack-client";
import { ImportBusyError, ImportPausedError, runImport } from "./run-import";
import { privateSourceProblem } from "./source-address";
import { syncProgram } from "./sync-program";
import { messageOf } from "../observability/logger.mjs";

export const partnerStackSyncMs = () => config().PARTNERSTACK_SYNC_MINUTES * 60_000;

/**
 * One pass: every import waiting for a runner (asked for in the UI, or left by a process that
 * died: its lease ran out, or that stopped: it released it) runs to its end, then every connected
 * program whose last pull is older than PARTNERSTACK_SYNC_MINUTES pulls what changed. Failures are
 * recorded on the import or the connection, for the settings page to show. Once `signal` aborts
 * (the process is stopping), the import or pull under way stops after the page it is storing,
 * releases its lease, and the pass ends; the next process goes on from there.
 */
export async function runPartnerStackPass(
  db: OpenDatabase,
  syncMs = partnerStackSyncMs(),
  signal?: AbortSignal,
) {
  const { prisma } = db;
  const summary = { imports: 0, pulls: 0 };
  const waiting = await prisma.partnerStackImport.findMany({
    where: {
      status: "running",
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }],
    },
    orderBy: { startedAt: "asc" },
  });
  for (const run of waiting) {
    if (signal?.aborted) return summary;
    try {
      const connection = await openConnection(prisma, run.programId);
      if (!connection) throw new Error("The program is no longer connected to PartnerStack.");
      const problem = await privateSourceProblem(run.baseUrl);
      if (problem) throw new Error(problem);
      await runImport(
        prisma,
        run.programId,
        run.id,
        partnerStackClient(run.baseUrl, connection.keys),
        { signal },
      );
      summary.imports++;
    } catch (error) {
      if (error instanceof ImportPausedError) return summary;
      if (error instanceof ImportBusyError) continue;
      const message = messageOf(error);
      // runImport records its own failures; this covers the ones before it started.
      await prisma.partnerStackImport.updateMany({
        where: { programId: run.programId, id: run.id, status: "running", lockedUntil: null },
        data: { status: "failed", error: message },
      });
    }
  }
  const due = await prisma.partnerStackConnection.findMany({
    where: {
      OR: [{ syncedAt: null }, { syncedAt: { lt: new Date(Date.now() - syncMs) } }],
      AND: [{ OR: [{ syncLockedUntil: null }, { syncLockedUntil: { lt: new Date() } }] }],
      program: { partnerStackImports: { some: { status: "done" } } },
    },
  });
  for (const row of due) {
    if (signal?.aborted) return summary;
    const claimed = await prisma.partnerStackConnection.updateMany({
      where: {
        programId: row.programId,
        OR: [{ syncLockedUntil: null }, { syncLockedUntil: { lt: new Date() } }],
      },
      data: { syncLockedUntil: new Date(Date.now() + 10 * 60_000) },
    });
    if (claimed.count === 0) continue;
    try {
      if (
        await prisma.partnerStackImport.count({
          where: { programId: row.programId, status: "running" },
        })
      ) {
        continue; // an import is under way: it reads everything anyway
      }
      const connection = await openConnection(prisma, row.programId);
      if (!connection) continue;
      const problem = await privateSourceProblem(connection.baseUrl);
      if (problem) throw new Error(problem);
      await syncProgram(
        prisma,
        row.programId,
        partnerStackClient(connection.baseUrl, connection.keys),
        new Date(),
        signal,
      );
      summary.pulls++;
    } catch (error) {
      // Stopped between pages: not a failure; the next pull starts from the same point.
      if (signal?.aborted) continue;
      await prisma.partnerStackConnection.updateMany({
        where: { programId: row.programId },
        data: {
          syncedAt: new Date(),
          syncError: messageOf(error),
        },
      });
    } finally {
      await prisma.partnerStackConnection.updateMany({
        where: { programId: row.programId },
        data: { syncLockedUntil: null },
      });
    }
  }
  return summary;
}

const LOOP = "PartnerStack";

/** Runs passes inside the server process: every PARTNERSTACK_POLL_SECONDS (15 s), at once when woken. */
export function startPartnerStackWorker(db: OpenDatabase) {
  const pollMs = config().PARTNERSTACK_POLL_SECONDS * 1000;
  return startPollLoop(LOOP, pollMs, (signal) =>
    runPartnerStackPass(db, partnerStackSyncMs(), signal),
  );
}

/** Starts the next pass now (after "Import"); without a worker in this process, nothing. */
export function wakePartnerStackWorker() {
  wakePollLoop(LOOP);
}
