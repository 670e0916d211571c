import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { AuditKind } from "./audit-kinds";

type Db = PrismaClient | Prisma.TransactionClient;

/** Who did it: a signed-in person, or a named non-person ("npm run admin", "PartnerStack import"). */
export type AuditActor = { id: number; name: string; email: string } | { system: string };

export interface AuditEntry {
  programId: number;
  actor: AuditActor;
  kind: AuditKind;
  /** One sentence a person reads in the log, e.g. "Invited ana@example.com as viewer". */
  summary: string;
  /** What changed, as data (ids, before/after): shown on demand and in the CSV. */
  details?: Record<string, unknown>;
}

/**
 * Writes one audit log entry. Pass the transaction that makes the change, so the entry exists
 * exactly when the change does. The actor's name and email are copied: the entry still reads after
 * the person leaves or is renamed.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const actor = entry.actor;
  await db.auditEvent.create({
    data: {
      programId: entry.programId,
      actorUserId: "id" in actor ? actor.id : null,
      actorLabel: "id" in actor ? `${actor.name} <${actor.email}>` : actor.system,
      kind: entry.kind,
      summary: entry.summary,
      details: (entry.details ?? {}) as Prisma.InputJsonObject,
    },
  });
}
