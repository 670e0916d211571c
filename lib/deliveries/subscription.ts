import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { Subscription } from "./delivery-links";

/** What an unsubscribe link's page says: the saved view, the program, who receives it now. */
export async function loadSubscription(prisma: PrismaClient, of: Subscription) {
  const where = { programId_id: { programId: of.programId, id: of.id } };
  const select = {
    recipients: true,
    savedView: { select: { name: true } },
    program: { select: { name: true } },
  } as const;
  const row =
    of.kind === "alert"
      ? await prisma.alert.findUnique({ where, select })
      : await prisma.deliverySchedule.findUnique({ where, select });
  return (
    row && {
      /** "no longer receives …" */
      received:
        of.kind === "alert" ? `the alert on “${row.savedView.name}”` : `“${row.savedView.name}”`,
      /** "Stop sending …" */
      sent:
        of.kind === "alert"
          ? `the alert on “${row.savedView.name}”`
          : `the scheduled delivery “${row.savedView.name}”`,
      programName: row.program.name,
      recipients: row.recipients,
    }
  );
}

/**
 * Unsubscribes one address from one schedule or alert (the email's link): it keeps its other
 * recipients. True when the address was on it.
 */
export async function removeRecipient(
  prisma: PrismaClient,
  of: Subscription,
  recipient: string,
): Promise<boolean> {
  const removed =
    of.kind === "alert"
      ? await prisma.$executeRaw`
          UPDATE alerts SET recipients = array_remove(recipients, ${recipient})
          WHERE program_id = ${of.programId} AND id = ${of.id} AND ${recipient} = ANY(recipients)`
      : await prisma.$executeRaw`
          UPDATE delivery_schedules SET recipients = array_remove(recipients, ${recipient})
          WHERE program_id = ${of.programId} AND id = ${of.id} AND ${recipient} = ANY(recipients)`;
  return removed > 0;
}
