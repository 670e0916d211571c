import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * The outside domains whose addresses may receive the program's deliveries, with an audit entry
 * naming what was added and removed (none when the list stays as it was).
 */
export async function setDeliveryDomains(
  prisma: PrismaClient,
  programId: number,
  domains: string[],
  actor: AuditActor,
) {
  await prisma.$transaction(async (tx) => {
    const [program] = await tx.$queryRaw<{ delivery_domains: string[] }[]>`
      SELECT delivery_domains FROM programs WHERE id = ${programId} FOR UPDATE`;
    const before = program?.delivery_domains ?? [];
    await tx.program.update({ where: { id: programId }, data: { deliveryDomains: domains } });
    const added = domains.filter((d) => !before.includes(d));
    const removed = before.filter((d) => !domains.includes(d));
    if (added.length === 0 && removed.length === 0) return;
    const parts = [
      added.length ? `added ${added.join(", ")}` : "",
      removed.length ? `removed ${removed.join(", ")}` : "",
    ].filter(Boolean);
    await recordAudit(tx, {
      programId,
      actor,
      kind: "deliveries.domains_changed",
      summary: `Allowed delivery domains: ${parts.join("; ")}`,
      details: { before, after: domains, added, removed },
    });
  });
}
