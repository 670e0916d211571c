import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { encryptionKeyFrom } from "../security/sealed-secret";
import { getConnectionSummary, openConnection } from "./connection";
import { importProgress, type StepProgress } from "./run-import";

export interface ImportView {
  id: number;
  status: "running" | "done" | "failed";
  /** Running, but no process holds it (waiting for the worker, or left by one that stopped). */
  waiting: boolean;
  rerunRules: boolean;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  steps: StepProgress[];
}

/** What the PartnerStack settings page shows: the connection, its webhook secret, the last import. */
export async function loadPartnerStackPage(prisma: PrismaClient, programId: number) {
  const connection = await getConnectionSummary(prisma, programId);
  let webhookSecret: string | null = null;
  let secretProblem: string | null = null;
  if (connection) {
    try {
      webhookSecret = (await openConnection(prisma, programId))?.webhookSecret ?? null;
    } catch (error) {
      secretProblem = error instanceof Error ? error.message : String(error);
    }
  }
  const last = await prisma.partnerStackImport.findFirst({
    where: { programId },
    orderBy: { id: "desc" },
  });
  const lastImport: ImportView | null = last
    ? {
        id: last.id,
        status: last.status,
        waiting: last.status === "running" && (!last.lockedUntil || last.lockedUntil < new Date()),
        rerunRules: last.rerunRules,
        error: last.error,
        startedAt: last.startedAt,
        finishedAt: last.finishedAt,
        steps: await importProgress(prisma, programId, last.id),
      }
    : null;
  return {
    encryptionConfigured: encryptionKeyFrom() !== null,
    connection,
    webhookSecret,
    secretProblem,
    lastImport,
  };
}
