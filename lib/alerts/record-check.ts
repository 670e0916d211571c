import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { AlertMessage } from "./alert-message";
import type { Reading } from "./judge";

export interface CheckRecord {
  programId: number;
  alertId: number;
  /** The due check time this process claimed: nothing is written if it is no longer so. */
  claimedCheckAt: Date;
  checkedAt: Date;
  nextCheckAt: Date;
  periodStart: Date;
  /** Keys out of range with no episode yet (`announced`: told by this check's message). */
  started: Reading[];
  announced: boolean;
  /** Keys back in range: their episodes end. */
  ended: string[];
  /** Keys out of range since a snooze, told by this check's message. */
  toldLate: string[];
  message: AlertMessage | null;
  now: Date;
}

/**
 * Writes a check's findings in one transaction: first the next check time, only if the claimed
 * one is still there (a process that lost its claim writes nothing: "taken"), then the episodes
 * started and ended and the message as a delivery (unique per alert and check time).
 */
export function recordCheck(
  prisma: PrismaClient,
  r: CheckRecord,
): Promise<"checked" | "fired" | "taken"> {
  const alert = { programId: r.programId, alertId: r.alertId };
  return prisma.$transaction(async (tx) => {
    const moved = await tx.alert.updateMany({
      where: { programId: r.programId, id: r.alertId, nextCheckAt: r.claimedCheckAt },
      data: {
        nextCheckAt: r.nextCheckAt,
        checkingUntil: null,
        lastCheckedAt: r.checkedAt,
        checkError: null,
      },
    });
    if (moved.count === 0) return "taken" as const;
    if (r.ended.length) {
      await tx.alertEpisode.deleteMany({ where: { ...alert, key: { in: r.ended } } });
    }
    if (r.started.length) {
      await tx.alertEpisode.createMany({
        data: r.started.map((s) => ({
          ...alert,
          key: s.key,
          label: s.label,
          since: r.periodStart,
          value: s.value,
          announced: r.announced,
        })),
      });
    }
    if (r.toldLate.length) {
      await tx.alertEpisode.updateMany({
        where: { ...alert, key: { in: r.toldLate } },
        data: { announced: true },
      });
    }
    if (!r.message) return "checked" as const;
    await tx.delivery.create({
      data: {
        ...alert,
        dueAt: r.checkedAt,
        nextAttemptAt: r.now,
        message: r.message as unknown as Prisma.InputJsonValue,
      },
    });
    return "fired" as const;
  });
}
